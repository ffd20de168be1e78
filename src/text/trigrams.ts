/**
 * franc's trigram language ranking (`francAll` with an `only` list), with its data loaded lazily: franc builds
 * numeric trigram tables for all of its ~190 languages when its module loads (about 20 ms of every start-up),
 * while this library compares at most a few dozen, and only when the letters of a text cannot decide. The
 * ranking is franc's own (same data, script choice, distance and normalisation); a test checks it against
 * franc on many texts.
 *
 * Speed: franc looks every trigram of the text up in every candidate's table (16 look-ups of a fresh string per
 * trigram for the Latin candidates) after building an object dictionary and a sorted tuple list of them. Here
 * the candidates of one script share a {@link Panel}: one look-up gives a trigram's row, and the ranks of all
 * candidates are read from a typed array. A trigram in no candidate's table costs every candidate the same
 * maximal difference whatever its count, so those are only counted (distinct ones), not looked up again. A
 * trigram is looked up by the numbers of its three code units in the script's alphabet as one small integer
 * ({@link letterKey}), not as a three-character string cut out of the text and hashed; the script is chosen in
 * one pass over a table of code units ({@link topScript}), not by franc's 30 expressions. A ranking of 1 500
 * characters of English among the 16 Latin candidates: 121 µs → 54 µs on the benchmark machine.
 */
import { data } from 'franc/data.js';
import { expressions } from 'franc/expressions.js';
import { clean } from 'trigram-utils';

/** A language code and its score (1 = best), as franc gives them. */
export type LanguageScore = [string, number];

/** franc reads no more than this many characters. */
const MAX_LENGTH = 2048;
/** Distance added for a trigram a language's table does not have. */
const MAX_DIFFERENCE = 300;

/**
 * The trigram tables of the candidate languages of one script, side by side: `rows` numbers every trigram that
 * any of them lists (by {@link letterKey}); `ranks[row * languages.length + l]` is its rank (0 = commonest) for
 * language `l`, or -1 when that language does not list it.
 */
interface Panel {
  languages: string[];
  /** The script's {@link Alphabet}. */
  letters: Alphabet;
  rows: Map<number, number>;
  ranks: Int16Array;
}

/**
 * Per code unit, its number (from 1) among the code units of a script's trigrams in franc's data, 0 for a unit
 * none of them has. A trigram of three numbered units is keyed by {@link letterKey}, a small integer, where the
 * three code units themselves need 48 bits: a number beyond V8's small integers, which it boxes for every look-up.
 */
type Alphabet = Uint16Array;

/** Units an {@link Alphabet} can number: {@link letterKey} keeps three numbers below this in 30 bits. */
const ALPHABET_LIMIT = 1 << 10;

/** The trigram of the three alphabet numbers `a`, `b`, `c` (each from 1 to {@link ALPHABET_LIMIT} − 1) as one small integer. */
function letterKey(a: number, b: number, c: number): number {
  return (a * ALPHABET_LIMIT + b) * ALPHABET_LIMIT + c;
}

/** The code units of `text` from `at` to `at + 3` as one number (exact: 48 bits), for a trigram outside any alphabet. */
function trigramKey(text: string, at: number): number {
  return (text.charCodeAt(at) * 0x10000 + text.charCodeAt(at + 1)) * 0x10000 + text.charCodeAt(at + 2);
}

/** Alphabets by script, built with the script's first panel. */
const alphabets = new Map<string, Alphabet>();

/** The {@link Alphabet} of `script`'s trigrams in franc's data (every language's, so one serves every panel). */
function alphabet(script: string): Alphabet {
  let letters = alphabets.get(script);
  if (letters !== undefined) return letters;
  letters = new Uint16Array(0x10000);
  let size = 0;
  for (const model of Object.values(data[script])) {
    for (let k = 0; k < model.length; k++) {
      const code = model.charCodeAt(k);
      if (code !== 0x7c && letters[code] === 0) letters[code] = ++size; // '|' separates the trigrams
    }
  }
  // franc's scripts use 36 to 134 code units each; a data file with more is a new franc, to be looked at.
  if (size >= ALPHABET_LIMIT) throw new Error(`franc's ${script} trigrams use ${size} code units, more than ${ALPHABET_LIMIT - 1}`);
  alphabets.set(script, letters);
  return letters;
}

/** Panels built on first use, by script and candidate list. */
const panels = new Map<string, Panel>();

/** The panel of `script`'s languages that `allowed` admits, in franc's order (the order of its data). */
function panel(script: string, only: readonly string[], allowed: (language: string) => boolean): Panel {
  const key = `${script}:${only.join(',')}`;
  let found = panels.get(key);
  if (found) return found;
  const languages = Object.keys(data[script]).filter(allowed);
  const models = languages.map((language) => data[script][language].split('|'));
  const width = languages.length;
  const letters = alphabet(script);
  const rows = new Map<number, number>();
  // Room for every trigram listed (fewer are distinct); one pass, one look-up per trigram: this runs once per
  // process, as cold code, in the first text that needs franc. (franc's trigrams are three code units each, as
  // the text's are read.)
  const ranks = new Int16Array(models.reduce((sum, model) => sum + model.length, 0) * width).fill(-1);
  models.forEach((model, l) => {
    // franc assigns from the end, so a trigram listed twice keeps its first (lowest) rank.
    for (let weight = model.length - 1; weight >= 0; weight--) {
      const listed = model[weight]!;
      const trigram = letterKey(letters[listed.charCodeAt(0)]!, letters[listed.charCodeAt(1)]!, letters[listed.charCodeAt(2)]!);
      let row = rows.get(trigram);
      if (row === undefined) rows.set(trigram, (row = rows.size));
      ranks[row * width + l] = weight;
    }
  });
  found = { languages, letters, rows, ranks };
  panels.set(key, found);
  return found;
}

