/**
 * From text to a {@link Document}: decode, cut paragraphs, read metadata, decide the language, attach anchors.
 * The only stage that composes the text and anchor stages; everything after it works on Documents.
 */
import { extractAnchors } from './anchors/extract.js';
import { numericDateOrder } from './anchors/numbers.js';
import { InputError, toSafeResult, type SafeResult } from './errors.js';
import { decodeText } from './text/decode.js';
import { contradictedLanguage, detectLanguage, normalizeLang } from './text/language.js';
import { findMetadata } from './text/metadata.js';
import { toSourceOffset } from './text/normalize.js';
import { splitParagraphs } from './text/paragraphs.js';
import type { Anchor, Document, Paragraph, ParseOptions, Span, Warning } from './types.js';

/**
 * Parse a text (a string, or UTF-8 / UTF-16-with-BOM bytes) into an anchored {@link Document}.
 *
 * @throws {InputError} `empty`, `not-utf8`, `binary`, `too-large`, or `undetected-language` when the text has
 *   no Russian or English letters and no `lang` option was given; `invalid-input` when the input is not a
 *   string or bytes; `invalid-option` for an option value it cannot take.
 */
export function parseDocument(input: string | Uint8Array, options: ParseOptions = {}): Document {
  checkParseOptions(options);
  const givenLang = options.lang === undefined ? undefined : normalizeLang(options.lang);
  const { text: source, warnings } = decodeText(input, { maxInputSize: options.maxInputSize, source: options.id, encoding: options.encoding });
  const { paragraphs: bare, mode } = splitParagraphs(source, { mode: options.paragraphs });
  const meta = findMetadata(source, bare, { date: options.date });
  if (mode === 'html') {
    warnings.push({
      code: 'markup',
      message: 'the text looks like HTML; tags were ignored (paragraphs cut at block tags, entities decoded, scripts and styles skipped)',
    });
  }

  // Detection costs as much as the rest of parsing together; a given language skips it. In HTML, tag names and
  // attributes are Latin letters, so the language is read from the visible text only.
  const visible = mode === 'html' ? bare.map((paragraph) => paragraph.clean).join('\n\n') : source;
  const contradiction = givenLang ? contradictedLanguage(visible, givenLang) : undefined;
  const guess = givenLang ? { lang: givenLang, warnings: contradiction ? [contradiction] : [] } : detectLanguage(visible);
  const lang = guess.lang;
  if (!lang) {
    throw new InputError(
      'undetected-language',
      'no Russian or English text found; pass the `lang` option if the text is one of them',
      { source: options.id },
    );
  }
  warnings.push(...guess.warnings);

  const anchorDate = meta.date && /^\d{4}-\d{2}-\d{2}$/.test(meta.date) ? meta.date : undefined;
  // Numeric slash dates are read in the order the whole document shows (one paragraph may not tell).
  const dateOrder = options.dateOrder ?? numericDateOrder(source);
  const anchorOptions = { date: anchorDate, dateOrder, glossary: options.glossary, lexicon: options.lexicon };
  const strings: SharedStrings | undefined = source.length >= SHARED_STRINGS_FROM ? { byKey: new Map(), surfaces: new Map(), names: new Map() } : undefined;
  const paragraphs: Paragraph[] = bare.map(({ index, start, end, text, clean, shifts }) => {
    // The clean text is the source's own characters at the paragraph's offset: each anchor's surface is the
    // source's slice already.
    const verbatim = clean === text && shifts.length === 1 && shifts[0]![0] === 0 && shifts[0]![1] === start;
    const anchors = relocateAll(extractAnchors(clean, lang, anchorOptions), { shifts }, source, meta.spans, strings, verbatim);
    // Written out rather than spread: each spread copy took a hidden class of its own (16 000 of them, 4 MB, in a 5 MB pair).
    // A clean text equal to the text is the same string (one slice of the source, not two); the shifts are a list
    // grown by push, with room for 16 where most hold one: a copy holds exactly its shifts (2 MB in a 5 MB pair).
    return { index, start, end, text, clean: clean === text ? text : clean, shifts: shifts.slice(), anchors };
  });

  if (!paragraphs.some((paragraph) => paragraph.anchors.some((anchor) => anchor.kind !== 'term'))) {
    warnings.push({ code: 'no-anchors', message: 'no numbers or names found: this document aligns by length and order only' });
  }
  const document: Document = {
    lang,
    langSource: givenLang ? 'option' : 'detected',
    source,
    paragraphs,
    meta,
    warnings: dedupeWarnings(warnings),
  };
  if (options.id !== undefined) document.id = options.id;
  return document;
}

