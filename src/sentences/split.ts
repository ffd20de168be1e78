/**
 * Rule-based sentence splitting for Russian and English news text.
 *
 * A sentence ends at `.`, `!`, `?`, `…` (or a run of them), followed by any closing quotes and brackets, white
 * space, and the start of a sentence: an upper-case letter or a digit, possibly behind opening quotes,
 * brackets or a dialogue dash. A full stop is not an end when it closes an abbreviation that is followed by a
 * name or a figure ("г. Москва", "им. Ленина", "Mr. Smith", "Jan. 5", "No. 3"), an initial ("М. Мишустин",
 * "A. Smith"), or "т.е." / "e.g." / "i.e.". Some abbreviations end sentences as often as not ("U.S.", "Inc.",
 * "a.m."): there the full stop ends a sentence only when the next word is one that usually opens one
 * ("The", "It", "But", …). A full stop inside a token ("4.3", "U.S.", "т.е.") is never an end.
 *
 * Known limit: a headline without a final full stop runs into the sentence after it when the two share a
 * paragraph (nothing in the text marks the end).
 */
import type { Lang } from '../types.js';
import type { SentenceSpan } from './types.js';

/**
 * A sentence terminator: `.`, `!`, `?`, `…`. Tested by code unit, not with a regular expression on a one-character
 * string: the scan for the next one reads every character of every paragraph.
 */
