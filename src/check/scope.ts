/**
 * Where the name check looks for a name in the other version. Normally: the paragraphs of the name's link and of
 * its neighbours, whole. A link can be very long, though (a text cut a sentence per line against one block makes a
 * link of a whole chapter), and searching all of it for every name is quadratic in the text. There the search
 * covers the part of the other side that lies near the name's place, by relative position: translations keep their
 * order, and a name's transcriptions and case forms are looked for {@link NEAR_CHARS} characters either side of
 * where it should be. (Its own key, read off the other side's anchors and mentions once per link, counts anywhere in
 * the link, as in a short one.)
 */
import type { Document } from '../types.js';

/** Paragraphs of the other version, each searched from one clean-text offset to another (`to` excluded). */
export type SearchScope = ReadonlyArray<{ index: number; from: number; to: number }>;

/** Characters either side of a name's expected place searched in a long link. */
export const NEAR_CHARS = 20_000;

/** Every paragraph of `indices`, whole. */
export function wholeScope(indices: readonly number[]): SearchScope {
  return indices.map((index) => ({ index, from: 0, to: Infinity }));
}

/**
 * The other side of one link, with its neighbours' paragraphs before and after: the {@link SearchScope} for a name
 * at a relative place of its own side.
 */
export class OtherSide {
  /** The whole of it: what is searched when it is short. */
  readonly whole: SearchScope;
  private readonly indices: readonly number[];
  /** Clean-text offset of each paragraph of `indices` in their concatenation, and the total length last. */
  private readonly offsets: Float64Array;
  private readonly linkStart: number;
  private readonly linkLength: number;

  constructor(doc: Document, before: readonly number[], link: readonly number[], after: readonly number[]) {
    this.indices = [...before, ...link, ...after];
    this.whole = wholeScope(this.indices);
    this.offsets = new Float64Array(this.indices.length + 1);
    this.indices.forEach((index, k) => (this.offsets[k + 1] = this.offsets[k] + doc.paragraphs[index]!.clean.length));
    this.linkStart = this.offsets[before.length];
    this.linkLength = this.offsets[before.length + link.length] - this.linkStart;
  }

  /** Longer than the window {@link OtherSide.near} searches: a name is looked for near its place only. */
  get long(): boolean {
    return this.offsets[this.indices.length] > 2 * NEAR_CHARS;
  }

  /** The scope for a name found at relative place `at` (0 = start, 1 = end) of its own side of the link. */
  near(at: number): SearchScope {
    if (!this.long) return this.whole;
    const centre = this.linkStart + at * this.linkLength;
    const [from, to] = [centre - NEAR_CHARS, centre + NEAR_CHARS];
    const scope: Array<{ index: number; from: number; to: number }> = [];
    for (let k = this.paragraphAt(from); k < this.indices.length && this.offsets[k] < to; k++) {
      const start = this.offsets[k];
      if (this.offsets[k + 1] <= from) continue;
      scope.push({ index: this.indices[k], from: Math.max(0, from - start), to: to - start });
    }
    return scope;
  }

  /** The position in `indices` of the paragraph holding concatenated offset `offset` (binary search). */
  private paragraphAt(offset: number): number {
    let [lo, hi] = [0, this.indices.length - 1];
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.offsets[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}
