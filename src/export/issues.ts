/**
 * The discrepancies as a QA issue list, the way reviewers know it from Xbench or CheckMate: one row per
 * discrepancy with the document ids, kind, severity, the paragraphs on both sides, both values as written and a
 * snippet of both texts; filters by kind and severity; and a stable key per issue, so that a list of accepted
 * differences (an ignore file) still matches after the translation is revised.
 *
 * The key is `<kind>:<8 hex digits>`, a hash of what the issue is about and nothing else: the kind, the side,
 * the figure or name as written on each side and its language-neutral anchor key (for an unmatched paragraph,
 * the first words of its text, folded), and which occurrence of that same thing it is in the document. Paragraph
 * numbers, scores, document ids and the rest of the text are left out: inserting, deleting or rewording other
 * paragraphs does not change the key of an issue, and the same accepted difference is recognised in a revised
 * file under another name.
 */
import type { Alignment, Discrepancy, DiscrepancyKind, Document, Lang, Severity } from '../types.js';
import { oneLine } from './escape.js';

/** One row of the issue list. Paragraph indices are 0-based; the TSV/CSV writers print them counted from 1. */
export interface IssueRow {
  /** Stable identifier of the issue (see the module comment). */
  key: string;
  ruDocument: string | null;
  enDocument: string | null;
  kind: DiscrepancyKind;
  severity: Severity;
  /** Russian paragraph indices (0-based) involved. */
  ru: number[];
  /** English paragraph indices (0-based) involved. */
  en: number[];
  /** The Russian figure or name as written ('' when the Russian lacks it or the issue has none). */
  ruValue: string;
  /** The English figure or name as written, likewise. */
  enValue: string;
  /** The Russian text around the issue (or the start of the Russian paragraph that lacks it), one line. */
  ruSnippet: string;
  /** The English text around the issue, likewise. */
  enSnippet: string;
  message: string;
}

/** Which issues to keep. */
export interface IssueFilter {
  /** Only these kinds. @default every kind */
  kinds?: readonly DiscrepancyKind[];
  /** Only issues at least this severe. @default 'info' (all) */
  minSeverity?: Severity;
  /** Leave out the issues with these keys (accepted differences). @default none */
  ignore?: ReadonlySet<string>;
}

/** The columns of {@link issuesToDelimited}, as its header line names them. */
export const ISSUE_COLUMNS = [
  'key',
  'ru_document',
  'en_document',
  'kind',
  'severity',
  'ru_paragraphs',
  'en_paragraphs',
  'ru_value',
  'en_value',
  'ru_snippet',
  'en_snippet',
  'message',
] as const;

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const SNIPPET_CONTEXT = 40;

/** The issue rows of an alignment's discrepancies, in their order, with their keys. */
export function issueRows(alignment: Alignment, discrepancies: readonly Discrepancy[]): IssueRow[] {
  const seen = new Map<string, number>();
  return discrepancies.map((d) => {
    const identity = issueIdentity(alignment, d);
    const occurrence = (seen.get(identity) ?? 0) + 1;
    seen.set(identity, occurrence);
    const [ruValue, enValue] = values(d);
    return {
      key: `${d.kind}:${fnv1a(`${identity}\u0000${occurrence}`)}`,
      ruDocument: alignment.ru.id ?? null,
      enDocument: alignment.en.id ?? null,
      kind: d.kind,
      severity: d.severity,
      ru: [...d.ru],
      en: [...d.en],
      ruValue,
      enValue,
      ruSnippet: snippet(alignment.ru, d, 'ru'),
      enSnippet: snippet(alignment.en, d, 'en'),
      message: d.message,
    };
  });
}

/** The rows that pass the filter. */
export function filterIssues(rows: readonly IssueRow[], filter: IssueFilter = {}): IssueRow[] {
  const limit = SEVERITY_RANK[filter.minSeverity ?? 'info'];
  return rows.filter(
    (row) => (!filter.kinds || filter.kinds.includes(row.kind)) && SEVERITY_RANK[row.severity] <= limit && !filter.ignore?.has(row.key),
  );
}

/** How many rows of each kind, in the order kinds are first met. */
export function countIssues(rows: readonly IssueRow[]): Array<[DiscrepancyKind, number]> {
  const counts = new Map<DiscrepancyKind, number>();
  for (const row of rows) counts.set(row.kind, (counts.get(row.kind) ?? 0) + 1);
  return [...counts];
}

/**
 * The rows as TSV (`'\t'`: tabs and line breaks inside a field become spaces, nothing quoted) or CSV (`','`:
 * RFC 4180, every field quoted when it holds a comma, quote or line break), one line per row, LF line ends;
 * paragraph numbers counted from 1 and joined by `+` (`3+4`), as a reader counts them. `header` prepends
 * {@link ISSUE_COLUMNS}. Returns the lines without line breaks.
 */
