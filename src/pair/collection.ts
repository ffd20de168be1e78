/**
 * The inverted index of a collection: anchor keys interned to integers, their document frequency and rarity
 * weight (IDF over the whole collection × a weight per kind of key), a postings list per key and language, and
 * each document as a sparse weighted key vector. Built once from fingerprints; read by candidate generation and
 * scoring.
 */
import type { Lang } from '../types.js';
import { KIND_WEIGHTS, type PairModel } from './model.js';
import type { Fingerprint } from './types.js';

/** A document as a sparse vector over interned keys. */
export interface DocVector {
  fingerprint: Fingerprint;
  /** Interned key ids, ascending. */
  keys: Int32Array;
  /** Per key: sublinear term frequency (1 + ln count) × the anchor's prior weight. */
  tf: Float64Array;
  /** Per key: 1 when the key is a digit figure of this document (a figure a translation must carry). */
  figure: Uint8Array;
  /** Σ tf × key weight: the document's anchor mass, the normaliser of its overlaps. */
  mass: number;
  /** The document's digit figures, each key once, in text order (what the contradiction check walks). */
  figures: Fingerprint['figures'];
  /** Per entry of `figures`: its interned key id, -1 for a key not in the index. */
  figureIds: Int32Array;
  /** Per entry of `figures`: the collection weight of its key (the rarest weight for a key no text holds). */
  figureWeights: Float64Array;
  /** The lead dates as `month * 100 + day`, in the order of `fingerprint.leadDates`. */
  leadMonthDays: Int32Array;
  /** Per lead date: the collection weight of its key, as for `figureWeights`. */
  leadDateWeights: Float64Array;
}

/** The two sides of a collection and the key statistics over both. */
export interface CollectionIndex {
  /** Documents per language, sorted by id (so results do not depend on input order). */
  docs: Record<Lang, DocVector[]>;
  /** Key id → key. */
  keys: string[];
  /** Key → key id. */
  ids: Map<string, number>;
  /** Key id → weight: IDF over the collection × the weight of the key's kind. */
  weight: Float64Array;
  /**
   * The postings of each language in one array (compressed rows): the documents holding key `k` (indices into
   * `docs[lang]`) are `postings[lang][postingStart[lang][k] .. postingStart[lang][k + 1])`, first those with a
   * full publication date, ordered by that date, then the others, ascending. One array instead of one per key:
   * a large collection has hundreds of thousands of keys.
   */
  postings: Record<Lang, Int32Array>;
  /** Key id → where its postings start in `postings[lang]` (length: keys + 1). */
  postingStart: Record<Lang, Int32Array>;
  /** Key id → how many of its postings (the head) have a publication day. */
  postingDated: Record<Lang, Int32Array>;
  /** Per posting: the publication day (days since 1970) of a dated posting, ascending within a key's dated head; 0 elsewhere. */
  postingDays: Record<Lang, Int32Array>;
  /** IDF of a key held by a single document, `ln((N + 1) / 1.5)`: the weight of evidence found outside the keys. */
  rarest: number;
}

/**
 * Build the index. Fingerprints are sorted by id within each language; ids must be unique (the caller checks).
 * IDF is `ln((N + 1) / (df + 0.5))` over all N documents of both languages.
 */
