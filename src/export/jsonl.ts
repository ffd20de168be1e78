/**
 * JSON Lines: one link per line, each a self-contained JSON object with the document ids, the indices and texts
 * of both sides, the score, and the discrepancies that concern the link. `JSON.stringify` escapes line breaks
 * and control characters inside strings, so a record never spans two lines.
 */
import type { Alignment, Discrepancy } from '../types.js';
import { toJsonDiscrepancy, type JsonDiscrepancy } from './json.js';
import { exportRows, indexDiscrepancies, rowDiscrepancies } from './rows.js';
import type { ExportRow, JsonlOptions } from './types.js';

/** One JSONL record: an export row without its source spans, with the document ids and its discrepancies. */
export interface JsonlRecord extends Omit<ExportRow, 'ruSpans' | 'enSpans'> {
  /** Document ids (`null` when none was given). */
  ruDocument: string | null;
  enDocument: string | null;
  /**
   * The discrepancies concerning this link: for a paragraph record, those whose paragraph indices intersect the
   * link's; for a sentence record, those whose figure, name or unmatched paragraph lies in its sentences.
   */
  discrepancies: JsonDiscrepancy[];
}

/** The alignment as JSON Lines, one record per link after the filters, each line ending with a line break. */
export function toJsonl(alignment: Alignment, discrepancies: readonly Discrepancy[] = [], options: JsonlOptions = {}): string {
  return jsonlLines(alignment, discrepancies, options)
    .map((line) => `${line}\n`)
    .join('');
}

/** The lines of {@link toJsonl}, without line breaks (for streaming collections). */
export function jsonlLines(alignment: Alignment, discrepancies: readonly Discrepancy[] = [], options: JsonlOptions = {}): string[] {
  // Each record looks only at the discrepancies of its paragraphs (see indexDiscrepancies): linear, not rows × discrepancies.
  const concerning = indexDiscrepancies(discrepancies);
  return exportRows(alignment, options).map((row) =>
    JSON.stringify(jsonlRecord(alignment, row, concerning({ ru: row.ruParagraphs, en: row.enParagraphs }))),
  );
}

/** The record of one row. */
export function jsonlRecord(alignment: Alignment, row: ExportRow, discrepancies: readonly Discrepancy[] = []): JsonlRecord {
  const { ruSpans: _ruSpans, enSpans: _enSpans, ...rest } = row;
  return {
    ruDocument: alignment.ru.id ?? null,
    enDocument: alignment.en.id ?? null,
    ...rest,
    discrepancies: rowDiscrepancies(row, discrepancies).map(toJsonDiscrepancy),
  };
}