const isTerminator = (code: number): boolean => code === 0x2e || code === 0x21 || code === 0x3f || code === 0x2026;
const CLOSER = /[»"”’')\]]/;
const OPENER = /[«"“„‘'(\[]/;
const DASH = /[—–-]/;
const SPACE = /\s/;
const STARTS_SENTENCE = /[\p{Lu}\p{Nd}]/u;

/** Abbreviations (lower case, without the final full stop) after which a full stop never ends a sentence. */
const NEVER_ENDS = new Set([
  // English titles, months, reference words
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'gen', 'sen', 'rep', 'gov', 'lt', 'col', 'sgt', 'capt', 'cmdr', 'adm',
  'maj', 'rev', 'hon', 'pres', 'mt', 'ft', 'vs', 'fig', 'vol', 'approx', 'dept', 'jan', 'feb', 'mar', 'apr',
  'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'e.g', 'i.e', 'cf', 'viz', 'nos', 'fr', 'messrs',
  // Russian: address, titles, references ("им. Ленина", "ул. Тверская", "проф. Иванов", "ст. 228", "ч. 2")
  'им', 'ул', 'пр', 'просп', 'пер', 'пл', 'наб', 'проф', 'акад', 'доц', 'ген', 'св', 'тов', 'гр', 'рис', 'см',
  'стр', 'ст', 'пп', 'кв', 'корп', 'напр', 'ср', 'англ', 'лат', 'нем', 'франц', 'рус', 'т.е', 'т.к', 'т.н',
  'т.ч', 'и.о', 'г-н', 'г-жа',
]);

/** Abbreviations that end a sentence only when a typical sentence opener follows. */
const SOMETIMES_ENDS = new Set(['inc', 'ltd', 'co', 'corp', 'jr', 'sr', 'bros', 'llc', 'plc', 'a.m', 'p.m']);

/** Russian abbreviations that name a unit of time after a figure ("2023 г.", "XX в.") and a place or name otherwise ("г. Москва"). */
const AFTER_FIGURE_ENDS = new Set(['г', 'гг', 'в', 'вв']);

/** A year, a range of years or a century in Roman figures: what "г.", "гг.", "в.", "вв." follow when they mean year or century. */
const YEAR_OR_CENTURY = /^(?:\d{1,4}(?:[-–]\d{1,4})?|[IVXLC]+(?:[-–][IVXLC]+)?)$/;

/** Abbreviations that never end a sentence when a figure follows ("No. 5"). */
const BEFORE_FIGURE = new Set(['no', '№']);

/** Words that typically open an English sentence (used after "U.S.", "Inc.", "a.m."). */
const OPENERS = new Set(
  (
    'the a an this that these those it its he she they we i you his her their our my but and or so yet in on at as ' +
    'for from by with after before during however meanwhile earlier later according there here if when while ' +
    'although though some many most all both each such what who why how now then also last next one two ' +
    'since until under over despite officials'
  ).split(' '),
);

/**
 * Cut a text (typically a paragraph's `clean` text) into sentences.
 *
 * Offsets are into `text`; sentences are in order, do not overlap, and hold every non-space character of the
 * text; the white space between two sentences belongs to neither. `lang` selects nothing yet (both languages'
 * abbreviation tables are always on, since neither script can mistake the other's); it is there so that a
 * language with other rules can be added without changing callers.
 */
export function splitSentences(text: string, lang: Lang): SentenceSpan[] {
  void lang;
  const out: SentenceSpan[] = [];
  let start = skipSpace(text, 0);
  let i = start;
  while (i < text.length) {
    if (!isTerminator(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const terminatorStart = i;
    while (i < text.length && isTerminator(text.charCodeAt(i))) i++;
    const terminatorEnd = i;
    while (i < text.length && CLOSER.test(text[i])) i++;
    const end = i;
    if (end >= text.length) break;
    if (!SPACE.test(text[end])) continue;
    const next = skipSpace(text, end);
    if (next >= text.length) break;
    const word = nextWord(text, next);
    if (!word) continue;
    const singleStop = terminatorEnd - terminatorStart === 1 && text[terminatorStart] === '.';
    const closed = end > terminatorEnd;
    if (singleStop && !closed && !stopEndsSentence(text, start, terminatorStart, word)) continue;
    out.push({ start, end, text: text.slice(start, end) });
    start = next;
    i = next;
  }
  const last = trimEnd(text, start, text.length);
  if (last > start) out.push({ start, end: last, text: text.slice(start, last) });
  return out;
}

/** The word a sentence would open with at `at` (behind opening quotes, brackets, a dialogue dash), if it can open one. */
function nextWord(text: string, at: number): string | undefined {
  let k = at;
  for (;;) {
    if (k < text.length && OPENER.test(text[k])) k++;
    else if (k + 1 < text.length && DASH.test(text[k]) && SPACE.test(text[k + 1])) k = skipSpace(text, k + 1);
    else break;
  }
  if (k >= text.length || !STARTS_SENTENCE.test(text[k])) return undefined;
  let e = k;
  while (e < text.length && /[\p{L}\p{N}]/u.test(text[e])) e++;
  return text.slice(k, e);
}

/**
 * Whether the full stop at `stop`, followed by white space and `next` (which can open a sentence), ends the
 * sentence that began at `sentenceStart`.
 */
function stopEndsSentence(text: string, sentenceStart: number, stop: number, next: string): boolean {
  const tokenStart = tokenStartBefore(text, stop, sentenceStart);
  const token = stripOpeners(text.slice(tokenStart, stop));
  const lower = token.toLowerCase();
  if (token === '') return true;
  // A list marker or a lone figure opening the sentence ("1. The first point") is not a sentence.
  if (tokenStart === sentenceStart && /^\d+$/.test(token)) return false;
  // "т. е.", "т. д.": a one-letter abbreviation after another.
  const previous = previousToken(text, tokenStart, sentenceStart);
  let joined = lower;
  if (/^\p{Ll}$/u.test(token) && /^\p{Ll}\.$/u.test(previous)) joined = `${previous.toLowerCase()}${lower}`;
  if (NEVER_ENDS.has(joined) || NEVER_ENDS.has(lower)) return false;
  if (BEFORE_FIGURE.has(lower)) return !/^\d/.test(next);
  if (AFTER_FIGURE_ENDS.has(lower)) return YEAR_OR_CENTURY.test(previous);
  if (SOMETIMES_ENDS.has(joined) || SOMETIMES_ENDS.has(lower)) return OPENERS.has(next.toLowerCase());
  // Initials: "М. Мишустин", "A. Smith", "М.В. Мишустин".
  if (/^(?:\p{Lu}\.)*\p{Lu}$/u.test(token)) {
    // "U.S.", "U.K.", "E.U.": initialisms end sentences when a sentence opener follows; initials of names never.
    const letters = token.replace(/\./g, '');
    return letters.length > 1 && /^[A-Z]+$/.test(letters) && OPENERS.has(next.toLowerCase());
  }
  // Other dotted lower-case abbreviations ("т.д.", "т.п.", "н.э.", "etc.") end a sentence when a capital follows.
  if (/^(?:\p{Ll}\.)+\p{Ll}$/u.test(token)) return true;
  // A one-letter lower-case abbreviation ("с. 5", "д. 3", "п. 2").
  if (/^\p{Ll}$/u.test(token)) return joined !== lower;
  return true;
}

/** Start of the white-space-delimited token that ends at `end`, not before `floor`. */
function tokenStartBefore(text: string, end: number, floor: number): number {
  let k = end;
  while (k > floor && !SPACE.test(text[k - 1])) k--;
  return k;
}

/** The token before the one starting at `tokenStart`, within the sentence. */
function previousToken(text: string, tokenStart: number, floor: number): string {
  let k = tokenStart;
  while (k > floor && SPACE.test(text[k - 1])) k--;
  const start = tokenStartBefore(text, k, floor);
  return stripOpeners(text.slice(start, k));
}

function stripOpeners(token: string): string {
  let k = 0;
  while (k < token.length && (OPENER.test(token[k]) || DASH.test(token[k]))) k++;
  return token.slice(k);
}

function skipSpace(text: string, at: number): number {
  while (at < text.length && SPACE.test(text[at])) at++;
  return at;
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && SPACE.test(text[end - 1])) end--;
  return end;
}
