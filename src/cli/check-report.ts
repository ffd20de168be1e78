/**
 * `check` as a QA report: the discrepancies of a pair as issue rows, filtered by kind, severity and the ignore
 * file, and the plain-text report (a count per kind, then one line per issue) for a terminal.
 */
import { countIssues, filterIssues, issueRows, type IssueRow } from '../export/issues.js';
import { readerParagraphs } from '../text/paragraphs.js';
import type { Alignment, Discrepancy } from '../types.js';
import type { CommonOptions } from './args.js';

/** The issues of a pair after the filters: rows and discrepancies in the same order, and how many were ignored. */
export interface SelectedIssues {
  rows: IssueRow[];
  discrepancies: Discrepancy[];
  /** Issues left out because their key is in the ignore file. */
  ignored: number;
}

/** Apply `--kinds`, `--min-severity` and `--ignore` to a pair's discrepancies. */
export function selectIssues(
  alignment: Alignment,
  discrepancies: readonly Discrepancy[],
  options: Pick<CommonOptions, 'kinds' | 'minSeverity'>,
  ignore?: ReadonlySet<string>,
): SelectedIssues {
  const all = issueRows(alignment, discrepancies);
  const source = new Map(all.map((row, k) => [row, discrepancies[k]]));
  const filtered = filterIssues(all, { kinds: options.kinds, minSeverity: options.minSeverity });
  const rows = filterIssues(filtered, { ignore });
  return { rows, discrepancies: rows.map((row) => source.get(row)!), ignored: filtered.length - rows.length };
}

/** "8 issues: 1 unmatched-paragraph, 2 number-mismatch …" (and how many were ignored). */
export function issueSummary(rows: readonly IssueRow[], ignored = 0): string {
  const counts = countIssues(rows).map(([kind, n]) => `${n} ${kind}`);
  const total = `${rows.length} issue${rows.length === 1 ? '' : 's'}${counts.length ? `: ${counts.join(', ')}` : ''}`;
  return ignored ? `${total} (${ignored} accepted in the ignore file, not shown)` : total;
}

const ANSI = { red: '\u001b[31m', yellow: '\u001b[33m', cyan: '\u001b[36m', dim: '\u001b[2m', reset: '\u001b[0m' };
const SEVERITY_COLOR = { error: ANSI.red, warning: ANSI.yellow, info: ANSI.cyan } as const;

/**
 * The text report of `check`: the summary line, then one line per issue, `severity kind ru ¶n ↔ en ¶m message
 * [key]`, paragraphs counted from 1. Severities coloured when `color`.
 */
export function formatCheckText(rows: readonly IssueRow[], ignored: number, color: boolean): string {
  const paint = (code: string, text: string): string => (color ? `${code}${text}${ANSI.reset}` : text);
  const lines = [issueSummary(rows, ignored)];
  for (const row of rows) {
    const at = (indices: number[]): string => (indices.length ? `¶${readerParagraphs(indices)}` : '—');
    const where = `ru ${at(row.ru)} ↔ en ${at(row.en)}`;
    lines.push(`${paint(SEVERITY_COLOR[row.severity], row.severity.padEnd(7))} ${row.kind.padEnd(19)} ${where.padEnd(18)} ${row.message} ${paint(ANSI.dim, `[${row.key}]`)}`);
  }
  return `${lines.join('\n')}\n`;
}
