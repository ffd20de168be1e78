/**
 * All anchors of a text in one call: figures, names and lexicon terms, each from its own module, extracted from
 * the matching form of the text (typographic variants folded, look-alike letters of the other script in a word read
 * as its own script; same offsets) and sorted by position.
 */
import { foldForMatching } from '../text/normalize.js';
import type { Anchor, AnchorOptions, Lang } from '../types.js';
import { unmixScripts } from './homoglyphs.js';
import { extractEntities } from './names.js';
import { extractFigures } from './numbers.js';
import { extractTerms } from './lexicon.js';

/**
 * Extract what survives translation from `text`: numbers, years, ordinals and dates with canonical values,
 * named entities with language-neutral keys, and lexicon terms. Offsets are relative to `text`, and
 * `text.slice(anchor.start, anchor.end) === anchor.surface`.
 */
export function extractAnchors(text: string, lang: Lang, options: AnchorOptions = {}): Anchor[] {
  // Look-alike letters of the other script ("Mоscow" with a Cyrillic о) are read as the word's own script.
  const folded = unmixScripts(foldForMatching(text));
  const figures = extractFigures(folded, lang, { date: options.date, dateOrder: options.dateOrder });
  const entities = extractEntities(folded, lang, { glossary: options.glossary });
  const terms = extractTerms(folded, lang, { lexicon: options.lexicon });
  // Every extractor takes its surfaces from the text it read: when folding changed nothing, they are `text`'s.
  if (folded !== text) {
    for (const anchor of figures) anchor.surface = text.slice(anchor.start, anchor.end);
    for (const anchor of entities) anchor.surface = text.slice(anchor.start, anchor.end);
    for (const anchor of terms) anchor.surface = text.slice(anchor.start, anchor.end);
  }
  return mergeByPosition(mergeByPosition(figures, entities), terms);
}

const byPosition = (a: Anchor, b: Anchor): number => a.start - b.start || a.end - b.end;

function isSorted(list: readonly Anchor[]): boolean {
  for (let i = 1; i < list.length; i++) if (byPosition(list[i - 1]!, list[i]!) > 0) return false;
  return true;
}

/**
 * The anchors of `first` and `second` by start, then end; on a tie `first`'s come first, and each list keeps its
 * own order (what a stable sort of `[...first, ...second]` gives). Each extractor returns its anchors in text order
 * already, so merging them is linear where sorting them all again was not; a list out of order is sorted first.
 */
export function mergeByPosition(first: Anchor[], second: Anchor[]): Anchor[] {
  const a = isSorted(first) ? first : [...first].sort(byPosition);
  const b = isSorted(second) ? second : [...second].sort(byPosition);
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const out: Anchor[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(byPosition(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!);
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
}
