/**
 * Anchor evidence for a bead: how much the anchors of a group of Russian paragraphs agree with those of a group
 * of English paragraphs. Keys are interned to integers and weighted by rarity within the document pair (an IDF
 * over both documents' paragraphs), so a "2023" or "Russia" present everywhere counts for little and a figure
 * found in one paragraph on each side counts for much.
 */
import type { Anchor, Paragraph } from '../types.js';

/** One key's presence in one paragraph. */
interface KeyEntry {
  key: number;
  count: number;
  /** Largest anchor weight among the paragraph's anchors with this key. */
  weight: number;
  /**
   * How much the absence of this key on the other side of a bead counts against the bead: 1 for a figure
   * written in digits, {@link ORDINAL_ABSENCE_WEIGHT} for an ordinal, 0 for anything else.
   */
  absence: number;
}

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

/** How much a one-sided anchor counts against a bead (see {@link KeyEntry.absence}). */
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
 * {@link KeyEntry.absence}.
 */
interface GroupProfile {
  size: number;
  data: Float64Array;
}

/** Largest run of paragraphs one side of a bead takes; longer groups are merged on the fly and not cached. */
const CACHED_GROUP = 6;
/**
 * Paragraph starts whose groups are cached per side: a ring, so a long document keeps the groups of the
 * stretch the DP band is crossing (a band is a few dozen to a few hundred paragraphs wide) instead of all of
 * them (about 5 KB per paragraph). A group pushed out is rebuilt if asked for again.
 */
const CACHED_STARTS = 2048;

/** Precomputed anchor profiles of a document pair, and bead evidence from them. */
export class PairEvidence {
  private readonly ru: KeyEntry[][];
  private readonly en: KeyEntry[][];
  /** The same entries sorted by key id, for merging groups. */
  private readonly ruSorted: KeyEntry[][];
  private readonly enSorted: KeyEntry[][];
  private readonly idf: Float64Array;
  // groups[side][(start % CACHED_STARTS) * CACHED_GROUP + size - 1]: the profile of paragraphs [start, start + size),
  // valid while starts[side][start % CACHED_STARTS] is `start`.
  private readonly ruGroups: Array<GroupProfile | undefined> = [];
  private readonly enGroups: Array<GroupProfile | undefined> = [];
  private readonly ruStarts = new Int32Array(CACHED_STARTS).fill(-1);
  private readonly enStarts = new Int32Array(CACHED_STARTS).fill(-1);
  /** The one-sided figures of the last {@link bead} call (so that the DP's millions of calls allocate nothing). */
  private lastOneSided = 0;

  constructor(ruParagraphs: readonly Paragraph[], enParagraphs: readonly Paragraph[]) {
    const ids = new Map<string, number>();
    const intern = (key: string): number => {
      let id = ids.get(key);
      if (id === undefined) {
        id = ids.size;
        ids.set(key, id);
      }
      return id;
    };
    this.ru = ruParagraphs.map((paragraph) => profile(paragraph.anchors, intern));
    this.en = enParagraphs.map((paragraph) => profile(paragraph.anchors, intern));
    const documentFrequency = new Float64Array(ids.size);
    for (const entries of [...this.ru, ...this.en]) for (const entry of entries) documentFrequency[entry.key]++;
    const paragraphs = this.ru.length + this.en.length;
    this.idf = documentFrequency.map((df) => Math.log((paragraphs + 1) / (df + 0.5)));
    const byKey = (entries: KeyEntry[]): KeyEntry[] => [...entries].sort((a, b) => a.key - b.key);
    this.ruSorted = this.ru.map(byKey);
    this.enSorted = this.en.map(byKey);
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
    const r = this.group(this.ruSorted, this.ruGroups, this.ruStarts, ruStart, ruEnd);
    const e = this.group(this.enSorted, this.enGroups, this.enStarts, enStart, enEnd);
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
    const otherIndices = side === 'ru' ? bead.en : bead.ru;
    const sameIndices = side === 'ru' ? bead.ru : bead.en;
    const otherKeys = new Set(otherIndices.flatMap((k) => other[k].map((entry) => entry.key)));
    const sameKeys = new Set(sameIndices.flatMap((k) => own[k].map((entry) => entry.key)));
    let gain = 0;
    for (const entry of own[index]) {
      if (otherKeys.has(entry.key) && !sameKeys.has(entry.key)) gain += this.idf[entry.key] * entry.weight;
    }
    return gain;
  }

