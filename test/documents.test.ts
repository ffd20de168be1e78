/**
 * .docx and PDF inputs: real files made here from text the test writes (the docx package for Word, pdf-lib with
 * the DejaVu Sans font for a PDF with a Cyrillic text layer), read back by the CLI through mammoth and unpdf,
 * and aligned like the same text given as plain text.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { Document as DocxDocument, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { PDFDocument } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { releasableBuffer } from '../src/buffers.js';
import { documentKind, extractDocumentText, importOptional, pageParagraphs } from '../src/cli/documents.js';
import { EXIT, runCli } from '../src/cli/run.js';
import { EN, RU, RU_PARAGRAPHS } from './seed.js';

const dir = mkdtempSync(join(tmpdir(), 'bitext-documents-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const require = createRequire(import.meta.url);
const FONT = readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'));

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { stdout: (t) => void out.push(t), stderr: (t) => void err.push(t), readStdin: async () => '' });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

/** A .docx of the Russian seed: its paragraphs as Word paragraphs, the last two as a list and a table. */
async function makeDocx(paragraphs: string[]): Promise<Buffer> {
  const body = paragraphs.slice(0, -2).map((text) => new Paragraph({ children: [new TextRun(text)] }));
  const [listItem, cell] = paragraphs.slice(-2);
  body.push(new Paragraph({ text: listItem, bullet: { level: 0 } }));
  const table = new Table({ rows: [new TableRow({ children: [new TableCell({ children: [new Paragraph(cell)] })] })] });
  const doc = new DocxDocument({ sections: [{ children: [...body, table] }] });
  return Packer.toBuffer(doc);
}

/**
 * A PDF of paragraphs, each wrapped into lines of at most `width` characters, a word broken with a hyphen at the
 * end of a line where it does not fit, and a blank line's gap between paragraphs.
 */
async function makePdf(paragraphs: string[], width = 60): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const font = await pdf.embedFont(FONT, { subset: true });
  let page = pdf.addPage([595, 842]);
  let y = 800;
  for (const paragraph of paragraphs) {
    for (const line of wrapWithHyphens(paragraph, width)) {
      if (y < 50) {
        page = pdf.addPage([595, 842]);
        y = 800;
      }
      page.drawText(line, { x: 40, y, size: 10, font });
      y -= 12;
    }
    y -= 12;
  }
  return pdf.save();
}

