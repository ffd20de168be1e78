/**
 * Exports of an alignment: one writer per format, pure functions returning strings, and {@link exportAlignment}
 * to pick one by name.
 */
import { findDiscrepancies } from '../check/discrepancies.js';
import { alignSentences } from '../sentences/align.js';
import type { Alignment } from '../types.js';
import { toHtml } from './html.js';
import { toJson, toJsonChunks, toJsonReport, type JsonReport } from './json.js';
import { toJsonl } from './jsonl.js';
import { formatSideBySide } from './text.js';
import { toTmx } from './tmx.js';
import { toTsv } from './tsv.js';
import { toXliff } from './xliff.js';
import type { ExportFormat, ExportOptions } from './types.js';
import { InputError } from '../errors.js';
import { checkExportOptions } from './options.js';

export { escapeHtml, escapeXml, oneLine, stripXmlIllegal } from './escape.js';
export { filterLinks, keepLink } from './filter.js';
export { toHtml } from './html.js';
export { toJson, toJsonChunks, toJsonDiscrepancy, toJsonReport, type JsonDiscrepancy, type JsonLink, type JsonParagraph, type JsonReport } from './json.js';
export { jsonlLines, jsonlRecord, toJsonl, type JsonlRecord } from './jsonl.js';
export { toCleanOffset } from '../text/normalize.js';
export { discrepancySpans, exportRows, indexDiscrepancies, linkDiscrepancies, rowDiscrepancies } from './rows.js';
export { summarize, type AlignmentSummary } from './summary.js';
export { displayWidth, formatSideBySide, wrap } from './text.js';
export { tmxClose, tmxDate, tmxOpen, tmxUnit, tmxUnits, toTmx } from './tmx.js';
export { countIssues, filterIssues, formatIgnoreFile, issueRows, issuesToDelimited, issuesToJsonl, ISSUE_COLUMNS, parseIgnoreFile, readerNumbers, type IssueFilter, type IssueRow } from './issues.js';
export { toXliff, xliffClose, xliffFile, xliffOpen } from './xliff.js';
export { mosesLines, toMoses, toTsv, tsvLine, tsvLines, TSV_COLUMNS, TSV_DOCUMENT_COLUMNS } from './tsv.js';
export type * from './types.js';

/** Every format {@link exportAlignment} writes. */
export const EXPORT_FORMATS: readonly ExportFormat[] = ['json', 'jsonl', 'tmx', 'tsv', 'html', 'text', 'xliff'];

/**
 * Write an alignment in one of the formats:
 * - `json`: the `align --json` contract ({@link toJson});
 * - `jsonl`: one link per line with its discrepancies ({@link toJsonl});
 * - `tmx`: TMX 1.4b, two-sided links only unless `includeUnmatched` ({@link toTmx});
 * - `tsv`: `ru TAB en TAB score TAB ru_indices TAB en_indices` ({@link toTsv});
 * - `html`: a self-contained report ({@link toHtml});
 * - `text`: a side-by-side report for terminals ({@link formatSideBySide});
 * - `xliff`: XLIFF 2.1 bilingual segments with the scores and discrepancies as notes ({@link toXliff}).
 *
 * Discrepancies default to `findDiscrepancies(alignment)`; with `level: 'sentence'`, tmx, tsv and jsonl rows
 * (and json's extra sentence section) are sentence links, aligned with {@link alignSentences} unless
 * `options.sentences` is given.
 *
 * @throws {InputError} `invalid-option` for an unknown format or an option it cannot use (see
 *   {@link checkExportOptions}).
 */
export function exportAlignment(alignment: Alignment, format: ExportFormat, options: ExportOptions = {}): string {
  const { discrepancies, withUnit } = prepareExport(alignment, format, options);
  switch (format) {
    case 'json':
      return toJson(alignment, discrepancies, withUnit);
    case 'jsonl':
      return toJsonl(alignment, discrepancies, withUnit);
    case 'tmx':
      return toTmx(alignment, withUnit);
    case 'tsv':
      return toTsv(alignment, withUnit);
    case 'html':
      return toHtml(alignment, discrepancies, options);
    case 'text':
      return formatSideBySide(alignment, discrepancies, options);
    case 'xliff':
      return toXliff(alignment, discrepancies, { ...withUnit, srclang: options.srclang === 'en' ? 'en' : 'ru' });
    default:
      throw new InputError('invalid-option', `unknown export format; expected one of ${EXPORT_FORMATS.join(', ')}`);
  }
}

/**
 * {@link exportAlignment} in pieces whose concatenation is its text, for writing out as they come: `json` in one
 * piece per paragraph, link or discrepancy (a large report is never one string), every other format whole.
 *
 * @throws {InputError} as {@link exportAlignment}, before the first piece.
 */
export function exportAlignmentChunks(alignment: Alignment, format: ExportFormat, options: ExportOptions = {}): Iterable<string> {
  if (format !== 'json') return [exportAlignment(alignment, format, options)];
  const { discrepancies, withUnit } = prepareExport(alignment, format, options);
  return toJsonChunks(alignment, discrepancies, withUnit);
}

/**
 * The object `exportAlignment(alignment, 'json', options)` writes, as it stands: for a caller that puts it inside
 * a larger document, instead of parsing the text back.
 *
 * @throws {InputError} as {@link exportAlignment}.
 */
export function exportJsonReport(alignment: Alignment, options: ExportOptions = {}): JsonReport {
  const { discrepancies, withUnit } = prepareExport(alignment, 'json', options);
  return toJsonReport(alignment, discrepancies, withUnit);
}

/** The checks and defaults every format shares: options checked, discrepancies found, sentences aligned when needed. */
function prepareExport(alignment: Alignment, format: ExportFormat, options: ExportOptions) {
  if (!EXPORT_FORMATS.includes(format)) {
    throw new InputError('invalid-option', `unknown export format ${typeof format === 'string' ? JSON.stringify(format) : typeof format}; expected one of ${EXPORT_FORMATS.join(', ')}`);
  }
  checkExportOptions(alignment, options);
  const needsDiscrepancies = format === 'json' || format === 'jsonl' || format === 'html' || format === 'text' || format === 'xliff';
  const discrepancies = options.discrepancies ?? (needsDiscrepancies ? findDiscrepancies(alignment) : []);
  const sentences = options.sentences ?? (options.level === 'sentence' && format !== 'html' && format !== 'text' ? alignSentences(alignment) : undefined);
  return { discrepancies, withUnit: { ...options, sentences } };
}
