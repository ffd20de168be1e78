/**
 * Text normalisation that never loses the original.
 *
 * Two levels:
 * - the *clean* paragraph (for reading, export and matching): broken words rejoined, white-space runs and line
 *   breaks folded to one space, soft hyphens dropped, NFC. It changes lengths, so it comes with `shifts` that
 *   map every clean offset back to the source.
 * - the *matching form* of a clean string ({@link foldForMatching}): typographic variants folded to one
 *   spelling. It replaces code units one for one, so offsets in it are offsets in the clean string.
 */
import type { Paragraph, Span } from '../types.js';

/** One-for-one code-unit replacements that make variants of the same text compare equal. */
const MATCHING_FOLDS: Record<string, string> = {
  '\u00A0': ' ', // no-break space
  '\u2007': ' ', // figure space
  '\u2009': ' ', // thin space
  '\u200A': ' ', // hair space
  '\u202F': ' ', // narrow no-break space
  '\u2002': ' ',
  '\u2003': ' ',
  '\u00AB': '"', // «
  '\u00BB': '"', // »
  '\u201C': '"', // “
  '\u201D': '"', // ”
  '\u201E': '"', // „
  '\u201F': '"',
  '\u2018': "'", // ‘
  '\u2019': "'", // ’ (also the apostrophe of "year’s")
  '\u201A': "'",
  '\u02BC': "'",
  '\u2010': '-', // hyphen
  '\u2011': '-', // non-breaking hyphen
  '\u2012': '-', // figure dash
  '\u2013': '-', // en dash
  '\u2014': '-', // em dash
  '\u2015': '-',
  '\u2212': '-', // minus sign
  '\u0451': '\u0435', // ё → е: Russian writes both for the same word
  '\u0401': '\u0415', // Ё → Е
};
/**
 * {@link MATCHING_FOLDS} by code unit: the replacement's code unit, 0 for a code unit kept as it is. All 65 536
 * code units (128 KB), so that a character costs one load and no range tests (whose outcome flips
 * unpredictably between letters, spaces and punctuation).
 */
const FOLDED_CODE = new Uint16Array(0x10000);
for (const [from, to] of Object.entries(MATCHING_FOLDS)) FOLDED_CODE[from.charCodeAt(0)] = to.charCodeAt(0);

/**
 * Fold typographic variants (spaces, quotes, dashes, ё) to one spelling. Same length as the input, so an
 * offset into the result is an offset into the input. The result is a string of its own even when nothing
 * folds (see {@link ownCopy}).
 */
export function foldForMatching(text: string): string {
  // Read from the copy (see ownCopy): faster than through a slice, and the answer when nothing folds (most
  // paragraphs). A table look-up per code unit is faster than a regular expression with this many ranges.
  const own = ownCopy(text);
  let k = 0;
  while (k < own.length && FOLDED_CODE[own.charCodeAt(k)] === 0) k++;
  if (k === own.length) return own;
  const parts: string[] = [];
  let from = 0;
  for (; k < own.length; k++) {
    const to = FOLDED_CODE[own.charCodeAt(k)]!;
    if (to === 0) continue;
    parts.push(own.slice(from, k), String.fromCharCode(to));
    from = k + 1;
  }
  parts.push(own.slice(from));
  return parts.join('');
}

/**
 * `text` copied into a string of its own. Most clean paragraphs are slices of the document's source, and V8
 * reads a sliced string's code units through its parent: the anchor extractors' loops over the matching form
 * (tokens, figures, names) are slower on a slice, by far more than the copy costs (parsing as a whole is about
 * 7 % faster). A join of two pieces is a copy V8 makes without a slice (strings under 13 code units are copied
 * when sliced anyway). The copy lives while the paragraph's anchors are extracted.
 */
function ownCopy(text: string): string {
  return text.length < 13 ? text : [text.slice(0, 1), text.slice(1)].join('');
}

/** A clean string and the breakpoints that map it back to the source (see {@link Paragraph.shifts}). */
export interface CleanText {
  clean: string;
  shifts: Array<[number, number]>;
}

