/**
 * A long document's anchors share their strings (keys, surfaces, names) and a short one's keep their own copies
 * (src/document.ts, SHARED_STRINGS_FROM): both paths must give the same anchors.
 */
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../src/index.js';
import type { Anchor, Document } from '../src/types.js';
import { EN, RU } from './seed.js';

/** Anchors of one paragraph with offsets relative to it: what must not depend on the document around it. */
function relative(doc: Document, index: number): Array<Omit<Anchor, 'start' | 'end'> & { at: number; length: number }> {
  const paragraph = doc.paragraphs[index]!;
  return paragraph.anchors.map(({ start, end, ...rest }) => ({ ...rest, at: start - paragraph.start, length: end - start }));
}

describe('string sharing in long documents', () => {
  for (const [lang, seed] of [['ru', RU], ['en', EN]] as const) {
    it(`gives a ${lang} text repeated past 64 K characters the anchors of the text alone`, () => {
      const alone = parseDocument(seed, { lang });
      const copies = Math.ceil((70 * 1024) / seed.length);
      const long = parseDocument(Array.from({ length: copies }, () => seed.trim()).join('\n\n'), { lang });
      expect(long.source.length).toBeGreaterThan(64 * 1024);
      const per = alone.paragraphs.length;
      expect(long.paragraphs.length).toBe(per * copies);
      // The first copy holds the metadata (date line, dateline), later ones read it as text: compare the last.
      const last = (copies - 1) * per;
      for (let k = 1; k < per; k++) expect(relative(long, last + k)).toEqual(relative(alone, k));
      for (const p of long.paragraphs) for (const a of p.anchors) expect(long.source.slice(a.start, a.end)).toBe(a.surface);
    });
  }
});
