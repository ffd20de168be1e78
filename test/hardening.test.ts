/**
 * Hardening: inputs a translation tool will sooner or later hand over, each with its documented outcome —
 * a typed InputError with a message saying what to do, or a warning plus a sensible result — and never a
 * crash, a hang or a silently wrong answer. Also: HTML read as text, option checks, and bounded time on large
 * and lopsided inputs.
 *
 * `HARDENING_REPORT=1` prints the outcome table (the README's "Errors" section is built from it);
 * `BITEXT_SCALE_TESTS=1` adds the slow end-to-end runs (10 MB per side aligned; two unrelated 1 MB texts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  alignDocuments,
  DEFAULT_MAX_INPUT_SIZE,
  exportAlignment,
  EXPORT_FORMATS,
  findDiscrepancies,
  InputError,
  parseDocument,
  safeAlignDocuments,
  safeParseDocument,
  solveBeadsInBand,
  splitParagraphs,
  toSourceOffset,
  type AlignOptions,
  type Alignment,
  type InputErrorCode,
  type ParseOptions,
} from '../src/index.js';
import { looksLikeMarkup } from '../src/text/markup.js';
import { REPORT_SCRIPT } from '../src/export/html.js';
import { checkDiscrepancies, checkDocument, checkInvariants, checkOffsets } from './invariants.js';
import { EN, EN_PARAGRAPHS, RU, RU_PARAGRAPHS } from './seed.js';
import { devRoot } from '../bench/dev.js';


const UKRAINIAN = [
  'Прем’єр-міністр України зустрівся з головою уряду Польщі у Варшаві, повідомляє пресслужба Кабінету Міністрів.',
  'Сторони обговорили питання енергетичної безпеки, відбудови інфраструктури та розвитку двосторонньої торгівлі, яка минулого року зросла на одинадцять відсотків.',
  'Також було підписано кілька угод про співпрацю у сфері транспорту, освіти та культури між двома країнами.',
].join('\n\n');
const FRENCH = [
  'Le Premier ministre de l’Azerbaïdjan a rencontré son homologue russe à Bakou, selon le service de presse du gouvernement.',
  'Les deux parties ont discuté des questions de sécurité énergétique, du développement des infrastructures et du commerce bilatéral, qui a dépassé 4,3 milliards de dollars.',
  'Plusieurs accords de coopération dans les domaines du tourisme et de la culture ont également été signés.',
].join('\n\n');

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
function utf16(text: string, bigEndian: boolean): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
  for (let k = 0; k < text.length; k++) {
    const [high, low] = [text.charCodeAt(k) >> 8, text.charCodeAt(k) & 0xff];
    bytes.set(bigEndian ? [high, low] : [low, high], 2 + 2 * k);
  }
  return bytes;
}
/** Deterministic pseudo-random bytes (xorshift), optionally without NUL. */
function randomBytes(length: number, seed: number, noNul: boolean): Uint8Array {
  const bytes = new Uint8Array(length);
  let x = seed;
  for (let k = 0; k < length; k++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes[k] = noNul ? 1 + ((x >>> 0) % 255) : (x >>> 0) & 0xff;
  }
  return bytes;
}
const CP1251_RU = new Uint8Array([0xcf, 0xf0, 0xe5, 0xec, 0xfc, 0xe5, 0xf0, 0x2d, 0xec, 0xe8, 0xed, 0xe8, 0xf1, 0xf2, 0xf0, 0x20, 0x34, 0x2c, 0x33]);
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0x01, 0x00]);
/** The Russian seed written as a web page body: `<p>` per paragraph, a bold word, entities for &, NBSP, quotes. */
const RU_HTML = RU_PARAGRAPHS.map(
  (p, k) =>
    `<p class="p${k}" data-note='a > b'>${p
      .replace(/&/g, '&amp;')
      .replace(/«/g, '&laquo;')
      .replace(/»/g, '&raquo;')
      .replace(/ (\S+) /, ' <b>$1</b> ')}</p>`,
).join('\n');
const shape = (alignment: Alignment): Array<[number[], number[]]> => alignment.links.map((link) => [link.ru, link.en]);
const PLAIN = alignDocuments(RU, EN);

/** What a case must give: a typed error, or warnings and a result that passes `check`. */
type Expected =
  | { error: InputErrorCode; message: RegExp }
  | { warnings: string[]; result: string; check?: (alignment: Alignment) => void };

interface InputCase {
  name: string;
  a: unknown;
  b: unknown;
  options?: AlignOptions;
  expected: Expected;
}