/** True for an already parsed {@link Document} (as opposed to text or bytes). */
export function isDocument(input: unknown): input is Document {
  // null is an object too: it goes on to parseDocument, which refuses it with a typed error.
  return typeof input === 'object' && input !== null && !(input instanceof Uint8Array) && Array.isArray((input as Document).paragraphs);
}

const ANCHOR_KINDS = new Set(['number', 'year', 'ordinal', 'date', 'entity', 'term']);

/**
 * Check that a Document given back to the library (to `alignDocuments`, `pairDocuments`) is still one it can
 * work on: JavaScript callers can change its fields, and a paragraph offset past the text or a non-string id
 * would otherwise fail deep inside an export as a TypeError. Linear in the paragraphs and anchors.
 *
 * @throws {InputError} `invalid-input` naming the first field that is wrong
 */
export function checkDocument(doc: Document, source?: string): Document {
  const where = { source: typeof doc?.id === 'string' ? doc.id : source };
  const fail = (what: string): never => {
    throw new InputError('invalid-input', `not a Document parseDocument made, or one changed since: ${what}`, where);
  };
  const isOffset = (value: unknown, length: number): boolean => Number.isInteger(value) && (value as number) >= 0 && (value as number) <= length;
  if (doc.lang !== 'ru' && doc.lang !== 'en') fail(`\`lang\` is ${describe(doc.lang)}, not "ru" or "en"`);
  if (doc.id !== undefined && typeof doc.id !== 'string') fail(`\`id\` is ${describe(doc.id)}, not a string`);
  if (typeof doc.source !== 'string') fail('`source` is not a string');
  if (!doc.meta || typeof doc.meta !== 'object' || !Array.isArray(doc.meta.spans)) fail('`meta` has no `spans` list');
  if (!doc.meta.spans.every((span) => span !== null && typeof span === 'object' && isOffset(span.start, Infinity) && isOffset(span.end, Infinity))) fail('`meta.spans` holds something that is not a span');
  for (const field of ['date', 'place', 'title'] as const) {
    if (doc.meta[field] !== undefined && typeof doc.meta[field] !== 'string') fail(`\`meta.${field}\` is not a string`);
  }
  if (!Array.isArray(doc.warnings) || !doc.warnings.every((w) => w !== null && typeof w === 'object' && typeof w.code === 'string' && typeof w.message === 'string')) {
    fail('`warnings` is not a list of {code, message}');
  }
  if (doc.langSource !== 'option' && doc.langSource !== 'detected') fail(`\`langSource\` is ${describe(doc.langSource)}`);
  const length = doc.source.length;
  let previousEnd = 0;
  doc.paragraphs.forEach((p, k) => {
    const at = `paragraph ${k}`;
    if (!p || typeof p !== 'object') fail(`${at} is not an object`);
    if (p.index !== k) fail(`${at} has index ${describe(p.index)}`);
    if (!isOffset(p.start, length) || !isOffset(p.end, length) || p.start > p.end || p.start < previousEnd) {
      fail(`${at} spans ${describe(p.start)}–${describe(p.end)}, not inside the source in order`);
    }
    previousEnd = p.end;
    if (typeof p.text !== 'string' || typeof p.clean !== 'string') fail(`${at} has no \`text\` or \`clean\` string`);
    if (doc.source.slice(p.start, p.end) !== p.text) fail(`${at}: \`text\` is not \`source.slice(start, end)\``);
    if (!Array.isArray(p.shifts) || p.shifts.length === 0 || p.shifts[0]?.[0] !== 0 || p.shifts[0]?.[1] !== p.start) fail(`${at} has malformed \`shifts\``);
    let cleanAt = 0;
    for (const shift of p.shifts) {
      // Breakpoints sorted by clean offset, each inside the clean text and the paragraph's span.
      if (!Array.isArray(shift) || !Number.isInteger(shift[0]) || !Number.isInteger(shift[1]) || shift[0] < cleanAt || shift[0] > p.clean.length || shift[1] < p.start || shift[1] > p.end) {
        fail(`${at} has malformed \`shifts\``);
      }
      cleanAt = shift[0];
    }
    if (!Array.isArray(p.anchors)) fail(`${at} has no \`anchors\` list`);
    for (const anchor of p.anchors) {
      if (
        !anchor ||
        typeof anchor !== 'object' ||
        !ANCHOR_KINDS.has(anchor.kind) ||
        typeof anchor.key !== 'string' ||
        typeof anchor.surface !== 'string' ||
        !isOffset(anchor.start, length) ||
        !isOffset(anchor.end, length) ||
        anchor.start > anchor.end ||
        anchor.start < p.start ||
        anchor.end > p.end ||
        doc.source.slice(anchor.start, anchor.end) !== anchor.surface ||
        !(Number.isFinite(anchor.weight) && anchor.weight >= 0) ||
        (anchor.value !== undefined && !Number.isFinite(anchor.value))
      ) {
        fail(`${at} has a malformed anchor (${describe(anchor?.key)})`);
      }
    }
  });
  return doc;
}

