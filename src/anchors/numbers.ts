/**
 * Figures as anchors: numbers (with scale words, units, currencies and comparators), years, ordinals and dates,
 * Russian and English, each with a language-neutral key so that "4,3 млрд долларов США" and "4.3 billion US
 * dollars" both give `num:4300000000`.
 *
 * Figures are read from the raw text (tokenisers split "4,3"), in two passes:
 * 1. digits: one linear scan finds digit runs, ISO and dotted dates and clock times; each run is split into
 *    numbers by the language's separator rules, then read in context (what follows: date month, ordinal
 *    suffix, year word, scale, unit; what precedes: currency sign, month, minus, letters of an identifier);
 * 2. words: spelled-out cardinals and ordinals, month names, "today"/"сегодня", outside the spans of pass 1.
 * Then ranges share their scale and unit ("25–30 миллиардов", "4,5-5,5%") and comparators are read in front.
 *
 * Choices (documented once, here):
 * - Weights: digit figures 1; bare digit integers 0–10 (no scale, no unit) 0.5; identifiers and clock times
 *   0.5; relative dates 0.5; spelled-out numbers, ordinals and lone month names 0.3.
 * - Identifiers ("COVID-19", "Су-57", "A320", "5G", phone numbers) are kind `number`, key `num:<digits>`, unit
 *   `code`: they still help alignment but are no quantity (the checker ignores unit `code`). Clock times
 *   ("18:30", "6:30 PM", "18 часов 30 минут") are unit `code` too, key `time:HH:MM`.
 * - A decade ("1990-х", "1990s") is the year of its first year: `year:1990`; so is a short decade ("90-е",
 *   "the '90s"), read in the 1900s (20-е … 90-е), the century not being written.
 * - A month named without a day ("в марте", "in March") is a weak date, key `date:MM` (written `words`).
 * - A 4-digit integer 1000–2100 is a year with a year word or suffix ("2023 году", "2023-м", "2023's"), after a
 *   month or a date, or after an English preposition ("in 1712"). A bare one in 1900–2100 is a year too, except
 *   a round one (2000) with no such context, one with a comparator ("около 2019 человек"), and one written with
 *   a group separator or carrying a scale or unit. In a list with a number that cannot be a year ("2048 or
 *   4096") it is a number.
 * - Anniversaries are ordinals ("200-летие" = "200th anniversary" = "200-year anniversary").
 * - Russian counts that English writes as numbers are weak numbers: collective numerals ("четверо" = "four"),
 *   number-led compounds ("четырехлетний" = "four-year"), "сутки" (24 hours), "полмиллиона" (half a million).
 * - Russian groups digits by spaces, English by commas (and spaces, SI style); a group must be exactly three
 *   digits after a lead of one to three, so "2019 2020" stays two numbers. "1,5" is 1.5 in Russian, 1 and 5 in
 *   English; "1,234" is 1.234 in Russian, 1234 in English. A chain of two or more "," or "."
 *   three-digit groups is thousands in either language ("1,000,000" in a Russian text).
 */
import type { Anchor, Lang, Qualifier } from '../types.js';
import { charLeads, leadChars, leadMasks, leadStrings, mayStartWithAt, mayStartWithLead, type LeadChars } from './lead-chars.js';
import { shareWeights } from './shapes.js';
import { tokenize, type Token as WordToken, type WordInfo } from './translit.js';
import { isPlainLetterCode, letterIndex, letterRunEnd, mayBeInTable, prefixTable } from './word-prefixes.js';
import {
  BARE_SCALES,
  CARDINAL_WORDS,
  COLLECTIVE_WORDS,
  COMPOUND_NUMBER,
  COMPOUND_STEMS,
  CURRENCY_PREFIXES,
  type CardinalWord,
  DAY_MONTH_PATTERN,
  EN_ROUND_YEAR_PREPOSITIONS,
  EN_YEAR_PREPOSITIONS,
  HALF_SCALES,
  MINUS_WORDS,
  MONTH_WORDS,
  NUMBER_NOUNS,
  monthOf,
  ORDINAL_WORDS,
  QUALIFIER_LINKS,
  QUALIFIERS,
  RANGE_LINKS,
  RELATIVE_DAYS,
  RU_YEAR_WORD,
  SCALES,
  type ScaleEntry,
  UNITS,
} from './number-words.js';

/** What the extractor may know about the document. */
export interface NumberContext {
  /** document date ISO YYYY-MM-DD, used to resolve "today"/"сегодня"/"yesterday"/"вчера" */
  date?: string;
  /** Order of numeric dates with slashes ("03/05/2024"); see {@link numericDateOrder}. */
  dateOrder?: DateOrder;
}

/** Day-month-year or month-day-year. */
export type DateOrder = 'dmy' | 'mdy';

const SLASH_DATE = /(?<![\d/])(\d{1,2})\/(\d{1,2})\/\d{4}(?![\d/])/g;

/**
 * The order a text writes numeric slash dates in, when it says: a first part above 12 is a day (15/03/2024,
 * day-month), a second part above 12 is a day (03/15/2024, month-day); undefined when no date decides or dates
 * disagree. Without evidence, English reads month-day (the US order), Russian day-month.
 */
export function numericDateOrder(text: string): DateOrder | undefined {
  let dmy = false;
  let mdy = false;
  // Most texts have no slash at all; and an exec loop spares the copy of the expression `matchAll` makes.
  if (!text.includes('/')) return undefined;
  SLASH_DATE.lastIndex = 0;
  for (let m = SLASH_DATE.exec(text); m; m = SLASH_DATE.exec(text)) {
    if (Number(m[1]) > 12) dmy = true;
    if (Number(m[2]) > 12) mdy = true;
  }
  return dmy === mdy ? undefined : dmy ? 'dmy' : 'mdy';
}

// ---------------------------------------------------------------------------------------------------------
// Exact decimals: m × 10^e with a BigInt mantissa, so 4,3 × 10^9 is 4300000000 and not 4299999999.999999.

/** An exact decimal `m × 10^e`. */
export interface Decimal {
  m: bigint;
  e: number;
}

/** The decimal written as integer digits and fraction digits ("4", "3" → 4.3). */
export function decimalFromDigits(intDigits: string, fracDigits = ''): Decimal {
  return { m: BigInt((intDigits || '0') + fracDigits), e: -fracDigits.length };
}

/** A finite JS number as an exact decimal of its shortest round-trip form, float noise cut at 15 digits. */
export function decimalFromNumber(n: number): Decimal {
  // Integers below 10^15 are their own shortest form (no rounding at 15 digits): no string round trip.
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return { m: BigInt(n), e: 0 };
  const text = Number(n.toPrecision(15)).toString(); // "4300000000", "0.95", "1e+21", "1.5e-7"
  const [mantissa, exp = '0'] = text.split('e');
  const negative = mantissa.startsWith('-');
  const [int, frac = ''] = mantissa.replace('-', '').split('.');
  const d = decimalFromDigits(int, frac);
  return { m: negative ? -d.m : d.m, e: d.e + Number(exp) };
}

/** `d × 10^pow`. */
export function shiftDecimal(d: Decimal, pow: number): Decimal {
  return { m: d.m, e: d.e + pow };
}

/** `a + b`, exactly. */
export function addDecimal(a: Decimal, b: Decimal): Decimal {
  const e = Math.min(a.e, b.e);
  const scale = (d: Decimal): bigint => d.m * 10n ** BigInt(d.e - e);
  return { m: scale(a) + scale(b), e };
}

/** The canonical string: no exponent, no leading zeros, no trailing fraction zeros ("4300000000", "0.95", "12.5"). */
export function formatDecimal(d: Decimal): string {
  let { m, e } = d;
  if (e === 0) return m.toString();
  while (e < 0 && m % 10n === 0n) {
    m /= 10n;
    e++;
  }
  const sign = m < 0n ? '-' : '';
  const digits = (m < 0n ? -m : m).toString();
  if (e >= 0) return sign + digits + '0'.repeat(e);
  const padded = digits.padStart(-e + 1, '0');
  return `${sign}${padded.slice(0, e)}.${padded.slice(e)}`;
}

/** Canonical decimal string of a number or numeric string: `canonicalNumber(4.3e9) === '4300000000'`. */
export function canonicalNumber(value: number | string): string {
  if (typeof value === 'number') return formatDecimal(decimalFromNumber(value));
  const [int, frac = ''] = value.trim().replace(/^\+/, '').split('.');
  const negative = int.startsWith('-');
  const d = decimalFromDigits(int.replace('-', ''), frac);
  return formatDecimal(negative ? { m: -d.m, e: d.e } : d);
}

// ---------------------------------------------------------------------------------------------------------
// Intermediate figure: mutable while context is read, turned into an Anchor at the end.

type FigureKind = 'number' | 'year' | 'ordinal' | 'date';

/** What a figure says, as a pass finds it ({@link figure} makes the {@link Figure}). */
interface FigureFields {
  start: number;
  end: number;
  kind: FigureKind;
  written: 'digits' | 'words';
  /** number: mantissa before the scale word. */
  dec?: Decimal;
  /** number: power of ten of the scale word (0 = none). */
  pow: number;
  unit?: string;
  qualifier?: Qualifier;
  /** year / ordinal value. */
  n?: number;
  /** date: month 1–12 and day (0 = month only). */
  month?: number;
  day?: number;
  /** number: an identifier or clock time (unit `code`), with its key. */
  codeKey?: string;
  /** A year decided by a year word or suffix (not by the bare 4-digit rule). */
  marked?: boolean;
  /** number: the unit came from a currency sign in front ("$150,000-200,000": it carries forward). */
  prefixed?: boolean;
  weight?: number;
}

declare const MADE_BY_FIGURE: unique symbol;

/** A figure, made by {@link figure} only (the brand, a type with no value, lets the compiler see to that). */
interface Figure extends FigureFields {
  readonly [MADE_BY_FIGURE]: true;
}

/**
 * The figure of `fields`, with every field present (undefined where it has none) in one order: one hidden class for
 * every figure. Made by object literals of their own fields (nine field lists) and given more fields later (unit,
 * qualifier, a year's or a date's), figures took more than a dozen classes, and the passes that read them (ranges,
 * qualifiers, anchors) read every field through a megamorphic cache.
 */
function figure(fields: FigureFields): Figure {
  const { start, end, kind, written, dec, pow, unit, qualifier, n, month, day, codeKey, marked, prefixed, weight } = fields;
  return { start, end, kind, written, dec, pow, unit, qualifier, n, month, day, codeKey, marked, prefixed, weight } as Figure;
}

/** Can `d` be a day of a month? */
const isDay = (d: number): boolean => Number.isInteger(d) && d >= 1 && d <= 31;
/** Two-digit month or day for keys. */
const pad2 = (n: number): string => String(n).padStart(2, '0');

/** The canonical key of a figure; `canonical` is the number's canonical decimal, when it is a number. */
function figureKey(f: Figure, canonical: string | undefined): string {
  if (f.codeKey) return f.codeKey;
  switch (f.kind) {
    case 'year':
      return `year:${f.n}`;
    case 'ordinal':
      return `ord:${f.n}`;
    case 'date':
      return f.day ? `date:${pad2(f.month!)}-${pad2(f.day)}` : `date:${pad2(f.month!)}`;
    default:
      return `num:${canonical}`;
  }
}

/** Prior strength: see the module comment. */
function figureWeight(f: Figure): number {
  if (f.weight !== undefined) return f.weight;
  if (f.written === 'words') return 0.3;
  if (f.codeKey) return 0.5;
  if (f.kind === 'number' && !f.unit && f.pow === 0 && f.dec!.e >= 0 && f.dec!.m >= 0n && f.dec!.m <= 10n) return 0.5;
  return 1;
}

/**
 * The anchor a figure stands for. Every figure anchor has every field, those it lacks undefined (which JSON leaves
 * out, as it does a missing field): one hidden class for them all. Added one by one, the three optional fields made
 * up to eight, and every loop over a paragraph's anchors (figures, names and terms together) read them through a
 * megamorphic inline cache, a lookup per field read.
 */
function toAnchor(text: string, f: Figure): Anchor {
  const canonical = f.kind === 'number' && f.dec ? formatDecimal(f.pow === 0 ? f.dec : shiftDecimal(f.dec, f.pow)) : undefined;
  return {
    kind: f.kind,
    key: figureKey(f, canonical),
    surface: text.slice(f.start, f.end),
    start: f.start,
    end: f.end,
    weight: figureWeight(f),
    written: f.written,
    value: (f.kind === 'year' || f.kind === 'ordinal') && f.n !== undefined ? f.n : canonical !== undefined ? Number(canonical) : undefined,
    unit: f.codeKey ? 'code' : f.unit || undefined,
    qualifier: f.qualifier || undefined,
  };
}

// Figure anchors as made above, fields in the same order (see shapes.ts).
shareWeights({ kind: 'number', key: '', surface: '', start: 0, end: 0, weight: 1, written: 'digits', value: undefined, unit: undefined, qualifier: undefined });

// ---------------------------------------------------------------------------------------------------------
// Regular expressions. All sticky ones are matched at one position; none has nested quantifiers.