const CASES: InputCase[] = [
  { name: 'empty string', a: '', b: EN, expected: { error: 'empty', message: /^first text: the text is empty or holds no letters or digits; give a document with text in it$/ } },
  { name: 'empty bytes', a: RU, b: new Uint8Array(), expected: { error: 'empty', message: /^second text: the text is empty/ } },
  { name: 'white space only', a: ' \n\t\r\n\u00A0\u2003 ', b: EN, expected: { error: 'empty', message: /the text is empty/ } },
  { name: 'punctuation only', a: '... — !!! «»', b: EN, expected: { error: 'empty', message: /holds no letters or digits/ } },
  {
    name: 'one paragraph each side',
    a: 'Премьер-министр Азербайджана Али Асадов 5 марта встретился в Баку с Михаилом Мишустиным.',
    b: 'Azerbaijani Prime Minister Ali Asadov met Mikhail Mishustin in Baku on March 5.',
    expected: {
      warnings: [],
      result: 'one 1-1 link',
      check: (a) => expect(shape(a)).toEqual([[[0], [0]]]),
    },
  },
  {
    name: 'the same text cut a sentence per line against one block',
    a: RU_PARAGRAPHS.join(' ').split(/(?<=[.!?])\s+/).join('\n'),
    b: EN_PARAGRAPHS.join(' '),
    expected: {
      warnings: ['paragraphing'],
      result: 'the Russian lines aligned with the English sentences: one link holds the block; the warning says how the texts were cut and aligned',
      check: (a) => {
        expect(a.warnings.find((w) => w.code === 'paragraphing')?.message).toMatch(/^the Russian text has \d+ paragraphs and the English 1, though their lengths match: the Russian is cut far more finely/);
        expect(a.links.filter((link) => link.ru.length > 0 && link.en.length > 0)).toHaveLength(1);
      },
    },
  },
  {
    name: '1 vs 500 paragraphs',
    a: 'Премьер-министр Али Асадов встретился с Михаилом Мишустиным в Баку 5 марта.',
    b: Array.from({ length: 500 }, (_, k) => `Paragraph ${k + 1} of a long English report on trade worth ${k * 7 + 3} million dollars.`).join('\n\n'),
    expected: {
      // The one Russian sentence is no translation of 500 English paragraphs on another subject: both are said.
      warnings: ['length-ratio', 'unrelated-documents'],
      result: 'every paragraph in one link; the English paragraphs with no counterpart unmatched',
      check: (a) => {
        expect(a.links.length).toBeGreaterThanOrEqual(500);
        expect(a.links.filter((link) => link.ru.length === 0).length).toBeGreaterThanOrEqual(499);
      },
    },
  },
  {
    name: 'the same language twice (English, English)',
    a: EN,
    b: EN,
    expected: { error: 'same-language', message: /^both texts are English; give one Russian and one English text \(or pass the `langs` option if detection is wrong\)$/ },
  },
  { name: 'the same language twice (Russian, Russian)', a: RU, b: RU, expected: { error: 'same-language', message: /both texts are Russian/ } },
  {
    name: 'a third language: Ukrainian for Russian',
    a: UKRAINIAN,
    b: EN,
    expected: {
      // The Ukrainian text reports another meeting (Ukraine and Poland): not a translation of the English.
      warnings: ['third-language', 'length-ratio', 'unrelated-documents'],
      result: 'aligned as Russian; the warning names Ukrainian',
      check: (a) => expect(a.warnings.find((w) => w.code === 'third-language')?.message).toMatch(/^Russian text: the text looks like Ukrainian, not Russian/),
    },
  },
  {
    name: 'a third language: French for English',
    a: RU,
    b: FRENCH,
    expected: {
      warnings: ['third-language', 'length-ratio'],
      result: 'aligned as English; the warning names French',
      check: (a) => expect(a.warnings.find((w) => w.code === 'third-language')?.message).toMatch(/^English text: the text looks like French, not English/),
    },
  },
  {
    name: 'mixed-language paragraphs (Russian and English interleaved)',
    a: RU_PARAGRAPHS.map((p, k) => (k % 2 ? (EN_PARAGRAPHS[k] ?? p) : p)).join('\n\n'),
    b: EN,
    expected: {
      warnings: ['mixed-language'],
      result: 'read as the majority script (Russian), aligned',
      check: (a) => expect(a.warnings.find((w) => w.code === 'mixed-language')?.message).toMatch(/mixes Cyrillic and Latin script \(\d+% Cyrillic\); read as Russian/),
    },
  },
  {
    name: 'invalid UTF-8 (cp1251 bytes)',
    a: CP1251_RU,
    b: EN,
    expected: { error: 'not-utf8', message: /the bytes are not valid UTF-8; they look like windows-1251: pass the `encoding` option \("windows-1251"\), or convert the file to UTF-8 first \(e\.g\. `iconv -f windows-1251 -t utf-8`\)/ },
  },
  {
    name: 'UTF-16 LE with a byte-order mark',
    a: utf16(RU, false),
    b: EN,
    expected: { warnings: [], result: 'the same links as the UTF-8 text', check: (a) => expect(shape(a)).toEqual(shape(PLAIN)) },
  },
  {
    name: 'UTF-16 BE with a byte-order mark',
    a: RU,
    b: utf16(EN, true),
    expected: { warnings: [], result: 'the same links as the UTF-8 text', check: (a) => expect(shape(a)).toEqual(shape(PLAIN)) },
  },
  {
    name: 'UTF-16 cut short (odd number of bytes)',
    a: utf16(RU, false).subarray(0, 501),
    b: EN,
    expected: { error: 'not-utf8', message: /start with a UTF-16LE byte-order mark but are not valid UTF-16LE/ },
  },
  {
    name: 'UTF-8 with a byte-order mark',
    a: new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(RU)]),
    b: EN,
    expected: { warnings: [], result: 'the same links (the mark is dropped)', check: (a) => expect(shape(a)).toEqual(shape(PLAIN)) },
  },
  { name: 'binary bytes: a PNG header', a: PNG, b: EN, expected: { error: 'binary', message: /the file holds NUL bytes: it looks binary, not text; give a UTF-8 text file/ } },
  { name: 'binary bytes: random, with NUL', a: randomBytes(4096, 7, false), b: EN, expected: { error: 'binary', message: /looks binary/ } },
  { name: 'binary bytes: random, no NUL', a: RU, b: randomBytes(4096, 11, true), expected: { error: 'not-utf8', message: /^second text: the bytes are not valid UTF-8/ } },
  { name: 'NUL characters in a string', a: `${RU}\u0000\u0000`, b: EN, expected: { error: 'binary', message: /the text holds NUL characters/ } },
  {
    name: 'control characters, a few',
    a: RU.replace('Баку', 'Ба\u0007ку'),
    b: EN,
    expected: { warnings: ['control-characters'], result: 'aligned; the controls read as spaces', check: (a) => expect(a.links.length).toBe(PLAIN.links.length) },
  },
  {
    name: 'control characters, many',
    a: `${'\u0001\u0002\u0003 '.repeat(200)}${RU}`,
    b: EN,
    expected: { error: 'binary', message: /full of control characters/ },
  },
  {
    name: 'a very long paragraph without spaces (1 MB of letters)',
    a: 'а'.repeat(1_000_000),
    b: EN,
    expected: {
      warnings: ['no-anchors', 'length-ratio'],
      result: 'one Russian paragraph; nothing in the English matches it, so every paragraph is left unmatched',
      check: (a) => expect(a.ru.paragraphs).toHaveLength(1),
    },
  },
  {
    name: 'HTML instead of text',
    a: `<!DOCTYPE html><html><head><style>p { margin: 0 }</style><script>var s = "<p>x</p>";</script></head><body>\n${RU_HTML}\n</body></html>`,
    b: EN,
    expected: {
      warnings: ['markup'],
      result: 'tags ignored: one paragraph per <p>, the same texts as the plain version\'s blocks, aligned',
      check: (a) => {
        // As a browser shows it, a word broken across two <p> stays broken (plain text rejoins "поступа-" / "тельного").
        expect(a.ru.paragraphs.map((p) => p.clean)).toEqual(RU_PARAGRAPHS.map((p) => p.replace(/\s+/g, ' ')));
        expect(a.links.filter((link) => link.ru.length && link.en.length).length).toBeGreaterThanOrEqual(PLAIN.links.filter((link) => link.ru.length && link.en.length).length - 2);
        expect(a.warnings.find((w) => w.code === 'markup')?.message).toBe(
          'Russian text: the text looks like HTML; tags were ignored (paragraphs cut at block tags, entities decoded, scripts and styles skipped)',
        );
      },
    },
  },
  {
    name: 'Windows line endings (CRLF)',
    a: RU.replace(/\n/g, '\r\n'),
    b: EN.replace(/\n/g, '\r\n'),
    expected: { warnings: [], result: 'the same links as with LF', check: (a) => expect(shape(a)).toEqual(shape(PLAIN)) },
  },
  {
    name: 'old Mac line endings (CR)',
    a: RU.replace(/\n/g, '\r'),
    b: EN,
    expected: { warnings: [], result: 'the same links as with LF', check: (a) => expect(shape(a)).toEqual(shape(PLAIN)) },
  },
  {
    name: 'Unicode line and paragraph separators',
    a: RU.replace(/\n\n/g, '\u2029').replace(/\n/g, '\u2028'),
    b: EN,
    expected: { warnings: [], result: 'the same links as with LF', check: (a) => expect(shape(a)).toEqual(shape(PLAIN)) },
  },
  {
    name: 'only numbers on one side',
    a: '2023\n\n4,3\n\n11 %',
    b: EN,
    expected: {
      warnings: ['language-assumed', 'length-ratio'],
      result: 'read as Russian (the language the other text lacks) and aligned',
      check: (a) => expect(a.ru.langSource).toBe('option'),
    },
  },
  {
    name: 'only numbers on both sides',
    a: '2023\n\n4,3',
    b: '2023\n\n4.3',
    expected: { error: 'undetected-language', message: /no Russian or English text found; pass the `lang` option/ },
  },
  {
    name: 'neither Russian nor English script (Greek, Chinese)',
    a: 'Ο πρωθυπουργός συναντήθηκε με τον πρόεδρο.',
    b: '总理会见了总统。',
    expected: { error: 'undetected-language', message: /no Russian or English text found/ },
  },
  {
    name: 'no anchors at all',
    a: 'встреча прошла в тёплой обстановке.\n\nстороны обсудили многое.',
    b: 'the meeting was warm.\n\nthe sides discussed much.',
    expected: {
      warnings: ['no-anchors', 'no-anchors'],
      result: 'aligned by length and order: two 1-1 links',
      check: (a) => expect(shape(a)).toEqual([[[0], [0]], [[1], [1]]]),
    },
  },
  {
    name: 'emoji, combining marks, soft hyphens, no-break spaces',
    a: RU.replace('Баку', 'Баку 😀').replace('й', 'и\u0306').replace('сотрудничества', 'сотруд\u00ADничества').replace(/ /g, (m) => m),
    b: EN.replace('4.3', '4.3\u00A0'),
    expected: { warnings: [], result: 'the same links as the plain text', check: (a) => expect(shape(a)).toEqual(shape(PLAIN)) },
  },
  {
    name: 'input over maxInputSize',
    a: RU,
    b: EN,
    options: { maxInputSize: 3000 },
    expected: { error: 'too-large', message: /^first text: input is 3,238 characters, more than the limit of 3,000; split it, or raise the `maxInputSize` option$/ },
  },
  { name: 'not text: null', a: null, b: EN, expected: { error: 'invalid-input', message: /the input must be a string or a Uint8Array .*, not null/ } },
  { name: 'not text: a number', a: RU, b: 42, expected: { error: 'invalid-input', message: /not number/ } },
  { name: 'not text: an ArrayBuffer', a: utf8(RU).buffer, b: EN, expected: { error: 'invalid-input', message: /not an ArrayBuffer \(wrap it: new Uint8Array\(buffer\)\)/ } },
];