  /**
   * The profile of paragraphs [start, end). A cached group is built from the group one paragraph shorter
   * (itself cached) and the last paragraph's entries, by one merge of two sorted lists: counts add, weights
   * and absence weights take the larger, exactly as merging all the paragraphs at once.
   */
  private group(paragraphs: KeyEntry[][], cache: Array<GroupProfile | undefined>, starts: Int32Array, start: number, end: number): GroupProfile {
    const size = end - start;
    if (size > CACHED_GROUP) return this.merged(paragraphs, start, end);
    const ring = start % CACHED_STARTS;
    const slot = ring * CACHED_GROUP + size - 1;
    if (starts[ring] === start) {
      const cached = cache[slot];
      if (cached) return cached;
    }
    const built = size === 1 ? this.single(paragraphs[start]) : this.extend(this.group(paragraphs, cache, starts, start, end - 1), paragraphs[end - 1]);
    if (starts[ring] !== start) {
      // The ring position held another start's groups: they go.
      cache.fill(undefined, ring * CACHED_GROUP, ring * CACHED_GROUP + CACHED_GROUP);
      starts[ring] = start;
    }
    cache[slot] = built;
    return built;
  }

  /** One paragraph's profile (its entries are sorted by key id). */
  private single(entries: readonly KeyEntry[]): GroupProfile {
    const n = entries.length;
    const data = new Float64Array(4 * n);
    for (let k = 0; k < n; k++) {
      const entry = entries[k];
      data[k] = entry.key;
      data[n + k] = entry.count;
      data[2 * n + k] = entry.weight * this.idf[entry.key];
      data[3 * n + k] = entry.absence;
    }
    return { size: n, data };
  }

  /** `group` merged with one more paragraph's sorted entries. */
  private extend(group: GroupProfile, entries: readonly KeyEntry[]): GroupProfile {
    const gn = group.size;
    const gd = group.data;
    // Size of the union first, so the packed array is allocated once.
    let n = 0;
    for (let i = 0, j = 0; i < gn || j < entries.length; n++) {
      const gk = i < gn ? gd[i] : Infinity;
      const ek = j < entries.length ? entries[j].key : Infinity;
      if (gk === ek) {
        i++;
        j++;
      } else if (gk < ek) i++;
      else j++;
    }
    const data = new Float64Array(4 * n);
    for (let i = 0, j = 0, k = 0; k < n; k++) {
      const gk = i < gn ? gd[i] : Infinity;
      const ek = j < entries.length ? entries[j].key : Infinity;
      if (gk === ek) {
        const entry = entries[j];
        data[k] = gk;
        data[n + k] = gd[gn + i] + entry.count;
        data[2 * n + k] = Math.max(gd[2 * gn + i], entry.weight * this.idf[gk]);
        data[3 * n + k] = Math.max(gd[3 * gn + i], entry.absence);
        i++;
        j++;
      } else if (gk < ek) {
        data[k] = gk;
        data[n + k] = gd[gn + i];
        data[2 * n + k] = gd[2 * gn + i];
        data[3 * n + k] = gd[3 * gn + i];
        i++;
      } else {
        const entry = entries[j];
        data[k] = ek;
        data[n + k] = entry.count;
        data[2 * n + k] = entry.weight * this.idf[ek];
        data[3 * n + k] = entry.absence;
        j++;
      }
    }
    return { size: n, data };
  }

  /** A long group (not cached): every paragraph's entries merged at once. */
  private merged(paragraphs: KeyEntry[][], start: number, end: number): GroupProfile {
    const merged = new Map<number, { count: number; weight: number; absence: number }>();
    for (let p = start; p < end; p++) {
      for (const entry of paragraphs[p]) {
        const known = merged.get(entry.key);
        if (known) {
          known.count += entry.count;
          known.weight = Math.max(known.weight, entry.weight);
          known.absence = Math.max(known.absence, entry.absence);
        } else {
          merged.set(entry.key, { count: entry.count, weight: entry.weight, absence: entry.absence });
        }
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

function profile(anchors: readonly Anchor[], intern: (key: string) => number): KeyEntry[] {
  const byKey = new Map<number, KeyEntry>();
  for (const anchor of anchors) {
    const key = intern(anchor.key);
    const entry = byKey.get(key);
    if (entry) {
      entry.count++;
      entry.weight = Math.max(entry.weight, anchor.weight);
      entry.absence = Math.max(entry.absence, absenceWeight(anchor));
    } else {
      byKey.set(key, { key, count: 1, weight: anchor.weight, absence: absenceWeight(anchor) });
    }
  }
  return [...byKey.values()];
}
