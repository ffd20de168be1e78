/**
 * Time budgets: no stage has a regular expression (or loop) that backtracks or rescans catastrophically. Every
 * extractor and text stage runs on long adversarial strings (200,000 characters of digits and separators, of
 * capitals and hyphens, of "а-\n", of dots, of "<", of spaces and no-break spaces, of one letter, of markup
 * fragments, one vowel-less capitalised token …) under a budget about ten times what it takes on a 2-core development machine, so a loaded CI
 * machine does not flake and a quadratic (or worse) regression still fails by far. The measured times are printed.
 */
import { describe, expect, it } from 'vitest';
import {
  detectLanguage,
  extractAnchors,
  extractEntities,
  extractFigures,
  extractTerms,
  parseDocument,
  splitParagraphs,
  splitSentences,
  InputError,
  type Lang,
} from '../src/index.js';
import { decodeText } from '../src/index.js';
import { guessLegacyEncoding, sniffUtf16 } from '../src/text/encoding.js';
import { looksLikeMarkup } from '../src/text/markup.js';
import { findMetadata } from '../src/text/metadata.js';

const LENGTH = 200_000;
const fill = (unit: string): string => unit.repeat(Math.ceil(LENGTH / unit.length)).slice(0, LENGTH);

/** Adversarial inputs, each 200,000 characters. */
const INPUTS: Array<[string, string]> = [
  ['digits and separators', fill('1 2,3.4-5/6 000,')],
  ['digits, dots and commas', fill('12.34,56 ')],
  ['digits and spaces', fill('1 ')],
  ['digits only', fill('7')],
  ['digits and percent signs', fill('1% 2%% ')],
  ['capitals and hyphens (Latin)', fill('A-B-')],
  ['capitals and hyphens (Cyrillic)', fill('А-Б-')],
  ['capitalised words and hyphens', fill('ABC-DEF ')],
  ['upper-case words (dateline-like)', fill('МОСКВА, ')],
  ['dateline openings', fill('BAKU, Azerbaijan, ')],
  ['"а-\\n" repeated (broken words)', fill('а-\n')],
  ['dots', fill('.')],
  ['"<" repeated', fill('<')],
  ['"<p" repeated', fill('<p')],
  ['"<a b=\\"" repeated (unclosed attributes)', fill('<a b="')],
  ['"<p>" repeated (empty block tags)', fill('<p>')],
  ['"<!--" repeated', fill('<!--')],
  ['"&#" and "&amp" repeated', fill('&#&amp')],
  ['spaces and no-break spaces', fill(' \u00A0')],
  ['line breaks', fill('\n')],
  ['one Latin letter', fill('a')],
  ['one Cyrillic letter', fill('я')],
  ['number words', fill('двадцать пять тысяч ')],
  ['letters, digits, hyphens, dots', fill('1а-2б.3')],
  ['initials', fill('А. Б. ')],
  ['quotes and brackets', fill('«(„[')],
  ['soft hyphens and combining marks', fill('и\u0306\u00AD')],
  // One 200,000-letter capitalised token without vowels: the Porter stemmer's /[^aeiouy]+y/ loop was quadratic
  // on it (200,000 × "V" never finished); tokens are now bounded before the stemmer.
  ['one capital letter ("V" × 200,000: one vowel-less token)', fill('V')],
  ['capital consonants (one vowel-less token)', fill('BCDFGHJKLMNPQRSTVWXZ')],
  ['a capitalised consonant run ending in y', `B${fill('cdfghjklmnpqrstvwxz').slice(1, -1)}y`],
  ['vowel-less capitalised words', fill('VVVVVV VV ')],
  ['one long Cyrillic capitalised token', `Ж${fill('ж').slice(1)}`],
  ['a line of only invisible format characters, repeated', fill('\u200D\u200F\u2060\u00AD\n')],
  ['tags glued to words', fill('а<br>б<p>')],
];

interface Stage {
  name: string;
  run: (text: string) => unknown;
  /** Budget in milliseconds for one call on one 200,000-character input. */
  budget: number;
}

const both = (fn: (text: string, lang: Lang) => unknown) => (text: string) => {
  fn(text, 'ru');
  fn(text, 'en');
};

