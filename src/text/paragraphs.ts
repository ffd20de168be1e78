/**
 * Paragraphs: blocks of text separated by blank lines, with words broken across lines or blocks rejoined.
 *
 * A typeset page breaks words with a hyphen at a line end and sometimes puts a block boundary inside a word
 * ("поступа-" / "тельного"). Such a break is rejoined, and the blocks it joins form one paragraph. A hyphen
 * at a break is kept when the document writes the same compound with a hyphen elsewhere ("торгово-" /
 * "экономического" where "торгово-экономического" also occurs); otherwise it is taken as a break hyphen.
 */
import { InputError } from '../errors.js';
import type { Paragraph, Span } from '../types.js';
import { looksLikeMarkup, markupParagraphs } from './markup.js';
import { cleanSpan, isInvisibleFormat } from './normalize.js';

/**
 * How paragraphs are delimited: blank lines, one per line, an indented first line, or HTML block tags (see
 * src/text/markup.ts).
 */
export type ParagraphMode = 'blank-line' | 'line' | 'indent' | 'html';

/** Options for {@link splitParagraphs}. */
export interface ParagraphOptions {
  /**
   * `blank-line`: paragraphs are separated by blank lines, lines inside one are joined.
   * `line`: every non-blank line is a paragraph.
   * `html`: the text is HTML: paragraphs end at block tags and blank lines; tags are left out of `clean` and
   * character references decoded.
   * `indent`: a line that starts indented (two spaces, a tab) starts a paragraph; lines inside one are joined.
   * `text`: never HTML; otherwise as `auto` (for plain text that quotes tags).
   * `auto`: `html` when the text has the structure of HTML (see {@link looksLikeMarkup}: it opens with
   * `<!DOCTYPE html>` or `<html>`, or holds block tags and most of its lines start with a tag, or it opens with
   * a block tag and ends with a tag; a few tags in prose are not enough); else `blank-line` when the text has
   * blank lines between text; else `line` when most lines end a sentence (one paragraph per line, as many
   * exports write); else `indent` when some lines (not all) start indented; else `blank-line`.
   * @default 'auto'
   */
  mode?: ParagraphMode | 'auto' | 'text';
}

/** A paragraph before anchors are attached. */
export type BareParagraph = Omit<Paragraph, 'anchors'>;

/** The paragraphs of a text and the mode that cut them. */
export interface ParagraphSplit {
  paragraphs: BareParagraph[];
  mode: ParagraphMode;
}

interface Line {
  /** First non-space character. */
  start: number;
  /** One past the last non-space character. */
  end: number;
  blank: boolean;
  /** A paragraph separator (U+2029) or a blank line comes before this line. */
  afterBreak: boolean;
  /** The line starts with a tab or at least two spaces (a paragraph indent). */
  indented: boolean;
}

const MODES: ReadonlyArray<ParagraphOptions['mode']> = ['auto', 'text', 'html', 'blank-line', 'line', 'indent'];

/** Hyphen characters that can end a line in the middle of a word. */
const BREAK_HYPHENS = new Set(['-', '\u2010', '\u00AD']);
const SENTENCE_END = /[.!?…:;"»”)\]]$/;
/** Share of lines that must end a sentence for `auto` to read one paragraph per line. */
const LINE_MODE_SENTENCE_SHARE = 0.6;
/** Share of lines at most indented for `auto` to read indents as paragraph starts (all indented is a margin). */
const INDENT_MODE_MAX_SHARE = 0.8;

/** Split `source` into paragraphs with offsets into it. Linear in the length of the text. */
export function splitParagraphs(source: string, options: ParagraphOptions = {}): ParagraphSplit {
  if (typeof source !== 'string') throw new InputError('invalid-input', `the text must be a string, not ${source === null ? 'null' : typeof source}`);
  if (options === null || typeof options !== 'object' || (options.mode !== undefined && !MODES.includes(options.mode))) {
    throw new InputError('invalid-option', `\`mode\` must be one of ${MODES.join(', ')}`);
  }
  if (options.mode === 'html' || ((!options.mode || options.mode === 'auto') && looksLikeMarkup(source))) {
    return { paragraphs: markupParagraphs(source), mode: 'html' };
  }
  const lines = scanLines(source);
  const mode = options.mode && options.mode !== 'auto' && options.mode !== 'text' ? options.mode : chooseMode(source, lines);
  const blocks = groupBlocks(lines, mode);
  // Built only when some line ends in a hyphen: most texts have no broken words at all.
  const compounds = lines.some((line) => line.end > line.start && BREAK_HYPHENS.has(source[line.end - 1]))
    ? hyphenatedCompounds(source)
    : new Set<string>();

  const paragraphs: BareParagraph[] = [];
  let group: Line[][] = [];
  const flush = (): void => {
    if (group.length === 0) return;
    const first = group[0][0];
    const lastBlock = group[group.length - 1];
    const start = first.start;
    const end = lastBlock[lastBlock.length - 1].end;
    // Nearly every paragraph is one block; Array#flat is slow even then (a generic copy per call).
    const allLines = group.length === 1 ? group[0] : group.flat();
    const cuts: Span[] = [];
    for (let k = 0; k + 1 < allLines.length; k++) {
      const cut = breakCut(source, allLines[k], allLines[k + 1], compounds);
      if (cut) cuts.push(cut);
    }
    const { clean, shifts } = cleanSpan(source, start, end, cuts);
    paragraphs.push({ index: paragraphs.length, start, end, text: source.slice(start, end), clean, shifts });
    group = [];
  };
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b];
    const previous = group[group.length - 1];
    if (previous && !breakCut(source, previous[previous.length - 1], block[0], compounds)) flush();
    group.push(block);
  }
  flush();
  return { paragraphs, mode };
}