/** Space between a figure and its words: a plain, no-break, thin or narrow no-break space (one). */
const SP = '[ \\u00A0\\u2009\\u202F]';
const DASH = '[-\\u2010-\\u2015\\u2212]';
/** The characters of {@link SP} and {@link DASH}. */
const SPACES = ' \u00A0\u2009\u202F';
const DASHES = '-\u2010\u2011\u2012\u2013\u2014\u2015\u2212';
/** End of a word: no letter or digit follows. */
const WORD_END = '(?![\\p{L}\\p{N}])';

/** A Russian year word after a number or suffix. */
const YEAR_AFTER = `${SP}?${RU_YEAR_WORD}(?!\\p{L})`;

const sticky = (source: string, flags = ''): RegExp => new RegExp(source, `${flags}uy`);
/** Spaces in table patterns stand for any one space character. */
const spaced = (pattern: string): string => pattern.replace(/ /g, SP);

/**
 * The digit scan: phone number | ISO date | dotted date | slash date | clock time | digit run | vulgar fraction. A phone
 * number starts with "+" and a country code or has an area code in brackets. A run is digits joined by "." or ","
 * and digits, or by one space and exactly three digits; it is split into numbers afterwards ({@link splitRun}). The
 * vulgar fractions (no other match has one) are found by the same scan of the text.
 */
const DIGITS =
  /(\+\d{1,3}[ \u00A0]?\(?\d{2,5}\)?(?:[ \u00A0-]\d{2,4}){2,4}(?!\d)|\d[ \u00A0]?\(\d{3,5}\)[ \u00A0]?\d{1,4}(?:[ \u00A0-]\d{2,4}){1,3}(?!\d))|(\d{4})-(\d{2})-(\d{2})(?!\d)|(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)|(\d{1,2})\/(\d{1,2})\/(\d{4})(?![\d/])|(\d{1,2}):(\d{2})(?![\d:])|\d+(?:[.,]\d+|[ \u00A0\u2009\u202F]\d{3}(?!\d))*|([½¼¾⅓⅔])/y;
/** Where a {@link DIGITS} match can start. */
const DIGIT_START = /[+\d½¼¾⅓⅔]/g;

const isDigitCode = (c: number): boolean => c >= 0x30 && c <= 0x39;

/**
 * The end of the {@link DIGITS} match at `start` when it can only be a plain digit run (most numbers: "2019",
 * "4,3", "100 000"), read without the expression; -1 when a phone number, date or clock time may start there.
 */
function plainRunEnd(text: string, start: number): number {
  if (!isDigitCode(text.charCodeAt(start))) return -1;
  let end = start + 1;
  while (isDigitCode(text.charCodeAt(end))) end++;
  const lead = end - start;
  const next = text[end];
  const second = text[start + 1];
  if (second === '(' || ((second === ' ' || second === '\u00A0') && text[start + 2] === '(')) return -1; // "8 (495) …"
  if ((lead === 4 && next === '-') || (lead <= 2 && (next === '.' || next === '/' || next === ':'))) return -1; // dates, times
  // \d+(?:[.,]\d+|SP\d{3}(?!\d))*: nothing follows the repetition, so taking the first branch that fits is the match.
  for (;;) {
    const c = text[end];
    if ((c === '.' || c === ',') && isDigitCode(text.charCodeAt(end + 1))) {
      end += 2;
      while (isDigitCode(text.charCodeAt(end))) end++;
    } else if (c !== undefined && SPACES.includes(c) && isDigitCode(text.charCodeAt(end + 1)) && isDigitCode(text.charCodeAt(end + 2)) && isDigitCode(text.charCodeAt(end + 3)) && !isDigitCode(text.charCodeAt(end + 4))) {
      end += 4;
    } else {
      return end;
    }
  }
}

interface ScaleMatcher extends ScaleEntry {
  re: RegExp;
  /** First characters of the scale word itself (after the optional space). */
  lead: LeadChars;
  /** Its first few characters ({@link leadStrings}), and whether they are compared case-folded. */
  starts: ReadonlySet<string>;
  fold: boolean;
}
interface UnitMatcher {
  /** The unit's expression, compiled on its first use ({@link unitRe}): most units of the table never occur in a text. */
  re: RegExp | undefined;
  source: string;
  flags: string;
  unit: string;
  /** First characters of the unit itself (after the optional space or hyphen). */
  lead: LeadChars;
  /** Its first few characters ({@link leadStrings}), and whether they are compared case-folded. */
  starts: ReadonlySet<string>;
  fold: boolean;
  hyphen: boolean;
}

/**
 * Which entries of a table of scales or units may match at a position, as bit sets (bit `i` for entry `i`):
 * one look at the next one or two characters instead of a test per entry (this runs after every number).
 */
interface TableLeads {
  /** Entries whose match may start with a character (by its code; NaN: the end of the text). */
  at: (code: number) => number;
  /** Entries that may start with a space (then the character after it counts). */
  spaced: number;
  /** Entries that may start with a dash (then the character after it counts). */
  hyphened: number;
}

/** A run of the unit table and the masks of which of its entries may match where. */
interface UnitTable {
  units: UnitMatcher[];
  leads: TableLeads;
}

/** Entries a {@link TableLeads} mask can tell apart: one bit each, in a 32-bit integer. */
const MASK_ENTRIES = 31;

/** The unit table cut into {@link UnitTable}s of {@link MASK_ENTRIES} entries, in order. */
function unitTables(units: readonly UnitMatcher[]): UnitTable[] {
  const out: UnitTable[] = [];
  for (let from = 0; from < units.length; from += MASK_ENTRIES) {
    const run = units.slice(from, from + MASK_ENTRIES);
    out.push({ units: run, leads: { at: leadMasks(run.map((u) => u.lead)), spaced: bitsOf(run, () => true), hyphened: bitsOf(run, (u) => u.hyphen) } });
  }
  return out;
}

/** Compiled per-language matchers. */
interface LangRules {
  scales: ScaleMatcher[];
  scaleLeads: TableLeads;
  /** Scales read only after a currency sign. */
  currencyScales: number;
  /** The unit table in order, cut into runs of at most 31 entries (a lead mask's bits), each with its masks. */
  unitTables: UnitTable[];
  /** Date month after a day ("5 марта", "5th of March"). */
  dayMonth: Guarded;
  /** Ordinal suffix after digits. */
  ordinal: Guarded;
  /** Russian cardinal case suffix ("5-ти", "2-х"); English plural/decade "s". */
  caseSuffix: Guarded;
  /** Year word after a 4-digit number. */
  yearWord: Guarded | null;
  /** A month name right before a day or year ("March 5", "July 2019", "марте 2020"). */
  monthBefore: RegExp;
  /** A preposition that makes a round or pre-1900 4-digit number a year (English only). */
  yearPreposition: RegExp | null;
  /** …and the wider list for round years from 1900. */
  roundYearPreposition: RegExp | null;
  /** Anniversary: an ordinal ("200-летие", "200-year anniversary" = "200th anniversary"). */
  anniversary: Guarded;
  /** Decade suffix after a round 2-digit number ("90-е", "90-х"; "'90s", "90s"). */
  decade: Guarded | null;
  qualifier: RegExp;
  /** The words {@link qualifier} can end with (before its spaces), lower case. */
  qualifierEnds: ReadonlySet<string>;
  /** Their first letters ({@link prefixTable}): most words before a number are passed over by them. */
  qualifierEndStarts: Uint32Array;
  /** Gap between two figures of one range or list. */
  rangeGap: RegExp;
  /** "с половиной", "and a half". */
  half: Guarded;
  /** Next number word of a spelled-out number. */
  nextWord: Guarded;
}

function compileScales(lang: Lang): ScaleMatcher[] {
  return SCALES[lang].map((s) => ({
    ...s,
    re: sticky(`${s.attachedOnly ? '' : `${SP}?`}(?:${s.pattern})(?!\\p{L})`, s.attachedOnly ? '' : 'i'),
    lead: leadChars(s.pattern, !s.attachedOnly),
    starts: leadStrings(s.pattern, !s.attachedOnly),
    fold: !s.attachedOnly,
  }));
}

/** A unit's expression, compiled the first time a text may hold the unit. */
const unitRe = (unit: UnitMatcher): RegExp => (unit.re ??= sticky(unit.source, unit.flags));

function compileUnits(lang: Lang): UnitMatcher[] {
  return UNITS[lang].map((u) => ({
    unit: u.unit,
    re: undefined,
    source: `(?:${SP}${u.hyphen ? `|${DASH}` : ''})?(?:${spaced(u.pattern)})${u.symbol ? '' : WORD_END}`,
    flags: u.caseSensitive ? '' : 'i',
    lead: leadChars(spaced(u.pattern), !u.caseSensitive),
    starts: leadStrings(u.pattern, !u.caseSensitive, SPACES),
    fold: !u.caseSensitive,
    hyphen: !!u.hyphen,
  }));
}

function compileQualifier(lang: Lang): RegExp {
  const phrases = Object.keys(QUALIFIERS[lang])
    .sort((a, b) => b.length - a.length)
    .map((p) => p.replace(/ /g, '\\s+'));
  const links = lang === 'ru' ? `(?:\\s+чем)?(?:\\s+(?:${QUALIFIER_LINKS.ru}))?` : `(?:\\s+(?:${QUALIFIER_LINKS.en}))?`;
  return new RegExp(`(?<!\\p{L})(${phrases.join('|')})${links}\\s+$`, 'iu');
}

/** The bits of the entries of `list` that `has`. */
const bitsOf = <T>(list: readonly T[], has: (entry: T) => boolean): number =>
  list.reduce((mask, entry, i) => (has(entry) ? mask | (1 << i) : mask), 0);

function compileRules(lang: Lang): LangRules {
  // English month names are matched as written, and in capitals too ("29 SEPTEMBER 2016" in a dateline).
  const months = lang === 'en' ? `${DAY_MONTH_PATTERN.en}|${DAY_MONTH_PATTERN.en.toUpperCase()}` : DAY_MONTH_PATTERN[lang];
  const scales = compileScales(lang);
  const units = compileUnits(lang);
  const qualifierEnds = new Set([
    ...Object.keys(QUALIFIERS[lang]).map((phrase) => phrase.slice(phrase.lastIndexOf(' ') + 1)),
    ...QUALIFIER_LINKS[lang].split('|'),
    ...(lang === 'ru' ? ['чем'] : []),
  ]);
  return {
    scales,
    scaleLeads: { at: leadMasks(scales.map((s) => s.lead)), spaced: bitsOf(scales, (s) => !s.attachedOnly), hyphened: 0 },
    currencyScales: bitsOf(scales, (s) => !!s.needsCurrency),
    unitTables: unitTables(units),
    dayMonth:
      lang === 'ru'
        ? guarded(sticky(`(?:${DASH}?го)?${SP}+(${months})(?!\\p{L})`, 'i'), DASHES + 'г', SPACES + 'яфмаисонд')
        : guarded(sticky(`(?:st|nd|rd|th)?${SP}+(?:of${SP}+)?(${months})\\.?(?!\\p{L})`), 'snrt', SPACES + 'oJFMASOND'),
    ordinal:
      lang === 'ru'
        ? guarded(sticky(`${DASH}(?:ый|ой|ий|ая|ое|ые|ых|ым|ыми|ого|ому|ом|ую|го|му|й|я|е|м|ю)(?!\\p{L})`, 'i'), DASHES)
        : guarded(sticky('(?:st|nd|rd|th)(?!\\p{L})', 'i'), 'snrt'),
    caseSuffix:
      lang === 'ru'
        ? guarded(sticky(`${DASH}(?:ти|ми|х|ух|ех|и|ью)(?!\\p{L})`, 'i'), DASHES)
        : guarded(sticky(`(?:'s|\\u2019s|s)(?!\\p{L})`), "'\u2019s"),
    yearWord: lang === 'ru' ? guarded(sticky(YEAR_AFTER, 'i'), 'г', 'г') : null,
    monthBefore:
      lang === 'ru'
        ? new RegExp(`(?<!\\p{L})(\\p{L}+)${SP}+$`, 'u')
        : new RegExp(`(?<!\\p{L})(${months})\\.?${SP}+$`, 'u'),
    yearPreposition: lang === 'en' ? new RegExp(`(?<!\\p{L})(?:${EN_YEAR_PREPOSITIONS})${SP}+$`, 'iu') : null,
    roundYearPreposition:
      lang === 'en' ? new RegExp(`(?<!\\p{L})(?:${EN_YEAR_PREPOSITIONS}|${EN_ROUND_YEAR_PREPOSITIONS})${SP}+$`, 'iu') : null,
    anniversary:
      lang === 'ru'
        ? guarded(sticky(`${DASH}лети(?:е|я|ю|ем|и)(?!\\p{L})`, 'i'), DASHES)
        : guarded(sticky(`(?:${DASH}|${SP})years?(?:${DASH}|${SP})anniversar(?:y|ies)(?!\\p{L})`, 'i'), DASHES, 'y'),
    decade:
      lang === 'ru'
        ? guarded(sticky(`${DASH}(?:ы?х(?!\\p{L})(?:${YEAR_AFTER})?|ы?е(?!\\p{L})(?:${YEAR_AFTER}|(?!${SP}\\p{L})))`, 'i'), DASHES)
        : guarded(sticky(`['\\u2019]?s(?!\\p{L})`), "'\u2019s"),
    qualifier: compileQualifier(lang),
    qualifierEnds,
    qualifierEndStarts: prefixTable(qualifierEnds),
    rangeGap: new RegExp(`^(?:${SP}*(?:${DASH}|\\.\\.\\.|\\u2026)${SP}*|${SP}+(?:${RANGE_LINKS[lang]})${SP}+)$`, 'iu'),
    half:
      lang === 'ru'
        ? guarded(sticky(`${SP}+с${SP}+половиной(?!\\p{L})`, 'i'), '', SPACES + 'с')
        : guarded(sticky(`${SP}+and${SP}+a${SP}+half(?!\\p{L})`, 'i'), '', SPACES + 'a'),
    nextWord:
      lang === 'ru'
        ? guarded(sticky(`(?:${SP}+|${SP}*-${SP}*)(\\p{L}+)`), SPACES + '-')
        : guarded(sticky(`(?:${SP}+and${SP}+|${SP}+|${SP}*-${SP}*)(\\p{L}+)`, 'i'), SPACES + '-'),
  };
}