/** Rows of the outcome table, for HARDENING_REPORT. */
const report: string[] = [];
const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

describe('bad inputs: a typed error or a warning and a sensible result', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const started = performance.now();
    const result = safeAlignDocuments(c.a as string, c.b as string, c.options);
    const ms = performance.now() - started;
    if ('error' in c.expected) {
      expect(result.success, 'expected an InputError').toBe(false);
      if (result.success) return;
      expect(result.error).toBeInstanceOf(InputError);
      expect(result.error.code).toBe(c.expected.error);
      expect(result.error.message).toMatch(c.expected.message);
      report.push(`| ${cell(c.name)} | error \`${result.error.code}\` | ${cell(result.error.message)} |`);
    } else {
      if (!result.success) throw result.error;
      const alignment = result.data;
      expect(alignment.warnings.map((w) => w.code).sort()).toEqual([...c.expected.warnings].sort());
      checkInvariants(alignment);
      const discrepancies = findDiscrepancies(alignment);
      checkDiscrepancies(alignment, discrepancies);
      c.expected.check?.(alignment);
      // Every export writes something for every one of these inputs.
      for (const format of EXPORT_FORMATS) expect(exportAlignment(alignment, format, { discrepancies }).length).toBeGreaterThan(0);
      const warnings = alignment.warnings.map((w) => `\`${w.code}\` (${w.message})`).join('; ') || 'none';
      report.push(`| ${cell(c.name)} | ${cell(warnings)} | ${cell(c.expected.result)}; ${alignment.links.length} links (${ms.toFixed(0)} ms) |`);
    }
  });

  it('parseDocument refuses the same inputs with the same codes, naming the document by its id', () => {
    for (const c of CASES) {
      if (!('error' in c.expected) || c.expected.error === 'same-language') continue;
      if (c.expected.error === 'undetected-language') {
        expect(() => parseDocument(c.a as string, { id: 'doc-7' })).toThrow(/^doc-7: no Russian or English text found/);
        continue;
      }
      const parsed = [c.a, c.b]
        .map((input) => safeParseDocument(input as string, { id: 'doc-7', maxInputSize: c.options?.maxInputSize }))
        .find((result) => !result.success);
      expect(parsed, c.name).toBeDefined();
      if (parsed && !parsed.success) {
        expect(parsed.error.code).toBe(c.expected.error);
        expect(parsed.error.source).toBe('doc-7');
        expect(parsed.error.message.startsWith('doc-7: ')).toBe(true);
      }
    }
  });

  it('InputError is the only thing thrown, and the safe forms never throw', () => {
    for (const c of CASES) {
      try {
        alignDocuments(c.a as string, c.b as string, c.options);
      } catch (error) {
        expect(error).toBeInstanceOf(InputError);
        expect((error as Error).stack).toBeDefined();
      }
    }
  });
});

