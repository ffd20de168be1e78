/**
 * From source offsets back to offsets in a paragraph's clean text (the inverse of `toSourceOffset`), for writers
 * that mark anchors inside the clean text.
 */
import type { Paragraph } from '../types.js';

/**
 * The offset in `paragraph.clean` of the source offset `sourceOffset`. A source offset inside something the
 * clean text leaves out (a folded line break, a soft hyphen) maps to where the omission is in the clean text.
 * Offsets outside the paragraph are clamped to its clean text.
 */
export function toCleanOffset(paragraph: Pick<Paragraph, 'shifts' | 'clean'>, sourceOffset: number): number {
  const { shifts } = paragraph;
  let lo = 0;
  let hi = shifts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (shifts[mid][1] <= sourceOffset) lo = mid;
    else hi = mid - 1;
  }
  const [cleanAt, sourceAt] = shifts[lo];
  let clean = cleanAt + Math.max(0, sourceOffset - sourceAt);
  if (lo + 1 < shifts.length) clean = Math.min(clean, shifts[lo + 1][0]);
  return Math.max(0, Math.min(paragraph.clean.length, clean));
}