function scanLines(source: string): Line[] {
  const lines: Line[] = [];
  let lineStart = 0;
  let afterBreak = false;
  // Most texts break lines with "\n" alone: then the search for the next break is a native indexOf. (Four
  // native searches for one character each are faster than one regular expression for the four.)
  const onlyNewlines = !(source.includes('\r') || source.includes('\u2028') || source.includes('\u2029') || source.includes('\u0085'));
  for (let i = nextBreak(source, 0, onlyNewlines); i < source.length; i = nextBreak(source, i + 1, onlyNewlines)) {
    const code = source.charCodeAt(i);
    const line = lineOf(source, lineStart, i, afterBreak);
    lines.push(line);
    afterBreak = line.blank || code === 0x2029;
    if (code === 0x0d && source.charCodeAt(i + 1) === 0x0a) i++;
    lineStart = i + 1;
  }
  lines.push(lineOf(source, lineStart, source.length, afterBreak));
  return lines;
}

/** Offset of the first line break at or after `from`, or the length of the text. */
function nextBreak(source: string, from: number, onlyNewlines: boolean): number {
  if (onlyNewlines) {
    const at = source.indexOf('\n', from);
    return at < 0 ? source.length : at;
  }
  for (let i = from; i < source.length; i++) {
    const code = source.charCodeAt(i);
    if (code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029 || code === 0x85) return i;
  }
  return source.length;
}

/** The line between `from` and `to` (a break), trimmed of blanks and invisible characters. */
function lineOf(source: string, from: number, to: number, afterBreak: boolean): Line {
  let s = from;
  let e = to;
  while (s < e && (isBlankChar(source.charCodeAt(s)) || isInvisibleFormat(source.charCodeAt(s)))) s++;
  // A soft hyphen at the end is kept: it marks a word broken across lines.
  while (e > s && (isBlankChar(source.charCodeAt(e - 1)) || (isInvisibleFormat(source.charCodeAt(e - 1)) && source.charCodeAt(e - 1) !== 0xad))) e--;
  let blank = true;
  for (let k = s; k < e && blank; k++) blank = isInvisibleFormat(source.charCodeAt(k));
  const code = source.charCodeAt(from);
  const indented = !blank && (code === 0x09 || code === 0x3000 || (s - from >= 2 && isBlankChar(source.charCodeAt(from + 1))));
  return { start: s, end: e, blank, afterBreak, indented };
}

function isBlankChar(code: number): boolean {
  return (
    code === 0x20 ||
    code === 0x09 ||
    code === 0x0b ||
    code === 0x0c ||
    code === 0xa0 ||
    code === 0xfeff ||
    code === 0x3000 ||
    (code >= 0x2000 && code <= 0x200b) ||
    code === 0x202f ||
    code === 0x205f ||
    (code < 0x20 && code !== 0x0a && code !== 0x0d)
  );
}

function chooseMode(source: string, lines: Line[]): 'blank-line' | 'line' | 'indent' {
  const text = lines.filter((line) => !line.blank);
  if (text.some((line, k) => k > 0 && line.afterBreak)) return 'blank-line';
  if (text.length < 2) return 'blank-line';
  const ending = text.slice(0, -1).filter((line) => SENTENCE_END.test(source.slice(line.end - 1, line.end))).length;
  if (ending >= LINE_MODE_SENTENCE_SHARE * (text.length - 1)) return 'line';
  // Typewritten or fixed-width text: no blank lines, wrapped lines, each paragraph's first line indented.
  const indented = text.filter((line, k) => k > 0 && line.indented).length;
  return indented >= 1 && indented <= INDENT_MODE_MAX_SHARE * (text.length - 1) ? 'indent' : 'blank-line';
}

