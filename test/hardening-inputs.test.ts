/**
 * Hardening, second round: devices and FIFOs, symlink loops, vowel-less tokens, prose that quotes tags,
 * misdecoded bytes and legacy encodings, duplicate ids, language labels that contradict the text, hostile
 * values through the public API, and the smaller cases (invisible lines, indented paragraphs, a style-first
 * HTML fragment, `--moses DIR/`, CLI messages, control characters in paths, Kazakh). CLI cases spawn the real
 * program (`node --import tsx src/cli/bin.ts`), with FIFOs and symlink loops made by the test.
 *
 * `HARDENING_REPORT=1` prints the outcome of every case (the README's "Errors" section lists them).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnCli } from './cli-harness.js';
import {
  alignDocuments,
  decodeText,
  detectLanguage,
  exportAlignment,
  EXPORT_FORMATS,
  InputError,
  pairDocuments,
  pairDocumentsSync,
  parseDocument,
  splitParagraphs,
  type Document,
} from '../src/index.js';
import { readCapped } from '../src/cli/read.js';
import { escapeControls, withCliFlags } from '../src/cli/messages.js';
import { looksLikeMarkup } from '../src/text/markup.js';
import { checkInvariants } from './invariants.js';
import { EN, EN_PARAGRAPHS, RU, RU_PARAGRAPHS } from './seed.js';

const dir = mkdtempSync(join(tmpdir(), 'bitext-hardening-'));
const path = (...parts: string[]): string => join(dir, ...parts);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const STACK_LINE = /^\s+at .+[(:]\d+/m;
const shape = (a: { links: Array<{ ru: number[]; en: number[] }> }): Array<[number[], number[]]> => a.links.map((l) => [l.ru, l.en]);
const PLAIN = alignDocuments(RU, EN);
const report: Array<[string, string]> = [];
const outcome = (input: string, result: string): void => void report.push([input, result]);


/** A byte encoder for a single-byte encoding, built from Node's decoder. */
function legacyEncoder(label: string): (text: string) => Uint8Array {
  const decoder = new TextDecoder(label);
  const table = new Map<string, number>();
  for (let byte = 0; byte < 256; byte++) table.set(decoder.decode(new Uint8Array([byte])), byte);
  return (text) => new Uint8Array([...text].map((ch) => table.get(ch) ?? 0x3f));
}
const utf16 = (text: string, bigEndian: boolean, bom: boolean): Uint8Array => {
  const body = Buffer.from(text, 'utf16le');
  if (bigEndian) body.swap16();
  return new Uint8Array(Buffer.concat([Buffer.from(bom ? (bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]) : []), body]));
};
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const hasMkfifo = ((): boolean => {
  try {
    execFileSync('mkfifo', [path('probe.fifo')]);
    rmSync(path('probe.fifo'));
    return true;
  } catch {
    return false;
  }
})();

writeFileSync(path('ru.txt'), RU);
writeFileSync(path('en.txt'), EN);

