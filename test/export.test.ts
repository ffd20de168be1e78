import { readFileSync } from 'node:fs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { alignDocuments } from '../src/align/align.js';
import { findDiscrepancies } from '../src/check/discrepancies.js';
import {
  displayWidth,
  escapeXml,
  exportAlignment,
  EXPORT_FORMATS,
  formatSideBySide,
  jsonlLines,
  oneLine,
  tmxClose,
  tmxDate,
  tmxOpen,
  tmxUnits,
  toCleanOffset,
  toHtml,
  toJson,
  toJsonl,
  toMoses,
  toTmx,
  toTsv,
  wrap,
  type JsonlRecord,
  type JsonReport,
} from '../src/export/index.js';
import { REPORT_SCRIPT } from '../src/export/html.js';
import { toXliff } from '../src/export/xliff.js';
import { alignSentences } from '../src/sentences/align.js';
import { toSourceOffset } from '../src/text/normalize.js';
import type { Alignment, Anchor, Discrepancy, Document, Lang, Link } from '../src/types.js';
import { VERSION } from '../src/version.js';

const corpus = (name: string): string => readFileSync(new URL(`../corpus/${name}`, import.meta.url), 'utf8');
const RU_NAME = '002_6e70b530b08c33a1.txt';
const EN_NAME = '000_0de97bedda4ecb13.txt';
const alignment = alignDocuments(corpus(RU_NAME), corpus(EN_NAME), { ids: [RU_NAME, EN_NAME] });
const discrepancies = findDiscrepancies(alignment);
const DATE = new Date(Date.UTC(2024, 2, 5, 12, 30, 45));
const twoSided = (link: { ru: number[]; en: number[] }): boolean => link.ru.length > 0 && link.en.length > 0;
/** A side's export text: the clean texts of its paragraphs, without the leading `date YYYY-MM-DD` metadata line. */
const sideText = (doc: Document, indices: number[]): string =>
  indices
    .map((k) => (k === 0 && doc.meta.date ? doc.paragraphs[k].clean.replace(/^date:?\s+\d{4}-\d{2}-\d{2}\s*/i, '') : doc.paragraphs[k].clean))
    .filter(Boolean)
    .join(' ');

const xmlParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  htmlEntities: true,
  isArray: (name) => ['tu', 'tuv', 'prop'].includes(name),
});

interface ParsedTu {
  '@_tuid': string;
  prop: Array<{ '#text'?: string; '@_type': string }>;
  tuv: Array<{ '@_xml:lang': string; seg: string }>;
}

function parseTmx(xml: string): { header: Record<string, string>; tus: ParsedTu[]; version: string } {
  expect(XMLValidator.validate(xml)).toBe(true);
  const doc = xmlParser.parse(xml);
  return { header: doc.tmx.header, tus: doc.tmx.body?.tu ?? [], version: doc.tmx['@_version'] };
}

const props = (tu: ParsedTu): Record<string, string> => Object.fromEntries(tu.prop.map((p) => [p['@_type'], p['#text'] ?? '']));
const segs = (tu: ParsedTu): Record<string, string> => Object.fromEntries(tu.tuv.map((t) => [t['@_xml:lang'], String(t.seg ?? '')]));

describe('version', () => {
  it('equals package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(VERSION).toBe(pkg.version);
  });
});

describe('the seed pair', () => {
  it('aligns with both one-sided and n-m links, and has discrepancies (so the tests below test something)', () => {
    expect(alignment.links.some((link) => !twoSided(link))).toBe(true);
    expect(alignment.links.some((link) => link.ru.length + link.en.length > 2)).toBe(true);
    expect(discrepancies.length).toBeGreaterThan(0);
  });
});