const RULES: Record<Lang, LangRules> = { ru: compileRules('ru'), en: compileRules('en') };

/** Match `re` (sticky) at `pos`. */
function matchAt(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(text);
}

/**
 * A sticky expression with the characters its matches can start with, written out beside it: it is run only
 * where one of them is, which spares running most expressions after most numbers.
 */
interface Guarded {
  re: RegExp;
  /** First characters of a match (both cases when the expression ignores case). */
  lead: LeadChars;
  /** First characters after one leading space, for expressions that may start with a space. */
  spaced: LeadChars;
}

/** `re` guarded by the characters its match may start with: `lead`, or a space then `spaced` (see {@link Guarded}). */
function guarded(re: RegExp, lead: string, spaced = ''): Guarded {
  const fold = re.flags.includes('i');
  return { re, lead: charLeads(lead, fold), spaced: charLeads(spaced, fold) };
}

/** Match a guarded expression at `pos`: {@link matchAt}, skipped where no match can start. */
function matchGuarded(g: Guarded, text: string, pos: number): RegExpExecArray | null {
  if (!mayStartWithAt(g.lead, text, pos) && !(isSpaceCode(text.charCodeAt(pos)) && mayStartWithAt(g.spaced, text, pos + 1))) return null;
  return matchAt(g.re, text, pos);
}

/** Match `re` (anchored with `$`) against the `width` characters before `pos`. */
function matchBefore(re: RegExp, text: string, pos: number, width: number): RegExpExecArray | null {
  return re.exec(text.slice(Math.max(0, pos - width), pos));
}

const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= '0' && ch <= '9';
/**
 * Is the code unit at `i` a letter (false past either end)? A fast path for ASCII and Cyrillic, as this runs for
 * every number, and read by its code: no one-character string is made (for a Cyrillic one, a new string each time).
 */
const isLetterAt = (text: string, i: number): boolean => {
  const c = text.charCodeAt(i);
  if (c < 0x80) return (c | 32) >= 97 && (c | 32) <= 122;
  if (c >= 0x400 && c <= 0x4ff) return true;
  return c === c && /\p{L}/u.test(text[i]!);
};

// ---------------------------------------------------------------------------------------------------------
// Pass 1a: digit tokens.

/** A number as written in digits: integer digits, fraction digits, and whether group separators were used. */
export interface NumToken {
  type: 'num';
  start: number;
  end: number;
  int: string;
  frac: string;
  grouped: boolean;
}
interface DateToken {
  type: 'date';
  start: number;
  end: number;
  year: number;
  month: number;
  day: number;
  /** Offsets of the year digits and of the day-month part. */
  yearSpan: [number, number];
  dateSpan: [number, number];
}
interface TimeToken {
  type: 'time';
  start: number;
  end: number;
  hour: number;
  minute: number;
}
/** A phone number: one identifier. */
interface CodeToken {
  type: 'code';
  start: number;
  end: number;
  digits: string;
}
/** A vulgar fraction character ("½"). */
interface VulgarToken {
  type: 'vulgar';
  start: number;
  end: number;
}
type Token = NumToken | DateToken | TimeToken | CodeToken | VulgarToken;

/**
 * Is `sep` a thousands separator in `lang`? Russian: spaces; English: comma, and spaces too (SI style, common in
 * texts translated from Russian, and no-break spaces are plain spaces once folded for matching).
 */
function isGroupSep(sep: string, lang: Lang): boolean {
  return SPACES.includes(sep) || (sep === ',' && lang === 'en');
}

/** Is `sep` a decimal separator in `lang`? Russian: comma (and the point that also appears); English: point. */
const isDecimalSep = (sep: string, lang: Lang): boolean => sep === '.' || (sep === ',' && lang === 'ru');

/**
 * Split a digit run ("1 000 000", "4,3", "2019 100", "1,5") into numbers by the language's separator rules.
 * Linear in the run's length.
 */
export function splitRun(run: string, offset: number, lang: Lang): NumToken[] {
  if (/^\d+$/.test(run)) return [{ type: 'num', start: offset, end: offset + run.length, int: run, frac: '', grouped: false }];
  const groups: string[] = [];
  const seps: string[] = [];
  const starts: number[] = [];
  const re = /\d+/g;
  for (let m = re.exec(run); m; m = re.exec(run)) {
    if (groups.length) seps.push(run[m.index - 1]);
    groups.push(m[0]);
    starts.push(m.index);
  }
  const out: NumToken[] = [];
  let i = 0;
  while (i < groups.length) {
    let int = groups[i];
    let k = i;
    let grouped = false;
    let groupSep: string | undefined;
    // Thousands: a lead of 1–3 digits, then groups of exactly 3 with one kind of separator.
    if (int.length <= 3) {
      while (k + 1 < groups.length && groups[k + 1].length === 3 && isThousands(groups, seps, k, lang, groupSep)) {
        groupSep = seps[k];
        int += groups[k + 1];
        k++;
        grouped = true;
      }
    }
    let frac = '';
    if (k + 1 < groups.length && isDecimalSep(seps[k], lang) && seps[k] !== groupSep) {
      frac = groups[k + 1];
      k++;
    }
    out.push({ type: 'num', start: offset + starts[i], end: offset + starts[k] + groups[k].length, int, frac, grouped });
    i = k + 1;
  }
  return out;
}

/**
 * Does separator `k` join a thousands group? The language's group separator does; so does a chain of two or
 * more "," or "." three-digit groups in either language ("1,000,000" in a Russian text).
 */
function isThousands(groups: string[], seps: string[], k: number, lang: Lang, groupSep: string | undefined): boolean {
  const sep = seps[k];
  if (groupSep !== undefined) return sep === groupSep;
  if (isGroupSep(sep, lang)) return true;
  if (sep !== ',' && sep !== '.') return false;
  let chain = 0;
  while (k + chain < seps.length && seps[k + chain] === sep && groups[k + chain + 1].length === 3) chain++;
  return chain >= 2;
}

/**
 * Every digit token of the scan's text, in order, handed to {@link takeToken} (no token list, and no callback
 * made per text: this runs over every digit). Slash dates are read in the `given` order, else in the text's
 * own ({@link numericDateOrder}), looked for only when there is one, else in the language's.
 */