/**
 * Invisible format characters: soft hyphen, zero-width space/joiners, left-to-right and right-to-left marks,
 * word joiner and invisible operators, bidirectional embeddings and isolates, the combining grapheme joiner,
 * the Arabic letter mark, the Mongolian vowel separator, the byte-order mark. A line holding only these (and
 * white space) is a blank line everywhere, as a line holding only ZWSP or NBSP is.
 */
export function isInvisibleFormat(code: number): boolean {
  return (
    code === 0xad ||
    code === 0x034f ||
    code === 0x061c ||
    code === 0x180e ||
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2060 && code <= 0x2064) ||
    (code >= 0x2066 && code <= 0x2069) ||
    code === 0xfeff
  );
}
// Character classes by code unit, with table-free fast paths for ASCII and Cyrillic (this loop sees every
// character; a regular expression per character was most of its cost).

/** White space as `/\s/` reads one code unit (ASCII blanks, NBSP, the Zs spaces, line and paragraph separators, BOM). */
export function isSpaceCode(code: number): boolean {
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0x1680) return code === 0xa0;
  return (
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

const MARK = /\p{M}/u;
/** A combining mark (`\p{M}`) as one code unit; the Latin, Greek and Cyrillic letter ranges answer without a regex. */
export function isCombiningCode(code: number): boolean {
  if (code < 0x300) return false;
  if (code < 0x370) return true; // Combining Diacritical Marks
  if ((code >= 0x370 && code < 0x483) || (code >= 0x48a && code < 0x591) || (code >= 0x2000 && code < 0x20d0)) return false;
  return MARK.test(String.fromCharCode(code));
}

/** Control characters that survive decoding (see decodeText) are read as spaces. */
function isControlCode(code: number): boolean {
  return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0b && code !== 0x0c && code !== 0x0d) || code === 0x7f;
}
const isSpace = (ch: string): boolean => isSpaceCode(ch.charCodeAt(0));
const isControl = (ch: string): boolean => isControlCode(ch.charCodeAt(0));

/**
 * A source span that does not appear as written in the clean text: deleted (a break hyphen and the line break
 * after it, an HTML tag) or replaced by `text` (a decoded character reference such as `&amp;`).
 */
export interface Cut extends Span {
  /**
   * What the span reads as. Absent or empty: nothing (white space on both sides of it folds to one space).
   * White space (`&nbsp;`, a table-cell boundary): part of the surrounding white-space run. Anything else:
   * emitted as is, with a breakpoint so offsets still map back to the whole span.
   */
  text?: string;
}

/**
 * Build the clean form of `source.slice(start, end)`, leaving out or replacing the `cuts` (sorted, not
 * overlapping; see {@link Cut}). White space runs become one space (a lone no-break or thin space is kept as
 * it is, since it carries typography), soft hyphens are dropped, combining sequences are NFC-composed.
 * Linear in the length of the span.
 */