describe('options that cannot be used: invalid-option, not a TypeError deep inside', () => {
  const parseCases: Array<[string, ParseOptions, RegExp]> = [
    ['lang: "de"', { lang: 'de' as never }, /`lang` must be "ru" or "en" \(any case, a region such as "ru-RU" allowed\), not "de"/],
    ['paragraphs: "sentences"', { paragraphs: 'sentences' as never }, /`paragraphs` must be one of auto, text, html, blank-line, line, indent/],
    ['maxInputSize: NaN (would turn the limit off)', { maxInputSize: Number.NaN }, /`maxInputSize` must be a positive number/],
    ['maxInputSize: 0', { maxInputSize: 0 }, /`maxInputSize` must be a positive number/],
    ['maxInputSize: "1MB"', { maxInputSize: '1MB' as never }, /`maxInputSize` must be a positive number/],
    ['date: a Date object', { date: new Date() as never }, /`date` must be an ISO date string/],
    ['glossary: not a list', { glossary: { id: 'x' } as never }, /`glossary` must be a list of \{id: string, forms: string\[\]\}/],
    ['glossary: forms not strings', { glossary: [{ id: 'x', forms: [1] }] as never }, /`glossary` must be a list/],
    ['lexicon: missing en', { lexicon: [{ id: 'x', ru: ['a'] }] as never }, /`lexicon` must be a list/],
  ];
  it.each(parseCases)('parseDocument with %s', (_name, options, message) => {
    const result = safeParseDocument(RU, options);
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(result.error.code).toBe('invalid-option');
      expect(result.error.message).toMatch(message);
    }
  });

  const alignCases: Array<[string, AlignOptions, RegExp]> = [
    ['band: NaN (the DP found no path: an internal error)', { band: Number.NaN }, /`band` must be a positive number of paragraphs, at least 1 \(Infinity: as wide as the cell budget allows\), not NaN/],
    ['band: -3', { band: -3 }, /`band` must be a positive number/],
    ['langs: ["ru"] (not a pair)', { langs: ['ru'] as never }, /`langs` must be a pair/],
    ['langs: ["xx", undefined]', { langs: ['xx' as never, undefined] }, /`lang` must be "ru" or "en" \(any case, a region such as "ru-RU" allowed\), not "xx"/],
    ['cost.omission: NaN (every comparison false)', { cost: { omission: Number.NaN } }, /`cost.omission` must be a number, not NaN/],
    ['cost.shapes: {"x-y": 1}', { cost: { shapes: { 'x-y': 1 } } }, /`cost.shapes` must map shapes such as "2-1"/],
    ['cost.shapes: {"0-0": 0} (a bead that takes nothing)', { cost: { shapes: { '0-0': 0 } } }, /`cost.shapes` must map/],
    ['cost.length: ratio 0', { cost: { length: { ratio: 0, variance: 2 } } }, /`cost.length` must have a positive `ratio` and `variance`/],
    ['cost.length: outlierShare 1', { cost: { length: { ratio: 1, variance: 2, outlierShare: 1 } } }, /outlierShare` must be a number from 0 to 1/],
  ];
  it.each(alignCases)('alignDocuments with %s', (_name, options, message) => {
    const result = safeAlignDocuments(RU, EN, options);
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(result.error.code).toBe('invalid-option');
      expect(result.error.message).toMatch(message);
    }
  });

  it('still accepts the extremes that make sense (band 1, band Infinity, a zero or infinite cost)', () => {
    for (const options of [{ band: 1 }, { band: Infinity }, { cost: { omission: 0 } }, { cost: { absorbThreshold: Infinity } }, { cost: { shapes: {} } }]) {
      checkInvariants(alignDocuments(RU, EN, options));
    }
  });
});

describe('HTML read as text', () => {
  const PAGE = `<!DOCTYPE html>
<html lang="ru"><head><meta charset="utf-8"><title>Встреча в Баку</title>
<style>p { color: red } .a > .b {}</style>
<script type="text/javascript">var a = "<p>не текст</p>"; if (a < b && c > d) {}</script>
</head>
<body class="article" data-layout='wide > narrow'>
<h1 class="title">Премьер-министр <b>Али Асадов</b> встретился с Мишустиным</h1>
<!-- комментарий <p>скрыт</p> -->
<p>БАКУ, 5 марта. Товарооборот достиг 4,3&nbsp;млрд долларов &amp; вырос на 11&#160;процентов.<br>
Вторая строка&nbsp;&mdash; после &lt;br&gt;.</p>
<ul><li>Пункт &laquo;один&raquo;</li><li>Пункт &#x414;ва &bogus; &#0; конец</li></ul>
<table><tr><td>Ячейка</td><td>соседняя</td></tr></table>
<p>Слово<i>внутри</i>слова и  <b> пробелы </b>  вокруг.</p>
<p>&shy;</p>
</body></html>`;

  it('cuts paragraphs at block tags, leaves tags out of clean, decodes entities, skips scripts, styles and comments', () => {
    const doc = parseDocument(PAGE);
    expect(doc.lang).toBe('ru');
    expect(doc.warnings.map((w) => w.code)).toEqual(['markup']);
    expect(doc.paragraphs.map((p) => p.clean)).toEqual([
      'Встреча в Баку',
      'Премьер-министр Али Асадов встретился с Мишустиным',
      'БАКУ, 5 марта. Товарооборот достиг 4,3\u00A0млрд долларов & вырос на 11\u00A0процентов.',
      'Вторая строка\u00A0— после <br>.',
      'Пункт «один»',
      'Пункт Два &bogus; &#0; конец',
      'Ячейка соседняя',
      'Слововнутрислова и пробелы вокруг.',
    ]);
    expect(doc.meta.title).toBe('Встреча в Баку');
    checkDocument(doc);
    checkOffsets(doc);
  });

  it('maps clean offsets back into the markup: letters to themselves, decoded entities to their reference', () => {
    const doc = parseDocument(PAGE);
    for (const paragraph of doc.paragraphs) {
      for (let k = 0; k < paragraph.clean.length; k++) {
        const at = toSourceOffset(paragraph, k);
        if (/[0-9A-Za-zА-Яа-яЁё]/.test(paragraph.clean[k])) expect(PAGE[at] === paragraph.clean[k] || PAGE[at] === '&').toBe(true);
      }
    }
    const figure = doc.paragraphs[2].anchors.find((a) => a.key === 'num:4300000000');
    expect(figure?.surface).toBe('4,3&nbsp;млрд долларов');
    expect(PAGE.slice(figure!.start, figure!.end)).toBe(figure!.surface);
  });

  it('reads the language from the visible text, not from Latin tag names and attributes', () => {
    const latinHeavy = `<div class="container-fluid main-content" data-analytics-id="article-body-section">${RU_PARAGRAPHS.slice(0, 2)
      .map((p) => `<p style="font-family: Helvetica, Arial, sans-serif; line-height: 1.5">${p}</p>`)
      .join('')}</div>`;
    const doc = parseDocument(latinHeavy);
    expect(doc.lang).toBe('ru');
    expect(doc.warnings.map((w) => w.code)).toEqual(['markup']);
  });

  it.each([
    ['two paragraphs in <p>', '<p>a</p><p>b</p>', true],
    ['a doctype', '<!DOCTYPE html>\nТекст', true],
    ['an <html> root', '  <html lang="ru">Текст</html>', true],
    ['lines joined by <br>', 'строка<br>строка<br/>строка', true],
    ['a comparison in plain text', 'x < y and y > z, 3 <5', false],
    ['a name in angle brackets', 'Write to <Ivanov> or <Petrov>', false],
    ['one block tag mentioned', 'The <p> tag starts a paragraph.', false],
    ['inline tags only', 'a <b>bold</b> and <i>italic</i> word', false],
    ['a run of <', '<<<<<<<<', false],
    ['an unclosed tag', '<p class="x', false],
  ])('detects markup: %s → %s', (_name, text, expected) => {
    expect(looksLikeMarkup(text)).toBe(expected);
  });

  it('leaves a plain text that mentions tags alone', () => {
    const text = `${RU}\n\nФормат <p> и знаки x < y сохранены.`;
    const doc = parseDocument(text);
    expect(doc.warnings.map((w) => w.code)).not.toContain('markup');
    expect(doc.paragraphs.at(-1)?.clean).toBe('Формат <p> и знаки x < y сохранены.');
  });

  it('obeys an explicit paragraphs mode: "blank-line" reads HTML as plain text, "html" forces markup handling', () => {
    const html = '<p>Первый абзац, 2023.</p>\n\n<p>Второй &amp; последний.</p>';
    const asText = parseDocument(html, { lang: 'ru', paragraphs: 'blank-line' });
    expect(asText.warnings.map((w) => w.code)).not.toContain('markup');
    expect(asText.paragraphs.map((p) => p.clean)).toEqual(['<p>Первый абзац, 2023.</p>', '<p>Второй &amp; последний.</p>']);
    const forced = parseDocument('Один &amp; два.\n\nТри.', { lang: 'ru', paragraphs: 'html' });
    expect(forced.paragraphs.map((p) => p.clean)).toEqual(['Один & два.', 'Три.']);
    expect(forced.warnings.map((w) => w.code)).toContain('markup');
  });

  it('an unclosed <script> hides the rest of the page, as a browser does; an unclosed tag is text', () => {
    const doc = parseDocument('<p>Видимый текст 2023.</p><p>Ещё текст.</p><script>var x = 1; <p>скрыто</p>', { lang: 'ru' });
    expect(doc.paragraphs.map((p) => p.clean)).toEqual(['Видимый текст 2023.', 'Ещё текст.']);
    const open = splitParagraphs('<p>Текст</p><p>Ещё <a href="x', { mode: 'html' });
    expect(open.paragraphs.map((p) => p.clean)).toEqual(['Текст', 'Ещё <a href="x']);
  });
});

describe('the HTML report escapes every path text takes into it', () => {
  /** The report's own tags: anything else in the output came from a document and was not escaped. */
  const OWN_TAGS = new Set(['html', 'head', 'meta', 'title', 'style', 'body', 'h1', 'h2', 'p', 'section', 'div', 'table', 'colgroup', 'col', 'thead', 'tbody', 'tr', 'th', 'td', 'span', 'br', 'ul', 'li', 'b', 'mark', 'footer', 'fieldset', 'legend', 'label', 'input', 'a']);
  const SCRIPT = '<script>alert(1)</script>';
  const ATTRIBUTE = '" onmouseover="alert(2)" x="';
  const IMG = "'><img src=x onerror=alert(3)>";

  it.each([
    ['plain text', (text: string) => text],
    // Entities decode in clean: "&lt;script&gt;" becomes "<script>" there, and must be escaped again on the way out.
    ['HTML input', (text: string) => text.split('\n\n').map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</p>`).join('')],
  ])('%s: ids, titles, paragraphs, names, figures, warnings and messages', (_name, wrapText) => {
    const ru = wrapText(`Заголовок ${SCRIPT}\n\n${RU}\n\nЛишний абзац ${IMG} про Хабаровск и 777 тонн ${ATTRIBUTE}.`);
    // The English-only note at the end is the paragraph without counterpart whose message carries the script.
    const en = `Title ${ATTRIBUTE}\n\n${EN.replace('4.3', '4.8')}\n\nAn extra paragraph on O'Neil${SCRIPT} and 999 tons ${IMG}.\n\nEditor's note ${SCRIPT}.`;
    const alignment = alignDocuments(ru, en, { ids: [`ru${SCRIPT}.txt`, `en${ATTRIBUTE}.txt`] });
    const discrepancies = findDiscrepancies(alignment);
    expect(discrepancies.some((d) => d.kind === 'number-mismatch')).toBe(true);
    expect(discrepancies.some((d) => d.kind === 'unmatched-paragraph' && d.message.includes(SCRIPT))).toBe(true);
    expect(discrepancies.some((d) => d.kind === 'entity-missing' && d.message.includes("O'Neil"))).toBe(true);
    for (const options of [{}, { title: `Report ${SCRIPT}${ATTRIBUTE}` }]) {
      // The report's own script (the issue filters) is the one script allowed; the rest is checked without it.
      const page = exportAlignment(alignment, 'html', { discrepancies, ...options });
      expect(page.split('<script').length - 1).toBe(1);
      const html = page.replace(`<script>${REPORT_SCRIPT}</script>`, '');
      const tags = new Set([...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)/g)].map((m) => m[1].toLowerCase()));
      expect([...tags].filter((tag) => !OWN_TAGS.has(tag))).toEqual([]);
      expect(html).not.toMatch(/<[^>]*\son[a-z]+\s*=/i);
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(html).toContain('&quot; onmouseover=&quot;alert(2)&quot;');
      expect(html).toContain('&#39;&gt;&lt;img src=x onerror=alert(3)&gt;');
    }
  });
});

