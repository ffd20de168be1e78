/**
 * HTML given where text was expected (a saved web page, a CMS export). Rather than reading tags as words, the
 * markup is made invisible while every offset still points into it as given:
 * - paragraphs end at block tags (`p`, `div`, `br`, `h1`–`h6`, `li`, `tr`, `blockquote`, …) and at blank lines;
 * - tags and their attributes, comments and declarations are cut out of `clean`; table cells (`td`, `th`) read
 *   as a space between words;
 * - the contents of `script`, `style`, `noscript` and `template` are skipped;
 * - character references (`&amp;`, `&lt;`, `&nbsp;`, `&#1234;`, `&#x4D2;`, common named ones) are decoded in
 *   `clean`.
 * Everything is done by one linear scan (no backtracking regular expression), whatever the input.
 */
import type { Span } from '../types.js';
import { cleanSpan, isInvisibleFormat, type Cut } from './normalize.js';
import type { BareParagraph } from './paragraphs.js';

/** Tags that end a paragraph. */
const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'br', 'caption', 'center', 'dd', 'details', 'dialog', 'div',
  'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'head',
  'header', 'hgroup', 'hr', 'html', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody',
  'tfoot', 'thead', 'title', 'tr', 'ul',
]);
/** Tags that separate words but not paragraphs. */
const CELL_TAGS = new Set(['td', 'th']);
/** Inline and head elements: with the others, the names a line of real HTML starts with. */
const OTHER_TAGS = new Set([
  'a', 'abbr', 'b', 'base', 'big', 'cite', 'code', 'em', 'font', 'i', 'img', 'input', 'label', 'link', 'mark', 'meta',
  'picture', 'q', 's', 'small', 'source', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'video', 'audio', 'iframe', 'svg',
]);
/** Elements whose contents are not text. */
const SKIPPED_ELEMENTS = new Set(['script', 'style', 'noscript', 'template']);
/** Named character references decoded in `clean` (the common ones; others are left as written). */
const NAMED_REFERENCES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0', shy: '', ensp: '\u2002', emsp: '\u2003',
  thinsp: '\u2009', ndash: '\u2013', mdash: '\u2014', minus: '\u2212', laquo: '\u00AB', raquo: '\u00BB',
  ldquo: '\u201C', rdquo: '\u201D', bdquo: '\u201E', lsquo: '\u2018', rsquo: '\u2019', sbquo: '\u201A',
  hellip: '\u2026', middot: '\u00B7', bull: '\u2022', deg: '\u00B0', times: '\u00D7', divide: '\u00F7',
  plusmn: '\u00B1', permil: '\u2030', sect: '\u00A7', para: '\u00B6', copy: '\u00A9', reg: '\u00AE',
  trade: '\u2122', euro: '\u20AC', pound: '\u00A3', yen: '\u00A5', cent: '\u00A2', numero: '\u2116',
};
/** A character reference: bounded lengths, so matching at one position costs at most ~40 steps. */
const REFERENCE = /&(?:#([0-9]{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/y;

/** Longest quoted attribute value followed inside a tag; a longer "value" is read as a stray quote. */
const MAX_ATTRIBUTE_LENGTH = 4096;
/** Characters looked at to decide whether a text is HTML. */
const SNIFF_LENGTH = 65_536;

/** One piece of markup found in the source. */
interface MarkupToken extends Span {
  /** `block`: ends a paragraph; `cut`: invisible or replaced in `clean` (see {@link Cut}). */
  kind: 'block' | 'cut';
  /** For `cut`: what it reads as (a decoded reference, a space for a table cell); absent = nothing. */
  text?: string;
}

/**
 * Whether `source` has the structure of HTML rather than being plain text that mentions tags. HTML when:
 * - it opens with `<!DOCTYPE html>` or `<html>` (after white space and an `<?xml …?>` declaration); or
 * - it holds at least two block tags (`<p>`, `<div>`, `<br>`, …), one of them an end tag (`</p>`) or two of them
 *   `<br>`, and either most of its non-blank lines start
 *   with a tag of a known HTML name, or it opens with a block tag and ends with a tag (a fragment whose
 *   paragraphs wrap over several lines); or
 * - two `<br>` tags stand between words with no space around them (`строка<br>строка`).
 * An article about web pages that writes `<div id=a></div>` or `<body>` inside its sentences is text. The
 * contents of `script`, `style`, `noscript` and `template` are left out of the 64 K characters looked at, so a
 * fragment that opens with a long style sheet is still seen for what it is.
 */
export function looksLikeMarkup(source: string): boolean {
  // Every sign below starts with a tag: a text without "<" is plain (most inputs; the sniff costs a few passes).
  if (!source.includes('<')) return false;
  const sniff = sniffWithoutSkipped(source);
  if (/^\s{0,1000}(?:<\?xml[^<>]{0,200}\?>\s{0,1000})?<(?:!doctype\s+html|html[\s>])/i.test(sniff)) return true;
  let blocks = 0;
  let taggedLines = 0;
  let lastTagEnd = -1;
  let gluedBreaks = 0;
  let closings = 0;
  let breaks = 0;
  let firstTag: TagToken | undefined;
  // Whether the current line has anything but white space before the tag at hand (one forward scan).
  let position = 0;
  let lineHasContent = false;
  for (const tag of scanTags(sniff)) {
    for (; position < tag.start; position++) {
      const ch = sniff.charCodeAt(position);
      if (ch === 0x0a || ch === 0x0d) lineHasContent = false;
      else if (ch !== 0x20 && ch !== 0x09 && !isInvisibleFormat(ch)) lineHasContent = true;
    }
    firstTag ??= tag;
    if (BLOCK_TAGS.has(tag.name)) {
      blocks++;
      if (tag.closing) closings++;
      else if (tag.name === 'br') breaks++;
    }
    // `word<br>word`: a quoted tag stands apart from the words around it, a line break inside text does not.
    if (tag.name === 'br' && tag.start > 0 && !/\s/.test(sniff[tag.start - 1]) && tag.end < sniff.length && !/\s/.test(sniff[tag.end]) && ++gluedBreaks >= 2) {
      return true;
    }
    if (!lineHasContent && (tag.name === '!' || BLOCK_TAGS.has(tag.name) || CELL_TAGS.has(tag.name) || SKIPPED_ELEMENTS.has(tag.name) || OTHER_TAGS.has(tag.name))) {
      taggedLines++;
    }
    // A tag may span lines; what follows it on its last line is after content.
    for (; position < tag.end; position++) {
      const ch = sniff.charCodeAt(position);
      if (ch === 0x0a || ch === 0x0d) lineHasContent = false;
    }
    lineHasContent = true;
    lastTagEnd = tag.end;
  }
  // Real markup closes its blocks (or breaks lines); a glossary of tag names ("<p> – a paragraph") does not.
  if (blocks < 2 || (closings === 0 && breaks < 2)) return false;
  let lines = 0;
  for (let k = 0; k < sniff.length; ) {
    let next = sniff.indexOf('\n', k);
    if (next < 0) next = sniff.length;
    if (/\S/.test(sniff.slice(k, Math.min(next, k + 200)))) lines++;
    k = next + 1;
  }
  if (2 * taggedLines >= lines) return true;
  // A fragment whose paragraphs wrap: it opens with a block tag and ends with a tag.
  const opens = firstTag !== undefined && BLOCK_TAGS.has(firstTag.name) && !/\S/.test(sniff.slice(0, firstTag.start));
  return opens && lastTagEnd >= 0 && /<\/?[A-Za-z][^<>]{0,200}>\s*$/.test(source.slice(-300));
}

/**
 * The first {@link SNIFF_LENGTH} characters of `source` with the contents of skipped elements (`<style>…`)
 * left out (each kept as an empty element), found by one forward scan.
 */
function sniffWithoutSkipped(source: string): string {
  const open = /<(script|style|noscript|template)(?=[\s>/])/gi;
  const parts: string[] = [];
  let length = 0;
  let i = 0;
  while (i < source.length && length < SNIFF_LENGTH) {
    open.lastIndex = i;
    const match = open.exec(source);
    const stop = match ? match.index : source.length;
    const piece = source.slice(i, Math.min(stop, i + SNIFF_LENGTH - length));
    parts.push(piece);
    length += piece.length;
    if (!match || length >= SNIFF_LENGTH) break;
    const name = match[1].toLowerCase();
    parts.push(`<${name}></${name}>`);
    length += 2 * name.length + 5;
    i = findEndTag(source, name, match.index + match[0].length);
  }
  return parts.join('');
}

/**
 * Cut HTML into paragraphs (see the module comment). Each paragraph spans from its first to its last visible
 * character, so `source.slice(p.start, p.end) === p.text` as everywhere; its `clean` has the markup removed and
 * references decoded, and its `shifts` map `clean` back into the markup.
 */
export function markupParagraphs(source: string): BareParagraph[] {
  const tokens = scanMarkup(source);
  const paragraphs: BareParagraph[] = [];
  let first = -1;
  let last = -1;
  let pending: Cut[] = [];
  const flush = (): void => {
    if (first >= 0) {
      const cuts = pending.filter((cut) => cut.start >= first && cut.end <= last);
      const { clean, shifts } = cleanSpan(source, first, last, cuts);
      if (clean) paragraphs.push({ index: paragraphs.length, start: first, end: last, text: source.slice(first, last), clean, shifts });
    }
    first = -1;
    last = -1;
    pending = [];
  };
  let t = 0;
  let i = 0;
  // A line break seen since the last visible character or tag: a second one makes a blank line.
  let lineBreak = false;
  while (i < source.length) {
    const token = tokens[t];
    if (token && token.start === i) {
      t++;
      i = token.end;
      lineBreak = false;
      if (token.kind === 'block') {
        flush();
        continue;
      }
      pending.push(token.text === undefined ? { start: token.start, end: token.end } : { start: token.start, end: token.end, text: token.text });
      if (token.text && !isBlank(token.text.charCodeAt(0))) {
        if (first < 0) first = token.start;
        last = token.end;
      }
      continue;
    }
    const stop = token ? token.start : source.length;
    for (; i < stop; i++) {
      const code = source.charCodeAt(i);
      if (code === 0x0a || code === 0x0d || code === 0x85 || code === 0x2028) {
        if (code === 0x0d && source.charCodeAt(i + 1) === 0x0a) i++;
        if (lineBreak) flush();
        lineBreak = true;
      } else if (code === 0x2029) {
        flush();
      } else if (!isBlank(code)) {
        if (first < 0) first = i;
        last = i + 1;
        lineBreak = false;
      }
    }
  }
  flush();
  return paragraphs;
}

/** White space, controls and the soft hyphen: nothing a paragraph starts or ends with. */
function isBlank(code: number): boolean {
  return (
    code <= 0x20 ||
    code === 0x7f ||
    code === 0x85 ||
    code === 0xa0 ||
    isInvisibleFormat(code) ||
    code === 0x3000 ||
    (code >= 0x2000 && code <= 0x200b) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f
  );
}

/** All markup of the source, in order, not overlapping. */
function scanMarkup(source: string): MarkupToken[] {
  const tokens: MarkupToken[] = [];
  const tags = scanTags(source);
  let tag = tags.next();
  let i = 0;
  // The next `&` at or after `i`, kept between tags (searching again from every tag would be quadratic).
  let amp = source.indexOf('&');
  while (i < source.length) {
    const nextTag = tag.done ? source.length : tag.value.start;
    // Character references in the text before the next tag.
    if (amp >= 0 && amp < i) amp = source.indexOf('&', i);
    while (amp >= 0 && amp < nextTag) {
      REFERENCE.lastIndex = amp;
      const match = REFERENCE.exec(source);
      const end = match ? amp + match[0].length : -1;
      const text = match && end <= nextTag ? decodeReference(match) : undefined;
      if (text !== undefined) tokens.push({ start: amp, end, kind: 'cut', text });
      amp = source.indexOf('&', text !== undefined ? end : amp + 1);
    }
    if (tag.done) break;
    const { start, end, name, closing } = tag.value;
    if (!closing && SKIPPED_ELEMENTS.has(name)) {
      // The element and everything up to its end tag (or the end of the text, as a browser reads it) is skipped.
      const close = findEndTag(source, name, end);
      tokens.push({ start, end: close, kind: 'cut' });
      i = close;
      tag = tags.next();
      while (!tag.done && tag.value.start < close) tag = tags.next();
      continue;
    }
    if (BLOCK_TAGS.has(name)) tokens.push({ start, end, kind: 'block' });
    else if (CELL_TAGS.has(name)) tokens.push({ start, end, kind: 'cut', text: ' ' });
    else tokens.push({ start, end, kind: 'cut' });
    i = end;
    tag = tags.next();
  }
  return tokens;
}

function decodeReference(match: RegExpExecArray): string | undefined {
  const [, decimal, hex, name] = match;
  if (name !== undefined) return Object.hasOwn(NAMED_REFERENCES, name) ? NAMED_REFERENCES[name] : undefined;
  const code = decimal !== undefined ? Number.parseInt(decimal, 10) : Number.parseInt(hex, 16);
  // NUL, surrogates and code points past Unicode are left as written (a browser shows U+FFFD).
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return undefined;
  // Controls other than tab and line breaks read as a space, as in the rest of the text.
  if (code < 0x20 || (code >= 0x7f && code < 0xa0)) return ' ';
  return String.fromCodePoint(code);
}

/** Where the element `name` that opened before `from` ends: after its end tag, or at the end of the text. */
function findEndTag(source: string, name: string, from: number): number {
  const pattern = new RegExp(`</${name}[\\s/]*>`, 'gi');
  pattern.lastIndex = from;
  const match = pattern.exec(source);
  return match ? match.index + match[0].length : source.length;
}

/** A tag, comment or declaration: `name` is lower case (`!` for comments and declarations). */
interface TagToken extends Span {
  name: string;
  closing: boolean;
}

/**
 * Tags in order: `<name …>`, `</name>`, `<!-- … -->`, `<!…>`, `<?…>`. A `<` that does not open a well-formed
 * tag (`x < y`, `<5`, a `<` with no `>` before the next `<`) is text. Linear: a tag's scan stops at the first
 * `<` outside a quoted attribute value, and a quoted value is followed only as far as its closing quote.
 */
function* scanTags(source: string): Generator<TagToken> {
  const n = source.length;
  const lastQuote = { '"': source.lastIndexOf('"'), "'": source.lastIndexOf("'") };
  // Searches that cannot succeed are skipped: "<!--" repeated with no "-->" searched to the end every time.
  const lastCommentEnd = source.lastIndexOf('-->');
  const lastGt = source.lastIndexOf('>');
  let i = source.indexOf('<');
  while (i >= 0 && i < n - 1) {
    const next = source.charCodeAt(i + 1);
    let end = -1;
    let name = '';
    let closing = false;
    if (next === 0x21 /* ! */ || next === 0x3f /* ? */) {
      name = '!';
      const close = source.startsWith('<!--', i) && i + 4 <= lastCommentEnd ? source.indexOf('-->', i + 4) : -1;
      if (close >= 0) end = close + 3;
      else {
        const gt = i + 2 <= lastGt ? source.indexOf('>', i + 2) : -1;
        end = gt < 0 ? -1 : gt + 1;
      }
    } else {
      closing = next === 0x2f; /* / */
      let k = closing ? i + 2 : i + 1;
      const nameStart = k;
      while (k < n && isNameChar(source.charCodeAt(k), k === nameStart)) k++;
      if (k > nameStart) {
        name = source.slice(nameStart, k).toLowerCase();
        end = tagEnd(source, k, lastQuote);
      }
    }
    if (end < 0) {
      i = source.indexOf('<', i + 1);
      continue;
    }
    yield { start: i, end, name, closing };
    i = source.indexOf('<', end);
  }
}

/** Tag names: a letter, then letters, digits, `-`, `:`. */
function isNameChar(code: number, first: boolean): boolean {
  const letter = (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
  return first ? letter : letter || (code >= 0x30 && code <= 0x39) || code === 0x2d || code === 0x3a;
}

/** The end (after `>`) of a tag whose attributes start at `k`, or -1 when it is not a tag. */
function tagEnd(source: string, k: number, lastQuote: Record<'"' | "'", number>): number {
  let afterEquals = false;
  for (; k < source.length; k++) {
    const ch = source[k];
    if (ch === '>') return k + 1;
    if (ch === '<') return -1;
    if ((ch === '"' || ch === "'") && afterEquals && k < lastQuote[ch]) {
      const close = source.indexOf(ch, k + 1);
      if (close - k <= MAX_ATTRIBUTE_LENGTH) {
        k = close;
        afterEquals = false;
        continue;
      }
    }
    if (ch === '=') afterEquals = true;
    else if (ch !== ' ' && ch !== '\t' && ch !== '\n' && ch !== '\r') afterEquals = false;
  }
  return -1;
}
