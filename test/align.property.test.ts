/**
 * Invariants of the aligner on random and mutated documents (fast-check): every paragraph in exactly one
 * link, links monotonic and contiguous, offsets slicing back (paragraphs and anchors, and every clean offset
 * into its paragraph), deterministic, mirror-symmetric in argument order, and no throw except the documented
 * InputErrors — on plain text, on text with markup, entities and typographic noise mixed in, and on bytes.
 * One line at the end prints how many property runs were executed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  alignDocuments,
  exportAlignment,
  findDiscrepancies,
  InputError,
  parseDocument,
  type Alignment,
} from '../src/index.js';
import { indexDiscrepancies, linkDiscrepancies } from '../src/export/rows.js';
import { checkDiscrepancies, checkDocument, checkInvariants, checkOffsets } from './invariants.js';
import { EN, EN_PARAGRAPHS, RU, RU_PARAGRAPHS } from './seed.js';
import { REPORT_SCRIPT } from '../src/export/html.js';


/** Runs per property; CI prints the total (see the summary test at the end). */
const RUNS = Number(process.env.PROPERTY_RUNS ?? 60);
let executed = 0;

const word = fc.oneof(
  fc.constantFrom('встреча', 'Баку', 'Асадов', 'торговли', '4,3', 'млрд', '11', 'процентов', '2023', 'году', '5 марта', '12-го', 'Россия', 'СНГ'),
  fc.stringMatching(/^[а-яё]{1,12}$/),
);
const enWord = fc.oneof(
  fc.constantFrom('meeting', 'Baku', 'Asadov', 'trade', '4.3', 'billion', '11', 'percent', '2023', 'March 5', '12th', 'Russia', 'CIS'),
  fc.stringMatching(/^[a-z]{1,12}$/),
);
const paragraph = (words: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc.array(words, { minLength: 1, maxLength: 40 }).map((ws) => `${ws.join(' ')}.`);
const document = (words: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc.array(paragraph(words), { minLength: 1, maxLength: 25 }).map((ps) => ps.join('\n\n'));

/** The seed pair with paragraphs dropped, duplicated, split or merged at random. */
const mutatedSeed = (paragraphs: string[]): fc.Arbitrary<string> =>
  fc
    .array(fc.constantFrom('keep', 'keep', 'keep', 'drop', 'dup', 'merge'), {
      minLength: paragraphs.length,
      maxLength: paragraphs.length,
    })
    .map((ops) => {
      const out: string[] = [];
      ops.forEach((op, k) => {
        if (op === 'drop') return;
        if (op === 'merge' && out.length) out[out.length - 1] += ` ${paragraphs[k]}`;
        else out.push(paragraphs[k]);
        if (op === 'dup') out.push(paragraphs[k]);
      });
      return (out.length ? out : [paragraphs[0]]).join('\n\n');
    });

/**
 * Noise a real document meets: inline and block markup, entities, typographic spaces and hyphens, line breaks
 * of every kind, a word broken across lines, combining marks, astral characters, stray controls.
 */
const NOISE = [
  '<b>', '</b>', '<i>', '</i>', '<span class="x">', '</span>', '<br>', '<p>', '</p>', '<div id="a>b">', '</div>',
  '<!-- note -->', '<script>var x = "<p>";</script>', '<style>p{}</style>', '<td>', '&amp;', '&nbsp;', '&lt;',
  '&#1234;', '&#x41;', '&bogus;', '&', '<', '>', '\u00A0', '\u202F', '\u00AD', '\uFEFF', '\r\n', '\r', '\n', '\n\n',
  '\u2028', '\u2029', '\t', 'и\u0306', 'e\u0301', '😀', '\uD800', '\u0007', 'слово-\nпродолжение', '-\n', ' - ', '—',
  '«', '»', '1\u00A0000', '4,3', '2023', 'Baku', 'Баку',
];

/** Insert up to `max` noise tokens at random positions of a text. */
const noisy = (text: string, max = 12): fc.Arbitrary<string> =>
  fc
    .array(fc.tuple(fc.nat({ max: text.length }), fc.constantFrom(...NOISE)), { maxLength: max })
    .map((insertions) => {
      let out = text;
      for (const [at, token] of [...insertions].sort((x, y) => y[0] - x[0])) out = out.slice(0, at) + token + out.slice(at);
      return out;
    });

/** A document written as HTML: paragraphs in `<p>`, some words in inline tags, some characters as entities. */
const htmlDocument = (paragraphs: string[]): fc.Arbitrary<string> =>
  fc
    .tuple(
      fc.array(fc.constantFrom('p', 'div', 'li', 'h2', 'blockquote'), { minLength: paragraphs.length, maxLength: paragraphs.length }),
      fc.boolean(),
    )
    .map(([tags, page]) => {
      const body = paragraphs
        .map((p, k) => `<${tags[k]} class="c${k}">${p.replace(/&/g, '&amp;').replace(/ (\S+) /, ' <b>$1</b> ').replace(/\u00A0/g, '&nbsp;')}</${tags[k]}>`)
        .join('\n');
      return page ? `<!DOCTYPE html><html><head><title>t</title><script>if (a < b) {}</script></head><body>${body}</body></html>` : body;
    });

describe('alignment invariants (property-based)', () => {
  it('hold on random Russian and English documents', () => {
    fc.assert(
      fc.property(document(word), document(enWord), (ru, en) => {
        executed++;
        const alignment = alignDocuments(ru, en, { langs: ['ru', 'en'] });
        checkInvariants(alignment);
        findDiscrepancies(alignment);
      }),
      { numRuns: RUNS },
    );
  });

  it('hold on the seed pair with paragraphs dropped, duplicated and merged', () => {
    fc.assert(
      fc.property(mutatedSeed(RU_PARAGRAPHS), mutatedSeed(EN_PARAGRAPHS), (ru, en) => {
        executed++;
        const alignment = alignDocuments(ru, en);
        checkInvariants(alignment);
        findDiscrepancies(alignment);
      }),
      { numRuns: RUNS },
    );
  });

  it('are deterministic and mirror-symmetric in argument order', () => {
    fc.assert(
      fc.property(mutatedSeed(RU_PARAGRAPHS), mutatedSeed(EN_PARAGRAPHS), (ru, en) => {
        executed++;
        const once = alignDocuments(ru, en);
        const again = alignDocuments(ru, en);
        const swapped = alignDocuments(en, ru);
        const shape = (a: Alignment) => a.links.map((l) => [l.ru, l.en, l.score]);
        expect(shape(again)).toEqual(shape(once));
        expect(shape(swapped)).toEqual(shape(once));
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  });

  it('throw nothing but InputError on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 300 }), (a, b) => {
        executed++;
        try {
          checkInvariants(alignDocuments(a, b));
        } catch (error) {
          expect(error).toBeInstanceOf(InputError);
        }
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('hold on the seed pair with markup, entities and typographic noise mixed in', () => {
    fc.assert(
      fc.property(noisy(RU), noisy(EN), (ru, en) => {
        executed++;
        let alignment: Alignment;
        try {
          alignment = alignDocuments(ru, en);
        } catch (error) {
          expect(error).toBeInstanceOf(InputError);
          return;
        }
        checkInvariants(alignment);
        checkOffsets(alignment.ru);
        checkOffsets(alignment.en);
        checkDiscrepancies(alignment, findDiscrepancies(alignment));
      }),
      { numRuns: RUNS },
    );
  });

  it('hold on the seed pair written as HTML, which reads as the plain text does', () => {
    fc.assert(
      fc.property(htmlDocument(RU_PARAGRAPHS), htmlDocument(EN_PARAGRAPHS), (ru, en) => {
        executed++;
        const alignment = alignDocuments(ru, en);
        checkInvariants(alignment);
        checkOffsets(alignment.ru);
        for (const doc of [alignment.ru, alignment.en]) {
          expect(doc.warnings.map((w) => w.code)).toContain('markup');
          for (const paragraph of doc.paragraphs) expect(paragraph.clean).not.toMatch(/<\/?(?:p|div|li|h2|b|blockquote|script)\b|&amp;|&nbsp;/);
        }
        const paragraphs = alignment.ru.paragraphs.filter((p) => p.clean !== 't');
        expect(paragraphs.map((p) => p.clean)).toEqual(RU_PARAGRAPHS.map((p) => p.replace(/\s+/g, ' ')));
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  });

  it('map every clean offset into its paragraph, in order, on noisy text', () => {
    fc.assert(
      fc.property(noisy(RU, 30), (text) => {
        executed++;
        const doc = parseDocument(text, { lang: 'ru' });
        checkDocument(doc);
        checkOffsets(doc);
      }),
      { numRuns: RUNS },
    );
  });

  it('are mirror-symmetric in argument order on random documents', () => {
    fc.assert(
      fc.property(document(word), document(enWord), (ru, en) => {
        executed++;
        const shape = (a: Alignment) => a.links.map((l) => [l.ru, l.en, l.score]);
        const forward = alignDocuments(ru, en, { langs: ['ru', 'en'] });
        const backward = alignDocuments(en, ru, { langs: ['en', 'ru'] });
        expect(shape(backward)).toEqual(shape(forward));
        expect(findDiscrepancies(backward)).toEqual(findDiscrepancies(forward));
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  });

  it('throw nothing but InputError on arbitrary bytes, with or without a byte-order mark', () => {
    const bom = fc.constantFrom([], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff]);
    fc.assert(
      fc.property(bom, fc.uint8Array({ maxLength: 400 }), (mark, bytes) => {
        executed++;
        try {
          checkDocument(parseDocument(new Uint8Array([...mark, ...bytes])));
        } catch (error) {
          expect(error).toBeInstanceOf(InputError);
        }
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('find each link\'s discrepancies through the index as by scanning them all', () => {
    fc.assert(
      fc.property(mutatedSeed(RU_PARAGRAPHS), mutatedSeed(EN_PARAGRAPHS), (ru, en) => {
        executed++;
        const alignment = alignDocuments(ru, en);
        const discrepancies = findDiscrepancies(alignment);
        const concerning = indexDiscrepancies(discrepancies);
        for (const link of alignment.links) expect(concerning(link)).toEqual(linkDiscrepancies(link, discrepancies));
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  });

  it('never let document text become markup in the HTML report', () => {
    const hostile = fc.constantFrom('<script>alert(1)</script>', '" onmouseover="x', "'><img src=x onerror=alert(2)>", '&lt;script&gt;', '</td></tr><tr>');
    fc.assert(
      fc.property(noisy(RU, 4), hostile, hostile, (ru, h1, h2) => {
        executed++;
        const alignment = alignDocuments(`${ru}\n\n${h1} 2023`, `${EN}\n\n${h2} 2024`, { ids: [h1, h2] });
        // The report's own script (the issue filters) is left out: nothing else may be a script.
        const html = exportAlignment(alignment, 'html').replace(`<script>${REPORT_SCRIPT}</script>`, '');
        expect(html).not.toMatch(/<(?:script|img)\b|" onmouseover=|<\/td><\/tr><tr>[^<]*2023/i);
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  });

  it('report how many property runs were executed', () => {
    console.log(`property-based runs executed: ${executed}`);
    expect(executed).toBeGreaterThanOrEqual(RUNS * 9);
  });
});
