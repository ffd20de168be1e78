/**
 * A plain-text side-by-side report for terminals: a summary, then one row per link with the Russian text on the
 * left and the English on the right, each wrapped to half the width, the discrepancies of the link listed
 * under it. Widths are counted in terminal columns: one per code point (Cyrillic included), none for combining
 * marks, two for East Asian wide characters. No colours unless asked for. Paragraphs are numbered as a reader
 * counts them: ¶1 is the first (the `index` of JSON outputs plus one).
 */
import { readerParagraphs } from '../text/paragraphs.js';
import type { Alignment, Discrepancy, Severity } from '../types.js';
import { filterLinks } from './filter.js';
import { indexDiscrepancies } from './rows.js';
import { formatCounts, shapeOf, summarize } from './summary.js';
import type { TextReportOptions } from './types.js';

const GUTTER = ' │ ';
const MIN_WIDTH = 24;
const ANSI = {
  bold: '\u001b[1m',
  dim: '\u001b[2m',
  red: '\u001b[31m',
  yellow: '\u001b[33m',
  cyan: '\u001b[36m',
  reset: '\u001b[0m',
};
const SEVERITY_COLOR: Record<Severity, string> = { error: ANSI.red, warning: ANSI.yellow, info: ANSI.cyan };

/**
 * The side-by-side report of an alignment and its discrepancies (see the module comment), after the filters.
 * Ends with a line break. A paragraph with no counterpart faces "— no English counterpart —" (or Russian).
 */
export function formatSideBySide(alignment: Alignment, discrepancies: readonly Discrepancy[] = [], options: TextReportOptions = {}): string {
  const width = Math.max(MIN_WIDTH, Math.floor(options.width ?? 80));
  const paint = (code: string, text: string): string => (options.color ? `${code}${text}${ANSI.reset}` : text);
  const kept = filterLinks(alignment.links, options);
  const concerning = indexDiscrepancies(discrepancies);
  const summary = summarize(
    kept.map(({ link }) => link),
    discrepancies,
  );
  const name = (doc: Alignment['ru']): string => `${printable(doc.id ?? '(no id)')} (${doc.paragraphs.length} paragraphs)`;
  const lines: string[] = [
    ...wrap(`Russian: ${name(alignment.ru)}  ↔  English: ${name(alignment.en)}`, width),
    ...wrap(`Links: ${formatCounts(summary.shapes) || 'none'}`, width),
    ...wrap(
      `Discrepancies: ${formatCounts(summary.kinds) || 'none'}` +
        (discrepancies.length ? ` (${summary.severities.error} errors, ${summary.severities.warning} warnings)` : ''),
      width,
    ),
    ...alignment.warnings.flatMap((w) => wrap(`Warning (${printable(w.code)}): ${printable(w.message)}`, width, '', '  ')),
    '═'.repeat(width),
  ];
  const left = Math.floor((width - GUTTER.length) / 2);
  const right = width - GUTTER.length - left;
  for (const { link, position } of kept) {
    const unmatched = link.ru.length === 0 || link.en.length === 0;
    const heading = `#${position + 1} · ru ${indices(link.ru)} ↔ en ${indices(link.en)} · ${shapeOf(link)} · score ${link.score.toFixed(2)}${unmatched ? ' · UNMATCHED' : ''}`;
    lines.push(...wrap(heading, width).map((line) => paint(ANSI.bold, line)));
    const column = (side: 'ru' | 'en', w: number): string[] => {
      const doc = alignment[side];
      if (link[side].length === 0) {
        return wrap(side === 'ru' ? '— no Russian counterpart —' : '— no English counterpart —', w).map((line) => paint(ANSI.yellow, line));
      }
      return link[side].flatMap((index, k) => [...(k > 0 ? [''] : []), ...wrap(`¶${index + 1} ${printable(doc.paragraphs[index].clean)}`, w)]);
    };
    const ruLines = column('ru', left);
    const enLines = column('en', right);
    for (let k = 0; k < Math.max(ruLines.length, enLines.length); k++) {
      lines.push(`${pad(ruLines[k] ?? '', left)}${GUTTER}${enLines[k] ?? ''}`.trimEnd());
    }
    for (const d of concerning(link)) {
      lines.push(...wrap(`▸ ${d.severity}: ${printable(d.message)}`, width, '  ', '    ').map((line) => paint(SEVERITY_COLOR[d.severity], line)));
    }
    lines.push('─'.repeat(width));
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Text safe to print on a terminal: control characters (C0, DEL, C1, which include the escape that starts a
 * terminal control sequence) become spaces.
 */
function printable(text: string): string {
  return text.replace(/[\u0000-\u001F\u007F-\u009F]/g, ' ');
}

/** "¶3", "¶3+4", "¶3–9", "—": paragraphs numbered as a reader counts them (¶1 is the first). */
function indices(list: readonly number[]): string {
  return list.length ? `¶${readerParagraphs(list)}` : '—';
}

/**
 * Terminal columns a string takes: one per code point, zero for combining marks and zero-width characters, two
 * for East Asian wide and full-width characters. ANSI escape sequences take none.
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text.replace(/\u001b\[[0-9;]*m/g, '')) width += charWidth(ch);
  return width;
}

function charWidth(ch: string): number {
  const code = ch.codePointAt(0)!;
  if (code < 0x300) return code < 0x20 || (code >= 0x7f && code < 0xa0) ? 0 : 1;
  if (/[\p{Mn}\p{Me}\u200B-\u200F\u2060\uFEFF]/u.test(ch)) return 0;
  if (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf && code !== 0x303f) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1faff) ||
    (code >= 0x20000 && code <= 0x3fffd)
  ) {
    return 2;
  }
  return 1;
}

/** Pad with spaces to `width` columns. */
function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/**
 * Wrap text to `width` columns at spaces; a word longer than a line is cut. `first` prefixes the first line,
 * `rest` the others (hanging indent).
 */
export function wrap(text: string, width: number, first = '', rest = first): string[] {
  const lines: string[] = [];
  let line = first;
  let lineWidth = displayWidth(first);
  let empty = true;
  const newLine = (): void => {
    lines.push(line);
    line = rest;
    lineWidth = displayWidth(rest);
    empty = true;
  };
  for (const word of text.split(/\s+/).filter(Boolean)) {
    let w = displayWidth(word);
    if (!empty && lineWidth + 1 + w > width) newLine();
    if (!empty) {
      line += ' ';
      lineWidth += 1;
    }
    let remaining = word;
    // The rest's width is the word's minus what was cut, not measured again: measuring the rest after every cut
    // made one long word (a 1 MB token) quadratic, minutes of work. Exact unless the word holds escape sequences,
    // which displayWidth skips; those are measured as before.
    const plain = !word.includes('\u001b');
    while (lineWidth + w > width && w > 0) {
      // Cut the word at the line's end.
      let cut = '';
      let cutWidth = 0;
      for (const ch of remaining) {
        const cw = charWidth(ch);
        if (lineWidth + cutWidth + cw > width) break;
        cut += ch;
        cutWidth += cw;
      }
      if (cut === '' && !empty) {
        newLine();
        continue;
      }
      if (cut === '') {
        cut = String.fromCodePoint(remaining.codePointAt(0)!);
        cutWidth = charWidth(cut);
      }
      line += cut;
      remaining = remaining.slice(cut.length);
      w = plain ? w - cutWidth : displayWidth(remaining);
      newLine();
    }
    if (remaining) {
      line += remaining;
      lineWidth += w;
      empty = false;
    }
  }
  if (!empty || lines.length === 0) lines.push(line);
  return lines;
}
