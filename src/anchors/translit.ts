/**
 * Words and their language-neutral Latin keys.
 *
 * A name survives translation as a transliteration: "Асадовым" in Russian is "Asadov" in English. This module
 * turns any word, Cyrillic or Latin, into a comparison key on which such spellings collide: Cyrillic is
 * romanised (Wikipedia scheme, via `iuliia`), then the Latin form is folded so that common spelling variants
 * meet (Sergei/Sergey/Sergej, Dmitry/Dmitriy/Dmitrii, Mikhail/Mihail, Aliyev/Aliev), and the key is the first
 * five letters, so Russian case endings fall off (Асадов/Асадова/Асадовым → `asado`).
 *
 * It also holds the word tokenizer shared by the entity and term extractors.
 */
import { WIKIPEDIA } from 'iuliia';
import type { GazetteerStarts } from './gazetteer.js';
import type { TermPhrase } from './lexicon.js';
import type { NameFacts } from './names.js';
import { HASH_SEED, hashRange, hashStep, PerWord, WordTable } from './word-table.js';
import { isPlainLetterWord } from './word-prefixes.js';

// ---------------------------------------------------------------------------------------------------------
// Scripts and letters
// ---------------------------------------------------------------------------------------------------------

/** Script of a word: Cyrillic letters, Latin letters, or neither (digits only). */
export type Script = 'cyr' | 'lat' | 'none';

const LETTER_RE = /\p{L}|\p{M}/u;

/** Is the code unit at `i` part of a word (letter, combining mark or digit)? Fast paths for common ranges. */
function isWordAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  if (c >= 0x400 && c <= 0x4ff) return true; // Cyrillic block
  if (c < 0xc0) return false;
  if (c >= 0x2000 && c <= 0x2bff) return false; // punctuation, symbols, arrows
  return LETTER_RE.test(text.charAt(i));
}

/** Upper-case letter code (ASCII and Russian fast paths). */
function isUpperCode(c: number, text: string, i: number): boolean {
  if (c >= 65 && c <= 90) return true;
  if (c < 0x80) return false;
  if (c >= 0x410 && c <= 0x42f) return true;
  if (c >= 0x430 && c <= 0x44f) return false;
  const ch = text.charAt(i);
  return ch !== ch.toLowerCase();
}

/** Lower-case letter code (ASCII and Russian fast paths). */
function isLowerCode(c: number, text: string, i: number): boolean {
  if (c >= 97 && c <= 122) return true;
  if (c < 0x80) return false;
  if (c >= 0x430 && c <= 0x44f) return true;
  if (c >= 0x410 && c <= 0x42f) return false;
  const ch = text.charAt(i);
  return ch !== ch.toUpperCase();
}

function isCyrCode(c: number): boolean {
  return c >= 0x400 && c <= 0x4ff;
}

function isLatinLetterCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
}

/** Script of a word, decided by its letters (the majority wins for mixed words). */
export function scriptOf(word: string): Script {
  let cyr = 0;
  let lat = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (isCyrCode(c)) cyr++;
    else if (isLatinLetterCode(c)) lat++;
  }
  if (cyr === 0 && lat === 0) return 'none';
  return cyr >= lat ? 'cyr' : 'lat';
}

/** Number of letters (not digits) in a word. */
export function letterCount(word: string): number {
  let n = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (!(c >= 48 && c <= 57)) n++;
  }
  return n;
}

/** Does the word start with an upper-case letter? */
export function isCapitalised(word: string): boolean {
  return word.length > 0 && isUpperCode(word.charCodeAt(0), word, 0);
}

/** Is every letter of the word upper case (and are there at least two)? Digits are ignored ("COP29"). */
export function isAllCaps(word: string): boolean {
  let letters = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (isLowerCode(c, word, i)) return false;
    if (isUpperCode(c, word, i)) letters++;
  }
  return letters >= 2;
}

// ---------------------------------------------------------------------------------------------------------
// Tokenizer
// ---------------------------------------------------------------------------------------------------------

/**
 * One word of a text, with what the extractors need to know about its surroundings. Four fields, the rest read off
 * them: a text has a token per word, and seven fields made 80 bytes a word (56 now); the one-shot CLI run of the
 * seed pair took 5 % less CPU for it.
 */
export class Token {
  constructor(
    readonly start: number,
    readonly end: number,
    /** Facts about the word itself (shared by every occurrence of the same spelling). */
    readonly info: WordInfo,
    /** The sentence index shifted left by two, over {@link INITIAL} and {@link JOINED}. */
    private readonly bits: number,
  ) {}

