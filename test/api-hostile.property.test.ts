/**
 * The public API fed hostile values (fast-check): wrong types, NaN, ±Infinity, huge and negative numbers,
 * symbols, functions, nested junk, as inputs, as every option, as fields of a parsed Document changed after the
 * fact, and as export options. The only exception allowed is InputError; anything returned must be a valid
 * result (a complete alignment, a pairing whose every input is accounted for, a string export).
 * `PROPERTY_RUNS` sets the runs per property (default 200).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  alignDocuments,
  decodeText,
  detectLanguage,
  exportAlignment,
  EXPORT_FORMATS,
  findDiscrepancies,
  InputError,
  pairDocuments,
  pairDocumentsSync,
  parseDocument,
  safeAlignDocuments,
  safeParseDocument,
  splitParagraphs,
  type Alignment,
  type Document,
} from '../src/index.js';
import { checkInvariants } from './invariants.js';
import { EN_PARAGRAPHS, RU_PARAGRAPHS } from './seed.js';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 200);
let executed = 0;

const RU = RU_PARAGRAPHS.slice(0, 4).join('\n\n');
const EN = EN_PARAGRAPHS.slice(0, 4).join('\n\n');
const RU_DOC = parseDocument(RU, { id: 'ru' });
const EN_DOC = parseDocument(EN, { id: 'en' });
const ALIGNMENT = alignDocuments(RU_DOC, EN_DOC);

/** Values no option should ever take, and a few it may. */
const hostile: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, undefined, NaN, Infinity, -Infinity, 1e308, -1e308, -0, 0, -1, 1e9, 2 ** 53, 0.5, '', 'RU', 'de', 'html', 'auto', 'ru', 'en', 'koi8-r', 'x'.repeat(1000), true, false),
  fc.constant(Symbol('hostile')),
  fc.constant(() => 1),
  fc.constant(new Uint8Array([0xff, 0xfe, 0x41])),
  fc.constant(new ArrayBuffer(4)),
  fc.constant([1, 2]),
  fc.constant(['ru', 'en']),
  fc.constant([null, null]),
  fc.constant({}),
  fc.constant({ '1-1': NaN }),
  fc.constant({ ratio: -1, variance: Infinity }),
  fc.integer(),
  fc.double(),
  fc.string({ maxLength: 20 }),
  fc.array(fc.anything({ maxDepth: 1 }), { maxLength: 3 }),
  fc.object({ maxDepth: 1 }),
);

const PARSE_KEYS = ['id', 'lang', 'date', 'paragraphs', 'maxInputSize', 'encoding', 'glossary', 'lexicon'];
const ALIGN_KEYS = ['langs', 'ids', 'cost', 'band', 'paragraphs', 'maxInputSize', 'encoding', 'glossary', 'lexicon'];
const COST_KEYS = ['length', 'shapes', 'omission', 'sharedReward', 'figurePenalty', 'absorbThreshold', 'sentencePenalty', 'futureField'];
const PAIR_KEYS = ['dateWindowDays', 'candidates', 'maxPostingShare', 'minPostingLimit', 'maxPostingLimit', 'threshold', 'lengthRatio', 'evidenceSize', 'model', 'paragraphs', 'maxInputSize', 'encoding', 'glossary'];
const EXPORT_KEYS = ['width', 'level', 'minScore', 'dropUnmatched', 'oneToOneOnly', 'discrepancies', 'includeUnmatched', 'tuidPrefix', 'segtype', 'sentences', 'title', 'srcLang'];

/** An options object with some of `keys` set to hostile values (or the whole options object hostile). */
const options = (keys: string[]): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 5, arbitrary: fc.dictionary(fc.constantFrom(...keys), hostile, { maxKeys: 3 }) },
    { weight: 1, arbitrary: hostile },
  );
const costOptions = fc.dictionary(fc.constantFrom(...ALIGN_KEYS), hostile, { maxKeys: 2 }).chain((base) =>
  fc.dictionary(fc.constantFrom(...COST_KEYS), hostile, { maxKeys: 3 }).map((cost) => ({ ...base, cost })),
);

/** Run `fn`; an InputError is a fine outcome, anything else thrown fails the property. */
function onlyInputError<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch (error) {
    if (error instanceof InputError) return undefined;
    throw error;
  }
}
async function onlyInputErrorAsync<T>(fn: () => Promise<T>): Promise<T | undefined> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof InputError) return undefined;
    throw error;
  }
}