/** Lines of at most `width` characters; a long word is split with a hyphen at the line end. */
function wrapWithHyphens(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if ((line ? line.length + 1 : 0) + word.length <= width) {
      line = line ? `${line} ${word}` : word;
      continue;
    }
    const room = width - (line ? line.length + 1 : 0) - 1;
    if (room >= 3 && word.length - room >= 3 && /^\p{Ll}+$/u.test(word.slice(room, room + 1))) {
      lines.push(`${line ? `${line} ` : ''}${word.slice(0, room)}-`);
      line = word.slice(room);
    } else {
      if (line) lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

describe('.docx input', () => {
  it('reads the document’s own paragraphs, list items and table cells as paragraphs', async () => {
    const file = join(dir, 'ru.docx');
    writeFileSync(file, await makeDocx(RU_PARAGRAPHS));
    const text = await extractDocumentText('docx', readFileSync(file), file);
    expect(text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean)).toEqual(RU_PARAGRAPHS.map((p) => p.trim()));
  });

  it('aligns a .docx against text as the same text would align', async () => {
    const file = join(dir, 'ru2.docx');
    writeFileSync(file, await makeDocx(RU_PARAGRAPHS));
    writeFileSync(join(dir, 'ru.txt'), RU);
    writeFileSync(join(dir, 'en.txt'), EN);
    const fromDocx = JSON.parse((await run(['align', file, join(dir, 'en.txt'), '--json'])).stdout);
    const fromText = JSON.parse((await run(['align', join(dir, 'ru.txt'), join(dir, 'en.txt'), '--json'])).stdout);
    expect(fromDocx.links.map((l: { ru: number[]; en: number[] }) => [l.ru, l.en])).toEqual(
      fromText.links.map((l: { ru: number[]; en: number[] }) => [l.ru, l.en]),
    );
  });

  it('is recognised by its first bytes without the extension; a broken one is an input error', async () => {
    const bytes = await makeDocx(['Один абзац.', 'Второй абзац.', 'Третий.']);
    expect(documentKind('report', bytes)).toBe('docx');
    writeFileSync(join(dir, 'broken.docx'), 'PK\u0003\u0004 not really a zip');
    const broken = await run(['align', join(dir, 'broken.docx'), join(dir, 'en.txt')]);
    expect(broken.code).toBe(EXIT.input);
    expect(broken.stderr).toMatch(/^bitext-align: broken\.docx is not a readable \.docx|broken\.docx.*not a readable \.docx/);
  });
});

describe('PDF input', () => {
  it('reads the text layer: paragraphs from the gaps between lines, hyphenated words rejoined, Cyrillic intact', async () => {
    const paragraphs = RU_PARAGRAPHS.slice(0, 6);
    const bytes = await makePdf(paragraphs);
    expect(documentKind('x.bin', bytes)).toBe('pdf');
    const text = await extractDocumentText('pdf', bytes, 'ru.pdf');
    // The library's paragraph reading of the PDF's text gives back the paragraphs as written.
    const { parseDocument } = await import('../src/document.js');
    const doc = parseDocument(text, { lang: 'ru' });
    expect(doc.paragraphs.map((p) => p.clean)).toEqual(paragraphs.map((p) => p.replace(/\s+/g, ' ').trim()));
    // The file really had broken words (so the rejoining was tested).
    expect(text).toMatch(/\p{Ll}-\n\p{Ll}/u);
  });

  it('aligns a PDF against text as the same text would align', async () => {
    const file = join(dir, 'ru.pdf');
    writeFileSync(file, await makePdf(RU_PARAGRAPHS));
    const fromPdf = await run(['align', file, join(dir, 'en.txt'), '--json']);
    expect(fromPdf.code).toBe(EXIT.ok);
    const fromText = JSON.parse((await run(['align', join(dir, 'ru.txt'), join(dir, 'en.txt'), '--json'])).stdout);
    expect(JSON.parse(fromPdf.stdout).links.map((l: { ru: number[]; en: number[] }) => [l.ru, l.en])).toEqual(
      fromText.links.map((l: { ru: number[]; en: number[] }) => [l.ru, l.en]),
    );
  });

  it('a PDF without a text layer is an input error that says so', async () => {
    const pdf = await PDFDocument.create();
    pdf.addPage([200, 200]);
    const file = join(dir, 'scan.pdf');
    writeFileSync(file, await pdf.save());
    const outcome = await run(['align', file, join(dir, 'en.txt')]);
    expect(outcome.code).toBe(EXIT.input);
    expect(outcome.stderr).toMatch(/has no text layer/);
  });

  it('splits paragraphs at gaps wider than the usual line spacing', () => {
    const item = (str: string, y: number) => ({ str, transform: [1, 0, 0, 1, 40, y], height: 10, hasEOL: true });
    expect(pageParagraphs([item('one', 800), item('two', 788), item('three', 764), item('four', 752)])).toEqual(['one\ntwo', 'three\nfour']);
    expect(pageParagraphs([item('one', 800), item('two', 776), item('three', 752)])).toEqual(['one', 'two', 'three']);
  });
});

describe('optional packages', () => {
  it('a missing one is an input error that says how to install it', async () => {
    await expect(importOptional('bitext-align-no-such-package', '.xyz files')).rejects.toThrow(
      'reading .xyz files needs the optional package bitext-align-no-such-package: run `npm install bitext-align-no-such-package` beside bitext-align',
    );
  });
});

describe('documents read into releasable buffers', () => {
  it('give the same text from a resizable buffer as from a plain one, and keep it (a file of 1 MiB or more is read into one)', async () => {
    const inputs = [['docx', await makeDocx(RU_PARAGRAPHS)], ['pdf', await makePdf(RU_PARAGRAPHS.slice(0, 6))]] as const;
    for (const [kind, bytes] of inputs) {
      const releasable = new Uint8Array(releasableBuffer(bytes.length + 1)).subarray(0, bytes.length);
      releasable.set(bytes);
      expect(await extractDocumentText(kind, releasable, `x.${kind}`)).toBe(await extractDocumentText(kind, new Uint8Array(bytes), `x.${kind}`));
      expect(releasable.buffer.byteLength).toBe(bytes.length + 1); // not transferred away by the extractor
    }
  });
});