/** {@link parseDocument} without throwing: `{success: true, data}` or `{success: false, error}`. */
export function safeParseDocument(input: string | Uint8Array, options: ParseOptions = {}): SafeResult<Document> {
  return toSafeResult(() => parseDocument(input, options));
}

const PARAGRAPH_MODES = ['auto', 'text', 'html', 'blank-line', 'line', 'indent'];
/** An ISO calendar date. */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Refuse option values that would otherwise fail deep inside (a TypeError that looks like a bug of this
 * library) or be ignored without a word. JavaScript callers and JSON configurations can pass anything.
 *
 * @throws {InputError} `invalid-option`
 */
export function checkParseOptions(options: ParseOptions): void {
  const fail = (message: string): never => {
    throw new InputError('invalid-option', message, { source: typeof options?.id === 'string' ? options.id : undefined });
  };
  if (options === null || typeof options !== 'object') fail('the options must be an object');
  if (options.id !== undefined && typeof options.id !== 'string') fail(`\`id\` must be a string, not ${describe(options.id)}`);
  if (options.lang !== undefined && !normalizeLang(options.lang)) {
    fail(`\`lang\` must be "ru" or "en" (any case, a region such as "ru-RU" allowed), not ${describe(options.lang)}`);
  }
  if (options.paragraphs !== undefined && !PARAGRAPH_MODES.includes(options.paragraphs)) {
    fail(`\`paragraphs\` must be one of ${PARAGRAPH_MODES.join(', ')}, not ${JSON.stringify(options.paragraphs)}`);
  }
  if (options.date !== undefined && !isIsoDate(options.date)) fail(`\`date\` must be an ISO date string (YYYY-MM-DD), not ${describe(options.date)}`);
  const strings = (value: unknown): boolean => Array.isArray(value) && value.every((item) => typeof item === 'string');
  if (options.glossary !== undefined && !(Array.isArray(options.glossary) && options.glossary.every((e) => typeof e?.id === 'string' && strings(e.forms)))) {
    fail('`glossary` must be a list of {id: string, forms: string[]}');
  }
  if (options.lexicon !== undefined && !(Array.isArray(options.lexicon) && options.lexicon.every((e) => typeof e?.id === 'string' && strings(e.ru) && strings(e.en)))) {
    fail('`lexicon` must be a list of {id: string, ru: string[], en: string[]}');
  }
}

/** True for a real calendar date written `YYYY-MM-DD`. */
function isIsoDate(value: unknown): boolean {
  const match = typeof value === 'string' ? ISO_DATE.exec(value) : null;
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A value as a message shows it (bounded: a caller may pass a huge string). */
export function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (value === null || Array.isArray(value)) return value === null ? 'null' : 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'function') return 'a function';
  return String(value);
}

/**
 * The strings a document's anchors share, see {@link relocateAll}: per key, the key itself and the surfaces seen
 * with it; the names.
 */
interface SharedStrings {
  byKey: Map<string, { key: string; surfaces: string[] }>;
  /** Every surface, for one first seen under another key (the same word as a name and as a term). */
  surfaces: Map<string, string>;
  names: Map<string, string>;
}

