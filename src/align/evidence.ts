/**
 * Anchor evidence for a bead: how much the anchors of a group of Russian paragraphs agree with those of a group
 * of English paragraphs. Keys are interned to integers and weighted by rarity within the document pair (an IDF
 * over both documents' paragraphs), so a "2023" or "Russia" present everywhere counts for little and a figure
 * found in one paragraph on each side counts for much.
 */
import type { Anchor, Paragraph } from '../types.js';

/** What a bead's anchors say. */
export interface BeadEvidence {
  /** Rarity-weighted sum of the anchors both sides share. */
  shared: number;
  /** Rarity-weighted sum of digit figures one side has and the other lacks. */
  oneSidedFigures: number;
}

/**
 * Ordinals are often dropped in translation ("12-го межрегионального форума" → "the interregional forum"), so a
 * one-sided ordinal is weaker evidence against a bead than a one-sided quantity.
 */
export const ORDINAL_ABSENCE_WEIGHT = 0.3;

/**
 * How much the absence of an anchor's key on the other side of a bead counts against the bead: 1 for a figure
 * written in digits, {@link ORDINAL_ABSENCE_WEIGHT} for an ordinal, 0 for anything else.
 */
function absenceWeight(anchor: Anchor): number {
  if (!isCheckedFigure(anchor)) return 0;
  return anchor.kind === 'ordinal' ? ORDINAL_ABSENCE_WEIGHT : 1;
}

/** True for figures written in digits that a translation must carry (not codes such as "COVID-19"). */
export function isCheckedFigure(anchor: Anchor): boolean {
  return (
    anchor.written === 'digits' &&
    anchor.unit !== 'code' &&
    (anchor.kind === 'number' || anchor.kind === 'year' || anchor.kind === 'ordinal' || anchor.kind === 'date')
  );
}

/**
 * The merged anchors of a run of consecutive paragraphs, sorted by key id, packed in one array so that two
 * groups compare by a merge-join: for entry k of `size`, `data[k]` is the key id, `data[size + k]` the count,
 * `data[2 * size + k]` the largest anchor weight times the key's IDF, `data[3 * size + k]` the
 * largest absence weight (see {@link absenceWeight}).
 */
interface GroupProfile {
  size: number;
  data: Float64Array;
}

/** Largest run of paragraphs one side of a bead takes; longer groups are merged on the fly and not cached. */
const CACHED_GROUP = 6;
/**
 * Paragraph starts whose groups are cached per side: a ring, so a long document keeps the groups of the stretch
 * the DP band is crossing instead of all of them (about 5 KB per paragraph). A group pushed out is rebuilt if
 * asked for again. {@link PairEvidence.reserveBand} fits the ring to the band (a few dozen paragraphs wide at
 * first); without it the ring holds {@link MAX_CACHED_STARTS} starts.
 */
const MIN_CACHED_STARTS = 64;
const MAX_CACHED_STARTS = 2048;

/**
 * One document's anchors, one entry per (paragraph, key), in flat typed arrays rather than an object per entry
 * (a 5 MB pair holds some 130 000 entries). Paragraph p's entries are `[first[p], first[p + 1])`, in order of
 * first appearance; `byKey` lists the same entry numbers sorted by key id within each paragraph, for merging.
 */
interface SideEntries {
  first: Int32Array;
  key: Int32Array;
  count: Int32Array;
  /** Largest anchor weight among the paragraph's anchors with this key. */
  weight: Float64Array;
  /** Largest {@link absenceWeight} among them. */
  absence: Float64Array;
  byKey: Int32Array;
}

/** The cached groups of one side: `groups[(start & mask) * CACHED_GROUP + size - 1]`, valid while `starts[start & mask]` is `start`. */
interface GroupCache {
  mask: number;
  starts: Int32Array;
  groups: Array<GroupProfile | undefined>;
}