  /** The word as written; an English possessive or contraction tail ("'s", "'m") is left out. */
  get text(): string {
    return this.info.text;
  }

  /** Index of the sentence (0-based) the word belongs to. */
  get sentence(): number {
    return this.bits >>> 2;
  }

  /** First word of a sentence (or of a line, or after a colon): its capital letter says nothing. */
  get initial(): boolean {
    return (this.bits & INITIAL) !== 0;
  }

  /**
   * Joined to the previous word by white space (not a line break), hyphens or dashes only, so the two can
   * form one multi-word name ("Caspian Sea", "Север-Юг", "St. Petersburg").
   */
  get joined(): boolean {
    return (this.bits & JOINED) !== 0;
  }
}

/** {@link Token.initial}'s bit. */
const INITIAL = 1;
/** {@link Token.joined}'s bit. */
const JOINED = 2;

/** What the extractors ask about a word, computed once per spelling. */
export interface WordInfo {
  /** The spelling itself (the same string for every occurrence). */
  text: string;
  /** Dense id of the spelling in the word table: an index for per-spelling side tables (see {@link perWord}). */
  id: number;
  /** {@link normalizeWord} of the word, full stops dropped ("U.S." → "us"): the form tables are looked up by. */
  norm: string;
  script: Script;
  /** Letters, not digits. */
  letters: number;
  capitalised: boolean;
  allCaps: boolean;
  /**
   * Every code unit an ASCII or Cyrillic letter ({@link isPlainLetterWord}): the word is a whole run of letters
   * as the figure pass of numbers.ts reads them, so that pass can take the token for the run.
   */
  plainLetters: boolean;
  /** {@link norm} is an abbreviation whose full stop ends no sentence ("St.", "Mr.", "г."): the tokenizer asks at every stop after a word. */
  abbreviation: boolean;
  /*
   * Memos of the extractors' built-in tables, filled on first need by their modules. They sit on the word's own
   * record, which is in cache already when a token is read: a side table would cost one more memory load per
   * token, for every token of every text.
   */
  /** Gazetteer phrases the word may start (gazetteer.ts). */
  gazetteerStarts: GazetteerStarts | undefined;
  /** Lexicon phrases the word may start, case aside (lexicon.ts). */
  termStarts: readonly TermPhrase[] | undefined;
  /** What the name extractor asks about the word (names.ts). */
  nameFacts: NameFacts | undefined;
  /** {@link wordKey} of the word without full stops, once the name extractor asked (names.ts). */
  nameKey: WordKey | undefined;
  /**
   * Whether the word, read as a whole run of letters, may start a spelled-out figure and whether it is inert
   * (starts none in any context), per language: bits the figure pass of numbers.ts sets on first need (0 = not
   * asked yet).
   */
  figureStart: number;
}

// Spellings seen (most words of a long text are repeats); emptied whole past the limit.
const words = new WordTable<WordInfo>(200_000);

function infoOf(word: string, hash: number): WordInfo {
  const norm = normalizeWord(word).replace(/\./g, '');
  return words.add(hash, (id) => ({
    text: word,
    id,
    norm,
    script: scriptOf(word),
    letters: letterCount(word),
    capitalised: isCapitalised(word),
    allCaps: isAllCaps(word),
    plainLetters: isPlainLetterWord(word),
    abbreviation: ABBREVIATIONS.has(norm),
    gazetteerStarts: undefined,
    termStarts: undefined,
    nameFacts: undefined,
    nameKey: undefined,
    figureStart: 0,
  }));
}

/** Facts about one word (cached per spelling: most words of a long text are repeats). */
export function wordInfo(word: string): WordInfo {
  const hash = hashRange(word, 0, word.length);
  return words.find(word, 0, word.length, hash) ?? infoOf(word, hash);
}

/** The {@link WordInfo} of `text[start, end)` (`hash` its {@link hashRange}), without cutting the word out on a repeat. */
function wordInfoAt(text: string, start: number, end: number, hash: number): WordInfo {
  return words.find(text, start, end, hash) ?? infoOf(text.slice(start, end), hash);
}

/** A new side table holding one value per spelling, indexed by {@link WordInfo.id}. */
export function perWord<T>(): PerWord<T> {
  return new PerWord<T>(words);
}

