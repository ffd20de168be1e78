/**
 * Bytes in, text out: the one place that decides what a file's bytes mean.
 * UTF-8 (with or without BOM) and UTF-16 (with a BOM, or without one when its NUL-byte pattern says so) are
 * read by default; windows-1251, KOI8-R and CP866 when the `encoding` option names them. Anything else is
 * refused with a typed error (naming the legacy encoding the bytes most likely are) rather than decoded into
 * replacement characters, and a decoding that gives no Latin or Cyrillic letters is not trusted.
 */
import { InputError } from '../errors.js';
import type { Warning } from '../types.js';
import { decoderLabel, encodingName, ENCODINGS, guessLegacyEncoding, plausibleText, sniffUtf16, type Encoding } from './encoding.js';

/** Options for {@link decodeText}. */
export interface DecodeOptions {
  /** Largest input accepted, in bytes (for strings, UTF-16 code units). @default 50_000_000 */
  maxInputSize?: number;
  /** Name of the input for error messages (a file path, a document id). */
  source?: string;
  /**
   * Encoding of byte input (ignored for strings): `auto`, or one of `utf-8`, `utf-16le`, `utf-16be`,
   * `windows-1251`, `koi8-r`, `cp866` (case-insensitive; `cp1251`, `ibm866`, `utf8` … accepted as aliases).
   * `auto` reads UTF-8, UTF-16 with a byte-order mark, and UTF-16 without one recognised from its NUL bytes;
   * it never guesses a legacy encoding, but the `not-utf8` error names the likeliest one. @default 'auto'
   */
  encoding?: Encoding | 'auto' | (string & {});
}

/** Default for {@link DecodeOptions.maxInputSize}: 50 MB, far above any report, well below what exhausts memory. */
export const DEFAULT_MAX_INPUT_SIZE = 50_000_000;

/** How much of the text is looked at to decide whether it is binary. */
const BINARY_SNIFF_LENGTH = 65_536;
/** More control characters than this share of the sniffed text means binary. */
const BINARY_CONTROL_RATIO = 0.01;

/**
 * A control character that survives decoding: U+0000–U+0008, U+000E–U+001F, U+007F (NUL included; not tab, line
 * feed, vertical tab, form feed, CR). Written as the complement of everything else: V8 scans for it nearly
 * twice as fast as for the three ranges themselves.
 */
const CONTROL_CHARACTER = /[^\t-\r\x20-\x7E\x80-\uFFFF]/;

/** Decoded text plus anything worth a warning. */
export interface DecodedText {
  text: string;
  warnings: Warning[];
}

/**
 * Turn bytes or a string into checked text.
 *
 * @throws {InputError} `too-large`, `not-utf8`, `binary`, `empty`; `invalid-input` for anything but a string or
 *   a Uint8Array; `invalid-option` for a `maxInputSize` that is not a positive number.
 */
export function decodeText(input: string | Uint8Array, options: DecodeOptions = {}): DecodedText {
  if (options === null || typeof options !== 'object') throw new InputError('invalid-option', 'the options must be an object');
  const maxInputSize = options.maxInputSize ?? DEFAULT_MAX_INPUT_SIZE;
  const where = { source: options.source };
  // JavaScript callers can pass anything; a TypeError from deep inside would look like a bug of this library.
  if (typeof input !== 'string' && !(input instanceof Uint8Array)) {
    const what =
      input === null
        ? 'null'
        : Array.isArray(input)
          ? 'an array'
          : (input as unknown) instanceof ArrayBuffer
            ? 'an ArrayBuffer (wrap it: new Uint8Array(buffer))'
            : typeof input;
    throw new InputError('invalid-input', `the input must be a string or a Uint8Array of UTF-8 or UTF-16 bytes, not ${what}`, where);
  }
  // NaN compares false with every length, which would silently turn the limit off.
  if (typeof maxInputSize !== 'number' || !(maxInputSize > 0) || maxInputSize === Infinity) {
    throw new InputError('invalid-option', `\`maxInputSize\` must be a positive number of bytes or characters, not ${String(maxInputSize)}`, where);
  }
  const encoding = options.encoding === undefined || options.encoding === 'auto' ? 'auto' : typeof options.encoding === 'string' ? encodingName(options.encoding) : undefined;
  if (encoding === undefined) {
    throw new InputError('invalid-option', `\`encoding\` must be auto or one of ${ENCODINGS.join(', ')}, not ${JSON.stringify(options.encoding)}`, where);
  }
  if (input.length > maxInputSize) {
    throw new InputError(
      'too-large',
      `input is ${input.length.toLocaleString('en-US')} ${typeof input === 'string' ? 'characters' : 'bytes'}, more than the limit of ${maxInputSize.toLocaleString('en-US')}; split it, or raise the \`maxInputSize\` option`,
      where,
    );
  }
  const warnings: Warning[] = [];
  const text = typeof input === 'string' ? input : decodeBytes(input, encoding, options.source, warnings);
  // One scan settles the common case: a text without any control character (NUL included) is neither binary
  // nor worth a warning, and the checks below (two more scans) are skipped.
  if (CONTROL_CHARACTER.test(text)) {
    checkNotBinary(text, options.source);
    warnings.push({
      code: 'control-characters',
      message: 'the text holds control characters; they are treated as spaces',
    });
  }
  if (!/[\p{L}\p{N}]/u.test(text)) {
    throw new InputError('empty', 'the text is empty or holds no letters or digits; give a document with text in it', where);
  }
  return { text, warnings };
}