const groupCache = (size: number): GroupCache => ({
  mask: size - 1,
  starts: new Int32Array(size).fill(-1),
  groups: new Array<GroupProfile | undefined>(size * CACHED_GROUP).fill(undefined),
});

/** Precomputed anchor profiles of a document pair, and bead evidence from them. */
export class PairEvidence {
  private readonly ru: SideEntries;
  private readonly en: SideEntries;
  private readonly idf: Float64Array;
  private ruCache = groupCache(MAX_CACHED_STARTS);
  private enCache = groupCache(MAX_CACHED_STARTS);
  /** The one-sided figures of the last {@link bead} call (so that the DP's millions of calls allocate nothing). */
  private lastOneSided = 0;

  constructor(ruParagraphs: readonly Paragraph[], enParagraphs: readonly Paragraph[]) {
    const ids = new Map<string, number>();
    this.ru = sideEntries(ruParagraphs, ids);
    this.en = sideEntries(enParagraphs, ids);
    const documentFrequency = new Float64Array(ids.size);
    for (const side of [this.ru, this.en]) for (const key of side.key) documentFrequency[key]++;
    const paragraphs = ruParagraphs.length + enParagraphs.length;
    this.idf = documentFrequency.map((df) => Math.log((paragraphs + 1) / (df + 0.5)));
  }

  /**
   * Fit the group cache to a DP band whose rows span at most `columns` English paragraphs: the ring then holds
   * every start a row asks for (a bead reaches {@link CACHED_GROUP} paragraphs back), in whichever direction the
   * band is crossed, and no more.
   */
  reserveBand(columns: number): void {
    let size = MIN_CACHED_STARTS;
    while (size < columns + CACHED_GROUP + 1 && size < MAX_CACHED_STARTS) size *= 2;
    if (size === this.enCache.mask + 1) return;
    this.ruCache = groupCache(size);
    this.enCache = groupCache(size);
  }

  /** Evidence for Russian paragraphs [ruStart, ruEnd) against English paragraphs [enStart, enEnd). */
  bead(ruStart: number, ruEnd: number, enStart: number, enEnd: number): BeadEvidence {
    const shared = this.compare(ruStart, ruEnd, enStart, enEnd, true);
    return { shared, oneSidedFigures: this.lastOneSided };
  }

  /** The `shared` part of {@link bead} alone (what the best split of a merged bead weighs). */
  shared(ruStart: number, ruEnd: number, enStart: number, enEnd: number): number {
    return this.compare(ruStart, ruEnd, enStart, enEnd, false);
  }

  /** Merge-join of the two groups: the shared sum, and with `figures` the one-sided figures into `lastOneSided`. */
  private compare(ruStart: number, ruEnd: number, enStart: number, enEnd: number, figures: boolean): number {
    const r = this.group(true, ruStart, ruEnd);
    const e = this.group(false, enStart, enEnd);
    const rn = r.size;
    const en = e.size;
    const rd = r.data;
    const ed = e.data;
    let shared = 0;
    let oneSidedFigures = 0;
    let i = 0;
    let j = 0;
    while (i < rn || j < en) {
      const rk = i < rn ? rd[i] : Infinity;
      const ek = j < en ? ed[j] : Infinity;
      if (rk === ek) {
        const rc = rd[rn + i];
        const ec = ed[en + j];
        const rv = rd[2 * rn + i];
        const ev = ed[2 * en + j];
        const common = Math.min(rc, ec);
        shared += common * Math.min(rv, ev);
        if (figures) oneSidedFigures += (rc - common) * rv * rd[3 * rn + i] + (ec - common) * ev * ed[3 * en + j];
        i++;
        j++;
      } else if (rk < ek) {
        if (figures) oneSidedFigures += rd[rn + i] * rd[2 * rn + i] * rd[3 * rn + i];
        i++;
      } else {
        if (figures) oneSidedFigures += ed[en + j] * ed[2 * en + j] * ed[3 * en + j];
        j++;
      }
    }
    this.lastOneSided = oneSidedFigures;
    return shared;
  }

