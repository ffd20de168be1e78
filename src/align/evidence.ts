/**
 * Anchor evidence for a bead: how much the anchors of a group of Russian paragraphs agree with those of a group
 * of English paragraphs. Keys are interned to integers and weighted by rarity within the document pair (an IDF
 * over both documents' paragraphs), so a "2023" or "Russia" present everywhere counts for little and a figure
 * found in one paragraph on each side counts for much.
 */
import type { Anchor, Paragraph } from '../types.js';
import { idsOfParagraphs, paragraphPrefix } from './cognates.js';

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
 * The merged anchors of a run of consecutive paragraphs, sorted by key id, packed in a run of `4 * size` numbers
 * of a slab (see {@link GroupCache}) so that two groups compare by a merge-join: for entry k, `slab[at + k]` is the
 * key id, `slab[at + size + k]` the count, `slab[at + 2 * size + k]` the largest anchor weight times the key's
 * IDF, `slab[at + 3 * size + k]` the largest absence weight (see {@link absenceWeight}).
 */

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
/** Numbers a ring position's slab holds at first; it doubles when a start's groups need more. */
const INITIAL_SLAB = 256;

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

/**
 * The cached groups of one side. Ring position `r = start & mask` holds the groups of paragraph start
 * `starts[r]`, packed one after another in `slabs[r]` (`used[r]` numbers taken); group (r, size) lies at
 * `at[r * CACHED_GROUP + size - 1]` with `sizes[…]` keys (-1: not built yet).
 *
 * Why slabs: a typed array per group put one small buffer outside the JavaScript heap for each of the ~190 000
 * groups a 5 MB pair builds (93 MB in all); the ring kept each alive long enough to outlive the young
 * generation, so they were freed only by a full collection and piled up in the process's memory meanwhile.
 * A ring position's slab is reused by every start that comes to it, so the DP allocates nothing once warm.
 */
interface GroupCache {
  mask: number;
  starts: Int32Array;
  slabs: Float64Array[];
  used: Int32Array;
  at: Int32Array;
  sizes: Int32Array;
}

const groupCache = (size: number): GroupCache => ({
  mask: size - 1,
  starts: new Int32Array(size).fill(-1),
  slabs: [],
  used: new Int32Array(size),
  at: new Int32Array(size * CACHED_GROUP),
  sizes: new Int32Array(size * CACHED_GROUP).fill(-1),
});

/** Where a group's numbers are (see {@link GroupCache}): one per side, reused, so that a look-up allocates nothing. */
interface GroupView {
  slab: Float64Array;
  at: number;
  size: number;
}

/** Precomputed anchor profiles of a document pair, and bead evidence from them. */
export class PairEvidence {
  private readonly ru: SideEntries;
  private readonly en: SideEntries;
  private readonly idf: Float64Array;
  /** Per side, prefix sums over paragraphs of the most each paragraph's entries can add to `shared` (see {@link upperShared}). */
  private readonly ruUpper: Float64Array;
  private readonly enUpper: Float64Array;
  /**
   * The group caches, made on first need ({@link reserveBand} makes them fitted to the band): the largest, made
   * for every pair and then replaced by the fitted one, cost a short pair more than its alignment.
   */
  private ruCache: GroupCache | undefined;
  private enCache: GroupCache | undefined;
  /** The one-sided figures of the last {@link bead} call (so that the DP's millions of calls allocate nothing). */
  private lastOneSided = 0;
  /** Where the last look-up of each side found its group (see {@link group}). */
  private readonly ruView: GroupView = { slab: new Float64Array(0), at: 0, size: 0 };
  private readonly enView: GroupView = { slab: new Float64Array(0), at: 0, size: 0 };
  /** Per side, where a long group (not cached) is merged. */
  private ruLong = new Float64Array(INITIAL_SLAB);
  private enLong = new Float64Array(INITIAL_SLAB);

  constructor(ruParagraphs: readonly Paragraph[], enParagraphs: readonly Paragraph[]) {
    const ids = new Map<string, number>();
    this.ru = sideEntries(ruParagraphs, ids);
    this.en = sideEntries(enParagraphs, ids);
    const documentFrequency = new Float64Array(ids.size);
    for (const side of [this.ru, this.en]) for (const key of side.key) documentFrequency[key]++;
    const paragraphs = ruParagraphs.length + enParagraphs.length;
    this.idf = documentFrequency.map((df) => Math.log((paragraphs + 1) / (df + 0.5)));
    this.ruUpper = upperPrefix(this.ru, this.idf);
    this.enUpper = upperPrefix(this.en, this.idf);
  }

  /**
   * At least {@link bead}'s `shared` for Russian [ruStart, ruEnd) against English [enStart, enEnd), and at least
   * the `shared` of any split of them: what all of one side's anchors would weigh if the other side had them
   * all. From prefix sums, in constant time.
   */
  upperShared(ruStart: number, ruEnd: number, enStart: number, enEnd: number): number {
    return Math.min(this.ruUpper[ruEnd] - this.ruUpper[ruStart], this.enUpper[enEnd] - this.enUpper[enStart]);
  }