// Abbreviations whose full stop does not end a sentence (lower-cased, without the stop).
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'st', 'jr', 'sr', 'gen', 'lt', 'col', 'sgt', 'capt', 'prof', 'sen', 'rep', 'gov',
  'no', 'vs', 'etc', 'inc', 'ltd', 'co', 'corp', 'mt', 'ft', 'ave', 'jan', 'feb', 'aug', 'sept', 'oct', 'nov',
  'dec', 'approx', 'dept', 'est', 'fig', 'vol',
  'г', 'гг', 'им', 'ул', 'д', 'т', 'тыс', 'млн', 'млрд', 'трлн', 'руб', 'ст', 'проф', 'акад', 'тел', 'см', 'др',
  'пр', 'обл', 'р', 'пос', 'с', 'н', 'э', 'ген', 'долл', 'коп', 'чел', 'ок', 'напр', 'стр', 'рис', 'кв',
]);

const CONTRACTION_TAILS = new Set(['s', 'm', 'd', 've', 'll', 're', 't']);

function isApostrophe(c: number): boolean {
  return c === 0x27 || c === 0x2019 || c === 0x2bc;
}

function isJoinerCode(c: number): boolean {
  // space, no-break space, thin spaces, hyphen, non-breaking hyphen, en/em dash, minus
  return c === 0x20 || c === 0x09 || c === 0xa0 || (c >= 0x2000 && c <= 0x200b) || c === 0x202f ||
    c === 0x2d || (c >= 0x2010 && c <= 0x2015) || c === 0x2212;
}

/**
 * Split a text into words (runs of letters and digits; inner apostrophes kept, English possessive and
 * contraction tails dropped; dotted acronyms such as "U.S." kept whole). Linear in the text length. The
 * result is shared with the next call on the same text: treat it as read-only.
 */
export function tokenize(text: string): Token[] {
  // The entity and term extractors read the same text in a row: tokenize it once.
  if (lastTokenized !== undefined && lastTokenized.text === text) return lastTokenized.tokens;
  const tokens = tokenizeFresh(text);
  lastTokenized = { text, tokens };
  return tokens;
}

let lastTokenized: { text: string; tokens: Token[] } | undefined;

// Code-unit classes for the tokenizer, computed once per code unit on first sight: a table read instead of a
// regular expression or a case conversion per character.
const WORD = 1;
const UPPER = 2;
const KNOWN = 4;
const unitClasses = new Uint8Array(0x10000);

function classOf(c: number, text: string, i: number): number {
  let k = unitClasses[c]!;
  if (k === 0) {
    k = KNOWN | (isWordAt(text, i) ? WORD : 0) | (isUpperCode(c, text, i) ? UPPER : 0);
    unitClasses[c] = k;
  }
  return k;
}

function isWordUnit(text: string, i: number): boolean {
  return (classOf(text.charCodeAt(i), text, i) & WORD) !== 0;
}

function isUpperUnit(text: string, i: number): boolean {
  return (classOf(text.charCodeAt(i), text, i) & UPPER) !== 0;
}