describe('1. devices and FIFOs: the bytes read are capped, a walk skips what is not a regular file', () => {
  it.runIf(existsSync('/dev/zero'))('align /dev/zero en.txt --max-input-size 100000: exit 3 after 100,001 bytes, not 4 GB', async () => {
    const run = await spawnCli(['align', '/dev/zero', path('en.txt'), '--max-input-size', '100000'], { timeout: 30_000 });
    expect(run.code).toBe(3);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^bitext-align: \/dev\/zero: more than 100,000 bytes were read, more than the limit of 100,000; split it, or raise --max-input-size\n$/);
    outcome('`align /dev/zero en.txt --max-input-size 100000`', `exit 3, \`${run.stderr.trim()}\` (${(run.ms / 1000).toFixed(1)} s, process start included)`);
  });

  it.runIf(existsSync('/dev/zero'))('readCapped reads a device up to the limit and one byte more, no further', async () => {
    const started = performance.now();
    await expect(readCapped('/dev/zero', 1_000_000)).rejects.toMatchObject({ code: 'too-large' });
    expect(performance.now() - started).toBeLessThan(2000);
    await expect(readCapped(dir)).rejects.toMatchObject({ code: 'unreadable', message: expect.stringMatching(/it is a directory/) });
  });

  it('readCapped reads a regular file whole, empty or not, and refuses one over the limit from its size', async () => {
    const bytes = new TextEncoder().encode(RU);
    writeFileSync(path('exact.txt'), bytes);
    writeFileSync(path('empty.txt'), '');
    expect(await readCapped(path('exact.txt'))).toEqual(bytes);
    expect(await readCapped(path('exact.txt'), bytes.length)).toEqual(bytes);
    expect((await readCapped(path('empty.txt'))).length).toBe(0);
    await expect(readCapped(path('exact.txt'), bytes.length - 1)).rejects.toMatchObject({
      code: 'too-large',
      message: expect.stringMatching(new RegExp(`input is ${bytes.length.toLocaleString('en-US')} bytes`)),
    });
    await expect(readCapped(path('no-such.txt'))).rejects.toMatchObject({ code: 'unreadable', message: expect.stringMatching(/no such file/) });
  });

  it.runIf(hasMkfifo)('pair DIR with a FIFO named *.txt: the FIFO is skipped and reported, the real pair made, no hang', async () => {
    mkdirSync(path('fifo-collection'));
    writeFileSync(path('fifo-collection', 'ru.txt'), RU);
    writeFileSync(path('fifo-collection', 'en.txt'), EN);
    execFileSync('mkfifo', [path('fifo-collection', 'stuck.txt')]);
    const run = await spawnCli(['pair', path('fifo-collection'), '--json', '--no-progress'], { timeout: 30_000 });
    expect(run.code, 'killed after 30 s: the FIFO blocked the run').toBe(3);
    const json = JSON.parse(run.stdout);
    expect(json.pairs).toMatchObject([{ ru: path('fifo-collection', 'ru.txt'), en: path('fifo-collection', 'en.txt') }]);
    expect(json.errors).toEqual([{ path: path('fifo-collection', 'stuck.txt'), message: 'not a regular file (a FIFO): not read' }]);
    expect(run.stderr).toContain(`skipped ${path('fifo-collection', 'stuck.txt')}: not a regular file (a FIFO): not read`);
    outcome('`pair DIR` where DIR holds a FIFO `stuck.txt`', `exit 3; the pair of the real files; \`skipped DIR/stuck.txt: not a regular file (a FIFO): not read\` (${(run.ms / 1000).toFixed(1)} s)`);
  });

  it.runIf(existsSync('/dev/null'))('a device linked into a directory is skipped too', async () => {
    mkdirSync(path('device-collection'));
    writeFileSync(path('device-collection', 'ru.txt'), RU);
    writeFileSync(path('device-collection', 'en.txt'), EN);
    symlinkSync('/dev/zero', path('device-collection', 'zero.txt'));
    const run = await spawnCli(['pair', path('device-collection'), '--no-progress'], { timeout: 30_000 });
    expect(run.code).toBe(3);
    expect(run.stdout).toMatch(/ru\.txt {2}↔ {2}.*en\.txt/);
    expect(run.stderr).toContain(`skipped ${path('device-collection', 'zero.txt')}: not a regular file (a character device): not read`);
    outcome('`pair DIR` where DIR holds a link `zero.txt -> /dev/zero`', 'exit 3; the real pair; `skipped DIR/zero.txt: not a regular file (a character device): not read`');
  });
});

describe('2. symlink loops: each real path visited once', () => {
  it('pair DIR with `dot -> .` and `again -> .`: one pair from two files, a note per link, exit 0', async () => {
    mkdirSync(path('loop'));
    writeFileSync(path('loop', 'ru.txt'), RU);
    writeFileSync(path('loop', 'en.txt'), EN);
    symlinkSync('.', path('loop', 'dot'));
    symlinkSync('.', path('loop', 'again'));
    const run = await spawnCli(['pair', path('loop'), '--json', '--no-progress'], { timeout: 30_000 });
    expect(run.code, 'killed after 30 s: the loop hung the walk').toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.pairs).toMatchObject([{ ru: path('loop', 'ru.txt'), en: path('loop', 'en.txt') }]);
    expect(json.unpaired).toEqual([]);
    expect(json.errors).toEqual([]);
    expect(run.stderr).toContain(`bitext-align: note: ${path('loop', 'again')}: the same file or directory as ${path('loop')}; not read twice`);
    expect(run.stderr).toContain(`bitext-align: note: ${path('loop', 'dot')}: the same file or directory as ${path('loop')}; not read twice`);
    outcome('`pair DIR` with two links `dot -> .`, `again -> .` (before: 82 documents from 2, or a hang)', `exit 0; one pair, nothing unpaired; \`note: DIR/dot: the same file or directory as DIR; not read twice\` per link (${(run.ms / 1000).toFixed(1)} s)`);
  });

  it('the same file named twice, or reached through a link, is read once', async () => {
    symlinkSync(path('loop', 'ru.txt'), path('loop-ru-link.txt'));
    const run = await spawnCli(['pair', path('loop', 'ru.txt'), path('loop', 'en.txt'), path('loop', 'ru.txt'), path('loop-ru-link.txt'), '--json', '--no-progress']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).pairs).toHaveLength(1);
    expect(run.stderr.match(/note: /g)).toHaveLength(2);
    outcome('`pair a.txt b.txt a.txt link-to-a.txt`', 'exit 0; one pair; a `note: …; not read twice` for the repeats');
  });
});

describe('3. long vowel-less capitalised tokens: bounded before the stemmer', () => {
  it.each([
    ['"V" × 200,000', 'V'.repeat(200_000)],
    ['capital consonants × 10,000', 'BCDFGHJKLMNPQRSTVWXZ'.repeat(10_000)],
  ])('parseDocument on %s under 3 s (before: never finished)', (_name, text) => {
    const started = performance.now();
    const doc = parseDocument(text);
    const ms = performance.now() - started;
    expect(doc.lang).toBe('en');
    expect(ms).toBeLessThan(3000);
    outcome(`${_name} (one vowel-less token)`, `parsed in ${ms.toFixed(0)} ms, \`no-anchors\` (before: never finished; the Porter stemmer is now given words of at most 64 characters)`);
  });
});