/**
 * Budgets: 8–10 times the slowest input measured on a 2-core development machine (in brackets), at least
 * 500 ms. A quadratic regression at 200,000 characters costs seconds to minutes, far past any of them.
 */
const STAGES: Stage[] = [
  { name: 'extractFigures (ru + en)', run: both((t, l) => extractFigures(t, l)), budget: 5000 }, // [580 ms: letters, digits, hyphens, dots]
  { name: 'extractEntities (ru + en)', run: both((t, l) => extractEntities(t, l)), budget: 2000 }, // [190 ms: digits and separators]
  { name: 'extractTerms', run: (t) => extractTerms(t, 'ru'), budget: 600 }, // [64 ms]
  { name: 'extractAnchors (ru)', run: (t) => extractAnchors(t, 'ru'), budget: 3000 }, // [270 ms: digits and spaces]
  { name: 'splitParagraphs', run: (t) => splitParagraphs(t), budget: 2000 }, // [170 ms: "а-\n" repeated]
  { name: 'splitParagraphs (html)', run: (t) => splitParagraphs(t, { mode: 'html' }), budget: 1000 }, // [95 ms; 18.7 s before the "<!--" fix]
  { name: 'looksLikeMarkup', run: (t) => looksLikeMarkup(t), budget: 500 }, // [3 ms; 2.2 s before the "<!--" fix]
  { name: 'findMetadata', run: (t) => findMetadata(t, splitParagraphs(t).paragraphs), budget: 2000 }, // [90–210 ms, paragraphs included]
  { name: 'detectLanguage', run: (t) => detectLanguage(t), budget: 500 }, // [3 ms]
  { name: 'splitSentences (ru + en)', run: both((t, l) => splitSentences(t, l)), budget: 2500 }, // [230 ms: initials]
  {
    name: 'decodeText (UTF-8 and UTF-16 bytes)',
    run: (t) => {
      for (const bytes of [new TextEncoder().encode(t), new Uint8Array(Buffer.from(t, 'utf16le'))]) {
        try {
          decodeText(bytes);
        } catch (error) {
          if (!(error instanceof InputError)) throw error;
        }
      }
    },
    budget: 1000,
  },
  { name: 'encoding guesses (UTF-16 sniff, legacy Cyrillic)', run: (t) => [sniffUtf16(new TextEncoder().encode(t)), guessLegacyEncoding(new TextEncoder().encode(t))], budget: 1000 },
  { name: 'splitParagraphs (text)', run: (t) => splitParagraphs(t, { mode: 'text' }), budget: 2000 },
  {
    name: 'parseDocument',
    run: (t) => {
      try {
        parseDocument(t);
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
      }
    },
    budget: 6000, // [600 ms: letters, digits, hyphens, dots]
  },
];

/** Slowest time per stage, for the printed summary. */
const slowest = new Map<string, { ms: number; input: string }>();
/** Slowest time per stage on the vowel-less capitalised tokens (the Porter stemmer's quadratic case). */
const vowelless = new Map<string, number>();

describe.each(STAGES.map((stage) => [stage.name, stage] as const))('%s on 200,000 adversarial characters', (_name, stage) => {
  it.each(INPUTS)('%s', (input, text) => {
    const started = performance.now();
    stage.run(text);
    const ms = performance.now() - started;
    if (ms > (slowest.get(stage.name)?.ms ?? -1)) slowest.set(stage.name, { ms, input });
    if (/vowel-less/.test(input)) vowelless.set(stage.name, Math.max(ms, vowelless.get(stage.name) ?? 0));
    expect(ms, `${stage.name} on ${input}: ${ms.toFixed(0)} ms`).toBeLessThan(stage.budget);
  });
});

describe('time budgets', () => {
  it('report the slowest input of each stage', () => {
    const lines = STAGES.map((stage) => {
      const worst = slowest.get(stage.name);
      return `${stage.name}: ${worst ? `${worst.ms.toFixed(0)} ms (${worst.input})` : 'not run'}, vowel-less tokens ${vowelless.get(stage.name)?.toFixed(0) ?? '-'} ms, budget ${stage.budget} ms`;
    });
    console.log(`slowest of ${INPUTS.length} adversarial inputs (${LENGTH.toLocaleString('en-US')} characters) per stage:\n  ${lines.join('\n  ')}`);
    expect(slowest.size).toBe(STAGES.length);
  });
});