export function buildIndex(fingerprints: readonly Fingerprint[], model: PairModel): CollectionIndex {
  const ids = new Map<string, number>();
  const keys: string[] = [];
  const sorted = [...fingerprints].sort((a, b) => compareIds(a.id, b.id));
  const sides: Record<Lang, Fingerprint[]> = { ru: [], en: [] };
  for (const fingerprint of sorted) sides[fingerprint.lang].push(fingerprint);

  const intern = (key: string): number => {
    let id = ids.get(key);
    if (id === undefined) {
      id = keys.length;
      ids.set(key, id);
      keys.push(key);
    }
    return id;
  };
  // Intern in a fixed order (sorted documents, sorted keys) so key ids do not depend on input order either.
  const raw: Record<Lang, Array<{ keys: Int32Array; tf: Float64Array; figure: Uint8Array }>> = { ru: [], en: [] };
  for (const lang of ['ru', 'en'] as const) {
    for (const fingerprint of sides[lang]) {
      const figures = new Set(fingerprint.figures.map((figure) => figure.key));
      const pairs = fingerprint.keys.map((entry) => ({
        id: intern(entry.key),
        tf: (1 + Math.log(entry.count)) * entry.weight,
        figure: figures.has(entry.key) ? 1 : 0,
      }));
      pairs.sort((a, b) => a.id - b.id);
      raw[lang].push({
        keys: Int32Array.from(pairs, (p) => p.id),
        tf: Float64Array.from(pairs, (p) => p.tf),
        figure: Uint8Array.from(pairs, (p) => p.figure),
      });
    }
  }

  const count: Record<Lang, Int32Array> = { ru: new Int32Array(keys.length), en: new Int32Array(keys.length) };
  for (const lang of ['ru', 'en'] as const) for (const doc of raw[lang]) for (const key of doc.keys) count[lang][key]++;
  const total = sides.ru.length + sides.en.length;
  const weight = new Float64Array(keys.length);
  for (let key = 0; key < keys.length; key++) {
    const df = count.ru[key] + count.en[key];
    const bilingual = count.ru[key] > 0 && count.en[key] > 0;
    // A key only one language ever has cannot be shared: it would only dilute its documents' mass.
    weight[key] = model.monolingualKeys || bilingual ? Math.log((total + 1) / (df + 0.5)) * kindWeight(keys[key], model) : 0;
  }

  // Postings ordered by publication day, so that candidate generation can take the documents of a date window
  // as one slice (and judge a key's commonness within the window, not over years of news).
  const postings = {} as Record<Lang, Int32Array>;
  const postingStart = {} as Record<Lang, Int32Array>;
  const postingDated = {} as Record<Lang, Int32Array>;
  const postingDays = {} as Record<Lang, Int32Array>;
  for (const lang of ['ru', 'en'] as const) {
    const dayOf = sides[lang].map((fingerprint) => fingerprint.day);
    const order = sides[lang].map((_, index) => index);
    order.sort((a, b) => (dayOf[a] ?? Infinity) - (dayOf[b] ?? Infinity) || a - b);
    const start = new Int32Array(keys.length + 1);
    for (let key = 0; key < keys.length; key++) start[key + 1] = start[key] + count[lang][key];
    const list = new Int32Array(start[keys.length]);
    const days = new Int32Array(start[keys.length]);
    const dated = new Int32Array(keys.length);
    const fill = start.slice(0, keys.length);
    for (const index of order) {
      const day = dayOf[index];
      for (const key of raw[lang][index].keys) {
        const at = fill[key]++;
        list[at] = index;
        if (day !== undefined) {
          days[at] = day;
          dated[key]++;
        }
      }
    }
    postings[lang] = list;
    postingStart[lang] = start;
    postingDated[lang] = dated;
    postingDays[lang] = days;
  }

  const rarest = Math.log((total + 1) / 1.5);
  // A key no document's text holds (a date from metadata only) weighs as a rarest key.
  const weightOf = (id: number | undefined): number => (id !== undefined && id >= 0 && weight[id] > 0 ? weight[id] : rarest);
  const docs: Record<Lang, DocVector[]> = { ru: [], en: [] };
  for (const lang of ['ru', 'en'] as const) {
    docs[lang] = raw[lang].map((doc, index) => {
      let mass = 0;
      for (let k = 0; k < doc.keys.length; k++) mass += doc.tf[k] * weight[doc.keys[k]];
      const fingerprint = sides[lang][index];
      const seen = new Set<string>();
      const figures = fingerprint.figures.filter((figure) => !seen.has(figure.key) && seen.add(figure.key));
      const figureIds = Int32Array.from(figures, (figure) => ids.get(figure.key) ?? -1);
      const figureWeights = Float64Array.from(figureIds, weightOf);
      const leadMonthDays = Int32Array.from(fingerprint.leadDates, monthDayOf);
      const leadDateWeights = Float64Array.from(fingerprint.leadDates, (key) => weightOf(ids.get(key)));
      return { fingerprint, keys: doc.keys, tf: doc.tf, figure: doc.figure, mass, figures, figureIds, figureWeights, leadMonthDays, leadDateWeights };
    });
  }
  return { docs, keys, ids, weight, postings, postingStart, postingDated, postingDays, rarest };
}

/** Weight of a key's kind, read from its prefix (`num:`, `date:`, `ent:`, …). */
export function kindWeight(key: string, model: Pick<PairModel, 'kindWeights'>): number {
  const colon = key.indexOf(':');
  const kind = colon > 0 ? key.slice(0, colon) : key;
  return model.kindWeights[kind] ?? KIND_WEIGHTS.default;
}

/** `date:MM-DD` → `month * 100 + day`. */
export function monthDayOf(key: string): number {
  const [month, day] = key.slice(5).split('-').map(Number);
  return month * 100 + day;
}

/** Code-unit order of ids, the order results are reported in. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
