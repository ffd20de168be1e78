/**
 * Homoglyphs: words that mix Latin and Cyrillic letters which look alike ("Mоscow" with a Cyrillic о, «Москвa»
 * with a Latin a). Such a word is read as its main script intends (one letter for one, so offsets hold), and the
 * checker reports it once as mixed script instead of as two different names.
 */

// Look-alike pairs, Cyrillic → Latin (lower and upper case).
const CYR_TO_LAT: Record<string, string> = {
  'а': 'a', 'е': 'e', 'о': 'o', 'р': 'p', 'с': 'c', 'у': 'y', 'х': 'x', 'і': 'i', 'ј': 'j', 'ѕ': 's', 'к': 'k',
  'А': 'A', 'В': 'B', 'Е': 'E', 'К': 'K', 'М': 'M', 'Н': 'H', 'О': 'O', 'Р': 'P', 'С': 'C', 'Т': 'T', 'Х': 'X',
  'У': 'Y', 'І': 'I', 'Ј': 'J', 'Ѕ': 'S',
};
const LAT_TO_CYR: Record<string, string> = {
  'a': 'а', 'e': 'е', 'o': 'о', 'p': 'р', 'c': 'с', 'y': 'у', 'x': 'х', 'k': 'к',
  'A': 'А', 'B': 'В', 'E': 'Е', 'K': 'К', 'M': 'М', 'H': 'Н', 'O': 'О', 'P': 'Р', 'C': 'С', 'T': 'Т', 'X': 'Х',
  'Y': 'У',
};

/** A word written in two scripts whose minority letters all have a look-alike in the majority script. */
export interface MixedWord {
  start: number;
  end: number;
  /** The word as written. */
  word: string;
  /** The word in its majority script. */
  intended: string;
  /** Script of the look-alike letters. */
  foreign: 'latin' | 'cyrillic';
}

const WORD = /[\p{L}\p{M}]+/gu;
const isCyr = (ch: string): boolean => ch >= '\u0400' && ch <= '\u04ff';
const isLat = (ch: string): boolean => /[A-Za-z]/.test(ch);

/** Mixed-script words of a text, in order, offsets into `text`. Linear in the text length. */
export function mixedScriptWords(text: string): MixedWord[] {
  const out: MixedWord[] = [];
  // A text in one script has no mixed word (most paragraphs): two native scans instead of a look at every word.
  if (!/[A-Za-z]/.test(text) || !/[\u0400-\u04FF]/.test(text)) return out;
  for (const m of text.matchAll(WORD)) {
    const word = m[0];
    if (word.length < 2 || word.length > 60) continue;
    let cyr = 0;
    let lat = 0;
    for (const ch of word) {
      if (isCyr(ch)) cyr++;
      else if (isLat(ch)) lat++;
    }
    if (cyr === 0 || lat === 0) continue;
    const toLatin = lat >= cyr;
    const table = toLatin ? CYR_TO_LAT : LAT_TO_CYR;
    let intended = '';
    let ok = true;
    for (const ch of word) {
      const minority = toLatin ? isCyr(ch) : isLat(ch);
      if (!minority) {
        intended += ch;
        continue;
      }
      const swap = table[ch];
      if (swap === undefined) {
        ok = false;
        break;
      }
      intended += swap;
    }
    if (!ok) continue;
    out.push({ start: m.index, end: m.index + word.length, word, intended, foreign: toLatin ? 'cyrillic' : 'latin' });
  }
  return out;
}

/** The text with every mixed-script word in its majority script (same length, same offsets). */
export function unmixScripts(text: string): string {
  // Fast path: most texts have no word mixing the two scripts.
  if (!/[A-Za-z][\u0400-\u04ff]|[\u0400-\u04ff][A-Za-z]/.test(text)) return text;
  const words = mixedScriptWords(text);
  if (words.length === 0) return text;
  let out = '';
  let at = 0;
  for (const w of words) {
    out += text.slice(at, w.start) + w.intended;
    at = w.end;
  }
  return out + text.slice(at);
}