const PROSE_ABOUT_TAGS = [
  'How web pages are built: a short guide for translators.',
  'Every page starts with <html> and holds a <body> element; the visible text lives inside it.',
  'A block such as <div id=a></div> groups content, and <p> marks a paragraph of text.',
  'Scripts are written in <script> elements and styles in <style>, which a reader never sees.',
  'When you translate, keep every tag such as <br> exactly where it was in the original.',
].join('\n\n');

describe('4. plain text that mentions tags is text; --input-format text|html|auto', () => {
  it('prose quoting <html>, <body>, <div id=a></div>, <p>, <br>: 5 paragraphs, the tag words kept', () => {
    expect(looksLikeMarkup(PROSE_ABOUT_TAGS)).toBe(false);
    const doc = parseDocument(PROSE_ABOUT_TAGS);
    expect(doc.paragraphs).toHaveLength(5);
    expect(doc.warnings.map((w) => w.code)).not.toContain('markup');
    expect(doc.paragraphs[2].clean).toBe('A block such as <div id=a></div> groups content, and <p> marks a paragraph of text.');
    outcome('Prose that quotes `<html>`, `<body>`, `<div id=a></div>`, `<p>`, `<br>` (before: 16 paragraphs, tag words gone)', 'read as text: 5 paragraphs, tags kept as written');
  });

  it.each([
    ['a fragment of <p> lines', '<p>Первый абзац.</p>\n<p>Второй абзац.</p>\n<p>Третий.</p>', true],
    ['a fragment whose paragraphs wrap', '<div>\nПервый абзац,\nкоторый переносится.\n</div>\n<div>\nВторой\nабзац.\n</div>', true],
    ['a wrapped fragment opening with <p>', '<p>Первый абзац,\nкоторый переносится\nна три строки.</p>\n<p>Второй абзац\nтоже.</p>', true],
    ['prose that opens with a tag it explains', '<body> is the element that holds a page.\nIt follows <head>, and <div> blocks sit inside it.\nThat is all.', false],
    ['prose with tags inside sentences', 'Use <p> for paragraphs and <div> for blocks.\nNever nest <p> in <p>.', false],
    ['a glossary of tag names, one per line', '<p> – a paragraph.\n<div> – a block.\n<br> – a line break.\n<table> – a table.', false],
  ])('looksLikeMarkup: %s → %s', (_name, text, expected) => {
    expect(looksLikeMarkup(text)).toBe(expected);
  });

  it('paragraphs: "text" never reads HTML; "html" forces it; "auto" is the default', () => {
    const html = RU_PARAGRAPHS.map((p) => `<p>${p}</p>`).join('\n');
    expect(parseDocument(html).warnings.map((w) => w.code)).toContain('markup');
    const asText = parseDocument(html, { paragraphs: 'text' });
    expect(asText.warnings.map((w) => w.code)).not.toContain('markup');
    expect(asText.paragraphs[0].clean.startsWith('<p>')).toBe(true);
    expect(parseDocument(PROSE_ABOUT_TAGS, { paragraphs: 'html' }).warnings.map((w) => w.code)).toContain('markup');
  });

  it('CLI --input-format text | html, and a bad value is a usage error', async () => {
    writeFileSync(path('tags-en.txt'), PROSE_ABOUT_TAGS);
    writeFileSync(path('ru.html'), RU_PARAGRAPHS.map((p) => `<p>${p}</p>`).join('\n'));
    const text = await spawnCli(['align', path('ru.html'), path('en.txt'), '--json', '--input-format', 'text']);
    expect(text.code).toBe(0);
    expect(text.stderr).not.toMatch(/looks like HTML/);
    expect(JSON.parse(text.stdout).paragraphs.ru[0].text.startsWith('<p>')).toBe(true);
    const html = await spawnCli(['align', path('ru.html'), path('en.txt'), '--json', '--input-format', 'html']);
    expect(html.code).toBe(0);
    expect(html.stderr).toMatch(/looks like HTML/);
    const bad = await spawnCli(['align', path('ru.html'), path('en.txt'), '--input-format', 'xml']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('bitext-align: --input-format must be text, html or auto, not "xml"\n');
    outcome('`--input-format text` on an HTML file / `--input-format html` / `--input-format xml`', 'tags read as text / markup forced (`markup` warning) / exit 2, usage line');
  });
});

describe('5. bytes: stray byte-order marks, UTF-16 without one, legacy Cyrillic encodings', () => {
  it('a UTF-8 body behind a stray UTF-16 BOM is read as UTF-8 with an `encoding` warning (before: CJK garbage, exit 0)', () => {
    const alignment = alignDocuments(new Uint8Array([0xff, 0xfe, ...utf8(RU)]), EN);
    expect(shape(alignment)).toEqual(shape(PLAIN));
    expect(alignment.warnings).toContainEqual({
      code: 'encoding',
      message: 'Russian text: the bytes start with a UTF-16LE byte-order mark but the rest is UTF-8 text; read as UTF-8',
    });
    outcome('A UTF-8 body behind a stray UTF-16 LE BOM', '`encoding` warning; read as UTF-8: the same links as the plain text');
  });

  it('a UTF-16 BOM before bytes that are neither plausible UTF-16 nor UTF-8 is refused', () => {
    // U+4E00… ideographs: valid UTF-16, no Latin or Cyrillic letter.
    const cjk = new Uint8Array([0xff, 0xfe, ...Array.from({ length: 200 }, (_, k) => [k & 0xff, 0x4e]).flat()]);
    expect(() => decodeText(cjk)).toThrow(/read as UTF-16LE they hold no Latin or Cyrillic text/);
    outcome('A UTF-16 BOM before CJK-only code units (NUL bytes, so not UTF-8)', 'error `not-utf8`: `the bytes start with a UTF-16LE byte-order mark, but read as UTF-16LE they hold no Latin or Cyrillic text; …`');
  });

  it.each([
    ['LE', false],
    ['BE', true],
  ])('UTF-16 %s without a BOM is recognised from its NUL bytes (before: "binary")', (_name, bigEndian) => {
    const alignment = alignDocuments(utf16(RU, bigEndian, false), utf16(EN, bigEndian, false));
    expect(shape(alignment)).toEqual(shape(PLAIN));
    expect(alignment.warnings).toEqual(PLAIN.warnings);
    outcome(`UTF-16 ${_name} without a byte-order mark, both sides`, 'no warning; the same links as the UTF-8 texts');
  });

  it.each([
    ['windows-1251', 'windows-1251', 'windows-1251'],
    ['koi8-r', 'koi8-r', 'koi8-r'],
    ['ibm866', 'cp866', 'cp866'],
  ])('%s bytes: the not-utf8 error names %s; encoding: "%s" reads them', (label, name, option) => {
    const bytes = legacyEncoder(label)(RU);
    const error = (() => {
      try {
        parseDocument(bytes);
      } catch (e) {
        return e as InputError;
      }
    })();
    expect(error).toBeInstanceOf(InputError);
    expect(error?.code).toBe('not-utf8');
    expect(error?.message).toBe(
      `the bytes are not valid UTF-8; they look like ${name}: pass the \`encoding\` option ("${name}"), or convert the file to UTF-8 first (e.g. \`iconv -f ${name} -t utf-8\`)`,
    );
    const alignment = alignDocuments(bytes, EN, { encoding: option });
    expect(shape(alignment)).toEqual(shape(PLAIN));
    outcome(`Russian text in ${name}`, `error \`not-utf8\`: \`… they look like ${name}: pass the \\\`encoding\\\` option ("${name}") …\`; with \`encoding: '${option}'\` the same links as UTF-8`);
  });

  it('Latin-1 French is not taken for windows-1251 (its accents would read as Cyrillic letters)', () => {
    const french = "Le Premier ministre de l'Azerbaïdjan a rencontré son homologue à Bakou. Les deux parties ont discuté de sécurité énergétique et du développement, déjà très élevé.";
    expect(() => decodeText(legacyEncoder('windows-1252')(french))).toThrow(
      /^the bytes are not valid UTF-8, nor recognisably windows-1251, KOI8-R or CP866; convert the file to UTF-8 first \(`iconv -f ITS-ENCODING -t utf-8`\), or pass the `encoding` option$/,
    );
    outcome('French in windows-1252 (not UTF-8, not Cyrillic)', 'error `not-utf8`: `the bytes are not valid UTF-8, nor recognisably windows-1251, KOI8-R or CP866; convert the file to UTF-8 first (`iconv -f ITS-ENCODING -t utf-8`), or pass the `encoding` option` (no false hint)');
  });

  it('encoding aliases are accepted, unknown names refused', () => {
    const bytes = legacyEncoder('windows-1251')(RU);
    expect(parseDocument(bytes, { encoding: 'CP1251' }).lang).toBe('ru');
    expect(() => parseDocument(bytes, { encoding: 'latin-9' })).toThrow(/`encoding` must be auto or one of utf-8, utf-16le, utf-16be, windows-1251, koi8-r, cp866, not "latin-9"/);
    expect(() => parseDocument(utf8(RU), { encoding: 'utf-16le' })).toThrow(InputError);
  });

  it('CLI: --encoding windows-1251 reads a cp1251 file; without it the error names the flag', async () => {
    writeFileSync(path('ru-1251.txt'), legacyEncoder('windows-1251')(RU));
    const hinted = await spawnCli(['align', path('ru-1251.txt'), path('en.txt')]);
    expect(hinted.code).toBe(3);
    expect(hinted.stderr).toMatch(/ru-1251\.txt: the bytes are not valid UTF-8; they look like windows-1251: pass --encoding windows-1251, or convert/);
    const read = await spawnCli(['align', path('ru-1251.txt'), path('en.txt'), '--encoding', 'windows-1251', '--json']);
    expect(read.code).toBe(0);
    expect(JSON.parse(read.stdout).links.map((l: { ru: number[]; en: number[] }) => [l.ru, l.en])).toEqual(shape(PLAIN));
    const bad = await spawnCli(['align', path('ru-1251.txt'), path('en.txt'), '--encoding', 'ebcdic']);
    expect(bad.code).toBe(2);
    outcome('CLI: a cp1251 file / with `--encoding windows-1251` / `--encoding ebcdic`', 'exit 3, `… they look like windows-1251: pass --encoding windows-1251, or convert …` / exit 0, aligned / exit 2');
  });
});

describe('6. duplicate ids and paths: reported at the end, the run goes on', () => {
  it('pair - with a JSONL id given twice: the pair made, the repeat reported, exit 3 (before: empty stdout)', async () => {
    const lines = [
      { id: 'ru', text: RU },
      { id: 'en', text: EN },
      { id: 'ru', text: RU },
    ].map((record) => JSON.stringify(record));
    writeFileSync(path('dup.jsonl'), `${lines.join('\n')}\n`);
    const run = await spawnCli(['pair', path('dup.jsonl'), '--json', '--no-progress']);
    expect(run.code).toBe(3);
    const json = JSON.parse(run.stdout);
    expect(json.pairs).toMatchObject([{ ru: 'ru', en: 'en' }]);
    expect(json.errors).toEqual([{ path: 'ru', message: 'ru: the document id is given twice; the first document with it was kept, this one left out (ids must be unique in a collection)' }]);
    expect(run.stderr).toMatch(/skipped ru: ru: the document id is given twice/);
    outcome('`pair` over a JSONL file holding one id twice', 'exit 3; the pair made; `skipped ru: ru: the document id is given twice; the first document with it was kept, …`');
  });

  it('pairDocumentsSync / pairDocuments: a duplicate id is a `duplicate-id` error entry', async () => {
    const docs = [
      { id: 'ru', text: RU },
      { id: 'en', text: EN },
      { id: 'en', text: EN },
    ];
    for (const pairing of [pairDocumentsSync(docs), await pairDocuments(docs)]) {
      expect(pairing.pairs).toMatchObject([{ ru: 'ru', en: 'en' }]);
      expect(pairing.errors).toMatchObject([{ id: 'en', code: 'duplicate-id' }]);
    }
    outcome('`pairDocumentsSync` with an id given twice (before: threw, nothing paired)', '`errors: [{id, code: "duplicate-id"}]`; the rest paired');
  });
});

describe('7. language labels checked against the text', () => {
  it('--lang-a en --lang-b ru on a Russian/English pair: `language-contradicted` warnings on stderr', async () => {
    const run = await spawnCli(['align', path('ru.txt'), path('en.txt'), '--lang-a', 'en', '--lang-b', 'ru', '--json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/warning: Russian text: the text is given as Russian but 100% of its letters are Latin: the language labels may be swapped/);
    expect(run.stderr).toMatch(/warning: English text: the text is given as English but \d+% of its letters are Cyrillic/);
    expect(JSON.parse(run.stdout).warnings.map((w: { code: string }) => w.code)).toContain('language-contradicted');
    outcome('`--lang-a en --lang-b ru` on a Russian/English pair (swapped labels)', 'aligned as told, with a `language-contradicted` warning per side: `the text is given as Russian but 100% of its letters are Latin: the language labels may be swapped; …`');
  });

  it('lang is case-insensitive with an optional region; anything else is invalid-option', () => {
    expect(parseDocument(RU, { lang: 'RU' as never }).lang).toBe('ru');
    expect(parseDocument(RU, { lang: 'ru-RU' as never }).langSource).toBe('option');
    expect(parseDocument(EN, { lang: 'en_GB' as never }).lang).toBe('en');
    expect(alignDocuments(RU, EN, { langs: ['RU' as never, 'En' as never] }).links).toEqual(PLAIN.links);
    for (const lang of ['de', 'rus', '', 'r', 42, null]) {
      expect(() => parseDocument(RU, { lang: lang as never })).toThrow(/`lang` must be "ru" or "en"/);
    }
    expect(() => alignDocuments(RU, EN, { langs: ['de' as never, undefined] })).toThrow(/`lang` must be "ru" or "en" .* \(in `langs`\)/);
    outcome('`lang: "RU"`, `"ru-RU"`, `"en_GB"`; `lang: "de"`, `"rus"`, `42`', 'normalised to `ru` / `en`; error `invalid-option` for the others');
  });

  it('pair over JSONL: "lang": "RU" is read as ru, "lang": "de" is reported, not silently detected', async () => {
    const lines = [
      { id: 'ru', text: RU, lang: 'RU' },
      { id: 'en', text: EN, lang: 'en-GB' },
      { id: 'de', text: EN, lang: 'de' },
    ].map((record) => JSON.stringify(record));
    writeFileSync(path('langs.jsonl'), `${lines.join('\n')}\n`);
    const run = await spawnCli(['pair', path('langs.jsonl'), '--json', '--no-progress']);
    expect(run.code).toBe(3);
    expect(JSON.parse(run.stdout).pairs).toMatchObject([{ ru: 'ru', en: 'en' }]);
    expect(run.stderr).toMatch(/langs\.jsonl:3: not a JSON line with a "text" field and a valid "lang" \("lang" must be "ru" or "en", not "de"\)/);
    outcome('`pair` over JSONL with `"lang": "RU"`, `"en-GB"`, `"de"`', 'exit 3; `RU`/`en-GB` normalised and paired; `skipped FILE:3: … ("lang" must be "ru" or "en", not "de")`');
  });

  it('a Document whose lang was changed to "RU" or "de" is refused', () => {
    const ru = parseDocument(RU);
    for (const lang of ['RU', 'de']) {
      expect(() => alignDocuments({ ...ru, lang: lang as never }, EN)).toThrow(/not a Document parseDocument made, or one changed since: `lang` is "(RU|de)"/);
    }
    outcome('A Document with `lang` changed to `"RU"` / `"de"`', 'error `invalid-input`: `not a Document parseDocument made, or one changed since: \\`lang\\` is "RU", not "ru" or "en"`');
  });
});

describe('8. only InputError from the public API', () => {
  it('ids: [1, 2] is invalid-option (before: TypeError in the TMX and HTML exports)', () => {
    expect(() => alignDocuments(RU, EN, { ids: [1, 2] as never })).toThrow(/`ids` entries must be strings or undefined, not number/);
    const ok = alignDocuments(RU, EN, { ids: ['ru.txt', undefined] });
    for (const format of EXPORT_FORMATS) expect(typeof exportAlignment(ok, format)).toBe('string');
    outcome('`ids: [1, 2]` (before: `text.replace is not a function` in the TMX/HTML export)', 'error `invalid-option`: `` `ids` entries must be strings or undefined, not number ``');
  });

  it.each([
    ['null', null],
    ['42', 42],
    ['a string', 'ru en'],
    ['an object', { id: 'x' }],
  ])('pairDocumentsSync(%s) is invalid-input', (_name, docs) => {
    expect(() => pairDocumentsSync(docs as never)).toThrow(InputError);
  });

  it('pairDocumentsSync([null, 42, {id: 1}, doc, doc]): bad items are error entries, the rest paired', () => {
    const pairing = pairDocumentsSync([null, 42, { id: 1, text: RU }, { id: 'ru', text: RU }, { id: 'en', text: EN }] as never);
    expect(pairing.pairs).toMatchObject([{ ru: 'ru', en: 'en' }]);
    expect(pairing.errors.map((e) => [e.id, e.code])).toEqual([
      ['#1', 'invalid-input'],
      ['#2', 'invalid-input'],
      ['#3', 'invalid-input'],
    ]);
    outcome('`pairDocumentsSync(null)`, `(42)`; `([null, 42, {id: 1, text}, ru, en])`', 'error `invalid-input`; error entries `#1`, `#2`, `#3` (`invalid-input`) and the pair made');
  });

  it.each([
    ['paragraphs replaced by a string inside', (d: Document) => ({ ...d, paragraphs: [...d.paragraphs.slice(0, 1), 'x'] })],
    ['a paragraph end past the source', (d: Document) => ({ ...d, paragraphs: d.paragraphs.map((p, k) => (k === 1 ? { ...p, end: 1e9 } : p)) })],
    ['an anchor key that is a number', (d: Document) => ({ ...d, paragraphs: d.paragraphs.map((p) => ({ ...p, anchors: p.anchors.map((a) => ({ ...a, key: 7 })) })) })],
    ['source deleted', (d: Document) => ({ ...d, source: undefined })],
    ['id a number', (d: Document) => ({ ...d, id: 5 })],
    ['paragraphs out of order', (d: Document) => ({ ...d, paragraphs: [...d.paragraphs].reverse() })],
  ])('a mutated Document (%s) is invalid-input, in alignDocuments and pairDocumentsSync', (_name, mutate) => {
    const bad = mutate(parseDocument(RU, { id: 'ru' })) as unknown as Document;
    expect(() => alignDocuments(bad, EN)).toThrow(/not a Document parseDocument made, or one changed since/);
    const pairing = pairDocumentsSync([bad as Document & { id: string }, { id: 'en', text: EN }]);
    expect(pairing.errors.map((e) => e.code)).toEqual(['invalid-input']);
  });

  it.each([
    [{ sharedReward: 1e308 }, /`cost.sharedReward` must be a finite number from 0 to 1,000,000, not 1e\+308/],
    [{ figurePenalty: -Infinity }, /`cost.figurePenalty` must be a finite number from 0 to 1,000,000, not -Infinity/],
    [{ omission: Infinity }, /`cost.omission`/],
    [{ shapes: { '1-1': 0, '2-1': -5 } }, /`cost.shapes.2-1`/],
    [{ length: { ratio: 1, variance: 1e300 } }, /`cost.length.variance`/],
    [{ sentencePenalty: -1 }, /`cost.sentencePenalty`/],
    [{ someNewField: 1e307 }, /`cost.someNewField` must be a finite number from -1,000,000 to 1,000,000/],
  ])('cost %j is invalid-option (before: every score NaN)', (cost, message) => {
    expect(() => alignDocuments(RU, EN, { cost: cost as never })).toThrow(message);
  });

  it('absorbThreshold: Infinity still turns absorption off; band out of range is refused', () => {
    expect(alignDocuments(RU, EN, { cost: { absorbThreshold: Infinity } }).links.length).toBeGreaterThan(0);
    for (const band of [0, 0.5, -Infinity, NaN]) expect(() => alignDocuments(RU, EN, { band })).toThrow(/`band` must be a positive number of paragraphs, at least 1/);
    expect(alignDocuments(RU, EN, { band: 1e9 }).links).toEqual(PLAIN.links);
    for (const maxInputSize of [Infinity, -1, NaN]) expect(() => parseDocument(RU, { maxInputSize })).toThrow(/`maxInputSize` must be/);
    expect(() => parseDocument(RU, { date: '2024-02-30' })).toThrow(/`date` must be an ISO date string/);
    expect(() => pairDocumentsSync([], { model: { lengthSigma: Infinity } })).toThrow(/model.lengthSigma/);
    expect(() => pairDocumentsSync([], { model: { kindWeights: { number: NaN } } as never })).toThrow(/model.kindWeights.number/);
    expect(() => pairDocumentsSync([], { maxInputSize: Infinity })).toThrow(/maxInputSize/);
    outcome('`cost: {sharedReward: 1e308}`, `{figurePenalty: -Infinity}`, a negative shape cost, `band: 0.5`, `maxInputSize: Infinity`, `date: "2024-02-30"`, a NaN pairing-model weight', 'error `invalid-option` naming the field and its range (before: every score NaN, or an internal error)');
  });

  it('--width 1e9 is a usage error (before: exit 70 with a stack trace)', async () => {
    const run = await spawnCli(['align', path('ru.txt'), path('en.txt'), '--width', '1e9']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('bitext-align: --width takes a whole number from 40 to 1000\n');
    expect(run.stderr).not.toMatch(STACK_LINE);
    outcome('`--width 1e9` (before: exit 70, stack trace)', 'exit 2: `--width takes a whole number from 40 to 1000`');
  });
});

describe('9. smaller cases', () => {
  it.each([
    ['ZWJ', '\u200D'],
    ['RLM', '\u200F'],
    ['WJ', '\u2060'],
    ['soft hyphen', '\u00AD'],
    ['ZWSP', '\u200B'],
    ['NBSP', '\u00A0'],
    ['BOM', '\uFEFF'],
    ['LRE…PDF', '\u202A\u202C'],
  ])('a line holding only %s separates paragraphs as a blank line does', (_name, invisible) => {
    const text = `Первый абзац о торговле.\n${invisible}\nВторой абзац о туризме.`;
    expect(splitParagraphs(text).paragraphs.map((p) => p.clean)).toEqual(['Первый абзац о торговле.', 'Второй абзац о туризме.']);
  });

  it('indented first lines with no blank lines: one paragraph per indent (before: one paragraph)', () => {
    const text = RU_PARAGRAPHS.slice(1, 5)
      .map((p) => {
        const words = p.split(' ');
        const half = Math.ceil(words.length / 2);
        return `    ${words.slice(0, half).join(' ')}\n${words.slice(half).join(' ')}`;
      })
      .join('\n');
    const split = splitParagraphs(text);
    expect(split.mode).toBe('indent');
    expect(split.paragraphs.map((p) => p.clean)).toEqual(RU_PARAGRAPHS.slice(1, 5));
    outcome('Paragraphs marked only by an indented first line (no blank lines)', 'one paragraph per indent (mode `indent`)');
  });

  it('an HTML fragment whose first 64 KB is a <style> block is HTML, and Russian', () => {
    const style = `<style>\n${'.c { color: red; font-family: Helvetica, Arial, sans-serif; }\n'.repeat(1200)}</style>\n`;
    expect(style.length).toBeGreaterThan(65_536);
    const doc = parseDocument(`${style}${RU_PARAGRAPHS.map((p) => `<p>${p}</p>`).join('\n')}`);
    expect(doc.lang).toBe('ru');
    expect(doc.warnings.map((w) => w.code)).toEqual(['markup']);
    expect(doc.paragraphs.map((p) => p.clean)).toEqual(RU_PARAGRAPHS);
    outcome('An HTML fragment opening with a 70 KB `<style>` block (before: read as English text)', '`markup`; Russian; one paragraph per `<p>`');
  });

  it('--moses DIR/ (or an existing directory) is refused: no hidden DIR/.ru', async () => {
    mkdirSync(path('moses-out'));
    for (const prefix of [`${path('moses-out')}/`, path('moses-out')]) {
      const run = await spawnCli(['align', path('ru.txt'), path('en.txt'), '--moses', prefix]);
      expect(run.code).toBe(3);
      expect(run.stderr).toMatch(/--moses takes a file prefix, not a directory: `--moses .*moses-out\/corpus` writes corpus.ru and corpus.en there/);
    }
    expect(readdirSync(path('moses-out'))).toEqual([]);
    const ok = await spawnCli(['align', path('ru.txt'), path('en.txt'), '--moses', path('moses-out', 'corpus')]);
    expect(ok.code).toBe(0);
    expect(readdirSync(path('moses-out')).sort()).toEqual(['corpus.en', 'corpus.ru']);
    outcome('`--moses DIR/` or `--moses DIR` (before: hidden `DIR/.ru`, `DIR/.en`)', 'exit 3: ``--moses takes a file prefix, not a directory: `--moses DIR/corpus` writes corpus.ru and corpus.en there``');
  });

  it('CLI messages name CLI flags, not library options', async () => {
    writeFileSync(path('figures-a.txt'), '12 34 56\n');
    writeFileSync(path('figures-b.txt'), '78 90\n');
    const run = await spawnCli(['align', path('figures-a.txt'), path('figures-b.txt')]);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/no Russian or English text found; pass --lang-a\/--lang-b if the text is one of them/);
    expect(run.stderr).not.toMatch(/`lang`/);
    expect(withCliFlags('links near there may be off (pass a larger `band` option to search further, at a cost in time and memory)')).toBe(
      'links near there may be off (pass a larger --band to search further, at a cost in time and memory)',
    );
    expect(withCliFlags('split it, or raise the `maxInputSize` option')).toBe('split it, or raise --max-input-size');
    expect(withCliFlags('the `glossary` option is fine')).toBe('the `glossary` option is fine');
    // pair has no --lang-a: a document's language comes from its JSONL record.
    writeFileSync(path('figures.jsonl'), `${JSON.stringify({ id: 'figures', text: '12 34 56' })}\n${JSON.stringify({ id: 'ru', text: RU })}\n`);
    const pair = await spawnCli(['pair', path('figures.jsonl'), '--json', '--no-progress']);
    expect(pair.code).toBe(3);
    expect(JSON.parse(pair.stdout).errors[0].message).toBe('figures: no Russian or English text found; pass a "lang" field in the JSONL record if the text is one of them');
    outcome('Figures-only files on the CLI', 'exit 3: `… no Russian or English text found; pass --lang-a/--lang-b if the text is one of them` (library: "pass the `lang` option")');
  });

  it('--band N is a flag (the band-limit warning suggests it); out of range is a usage error', async () => {
    const ok = await spawnCli(['align', path('ru.txt'), path('en.txt'), '--band', '4', '--json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).links.map((l: { ru: number[]; en: number[] }) => [l.ru, l.en])).toEqual(shape(PLAIN));
    const bad = await spawnCli(['align', path('ru.txt'), path('en.txt'), '--band', '0']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('bitext-align: --band takes a whole number of paragraphs from 1 to 100000\n');
  });

  it('a file name with ESC and a line break is escaped on stderr', async () => {
    const name = path('bad\u001b[31mname\n.txt');
    writeFileSync(name, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
    const run = await spawnCli(['align', name, path('en.txt')]);
    expect(run.code).toBe(3);
    expect(run.stderr).not.toContain('\u001b');
    expect(run.stderr).toContain('bad\\x1b[31mname\\x0a.txt');
    expect(run.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(escapeControls('a\u202Eb\u0007')).toBe('a\\u202eb\\x07');
    outcome('A file name holding ESC and a line break', 'exit 3; one stderr line with `\\x1b`, `\\x0a` escaped');
  });

  it('Kazakh is reported as Kazakh, not Ukrainian', () => {
    const kazakh = [
      'Қазақстан Республикасының Премьер-Министрі Әзербайжан делегациясымен Астанада кездесті, деп хабарлады Үкіметтің баспасөз қызметі.',
      'Тараптар екіжақты сауда-экономикалық ынтымақтастықты, көлік және энергетика салаларындағы жобаларды дамыту мәселелерін талқылады.',
      'Биыл екі елдің тауар айналымы он бір пайызға өсіп, бір миллиард долларға жетті.',
    ].join('\n\n');
    expect(detectLanguage(kazakh).warnings.find((w) => w.code === 'third-language')?.message).toMatch(/looks like Kazakh, not Russian/);
    outcome('Kazakh for Russian (before: "looks like Ukrainian")', '`third-language`: `the text looks like Kazakh, not Russian; …`');
  });
});

describe('outcome report', () => {
  it('every case above recorded an outcome', () => {
    if (process.env.HARDENING_REPORT) console.log(report.map(([input, result]) => `| ${input} | ${result} |`).join('\n'));
    expect(report.length).toBeGreaterThan(20);
  });
});

// Invariants still hold on a text read through the new decoders.
describe('invariants through the new decoders', () => {
  it('UTF-16 without a BOM and windows-1251 with `encoding` give complete, consistent alignments', () => {
    checkInvariants(alignDocuments(utf16(RU, false, false), EN));
    checkInvariants(alignDocuments(legacyEncoder('windows-1251')(RU), EN, { encoding: 'windows-1251' }));
    checkInvariants(alignDocuments(RU, EN_PARAGRAPHS.join('\n\u200D\n')));
  });
});