/** franc's scripts, in its order (the order ties are broken in). */
const SCRIPTS = Object.keys(expressions);
/** Each script's expression without the g flag, to test one code unit. */
const SCRIPT_TESTS = SCRIPTS.map((script) => new RegExp(expressions[script].source));
/** Per code unit outside the surrogates, the scripts whose expression matches it, as bits in {@link SCRIPTS} order; -1 = not looked at yet. */
const scriptBits = new Int32Array(0x10000).fill(-1);

/** {@link scriptBits} of a code unit, filled on first sight (a text uses few distinct code units). */
function scriptBitsOf(code: number): number {
  let bits = scriptBits[code]!;
  if (bits < 0) {
    bits = 0;
    const unit = String.fromCharCode(code);
    for (let s = 0; s < SCRIPT_TESTS.length; s++) if (SCRIPT_TESTS[s]!.test(unit)) bits |= 1 << s;
    scriptBits[code] = bits;
  }
  return bits;
}

/**
 * The script whose expression matches most characters of `value` (franc's choice: the first of equals), and its
 * share.
 */
function topScript(value: string): [string | undefined, number] {
  const counts = scriptCounts(value);
  let topCount = -1;
  let top: string | undefined;
  for (let s = 0; s < SCRIPTS.length; s++) {
    const count = counts[s]! / value.length || 0;
    if (count > topCount) {
      topCount = count;
      top = SCRIPTS[s];
    }
  }
  return [top, topCount];
}

/**
 * How many characters of `value` each script's expression matches, in {@link SCRIPTS} order. franc runs each of
 * its 30 expressions over the text, collecting every match; outside the surrogates a match is one code unit, so
 * here one pass reads each unit's scripts from a table. A text with a surrogate is counted by the expressions
 * themselves, whose pairs span two units.
 */
function scriptCounts(value: string): Int32Array {
  const counts = new Int32Array(SCRIPTS.length);
  for (let k = 0; k < value.length; k++) {
    const code = value.charCodeAt(k);
    if (code >= 0xd800 && code <= 0xdfff) {
      SCRIPTS.forEach((script, s) => (counts[s] = value.match(expressions[script])?.length ?? 0));
      return counts;
    }
    for (let bits = scriptBitsOf(code); bits !== 0; bits &= bits - 1) counts[31 - Math.clz32(bits & -bits)]!++;
  }
  return counts;
}

/**
 * franc's distance of `sample` to each language of `table`, in the panel's order: the sum over the distinct
 * trigrams of the cleaned, space-padded sample (trigram-utils' `trigrams`) of |count − rank − 1|, or
 * {@link MAX_DIFFERENCE} for a trigram the language does not list.
 */
function distances(sample: string, table: Panel): number[] {
  const padded = ` ${clean(sample)} `;
  const { languages, letters, rows, ranks } = table;
  // Counts by row, and the rows seen in the order first seen (the sum does not depend on the order).
  const counts = new Int32Array(rows.size);
  const seen: number[] = [];
  // Distinct unlisted trigrams: of alphabet letters (by letterKey), and with a unit outside it (by trigramKey).
  const unlisted = new Set<number>();
  const foreign = new Set<number>();
  let b = letters[padded.charCodeAt(0)]!;
  let c = letters[padded.charCodeAt(1)]!;
  for (let k = 0; k + 3 <= padded.length; k++) {
    const a = b;
    b = c;
    c = letters[padded.charCodeAt(k + 2)]!;
    if (a === 0 || b === 0 || c === 0) {
      foreign.add(trigramKey(padded, k));
      continue;
    }
    const trigram = letterKey(a, b, c);
    const row = rows.get(trigram);
    if (row === undefined) unlisted.add(trigram);
    else if (counts[row]++ === 0) seen.push(row);
  }
  const width = languages.length;
  const sums = new Array<number>(width).fill((unlisted.size + foreign.size) * MAX_DIFFERENCE);
  for (const row of seen) {
    const count = counts[row];
    for (let l = 0, at = row * width; l < width; l++, at++) {
      const rank = ranks[at];
      sums[l] += rank < 0 ? MAX_DIFFERENCE : Math.abs(count - rank - 1);
    }
  }
  return sums;
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
  const table = panel(script, only, allowed);
  if (table.languages.length === 0) return [['und', 1]];
  const sums = distances(sample, table);
  // A stable sort, as franc's: equal distances keep the order of franc's data.
  const ranked: LanguageScore[] = table.languages.map((language, l) => [language, sums[l]]);
  ranked.sort((a, b) => a[1] - b[1]);
  const min = ranked[0][1];
  const max = sample.length * MAX_DIFFERENCE - min;
  for (const entry of ranked) entry[1] = 1 - (entry[1] - min) / max || 0;
  return ranked;
}

/** franc's `franc(value, {only, minLength})`: the best language of {@link rankLanguages}. */
export function bestLanguage(value: string, only: readonly string[], minLength = 10): string {
  return rankLanguages(value, only, minLength)[0][0];
}
