/**
 * A self-contained HTML report: one file, inline CSS and one small inline script, no external resource. A
 * summary (documents, links by shape, discrepancies by kind), the issue list (one row per discrepancy, filtered
 * in the page by kind and severity, each row linking to its paragraphs), then the two versions side by side in
 * aligned rows, paragraphs with no counterpart highlighted, the figures and names of discrepancies marked inside
 * the text (`<mark>`), and the messages of each link under its row. Paragraphs are numbered as a reader counts
 * them (¶1 is the first; `id="ru-p1"`), the `data-*` attributes keep the 0-based indices of the JSON outputs.
 * Without script the page shows every issue; the filters are the only thing the script does.
 *
 * Every piece of document text, id, message and title is HTML-escaped (`& < > " '`), in content and in
 * attributes; characters XML forbids (C0 controls, unpaired surrogates) are removed.
 */
import type { Alignment, Discrepancy, Lang, Link, Paragraph, Severity, Span } from '../types.js';
import { VERSION } from '../version.js';
import { escapeHtml } from './escape.js';
import { filterLinks } from './filter.js';
import { LANGUAGE_NAME, otherLang } from '../text/language.js';
import { toCleanOffset } from '../text/normalize.js';
import { issueRows, type IssueRow } from './issues.js';
import { indexDiscrepancies } from './rows.js';
import { shapeOf, summarize } from './summary.js';
import type { HtmlReportOptions } from './types.js';

const KIND_LABEL: Record<Discrepancy['kind'], string> = {
  'unmatched-paragraph': 'unmatched paragraph',
  'number-mismatch': 'figure differs',
  'number-missing': 'figure missing',
  'entity-missing': 'name missing',
  'mixed-script': 'mixed script',
};
const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

const CSS = `
:root { --ink: #1d2126; --muted: #5f6b7a; --line: #d9dee5; --head: #f3f5f8; --unmatched: #fff3e0; --unmatched-edge: #f0a030;
  --error: #ffd9d6; --error-edge: #c62828; --warning: #fff0b3; --warning-edge: #a66b00; --info: #dcecff; --info-edge: #1f5fa8; }
* { box-sizing: border-box; }
body { margin: 0; padding: 24px 28px 40px; color: var(--ink); background: #fff;
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif; }
h1 { font-size: 22px; margin: 0 0 4px; }
.subtitle { color: var(--muted); margin: 0 0 18px; font-size: 13px; }
.summary { display: flex; flex-wrap: wrap; gap: 14px; margin-bottom: 22px; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; min-width: 220px; background: var(--head); }
.card h2 { font-size: 12px; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); margin: 0 0 6px; }
.card table { border-collapse: collapse; font-size: 14px; }
.card td, .card th { padding: 1px 10px 1px 0; text-align: left; vertical-align: top; font-weight: normal; }
.card td.n { text-align: right; font-variant-numeric: tabular-nums; font-weight: 600; }
.card ul { margin: 0; padding-left: 18px; font-size: 13px; }
.id { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 13px; word-break: break-all; }
table.alignment { width: 100%; border-collapse: collapse; table-layout: fixed; }
table.alignment th { position: sticky; top: 0; background: var(--head); text-align: left; padding: 8px 10px;
  border-bottom: 2px solid var(--line); font-size: 13px; }
table.alignment col.meta { width: 92px; }
tr.link td { border-top: 1px solid var(--line); padding: 8px 10px; vertical-align: top; }
tr.link td.meta { color: var(--muted); font-size: 12px; line-height: 1.45; }
tr.link td.meta .num { font-weight: 700; color: var(--ink); font-size: 13px; }
.score { font-variant-numeric: tabular-nums; }
.score.low { color: var(--error-edge); font-weight: 700; }
td.side p { margin: 0 0 6px; }
td.side p:last-child { margin-bottom: 0; }
.pi { color: var(--muted); font-size: 11px; margin-right: 4px; font-variant-numeric: tabular-nums; }
tr.unmatched td.side.present { background: var(--unmatched); box-shadow: inset 4px 0 0 var(--unmatched-edge); }
td.side.absent { color: var(--unmatched-edge); font-style: italic; background: repeating-linear-gradient(135deg, #fff, #fff 8px, #fdf6ec 8px, #fdf6ec 16px); }
mark { border-radius: 3px; padding: 0 2px; }
mark.error { background: var(--error); box-shadow: inset 0 -2px 0 var(--error-edge); }
mark.warning { background: var(--warning); box-shadow: inset 0 -2px 0 var(--warning-edge); }
mark.info { background: var(--info); box-shadow: inset 0 -2px 0 var(--info-edge); }
tr.messages td { padding: 0 10px 10px; border-top: 0; }
tr.messages ul { list-style: none; margin: 0; padding: 0; font-size: 13px; }
tr.messages li { margin: 2px 0; padding: 3px 8px; border-left: 4px solid var(--line); background: #fafbfc; }
tr.messages li.error { border-color: var(--error-edge); }
tr.messages li.warning { border-color: var(--warning-edge); }
tr.messages li.info { border-color: var(--info-edge); }
.sev { font-weight: 700; text-transform: uppercase; font-size: 11px; margin-right: 6px; }
li.error .sev { color: var(--error-edge); } li.warning .sev { color: var(--warning-edge); } li.info .sev { color: var(--info-edge); }
section.issues { margin-bottom: 24px; }
section.issues h2 { font-size: 16px; margin: 0 0 8px; }
.filters { display: flex; flex-wrap: wrap; gap: 6px 18px; align-items: center; font-size: 13px; margin-bottom: 8px; }
.filters fieldset { border: 1px solid var(--line); border-radius: 6px; padding: 3px 10px; margin: 0; }
.filters legend { color: var(--muted); font-size: 11px; text-transform: uppercase; letter-spacing: .05em; }
.filters label { margin-right: 10px; white-space: nowrap; }
table.issues { width: 100%; border-collapse: collapse; font-size: 13px; }
table.issues th { text-align: left; background: var(--head); padding: 4px 8px; border-bottom: 2px solid var(--line); }
table.issues td { padding: 4px 8px; border-top: 1px solid var(--line); vertical-align: top; }
table.issues td.sev { white-space: nowrap; }
tr.issue.error td.sev { color: var(--error-edge); } tr.issue.warning td.sev { color: var(--warning-edge); } tr.issue.info td.sev { color: var(--info-edge); }
tr.issue[hidden] { display: none; }
td.side p:target { outline: 3px solid var(--info-edge); outline-offset: 2px; }
footer { margin-top: 24px; color: var(--muted); font-size: 12px; }
@media print { table.alignment th { position: static; } body { padding: 0; } }
`;

