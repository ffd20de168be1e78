/**
 * Candidate generation: for each document, the few documents of the other language that share the most
 * rarity-weighted keys with it, found through the inverted index without comparing every pair. Keys whose
 * postings list is long (common anchors: "Russia", "2023") are skipped, as search engines skip stop words;
 * they still count when a candidate is scored in full.
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
  return docs.map((doc) => {
    touched.length = 0;
    for (let k = 0; k < doc.keys.length; k++) {
      const key = doc.keys[k];
      const weight = index.weight[key];
      if (weight <= 0) continue;
      const postings = index.postings[other][key];
      if (postings.length === 0 || postings.length > limit) continue;
      for (let p = 0; p < postings.length; p++) {
        const e = postings[p];
        if (accumulated[e] === 0) {
          if (!withinWindow(doc.fingerprint, dates[e], settings.dateWindowDays)) continue;
          touched.push(e);
        }
        accumulated[e] += weight;
      }
    }
    const best = touched
      .map((e) => ({ e, score: accumulated[e] }))
      .sort((a, b) => b.score - a.score || a.e - b.e)
      .slice(0, settings.candidates)
      .map((item) => item.e);
    for (const e of touched) accumulated[e] = 0;
    return best;
  });
}
