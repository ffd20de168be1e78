/**
 * Word (.docx) and PDF inputs of the command line: recognised by extension or by their first bytes, read with
 * optional packages loaded only when such a file comes (mammoth for .docx, unpdf for the text layer of a PDF), so
 * that the library stays small and browser-safe. Each gives plain text with one blank line between paragraphs,
 * which the library then reads like any text (hyphenated line ends rejoined, metadata found).
 */
import { extname } from 'node:path';
import { InputError } from '../errors.js';

/** What kind of file the bytes are, for reading. */
export type DocumentKind = 'docx' | 'pdf' | 'text';

/** A .docx (a ZIP holding `word/document.xml`), a PDF, or anything else (text, read by the library). */
export function documentKind(path: string, bytes: Uint8Array): DocumentKind {
  const extension = extname(path).toLowerCase();
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  // "%PDF-" may follow a little junk (the specification allows up to 1024 bytes before it).
  const pdf = new TextDecoder('latin1').decode(bytes.subarray(0, 1024)).includes('%PDF-');
  if (extension === '.docx' || (zip && containsAscii(bytes.subarray(0, 65536), 'word/'))) return 'docx';
  if (extension === '.pdf' || pdf) return 'pdf';
  return 'text';
}

/** The paragraphs of a .docx or PDF as text (blank line between paragraphs). @throws {InputError} */
export async function extractDocumentText(kind: Exclude<DocumentKind, 'text'>, bytes: Uint8Array, source: string): Promise<string> {
  const text = kind === 'docx' ? await docxText(bytes, source) : await pdfText(bytes, source);
  if (!text.trim()) {
    throw new InputError('empty', `${source} has no text${kind === 'pdf' ? ' layer (a scanned PDF needs OCR first)' : ''}`, { source });
  }
  return text;
}

/** Import an optional package, or throw an {@link InputError} that says how to install it. */
export async function importOptional<T>(name: string, purpose: string): Promise<T> {
  try {
    return (await import(name)) as T;
  } catch (cause) {
    throw new InputError('invalid-option', `reading ${purpose} needs the optional package ${name}: run \`npm install ${name}\` beside bitext-align`, {
      cause,
    });
  }
}

interface Mammoth {
  extractRawText(input: { buffer: Buffer }): Promise<{ value: string; messages: unknown[] }>;
}

/**
 * A .docx's paragraphs as Word stores them (`w:p`): list items and table cells each a paragraph, in document
 * order. mammoth's raw text ends each paragraph with two line breaks; line breaks inside a paragraph (`w:br`)
 * stay single.
 */
async function docxText(bytes: Uint8Array, source: string): Promise<string> {
  // mammoth is CommonJS: its functions are on the module and on its default export.
  const mammoth = await importOptional<Partial<Mammoth> & { default?: Mammoth }>('mammoth', '.docx files');
  const reader = (mammoth.extractRawText ? mammoth : mammoth.default) as Mammoth;
  try {
    const { value } = await reader.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    return value;
  } catch (cause) {
    throw new InputError('unreadable', `${source} is not a readable .docx: ${(cause as Error).message}`, { source, cause });
  }
}

interface TextItem {
  str: string;
  transform: number[];
  height: number;
  hasEOL?: boolean;
}
interface Unpdf {
  getDocumentProxy(data: Uint8Array): Promise<{
    numPages: number;
    getPage(n: number): Promise<{ getTextContent(): Promise<{ items: Array<TextItem | { type: string }> }> }>;
    destroy(): Promise<void>;
  }>;
}

/**
 * The text layer of a PDF, page by page. Lines are the text items between end-of-line marks; a new paragraph
 * starts where the gap to the previous line is clearly wider than the page's usual line spacing (1.5 times), and
 * at a new page unless the page's last paragraph has no closing punctuation (it runs on). Lines of one paragraph stay on separate lines, so a word hyphenated at a line end is rejoined by
 * the library as in any text.
 */
async function pdfText(bytes: Uint8Array, source: string): Promise<string> {
  const unpdf = await importOptional<Unpdf>('unpdf', 'PDF files');
  let pdf;
  try {
    pdf = await unpdf.getDocumentProxy(new Uint8Array(bytes));
  } catch (cause) {
    throw new InputError('unreadable', `${source} is not a readable PDF: ${(cause as Error).message}`, { source, cause });
  }
  const paragraphs: string[] = [];
  try {
    for (let n = 1; n <= pdf.numPages; n++) {
      const { items } = await (await pdf.getPage(n)).getTextContent();
      const page = pageParagraphs(items.filter((item): item is TextItem => 'str' in item));
      // A paragraph that ends a page without closing punctuation runs on to the next page.
      const last = paragraphs.length - 1;
      if (last >= 0 && page.length && !ENDS_PARAGRAPH.test(paragraphs[last])) paragraphs[last] += `\n${page.shift()}`;
      paragraphs.push(...page);
    }
  } finally {
    await pdf.destroy();
  }
  return paragraphs.join('\n\n');
}

/** How a paragraph ends: a full stop, question or exclamation mark, ellipsis or colon, maybe in quotes or brackets. */
const ENDS_PARAGRAPH = /[.!?…:][»"”’)\]]*\s*$/u;

/** The paragraphs of one page from its text items (see {@link pdfText}). */
export function pageParagraphs(items: TextItem[]): string[] {
  const lines: Array<{ text: string; y: number; height: number }> = [];
  let current: { text: string; y: number; height: number } | undefined;
  for (const item of items) {
    if (!current) current = { text: '', y: item.transform[5], height: item.height };
    current.text += item.str;
    if (item.hasEOL) {
      lines.push(current);
      current = undefined;
    }
  }
  if (current) lines.push(current);
  const kept = lines.filter((line) => line.text.trim());
  const gaps = kept.slice(1).map((line, k) => kept[k].y - line.y).filter((gap) => gap > 0);
  const median = (values: number[]): number => (values.length ? [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] : 0);
  // The usual line spacing: the median gap, unless that is already wider than lines are set (most paragraphs one
  // line long), then 1.2 times the font size.
  const size = median(kept.map((line) => line.height).filter((h) => h > 0));
  const usual = size && median(gaps) > 1.45 * size ? 1.2 * size : median(gaps);
  const paragraphs: string[][] = [];
  kept.forEach((line, k) => {
    const gap = k > 0 ? kept[k - 1].y - line.y : 0;
    if (k === 0 || gap > usual * 1.5 || gap < 0) paragraphs.push([]);
    paragraphs[paragraphs.length - 1].push(line.text.trimEnd());
  });
  return paragraphs.map((lines) => lines.join('\n'));
}

function containsAscii(bytes: Uint8Array, needle: string): boolean {
  return new TextDecoder('latin1').decode(bytes).includes(needle);
}