/**
 * The HTML report of an alignment and its discrepancies (see the module comment), after the filters.
 * Rows are `<tr class="link …" id="link-<n>" data-ru="…" data-en="…">`, n the 1-based link position.
 */
export function toHtml(alignment: Alignment, discrepancies: readonly Discrepancy[] = [], options: HtmlReportOptions = {}): string {
  const kept = filterLinks(alignment.links, options);
  const title = options.title ?? `Alignment report: ${alignment.ru.id ?? 'Russian'} ↔ ${alignment.en.id ?? 'English'}`;
  const concerning = indexDiscrepancies(discrepancies);
  const rows = kept.map(({ link, position }) => linkRows(alignment, link, position, concerning(link))).join('');
  return [
    '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n',
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
    `<meta name="generator" content="bitext-align ${VERSION}">\n`,
    `<title>${escapeHtml(title)}</title>\n<style>${CSS}</style>\n</head>\n<body>\n`,
    `<h1>${escapeHtml(title)}</h1>\n`,
    `<p class="subtitle">Paragraph alignment of a Russian and an English version; discrepancies marked in the text.</p>\n`,
    summarySection(alignment, kept.map(({ link }) => link), discrepancies),
    issueSection(issueRows(alignment, discrepancies)),
    '<table class="alignment">\n<colgroup><col class="meta"><col><col></colgroup>\n',
    '<thead><tr><th>Link</th><th>Russian</th><th>English</th></tr></thead>\n<tbody>\n',
    rows,
    '</tbody>\n</table>\n',
    `<footer>Generated by bitext-align ${escapeHtml(VERSION)}. ¶ = paragraph, counted from 1 (¶1 is the first); data attributes and the JSON outputs give 0-based indices.</footer>\n`,
    discrepancies.length ? `<script>${REPORT_SCRIPT}</script>\n` : '',
    '</body>\n</html>\n',
  ].join('');
}

/**
 * The page's only script: the issue list's filters. Each checkbox names a kind or a severity; an issue row is
 * shown when both its kind and its severity are checked. The count above the list says how many are shown.
 */