describe('TMX', () => {
  const xml = toTmx(alignment, { date: DATE });
  const tmx = parseTmx(xml);

  it('is TMX 1.4 with the header a CAT tool expects', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">')).toBe(true);
    expect(tmx.version).toBe('1.4');
    expect(tmx.header).toMatchObject({
      '@_creationtool': 'bitext-align',
      '@_creationtoolversion': VERSION,
      '@_segtype': 'paragraph',
      '@_o-tmf': 'bitext-align',
      '@_adminlang': 'en',
      '@_srclang': 'ru',
      '@_datatype': 'plaintext',
      '@_creationdate': '20240305T123045Z',
    });
  });

  it('has one <tu> per two-sided link, with the texts and provenance of the link', () => {
    const links = alignment.links.filter(twoSided);
    expect(tmx.tus).toHaveLength(links.length);
    tmx.tus.forEach((tu, k) => {
      const link = links[k];
      expect(segs(tu)).toEqual({ ru: sideText(alignment.ru, link.ru), en: sideText(alignment.en, link.en) });
      expect(tu.tuv.map((t) => t['@_xml:lang'])).toEqual(['ru', 'en']);
      expect(props(tu)).toEqual({
        'x-document-ru': RU_NAME,
        'x-document-en': EN_NAME,
        'x-paragraphs-ru': link.ru.join(','),
        'x-paragraphs-en': link.en.join(','),
        'x-score': String(link.score),
      });
      expect(tu['@_tuid']).toBe(String(alignment.links.indexOf(link) + 1));
    });
  });

  it('writes one-sided links as single-<tuv> units on request', () => {
    const all = parseTmx(toTmx(alignment, { date: DATE, includeUnmatched: true }));
    expect(all.tus).toHaveLength(alignment.links.length);
    all.tus.forEach((tu, k) => {
      const link = alignment.links[k];
      expect(tu.tuv.map((t) => t['@_xml:lang'])).toEqual([...(link.ru.length ? ['ru'] : []), ...(link.en.length ? ['en'] : [])]);
    });
  });

  it('takes the source language, locales and a tuid prefix as options', () => {
    const en = parseTmx(toTmx(alignment, { date: DATE, srclang: 'en', locales: { ru: 'ru-RU', en: 'en-US' }, tuidPrefix: 'seed-' }));
    expect(en.header['@_srclang']).toBe('en-US');
    expect(en.tus[0].tuv.map((t) => t['@_xml:lang'])).toEqual(['en-US', 'ru-RU']);
    expect(en.tus[0]['@_tuid']).toMatch(/^seed-\d+$/);
    expect(parseTmx(toTmx(alignment, { date: DATE, srclang: '*all*' })).header['@_srclang']).toBe('*all*');
  });

  it('writes sentence units with segtype="sentence"', () => {
    const sentences = alignSentences(alignment);
    const tmx = parseTmx(toTmx(alignment, { date: DATE, sentences }));
    expect(tmx.header['@_segtype']).toBe('sentence');
    const links = sentences.links.filter(twoSided);
    expect(tmx.tus).toHaveLength(links.length);
    tmx.tus.forEach((tu, k) => {
      const link = links[k];
      expect(segs(tu).ru).toBe(link.ru.map((i) => sentences.sentences.ru[i].text).join(' '));
      expect(props(tu)['x-sentences-en']).toBe(link.en.join(','));
      expect(props(tu)['x-paragraphs-ru']).toBe([...new Set(link.ru.map((i) => sentences.sentences.ru[i].paragraph))].join(','));
    });
  });

  it('streams: open + units + close is the whole document', () => {
    expect(tmxOpen({ date: DATE }) + tmxUnits(alignment).join('') + tmxClose()).toBe(xml);
  });

  it('formats dates as YYYYMMDDThhmmssZ', () => {
    expect(tmxDate(new Date(Date.UTC(2001, 0, 2, 3, 4, 5)))).toBe('20010102T030405Z');
  });
});