export function issuesToDelimited(rows: readonly IssueRow[], separator: '\t' | ',', header = false): string[] {
  const field = separator === '\t' ? oneLine : csvField;
  const lines = rows.map((row) =>
    [
      row.key,
      row.ruDocument ?? '',
      row.enDocument ?? '',
      row.kind,
      row.severity,
      readerNumbers(row.ru),
      readerNumbers(row.en),
      row.ruValue,
      row.enValue,
      row.ruSnippet,
      row.enSnippet,
      row.message,
    ]
      .map(field)
      .join(separator),
  );
  return header ? [ISSUE_COLUMNS.join(separator), ...lines] : lines;
}

/** The rows as JSON Lines (0-based indices, as every JSON output), without line breaks. */
export function issuesToJsonl(rows: readonly IssueRow[]): string[] {
  return rows.map((row) => JSON.stringify(row));
}

/**
 * The keys of an ignore file: the first field (up to a tab) of each line; blank lines, `#` comments and lines
 * whose first field is not a key (such as the header of a TSV report) are skipped. So a TSV issue report with
 * the rows to accept kept is itself an ignore file.
 */
export function parseIgnoreFile(text: string): Set<string> {
  const keys = new Set<string>();
  for (const line of text.split(/\r?\n/)) {
    const first = line.split('\t')[0].trim();
    if (/^[a-z-]+:[0-9a-f]{8}$/.test(first)) keys.add(first);
  }
  return keys;
}

/** An ignore file accepting these rows: a comment, then `key TAB kind TAB message` per row. */
export function formatIgnoreFile(rows: readonly IssueRow[]): string {
  const lines = ['# Accepted differences: bitext-align check --ignore FILE leaves these issues out. One key per line;', '# what follows a tab is a reminder.'];
  for (const row of rows) lines.push([row.key, row.kind, oneLine(row.message)].join('\t'));
  return `${lines.join('\n')}\n`;
}

/** Paragraph indices as a reader counts them: 0-based [2, 3] → "3+4". */
export function readerNumbers(indices: readonly number[]): string {
  return indices.map((k) => k + 1).join('+');
}

/** What the issue is about, without where it is: the kind, side, values and anchor keys. */
function issueIdentity(alignment: Alignment, d: Discrepancy): string {
  switch (d.kind) {
    case 'number-mismatch':
      return [d.kind, d.ruAnchor.key, d.ruValue, d.enAnchor.key, d.enValue].join('\u0000');
    case 'number-missing':
    case 'entity-missing':
      return [d.kind, d.side, d.anchor.key, d.value].join('\u0000');
    case 'mixed-script':
      return [d.kind, d.side, d.value].join('\u0000');
    case 'unmatched-paragraph': {
      const paragraph = alignment[d.side].paragraphs[d[d.side][0]];
      const words = (paragraph?.clean ?? '').toLowerCase().normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? [];
      return [d.kind, d.side, words.slice(0, 12).join(' ')].join('\u0000');
    }
  }
}

function values(d: Discrepancy): [string, string] {
  switch (d.kind) {
    case 'number-mismatch':
      return [d.ruValue, d.enValue];
    case 'number-missing':
    case 'entity-missing':
    case 'mixed-script':
      return d.side === 'ru' ? [d.value, ''] : ['', d.value];
    case 'unmatched-paragraph':
      return ['', ''];
  }
}

/** The text around the issue's anchor on one side, or the start of the side's first paragraph involved. */
function snippet(doc: Document, d: Discrepancy, side: Lang): string {
  const anchor =
    d.kind === 'number-mismatch'
      ? side === 'ru'
        ? d.ruAnchor
        : d.enAnchor
      : d.kind === 'unmatched-paragraph' || d.side !== side
        ? undefined
        : d.kind === 'mixed-script'
          ? d.span
          : d.anchor;
  if (anchor) {
    // Within the anchor's paragraph (the side's paragraphs listed by the discrepancy hold it).
    const home = d[side].map((k) => doc.paragraphs[k]).find((p) => p && p.start <= anchor.start && anchor.end <= p.end);
    const [lo, hi] = home ? [home.start, home.end] : [0, doc.source.length];
    const from = Math.max(lo, anchor.start - SNIPPET_CONTEXT);
    const to = Math.min(hi, anchor.end + SNIPPET_CONTEXT);
    const text = doc.source.slice(from, to).replace(/\s+/g, ' ').trim();
    return `${from > lo ? '…' : ''}${text}${to < hi ? '…' : ''}`;
  }
  const paragraph = doc.paragraphs[d[side][0]];
  if (!paragraph) return '';
  const clean = paragraph.clean;
  return clean.length > 2 * SNIPPET_CONTEXT ? `${clean.slice(0, 2 * SNIPPET_CONTEXT).trimEnd()}…` : clean;
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** 32-bit FNV-1a of a string's UTF-16 code units, as 8 hex digits. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let k = 0; k < text.length; k++) {
    hash ^= text.charCodeAt(k);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
