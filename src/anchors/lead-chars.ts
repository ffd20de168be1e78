/**
 * First characters a table pattern can match: a cheap look at one character tells that a sticky regular
 * expression cannot match there, so that the expression is neither run nor (on its first use) compiled. Used by
 * the unit and scale tables of numbers.ts, which are tried after every figure.
 */

/** Characters a pattern's match can start with, and whether it was compiled case-insensitively. */
export interface LeadChars {
  /** Possible first characters (both cases when `fold`); `null` when the pattern's start cannot be told. */
  chars: ReadonlySet<string> | null;
  /** The same characters by their codes (those of one code unit: a longer one never equals a text's code unit). */
  codes: ReadonlySet<number> | null;
  /** Compiled with the `i` flag. */
  fold: boolean;
}

/** Index of the `)` that closes the group opened at `open`, or -1. */
function closingParen(src: string, open: number): number {
  let depth = 0;
  let inClass = false;
  for (let i = open; i < src.length; i++) {
    const ch = src[i];
    if (ch === '\\') i++;
    else if (inClass) inClass = ch !== ']';
    else if (ch === '[') inClass = true;
    else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return i;
  }
  return -1;
}

/** The pattern split at its top-level `|`. */
function alternatives(src: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let from = 0;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (ch === '\\') i++;
    else if (inClass) inClass = ch !== ']';
    else if (ch === '[') inClass = true;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === '|' && depth === 0) {
      out.push(src.slice(from, i));
      from = i + 1;
    }
  }
  out.push(src.slice(from));
  return out;
}

const isSurrogate = (ch: string): boolean => {
  const c = ch.charCodeAt(0);
  return c >= 0xd800 && c <= 0xdfff;
};

/** First characters of one alternative, or null when they cannot be told (an optional first atom, a class escape…). */
function altLeads(alt: string): string[] | null {
  let chars: string[];
  let next: number;
  const ch = alt[0];
  if (ch === undefined) return null;
  if (ch === '(') {
    if (!alt.startsWith('(?:')) return null;
    const close = closingParen(alt, 0);
    if (close < 0) return null;
    const inner = leadsOf(alt.slice(3, close));
    if (inner === null) return null;
    chars = inner;
    next = close + 1;
  } else if (ch === '[') {
    const close = alt.indexOf(']');
    const body = alt.slice(1, close);
    if (close < 0 || body === '' || /[\\\-^]/.test(body)) return null;
    chars = [...body];
    next = close + 1;
  } else if (ch === '\\') {
    const lit = alt[1];
    if (lit === undefined || /[\p{L}\p{N}]/u.test(lit)) return null;
    chars = [lit];
    next = 2;
  } else {
    if ('^$.)*+?{'.includes(ch)) return null;
    chars = [ch];
    next = 1;
  }
  const quantifier = alt[next];
  if (quantifier === '?' || quantifier === '*' || quantifier === '{') return null;
  return chars.some(isSurrogate) ? null : chars;
}

function leadsOf(src: string): string[] | null {
  const out: string[] = [];
  for (const alt of alternatives(src)) {
    const chars = altLeads(alt);
    if (chars === null) return null;
    out.push(...chars);
  }
  return out;
}

/** The first characters of `pattern` (regular-expression source, compiled with the `u` flag, and `i` when `fold`). */
export function leadChars(pattern: string, fold: boolean): LeadChars {
  const chars = leadsOf(pattern);
  return chars === null ? { chars: null, codes: null, fold } : charLeads(chars.join(''), fold);
}

/** Space and dash characters that have no case: never the start of a case-insensitive match of another character. */
const CASELESS = '\u00A0\u2009\u202F\u2010\u2011\u2012\u2013\u2014\u2015\u2212';

/**
 * False only when a match of the pattern cannot start with `ch` (undefined: the end of the text). Exact under
 * case folding: a character outside ASCII and basic Cyrillic may fold to a lead (`ſ` to `s`), so it answers true.
 */
export function mayStartWith(lead: LeadChars, ch: string | undefined): boolean {
  if (lead.chars === null) return true;
  if (ch === undefined) return false;
  if (lead.chars.has(ch)) return true;
  if (!lead.fold) return false;
  const c = ch.charCodeAt(0);
  return !(c < 128 || (c >= 0x400 && c <= 0x4ff) || CASELESS.includes(ch));
}

/** Codes of {@link CASELESS}. */
const CASELESS_CODES: ReadonlySet<number> = new Set([...CASELESS].map((ch) => ch.charCodeAt(0)));