/** A parsed Document with one field (top level, paragraph, or anchor) set to a hostile value. */
const mutatedDocument: fc.Arbitrary<unknown> = fc
  .tuple(
    fc.constantFrom('lang', 'id', 'source', 'paragraphs', 'meta', 'warnings', 'langSource', 'p.index', 'p.start', 'p.end', 'p.text', 'p.clean', 'p.shifts', 'p.anchors', 'a.key', 'a.start', 'a.end', 'a.kind', 'a.weight', 'a.value', 'a.surface'),
    hostile,
    fc.nat(3),
  )
  .map(([field, value, k]) => {
    const doc = structuredClone(RU_DOC) as unknown as Record<string, unknown> & Document;
    const paragraph = doc.paragraphs[k % doc.paragraphs.length] as unknown as Record<string, unknown>;
    const anchors = paragraph.anchors as Array<Record<string, unknown>>;
    if (field.startsWith('p.')) paragraph[field.slice(2)] = value;
    else if (field.startsWith('a.')) {
      if (anchors.length) anchors[0][field.slice(2)] = value;
      else paragraph.anchors = value;
    } else (doc as Record<string, unknown>)[field] = value;
    return doc;
  });

const checkAlignment = (alignment: Alignment | undefined): void => {
  if (!alignment) return;
  checkInvariants(alignment);
  for (const link of alignment.links) expect(Number.isFinite(link.score)).toBe(true);
};

describe('the public API under hostile values: InputError or a valid result, nothing else', () => {
  it('parseDocument / safeParseDocument: hostile input and options', () => {
    fc.assert(
      fc.property(fc.oneof(fc.constant(RU), fc.constant(EN), hostile), options(PARSE_KEYS), (input, opts) => {
        executed++;
        const doc = onlyInputError(() => parseDocument(input as string, opts as never));
        if (doc) expect(doc.paragraphs.length).toBeGreaterThan(0);
        const safe = safeParseDocument(input as string, opts as never);
        expect(safe.success).toBe(doc !== undefined);
      }),
      { numRuns: RUNS },
    );
  });

  it('alignDocuments / safeAlignDocuments: hostile inputs and options, cost models included', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.constant(RU), fc.constant(RU_DOC), hostile),
        fc.oneof(fc.constant(EN), fc.constant(EN_DOC), hostile),
        fc.oneof(options(ALIGN_KEYS), costOptions),
        (a, b, opts) => {
          executed++;
          checkAlignment(onlyInputError(() => alignDocuments(a as string, b as string, opts as never)));
          const safe = safeAlignDocuments(a as string, b as string, opts as never);
          if (safe.success) checkAlignment(safe.data);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('alignDocuments on a Document changed after parsing', () => {
    fc.assert(
      fc.property(mutatedDocument, (doc) => {
        executed++;
        const alignment = onlyInputError(() => alignDocuments(doc as Document, EN_DOC));
        checkAlignment(alignment);
        if (alignment) for (const format of EXPORT_FORMATS) expect(typeof exportAlignment(alignment, format)).toBe('string');
      }),
      { numRuns: RUNS },
    );
  });

  it('pairDocumentsSync / pairDocuments: hostile collections, items and options', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          { weight: 1, arbitrary: hostile },
          {
            weight: 4,
            arbitrary: fc.array(
              fc.oneof(fc.constant({ id: 'ru', text: RU }), fc.constant({ id: 'en', text: EN }), fc.constant(EN_DOC), mutatedDocument, hostile, fc.record({ id: hostile, text: hostile, lang: hostile, date: hostile })),
              { maxLength: 5 },
            ),
          },
        ),
        options(PAIR_KEYS),
        async (docs, opts) => {
          executed++;
          const sync = onlyInputError(() => pairDocumentsSync(docs as never, opts as never));
          const asyncResult = await onlyInputErrorAsync(() => pairDocuments(docs as never, opts as never));
          expect(asyncResult === undefined).toBe(sync === undefined);
          if (sync && Array.isArray(docs)) {
            // Every item is accounted for: in a pair, unpaired, or an error entry.
            expect(sync.pairs.length * 2 + sync.unpaired.length + sync.errors.length).toBe(docs.length);
            for (const pair of sync.pairs) expect(Number.isFinite(pair.score)).toBe(true);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('exportAlignment and findDiscrepancies: hostile formats and options', () => {
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom(...EXPORT_FORMATS), hostile), options(EXPORT_KEYS), hostile, (format, opts, checkOpts) => {
        executed++;
        const out = onlyInputError(() => exportAlignment(ALIGNMENT, format as never, opts as never));
        if (out !== undefined) expect(typeof out).toBe('string');
        const found = onlyInputError(() => findDiscrepancies(ALIGNMENT, checkOpts as never));
        if (found) expect(Array.isArray(found)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('decodeText, splitParagraphs, detectLanguage: hostile input and options', () => {
    fc.assert(
      fc.property(hostile, hostile, (input, opts) => {
        executed++;
        onlyInputError(() => decodeText(input as string, opts as never));
        onlyInputError(() => splitParagraphs(typeof input === 'string' ? input : RU, opts as never));
        onlyInputError(() => detectLanguage(input as string));
      }),
      { numRuns: RUNS },
    );
  });

  it('reports the runs executed', () => {
    console.log(`hostile-value property runs executed: ${executed}`);
    expect(executed).toBeGreaterThanOrEqual(6 * RUNS);
  });
});
