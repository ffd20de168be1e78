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
  const anchors = [
    ...extractFigures(folded, lang, { date: options.date, dateOrder: options.dateOrder }),
    ...extractEntities(folded, lang, { glossary: options.glossary }),
    ...extractTerms(folded, lang, { lexicon: options.lexicon }),
  ];
  for (const anchor of anchors) anchor.surface = text.slice(anchor.start, anchor.end);
  return anchors.sort((a, b) => a.start - b.start || a.end - b.end);
}