/**
 * {@link mayStartWith} of the code unit at `pos` of `text` (past the end: the end of the text), read by its code:
 * no one-character string is made (for a Cyrillic character a new one each time, then hashed for the look-up).
 */
export function mayStartWithAt(lead: LeadChars, text: string, pos: number): boolean {
  if (lead.codes === null) return true;
  const c = text.charCodeAt(pos);
  if (c !== c) return false; // NaN: the end of the text (or before its start)
  if (lead.codes.has(c)) return true;
  if (!lead.fold) return false;
  return !(c < 128 || (c >= 0x400 && c <= 0x4ff) || CASELESS_CODES.has(c));
}

/**
 * For a table of patterns tried in order at one position (at most 31): the set of those whose match may start
 * with a character, given by its UTF-16 code (NaN: the end of the text), as a bit set (bit `i` for entry `i`):
 * `mayStartWith` for each entry at once. Answers are kept per character code, so that no one-character string
 * is made per look-up.
 */
export function leadMasks(leads: readonly LeadChars[]): (code: number) => number {
  if (leads.length > 31) throw new Error('leadMasks: at most 31 entries');
  const maskOf = (ch: string | undefined): number => {
    let mask = 0;
    for (let i = 0; i < leads.length; i++) if (mayStartWith(leads[i], ch)) mask |= 1 << i;
    return mask;
  };
  const atEnd = maskOf(undefined);
  // Codes of ASCII, Latin and Cyrillic in a small array (5 KB, kept in cache), the few others in a map.
  const small = new Int32Array(0x500).fill(-1);
  const others = new Map<number, number>();
  return (code) => {
    if (code < 0x500) {
      let mask = small[code];
      if (mask < 0) small[code] = mask = maskOf(String.fromCharCode(code));
      return mask;
    }
    if (code !== code) return atEnd; // NaN
    let mask = others.get(code);
    if (mask === undefined) others.set(code, (mask = maskOf(String.fromCharCode(code))));
    return mask;
  };
}

/** The {@link LeadChars} of a list of first characters written out by hand (both cases when `fold`). */
export function charLeads(chars: string, fold: boolean): LeadChars {
  const set = new Set<string>();
  for (const ch of chars) {
    set.add(ch);
    if (fold) {
      set.add(ch.toLowerCase());
      set.add(ch.toUpperCase());
    }
  }
  const codes = new Set<number>();
  for (const ch of set) if (ch.length === 1) codes.add(ch.charCodeAt(0));
  return { chars: set, codes, fold };
}

// ---------------------------------------------------------------------------------------------------------
// First few characters of a table pattern: a finer look than the first one, for the unit table (words after a
// number that share a first letter with a unit: "5 people" and "percent", "5 years" and "yuan").

/** Characters a lead string holds at most. */
export const LEAD_LENGTH = 3;

/** One piece of a pattern: characters, a group of alternatives, anything, or nothing (a lookaround). */
type Atom = { chars: string[] } | { alts: Item[][] } | 'any' | 'none';
/** A piece and how often it may come: once, maybe, or more than that (not followed further). */
interface Item {
  atom: Atom;
  quant: '' | '?' | 'more';
}