describe('TSV and Moses', () => {
  it('writes one link per line and reads back', () => {
    const tsv = toTsv(alignment);
    expect(tsv.endsWith('\n')).toBe(true);
    const lines = tsv.slice(0, -1).split('\n');
    expect(lines).toHaveLength(alignment.links.length);
    lines.forEach((line, k) => {
      const link = alignment.links[k];
      const [ru, en, score, ruIndices, enIndices, ...rest] = line.split('\t');
      expect(rest).toEqual([]);
      expect(ru).toBe(sideText(alignment.ru, link.ru));
      expect(en).toBe(sideText(alignment.en, link.en));
      expect(Number(score)).toBe(link.score);
      expect(ruIndices ? ruIndices.split(',').map(Number) : []).toEqual(link.ru);
      expect(enIndices ? enIndices.split(',').map(Number) : []).toEqual(link.en);
    });
  });

  it('writes a header line on request', () => {
    expect(toTsv(alignment, { header: true }).split('\n')[0]).toBe('ru\ten\tscore\tru_indices\ten_indices');
  });

  it('writes Moses files with the same line count', () => {
    const { ru, en } = toMoses(alignment, { dropUnmatched: true });
    const ruLines = ru.slice(0, -1).split('\n');
    const enLines = en.slice(0, -1).split('\n');
    const links = alignment.links.filter(twoSided);
    expect(ruLines).toHaveLength(links.length);
    expect(enLines).toHaveLength(links.length);
    expect(ruLines[0]).toBe(sideText(alignment.ru, links[0].ru));
    const all = toMoses(alignment);
    expect(all.ru.split('\n')).toHaveLength(all.en.split('\n').length);
  });
});

describe('JSONL', () => {
  const records = toJsonl(alignment, discrepancies)
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as JsonlRecord);

  it('writes one record per link, with ids, indices, texts and score', () => {
    expect(records).toHaveLength(alignment.links.length);
    records.forEach((record, k) => {
      const link = alignment.links[k];
      expect(record).toMatchObject({
        ruDocument: RU_NAME,
        enDocument: EN_NAME,
        level: 'paragraph',
        link: k,
        ru: link.ru,
        en: link.en,
        ruText: sideText(alignment.ru, link.ru),
        enText: sideText(alignment.en, link.en),
        score: link.score,
      });
    });
  });

  it("gives each link the discrepancies that concern it, and every discrepancy to some link", () => {
    const seen = new Set<string>();
    for (const record of records) {
      for (const d of record.discrepancies) {
        expect(d.ru.some((i) => record.ru.includes(i)) || d.en.some((j) => record.en.includes(j))).toBe(true);
        seen.add(d.message);
      }
    }
    expect(seen).toEqual(new Set(discrepancies.map((d) => d.message)));
  });

  it('writes sentence records', () => {
    const sentences = alignSentences(alignment);
    const lines = jsonlLines(alignment, discrepancies, { sentences }).map((line) => JSON.parse(line) as JsonlRecord);
    expect(lines).toHaveLength(sentences.links.length);
    expect(lines.every((record) => record.level === 'sentence')).toBe(true);
    const mismatchOrMissing = discrepancies.filter((d) => d.kind !== 'unmatched-paragraph');
    for (const d of mismatchOrMissing) {
      expect(lines.some((record) => record.discrepancies.some((x) => x.message === d.message))).toBe(true);
    }
  });
});

describe('JSON', () => {
  const json = JSON.parse(toJson(alignment, discrepancies)) as JsonReport;

  it('lists every paragraph with offsets and clean text', () => {
    for (const side of ['ru', 'en'] as const) {
      expect(json.paragraphs[side]).toEqual(
        alignment[side].paragraphs.map((p) => ({ index: p.index, start: p.start, end: p.end, text: p.clean })),
      );
    }
    expect(json.documents).toEqual({ ru: { id: RU_NAME, lang: 'ru' }, en: { id: EN_NAME, lang: 'en' } });
  });

  it('lists the links and the warnings', () => {
    expect(json.links).toEqual(alignment.links.map(({ ru, en, score }) => ({ ru, en, score })));
    expect(json.warnings).toEqual(alignment.warnings);
  });

  it('lists the discrepancies with their values and offsets', () => {
    expect(json.discrepancies).toHaveLength(discrepancies.length);
    json.discrepancies.forEach((d, k) => {
      const original = discrepancies[k];
      expect(d).toMatchObject({ kind: original.kind, ru: original.ru, en: original.en, severity: original.severity, message: original.message });
      if (d.kind === 'number-mismatch') {
        expect(alignment.ru.source.slice(d.ruStart, d.ruEnd)).toBe(d.ruValue);
        expect(alignment.en.source.slice(d.enStart, d.enEnd)).toBe(d.enValue);
      } else if (d.kind === 'number-missing' || d.kind === 'entity-missing') {
        const doc = alignment[d.side!];
        const [start, end] = d.side === 'ru' ? [d.ruStart, d.ruEnd] : [d.enStart, d.enEnd];
        expect(doc.source.slice(start, end)).toBe(d.value);
      } else {
        const paragraph = alignment[d.side!].paragraphs[d[d.side!][0]];
        expect(d.side === 'ru' ? [d.ruStart, d.ruEnd] : [d.enStart, d.enEnd]).toEqual([paragraph.start, paragraph.end]);
      }
    });
  });

  it('adds sentences on request', () => {
    const sentences = alignSentences(alignment);
    const withSentences = JSON.parse(toJson(alignment, discrepancies, { sentences })) as JsonReport;
    expect(withSentences.sentences!.ru).toHaveLength(sentences.sentences.ru.length);
    expect(withSentences.sentenceLinks).toHaveLength(sentences.links.length);
  });
});