export function cleanSpan(source: string, start: number, end: number, cuts: Cut[] = []): CleanText {
  const out = new CleanBuilder(start);
  let cutIndex = 0;
  let i = start;
  while (i < end) {
    while (cutIndex < cuts.length && cuts[cutIndex].end <= i) cutIndex++;
    const cut = cuts[cutIndex];
    const atCut = cut !== undefined && cut.start <= i;
    if (atCut && !isWhiteCut(cut)) {
      // A deleted span leaves nothing; a replaced one (a character reference) leaves its text.
      if (cut.text) out.emit(cut.text, i, cut.end - i);
      i = cut.end;
      continue;
    }
    const code = source.charCodeAt(i);
    if (code === 0xad) {
      i++;
      continue;
    }
    if (atCut || isSpaceCode(code) || isControlCode(code)) {
      // A white-space run goes on across deleted spans and white-space references, so that "a <b> b" and
      // "a&nbsp; b" give one space, as a browser shows them. (Break-hyphen cuts never touch white space.)
      let j = i;
      let units = 0;
      let unit = '';
      let k = cutIndex;
      while (j < end) {
        while (k < cuts.length && cuts[k].end <= j) k++;
        const c = cuts[k];
        if (c && c.start <= j) {
          if (isWhiteCut(c)) {
            units++;
            unit = c.text!;
          } else if (c.text) {
            break;
          }
          j = c.end;
          continue;
        }
        const at = source.charCodeAt(j);
        if (!(isSpaceCode(at) || isControlCode(at))) break;
        units++;
        unit = source[j];
        j++;
      }
      const lone = units === 1 && unit !== '\n' && unit !== '\r' && unit !== '\t' && !isControl(unit) && unit !== '\uFEFF';
      // Leading white space of the span is dropped; trailing is dropped after the loop.
      if (out.length > 0) out.emit(lone ? unit : ' ', i, j - i);
      i = j;
      continue;
    }
    if (i + 1 < end && isCombiningCode(source.charCodeAt(i + 1))) {
      let j = i + 1;
      while (j < end && isCombiningCode(source.charCodeAt(j))) j++;
      out.emit(source.slice(i, j).normalize('NFC'), i, j - i);
      i = j;
      continue;
    }
    // Copy the longest run of ordinary characters in one piece.
    const j = ordinaryRunEnd(source, i, cut && cut.start < end ? cut.start : end, end);
    out.emit(source.slice(i, j), i, j - i);
    i = j;
  }
  let clean = out.parts.join('');
  if (clean.endsWith(' ')) clean = clean.slice(0, -1);
  return { clean, shifts: compactShifts(out.shifts) };
}

/**
 * The clean text of a span as {@link cleanSpan} builds it, and its breakpoints. (A class rather than a closure
 * made per call: the closure and the variables it shares cost more than the calls, and more again under a
 * loader that names every function it creates.)
 */
class CleanBuilder {
  readonly parts: string[] = [];
  readonly shifts: Array<[number, number]>;
  /** Length of the clean text so far. */
  length = 0;
  /** The source offset the next clean character would have if nothing were skipped. */
  private expected: number;

  constructor(start: number) {
    this.shifts = [[0, start]];
    this.expected = start;
  }

  /** Append `text`, which stands for the `sourceLength` code units of the source at `sourceOffset`. */
  emit(text: string, sourceOffset: number, sourceLength: number): void {
    if (sourceOffset !== this.expected) this.shifts.push([this.length, sourceOffset]);
    this.parts.push(text);
    this.length += text.length;
    this.expected = sourceOffset + sourceLength;
    if (text.length !== sourceLength) this.shifts.push([this.length, this.expected]);
  }
}

/** How {@link ordinaryRunEnd} reads a code unit. */
const PLAIN = 0;
/** U+0020: inside a run when it stands alone between two plain characters. */
const SPACE = 1;
/** Other white space, controls, the soft hyphen: end a run. */
const BREAK = 2;
/** A combining mark: the character before it starts a sequence to compose, so the run ends before that one. */
const COMBINING = 3;

/** The kind of each code unit below U+0500 (ASCII, Latin, Greek, Cyrillic: nearly every character read). */
const KIND_BELOW_0500 = new Uint8Array(0x500);
for (let code = 0; code < KIND_BELOW_0500.length; code++) KIND_BELOW_0500[code] = kindOf(code);

function kindOf(code: number): number {
  if (code === 0x20) return SPACE;
  if (code === 0xad || isSpaceCode(code) || isControlCode(code)) return BREAK;
  return isCombiningCode(code) ? COMBINING : PLAIN;
}

/**
 * Where the run of ordinary characters that starts at `i` ends (at most `stop`): characters copied as they are,
 * neither white space (but a lone space between two of them), a control, a soft hyphen, nor followed by a
 * combining mark. The character at `i` is ordinary (the caller checked), the one at `i + 1` no combining mark.
 */