  /**
   * What a paragraph left without counterpart would explain if joined to a neighbouring bead: the
   * rarity-weighted anchors it shares with the bead's other side that the bead's own side lacks.
   */
  explained(side: 'ru' | 'en', index: number, bead: { ru: number[]; en: number[] }): number {
    const own = side === 'ru' ? this.ru : this.en;
    const other = side === 'ru' ? this.en : this.ru;
    const keysOf = (entries: SideEntries, paragraphs: number[]): Set<number> => {
      const keys = new Set<number>();
      for (const p of paragraphs) for (let k = entries.first[p]; k < entries.first[p + 1]; k++) keys.add(entries.key[k]);
      return keys;
    };
    const otherKeys = keysOf(other, side === 'ru' ? bead.en : bead.ru);
    const sameKeys = keysOf(own, side === 'ru' ? bead.ru : bead.en);
    let gain = 0;
    for (let k = own.first[index]; k < own.first[index + 1]; k++) {
      const key = own.key[k];
      if (otherKeys.has(key) && !sameKeys.has(key)) gain += this.idf[key] * own.weight[k];
    }
    return gain;
  }

  /**
   * The profile of paragraphs [start, end) of one side. A cached group is built from the group one paragraph
   * shorter (itself cached) and the last paragraph's entries, by one merge of two sorted lists: counts add,
   * weights and absence weights take the larger, exactly as merging all the paragraphs at once.
   */
  private group(ruSide: boolean, start: number, end: number): GroupProfile {
    const entries = ruSide ? this.ru : this.en;
    const size = end - start;
    if (size > CACHED_GROUP) return this.merged(entries, start, end);
    const cache = ruSide ? this.ruCache : this.enCache;
    const ring = start & cache.mask;
    if (cache.starts[ring] === start) {
      const cached = cache.groups[ring * CACHED_GROUP + size - 1];
      if (cached) return cached;
    } else {
      // The ring position held another start's groups: they go.
      cache.groups.fill(undefined, ring * CACHED_GROUP, ring * CACHED_GROUP + CACHED_GROUP);
      cache.starts[ring] = start;
    }
    // The shorter group has the same start, so it does not push out this ring position.
    const built = size === 1 ? this.single(entries, start) : this.extend(this.group(ruSide, start, end - 1), entries, end - 1);
    cache.groups[ring * CACHED_GROUP + size - 1] = built;
    return built;
  }

  /** One paragraph's profile (its entries by key id). */
  private single(entries: SideEntries, paragraph: number): GroupProfile {
    const first = entries.first[paragraph];
    const n = entries.first[paragraph + 1] - first;
    const data = new Float64Array(4 * n);
    for (let k = 0; k < n; k++) {
      const entry = entries.byKey[first + k];
      const key = entries.key[entry];
      data[k] = key;
      data[n + k] = entries.count[entry];
      data[2 * n + k] = entries.weight[entry] * this.idf[key];
      data[3 * n + k] = entries.absence[entry];
    }
    return { size: n, data };
  }