export const REPORT_SCRIPT = `(function () {
  var boxes = document.querySelectorAll('.filters input[type=checkbox]');
  var rows = document.querySelectorAll('tr.issue');
  var count = document.getElementById('issue-count');
  function update() {
    var on = { kind: {}, severity: {} };
    boxes.forEach(function (box) { on[box.dataset.filter][box.value] = box.checked; });
    var shown = 0;
    rows.forEach(function (row) {
      var visible = on.kind[row.dataset.kind] && on.severity[row.dataset.severity];
      row.hidden = !visible;
      if (visible) shown++;
    });
    count.textContent = shown + ' of ' + rows.length + ' shown';
  }
  boxes.forEach(function (box) { box.addEventListener('change', update); });
  update();
})();`;

/** The issue list: filters by kind and severity (only those present), then one row per discrepancy. */
function issueSection(rows: IssueRow[]): string {
  if (rows.length === 0) return '';
  const present = <T extends string>(values: T[]): T[] => [...new Set(values)];
  const box = (filter: 'kind' | 'severity', value: string, label: string, count: number): string =>
    `<label><input type="checkbox" data-filter="${filter}" value="${escapeHtml(value)}" checked> ${escapeHtml(label)} (${count})</label>`;
  const kinds = present(rows.map((row) => row.kind));
  const severities = (['error', 'warning', 'info'] as const).filter((s) => rows.some((row) => row.severity === s));
  const where = (side: Lang, row: IssueRow): string =>
    row[side].map((k) => `<a href="#${side}-p${k + 1}">¶${k + 1}</a>`).join('+') || '—';
  const body = rows
    .map(
      (row, k) =>
        `<tr class="issue ${row.severity}" id="issue-${k + 1}" data-kind="${row.kind}" data-severity="${row.severity}" data-key="${row.key}">` +
        `<td>${k + 1}</td><td class="sev">${row.severity}</td><td>${escapeHtml(KIND_LABEL[row.kind])}</td>` +
        `<td>${where('ru', row)}</td><td>${where('en', row)}</td>` +
        `<td lang="ru">${escapeHtml(row.ruValue)}</td><td lang="en">${escapeHtml(row.enValue)}</td><td>${escapeHtml(row.message)}</td></tr>`,
    )
    .join('\n');
  return [
    '<section class="issues">\n',
    `<h2>Issues <span class="subtitle" id="issue-count">${rows.length} of ${rows.length} shown</span></h2>\n`,
    '<div class="filters">',
    `<fieldset><legend>Kind</legend>${kinds.map((kind) => box('kind', kind, KIND_LABEL[kind], rows.filter((r) => r.kind === kind).length)).join('')}</fieldset>`,
    `<fieldset><legend>Severity</legend>${severities.map((s) => box('severity', s, s, rows.filter((r) => r.severity === s).length)).join('')}</fieldset>`,
    '</div>\n',
    '<table class="issues">\n<thead><tr><th>#</th><th>Severity</th><th>Kind</th><th>Russian</th><th>English</th><th>Russian value</th><th>English value</th><th>Message</th></tr></thead>\n',
    `<tbody>\n${body}\n</tbody>\n</table>\n</section>\n`,
  ].join('');
}

function summarySection(alignment: Alignment, links: Link[], discrepancies: readonly Discrepancy[]): string {
  const summary = summarize(links, discrepancies);
  const doc = (side: Lang): string => {
    const d = alignment[side];
    const title = d.meta.title ? `<br><span class="pi">title</span>${escapeHtml(d.meta.title)}` : '';
    const date = d.meta.date ? `<br><span class="pi">date</span>${escapeHtml(d.meta.date)}` : '';
    return `<tr><th>${LANGUAGE_NAME[side]}</th><td><span class="id">${escapeHtml(d.id ?? '(no id)')}</span>${title}${date}</td><td class="n">${d.paragraphs.length}</td><td>¶</td></tr>`;
  };
  const counts = (entries: Array<[string, number]>, empty: string): string =>
    entries.length ? entries.map(([name, count]) => `<tr><td class="n">${count}</td><td>${escapeHtml(name)}</td></tr>`).join('') : `<tr><td>${empty}</td></tr>`;
  const severities = (['error', 'warning', 'info'] as const)
    .filter((s) => summary.severities[s] > 0)
    .map((s) => `${summary.severities[s]} ${s}${summary.severities[s] === 1 ? '' : 's'}`)
    .join(', ');
  const warnings = alignment.warnings.length
    ? `<div class="card"><h2>Warnings</h2><ul>${alignment.warnings.map((w) => `<li><b>${escapeHtml(w.code)}</b>: ${escapeHtml(w.message)}</li>`).join('')}</ul></div>`
    : '';
  return [
    '<section class="summary">\n',
    `<div class="card"><h2>Documents</h2><table>${doc('ru')}${doc('en')}</table></div>\n`,
    `<div class="card"><h2>Links by shape (${links.length})</h2><table>${counts(summary.shapes, 'none')}</table></div>\n`,
    `<div class="card"><h2>Discrepancies (${discrepancies.length})</h2><table>${counts(
      summary.kinds.map(([kind, count]) => [KIND_LABEL[kind], count]),
      'none',
    )}</table>${severities ? `<p class="subtitle" style="margin:6px 0 0">${severities}</p>` : ''}</div>\n`,
    warnings,
    '</section>\n',
  ].join('');
}