function ordinaryRunEnd(source: string, i: number, stop: number, end: number): number {
  // This loop sees nearly every character of every paragraph: one table read and one test that is nearly
  // always false per code unit. The scan goes on over plain characters and single spaces (PLAIN + SPACE < 2;
  // a second space in a row or anything else stops it); what the run must leave out at its end is settled
  // after it. (Testing each space's next character in the loop cost a mispredicted branch per word.)
  let j = i + 1;
  let previous = PLAIN;
  while (j < stop) {
    const at = source.charCodeAt(j);
    const kind = at < 0x500 ? KIND_BELOW_0500[at]! : kindOf(at);
    if (kind + previous >= 2) break;
    previous = kind;
    j++;
  }
  // A combining mark next composes with the character before it, which leaves the run.
  let last = j < end && isCombiningCode(source.charCodeAt(j)) ? j - 1 : j;
  // A space the run ends with has no plain character after it in the run: it is white space of its own.
  if (last - 1 > i && source.charCodeAt(last - 1) === 0x20) last--;
  return last;
}

/** A cut that reads as white space (one white-space character, e.g. a decoded `&nbsp;`). */
function isWhiteCut(cut: Cut): boolean {
  return cut.text !== undefined && cut.text.length === 1 && isSpace(cut.text);
}

/** Drop breakpoints that a later one at the same clean offset overrides, and ones that change nothing. */
function compactShifts(shifts: Array<[number, number]>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const shift of shifts) {
    const last = out[out.length - 1];
    // The first breakpoint stays [0, start] as documented; a span opening with something left out (a soft
    // hyphen) gets a second breakpoint at clean offset 0, which the binary searches pick as the later one.
    if (last && last[0] === shift[0] && out.length > 1) {
      out[out.length - 1] = shift;
    } else if (last && shift[1] - shift[0] === last[1] - last[0]) {
      continue;
    } else {
      out.push(shift);
    }
  }
  return out;
}

/**
 * Index of the last breakpoint whose `column` (0: clean offset, 1: source offset) is at or before `offset`.
 * Binary search: breakpoints are sorted in both columns.
 */
function lastShiftAtOrBefore(shifts: Array<[number, number]>, offset: number, column: 0 | 1): number {
  let lo = 0;
  let hi = shifts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (shifts[mid][column] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Map an offset in a paragraph's `clean` text to an offset in the document's source. */
export function toSourceOffset(paragraph: Pick<Paragraph, 'shifts'>, cleanOffset: number): number {
  const [cleanAt, sourceAt] = paragraph.shifts[lastShiftAtOrBefore(paragraph.shifts, cleanOffset, 0)];
  return sourceAt + (cleanOffset - cleanAt);
}

/**
 * The inverse of {@link toSourceOffset}: the offset in `paragraph.clean` of a source offset. A source offset
 * inside something the clean text leaves out (a folded line break, a soft hyphen) maps to where the omission is
 * in the clean text; offsets outside the paragraph are clamped to its clean text.
 */
export function toCleanOffset(paragraph: Pick<Paragraph, 'shifts' | 'clean'>, sourceOffset: number): number {
  const { shifts } = paragraph;
  const k = lastShiftAtOrBefore(shifts, sourceOffset, 1);
  const [cleanAt, sourceAt] = shifts[k];
  let clean = cleanAt + Math.max(0, sourceOffset - sourceAt);
  if (k + 1 < shifts.length) clean = Math.min(clean, shifts[k + 1][0]);
  return Math.max(0, Math.min(paragraph.clean.length, clean));
}

/**
 * Map a span of a paragraph's `clean` text to the source span that holds it. The end maps as the position
 * after the last character, so a span ending just before a rejoined break does not swallow the break.
 */
export function toSourceSpan(paragraph: Pick<Paragraph, 'shifts'>, start: number, end: number): Span {
  if (end <= start) {
    const at = toSourceOffset(paragraph, start);
    return { start: at, end: at };
  }
  return { start: toSourceOffset(paragraph, start), end: toSourceOffset(paragraph, end - 1) + 1 };
}