describe('text report', () => {
  it.each([40, 80, 132])('fits %i columns', (width) => {
    const text = formatSideBySide(alignment, discrepancies, { width });
    for (const line of text.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(width);
  });

  it('shows every link, marks unmatched paragraphs and lists discrepancies under their row', () => {
    const text = formatSideBySide(alignment, discrepancies, { width: 100 });
    alignment.links.forEach((_, k) => expect(text).toContain(`#${k + 1} · `));
    if (alignment.links.some((link) => link.en.length === 0)) expect(text).toContain('— no English counterpart —');
    for (const d of discrepancies) expect(text.replace(/\s+/g, ' ')).toContain(d.message.replace(/\s+/g, ' '));
    expect(text).not.toContain('\u001b[');
    expect(formatSideBySide(alignment, discrepancies, { color: true })).toContain('\u001b[');
  });

  it('wraps by terminal columns, Cyrillic one column per letter', () => {
    expect(displayWidth('Привет')).toBe(6);
    expect(displayWidth('e\u0301')).toBe(1);
    expect(displayWidth('中文')).toBe(4);
    expect(wrap('один два три четыре', 9)).toEqual(['один два', 'три', 'четыре']);
    expect(wrap('абвгдежзийклмн', 5)).toEqual(['абвгд', 'ежзий', 'клмн']);
  });
});

describe('HTML report', () => {
  const html = toHtml(alignment, discrepancies);

  it('is one self-contained page with a summary and one row per link', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    // One script, the report's own (the filters); nothing loaded from elsewhere.
    expect(html.split('<script').length - 1).toBe(1);
    expect(html).toContain(`<script>${REPORT_SCRIPT}</script>`);
    expect(html.replace(`<script>${REPORT_SCRIPT}</script>`, '')).not.toMatch(/<script|<link |src=|https?:\/\//i);
    expect(html).toContain('Links by shape');
    expect(html).toContain(RU_NAME);
    alignment.links.forEach((link, k) => expect(html).toContain(`id="link-${k + 1}" data-ru="${link.ru.join(',')}" data-en="${link.en.join(',')}"`));
    expect(html.match(/<tr class="link/g)).toHaveLength(alignment.links.length);
  });

  it('highlights unmatched paragraphs and marks discrepancy anchors', () => {
    expect(html).toContain('class="link shape-1-0 unmatched');
    const anchored = discrepancies.filter((d) => d.kind !== 'unmatched-paragraph');
    expect(html.match(/<mark /g)?.length ?? 0).toBeGreaterThanOrEqual(Math.min(1, anchored.length));
  });
});

describe('exportAlignment', () => {
  it.each(EXPORT_FORMATS)('writes %s as its writer does', (format) => {
    const options = { discrepancies, date: DATE };
    const direct: Record<string, () => string> = {
      json: () => toJson(alignment, discrepancies),
      jsonl: () => toJsonl(alignment, discrepancies),
      tmx: () => toTmx(alignment, { date: DATE }),
      tsv: () => toTsv(alignment),
      html: () => toHtml(alignment, discrepancies),
      text: () => formatSideBySide(alignment, discrepancies),
      xliff: () => toXliff(alignment, discrepancies),
    };
    expect(exportAlignment(alignment, format, options)).toBe(direct[format]());
  });

  it('finds the discrepancies itself by default', () => {
    expect(exportAlignment(alignment, 'json')).toBe(toJson(alignment, discrepancies));
  });

  it('aligns sentences for level "sentence"', () => {
    const tsv = exportAlignment(alignment, 'tsv', { level: 'sentence' });
    expect(tsv).toBe(toTsv(alignment, { sentences: alignSentences(alignment) }));
    expect(tsv.split('\n').length).toBeGreaterThan(toTsv(alignment).split('\n').length);
  });

  it('refuses an unknown format', () => {
    expect(() => exportAlignment(alignment, 'xml' as never)).toThrow(/unknown export format "xml"/);
  });
});

describe('filters', () => {
  it.each(['tsv', 'jsonl', 'json'] as const)('apply to %s', (format) => {
    const count = (options: object): number => {
      const out = exportAlignment(alignment, format, { discrepancies, ...options });
      return format === 'json' ? (JSON.parse(out) as JsonReport).links.length : out.trimEnd().split('\n').filter(Boolean).length;
    };
    expect(count({})).toBe(alignment.links.length);
    expect(count({ dropUnmatched: true })).toBe(alignment.links.filter(twoSided).length);
    expect(count({ oneToOneOnly: true })).toBe(alignment.links.filter((l) => l.ru.length === 1 && l.en.length === 1).length);
    expect(count({ minScore: 0.5 })).toBe(alignment.links.filter((l) => l.score >= 0.5).length);
  });

  it('apply to TMX, HTML and text', () => {
    const oneToOne = alignment.links.filter((l) => l.ru.length === 1 && l.en.length === 1).length;
    expect(parseTmx(toTmx(alignment, { oneToOneOnly: true, date: DATE })).tus).toHaveLength(oneToOne);
    expect(toHtml(alignment, discrepancies, { oneToOneOnly: true }).match(/<tr class="link/g)).toHaveLength(oneToOne);
    expect(formatSideBySide(alignment, discrepancies, { minScore: 2 })).not.toContain('#1 · ');
  });
});

describe('toCleanOffset', () => {
  it('inverts toSourceOffset on paragraphs with rejoined words', () => {
    const broken = alignment.ru.paragraphs.filter((p) => p.shifts.length > 1);
    expect(broken.length).toBeGreaterThan(0);
    for (const paragraph of broken) {
      for (let c = 0; c <= paragraph.clean.length; c++) expect(toCleanOffset(paragraph, toSourceOffset(paragraph, c))).toBe(c);
    }
  });
});

/** A hand-made alignment (one paragraph per text), for escaping tests that must not depend on the parser. */
function handMade(ruTexts: string[], enTexts: string[], links: Array<[number[], number[]]>, ids: [string, string]): Alignment {
  const doc = (lang: Lang, texts: string[], id: string): Document => {
    let source = '';
    const paragraphs = texts.map((text, index) => {
      if (index) source += '\n\n';
      const start = source.length;
      source += text;
      return { index, start, end: source.length, text, clean: text, shifts: [[0, start]] as Array<[number, number]>, anchors: [] as Anchor[] };
    });
    return { id, lang, langSource: 'option', source, paragraphs, meta: { spans: [] }, warnings: [] };
  };
  const evidence = { shared: [], ruOnly: [], enOnly: [] };
  return {
    ru: doc('ru', ruTexts, ids[0]),
    en: doc('en', enTexts, ids[1]),
    links: links.map(([ru, en]): Link => ({ ru, en, score: 0.9, evidence })),
    warnings: [{ code: 'test', message: 'a <b>warning</b>' }],
  };
}

describe('escaping', () => {
  const nasty = 'Цифра 42 <script>alert(1)</script> & "кавычки" \'апостроф\' \u0000\u0007\uFFFE\uD800 конец';
  const attribute = 'Figure 43 " onmouseover="x <img src=x onerror=alert(2)>\tand a tab\nand a line';
  const hostile = handMade([nasty, 'Вторая'], [attribute], [[[0], [0]], [[1], []]], ['<script>ru</script>', '" onmouseover="en']);
  const ruAnchor: Anchor = { kind: 'number', key: 'num:42', surface: '42', start: 6, end: 8, weight: 1, value: 42, written: 'digits' };
  const enStart = attribute.indexOf('43');
  const enAnchor: Anchor = { kind: 'number', key: 'num:43', surface: '43', start: enStart, end: enStart + 2, weight: 1, value: 43, written: 'digits' };
  const mismatch: Discrepancy = {
    kind: 'number-mismatch',
    ru: [0],
    en: [0],
    ruValue: '42',
    enValue: '43',
    ruAnchor,
    enAnchor,
    severity: 'error',
    message: 'figure differs: <b>42</b> vs "43"',
  };

  it('removes characters XML forbids and escapes the rest', () => {
    expect(escapeXml('a\u0000b\u0008c\u000Bd\uFFFEe\uFFFFf\uD800g')).toBe('abcdefg');
    expect(escapeXml('😀')).toBe('😀');
    expect(escapeXml(`<&>"'`)).toBe('&lt;&amp;&gt;&quot;&apos;');
  });

  it('TMX parses back to the text minus forbidden characters', () => {
    const xml = toTmx(hostile, { date: DATE, includeUnmatched: true });
    const tmx = parseTmx(xml);
    expect(segs(tmx.tus[0])).toEqual({
      ru: 'Цифра 42 <script>alert(1)</script> & "кавычки" \'апостроф\'  конец',
      en: attribute,
    });
    expect(props(tmx.tus[0])['x-document-ru']).toBe('<script>ru</script>');
    expect(props(tmx.tus[0])['x-document-en']).toBe('" onmouseover="en');
  });

  it('HTML never lets document text become markup', () => {
    const html = toHtml(hostile, [mismatch]).replace(`<script>${REPORT_SCRIPT}</script>`, '');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('" onmouseover="');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&quot; onmouseover=&quot;x');
    expect(html).toContain('&lt;script&gt;ru&lt;/script&gt;');
    expect(html).toContain('<mark class="error" title="figure differs: &lt;b&gt;42&lt;/b&gt; vs &quot;43&quot;">42</mark>');
    expect(html).toContain('>43</mark>');
    expect(html).toContain('a &lt;b&gt;warning&lt;/b&gt;');
    expect(html).not.toMatch(/[\u0000\u0007\uFFFE]/);
  });

  it('TSV and Moses keep one link per line', () => {
    const lines = toTsv(hostile).trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0].split('\t')).toHaveLength(5);
    expect(lines[0].split('\t')[1]).toBe(oneLine(attribute));
    expect(oneLine('a\tb\nc\r\nd\u2028e')).toBe('a b c  d e');
    const moses = toMoses(hostile);
    expect(moses.ru.split('\n')).toHaveLength(3);
    expect(moses.en.split('\n')).toEqual([oneLine(attribute), '', '']);
  });

  it('JSONL and JSON round-trip the text exactly', () => {
    const lines = toJsonl(hostile, [mismatch]).trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    const record = JSON.parse(lines[0]) as JsonlRecord;
    expect(record.ruText).toBe(nasty);
    expect(record.enText).toBe(attribute);
    expect(record.discrepancies[0]).toMatchObject({ kind: 'number-mismatch', ruValue: '42', enValue: '43', ruStart: 6, ruEnd: 8 });
    const json = JSON.parse(toJson(hostile, [mismatch])) as JsonReport;
    expect(json.paragraphs.en[0].text).toBe(attribute);
  });

  it('the text report prints text as it is, on separate lines', () => {
    const text = formatSideBySide(hostile, [mismatch], { width: 60 });
    expect(text).toContain('<script>alert(1)</script>');
    expect(text).toContain('— no English counterpart —');
  });
});