/** Parse the alternatives of `src` from `at` up to the `)` that closes them (or the end). */
function parseAlternatives(src: string, at: number, space: string[]): { alts: Item[][]; end: number } {
  const alts: Item[][] = [[]];
  let i = at;
  while (i < src.length && src[i] !== ')') {
    const ch = src[i];
    let atom: Atom;
    if (ch === '|') {
      alts.push([]);
      i++;
      continue;
    } else if (ch === '\\') {
      const next = src[i + 1] ?? '';
      if (/[\p{L}\p{N}]/u.test(next)) {
        atom = 'any'; // \d, \p{…}, \u…: not followed
        i += 2;
        if (src[i] === '{') i = src.indexOf('}', i) + 1;
      } else {
        atom = { chars: [next] };
        i += 2;
      }
    } else if (ch === '[') {
      const close = src.indexOf(']', i + 1);
      const body = src.slice(i + 1, close);
      atom = body === '' || /[\\\-^]/.test(body) ? 'any' : { chars: [...body] };
      i = close + 1;
    } else if (ch === '(') {
      const look = /^\(\?<?[=!]/.test(src.slice(i, i + 4));
      const inner = parseAlternatives(src, src.startsWith('(?', i) ? src.indexOf(look ? (src[i + 2] === '<' ? src[i + 3] : src[i + 2]) : ':', i) + 1 : i + 1, space);
      atom = look ? 'none' : { alts: inner.alts };
      i = inner.end + 1;
    } else if (ch === '.') {
      atom = 'any';
      i++;
    } else if (ch === '^' || ch === '$') {
      atom = 'none';
      i++;
    } else {
      atom = { chars: ch === ' ' ? space : [ch] };
      i++;
    }
    let quant: Item['quant'] = '';
    const q = src[i];
    if (q === '?') {
      quant = '?';
      i++;
    } else if (q === '*' || q === '+' || q === '{') {
      quant = 'more';
      i = q === '{' ? src.indexOf('}', i) + 1 : i + 1;
    }
    alts[alts.length - 1].push({ atom, quant });
  }
  return { alts, end: i };
}

/** Add to `out` the lead strings of `items[i…]` after `prefix` (a string shorter than the lead: any continuation). */
function leadStringsOf(items: Item[], i: number, prefix: string, out: Set<string>): void {
  if (prefix.length >= LEAD_LENGTH || i === items.length) {
    out.add(prefix);
    return;
  }
  const { atom, quant } = items[i];
  if (quant === 'more' || atom === 'any') {
    out.add(prefix);
    return;
  }
  if (quant === '?') leadStringsOf(items, i + 1, prefix, out);
  if (atom === 'none') leadStringsOf(items, i + 1, prefix, out);
  else if ('chars' in atom) for (const ch of atom.chars) leadStringsOf(items, i + 1, prefix + ch, out);
  else for (const alt of atom.alts) leadStringsOf([...alt, ...items.slice(i + 1)], 0, prefix, out);
}

/**
 * The strings of up to {@link LEAD_LENGTH} characters a match of `pattern` can start with (lower case when
 * `fold`): one of full length must be the match's start, a shorter one is followed by anything (the pattern ends
 * or is not followed further). A space in the pattern stands for any of `space`.
 */
export function leadStrings(pattern: string, fold: boolean, space = ' '): ReadonlySet<string> {
  const out = new Set<string>();
  for (const alt of parseAlternatives(pattern, 0, [...space]).alts) leadStringsOf(alt, 0, '', out);
  return fold ? new Set([...out].map((s) => s.toLowerCase())) : out;
}

/**
 * The first characters at one position as {@link mayStartWithLead} compares them: the strings of the first one,
 * two and three (lower case when folded), and whether a character that may fold to a lead's ends them.
 */
class LeadsAt {
  text = '';
  pos = -1;
  fold = false;
  /** The prefixes of one, two, three characters (fewer at the end of the text or before a wild character). */
  readonly prefixes: string[] = [];
  /** A character outside ASCII and basic Cyrillic came next (when folded): any lead may match. */
  wild = false;

  read(text: string, pos: number, fold: boolean): void {
    this.text = text;
    this.pos = pos;
    this.fold = fold;
    this.prefixes.length = 0;
    this.wild = false;
    let start = '';
    for (let k = 0; k < LEAD_LENGTH; k++) {
      const code = text.charCodeAt(pos + k);
      if (code !== code) return; // the end of the text
      if (fold && code >= 0x80 && !(code >= 0x400 && code <= 0x4ff)) {
        this.wild = true;
        return;
      }
      start += fold ? text[pos + k].toLowerCase() : text[pos + k];
      this.prefixes.push(start);
    }
  }

  is(text: string, pos: number, fold: boolean): boolean {
    return this.pos === pos && this.fold === fold && this.text === text;
  }
}

// The last two positions read: a table is tried entry by entry at a number's end and one space after it, so the
// prefixes there are cut and folded once per number, not once per entry.
let leadsA = new LeadsAt();
let leadsB = new LeadsAt();

/** {@link LeadsAt} of a position, from the two last read when it is one of them. */
function leadsAt(text: string, pos: number, fold: boolean): LeadsAt {
  if (leadsA.is(text, pos, fold)) return leadsA;
  if (!leadsB.is(text, pos, fold)) leadsB.read(text, pos, fold);
  const last = leadsB;
  leadsB = leadsA;
  leadsA = last;
  return last;
}

/**
 * False only when a match of a pattern with these {@link leadStrings} cannot start at `pos`. Exact under case
 * folding: a character outside ASCII and basic Cyrillic among the first ones may fold to a lead's, so it answers true.
 */
export function mayStartWithLead(leads: ReadonlySet<string>, fold: boolean, text: string, pos: number): boolean {
  if (leads.has('')) return true;
  const at = leadsAt(text, pos, fold);
  for (const prefix of at.prefixes) if (leads.has(prefix)) return true;
  return at.wild;
}