  /** `group` merged with one more paragraph's entries (by key id). */
  private extend(group: GroupProfile, entries: SideEntries, paragraph: number): GroupProfile {
    const gn = group.size;
    const gd = group.data;
    const first = entries.first[paragraph];
    const last = entries.first[paragraph + 1];
    const { byKey, key: keys } = entries;
    // Size of the union first, so the packed array is allocated once.
    let n = 0;
    for (let i = 0, j = first; i < gn || j < last; n++) {
      const gk = i < gn ? gd[i] : Infinity;
      const ek = j < last ? keys[byKey[j]] : Infinity;
      if (gk === ek) {
        i++;
        j++;
      } else if (gk < ek) i++;
      else j++;
    }
    const data = new Float64Array(4 * n);
    for (let i = 0, j = first, k = 0; k < n; k++) {
      const gk = i < gn ? gd[i] : Infinity;
      const entry = j < last ? byKey[j] : -1;
      const ek = entry >= 0 ? keys[entry] : Infinity;
      if (gk === ek) {
        data[k] = gk;
        data[n + k] = gd[gn + i] + entries.count[entry];
        data[2 * n + k] = Math.max(gd[2 * gn + i], entries.weight[entry] * this.idf[gk]);
        data[3 * n + k] = Math.max(gd[3 * gn + i], entries.absence[entry]);
        i++;
        j++;
      } else if (gk < ek) {
        data[k] = gk;
        data[n + k] = gd[gn + i];
        data[2 * n + k] = gd[2 * gn + i];
        data[3 * n + k] = gd[3 * gn + i];
        i++;
      } else {
        data[k] = ek;
        data[n + k] = entries.count[entry];
        data[2 * n + k] = entries.weight[entry] * this.idf[ek];
        data[3 * n + k] = entries.absence[entry];
        j++;
      }
    }
    return { size: n, data };
  }

  /** A long group (not cached): every paragraph's entries merged at once. */
  private merged(entries: SideEntries, start: number, end: number): GroupProfile {
    const merged = new Map<number, { count: number; weight: number; absence: number }>();
    for (let k = entries.first[start]; k < entries.first[end]; k++) {
      const key = entries.key[k];
      const known = merged.get(key);
      if (known) {
        known.count += entries.count[k];
        known.weight = Math.max(known.weight, entries.weight[k]);
        known.absence = Math.max(known.absence, entries.absence[k]);
      } else {
        merged.set(key, { count: entries.count[k], weight: entries.weight[k], absence: entries.absence[k] });
      }
    }
    const keys = Int32Array.from(merged.keys()).sort();
    const n = keys.length;
    const data = new Float64Array(4 * n);
    keys.forEach((key, k) => {
      const entry = merged.get(key)!;
      data[k] = key;
      data[n + k] = entry.count;
      data[2 * n + k] = entry.weight * this.idf[key];
      data[3 * n + k] = entry.absence;
    });
    return { size: n, data };
  }
}

/** The entries of one document's paragraphs, keys interned through `ids` (shared by both documents). */
function sideEntries(paragraphs: readonly Paragraph[], ids: Map<string, number>): SideEntries {
  let anchors = 0;
  for (const paragraph of paragraphs) anchors += paragraph.anchors.length;
  const first = new Int32Array(paragraphs.length + 1);
  const key = new Int32Array(anchors);
  const count = new Int32Array(anchors);
  const weight = new Float64Array(anchors);
  const absence = new Float64Array(anchors);
  const byKey = new Int32Array(anchors);
  // entryOf[key] is the key's entry in the current paragraph when seenIn[key] is that paragraph.
  const entryOf: number[] = [];
  const seenIn: number[] = [];
  let size = 0;
  paragraphs.forEach((paragraph, p) => {
    first[p] = size;
    for (const anchor of paragraph.anchors) {
      let id = ids.get(anchor.key);
      if (id === undefined) {
        id = ids.size;
        ids.set(anchor.key, id);
      }
      if (seenIn[id] === p) {
        const k = entryOf[id];
        count[k]++;
        weight[k] = Math.max(weight[k], anchor.weight);
        absence[k] = Math.max(absence[k], absenceWeight(anchor));
      } else {
        seenIn[id] = p;
        entryOf[id] = size;
        key[size] = id;
        count[size] = 1;
        weight[size] = anchor.weight;
        absence[size] = absenceWeight(anchor);
        size++;
      }
    }
    const own = Array.from({ length: size - first[p] }, (_, k) => first[p] + k).sort((a, b) => key[a] - key[b]);
    byKey.set(own, first[p]);
  });
  first[paragraphs.length] = size;
  return {
    first,
    key: key.slice(0, size),
    count: count.slice(0, size),
    weight: weight.slice(0, size),
    absence: absence.slice(0, size),
    byKey: byKey.slice(0, size),
  };
}