function decodeBytes(bytes: Uint8Array, encoding: Encoding | 'auto', source: string | undefined, warnings: Warning[]): string {
  if (encoding !== 'auto') return decodeAs(bytes, encoding, source);
  // UTF-16 is decoded strictly too: an odd length or unpaired surrogates mean a cut-off file or bytes that only
  // happen to start like a byte-order mark, which a lenient decoder would turn into replacement characters.
  const bom = bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined;
  if (bom) {
    const text = tryDecode(bytes, bom);
    if (text !== undefined && plausibleText(text)) return text;
    // A stray mark before a UTF-8 body (two files concatenated, an editor's slip): read as UTF-16 it is CJK garbage.
    const rest = bytes.includes(0) ? undefined : tryDecode(bytes.subarray(2), 'utf-8');
    if (rest !== undefined && plausibleText(rest)) {
      warnings.push({ code: 'encoding', message: `the bytes start with a ${bom.toUpperCase()} byte-order mark but the rest is UTF-8 text; read as UTF-8` });
      return rest;
    }
    throw new InputError(
      'not-utf8',
      text === undefined
        ? `the bytes start with a ${bom.toUpperCase()} byte-order mark but are not valid ${bom.toUpperCase()} (cut short, or not text); convert the file to UTF-8 first`
        : `the bytes start with a ${bom.toUpperCase()} byte-order mark, but read as ${bom.toUpperCase()} they hold no Latin or Cyrillic text; convert the file to UTF-8 first`,
      { source },
    );
  }
  const sniff = bytes.subarray(0, BINARY_SNIFF_LENGTH);
  if (sniff.includes(0)) {
    const utf16 = sniffUtf16(bytes);
    const text = utf16 && bytes.length % 2 === 0 ? tryDecode(bytes, utf16) : undefined;
    if (text !== undefined && plausibleText(text)) return text;
    throw new InputError('binary', 'the file holds NUL bytes: it looks binary, not text; give a UTF-8 text file', { source });
  }
  const text = tryDecode(bytes, 'utf-8');
  if (text !== undefined) return text;
  const likely = guessLegacyEncoding(bytes);
  throw new InputError(
    'not-utf8',
    likely
      ? `the bytes are not valid UTF-8; they look like ${likely}: pass the \`encoding\` option ("${likely}"), or convert the file to UTF-8 first (e.g. \`iconv -f ${likely} -t utf-8\`)`
      : 'the bytes are not valid UTF-8, nor recognisably windows-1251, KOI8-R or CP866; convert the file to UTF-8 first (`iconv -f ITS-ENCODING -t utf-8`), or pass the `encoding` option',
    { source },
  );
}

/**
 * One strict decoder per encoding, made on first use: a decode call without `stream` starts afresh (after an
 * error too), so one can serve every document. Making one costs about a microsecond, a tenth of decoding a short
 * news item.
 */
const decoders = new Map<Encoding, InstanceType<typeof TextDecoder>>();

/** Strict decoding (the byte-order mark of the encoding dropped), or undefined when the bytes are not valid in it. */
function tryDecode(bytes: Uint8Array, encoding: Encoding): string | undefined {
  if ((encoding === 'utf-16le' || encoding === 'utf-16be') && bytes.length % 2 !== 0) return undefined;
  let decoder = decoders.get(encoding);
  if (decoder === undefined) {
    // ignoreBOM: false (the default) strips a byte-order mark of the encoding.
    decoder = new TextDecoder(decoderLabel(encoding), { fatal: true });
    decoders.set(encoding, decoder);
  }
  try {
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

/** The bytes in the encoding the caller named. */
function decodeAs(bytes: Uint8Array, encoding: Encoding, source: string | undefined): string {
  const text = tryDecode(bytes, encoding);
  if (text === undefined) {
    throw new InputError('not-utf8', `the bytes are not valid ${encoding}; check the \`encoding\` option, or convert the file to UTF-8 first`, { source });
  }
  return text;
}

function checkNotBinary(text: string, source: string | undefined): void {
  const sniff = text.length > BINARY_SNIFF_LENGTH ? text.slice(0, BINARY_SNIFF_LENGTH) : text;
  if (sniff.includes('\u0000')) {
    throw new InputError('binary', 'the text holds NUL characters: it looks binary, not text; give plain text', { source });
  }
  const controls = sniff.match(/[\u0001-\u0008\u000E-\u001F\u007F]/g)?.length ?? 0;
  if (controls > sniff.length * BINARY_CONTROL_RATIO) {
    throw new InputError('binary', 'the text is full of control characters: it looks binary, not text; give plain text', {
      source,
    });
  }
}