  /**
   * Fit the group cache to a DP band whose rows span at most `columns` English paragraphs: the ring then holds
   * every start a row asks for (a bead reaches {@link CACHED_GROUP} paragraphs back), in whichever direction the
   * band is crossed, and no more.
   */
  reserveBand(columns: number): void {
    let size = MIN_CACHED_STARTS;
    while (size < columns + CACHED_GROUP + 1 && size < MAX_CACHED_STARTS) size *= 2;
    if (size === (this.enCache?.mask ?? -1) + 1) return;
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
    const rd = r.slab;
    const ed = e.slab;
    // Starts of each group's four runs: keys, counts, weights, absence weights.
    const rk0 = r.at;
    const rc0 = rk0 + rn;
    const rv0 = rc0 + rn;
    const ra0 = rv0 + rn;
    const ek0 = e.at;
    const ec0 = ek0 + en;
    const ev0 = ec0 + en;
    const ea0 = ev0 + en;
    let shared = 0;
    let oneSidedFigures = 0;
    let i = 0;
    let j = 0;
    while (i < rn || j < en) {
      const rk = i < rn ? rd[rk0 + i] : Infinity;
      const ek = j < en ? ed[ek0 + j] : Infinity;
      if (rk === ek) {
        const rc = rd[rc0 + i];
        const ec = ed[ec0 + j];
        const rv = rd[rv0 + i];
        const ev = ed[ev0 + j];
        const common = Math.min(rc, ec);
        shared += common * Math.min(rv, ev);
        if (figures) oneSidedFigures += (rc - common) * rv * rd[ra0 + i] + (ec - common) * ev * ed[ea0 + j];
        i++;
        j++;
      } else if (rk < ek) {
        if (figures) oneSidedFigures += rd[rc0 + i] * rd[rv0 + i] * rd[ra0 + i];
        i++;
      } else {
        if (figures) oneSidedFigures += ed[ec0 + j] * ed[ev0 + j] * ed[ea0 + j];
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
    const otherKeys = idsOfParagraphs(other.first, other.key, side === 'ru' ? bead.en : bead.ru);
    const sameKeys = idsOfParagraphs(own.first, own.key, side === 'ru' ? bead.ru : bead.en);
    let gain = 0;
    for (let k = own.first[index]; k < own.first[index + 1]; k++) {
      const key = own.key[k];
      if (otherKeys.has(key) && !sameKeys.has(key)) gain += this.idf[key] * own.weight[k];
    }
    return gain;
  }

  /**
   * The profile of paragraphs [start, end) of one side, into that side's view (valid until the side's next
   * look-up). A cached group is built from the group one paragraph shorter (itself cached) and the last
   * paragraph's entries, by one merge of two sorted lists: counts add, weights and absence weights take the
   * larger, exactly as merging all the paragraphs at once.
   */
  private group(ruSide: boolean, start: number, end: number): GroupView {
    const entries = ruSide ? this.ru : this.en;
    const view = ruSide ? this.ruView : this.enView;
    const size = end - start;
    if (size > CACHED_GROUP) return this.merged(ruSide, entries, start, end, view);
    const cache = ruSide ? (this.ruCache ??= groupCache(MAX_CACHED_STARTS)) : (this.enCache ??= groupCache(MAX_CACHED_STARTS));
    const ring = start & cache.mask;
    const slot = ring * CACHED_GROUP + size - 1;
    if (cache.starts[ring] === start) {
      if (cache.sizes[slot] >= 0) {
        view.slab = cache.slabs[ring];
        view.at = cache.at[slot];
        view.size = cache.sizes[slot];
        return view;
      }
    } else {
      // The ring position held another start's groups: they go, and their slab is reused.
      cache.sizes.fill(-1, ring * CACHED_GROUP, ring * CACHED_GROUP + CACHED_GROUP);
      cache.starts[ring] = start;
      cache.used[ring] = 0;
    }
    // The shorter group has the same start, so it does not push out this ring position.
    if (size === 1) this.single(entries, start, cache, ring, view);
    else this.extend(this.group(ruSide, start, end - 1), entries, end - 1, cache, ring);
    cache.at[slot] = view.at;
    cache.sizes[slot] = view.size;
    return view;
  }

  /**
   * Room for `numbers` more numbers in ring position `ring`'s slab: the slab, grown (its groups copied) when
   * full. A view into the old slab stays readable: the old slab is left as it was.
   */
  private reserve(cache: GroupCache, ring: number, numbers: number): Float64Array {
    const slab = cache.slabs[ring];
    const need = cache.used[ring] + numbers;
    if (slab !== undefined && slab.length >= need) return slab;
    let length = slab?.length ?? INITIAL_SLAB;
    while (length < need) length *= 2;
    const grown = new Float64Array(length);
    if (slab !== undefined) grown.set(slab.subarray(0, cache.used[ring]));
    cache.slabs[ring] = grown;
    return grown;
  }

  /** One paragraph's profile (its entries by key id), appended to ring position `ring`'s slab; `view` shows it. */
  private single(entries: SideEntries, paragraph: number, cache: GroupCache, ring: number, view: GroupView): void {
    const first = entries.first[paragraph];
    const n = entries.first[paragraph + 1] - first;
    const data = this.reserve(cache, ring, 4 * n);
    const at = cache.used[ring];
    for (let k = 0; k < n; k++) {
      const entry = entries.byKey[first + k];
      const key = entries.key[entry];
      data[at + k] = key;
      data[at + n + k] = entries.count[entry];
      data[at + 2 * n + k] = entries.weight[entry] * this.idf[key];
      data[at + 3 * n + k] = entries.absence[entry];
    }
    cache.used[ring] = at + 4 * n;
    view.slab = data;
    view.at = at;
    view.size = n;
  }

  /**
   * The group `group` shows merged with one more paragraph's entries (by key id), appended to ring position
   * `ring`'s slab; `group` then shows the result.
   */
  private extend(group: GroupView, entries: SideEntries, paragraph: number, cache: GroupCache, ring: number): void {
    const gn = group.size;
    const gd = group.slab;
    const g0 = group.at;
    const first = entries.first[paragraph];
    const last = entries.first[paragraph + 1];
    const { byKey, key: keys } = entries;
    // Size of the union first, so that the room is reserved once.
    let n = 0;
    for (let i = 0, j = first; i < gn || j < last; n++) {
      const gk = i < gn ? gd[g0 + i] : Infinity;
      const ek = j < last ? keys[byKey[j]] : Infinity;
      if (gk === ek) {
        i++;
        j++;
      } else if (gk < ek) i++;
      else j++;
    }
    const data = this.reserve(cache, ring, 4 * n);
    const at = cache.used[ring];
    for (let i = 0, j = first, k = 0; k < n; k++) {
      const gk = i < gn ? gd[g0 + i] : Infinity;
      const entry = j < last ? byKey[j] : -1;
      const ek = entry >= 0 ? keys[entry] : Infinity;
      if (gk === ek) {
        data[at + k] = gk;
        data[at + n + k] = gd[g0 + gn + i] + entries.count[entry];
        data[at + 2 * n + k] = Math.max(gd[g0 + 2 * gn + i], entries.weight[entry] * this.idf[gk]);
        data[at + 3 * n + k] = Math.max(gd[g0 + 3 * gn + i], entries.absence[entry]);
        i++;
        j++;
      } else if (gk < ek) {
        data[at + k] = gk;
        data[at + n + k] = gd[g0 + gn + i];
        data[at + 2 * n + k] = gd[g0 + 2 * gn + i];
        data[at + 3 * n + k] = gd[g0 + 3 * gn + i];
        i++;
      } else {
        data[at + k] = ek;
        data[at + n + k] = entries.count[entry];
        data[at + 2 * n + k] = entries.weight[entry] * this.idf[ek];
        data[at + 3 * n + k] = entries.absence[entry];
        j++;
      }
    }
    cache.used[ring] = at + 4 * n;
    group.slab = data;
    group.at = at;
    group.size = n;
  }

  /** A long group (not cached): every paragraph's entries merged at once, into the side's scratch; `view` shows it. */
  private merged(ruSide: boolean, entries: SideEntries, start: number, end: number, view: GroupView): GroupView {
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
    let data = ruSide ? this.ruLong : this.enLong;
    if (data.length < 4 * n) {
      data = new Float64Array(4 * n);
      if (ruSide) this.ruLong = data;
      else this.enLong = data;
    }
    keys.forEach((key, k) => {
      const entry = merged.get(key)!;
      data[k] = key;
      data[n + k] = entry.count;
      data[2 * n + k] = entry.weight * this.idf[key];
      data[3 * n + k] = entry.absence;
    });
    view.slab = data;
    view.at = 0;
    view.size = n;
    return view;
  }
}

/**
 * Prefix sums over a side's paragraphs of count × the key's largest weight on the side × its IDF, per entry. A
 * run of paragraphs shares no more than its sum in any bead: merging them adds counts and keeps the largest weight.
 */
function upperPrefix(side: SideEntries, idf: Float64Array): Float64Array {
  const largest = new Float64Array(idf.length);
  for (let k = 0; k < side.key.length; k++) largest[side.key[k]] = Math.max(largest[side.key[k]], side.weight[k]);
  return paragraphPrefix(side.first, (k) => side.count[k] * largest[side.key[k]] * idf[side.key[k]]);
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