function scanDigits(s: Scan, vulgar: number[], given: DateOrder | undefined): void {
  const { text, lang } = s;
  let order: DateOrder | undefined;
  // As `DIGITS` with the g flag would read the text: each match at the first place one can start from the end of
  // the last. The expression is run only where more than a plain digit run may be.
  for (let pos = 0; ; ) {
    DIGIT_START.lastIndex = pos;
    if (!DIGIT_START.test(text)) return;
    const start = DIGIT_START.lastIndex - 1;
    const plain = plainRunEnd(text, start);
    if (plain >= 0) {
      for (const t of splitRun(text.slice(start, plain), start, lang)) takeToken(s, vulgar, t);
      pos = plain;
      continue;
    }
    DIGITS.lastIndex = start;
    const m = DIGITS.exec(text);
    if (!m) {
      pos = start + 1;
      continue;
    }
    const end = start + m[0].length;
    pos = end;
    if (m[13] !== undefined) {
      takeToken(s, vulgar, { type: 'vulgar', start, end });
      continue;
    }
    if (m[1] !== undefined && !/^\+\d{1,3}(?:[ \u00A0]\d{3})+$/.test(m[1])) {
      takeToken(s, vulgar, { type: 'code', start, end, digits: m[1].replace(/\D/g, '') });
      continue;
    }
    if (m[1] !== undefined) {
      for (const t of splitRun(m[0].slice(1), start + 1, lang)) takeToken(s, vulgar, t); // "+1 000 000 000": a number
      continue;
    }
    if (m[2] !== undefined) {
      const [year, month, day] = [Number(m[2]), Number(m[3]), Number(m[4])];
      if (month >= 1 && month <= 12 && isDay(day)) {
        takeToken(s, vulgar, { type: 'date', start, end, year, month, day, yearSpan: [start, start + 4], dateSpan: [start + 5, end] });
        continue;
      }
    } else if (m[5] !== undefined || m[8] !== undefined) {
      // Dotted dates are day-month-year; slashed ones follow the document's date order.
      const dotted = m[5] !== undefined;
      const [a, b, year] = dotted ? [Number(m[5]), Number(m[6]), Number(m[7])] : [Number(m[8]), Number(m[9]), Number(m[10])];
      if (!dotted) order ??= given ?? numericDateOrder(text) ?? (lang === 'en' ? 'mdy' : 'dmy');
      const [day, month] = !dotted && order === 'mdy' ? [b, a] : [a, b];
      if (month >= 1 && month <= 12 && isDay(day)) {
        const yearStart = end - 4;
        takeToken(s, vulgar, { type: 'date', start, end, year, month, day, yearSpan: [yearStart, end], dateSpan: [start, yearStart - 1] });
        continue;
      }
    } else if (m[11] !== undefined) {
      const [hour, minute] = [Number(m[11]), Number(m[12])];
      if (hour <= 24 && minute <= 59) {
        takeToken(s, vulgar, { type: 'time', start, end, hour, minute });
        continue;
      }
    }
    for (const t of splitRun(m[0], start, lang)) takeToken(s, vulgar, t);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Pass 1b: reading a digit number in its context.

/** More digits than any quantity has: an identifier (and no huge BigInt work). */
const MAX_DIGITS = 30;
const FRACTION_ALONE = /(?:[13]\/[24]|[12]\/3)(?![\d/])/y;
const SEASON_END = guarded(/[/\-\u2010-\u2015](\d{2})(?!\d)/y, '/-\u2010\u2011\u2012\u2013\u2014\u2015');
const PHONE = /\d+(?:-\d+){2,}/y;
const IDENT_BEFORE = /[\p{L}\p{N}]*-?$/u;
const IDENT_AFTER = /[\p{L}\p{N}]*/uy;
const FRACTION = guarded(new RegExp(`(?:${SP}?([½¼¾⅓⅔])|${SP}([13])/([24])(?!\\d))`, 'uy'), '½¼¾⅓⅔', '½¼¾⅓⅔13');
const AM_PM = guarded(new RegExp(`${SP}?([ap])\\.?${SP}?m\\.?(?!\\p{L})`, 'iuy'), 'ap', 'ap');
/** A part of the day after an hour: "(10) утра", "(3 часа) дня", "(9) вечера", "(2 часа) ночи". */
const RU_DAY_PART = guarded(new RegExp(`${SP}(?:час(?:а|ов)?${SP})?(утра|дня|вечера|ночи)(?!\\p{L})`, 'iuy'), '', 'чудвн');
/** A preposition before a time of day: "в 15.30", "с 9.00 до 18.00". */
const RU_TIME_PREPOSITION = /(?<!\p{L})(?:в|с|до|к|около|после)[ \u00A0]$/iu;
/** Words that may follow a time of day written with a full stop: "в 15.30 по московскому времени", "в 10.00 мск". */
const RU_AFTER_TIME = /^[ \u00A0](?:по|мск|часов|ч|утра|дня|вечера|ночи|и|до)(?!\p{L})/iu;
/** "час", "часа", "часов" after an hour ("в 17 часов"). */
const RU_HOUR_WORD = guarded(new RegExp(`${SP}час(?:а|ов)?(?!\\p{L})`, 'iuy'), '', 'ч');
/** "в" right before an hour: "в 17 часов" is a time of day, where "до 24 часов" and "около 2 часов" may be durations. */
const RU_AT_HOUR = /(?<!\p{L})в[ \u00A0]$/iu;
const RU_HOURS_MINUTES = guarded(new RegExp(`${SP}час(?:а|ов)?${SP}(\\d{1,2})${SP}минут[а-я]*(?!\\p{L})`, 'iuy'), '', 'ч');
const SIGN_BEFORE = /(?:^|[\s(\[])([-\u2212])$/u;
const MINUS_WORD = new RegExp(`(?<!\\p{L})(?:${MINUS_WORDS})${SP}$`, 'iu');
/** The last letters of the {@link MINUS_WORDS} (минус, minus, negative), any case: a guard for {@link MINUS_WORD}. */
const MINUS_WORD_END = charLeads('сse', true);
/** …and their letters before the last (минус, minus, negative): most words ending in "s" or "e" are passed over. */
const MINUS_WORD_NEXT_TO_END = charLeads('уuv', true);
/** Fraction digits of ½ ¼ ¾. */
// Thirds are kept to four decimals, the same in every form (⅔ = 2/3 = two-thirds = две трети = 0.6667).
const FRACTION_VALUES: Record<string, string> = {
  '½': '5', '¼': '25', '¾': '75', '⅓': '3333', '⅔': '6667', '1/2': '5', '1/4': '25', '3/4': '75', '1/3': '3333', '2/3': '6667',
};

const CURRENCY_BEFORE = CURRENCY_PREFIXES.map((c) => ({ unit: c.unit, re: new RegExp(`(?:${c.pattern})${SP}?$`, 'u') }));

/** A currency written before `pos` (with at most one space): its unit and where it starts. */
function currencyBefore(text: string, pos: number): { unit: string; start: number } | undefined {
  const ch = text[pos - 1] === ' ' ? text[pos - 2] : text[pos - 1];
  if (ch === undefined || !(ch === '$' || ch === '€' || ch === '£' || ch === '₽' || (ch >= 'A' && ch <= 'Z'))) return undefined;
  for (const c of CURRENCY_BEFORE) {
    const m = matchBefore(c.re, text, pos, 6);
    if (m) return { unit: c.unit || m[0].trim().toLowerCase(), start: pos - m[0].length };
  }
  return undefined;
}

/** Clock time as a figure. */
function timeFigure(start: number, end: number, hour: number, minute: number): Figure {
  return figure({ start, end, kind: 'number', written: 'digits', pow: 0, dec: decimalFromDigits(String(hour * 100 + minute)), codeKey: `time:${pad2(hour)}:${pad2(minute)}`, weight: 0.5 });
}

/** Identifier ("COVID-19", "A320", "5G"): extend over its letters and digits. */
function codeFigure(text: string, t: NumToken, withPrefix: boolean): Figure {
  let start = t.start;
  if (withPrefix) {
    const m = matchBefore(IDENT_BEFORE, text, t.start, 20);
    if (m) start -= m[0].length;
  }
  const after = matchAt(IDENT_AFTER, text, t.end);
  const end = t.end + (after ? after[0].length : 0);
  const digits = formatDecimal(decimalFromDigits(t.int, t.frac));
  return figure({ start, end, kind: 'number', written: 'digits', pow: 0, dec: decimalFromDigits(t.int, t.frac), codeKey: `num:${digits}` });
}

/** State of pass 1, shared by the readers of one text. */
interface Scan {
  text: string;
  lang: Lang;
  rules: LangRules;
  figures: Figure[];
  /** Offset before which tokens are already read. */
  pos: number;
}

/** Is the 4-digit token `t` a plain integer usable as a year (1000–2100)? */
function yearLike(t: NumToken): boolean {
  return !t.grouped && !t.frac && t.int.length === 4 && Number(t.int) >= 1000 && Number(t.int) <= 2100;
}

/**
 * A season or span written with two digits for the second year: "2019/20", "2017–18", "1941-45", "1999/00".
 * The two digits must come later in the same century (or be the next year across a century).
 */
function secondYear(s: Scan, year: number, pos: number): Figure | undefined {
  const m = matchGuarded(SEASON_END, s.text, pos);
  if (!m) return undefined;
  const yy = Number(m[1]);
  const next = yy > year % 100 ? year - (year % 100) + yy : yy === (year + 1) % 100 ? year + 1 : 0;
  return next ? figure({ start: pos + 1, end: pos + 3, kind: 'year', written: 'digits', pow: 0, n: next, marked: true }) : undefined;
}

/** The last characters of English month names and abbreviations, and the abbreviation point ("March", "Mar."). */
const ENGLISH_MONTH_ENDS = [...new Set(`${DAY_MONTH_PATTERN.en}|${DAY_MONTH_PATTERN.en.toUpperCase()}`.split('|').map((month) => month[month.length - 1]))].join('') + '.';

/** Read the date (and its year) starting at a day number followed by a month, or after a month (English). */
function readDate(s: Scan, t: NumToken, hasPrefix: boolean, quiet: boolean): Figure | undefined {
  if (hasPrefix || t.frac || t.grouped || t.int.length > 2 || !isDay(Number(t.int))) return undefined;
  const day = Number(t.int);
  const after = quiet ? null : matchGuarded(s.rules.dayMonth, s.text, t.end);
  if (after) {
    const month = monthOf(after[1], s.lang)!;
    return figure({ start: t.start, end: t.end + after[0].length, kind: 'date', written: 'digits', pow: 0, month, day });
  }
  // English "March 5", "Mar. 5": a letter or an abbreviation point, then a space, before the day. A Russian text
  // reads them too: timelines and logs quoted in English keep them ("Sep 28 01:33 Линус Торвальдс выпускает…").
  const c = s.text[t.start - 2];
  if (!SPACES.includes(s.text[t.start - 1] ?? '') || !(c === '.' || isLetterAt(s.text, t.start - 2))) return undefined;
  const before = ENGLISH_MONTH_ENDS.includes(c) ? matchBefore(RULES.en.monthBefore, s.text, t.start, 14) : null;
  if (!before) return undefined;
  const suffix = matchGuarded(s.rules.ordinal, s.text, t.end);
  return figure({
    start: t.start - before[0].length,
    end: suffix ? t.end + suffix[0].length : t.end,
    kind: 'date',
    written: 'digits',
    pow: 0,
    month: monthOf(before[1], 'en')!,
    day,
  });
}

/** Does a month name (or a date) come right before `pos`, making a following 4-digit number its year? */
function monthBefore(s: Scan, pos: number): boolean {
  const before = isSpace(s.text[pos - 1]) ? matchBefore(s.rules.monthBefore, s.text, pos, 16) : null;
  if (before && (s.lang === 'en' || MONTH_WORDS.ru.has(before[1].toLowerCase().replace(/ё/g, 'е')))) return true;
  const last = s.figures[s.figures.length - 1];
  return last?.kind === 'date' && /^,?[ \u00A0\u2009\u202F]+$/.test(s.text.slice(last.end, pos));
}

/** Read a year marked by a word or suffix: "2023 году", "2023 г.", "2023-м", "1990-х", "2023's", "1990s". */
function readMarkedYear(s: Scan, t: NumToken, start: number): Figure | undefined {
  if (!yearLike(t)) return undefined;
  const year = Number(t.int);
  let end = t.end;
  const suffix = matchGuarded(s.rules.ordinal, s.text, end) ?? matchGuarded(s.rules.caseSuffix, s.text, end);
  if (suffix) {
    if (s.lang === 'en' && suffix[0] === 's' && year % 10 !== 0) return undefined;
    if (s.lang === 'en' && /^(st|nd|rd|th)$/i.test(suffix[0])) return undefined;
    end += suffix[0].length;
  }
  const word = s.rules.yearWord ? matchGuarded(s.rules.yearWord, s.text, end) : null;
  if (word) end += word[0].length;
  if (!suffix && !word) return undefined;
  return figure({ start, end, kind: 'year', written: 'digits', pow: 0, n: year, marked: true });
}

const isSpace = (ch: string | undefined): boolean => ch !== undefined && SPACES.includes(ch);
/** {@link isSpace} by the character's code (NaN: none). */
const isSpaceCode = (c: number): boolean => c === 0x20 || c === 0xa0 || c === 0x2009 || c === 0x202f;
/** The characters of {@link DASH}, by code (NaN: none). */
const isDashCode = (c: number): boolean => c === 0x2d || (c >= 0x2010 && c <= 0x2015) || c === 0x2212;
const isDash = (ch: string | undefined): boolean => ch !== undefined && isDashCode(ch.charCodeAt(0));

/**
 * The entries of a scale or unit table whose expression may match at `pos`, as a bit set (an entry not in it
 * surely does not match: its expression is then not run): the next character may start the entry's match, or
 * it is a space (a dash, for entries that take one) and the character after it may.
 */
function mayMatchAt(leads: TableLeads, text: string, pos: number): number {
  const code = text.charCodeAt(pos);
  const mask = leads.at(code);
  if (isSpaceCode(code)) return mask | (leads.at(text.charCodeAt(pos + 1)) & leads.spaced);
  if (isDashCode(code)) return mask | (leads.at(text.charCodeAt(pos + 1)) & leads.hyphened);
  return mask;
}

/**
 * Can a scale's or unit's match start at `pos` by its first few characters, read there or after one space (or
 * dash) when the entry takes one? A finer look than {@link mayMatchAt} ("5 people" is no "percent").
 */
function mayStartAfter(entry: ScaleMatcher | UnitMatcher, spaced: boolean, hyphened: boolean, text: string, pos: number): boolean {
  if (mayStartWithLead(entry.starts, entry.fold, text, pos)) return true;
  const ch = text[pos];
  return ((spaced && isSpace(ch)) || (hyphened && isDash(ch))) && mayStartWithLead(entry.starts, entry.fold, text, pos + 1);
}

/** Index of the lowest set bit of a non-zero bit set (the first table entry left to try). */
const lowestBit = (mask: number): number => 31 - Math.clz32(mask & -mask);

/** Read scale and unit after a number ending at `pos`; returns the end of what was read. */
function readScaleAndUnit(s: Scan, f: Figure, pos: number, currency: boolean): number {
  let end = pos;
  const { scales } = s.rules;
  const counted = !currency && s.lang === 'en' && countedMillions(s.text, pos);
  for (let mask = mayMatchAt(s.rules.scaleLeads, s.text, end) & (currency || counted ? -1 : ~s.rules.currencyScales); mask !== 0; mask &= mask - 1) {
    const scale = scales[lowestBit(mask)];
    if (!mayStartAfter(scale, !scale.attachedOnly, false, s.text, end)) continue;
    const m = matchAt(scale.re, s.text, end);
    if (m) {
      f.pow = scale.pow;
      end += m[0].length;
      break;
    }
  }
  return readUnit(s, f, end);
}

/** Plural nouns that follow a length in metres ("the 110m hurdles"), not a count of millions. */
const METRE_PLURALS = new Set(['hurdles', 'heats', 'metres', 'meters', 'waves', 'seas']);
/** Nouns counted in millions with no plural -s ("2m people"). */
const COUNTED_IRREGULAR = new Set(['people', 'children', 'men', 'women', 'staff', 'police', 'sheep', 'cattle', 'livestock']);

/**
 * Is the "m" glued to the number at `pos` a million, not metres? British and agency style writes "2m people",
 * "3.5m barrels" where a Russian version writes "2 млн человек"; a length reads "2m high", "a 2m-tall fence",
 * "the 100m final". Taken as a million when a plural noun follows after one space.
 */
function countedMillions(text: string, pos: number): boolean {
  if (text.charCodeAt(pos) !== 0x6d || text.charCodeAt(pos + 1) !== 0x20) return false;
  const word = /^[a-z]+(?![\p{L}\p{N}-])/u.exec(text.slice(pos + 2, pos + 20))?.[0];
  if (word === undefined) return false;
  return COUNTED_IRREGULAR.has(word) || (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') && !METRE_PLURALS.has(word));
}

/** Read a unit at `pos` (the first of the table that matches); returns the end of what was read. */
function readUnit(s: Scan, f: Figure, pos: number): number {
  for (const { units, leads } of s.rules.unitTables) {
    for (let mask = mayMatchAt(leads, s.text, pos); mask !== 0; mask &= mask - 1) {
      const unit = units[lowestBit(mask)];
      if (!mayStartAfter(unit, true, unit.hyphen, s.text, pos)) continue;
      const m = matchAt(unitRe(unit), s.text, pos);
      if (m) {
        f.unit ??= unit.unit;
        return pos + m[0].length;
      }
    }
  }
  return pos;
}

/** Should a bare 4-digit integer with nothing after it be read as a year? */
function bareYear(s: Scan, t: NumToken, start: number): boolean {
  if (!yearLike(t)) return false;
  const year = Number(t.int);
  if (monthBefore(s, start)) return true;
  if (qualifierBefore(s.rules, s.text, start)) return false;
  if (year >= 1900 && year % 100 !== 0) return true;
  const preposition = year >= 1900 ? s.rules.roundYearPreposition : s.rules.yearPreposition;
  return !!preposition && !!matchBefore(preposition, s.text, start, 12);
}

/** Characters after a number that may start a unit, scale or fraction. */
const AFTER_SYMBOLS = '%$€£₽°½¼¾';
/** Characters after a number that matter only before a letter: suffixes "-го", "-летие", "'s". */
const JOINERS = "-\u2010\u2011'\u2019";

/** Nothing but punctuation, digits or space follows `pos`: no suffix, scale, unit or month can be there. */
function quietAfter(text: string, pos: number): boolean {
  let c = text[pos];
  if (c !== undefined && SPACES.includes(c)) {
    c = text[pos + 1];
    if (isDigit(c)) return text[pos + 2] !== '/'; // "2 1/2"
    pos++;
  }
  if (c === undefined) return true;
  if (JOINERS.includes(c)) return !isLetterAt(text, pos + 1);
  return !(isLetterAt(text, pos) || AFTER_SYMBOLS.includes(c));
}

/** Push an identifier made of digits only (a phone number): key `num:<digits>`, unit `code`. */
function pushCode(s: Scan, start: number, end: number, digits: string): void {
  s.figures.push(figure({ start, end, kind: 'number', written: 'digits', pow: 0, codeKey: `num:${digits.replace(/^0+(?=\d)/, '')}` }));
  s.pos = end;
}

/** Phone numbers and hyphen chains ("123-45-67"), letters around digits ("G20", "Су-57"): one identifier. */
function readIdentifier(s: Scan, t: NumToken): boolean {
  const { text } = s;
  const phone = !t.frac && !t.grouped && text[t.end] === '-' ? matchAt(PHONE, text, t.start) : null;
  if (phone && phone[0].replace(/-/g, '').length >= 7) {
    pushCode(s, t.start, t.start + phone[0].length, phone[0].replace(/-/g, ''));
    return true;
  }
  const prev = text[t.start - 1];
  // A quarter or half of a year: "Q1" = "1-м квартале", "H2" = "втором полугодии" (an ordinal).
  if ((prev === 'Q' || prev === 'H') && !isLetterAt(text, t.start - 2) && /^[1-4]$/.test(t.int) && !t.frac && !/[\p{L}\p{N}]/u.test(text[t.end] ?? '')) {
    s.figures.push(figure({ start: t.start - 1, end: t.end, kind: 'ordinal', written: 'digits', pow: 0, n: Number(t.int) }));
    s.pos = t.end;
    return true;
  }
  // A year after a hyphen is still a year ("ЧМ-2018", "драфте-2018", "mid-1990s"); so is the far end of a range
  // whose near end's unit, scale or ordinal suffix the hyphen follows ("20km-30km", "5bn-10bn", "17th-19th").
  const last = s.figures[s.figures.length - 1];
  const rangeEnd = last !== undefined && last.end === t.start - 1 &&
    (last.kind === 'ordinal' || (isQuantity(last) && (last.pow > 0 || (last.unit !== undefined && last.unit !== 'code'))));
  if (isLetterAt(text, t.start - 1) || ((prev === '-' || prev === '\u2010' || prev === '\u2011') && isLetterAt(text, t.start - 2) && !yearLike(t) && !rangeEnd)) {
    const f = codeFigure(text, t, true);
    s.figures.push(f);
    s.pos = f.end;
    return true;
  }
  return false;
}

/** What stands in front of a number: a currency sign or a minus. */
interface Lead {
  start: number;
  dec: Decimal;
  currency?: string;
  signed: boolean;
}

/** Read a currency sign ("$", "USD ") or a minus ("-5", "минус 5", but not the dash of "5 - 7") in front. */
function readLead(s: Scan, t: NumToken): Lead {
  const { text } = s;
  const dec = decimalFromDigits(t.int, t.frac);
  const currency = currencyBefore(text, t.start);
  if (currency) return { start: currency.start, dec, currency: currency.unit, signed: false };
  const before = text[t.start - 1];
  const sign =
    before === '-' || before === '\u2212'
      ? matchBefore(SIGN_BEFORE, text, t.start, 2)
      : before === ' ' && isLetterAt(text, t.start - 2) && mayStartWithAt(MINUS_WORD_END, text, t.start - 2) && mayStartWithAt(MINUS_WORD_NEXT_TO_END, text, t.start - 3)
        ? matchBefore(MINUS_WORD, text, t.start, 10)
        : null;
  if (!sign) return { start: t.start, dec, signed: false };
  const last = s.figures[s.figures.length - 1];
  const rangeDash = last !== undefined && /^[ \u00A0\u2009\u202F]*[-\u2212]$/.test(text.slice(last.end, t.start));
  if (rangeDash) return { start: t.start, dec, signed: false };
  return { start: t.start - (sign[1] ? 1 : sign[0].length), dec: { m: -dec.m, e: dec.e }, signed: true };
}

/** Clock time written around an hour: "17 часов 47 минут", "10 a.m.". */
function readClock(s: Scan, t: NumToken): boolean {
  if (t.frac || t.grouped) return false;
  const hour = Number(t.int);
  const hm = s.lang === 'ru' && hour <= 24 ? matchGuarded(RU_HOURS_MINUTES, s.text, t.end) : null;
  if (hm && Number(hm[1]) <= 59) {
    s.figures.push(timeFigure(t.start, t.end + hm[0].length, hour, Number(hm[1])));
    s.pos = t.end + hm[0].length;
    return true;
  }
  // "в 10 утра" = "at 10am", "в 9 вечера" = "at 9pm", "в 3 часа дня" = "at 3pm", "в 2 часа ночи" = "at 2am".
  const part = s.lang === 'ru' && hour >= 1 && hour <= 12 ? matchGuarded(RU_DAY_PART, s.text, t.end) : null;
  // Without "час" it takes a preposition ("в 10 утра"; "провели 3 ночи" are nights), and "дня" takes "час"
  // always ("за 4 дня" are days).
  const dayPart = part?.[1]!.toLowerCase();
  if (part && (/час/i.test(part[0]) || (dayPart !== 'дня' && matchBefore(RU_TIME_PREPOSITION, s.text, t.start, 8)))) {
    s.figures.push(timeFigure(t.start, t.end + part[0].length, hourOfDayPart(hour, dayPart!), 0));
    s.pos = t.end + part[0].length;
    return true;
  }
  // "в 17 часов" = "at 5pm", "в 2 часа" = "at two".
  const hours = s.lang === 'ru' && hour <= 23 ? matchGuarded(RU_HOUR_WORD, s.text, t.end) : null;
  if (hours && matchBefore(RU_AT_HOUR, s.text, t.start, 3)) {
    s.figures.push(timeFigure(t.start, t.end + hours[0].length, hour, 0));
    s.pos = t.end + hours[0].length;
    return true;
  }
  const ampm = s.lang === 'en' && hour >= 1 && hour <= 12 ? matchGuarded(AM_PM, s.text, t.end) : null;
  if (!ampm) return false;
  s.figures.push(timeFigure(t.start, t.end + ampm[0].length, clockHour(hour, ampm[1]!), 0));
  s.pos = t.end + ampm[0].length;
  return true;
}

/** The hour of the clock (0–23) of an hour 1–12 with "a" or "p" (a.m., p.m.). */
const clockHour = (hour: number, ap: string): number => (hour % 12) + (ap.toLowerCase() === 'p' ? 12 : 0);

/** The hour of the clock (0–23) of an hour 1–12 said with a part of the day: "3 дня" 15, "11 ночи" 23, "12 ночи" 0. */
function hourOfDayPart(hour: number, dayPart: string): number {
  if (dayPart === 'дня' || dayPart === 'вечера') return (hour % 12) + 12;
  if (dayPart === 'ночи') return hour === 12 ? 0 : hour >= 9 ? hour + 12 : hour;
  return hour; // утра
}

/**
 * A time of day written with a full stop between hours and minutes: English "3.30pm", Russian "в 15.30" (a Russian
 * decimal takes a comma; after a preposition, with nothing after it but punctuation or a time word, as "в 2.50
 * раза" is a ratio).
 */
function readDottedTime(s: Scan, t: NumToken): boolean {
  if (t.grouped || t.int.length > 2 || t.frac.length !== 2 || s.text.charCodeAt(t.start + t.int.length) !== 0x2e) return false;
  const hour = Number(t.int);
  const minute = Number(t.frac);
  if (minute > 59) return false;
  let end = t.end;
  let clock = hour;
  if (s.lang === 'en') {
    const ampm = hour >= 1 && hour <= 12 ? matchGuarded(AM_PM, s.text, t.end) : null;
    if (!ampm) return false;
    clock = clockHour(hour, ampm[1]!);
    end += ampm[0].length;
  } else {
    if (hour > 23 || !matchBefore(RU_TIME_PREPOSITION, s.text, t.start, 8)) return false;
    if (!quietAfter(s.text, t.end) && !RU_AFTER_TIME.test(s.text.slice(t.end, t.end + 8))) return false;
  }
  s.figures.push(timeFigure(t.start, end, clock, minute));
  s.pos = end;
  return true;
}

/** Suffixes and fractions that belong to a cardinal: "5-ти", "2-х", "90s", "2 1/2", "2½". Returns the new end. */
function readCardinalTail(s: Scan, t: NumToken, lead: Lead): number {
  let end = t.end;
  const suffix = t.frac ? null : matchGuarded(s.rules.caseSuffix, s.text, end);
  if (suffix) end += suffix[0].length;
  const fraction = t.frac ? null : matchGuarded(FRACTION, s.text, end);
  const value = fraction && FRACTION_VALUES[fraction[1] ?? `${fraction[2]}/${fraction[3]}`];
  if (fraction && value) {
    lead.dec = addDecimal(lead.dec, { m: BigInt(lead.signed ? '-' + value : value), e: -value.length });
    end += fraction[0].length;
  }
  return end;
}

/**
 * Suffixes that change what a number is: "200-летие", "200-year anniversary" are ordinals (the 200th
 * anniversary); Russian "90-е", "90-х (годов)" and English "the '90s" a decade, the year 1990.
 */
function readSuffixed(s: Scan, t: NumToken): boolean {
  if (t.frac || t.grouped) return false;
  const ann = matchGuarded(s.rules.anniversary, s.text, t.end);
  if (ann) {
    s.figures.push(figure({ start: t.start, end: t.end + ann[0].length, kind: 'ordinal', written: 'digits', pow: 0, n: Number(t.int) }));
    s.pos = t.end + ann[0].length;
    return true;
  }
  const n = Number(t.int);
  const round = t.int.length === 2 && n >= 20 && n % 10 === 0;
  // English "the '90s", "the 90s", "mid-'90s"; not "in their 30s" (an age).
  const enDecade = s.lang === 'en' && round && /(?:['\u2019]|\b(?:the|early|late|mid)[ \u00A0-])$/i.test(s.text.slice(Math.max(0, t.start - 6), t.start));
  const dec = round && s.rules.decade && (s.lang === 'ru' || enDecade) ? matchGuarded(s.rules.decade, s.text, t.end) : null;
  if (!dec) return false;
  // A decade without its century is of the 1900s (20-е … 90-е = 1920s … 1990s), the year of its first year.
  s.figures.push(figure({ start: t.start, end: t.end + dec[0].length, kind: 'year', written: 'digits', pow: 0, n: 1900 + n, marked: true }));
  s.pos = t.end + dec[0].length;
  return true;
}

/** A fraction standing alone: "1/2" is 0.5 ("24/7" and "3/2" are left as two numbers). */
function readFraction(s: Scan, t: NumToken): boolean {
  const m = (t.int === '1' || t.int === '2' || t.int === '3') && s.text[t.end] === '/' ? matchAt(FRACTION_ALONE, s.text, t.start) : null;
  const value = m && !/[\d/]/.test(s.text[t.start - 1] ?? '') ? FRACTION_VALUES[m[0]] : undefined;
  if (!m || !value) return false;
  s.figures.push(figure({ start: t.start, end: t.start + 3, kind: 'number', written: 'digits', pow: 0, dec: decimalFromDigits('0', value) }));
  s.pos = t.start + 3;
  return true;
}

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
/** A power of ten after a number: "1e6", "2.5E9"; "10^6", "10⁶" (after 10 only). */
const SCIENTIFIC = guarded(new RegExp(`(?:[eE]\\+?(\\d{1,2})|\\^(\\d{1,2})|([${SUPERSCRIPT}]{1,2}))(?![\\p{L}\\p{N}])`, 'uy'), `eE^${SUPERSCRIPT}`);

/** A number in scientific notation ("1e6", "10^6", "10⁶" = 1 000 000), with a unit after it. */
function readScientific(s: Scan, t: NumToken): boolean {
  if (t.grouped || t.int.length > 3 || isLetterAt(s.text, t.start - 1)) return false;
  const m = matchGuarded(SCIENTIFIC, s.text, t.end);
  if (!m) return false;
  let dec: Decimal;
  if (m[1] !== undefined) {
    dec = shiftDecimal(decimalFromDigits(t.int, t.frac), Number(m[1]));
  } else {
    if (t.int !== '10' || t.frac) return false;
    const pow = m[2] ?? [...m[3]!].map((c) => SUPERSCRIPT.indexOf(c)).join('');
    dec = shiftDecimal(decimalFromDigits('1'), Number(pow));
  }
  const f: Figure = figure({ start: t.start, end: t.end + m[0].length, kind: 'number', written: 'digits', pow: 0, dec });
  f.end = readScaleAndUnit(s, f, f.end, false);
  s.figures.push(f);
  s.pos = f.end;
  return true;
}

/** Read one digit number token in context and push its figures. */
function readNumber(s: Scan, t: NumToken): void {
  if (t.int.length + t.frac.length > MAX_DIGITS) return pushCode(s, t.start, t.end, t.frac ? `${t.int}.${t.frac}` : t.int);
  if (readScientific(s, t)) return;
  if (readDottedTime(s, t)) return;
  if (readIdentifier(s, t)) return;
  if (readFraction(s, t)) return;
  const lead = readLead(s, t);
  const quiet = quietAfter(s.text, t.end);
  if (!quiet && readClock(s, t)) return;
  const date = readDate(s, t, !!lead.currency || lead.signed, quiet);
  if (date) {
    s.figures.push(date);
    s.pos = date.end;
    return;
  }
  const plain = !lead.currency && !lead.signed;
  if (plain && !quiet && readSuffixed(s, t)) return;
  const year = plain && !quiet ? readMarkedYear(s, t, lead.start) : undefined;
  if (year) return pushYear(s, year);
  // Ordinal: "12-го", "29-й", "12th".
  const ord = plain && !quiet && !t.frac && !t.grouped ? matchGuarded(s.rules.ordinal, s.text, t.end) : null;
  if (ord) {
    s.figures.push(figure({ start: lead.start, end: t.end + ord[0].length, kind: 'ordinal', written: 'digits', pow: 0, n: Number(t.int) }));
    s.pos = t.end + ord[0].length;
    return;
  }
  const f: Figure = figure({ start: lead.start, end: t.end, kind: 'number', written: 'digits', pow: 0, dec: lead.dec, unit: lead.currency, prefixed: !!lead.currency });
  if (!quiet) {
    const end = readCardinalTail(s, t, lead);
    f.dec = lead.dec;
    f.end = readScaleAndUnit(s, f, end, !!lead.currency);
  }
  if (f.end === t.end && lead.signed && isGluedTemperature(s.text, t.end, s.lang)) {
    // "-15C", "minus 3F": a temperature, its sign kept (as a code it would lose it). Unsigned, "15C" stays a
    // code: hex ("150C 8614") and identifiers ("SA-2017-3C") write the same, and a code keeps the value.
    f.unit = 'deg';
    f.end = t.end + 1;
  } else if (f.end === t.end && isLetterAt(s.text, t.end)) {
    const code = codeFigure(s.text, t, false);
    s.figures.push(code);
    s.pos = code.end;
    return;
  }
  if (f.end === t.end && plain && bareYear(s, t, lead.start)) {
    return pushYear(s, figure({ start: lead.start, end: t.end, kind: 'year', written: 'digits', pow: 0, n: Number(t.int) }));
  }
  s.figures.push(f);
  s.pos = f.end;
}

/** Letters that, glued to a number and ending its word, make it a temperature: Celsius or Fahrenheit ("15C", "-3F"). */
const GLUED_TEMPERATURE: Record<Lang, string> = { ru: 'CСF', en: 'CF' };

/**
 * Is `text[at]` a temperature letter glued to the number before it, with no letter or digit after it? British
 * and agency style writes "minus 15C" where a Russian version writes "минус 15 градусов"; "4G" or "15Cs" are
 * not this.
 */
function isGluedTemperature(text: string, at: number, lang: Lang): boolean {
  if (at >= text.length || !GLUED_TEMPERATURE[lang].includes(text.charAt(at))) return false;
  return at + 1 === text.length || !(isLetterAt(text, at + 1) || isDigitCode(text.charCodeAt(at + 1)));
}

/** Push a year and the second year of a season ("2019/20") if one follows. */
function pushYear(s: Scan, year: Figure): void {
  s.figures.push(year);
  s.pos = year.end;
  const second = year.end === year.start + 4 ? secondYear(s, year.n!, year.end) : undefined;
  if (second) {
    s.figures.push(second);
    s.pos = second.end;
  }
}

/** Push the figures of an ISO or dotted date: the day-month as a date, the year as a year. */
function readDateToken(s: Scan, t: DateToken): void {
  const date: Figure = figure({ start: t.dateSpan[0], end: t.dateSpan[1], kind: 'date', written: 'digits', pow: 0, month: t.month, day: t.day });
  const year: Figure = figure({ start: t.yearSpan[0], end: t.yearSpan[1], kind: 'year', written: 'digits', pow: 0, n: t.year, marked: true });
  s.figures.push(...(year.start < date.start ? [year, date] : [date, year]));
  s.pos = t.end;
}

/** Push a clock time, converting "6:30 PM" to 18:30. */
function readTimeToken(s: Scan, t: TimeToken): void {
  let { hour, end } = { hour: t.hour, end: t.end };
  const ampm = s.lang === 'en' && hour >= 1 && hour <= 12 ? matchGuarded(AM_PM, s.text, t.end) : null;
  if (ampm) {
    hour = clockHour(hour, ampm[1]!);
    end += ampm[0].length;
  }
  s.figures.push(timeFigure(t.start, end, hour, t.minute));
  s.pos = end;
}

/** Take one token of the digit scan: read it in context (unless already read), or note a vulgar fraction. */
function takeToken(s: Scan, vulgar: number[], t: Token): void {
  if (t.type === 'vulgar') vulgar.push(t.start);
  else if (t.start >= s.pos) readToken(s, t.type === 'num' ? leadingPointDecimal(s.text, t) : t);
}

/**
 * A decimal written without its leading zero, ".17 percent" = 0.17 %: a point right before the digits, and before
 * the point a space, a bracket, a sign or the start of the text (not a digit, a letter or another point: "v.17",
 * "2019.17", "...17").
 */
function leadingPointDecimal(text: string, t: NumToken): NumToken {
  if (t.frac || t.grouped || text[t.start - 1] !== '.') return t;
  const before = text[t.start - 2];
  if (before !== undefined && !(isSpace(before) || before === '(' || before === '$' || before === '-' || before === '+' || before === '\u2212')) return t;
  return { ...t, start: t.start - 1, int: '0', frac: t.int };
}

/** Read one digit token in context and push its figures. */
function readToken(s: Scan, t: Exclude<Token, VulgarToken>): void {
  if (t.type === 'code') pushCode(s, t.start, t.end, t.digits);
  else if (t.type === 'date') readDateToken(s, t);
  else if (t.type === 'time') readTimeToken(s, t);
  else readNumber(s, t);
}

/** Pass 1: every figure written with digits. */
function digitFigures(text: string, lang: Lang, order: DateOrder | undefined): Figure[] {
  const s: Scan = { text, lang, rules: RULES[lang], figures: [], pos: 0 };
  const vulgar: number[] = [];
  scanDigits(s, vulgar, order);
  // A vulgar fraction standing alone ("½ of the total"); after a number it belongs to it ("1½", read above).
  const taken = s.figures.length;
  for (const at of vulgar) {
    if (isDigit(text[at - 1]) || isDigit(text[at - 2]) || s.figures.some((f) => f.start <= at && at < f.end)) continue;
    s.figures.push(figure({ start: at, end: at + 1, kind: 'number', written: 'digits', pow: 0, dec: decimalFromDigits('0', FRACTION_VALUES[text[at]]!) }));
  }
  if (s.figures.length > taken) s.figures.sort((a, b) => a.start - b.start);
  return s.figures;
}

// ---------------------------------------------------------------------------------------------------------
// Pass 2: words.

/** "half" + "a million". */
const HALF_A = new RegExp(`${SP}+an?${SP}+(thousand|million|billion|trillion)(?!\\p{L})`, 'iuy');
/** Lower case, ё as е (a replace only when there is an ё: this runs for every word read). */
const foldWord = (w: string): string => {
  const lower = w.toLowerCase();
  return lower.includes('ё') ? lower.replace(/ё/g, 'е') : lower;
};

/** May `w` continue a spelled-out number whose value so far is `value` and whose last word had `last` role? */
function canFollow(value: number, last: CardinalWord['role'], w: CardinalWord): boolean {
  switch (w.role) {
    case 'unit':
      return (last === 'ten' || last === 'hundreds' || last === 'hundred') && value % 10 === 0;
    case 'teen':
    case 'ten':
      return (last === 'hundreds' || last === 'hundred') && value % 100 === 0;
    case 'hundred':
      return (last === 'unit' || last === 'teen') && value < 100 && Number.isInteger(value);
    default:
      return false;
  }
}

/**
 * Spelled-out fractions of thirds and quarters, which a translation writes in digits ("two-thirds" = "2/3" =
 * "две трети"): a numerator word (optional in Russian: «треть») and the denominator word; "third quarter" is an
 * ordinal and a noun. Halves are read elsewhere ("half a million").
 */
const FRACTION_WORDS: Record<Lang, RegExp> = {
  en: new RegExp(`(one|two|three|an?)${SP}?[-\u2010\u2011]?${SP}?(thirds?|quarters?)(?!\\p{L})`, 'iuy'),
  ru: new RegExp(`(?:(одн[аойу]|две|двух|тр[её]х|три)${SP})?(трет(?:ь|и|ью|ей|ями?|ях)|четверт(?:ь|и|ью|ей|ями?|ях))(?!\\p{L})`, 'iuy'),
};
/**
 * Whether a word starting with `code` can begin a {@link FRACTION_WORDS} match: its first letter (any case) is
 * one the expression's first words start with (English one, two, three, a, an; Russian одна…, две, двух, трёх,
 * три, треть…, четверть…). Saves running the expression on every word.
 */
function mayStartFraction(code: number, lang: Lang): boolean {
  if (lang === 'en') {
    const lower = code | 0x20;
    return code < 0x80 && (lower === 0x6f || lower === 0x74 || lower === 0x61); // o t a
  }
  // о д т ч and О Д Т Ч
  return code === 0x43e || code === 0x434 || code === 0x442 || code === 0x447 || code === 0x41e || code === 0x414 || code === 0x422 || code === 0x427;
}

/** The first two letters of the denominator words, any case: "th"ird, "qu"arter, "тр"еть, "че"тверть. */
const DENOMINATOR_LEADS: Record<Lang, Array<[LeadChars, LeadChars]>> = {
  en: [[charLeads('t', true), charLeads('h', true)], [charLeads('q', true), charLeads('u', true)]],
  ru: [[charLeads('т', true), charLeads('р', true)], [charLeads('ч', true), charLeads('е', true)]],
};
/** May a denominator word of {@link FRACTION_WORDS} start at `pos`, by its first two letters? */
function mayStartDenominator(text: string, pos: number, lang: Lang): boolean {
  for (const [first, second] of DENOMINATOR_LEADS[lang]) if (mayStartWithAt(first, text, pos) && mayStartWithAt(second, text, pos + 1)) return true;
  return false;
}
const isFractionHyphen = (ch: string | undefined): boolean => ch === '-' || ch === '\u2010' || ch === '\u2011';

/**
 * Can a {@link FRACTION_WORDS} match start with the word `text.slice(start, end)`? Its denominator ("third",
 * "quarter", "треть", "четверть") is in the word ("athird", "треть") or starts after it and its separators
 * ("a third", "two-thirds", "две трети"): a guard that spares running the expression after every "a" and "the".
 */
function denominatorMayFollow(text: string, start: number, end: number, lang: Lang): boolean {
  if (lang === 'ru') return mayStartDenominator(text, start, lang) || (isSpace(text[end]) && mayStartDenominator(text, end + 1, lang));
  if (end - start >= 'athird'.length) return true;
  let pos = end; // English numerator, then optional space, hyphen, space
  if (isSpace(text[pos])) pos++;
  if (isFractionHyphen(text[pos])) pos++;
  if (isSpace(text[pos])) pos++;
  return mayStartDenominator(text, pos, lang);
}

/** Decimal digits of 1, 2, 3 thirds or quarters, by the denominator word's first four letters. */
const FRACTION_WORD_VALUES: Record<string, Record<number, string>> = {
  thir: { 1: '3333', 2: '6667' },
  quar: { 1: '25', 3: '75' },
  трет: { 1: '3333', 2: '6667' },
  четв: { 1: '25', 3: '75' },
};
function fractionNumerator(word: string): number {
  const w = word.toLowerCase().replace(/ё/g, 'е');
  if (w === 'two' || w.startsWith('дв')) return 2;
  if (w === 'three' || w.startsWith('тр')) return 3;
  return 1;
}

/** Read a spelled-out cardinal starting with `first` at `start`; returns its figure (before scale and unit). */
function readCardinal(s: Scan, first: CardinalWord, start: number, end: number): Figure {
  const words = CARDINAL_WORDS[s.lang];
  let value = first.value;
  let last = first.role;
  if (first.role !== 'solo') {
    for (;;) {
      const m = matchGuarded(s.rules.nextWord, s.text, end);
      const w = m ? words.get(foldWord(m[1])) : undefined;
      if (!m || !w || !canFollow(value, last, w)) break;
      value = w.role === 'hundred' ? value * 100 : value + w.value;
      last = w.role;
      end += m[0].length;
    }
    // A compound ordinal ends in an ordinal word: "двадцать первого", "twenty-first", "сто двадцать пятая".
    const tail = matchGuarded(s.rules.nextWord, s.text, end);
    const ord = tail ? ORDINAL_WORDS[s.lang].get(foldWord(tail[1])) : undefined;
    if (ord !== undefined && canFollow(value, last, { value: ord, role: ord < 10 ? 'unit' : ord < 20 ? 'teen' : 'ten' })) {
      return spelledDayMonth(s, figure({ start, end: end + tail![0].length, kind: 'ordinal', written: 'words', pow: 0, n: value + ord }));
    }
    const half = Number.isInteger(value) ? matchGuarded(s.rules.half, s.text, end) : null;
    if (half) {
      value += 0.5;
      end += half[0].length;
    }
  }
  return figure({ start, end, kind: 'number', written: 'words', pow: 0, dec: decimalFromNumber(value) });
}

/** Is an English capitalised month word really a month here? "May" only next to a number or a time preposition. */
function englishMonthOk(text: string, word: string, start: number, end: number): boolean {
  if (word !== 'May') return true;
  return /^[ \u00A0]\d/.test(text.slice(end, end + 2)) || /(?:in|of|since|until|till|from|by|early|late|mid|last|next|this|before|after|during)[ \u00A0-]$/i.test(text.slice(Math.max(0, start - 8), start));
}

/** A day `delta` days from ISO `date`, as a date figure, or undefined when `date` is not a valid date. */
function relativeDate(date: string | undefined, delta: number): { month: number; day: number } | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date ?? '');
  if (!m) return undefined;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + delta);
  if (Number.isNaN(t)) return undefined;
  const d = new Date(t);
  return { month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * First letters of every word that may start a figure or a spelled-out fraction, per language: the words of
 * the tables {@link readWord} reads, the compound stems, "half", and the first words of {@link FRACTION_WORDS}
 * ("a third", "athird": "a" then "th" or "qu"). Russian Roman numerals are told by their first letter instead.
 */
const FIGURE_WORD_STARTS: Record<Lang, Uint32Array> = {
  ru: figureWordStarts('ru', ['одн', 'две', 'двух', 'тре', 'три', 'трет', 'четверт']),
  en: figureWordStarts('en', ['one', 'two', 'three', 'a', 'an', 'athird', 'aquarter', 'anthird', 'anquarter']),
};

function figureWordStarts(lang: Lang, fractionStarts: string[]): Uint32Array {
  return prefixTable([
    ...RELATIVE_DAYS[lang].keys(),
    ...MONTH_WORDS[lang].keys(),
    ...ORDINAL_WORDS[lang].keys(),
    ...NUMBER_NOUNS[lang].keys(),
    ...CARDINAL_WORDS[lang].keys(),
    ...BARE_SCALES[lang].keys(),
    ...HALF_SCALES[lang].keys(),
    ...COMPOUND_STEMS[lang],
    'half',
    'double',
    ...fractionStarts,
  ]);
}

/** May a Russian word starting with `code` be a Roman numeral ("XXI век")? I V X L C, Cyrillic Х, Ukrainian І. */
const mayStartRoman = (code: number): boolean =>
  code === 0x49 || code === 0x56 || code === 0x58 || code === 0x4c || code === 0x43 || code === 0x425 || code === 0x406;

/**
 * The bits of {@link WordInfo.figureStart} the word pass reads and sets for one language: whether the word was asked
 * about, and the answer, for {@link mayStartFigure} and for {@link isInertWord}. Taken once per text: a look-up
 * keyed by the language inside the loop is a megamorphic keyed load for every token (2 % of a parse).
 */
interface WordMemoBits {
  startAsked: number;
  startYes: number;
  inertAsked: number;
  inertYes: number;
}
const WORD_MEMO_BITS: Record<Lang, WordMemoBits> = {
  ru: { startAsked: 1, startYes: 2, inertAsked: 16, inertYes: 32 },
  en: { startAsked: 4, startYes: 8, inertAsked: 64, inertYes: 128 },
};

/** May the run of letters `text[start, end)` start a spelled-out figure ({@link readWord}'s first tables, or a Roman numeral)? */
function mayStartFigure(text: string, start: number, end: number, lang: Lang, starts: Uint32Array): boolean {
  return mayBeInTable(starts, text, start, end) || (lang === 'ru' && mayStartRoman(text.charCodeAt(start)));
}

/** {@link mayStartFigure} of a whole word, memoised on its record (`memo` = the language's bits): most words of a text are repeats. */
function figureStartOf(info: WordInfo, lang: Lang, memo: WordMemoBits, starts: Uint32Array): boolean {
  let bits = info.figureStart;
  if ((bits & memo.startAsked) === 0) {
    bits |= memo.startAsked | (mayStartFigure(info.text, 0, info.text.length, lang, starts) ? memo.startYes : 0);
    info.figureStart = bits;
  }
  return (bits & memo.startYes) !== 0;
}

/** {@link isInertWord} of a whole word, memoised on its record (a bit test instead of one or two Set look-ups). */
function inertOf(info: WordInfo, lang: Lang, memo: WordMemoBits): boolean {
  let bits = info.figureStart;
  if ((bits & memo.inertAsked) === 0) {
    bits |= memo.inertAsked | (isInertWord(info.text, lang) ? memo.inertYes : 0);
    info.figureStart = bits;
  }
  return (bits & memo.inertYes) !== 0;
}

/** Pass 2: spelled-out numbers, ordinals, month names and relative days outside the spans in `taken` (sorted). */
function wordFigures(text: string, lang: Lang, taken: Figure[], context: NumberContext): Figure[] {
  const s: Scan = { text, lang, rules: RULES[lang], figures: [], pos: 0 };
  const starts = FIGURE_WORD_STARTS[lang];
  const memo = WORD_MEMO_BITS[lang];
  let ti = 0;
  // The words of the text, which the name and term extractors read next (tokenize keeps them for them).
  const tokens = tokenize(text);
  let k = 0;
  // The words of \p{L}+, read without a regular expression: most are passed over by their first letters alone,
  // before any substring is cut or hashed.
  for (let pos = 0; pos < text.length; ) {
    const code = text.charCodeAt(pos);
    if (code < 0x80 && !((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a)) {
      pos++; // ASCII space, punctuation, digit: passed over without a call
      continue;
    }
    const start = pos;
    while (k < tokens.length && tokens[k]!.start < start) k++;
    const token = k < tokens.length && tokens[k]!.start === start ? tokens[k] : undefined;
    const end = token !== undefined ? tokenRunEnd(text, token) : letterRunEnd(text, pos);
    if (end === start) {
      pos++;
      continue;
    }
    pos = end;
    // A token that is the whole run asks its spelling's memo; any other run reads its first letters.
    const mayStart = token !== undefined && token.end === end ? figureStartOf(token.info, lang, memo, starts) : mayStartFigure(text, start, end, lang, starts);
    if (!mayStart) continue;
    while (ti < taken.length && taken[ti].end <= start) ti++;
    if (ti < taken.length && taken[ti].start < end) continue; // inside a digit figure
    // Part of an identifier ("5G", "A320"). (Read in bounds: a read past either end, which gives NaN, makes V8 compile
    // this loop's every charCodeAt as a call.)
    if ((start > 0 && isDigitCode(text.charCodeAt(start - 1))) || (end < text.length && isDigitCode(text.charCodeAt(end)))) continue;
    const fraction = mayStartFraction(text.charCodeAt(start), lang) && denominatorMayFollow(text, start, end, lang) ? matchAt(FRACTION_WORDS[lang], text, start) : null;
    if (fraction) {
      const value = FRACTION_WORD_VALUES[fraction[2]!.toLowerCase().replace(/ё/g, 'е').slice(0, 4)];
      if (value) {
        const f: Figure = figure({ start, end: start + fraction[0].length, kind: 'number', written: 'words', pow: 0, dec: decimalFromDigits('0', value[fraction[1] ? fractionNumerator(fraction[1]) : 1]!) });
        s.figures.push(f);
        pos = f.end;
        continue;
      }
    }
    // A token that is the whole run is the word: its spelling is the word table's string, no new slice, and
    // its inertness is memoised on its record.
    const whole = token !== undefined && token.end === end;
    if (whole ? inertOf(token.info, lang, memo) : isInertWord(text.slice(start, end), lang)) continue;
    const word = whole ? token.text : text.slice(start, end);
    const f = readWord(s, word, start, end, context);
    if (!f) continue;
    s.figures.push(f);
    pos = Math.max(pos, f.end);
  }
  return s.figures;
}

/**
 * {@link letterRunEnd} at a token's start, read off the token when it can be: a token of plain letters
 * ({@link WordInfo.plainLetters}) followed by something no letter run goes on with (ASCII, or the end) is the run
 * itself, without reading its letters again.
 */
function tokenRunEnd(text: string, token: WordToken): number {
  const end = token.end;
  if (token.info.plainLetters && (end === text.length || (text.charCodeAt(end) < 0x80 && !isPlainLetterCode(text.charCodeAt(end))))) return end;
  return letterRunEnd(text, token.start);
}

/** Words {@link readWord} has found inert, per language (most words of a text, and most are repeats). */
const INERT_WORDS: Record<Lang, Set<string>> = { ru: new Set(), en: new Set() };
/** Words {@link readWord} has found may start a figure (in some context), per language. */
const ACTIVE_WORDS: Record<Lang, Set<string>> = { ru: new Set(), en: new Set() };

/**
 * True when {@link readWord} returns nothing for `word` whatever its context: the word is no relative day, month,
 * ordinal, Roman numeral (Russian centuries), number noun, cardinal, scale, half scale or compound numeral, the
 * only ways readWord starts a figure. Decided once per spelling from the same tables readWord reads.
 */
function isInertWord(word: string, lang: Lang): boolean {
  if (INERT_WORDS[lang].has(word)) return true;
  if (ACTIVE_WORDS[lang].has(word)) return false;
  const lower = foldWord(word);
  const active =
    RELATIVE_DAYS[lang].has(lower) ||
    (lang === 'ru' ? MONTH_WORDS.ru.has(lower) : MONTH_WORDS.en.has(word)) ||
    ORDINAL_WORDS[lang].has(lower) ||
    (lang === 'ru' && /^[IVXLCХІ]+$/.test(word)) ||
    NUMBER_NOUNS[lang].has(lower) ||
    CARDINAL_WORDS[lang].has(lower) ||
    BARE_SCALES[lang].has(lower) ||
    HALF_SCALES[lang].has(lower) ||
    lower === 'half' ||
    lower === 'double' ||
    COMPOUND_NUMBER[lang].test(lower);
  const set = active ? ACTIVE_WORDS[lang] : INERT_WORDS[lang];
  if (set.size >= 200_000) set.clear();
  set.add(word);
  return !active;
}

/** The figure a word (and the words after it) stands for, if any. */
function readWord(s: Scan, word: string, start: number, end: number, context: NumberContext): Figure | undefined {
  const { lang, text } = s;
  const lower = foldWord(word);
  const rel = RELATIVE_DAYS[lang].get(lower);
  if (rel !== undefined) {
    const d = relativeDate(context.date, rel);
    return d && figure({ start, end, kind: 'date', written: 'words', pow: 0, ...d, weight: 0.5 });
  }
  const month = lang === 'ru' ? MONTH_WORDS.ru.get(lower) : MONTH_WORDS.en.get(word);
  if (month && (lang === 'ru' || englishMonthOk(text, word, start, end))) {
    return figure({ start, end, kind: 'date', written: 'words', pow: 0, month, day: 0 });
  }
  const ord = ORDINAL_WORDS[lang].get(lower);
  if (ord !== undefined) {
    // "1.8 seconds", "a second": English "second" after a number is the unit of time.
    if (lang === 'en' && ord === 2 && /\d[ \u00A0]*$/.test(text.slice(Math.max(0, start - 3), start))) return undefined;
    return spelledDayMonth(s, figure({ start, end, kind: 'ordinal', written: 'words', pow: 0, n: ord }));
  }
  const century = lang === 'ru' ? readCentury(s, word, start, end) : undefined;
  if (century) return century;
  const noun = NUMBER_NOUNS[lang].get(lower);
  if (noun !== undefined) {
    return countedBefore(text, lang, start) ? undefined : figure({ start, end, kind: 'number', written: 'words', pow: 0, dec: decimalFromNumber(noun) });
  }
  // "double the size", "almost double what we achieved": twice, as Russian "вдвое" is.
  if (lang === 'en' && lower === 'double' && DOUBLE_BEFORE.test(text.slice(end, end + 12))) {
    return figure({ start, end, kind: 'number', written: 'words', pow: 0, dec: decimalFromNumber(2) });
  }
  const card = CARDINAL_WORDS[lang].get(lower);
  if (card) {
    const f = readCardinal(s, card, start, end);
    f.end = readScaleAndUnit(s, f, f.end, false);
    return f;
  }
  const scaled = readScaleWord(s, lower, start, end);
  if (scaled) {
    scaled.end = readUnit(s, scaled, scaled.end); // "миллион долларов"
    return scaled;
  }
  const compound = COMPOUND_NUMBER[lang].exec(lower);
  const value = compound && (CARDINAL_WORDS[lang].get(compound[1])?.value ?? 10 ** (BARE_SCALES[lang].get(compound[1]) ?? NaN));
  return value ? figure({ start, end, kind: 'number', written: 'words', pow: 0, dec: decimalFromNumber(value) }) : undefined;
}

/** What follows "double" when it means twice: "double the size", "double what", "double that of". */
const DOUBLE_BEFORE = /^[ \u00A0](?:the|what|that|its|their|his|her|our|this|those)(?!\p{L})/iu;

/** A month after a spelled-out day: "(пятнадцатого) февраля", "(the first) of March". */
const SPELLED_DAY_MONTH: Record<Lang, RegExp> = {
  ru: sticky(`${SP}+(${DAY_MONTH_PATTERN.ru})(?!\\p{L})`, 'i'),
  en: sticky(`${SP}+of${SP}+(${[...MONTH_WORDS.en.keys()].join('|')})(?!\\p{L})`),
};

/** The ordinal `f` as a date when a month follows it and it can be a day: "пятнадцатого февраля" is February 15, as "15 февраля" is. */
function spelledDayMonth(s: Scan, f: Figure): Figure {
  const m = isDay(f.n!) ? matchAt(SPELLED_DAY_MONTH[s.lang], s.text, f.end) : null;
  if (!m) return f;
  return figure({ start: f.start, end: f.end + m[0].length, kind: 'date', written: 'words', pow: 0, month: monthOf(m[1], s.lang)!, day: f.n });
}

const CENTURY_AFTER = new RegExp(`${SP}+(?:(?:век|века|веке|веку|веком|веков|веках|столети[а-яё]*)(?!\\p{L})|вв?\\.)`, 'iuy');
/** The far end of a range of centuries after the near one ("XVII–XIX веков", "XVIII и XIX вв."), then the century word. */
const CENTURY_RANGE_AFTER = new RegExp(`(?:${SP}*[-\u2013\u2014]${SP}*|${SP}+(?:и|или|по|до)${SP}+)[IVXLCХІ]+(?=${CENTURY_AFTER.source})`, 'uy');
const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };

/** The value of a Roman numeral up to C (Cyrillic Х for X, as Russian texts often type it), or 0. */
export function romanValue(word: string): number {
  const letters = word.replace(/Х/g, 'X').replace(/І/g, 'I');
  if (!/^[IVXLC]+$/.test(letters)) return 0;
  let total = 0;
  for (let i = 0; i < letters.length; i++) {
    const v = ROMAN[letters[i]];
    total += i + 1 < letters.length && v < ROMAN[letters[i + 1]] ? -v : v;
  }
  return total;
}

/** A Russian century in Roman numerals ("XXI век" = "21st century"): an ordinal, as English writes it. */
function readCentury(s: Scan, word: string, start: number, end: number): Figure | undefined {
  const n = /^[IVXLCХІ]+$/.test(word) ? romanValue(word) : 0;
  if (!n || !(matchAt(CENTURY_AFTER, s.text, end) || matchAt(CENTURY_RANGE_AFTER, s.text, end))) return undefined;
  return figure({ start, end, kind: 'ordinal', written: 'digits', pow: 0, n });
}

/** A scale word standing alone ("миллион", "thousand"), half a scale ("полмиллиона", "half a million"). */
function readScaleWord(s: Scan, lower: string, start: number, end: number): Figure | undefined {
  const bare = BARE_SCALES[s.lang].get(lower);
  const plural = GENITIVE_OR_PLURAL.has(lower) && !genitiveGovernedAt(s.text, start);
  if (bare !== undefined && !plural) return figure({ start, end, kind: 'number', written: 'words', pow: bare, dec: decimalFromDigits('1') });
  const half = HALF_SCALES[s.lang].get(lower);
  if (half !== undefined) return figure({ start, end, kind: 'number', written: 'words', pow: half, dec: decimalFromDigits('0', '5') });
  const m = lower === 'half' ? matchAt(HALF_A, s.text, end) : null;
  const pow = m ? BARE_SCALES.en.get(m[1].toLowerCase()) : undefined;
  if (pow === undefined) return undefined;
  return figure({ start, end: end + m![0].length, kind: 'number', written: 'words', pow, dec: decimalFromDigits('0', '5') });
}

const WORD_BEFORE = /(\p{L}+|\d)[ \u00A0\u2009\u202F]+$/u;

/**
 * Russian scale words whose genitive singular is also their plural: "более сотни", "до тысячи" are a number,
 * "сотни людей", "тысячи людей вышли" mean many (English "thousands of people"), as the other plurals do.
 */
const GENITIVE_OR_PLURAL = new Set(['сотни', 'тысячи']);
/** Words before a scale word that make it a genitive singular: prepositions and comparatives that govern one. */
const GENITIVE_GOVERNORS = new Set([
  'до', 'около', 'более', 'свыше', 'менее', 'больше', 'меньше', 'порядка', 'из', 'от', 'с', 'со', 'для', 'без',
  'вместо', 'кроме', 'у', 'после', 'против', 'ради', 'сверх', 'ниже', 'выше', 'дешевле', 'дороже',
]);

/** Is the word before `pos` one that governs a genitive ({@link GENITIVE_GOVERNORS})? */
function genitiveGovernedAt(text: string, pos: number): boolean {
  const w = wordBefore(text, pos);
  return w !== undefined && GENITIVE_GOVERNORS.has(w);
}

/** The word (or digit) just before `pos`, lower case with ё as е, if a space separates it. */
function wordBefore(text: string, pos: number): string | undefined {
  const m = matchBefore(WORD_BEFORE, text, pos, 24);
  return m ? foldWord(m[1]) : undefined;
}

/** Is the word before `pos` a number (digits, a cardinal, an ordinal or a collective numeral)? */
function countedBefore(text: string, lang: Lang, pos: number): boolean {
  const w = wordBefore(text, pos);
  if (w === undefined) return false;
  return isDigit(w) || CARDINAL_WORDS[lang].has(w) || ORDINAL_WORDS[lang].has(w) || COLLECTIVE_WORDS.has(w);
}

// ---------------------------------------------------------------------------------------------------------
// Ranges, lists and comparators.

/** A figure that can take a range partner's scale and unit. */
const isQuantity = (f: Figure): boolean => f.kind === 'number' && !f.codeKey;
const plainDay = (f: Figure): boolean =>
  isQuantity(f) && !f.unit && f.pow === 0 && f.dec!.e === 0 && isDay(Number(f.dec!.m)) && f.written === 'digits';

/** A plain 4-digit integer written as such ("2048", not "2 048", "$2048" or "2048 km"). */
const fourDigits = (f: Figure): boolean =>
  f.written === 'digits' && f.pow === 0 && !f.unit && f.dec!.e === 0 && f.end - f.start === 4 && /^\d{4}$/.test(String(f.dec!.m));
/** The value of a figure as a year (1000–2100), or 0. */
const yearValue = (f: Figure): number => {
  const y = Number(f.dec!.m);
  return f.dec!.e === 0 && y >= 1000 && y <= 2100 ? y : 0;
};

/**
 * Can `text.slice(from, to)` be a {@link LangRules.rangeGap}? Every gap starts with a space, a dash, "..." or "…":
 * one character test spares cutting and matching the text between most pairs of figures.
 */
function mayBeRangeGap(text: string, from: number, to: number): boolean {
  if (from >= to) return false;
  const ch = text[from];
  return isSpace(ch) || isDash(ch) || ch === '.' || ch === '\u2026';
}

/** Between two ordinal days of one month, English puts an article: "from the 1st to the 5th of March". */
const ORDINAL_DAY_GAP: Record<Lang, RegExp> = { ru: /^(?!)/, en: /^[ \u00A0]+(?:to|and|through|until|till)[ \u00A0]+the[ \u00A0]+$/i };

/**
 * Share scale, unit, year-ness and month across a range or list: "25–30 миллиардов", "4,5-5,5%", "38 и 40
 * долларов", "$150,000-200,000", "2015-2016 годах", "25-26 июля", "July 25-26".
 */
function shareAcrossRanges(text: string, lang: Lang, figures: Figure[]): void {
  const gap = RULES[lang].rangeGap;
  for (let k = figures.length - 1; k > 0; k--) {
    const [a, b] = [figures[k - 1], figures[k]];
    const between = b.start - a.end;
    if (between > 16 || !mayBeRangeGap(text, a.end, b.start)) continue;
    if (a.kind === 'ordinal' && b.kind === 'date' && ORDINAL_DAY_GAP[lang].test(text.slice(a.end, b.start)) && a.written === 'digits' && a.n! < b.day!) {
      Object.assign(a, { kind: 'date', month: b.month, day: a.n, n: undefined }); // "from the 1st to the 5th of March"
      continue;
    }
    if ((between <= 2 && /^[ ,]*$/.test(text.slice(a.end, b.start))) || !gap.test(text.slice(a.end, b.start))) continue;
    if (isQuantity(a) && b.kind === 'year' && !b.marked && fourDigits(a) && !yearValue(a)) {
      Object.assign(b, { kind: 'number', dec: decimalFromDigits(String(b.n)), n: undefined }); // "4096 or 2048 bits"
    } else if (isQuantity(b) && a.kind === 'year' && !a.marked && fourDigits(b) && !yearValue(b)) {
      Object.assign(a, { kind: 'number', dec: decimalFromDigits(String(a.n)), n: undefined });
    } else if (isQuantity(a) && isQuantity(b)) {
      const small = a.dec!.m < 1000n * 10n ** BigInt(Math.max(0, -a.dec!.e)); // a mantissa, not a full figure
      // A unit written after the near end closes its figure: "15.7 percent to 4.2 trillion" is no range of trillions.
      const ownUnit = a.unit !== undefined && !a.prefixed;
      if (a.pow === 0 && b.pow > 0 && small && a.written === b.written && !ownUnit) a.pow = b.pow;
      if (!a.unit && b.unit) a.unit = b.unit;
      if (!b.unit && a.prefixed) b.unit = a.unit;
    } else if (b.kind === 'year' && isQuantity(a) && fourDigits(a) && yearValue(a)) {
      Object.assign(a, { kind: 'year', n: yearValue(a), dec: undefined });
    } else if (b.kind === 'date' && b.day && plainDay(a) && Number(a.dec!.m) < b.day) {
      Object.assign(a, { kind: 'date', month: b.month, day: Number(a.dec!.m), dec: undefined });
    } else if (b.kind === 'date' && b.day && a.kind === 'ordinal' && a.written === 'digits' && a.n! < b.day) {
      Object.assign(a, { kind: 'date', month: b.month, day: a.n, n: undefined }); // "17th-19th September"
    } else if (a.kind === 'date' && a.day && a.written === 'digits' && plainDay(b) && Number(b.dec!.m) > a.day) {
      Object.assign(b, { kind: 'date', month: a.month, day: Number(b.dec!.m), dec: undefined });
    } else if (a.kind === 'date' && a.day && a.written === 'digits' && b.kind === 'ordinal' && b.written === 'digits' && b.n! > a.day && isDay(b.n!)) {
      Object.assign(b, { kind: 'date', month: a.month, day: b.n, n: undefined }); // "February 3rd - 5th"
    }
  }
}

/** Is the code a white-space character, as `\s` reads it (spaces of category Zs, line ends, tab, BOM…)? */
const isWhiteSpaceCode = (c: number): boolean =>
  c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 ||
  (c >= 0x1680 && (c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff));

/**
 * The comparator phrase ending right before `pos` ("более ", "at least "), searched in the 40 characters before
 * it: {@link matchBefore} of the rules' qualifier expression, which is run only when the word before the spaces
 * is one a phrase can end with (or has letters that only the expression can fold).
 */
function qualifierBefore(rules: LangRules, text: string, pos: number): RegExpExecArray | null {
  const from = Math.max(0, pos - 40);
  let end = pos;
  while (end > from && isWhiteSpaceCode(text.charCodeAt(end - 1))) end--;
  if (end === pos || end === from) return null;
  let start = end;
  while (start > from && letterIndex(text.charCodeAt(start - 1)) >= 0) start--;
  const folds = start > from && text.charCodeAt(start - 1) >= 0x80; // maybe a letter of the word, folded by the expression
  if (!folds && (start === end || !mayBeInTable(rules.qualifierEndStarts, text, start, end) || !rules.qualifierEnds.has(text.slice(start, end).toLowerCase()))) return null;
  return matchBefore(rules.qualifier, text, pos, 40);
}

/** Read the comparator in front of each quantity ("более 11%", "at least 13"), except the far end of a range. */
function readQualifiers(text: string, lang: Lang, figures: Figure[]): void {
  const { rangeGap } = RULES[lang];
  const table = QUALIFIERS[lang];
  for (let k = 0; k < figures.length; k++) {
    const f = figures[k];
    if (!isQuantity(f)) continue;
    let p = f.start;
    while (p > 0 && isWhiteSpaceCode(text.charCodeAt(p - 1))) p--;
    if (!isLetterAt(text, p - 1)) continue;
    const prev = figures[k - 1];
    if (prev && isQuantity(prev) && mayBeRangeGap(text, prev.end, f.start) && rangeGap.test(text.slice(prev.end, f.start))) continue;
    const m = qualifierBefore(RULES[lang], text, f.start);
    if (m) f.qualifier = table[m[1].toLowerCase().replace(/\s+/g, ' ')];
  }
}

// ---------------------------------------------------------------------------------------------------------

/** Merge two lists of figures, each in text order, into one in text order. */
function mergeByStart(a: Figure[], b: Figure[]): Figure[] {
  const out: Figure[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) out.push(j >= b.length || (i < a.length && a[i].start <= b[j].start) ? a[i++] : b[j++]);
  return out;
}

/** Figures in `text` (numbers, years, ordinals, dates), in text order, offsets relative to `text`. */
export function extractFigures(text: string, lang: Lang, context: NumberContext = {}): Anchor[] {
  const digits = digitFigures(text, lang, context.dateOrder);
  const figures = mergeByStart(digits, wordFigures(text, lang, digits, context));
  shareAcrossRanges(text, lang, figures);
  readQualifiers(text, lang, figures);
  const anchors: Anchor[] = [];
  for (const f of figures) anchors.push(toAnchor(text, f));
  return anchors;
}
