/**
 * From text to a {@link Document}: decode, cut paragraphs, read metadata, decide the language, attach anchors.
 * The only stage that composes the text and anchor stages; everything after it works on Documents.
 */
import { extractAnchors } from './anchors/extract.js';
import { numericDateOrder } from './anchors/numbers.js';
import { InputError, toSafeResult, type SafeResult } from './errors.js';
import { decodeText } from './text/decode.js';
import { detectLanguage } from './text/language.js';
import { findMetadata } from './text/metadata.js';
import { toSourceSpan } from './text/normalize.js';
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
  const { text: source, warnings } = decodeText(input, { maxInputSize: options.maxInputSize, source: options.id });
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
  const guess = options.lang
    ? { lang: options.lang, warnings: [] }
    : detectLanguage(mode === 'html' ? bare.map((paragraph) => paragraph.clean).join('\n\n') : source);
  const lang = guess.lang;
  if (!lang) {
    throw new InputError(
      'undetected-language',
      'no Russian or English text found; pass the `lang` option (CLI: --lang-a/--lang-b) if the text is one of them',
      { source: options.id },
    );
  }
  warnings.push(...guess.warnings);

  const anchorDate = meta.date && /^\d{4}-\d{2}-\d{2}$/.test(meta.date) ? meta.date : undefined;
  // Numeric slash dates are read in the order the whole document shows (one paragraph may not tell).
  const dateOrder = options.dateOrder ?? numericDateOrder(source);
  const paragraphs: Paragraph[] = bare.map((paragraph) => {
    const anchors = extractAnchors(paragraph.clean, lang, {
      date: anchorDate,
      dateOrder,
      glossary: options.glossary,
      lexicon: options.lexicon,
    }).flatMap((anchor) => relocate(anchor, paragraph, source, meta.spans));
    return { ...paragraph, anchors };
  });

  if (!paragraphs.some((paragraph) => paragraph.anchors.some((anchor) => anchor.kind !== 'term'))) {
    warnings.push({ code: 'no-anchors', message: 'no numbers or names found: this document aligns by length and order only' });
  }
  const document: Document = {
    lang,
    langSource: options.lang ? 'option' : 'detected',
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

/** {@link parseDocument} without throwing: `{success: true, data}` or `{success: false, error}`. */
export function safeParseDocument(input: string | Uint8Array, options: ParseOptions = {}): SafeResult<Document> {
  return toSafeResult(() => parseDocument(input, options));
}

const PARAGRAPH_MODES = ['auto', 'blank-line', 'line', 'html'];

/**
 * Refuse option values that would otherwise fail deep inside (a TypeError that looks like a bug of this
 * library) or be ignored without a word. JavaScript callers and JSON configurations can pass anything.
 *
 * @throws {InputError} `invalid-option`
 */
function checkParseOptions(options: ParseOptions): void {
  const fail = (message: string): never => {
    throw new InputError('invalid-option', message, { source: typeof options?.id === 'string' ? options.id : undefined });
  };
  if (options === null || typeof options !== 'object') fail('the options must be an object');
  if (options.lang !== undefined && options.lang !== 'ru' && options.lang !== 'en') {
    fail(`\`lang\` must be "ru" or "en", not ${JSON.stringify(options.lang)}`);
  }
  if (options.paragraphs !== undefined && !PARAGRAPH_MODES.includes(options.paragraphs)) {
    fail(`\`paragraphs\` must be one of ${PARAGRAPH_MODES.join(', ')}, not ${JSON.stringify(options.paragraphs)}`);
  }
  if (options.date !== undefined && typeof options.date !== 'string') fail('`date` must be an ISO date string (YYYY-MM-DD)');
  const strings = (value: unknown): boolean => Array.isArray(value) && value.every((item) => typeof item === 'string');
  if (options.glossary !== undefined && !(Array.isArray(options.glossary) && options.glossary.every((e) => typeof e?.id === 'string' && strings(e.forms)))) {
    fail('`glossary` must be a list of {id: string, forms: string[]}');
  }
  if (options.lexicon !== undefined && !(Array.isArray(options.lexicon) && options.lexicon.every((e) => typeof e?.id === 'string' && strings(e.ru) && strings(e.en)))) {
    fail('`lexicon` must be a list of {id: string, ru: string[], en: string[]}');
  }
}

/** Move an anchor from clean-paragraph offsets to source offsets; drop it when it lies in metadata. */
function relocate(anchor: Anchor, paragraph: Pick<Paragraph, 'shifts'>, source: string, metaSpans: Span[]): Anchor[] {
  const span = toSourceSpan(paragraph, anchor.start, anchor.end);
  if (metaSpans.some((meta) => span.start < meta.end && span.end > meta.start)) return [];
  return [{ ...anchor, start: span.start, end: span.end, surface: source.slice(span.start, span.end) }];
}

function dedupeWarnings(warnings: Warning[]): Warning[] {
  const seen = new Set<string>();
  return warnings.filter((warning) => !seen.has(warning.code) && seen.add(warning.code));
}
