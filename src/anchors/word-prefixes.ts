/**
 * A first look at a word, before it is cut out of the text or hashed: a table of the first three letters (case
 * and `ё` folded) of a set of words says that a word cannot be one of them, so that most words of a text are
 * passed over at the cost of three character reads. Used by the word pass of numbers.ts, where number words
 * are a few hundred spellings among all the words of a text.
 *
 * Only ASCII and basic Russian letters have a place in a key; a word whose first letters are anything else has no
 * key and must be looked at in full (exact for every word: the answer "cannot be" is never wrong).
 */

/** Letters per key. */
const KEY_LETTERS = 3;
/** Bits per letter in a key: index 0 stands for "no more letters", 1–26 for a–z, 27–58 for а–я (ё as е). */
const LETTER_BITS = 6;

/** Index of a letter in a key (case folded, ё as е), or -1 when the character has no index. */
export function letterIndex(code: number): number {
  if (code >= 0x61 && code <= 0x7a) return code - 0x60; // a-z
  if (code >= 0x41 && code <= 0x5a) return code - 0x40; // A-Z
  if (code >= 0x430 && code <= 0x44f) return code - 0x430 + 27; // а-я
  if (code >= 0x410 && code <= 0x42f) return code - 0x410 + 27; // А-Я
  if (code === 0x451 || code === 0x401) return 0x435 - 0x430 + 27; // ё Ё as е
  return -1;
}

/** The key of the word `text.slice(start, end)`, from its first three letters, or -1 when they have none. */
export function prefixKey(text: string, start: number, end: number): number {
  let key = 0;
  for (let k = 0; k < KEY_LETTERS; k++) {
    let index = 0;
    if (start + k < end) {
      index = letterIndex(text.charCodeAt(start + k));
      if (index < 0) return -1;
    }
    key = (key << LETTER_BITS) | index;
  }
  return key;
}

/**
 * The first-letters table of a set of words (any case; a word without a key is refused): one bit per key, 32 KB,
 * small enough to stay in the processor's cache while a text is read.
 */
export function prefixTable(words: Iterable<string>): Uint32Array {
  const table = new Uint32Array((1 << (KEY_LETTERS * LETTER_BITS)) >>> 5);
  for (const word of words) {
    const key = prefixKey(word, 0, word.length);
    if (key < 0) throw new Error(`prefixTable: "${word}" has no key`);
    table[key >>> 5] |= 1 << (key & 31);
  }
  return table;
}

/**
 * False only when `text.slice(start, end)` (a word) surely does not start with the first letters of any word
 * of `table`, up to case and `ё`: true for a word without a key.
 */
export function mayBeInTable(table: Uint32Array, text: string, start: number, end: number): boolean {
  const key = prefixKey(text, start, end);
  return key < 0 || (table[key >>> 5] & (1 << (key & 31))) !== 0;
}

/** Cyrillic code points that are no letters: ҂ and the combining marks U+0483–U+0489. */
const isCyrillicNonLetter = (code: number): boolean => code >= 0x482 && code <= 0x489;

/** An ASCII or Cyrillic letter: a code unit {@link letterRunEnd} reads as a letter without asking Unicode. */
export function isPlainLetterCode(code: number): boolean {
  if (code < 0x80) return (code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a;
  return code >= 0x400 && code <= 0x4ff && !isCyrillicNonLetter(code);
}

/** Is every code unit of `word` (one or more) an ASCII or Cyrillic letter ({@link isPlainLetterCode})? */
export function isPlainLetterWord(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (!isPlainLetterCode(word.charCodeAt(i))) return false;
  return word.length > 0;
}
const LETTER = /\p{L}/u;

/**
 * The end of the run of letters (`\p{L}+`) that starts at `pos`, or `pos` when no letter is there. Fast paths for
 * ASCII and Cyrillic; other characters by their Unicode category, astral ones as whole code points.
 */
export function letterRunEnd(text: string, pos: number): number {
  let i = pos;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a)) i++;
      else break;
    } else if (c >= 0x400 && c <= 0x4ff) {
      if (isCyrillicNonLetter(c)) break;
      i++;
    } else {
      const cp = text.codePointAt(i)!;
      const width = cp > 0xffff ? 2 : 1;
      if (!LETTER.test(text.slice(i, i + width))) break;
      i += width;
    }
  }
  return i;
}