/** Dev-set pairs concatenated in the same order on both sides (or the seed pair repeated when absent). */
function largePair(size: number): { ru: string; en: string } {
  const root = devRoot();
  const dir = root ? `${root}/cases` : '';
  const cases = root ? readdirSync(dir).filter((name) => existsSync(`${dir}/${name}/ru.txt`)).sort() : [];
  const ru: string[] = [];
  const en: string[] = [];
  // Each side grows to `size` characters on its own (translations differ in length, and the seed fallback a lot).
  let ruLength = 0;
  let enLength = 0;
  for (let k = 0; ruLength < size || enLength < size; k++) {
    const [r, e] = cases.length
      ? [readFileSync(`${dir}/${cases[k % cases.length]}/ru.txt`, 'utf8'), readFileSync(`${dir}/${cases[k % cases.length]}/en.txt`, 'utf8')]
      : [RU, EN];
    ru.push(r);
    en.push(e);
    ruLength += r.length + 2;
    enLength += e.length + 2;
  }
  return { ru: ru.join('\n\n'), en: en.join('\n\n') };
}

const timings: string[] = [];
const timed = <T>(name: string, fn: () => T): { value: T; ms: number } => {
  const started = performance.now();
  const value = fn();
  const ms = performance.now() - started;
  timings.push(`${name}: ${ms.toFixed(0)} ms`);
  return { value, ms };
};
const SCALE = Boolean(process.env.BITEXT_SCALE_TESTS);

