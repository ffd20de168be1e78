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
 * The merged anchors of a run of consecutive paragraphs, sorted by key id, in parallel typed arrays so that two
 * groups compare by a merge-join.
 */
interface GroupProfile {
  keys: Int32Array;
  counts: Float64Array;
  /** Largest anchor weight per key, times the key's IDF. */
  values: Float64Array;
  /** {@link KeyEntry.absence} per key. */
  absence: Float64Array;
}

/** Largest run of paragraphs one side of a bead takes; longer groups are merged on the fly and not cached. */
const CACHED_GROUP = 6;

/** Precomputed anchor profiles of a document pair, and bead evidence from them. */
export class PairEvidence {
  private readonly ru: KeyEntry[][];
  private readonly en: KeyEntry[][];
  private readonly idf: Float64Array;
  // groups[side][start * CACHED_GROUP + size - 1]: the profile of paragraphs [start, start + size).
  private readonly ruGroups: Array<GroupProfile | undefined> = [];
  private readonly enGroups: Array<GroupProfile | undefined> = [];

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
  }

  /** Evidence for Russian paragraphs [ruStart, ruEnd) against English paragraphs [enStart, enEnd). */
  bead(ruStart: number, ruEnd: number, enStart: number, enEnd: number): BeadEvidence {
    const r = this.group(this.ru, this.ruGroups, ruStart, ruEnd);
    const e = this.group(this.en, this.enGroups, enStart, enEnd);
    let shared = 0;
    let oneSidedFigures = 0;
    let i = 0;
    let j = 0;
    while (i < r.keys.length || j < e.keys.length) {
      const rk = i < r.keys.length ? r.keys[i] : Infinity;
      const ek = j < e.keys.length ? e.keys[j] : Infinity;
      if (rk === ek) {
        const common = Math.min(r.counts[i], e.counts[j]);
        shared += common * Math.min(r.values[i], e.values[j]);
        oneSidedFigures += (r.counts[i] - common) * r.values[i] * r.absence[i] + (e.counts[j] - common) * e.values[j] * e.absence[j];
        i++;
        j++;
      } else if (rk < ek) {
        oneSidedFigures += r.counts[i] * r.values[i] * r.absence[i];
        i++;
      } else {
        oneSidedFigures += e.counts[j] * e.values[j] * e.absence[j];
        j++;
      }
    }
    return { shared, oneSidedFigures };
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

  private group(paragraphs: KeyEntry[][], cache: Array<GroupProfile | undefined>, start: number, end: number): GroupProfile {
    const size = end - start;
    const slot = start * CACHED_GROUP + size - 1;
    const cached = size <= CACHED_GROUP ? cache[slot] : undefined;
    if (cached) return cached;
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
    const built: GroupProfile = {
      keys,
      counts: Float64Array.from(keys, (key) => merged.get(key)!.count),
      values: Float64Array.from(keys, (key) => merged.get(key)!.weight * this.idf[key]),
      absence: Float64Array.from(keys, (key) => merged.get(key)!.absence),
    };
    if (size <= CACHED_GROUP) cache[slot] = built;
    return built;
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