function groupBlocks(lines: Line[], mode: ParagraphMode): Line[][] {
  const blocks: Line[][] = [];
  let current: Line[] = [];
  for (const line of lines) {
    if (
      line.blank ||
      (mode === 'line' && current.length > 0) ||
      (mode === 'indent' && line.indented && current.length > 0) ||
      (line.afterBreak && current.length > 0)
    ) {
      if (current.length > 0) blocks.push(current);
      current = [];
    }
    if (!line.blank) current.push(line);
  }
  if (current.length > 0) blocks.push(current);
  return blocks;
}

/**
 * Lower-cased `left-rig` keys of every hyphenated compound written on one line of the text: what
 * `/(\p{L}+)[-\u2010\u2011](\p{L}{1,3})/gu` matches, found in one pass over the letter runs (the regex
 * restarted inside every word that has no hyphen after it). As with the regex, a search resumes after the
 * letters taken on the right, so `a-bcd-e` gives `a-bcd` only.
 */
export function hyphenatedCompounds(source: string): Set<string> {
  const keys = new Set<string>();
  const n = source.length;
  let i = 0;
  while (i < n) {
    const first = source.codePointAt(i)!;
    if (!isLetterCode(first)) {
      i += first > 0xffff ? 2 : 1;
      continue;
    }
    const start = i;
    while (i < n) {
      const code = source.codePointAt(i)!;
      if (!isLetterCode(code)) break;
      i += code > 0xffff ? 2 : 1;
    }
    const hyphen = source.charCodeAt(i);
    if (i >= n || !(hyphen === 0x2d || hyphen === 0x2010 || hyphen === 0x2011)) continue;
    let right = i + 1;
    for (let taken = 0; taken < 3 && right < n; taken++) {
      const code = source.codePointAt(right)!;
      if (!isLetterCode(code)) break;
      right += code > 0xffff ? 2 : 1;
    }
    if (right === i + 1) continue; // no letter after the hyphen: the search goes on at the hyphen
    keys.add(`${source.slice(start, i).toLowerCase()}-${source.slice(i + 1, right).toLowerCase()}`);
    i = right;
  }
  return keys;
}

const LETTER = /\p{L}/u;
/** `\p{L}` for a code point; ASCII, Latin-1 and Cyrillic letters answer without a regex. */
export function isLetterCode(code: number): boolean {
  if (code < 0x80) return (code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a;
  if (code >= 0x400 && code <= 0x52f) return code < 0x482 || code > 0x489;
  if (code >= 0xc0 && code <= 0x24f) return code !== 0xd7 && code !== 0xf7;
  return LETTER.test(String.fromCodePoint(code));
}

/**
 * The source span to delete when `line` ends in a word broken by a hyphen that `next` continues, or undefined
 * when the two lines do not join inside a word. The span covers the break hyphen (unless the compound keeps
 * it) and the white space up to the continuation.
 */
function breakCut(source: string, line: Line, next: Line, compounds: Set<string>): Span | undefined {
  const hyphenAt = line.end - 1;
  const hyphen = source[hyphenAt];
  if (!BREAK_HYPHENS.has(hyphen) || hyphenAt <= line.start) return undefined;
  if (!/\p{L}/u.test(source[hyphenAt - 1])) return undefined;
  const continuation = source[next.start];
  const isSoft = hyphen === '\u00AD';
  if (!isSoft && !/\p{Ll}/u.test(continuation)) return undefined;
  if (!isSoft) {
    const left = wordBefore(source, hyphenAt).toLowerCase();
    const right = source.slice(next.start, next.start + 3).toLowerCase();
    if (compounds.has(`${left}-${right}`)) return { start: hyphenAt + 1, end: next.start };
  }
  return { start: hyphenAt, end: next.start };
}

function wordBefore(source: string, at: number): string {
  let s = at;
  // A word fragment is at most a few dozen letters; the bound keeps pathological input linear.
  while (s > 0 && at - s < 64 && /\p{L}/u.test(source[s - 1])) s--;
  return source.slice(s, at);
}

/**
 * Paragraph indices as a reader counts them, for messages and reports: 0-based [2, 3] → "3+4"; a run of three or
 * more as a range, [0, 1, 2, 3, 7] → "1–4+8" (a link of a 332-line text against one block stays one line).
 */
export function readerParagraphs(indices: readonly number[]): string {
  const parts: string[] = [];
  for (let k = 0; k < indices.length; ) {
    let end = k;
    while (end + 1 < indices.length && indices[end + 1] === indices[end] + 1) end++;
    if (end - k >= 2) parts.push(`${indices[k] + 1}–${indices[end] + 1}`);
    else for (let i = k; i <= end; i++) parts.push(String(indices[i] + 1));
    k = end + 1;
  }
  return parts.join('+');
}