function linkRows(alignment: Alignment, link: Link, position: number, discrepancies: Discrepancy[]): string {
  const unmatched = link.ru.length === 0 || link.en.length === 0;
  const shape = shapeOf(link);
  const classes = ['link', `shape-${shape}`, unmatched ? 'unmatched' : '', discrepancies.length ? 'flagged' : ''].filter(Boolean).join(' ');
  const low = link.score < 0.5 ? ' low' : '';
  const meta =
    `<td class="meta"><span class="num">#${position + 1}</span><br>${shape}<br>` +
    `<span class="score${low}" title="confidence">${link.score.toFixed(2)}</span>${unmatched ? '<br>unmatched' : ''}</td>`;
  const cell = (side: Lang): string => {
    if (link[side].length === 0) {
      return `<td class="side absent" lang="${side}">— no ${LANGUAGE_NAME[side]} counterpart to the ${LANGUAGE_NAME[otherLang(side)]} —</td>`;
    }
    const doc = alignment[side];
    const paragraphs = link[side]
      .map(
        (index) =>
          `<p id="${side}-p${index + 1}" data-paragraph="${index}"><span class="pi">¶${index + 1}</span>${markedText(doc.paragraphs[index], discrepancies, side)}</p>`,
      )
      .join('');
    return `<td class="side present" lang="${side}">${paragraphs}</td>`;
  };
  const row =
    `<tr class="${classes}" id="link-${position + 1}" data-ru="${link.ru.join(',')}" data-en="${link.en.join(',')}" data-score="${link.score}">` +
    `${meta}${cell('ru')}${cell('en')}</tr>\n`;
  if (discrepancies.length === 0) return row;
  const items = [...discrepancies]
    .sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity])
    .map((d) => `<li class="${d.severity}"><span class="sev">${d.severity}</span>${escapeHtml(d.message)}</li>`)
    .join('');
  return `${row}<tr class="messages" data-link="${position + 1}"><td></td><td colspan="2"><ul>${items}</ul></td></tr>\n`;
}

/** A paragraph's clean text, escaped, with the anchors of its discrepancies in `<mark>`. */
function markedText(paragraph: Paragraph, discrepancies: Discrepancy[], side: Lang): string {
  const marks: Array<{ start: number; end: number; severity: Severity; message: string }> = [];
  for (const d of discrepancies) {
    for (const span of anchorSpans(d, side)) {
      if (span.start < paragraph.start || span.end > paragraph.end) continue;
      const start = toCleanOffset(paragraph, span.start);
      const end = toCleanOffset(paragraph, span.end);
      if (end > start) marks.push({ start, end, severity: d.severity, message: d.message });
    }
  }
  marks.sort((a, b) => a.start - b.start || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
  const text = paragraph.clean;
  let out = '';
  let at = 0;
  for (const mark of marks) {
    if (mark.start < at) continue; // overlapping: the first (most severe at that position) wins
    out += escapeHtml(text.slice(at, mark.start));
    out += `<mark class="${mark.severity}" title="${escapeHtml(mark.message)}">${escapeHtml(text.slice(mark.start, mark.end))}</mark>`;
    at = mark.end;
  }
  return out + escapeHtml(text.slice(at));
}

/** The anchor spans a discrepancy points at on one side (an unmatched paragraph marks nothing: its cell is highlighted). */
function anchorSpans(d: Discrepancy, side: Lang): Span[] {
  switch (d.kind) {
    case 'number-mismatch':
      return [side === 'ru' ? d.ruAnchor : d.enAnchor];
    case 'number-missing':
    case 'entity-missing':
      return d.side === side ? [d.anchor] : [];
    case 'mixed-script':
      return d.side === side ? [d.span] : [];
    case 'unmatched-paragraph':
      return [];
  }
}