function tokenizeFresh(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  let sentence = 0;
  let gapStart = 0;
  let prev: Token | undefined;
  while (i < n) {
    const first = text.charCodeAt(i);
    if ((classOf(first, text, i) & WORD) === 0) {
      i++;
      continue;
    }
    const start = i;
    let end = i + 1;
    let apostrophe = -1;
    // The word's hash is computed as it is read (for the word table), and kept at an apostrophe in case the tail
    // after it is dropped.
    let hash = hashStep(HASH_SEED, first);
    let hashToApostrophe = 0;
    while (end < n) {
      const c = text.charCodeAt(end);
      if ((classOf(c, text, end) & WORD) !== 0) {
        hash = hashStep(hash, c);
        end++;
      } else if (isApostrophe(c) && end + 1 < n && isWordUnit(text, end + 1)) {
        apostrophe = end;
        hashToApostrophe = hash;
        hash = hashStep(hash, c);
        end++;
      } else {
        break;
      }
    }
    let wordEnd = end;
    // English possessive / contraction: keep "Russia" of "Russia's", "I" of "I'm"; keep "O'Brien".
    if (apostrophe >= 0 && CONTRACTION_TAILS.has(text.slice(apostrophe + 1, end).toLowerCase())) {
      wordEnd = apostrophe;
      hash = hashToApostrophe;
    }
    // Dotted acronym: U.S., U.K., U.S.A. (single letters glued by full stops, no spaces).
    if (end - start === 1 && end + 2 <= n && text.charCodeAt(end) === 0x2e && isUpperUnit(text, start) &&
      isUpperUnit(text, end + 1) && (end + 2 === n || !isWordUnit(text, end + 2))) {
      let k = end;
      while (k + 2 <= n && text.charCodeAt(k) === 0x2e && isUpperUnit(text, k + 1) &&
        (k + 2 === n || !isWordUnit(text, k + 2))) {
        k += 2;
      }
      if (k < n && text.charCodeAt(k) === 0x2e) k++;
      end = k;
      wordEnd = k;
      hash = hashRange(text, start, wordEnd);
    }
    let boundary = prev === undefined;
    let joined = prev !== undefined;
    // Most gaps are one plain space, which changes nothing: skip the loop for them.
    const oneSpace = start - gapStart === 1 && text.charCodeAt(gapStart) === 0x20;
    for (let k = oneSpace ? start : gapStart; k < start; k++) {
      const g = text.charCodeAt(k);
      if (!isJoinerCode(g)) {
        if (g === 0x2e && prev !== undefined && k === prev.end && prev.info.abbreviation) {
          // "St. Petersburg", "Mr. Smith": the stop belongs to the abbreviation.
          continue;
        }
        if (g === 0x2e && prev !== undefined && k === prev.end && prev.info.letters === 1 && prev.info.capitalised) {
          // "V. Putin": an initial.
          continue;
        }
        joined = false;
        if (g === 0x2e || g === 0x21 || g === 0x3f || g === 0x2026 || g === 0x0a || g === 0x0d || g === 0x3a ||
          g === 0x3b) {
          boundary = true;
        }
      }
    }
    if (boundary && prev !== undefined) sentence++;
    const info = wordInfoAt(text, start, wordEnd, hash);
    prev = new Token(start, wordEnd, info, (sentence << 2) | (boundary ? INITIAL : 0) | (joined ? JOINED : 0));
    tokens.push(prev);
    i = end;
    gapStart = end;
  }
  return tokens;
}

// ---------------------------------------------------------------------------------------------------------
// Transliteration and folding
// ---------------------------------------------------------------------------------------------------------

// Letters of other Cyrillic alphabets (Ukrainian, Belarusian, Kazakh, …) mapped to the nearest Russian letter
// so the Russian romanisation handles them.
const CYR_EXTRA: Record<string, string> = {
  'і': 'и', 'ї': 'йи', 'є': 'е', 'ґ': 'г', 'ў': 'у', 'ә': 'а', 'ғ': 'г', 'қ': 'к', 'ң': 'н', 'ө': 'о',
  'ұ': 'у', 'ү': 'у', 'һ': 'х', 'ј': 'й', 'ђ': 'дж', 'ћ': 'ч', 'љ': 'ль', 'њ': 'нь', 'џ': 'дж', 'ѕ': 'дз',
};

// Acronyms are read letter by letter, so Ц is C (ЦСКА = CSKA) and Е is E (not Ye).
const ACRONYM_LETTERS: Record<string, string> = {
  'а': 'a', 'б': 'b', 'в': 'v', 'г': 'g', 'д': 'd', 'е': 'e', 'ё': 'e', 'ж': 'zh', 'з': 'z', 'и': 'i', 'й': 'y',
  'к': 'k', 'л': 'l', 'м': 'm', 'н': 'n', 'о': 'o', 'п': 'p', 'р': 'r', 'с': 's', 'т': 't', 'у': 'u', 'ф': 'f',
  'х': 'kh', 'ц': 'c', 'ч': 'ch', 'ш': 'sh', 'щ': 'shch', 'ъ': '', 'ы': 'y', 'ь': '', 'э': 'e', 'ю': 'yu', 'я': 'ya',
};

/** Romanise one lower-case Cyrillic word with the Wikipedia scheme (iuliia's schema, letter by letter). */
function romanise(word: string): string {
  // Same procedure as iuliia's `translate` for a single word, without its per-call generator overhead.
  const out: string[] = [];
  let stem = word;
  let endingLatin: string | undefined;
  if (word.length > 2) {
    endingLatin = WIKIPEDIA.translateEnding(word.slice(-2));
    if (endingLatin !== undefined) stem = word.slice(0, -2);
  }
  for (let i = 0; i < stem.length; i++) {
    const prev = i > 0 ? stem.charAt(i - 1) : '';
    const next = i + 1 < stem.length ? stem.charAt(i + 1) : '';
    out.push(WIKIPEDIA.translateLetter(prev, stem.charAt(i), next) ?? stem.charAt(i));
  }
  if (endingLatin !== undefined) out.push(endingLatin);
  return out.join('');
}

