/**
 * Tab-separated values and Moses-style parallel text files.
 *
 * TSV: one link per line, `ru_text TAB en_text TAB score TAB ru_indices TAB en_indices`, indices comma-separated
 * (paragraph indices, or sentence indices for sentence rows; empty for an empty side), LF line ends, optional
 * header line; with `documents`, two more columns, the Russian and English document ids (rows of many pairs in
 * one file). Escaping: a tab, line break (LF, CR, VT, FF, NEL, U+2028, U+2029) inside a text becomes one
 * space; nothing is quoted, so a reader must split each line on tabs and nothing else.
 *
 * Moses: two texts with the same number of lines, line k of one the translation of line k of the other; the
 * same one-line escaping; a link with an empty side is an empty line on that side (filter with `dropUnmatched`).
 */
import type { Alignment } from '../types.js';
import { oneLine } from './escape.js';
import { exportRows } from './rows.js';
import type { ExportRow, RowOptions, TsvOptions } from './types.js';

/** The columns of {@link toTsv}, as its header line names them. */
export const TSV_COLUMNS = ['ru', 'en', 'score', 'ru_indices', 'en_indices'] as const;

/** The two columns {@link tsvLine} adds with `documents` (many pairs in one file): the documents' ids. */
export const TSV_DOCUMENT_COLUMNS = ['ru_document', 'en_document'] as const;

/**
 * The alignment as TSV, one link per line after the filters (see the module comment for the columns and the
 * escaping), ending with a line break; `''` when no link is left and no header is asked for.
 */
export function toTsv(alignment: Alignment, options: TsvOptions = {}): string {
  const lines = tsvLines(alignment, options);
  if (options.header) lines.unshift([...TSV_COLUMNS, ...(options.documents ? TSV_DOCUMENT_COLUMNS : [])].join('\t'));
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/** The TSV lines of an alignment, without line breaks and without the header (for streaming collections). */
export function tsvLines(alignment: Alignment, options: RowOptions & Pick<TsvOptions, 'documents'> = {}): string[] {
  const documents = options.documents ? { ru: alignment.ru.id ?? '', en: alignment.en.id ?? '' } : undefined;
  return exportRows(alignment, options).map((row) => tsvLine(row, documents));
}

/**
 * One TSV line (no line break) from a row: tabs and line breaks in the texts become spaces. With `documents`,
 * two more columns: the Russian and the English document ids ({@link TSV_DOCUMENT_COLUMNS}).
 */
export function tsvLine(row: ExportRow, documents?: { ru: string; en: string }): string {
  const fields = [oneLine(row.ruText), oneLine(row.enText), String(row.score), row.ru.join(','), row.en.join(',')];
  if (documents) fields.push(oneLine(documents.ru), oneLine(documents.en));
  return fields.join('\t');
}

/**
 * The alignment as two Moses-style texts, `{ru, en}`, with the same number of lines (one link per line, after
 * the filters), each ending with a line break; tabs and line breaks inside a text become spaces, and the
 * empty side of a one-sided link is an empty line.
 */
export function toMoses(alignment: Alignment, options: RowOptions = {}): { ru: string; en: string } {
  const { ru, en } = mosesLines(alignment, options);
  const text = (lines: string[]): string => (lines.length ? `${lines.join('\n')}\n` : '');
  return { ru: text(ru), en: text(en) };
}

/** The lines of {@link toMoses}, without line breaks (for streaming collections). */
export function mosesLines(alignment: Alignment, options: RowOptions = {}): { ru: string[]; en: string[] } {
  const rows = exportRows(alignment, options);
  return { ru: rows.map((row) => oneLine(row.ruText)), en: rows.map((row) => oneLine(row.enText)) };
}
