/**
 * Bytes in, text out: the one place that decides what a file's bytes mean.
 * UTF-8 (with or without BOM) and UTF-16 with a BOM are accepted; anything else is refused with a typed error
 * rather than decoded into replacement characters.
 */
import { InputError } from '../errors.js';
import type { Warning } from '../types.js';

/** Options for {@link decodeText}. */
export interface DecodeOptions {
  /** Largest input accepted, in bytes (for strings, UTF-16 code units). @default 50_000_000 */
  maxInputSize?: number;
  /** Name of the input for error messages (a file path, a document id). */
  source?: string;
}

/** Default for {@link DecodeOptions.maxInputSize}: 50 MB, far above any report, well below what exhausts memory. */
export const DEFAULT_MAX_INPUT_SIZE = 50_000_000;

/** How much of the text is looked at to decide whether it is binary. */
const BINARY_SNIFF_LENGTH = 65_536;
/** More control characters than this share of the sniffed text means binary. */
const BINARY_CONTROL_RATIO = 0.01;

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
  if (typeof maxInputSize !== 'number' || !(maxInputSize > 0)) {
    throw new InputError('invalid-option', `\`maxInputSize\` must be a positive number of bytes or characters, not ${String(maxInputSize)}`, where);
  }
  if (input.length > maxInputSize) {
    throw new InputError(
      'too-large',
      `input is ${input.length.toLocaleString('en-US')} ${typeof input === 'string' ? 'characters' : 'bytes'}, more than the limit of ${maxInputSize.toLocaleString('en-US')}; split it, or raise the \`maxInputSize\` option`,
      where,
    );
  }
  const text = typeof input === 'string' ? input : decodeBytes(input, options.source);
  const warnings: Warning[] = [];
  checkNotBinary(text, options.source);
  if (/[\u0000-\u0008\u000E-\u001F\u007F]/.test(text)) {
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

function decodeBytes(bytes: Uint8Array, source: string | undefined): string {
  // UTF-16 is decoded strictly too: an odd length or unpaired surrogates mean a cut-off file or bytes that only
  // happen to start like a byte-order mark, which a lenient decoder would turn into replacement characters.
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes, 'utf-16le', source);
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes, 'utf-16be', source);
  const sniff = bytes.subarray(0, BINARY_SNIFF_LENGTH);
  if (sniff.includes(0)) {
    throw new InputError('binary', 'the file holds NUL bytes: it looks binary, not text; give a UTF-8 text file', { source });
  }
  try {
    // ignoreBOM: false (the default) strips a UTF-8 byte-order mark.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (cause) {
    throw new InputError(
      'not-utf8',
      'the bytes are not valid UTF-8; convert the file to UTF-8 first (e.g. `iconv -f cp1251 -t utf-8`)',
      { source, cause },
    );
  }
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', source: string | undefined): string {
  try {
    if (bytes.length % 2 !== 0) throw new RangeError('odd number of bytes');
    return new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(2));
  } catch (cause) {
    throw new InputError(
      'not-utf8',
      `the bytes start with a ${encoding.toUpperCase()} byte-order mark but are not valid ${encoding.toUpperCase()} (cut short, or not text); convert the file to UTF-8 first`,
      { source, cause },
    );
  }
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