/**
 * Latin spelling of a word: Cyrillic is romanised (Wikipedia scheme; short all-caps acronyms letter by
 * letter), Latin is returned as written. ё is read as е first, as most Russian texts write it.
 */
export function toLatin(word: string): string {
  if (scriptOf(word) !== 'cyr') return word;
  const acronym = isAllCaps(word) && letterCount(word) <= 5;
  let w = word.toLowerCase().replace(/ё/g, 'е');
  w = w.replace(/[іїєґўәғқңөұүһјђћљњџѕ]/g, (ch) => CYR_EXTRA[ch] ?? ch);
  if (acronym) {
    let out = '';
    for (const ch of w) out += ACRONYM_LETTERS[ch] ?? ch;
    return out;
  }
  return romanise(w);
}

const LIGATURES: Record<string, string> = { 'ß': 'ss', 'æ': 'ae', 'œ': 'oe', 'ø': 'o', 'ł': 'l', 'đ': 'd', 'ı': 'i', 'þ': 'th', 'ð': 'd' };

/**
 * Fold a Latin spelling so that common variants of one name collide. Lower case, diacritics and
 * non-letters dropped, then one consistent scheme:
 * shch/sch→sh, sht→st (Эйнштейн/Einstein), tch→ch, dzh/dj→j, kh→h, ph→f, th→t, gh→g, ck→k, cz→ch,
 * qu→kv, q→k, x→ks, w→v, tz→ts, z→s except in zh (Проза/Prosa), c→s before e/i/y else k (ch kept),
 * j→i (Sergej/Sergei, Джон/John both "ion", Йоханнесбург/Johannesburg), y→i, initial u before a vowel → v (Уильям/William, Уилсон/Wilson), ie→e at the start and after a vowel (Yevgeny/Evgeny, Alekseyev/Alekseev), io→e after a consonant
 * (Fyodor/Fedor), h after a vowel dropped (Mikhail/Mihail/Mikail, Akhmed/Ahmed), double letters single.
 */
export function foldLatin(latin: string): string {
  // Plain ASCII letters (most words) have no marks, ligatures or other characters to drop.
  let t = latin.toLowerCase();
  if (!/^[a-z]*$/.test(t)) {
    t = latin.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    t = t.replace(/[ßæœøłđıþð]/g, (ch) => LIGATURES[ch] ?? ch).replace(/[^a-z]/g, '');
  }
  // A rule runs only when the word holds every letter a match of it needs: most rules cannot match a given word,
  // and a replace that finds nothing still costs a regular-expression run. The set grows by what a rule writes.
  let letters = letterSet(t);
  for (const rule of FOLD_RULES) {
    if ((letters & rule.needs) !== rule.needs) continue;
    const next = t.replace(rule.re, rule.by);
    if (next !== t) letters |= rule.writes;
    t = next;
  }
  return t;
}

/** Bit per letter a–z of `word` (other characters add nothing). */
function letterSet(word: string): number {
  let set = 0;
  for (let i = 0; i < word.length; i++) {
    const k = word.charCodeAt(i) - 0x61;
    if (k >= 0 && k < 26) set |= 1 << k;
  }
  return set;
}

/** One replacement of {@link foldLatin}'s scheme, with the letters a match needs and the letters it writes. */
interface FoldRule {
  re: RegExp;
  by: string;
  needs: number;
  writes: number;
}

/** {@link foldLatin}'s replacements in the order they apply (each reads what the ones before wrote). */
const FOLD_RULES: FoldRule[] = (
  [
    [/shch|sch/g, 'sh', 'sch'],
    [/sht/g, 'st', 'sht'],
    [/tch/g, 'ch', 'tch'],
    [/dzh|dj/g, 'j', 'd'],
    [/kh/g, 'h', 'kh'],
    [/ph/g, 'f', 'ph'],
    [/th/g, 't', 'th'],
    [/gh/g, 'g', 'gh'],
    [/ck/g, 'k', 'ck'],
    [/cz/g, 'ch', 'cz'],
    [/qu/g, 'kv', 'qu'],
    [/q/g, 'k', 'q'],
    [/x/g, 'ks', 'x'],
    [/w/g, 'v', 'w'],
    [/tz/g, 'ts', 'tz'],
    [/z(?!h)/g, 's', 'z'],
    [/c(?=[eiy])/g, 's', 'c'],
    [/c(?!h)/g, 'k', 'c'],
    [/j/g, 'i', 'j'],
    [/y/g, 'i', 'y'],
    [/^u(?=[aeio])/, 'v', 'u'],
    [/^ie/, 'e', 'ie'],
    [/([aeiou])ie/g, '$1e', 'ie'],
    [/([^aeiou])io/g, '$1e', 'io'],
    [/([aeiou])h/g, '$1', 'h'],
    [/([a-z])\1+/g, '$1', ''],
  ] as Array<[RegExp, string, string]>
).map(([re, by, needs]) => ({ re, by, needs: letterSet(needs), writes: letterSet(by) }));

