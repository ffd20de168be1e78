/**
 * Candidate generation: for each document, the few documents of the other language that share the most
 * rarity-weighted keys with it, found through the inverted index without comparing every pair. Keys whose
 * postings list is long (common anchors: "Russia", "2023") are skipped, as search engines skip stop words;
 * they still count when a candidate is scored in full. For a dated document, a key's postings are only those of
 * its date window (one slice of the day-ordered list), so a name common over years of news can still find the
 * report of the same week; the cap on the slice keeps the work per document bounded.
 */
import type { Lang } from '../types.js';
import type { CollectionIndex } from './collection.js';
import { withinWindow, type PublicationDate } from './dates.js';

/** Settings of {@link findCandidates} (see {@link PairOptions} for their meaning and defaults). */
export interface CandidateSettings {
  candidates: number;
  maxPostingShare: number;
  minPostingLimit: number;
  maxPostingLimit: number;
  dateWindowDays: number;
}

/** A candidate pair: indices into `index.docs.ru` and `index.docs.en`. */
export type CandidatePair = [ru: number, en: number];

/**
 * The union, over both languages, of each document's top candidates by accumulated key weight (ties broken by
 * id), restricted to the date window. Sorted by Russian then English index.
 */
export function findCandidates(index: CollectionIndex, settings: CandidateSettings): CandidatePair[] {
  const nEn = index.docs.en.length;
  const found = new Set<number>();
  topCandidates(index, 'ru', settings).forEach((list, ru) => list.forEach((en) => found.add(ru * nEn + en)));
  topCandidates(index, 'en', settings).forEach((list, en) => list.forEach((ru) => found.add(ru * nEn + en)));
  return [...found].sort((a, b) => a - b).map((code) => [Math.floor(code / nEn), code % nEn]);
}

/** First position in `[lo, hi)` of the ascending `values` holding a value ≥ `target` (`hi` when none). */
function lowerBound(values: Int32Array, lo: number, hi: number, target: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** For each document of `lang`, the indices of its top candidates in the other language, best first. */
export function topCandidates(index: CollectionIndex, lang: Lang, settings: CandidateSettings): number[][] {
  const other: Lang = lang === 'ru' ? 'en' : 'ru';
  const docs = index.docs[lang];
  const others = index.docs[other];
  const limit = Math.min(
    settings.maxPostingLimit,
    Math.max(settings.minPostingLimit, Math.floor(settings.maxPostingShare * others.length)),
  );
  const dates: PublicationDate[] = others.map((doc) => doc.fingerprint);
  const accumulated = new Float64Array(others.length);
  const touched: number[] = [];
  const window = settings.dateWindowDays;
  const postings = index.postings[other];
  const days = index.postingDays[other];
  const wholeDays = Number.isInteger(window);
  // No more candidates than documents on the other side can be kept (`candidates` may be any integer).
  const keep = Math.min(settings.candidates, others.length);
  const best = new Int32Array(keep);
  const bestScore = new Float64Array(keep);
  return docs.map((doc) => {
    touched.length = 0;
    const day = doc.fingerprint.day;
    const windowed = day !== undefined && window !== Infinity;
    for (let k = 0; k < doc.keys.length; k++) {
      const key = doc.keys[k];
      const weight = index.weight[key];
      if (weight <= 0) continue;
      const first = index.postingStart[other][key];
      const datedEnd = first + index.postingDated[other][key];
      const last = index.postingStart[other][key + 1];
      // The documents a dated document can meet are one slice of the dated postings plus the undated tail.
      const from = windowed ? lowerBound(days, first, datedEnd, day - window) : first;
      const to = windowed ? lowerBound(days, first, datedEnd, day + window + 1) : datedEnd;
      const size = to - from + (last - datedEnd);
      if (size === 0 || size > limit) continue;
      // A dated document's slice holds only documents of its window (whole days within it): no check.
      for (let p = from; p < to; p++) {
        const e = postings[p];
        if (accumulated[e] === 0) {
          if (!(windowed && wholeDays) && !withinWindow(doc.fingerprint, dates[e], window)) continue;
          touched.push(e);
        }
        accumulated[e] += weight;
      }
      for (let p = datedEnd; p < last; p++) {
        const e = postings[p];
        if (accumulated[e] === 0) {
          if (!withinWindow(doc.fingerprint, dates[e], window)) continue;
          touched.push(e);
        }
        accumulated[e] += weight;
      }
    }
    // The top candidates by score, ties by index: a bounded insertion list instead of sorting all touched.
    let count = 0;
    for (const e of touched) {
      const score = accumulated[e];
      if (count === best.length && !(score > bestScore[count - 1] || (score === bestScore[count - 1] && e < best[count - 1]))) continue;
      let at = count < best.length ? count++ : count - 1;
      while (at > 0 && (score > bestScore[at - 1] || (score === bestScore[at - 1] && e < best[at - 1]))) {
        best[at] = best[at - 1];
        bestScore[at] = bestScore[at - 1];
        at--;
      }
      best[at] = e;
      bestScore[at] = score;
    }
    for (const e of touched) accumulated[e] = 0;
    return Array.from(best.subarray(0, count));
  });
}
