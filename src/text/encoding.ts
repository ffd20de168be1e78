/**
 * Which encoding a text's bytes are in, where the bytes alone do not say: UTF-16 without a byte-order mark (told
 * by where its NUL bytes fall), whether a decoding is plausible text (letters of the Latin and Cyrillic scripts
 * this library reads, not CJK garbage from UTF-8 read as UTF-16), and which legacy Cyrillic encoding
 * (windows-1251, KOI8-R, CP866) bytes that are not UTF-8 most likely are, from Russian letter frequencies.
 * Pure functions over bytes and strings; Node's TextDecoder does the decoding.
 */

/** Encodings the `encoding` option accepts (canonical names). */
export const ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1251', 'koi8-r', 'cp866'] as const;
/** One of {@link ENCODINGS}. */
export type Encoding = (typeof ENCODINGS)[number];

/** Legacy single-byte Cyrillic encodings, in the order a tie is broken. */
export const LEGACY_CYRILLIC: readonly Encoding[] = ['windows-1251', 'koi8-r', 'cp866'];

/** Other names accepted for an encoding (compared case-insensitively, `_` read as `-`). */
const ALIASES: Record<string, Encoding> = {
  'utf-8': 'utf-8', utf8: 'utf-8',
  'utf-16le': 'utf-16le', utf16le: 'utf-16le',
  'utf-16be': 'utf-16be', utf16be: 'utf-16be',
  'windows-1251': 'windows-1251', cp1251: 'windows-1251', 'cp-1251': 'windows-1251', win1251: 'windows-1251', 'win-1251': 'windows-1251',
  'koi8-r': 'koi8-r', koi8r: 'koi8-r', koi8: 'koi8-r',
  cp866: 'cp866', 'cp-866': 'cp866', ibm866: 'cp866', '866': 'cp866', dos866: 'cp866',
};

/** The canonical name of an encoding label, or undefined when it is not one this library decodes. */
export function encodingName(label: string): Encoding | undefined {
  const key = label.trim().toLowerCase().replace(/_/g, '-');
  return Object.hasOwn(ALIASES, key) ? ALIASES[key] : undefined;
}

/** The WHATWG label TextDecoder knows an encoding by. */
export function decoderLabel(encoding: Encoding): string {
  return encoding === 'cp866' ? 'ibm866' : encoding;
}

/** Bytes looked at to tell an encoding. */
const SNIFF_BYTES = 65_536;

/**
 * `utf-16le` or `utf-16be` when bytes without a byte-order mark have the NUL-byte pattern of UTF-16 text: NUL
 * high bytes (every ASCII character, spaces and digits included) on one parity of offsets, and next to no NUL
 * on the other. Random binary data has its NULs on both parities; UTF-8 text has none.
 */
export function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const length = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  if (length < 4) return undefined;
  let even = 0;
  let odd = 0;
  for (let k = 0; k < length; k += 2) {
    if (bytes[k] === 0) even++;
    if (bytes[k + 1] === 0) odd++;
  }
  const units = length / 2;
  // Even Cyrillic text has a space, digit or punctuation mark in every few characters.
  if (odd >= 0.05 * units && even <= 0.01 * units) return 'utf-16le';
  if (even >= 0.05 * units && odd <= 0.01 * units) return 'utf-16be';
  return undefined;
}

/**
 * Whether decoded text looks like text this library can read: most of its letters (in the first 64 K
 * characters) Latin or Cyrillic. UTF-8 bytes read as UTF-16 give CJK ideographs and Hangul instead.
 */
export function plausibleText(text: string): boolean {
  const sample = text.length > SNIFF_BYTES ? text.slice(0, SNIFF_BYTES) : text;
  let letters = 0;
  let readable = 0;
  for (const match of sample.matchAll(/\p{L}/gu)) {
    letters++;
    const code = match[0].codePointAt(0)!;
    if (code < 0x0250 || (code >= 0x0370 && code <= 0x052f) || (code >= 0x1e00 && code <= 0x1fff)) readable++;
  }
  return letters === 0 || readable >= 0.5 * letters;
}

/**
 * Frequencies of Russian lower-case letters in running text (per letter; Sharoff's national corpus counts,
 * rounded), used to score how Russian a decoding reads.
 */
const RUSSIAN_FREQUENCY: Record<string, number> = {
  о: 0.110, е: 0.085, а: 0.080, и: 0.074, н: 0.067, т: 0.063, с: 0.055, р: 0.047, в: 0.045, л: 0.044, к: 0.035,
  м: 0.032, д: 0.030, п: 0.028, у: 0.026, я: 0.020, ы: 0.019, ь: 0.017, г: 0.017, з: 0.016, б: 0.016, ч: 0.014,
  й: 0.012, х: 0.010, ж: 0.009, ш: 0.007, ю: 0.006, ц: 0.005, щ: 0.004, э: 0.003, ф: 0.003, ъ: 0.0004, ё: 0.001,
};
/** An upper-case letter counts this much of its lower-case frequency (Russian text is mostly lower case). */
const UPPER_CASE_WEIGHT = 0.25;
/** Mean letter score of real Russian text is about 0.055; a wrong decoding scores well under half of it. */
const MIN_RUSSIAN_SCORE = 0.03;

/**
 * How Russian the non-ASCII characters of a decoding read: the mean frequency of the letters they are (upper
 * case counted at a quarter, anything but a Cyrillic letter at zero); zero when the decoding has fewer Cyrillic
 * letters than ASCII ones (Latin-1 text, whose few accents read as Cyrillic). A right decoding of Russian text scores
 * about 0.05–0.06; the wrong ones turn lower case into upper case (KOI8-R read as windows-1251) or letters into
 * box-drawing characters (windows-1251 read as CP866) and score far less.
 */
export function russianScore(text: string): number {
  let count = 0;
  let score = 0;
  let ascii = 0;
  let cyrillic = 0;
  const n = Math.min(text.length, SNIFF_BYTES);
  for (let k = 0; k < n; k++) {
    const ch = text[k];
    const code = ch.charCodeAt(0);
    if (code < 0x80) {
      if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) ascii++;
      continue;
    }
    count++;
    if (code >= 0x0400 && code <= 0x04ff) cyrillic++;
    const lower = ch.toLowerCase();
    const frequency = RUSSIAN_FREQUENCY[lower];
    if (frequency !== undefined) score += lower === ch ? frequency : frequency * UPPER_CASE_WEIGHT;
  }
  // Latin-1 text read as windows-1251 turns its few accented letters into Cyrillic ones (é → й): a Russian text
  // has more Cyrillic letters than ASCII ones.
  if (count === 0 || cyrillic < ascii) return 0;
  return score / count;
}

/**
 * The legacy Cyrillic encoding bytes (that are not UTF-8) most likely are, or undefined when none reads as
 * Russian: each candidate decoding scored by {@link russianScore}, the best taken when it is plausible.
 */
export function guessLegacyEncoding(bytes: Uint8Array): Encoding | undefined {
  const sample = bytes.subarray(0, SNIFF_BYTES);
  let best: { encoding: Encoding; score: number } | undefined;
  for (const encoding of LEGACY_CYRILLIC) {
    let text: string;
    try {
      text = new TextDecoder(decoderLabel(encoding), { fatal: true }).decode(sample);
    } catch {
      continue;
    }
    const score = russianScore(text);
    if (!best || score > best.score) best = { encoding, score };
  }
  return best && best.score >= MIN_RUSSIAN_SCORE ? best.encoding : undefined;
}
