/**
 * franc's trigram language ranking (`francAll` with an `only` list), with its data loaded lazily: franc builds
 * numeric trigram tables for all of its ~190 languages when its module loads (about 20 ms of every start-up),
 * while this library compares at most a few dozen, and only when the letters of a text cannot decide. Here a
 * language's table is built the first time it is compared. The ranking is franc's own (same data, script
 * choice, distance and normalisation); a test checks it against franc on many texts.
 */
import { data } from 'franc/data.js';
import { expressions } from 'franc/expressions.js';
import { asTuples } from 'trigram-utils';

/** A language code and its score (1 = best), as franc gives them. */
export type LanguageScore = [string, number];

/** franc reads no more than this many characters. */
const MAX_LENGTH = 2048;
/** Distance added for a trigram a language's table does not have. */
const MAX_DIFFERENCE = 300;

/** Trigram → rank tables, built per script and language on first use. */
const tables = new Map<string, Map<string, number>>();

function table(script: string, language: string): Map<string, number> {
  const key = `${script}:${language}`;
  let found = tables.get(key);
  if (!found) {
    const model = data[script][language].split('|');
    found = new Map();
    // franc assigns from the end, so a trigram listed twice keeps its first (lowest) rank.
    for (let weight = model.length - 1; weight >= 0; weight--) found.set(model[weight], weight);
    tables.set(key, found);
  }
  return found;
}

/** The script whose expression matches most characters of `value` (franc's choice: the first of equals). */
function topScript(value: string): [string | undefined, number] {
  let topCount = -1;
  let top: string | undefined;
  for (const script of Object.keys(expressions)) {
    const count = (value.match(expressions[script])?.length ?? 0) / value.length || 0;
    if (count > topCount) {
      topCount = count;
      top = script;
    }
  }
  return [top, topCount];
}

/**
 * franc's `francAll(value, {only, minLength})`: the languages of `only` in the text's script, best first, each
 * with its normalised score; `[['und', 1]]` when the text is too short or no language of `only` fits.
 */
export function rankLanguages(value: string, only: readonly string[], minLength = 10): LanguageScore[] {
  const allowed = (language: string): boolean => only.length === 0 || only.includes(language);
  if (!value || value.length < minLength) return [['und', 1]];
  const sample = value.slice(0, MAX_LENGTH);
  const [script, share] = topScript(sample);
  if (!script || !Object.hasOwn(data, script)) {
    if (!script || share === 0 || !allowed(script)) return [['und', 1]];
    return [[script, 1]];
  }
  const trigrams = asTuples(sample);
  const distances: LanguageScore[] = [];
  for (const language of Object.keys(data[script])) {
    if (!allowed(language)) continue;
    const model = table(script, language);
    let distance = 0;
    for (const [trigram, count] of trigrams) {
      const rank = model.get(trigram);
      distance += rank === undefined ? MAX_DIFFERENCE : Math.abs(count - rank - 1);
    }
    distances.push([language, distance]);
  }
  if (distances.length === 0) return [['und', 1]];
  distances.sort((a, b) => a[1] - b[1]);
  const min = distances[0][1];
  const max = sample.length * MAX_DIFFERENCE - min;
  for (const entry of distances) entry[1] = 1 - (entry[1] - min) / max || 0;
  return distances;
}

/** franc's `franc(value, {only, minLength})`: the best language of {@link rankLanguages}. */
export function bestLanguage(value: string, only: readonly string[], minLength = 10): string {
  return rankLanguages(value, only, minLength)[0][0];
}