/**
 * Source length (UTF-16 code units) from which a document's anchors share their strings (see {@link relocateAll}).
 * Sharing spares memory where a text repeats its figures and names many times, and costs a hash look-up per
 * anchor; a shorter text holds too few anchors for the copies to matter (~7 % of parsing a collection of news).
 */
const SHARED_STRINGS_FROM = 64 * 1024;

/** Surfaces kept per key to compare in place: past them (rare), a surface is found by its slice alone. */
const SURFACES_PER_KEY = 8;

/**
 * Move freshly extracted anchors from clean-paragraph offsets to source offsets, in place (they are this
 * call's own objects); drop those that lie in metadata. In a long text (`strings` given, see
 * {@link SHARED_STRINGS_FROM}) equal keys, surfaces and names share one string through `strings`: a document repeats few of them many times (145 000 anchors, 1 700 keys, 5 800 surfaces and 1 200
 * names in a 5 MB pair), and a short slice of the source is a copy of its own. Surfaces are shared through their
 * key (an anchor's key has one or a few surfaces): one look-up for both, and a repeated surface is found by
 * comparing it with the source in place, without slicing it first. In a short text whose paragraph is `verbatim`
 * (its clean text the very characters of the source there), the surfaces the extractors gave are kept: they hold
 * the source's characters already, and a one-word term's is its spelling's string in the word table, not a copy.
 */
function relocateAll(
  anchors: Anchor[],
  paragraph: Pick<Paragraph, 'shifts'>,
  source: string,
  metaSpans: Span[],
  strings: SharedStrings | undefined,
  verbatim: boolean,
): Anchor[] {
  const kept: Anchor[] = [];
  for (const anchor of anchors) {
    // toSourceSpan's offsets, without a span object per anchor.
    const start = toSourceOffset(paragraph, anchor.start);
    const end = anchor.end <= anchor.start ? start : toSourceOffset(paragraph, anchor.end - 1) + 1;
    if (overlapsAny(metaSpans, start, end)) continue;
    if (strings === undefined) {
      anchor.start = start;
      anchor.end = end;
      if (!verbatim) anchor.surface = source.slice(start, end);
      kept.push(anchor);
      continue;
    }
    let shared = strings.byKey.get(anchor.key);
    if (shared === undefined) {
      shared = { key: anchor.key, surfaces: [] };
      strings.byKey.set(anchor.key, shared);
    }
    anchor.key = shared.key;
    anchor.start = start;
    anchor.end = end;
    anchor.surface = sharedSurface(shared.surfaces, strings.surfaces, source, start, end);
    if (anchor.name !== undefined) {
      const name = strings.names.get(anchor.name);
      if (name === undefined) strings.names.set(anchor.name, anchor.name);
      else anchor.name = name;
    }
    kept.push(anchor);
  }
  // A list grown by push keeps spare room; a copy holds exactly its anchors (16 000 lists in a 5 MB pair).
  return kept.slice();
}

/**
 * The one of `surfaces` (a key's) that reads `source[start, end)`; else that text as `all` (every surface of the
 * document) holds it, added to `surfaces` while there is room.
 */
function sharedSurface(surfaces: string[], all: Map<string, string>, source: string, start: number, end: number): string {
  for (const surface of surfaces) if (readsAt(surface, source, start, end)) return surface;
  const slice = source.slice(start, end);
  let surface = all.get(slice);
  if (surface === undefined) all.set(slice, (surface = slice));
  if (surfaces.length < SURFACES_PER_KEY) surfaces.push(surface);
  return surface;
}

/** Is `text` what `source` holds in `[start, end)`? Compared in place. */
function readsAt(text: string, source: string, start: number, end: number): boolean {
  if (text.length !== end - start) return false;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) !== source.charCodeAt(start + i)) return false;
  return true;
}

/** Does `[start, end)` overlap one of `spans`? (A plain loop: this runs for every anchor.) */
function overlapsAny(spans: Span[], start: number, end: number): boolean {
  for (const span of spans) if (start < span.end && end > span.start) return true;
  return false;
}

function dedupeWarnings(warnings: Warning[]): Warning[] {
  const seen = new Set<string>();
  return warnings.filter((warning) => !seen.has(warning.code) && seen.add(warning.code));
}