describe('large inputs and bounded cost', () => {
  it('10 MB per side: each side parses in linear time', { timeout: 180_000 }, () => {
    const small = largePair(1_000_000);
    const big = largePair(10_000_000);
    expect(big.ru.length + big.en.length).toBeGreaterThan(19_000_000);
    const ruSmall = timed('parse 1 MB (Russian)', () => parseDocument(small.ru));
    const ruBig = timed('parse 10 MB (Russian)', () => parseDocument(big.ru));
    const enBig = timed('parse 10 MB (English)', () => parseDocument(big.en));
    expect(ruBig.value.lang).toBe('ru');
    expect(enBig.value.lang).toBe('en');
    expect(ruBig.value.paragraphs.length).toBeGreaterThan(9 * ruSmall.value.paragraphs.length);
    // Linear: ten times the text costs about ten times the time (×3 slack for a loaded machine), not a hundred.
    expect(ruBig.ms / big.ru.length).toBeLessThan((3 * ruSmall.ms) / small.ru.length + 0.002);
    for (const doc of [ruBig.value, enBig.value]) {
      const p = doc.paragraphs[doc.paragraphs.length >> 1];
      expect(doc.source.slice(p.start, p.end)).toBe(p.text);
    }
  });

  it('2 MB per side: aligned, checked and exported in seconds', { timeout: 120_000 }, () => {
    const { ru, en } = largePair(2_000_000);
    const a = parseDocument(ru);
    const b = parseDocument(en);
    const alignment = timed('align 2 MB per side', () => alignDocuments(a, b)).value;
    expect(alignment.warnings.map((w) => w.code)).toEqual([]);
    checkInvariants(alignment);
    const discrepancies = timed('discrepancies 2 MB per side', () => findDiscrepancies(alignment)).value;
    checkDiscrepancies(alignment, discrepancies);
    for (const format of EXPORT_FORMATS) {
      // Per-link discrepancy lookups were links × discrepancies (20 s for html at 10 MB); now indexed.
      const { ms } = timed(`export ${format} 2 MB per side`, () => exportAlignment(alignment, format, { discrepancies }));
      expect(ms).toBeLessThan(15_000);
    }
  });

  it.runIf(SCALE)('10 MB per side end to end: parse, align, check, export', { timeout: 600_000 }, () => {
    const { ru, en } = largePair(10_000_000);
    const a = timed('[scale] parse 10 MB (Russian)', () => parseDocument(ru)).value;
    const b = timed('[scale] parse 10 MB (English)', () => parseDocument(en)).value;
    const alignment = timed('[scale] align 10 MB per side', () => alignDocuments(a, b)).value;
    checkInvariants(alignment);
    const discrepancies = timed('[scale] discrepancies 10 MB per side', () => findDiscrepancies(alignment)).value;
    for (const format of EXPORT_FORMATS) timed(`[scale] export ${format} 10 MB per side`, () => exportAlignment(alignment, format, { discrepancies }));
  });

  it.each([
    [1, 500],
    [1, 5000],
    [5000, 1],
    [3, 3000],
  ])('%i vs %i paragraphs: the band follows the slope, a few seconds at most', (n, m) => {
    const ruParagraphs = Array.from({ length: n }, (_, k) => `Абзац ${k + 1} о торговле на ${k * 3 + 1} млн долларов.`);
    const enParagraphs = Array.from({ length: m }, (_, k) => `Paragraph ${k + 1} on trade worth ${k * 7 + 2} million dollars.`);
    const { value: alignment, ms } = timed(`${n} vs ${m} paragraphs`, () => alignDocuments(ruParagraphs.join('\n\n'), enParagraphs.join('\n\n')));
    checkInvariants(alignment);
    expect(ms).toBeLessThan(10_000);
  });

  it('a path far off the diagonal: the band widens up to its cell budget, then says so (limited)', () => {
    // Russian item i matches English item i + 300: the best path starts with 300 English omissions.
    const n = 2000;
    const offset = 300;
    const shapes = [{ ru: 1, en: 1 }, { ru: 1, en: 0 }, { ru: 0, en: 1 }];
    const problem = { n, m: n + offset, shapes, cost: (i: number, j: number, s: { ru: number; en: number }) => (s.ru && s.en ? (j === i + offset ? 0 : 8) : 1) };
    const limited = timed('DP 2000 × 2300, default cell budget', () => solveBeadsInBand(problem)).value;
    expect(limited.limited).toBe(true);
    expect(limited.path.reduce((sum, step) => sum + step.shape.ru, 0)).toBe(n);
    const full = timed('DP 2000 × 2300, unlimited', () => solveBeadsInBand(problem, { maxWidenedCells: Infinity })).value;
    expect(full.limited).toBe(false);
    expect(full.path.filter((step) => step.shape.ru === 1 && step.shape.en === 1).every((step) => step.j === step.i + offset)).toBe(true);
  });

  it.runIf(SCALE)('two unrelated 1 MB texts: bounded time and a band-limit warning, not minutes and gigabytes', { timeout: 300_000 }, () => {
    const ru = RU.repeat(Math.ceil(1_000_000 / RU.length)).slice(0, 1_000_000);
    const en = EN.repeat(Math.ceil(1_000_000 / EN.length)).slice(0, 1_000_000);
    const { value: alignment, ms } = timed('[scale] two unrelated 1 MB texts', () => alignDocuments(ru, en));
    expect(alignment.warnings.map((w) => w.code)).toContain('band-limit');
    checkInvariants(alignment);
    expect(ms).toBeLessThan(120_000);
  });

  it('maxInputSize: the default admits 10 MB and refuses what is past it, before any work', () => {
    expect(DEFAULT_MAX_INPUT_SIZE).toBe(50_000_000);
    const over = 'a'.repeat(DEFAULT_MAX_INPUT_SIZE + 1);
    const { ms } = timed('refuse 50 MB + 1', () => expect(() => parseDocument(over)).toThrow(/input is 50,000,001 characters, more than the limit of 50,000,000/));
    expect(ms).toBeLessThan(1000);
    expect(() => parseDocument(utf8(RU), { maxInputSize: 1000 })).toThrow(/input is [\d,]+ bytes, more than the limit of 1,000/);
    expect(safeParseDocument(RU, { maxInputSize: RU.length }).success).toBe(true);
    expect(() => alignDocuments(RU, EN, { maxInputSize: 2800, ids: ['ru.txt', 'en.txt'] })).toThrow(/^ru\.txt: input is 3,238 characters/);
  });

  it('report the timings', () => {
    console.log(`hardening timings (this machine):\n  ${timings.join('\n  ')}`);
    if (process.env.HARDENING_REPORT) console.log(`| input | outcome | result |\n|---|---|---|\n${report.join('\n')}`);
  });
});