/** Length of the key prefix: long enough to tell names apart, short enough for Russian endings to fall off. */
export const KEY_LENGTH = 5;

/**
 * Key of a folded form: trailing vowels dropped (Russian endings -а, -у, -ы, -ой…; English -a, -y), a short
 * stem's instrumental/dative ending dropped (Иваном → ivan, Ираном → iran, and by symmetry Karim → kar),
 * then the first {@link KEY_LENGTH} letters.
 */
export function keyOfFolded(folded: string): string {
  let t = folded.replace(/[aeiou]+$/, '');
  if (t.length < 2) t = folded.slice(0, 2);
  const m = /^([a-z]{2,4})[aeiou]m$/.exec(t);
  if (m !== null) t = m[1]!;
  return t.slice(0, KEY_LENGTH);
}

/** A word's key and its full folded form. */
export interface WordKey {
  /** Language-neutral comparison key ("asado"). */
  key: string;
  /** Full folded Latin form ("asadova"), for messages and fuzzy matching. */
  name: string;
}

const keyCache = new Map<string, WordKey>();
const KEY_CACHE_LIMIT = 200_000;

/**
 * Key of one word in either script: "Асадова" → asado, "Asadov" → asado, "Сергей"/"Sergei"/"Sergey" → serg.
 * Letters only: a word with digits keeps them only when it has fewer than two letters ("G20" → g20,
 * "COP29" → kop). Cached per word, as it runs on every word of large collections.
 */
export function wordKey(word: string): WordKey {
  const hit = keyCache.get(word);
  if (hit !== undefined) return hit;
  const letters = word.replace(/[0-9]/g, '');
  let result: WordKey;
  if (letterCount(word) < 2) {
    const f = foldLatin(toLatin(letters)) + word.replace(/[^0-9]/g, '');
    result = { key: f, name: f };
  } else {
    const folded = foldLatin(toLatin(letters));
    result = { key: keyOfFolded(folded), name: folded };
  }
  if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.clear();
  keyCache.set(word, result);
  return result;
}

// A Russian adjective made from a place name: Тартуский, Алтайского, Невский (suffix -ск- plus an ending).
const RU_PLACE_ADJECTIVE = /(?:ск|цк)(?:ий|ый|ой|ая|ое|ее|ого|ому|ом|ую|ие|ые|их|ых|им|ым|ими|ыми|ою)$/;

/**
 * Other keys the same word may stand for, for lenient mention checks (never for anchors): the key without
 * the short-stem ending rule (Артем stays `artem`, as in Артемом), and for a Russian place adjective the key
 * of its base (Тартуский → `tart`, as Tartu; Алтайского → `alt`, as Altai).
 */
export function alternativeKeys(word: string): string[] {
  const out: string[] = [];
  const { key, name } = wordKey(word);
  if (letterCount(word) < 2) return out;
  const plain = (name.replace(/[aeiou]+$/, '') || name).slice(0, KEY_LENGTH);
  if (plain.length >= 2 && plain !== key) out.push(plain);
  const lower = word.toLowerCase();
  if (scriptOf(word) === 'cyr' && RU_PLACE_ADJECTIVE.test(lower)) {
    const base = lower.replace(RU_PLACE_ADJECTIVE, '');
    if (base.length >= 2) {
      const k = wordKey(base).key;
      if (k !== key) out.push(k);
    }
  }
  return out;
}

/**
 * Lower case with ё read as е and (for Latin) diacritics dropped: the form gazetteer and lexicon tables are
 * compared on.
 */
export function normalizeWord(word: string): string {
  const lower = word.toLowerCase();
  let plain = true;
  for (let i = 0; i < lower.length && plain; i++) {
    const c = lower.charCodeAt(i);
    plain = c < 0x80 || (c >= 0x430 && c <= 0x44f);
  }
  if (plain) return lower; // ASCII or plain Russian: nothing to fold
  if (scriptOf(lower) === 'lat') return lower.normalize('NFD').replace(/\p{M}/gu, '');
  return lower.replace(/ё/g, 'е');
}
