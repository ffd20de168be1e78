/**
 * XLIFF 2.1 (OASIS): the alignment as bilingual segments a CAT tool opens for review. One `<file>` per document
 * pair (`original` = the source document's id), one `<unit>` per two-sided link with one `<segment>` (state
 * `translated`: the target exists but nobody has reviewed it), and `<notes>` carrying the link's score, the
 * paragraph numbers and the discrepancies that concern it (priority 1 for errors, 5 for warnings, 9 for info).
 * Links with an empty side are left out unless asked for; then the unit's segment has state `initial` and, for a
 * paragraph only the target language has, an empty `<source/>`.
 *
 * Core XLIFF 2.1 only (namespace `urn:oasis:names:tc:xliff:document:2.0`, `version="2.1"`), no modules; text is
 * XML-escaped and code points XML 1.0 forbids are removed (see {@link escapeXml}).
 */
import type { Alignment, Discrepancy, Lang } from '../types.js';
import { escapeXml } from './escape.js';
import { readerNumbers } from './issues.js';
import { exportRows, indexDiscrepancies, rowDiscrepancies } from './rows.js';
import type { XliffOptions } from './types.js';

const PRIORITY = { error: 1, warning: 5, info: 9 } as const;

/** The whole XLIFF document of one alignment: {@link xliffOpen}, {@link xliffFile}, {@link xliffClose}. */
export function toXliff(alignment: Alignment, discrepancies: readonly Discrepancy[] = [], options: XliffOptions = {}): string {
  return [xliffOpen(options), xliffFile(alignment, discrepancies, options), xliffClose()].join('');
}

/** The start of an XLIFF document: XML declaration and `<xliff>` with `srcLang` and `trgLang`. */
export function xliffOpen(options: XliffOptions = {}): string {
  const [source, target] = sides(options);
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="${escapeXml(locale(source, options))}" trgLang="${escapeXml(locale(target, options))}">\n`
  );
}

/** The end of an XLIFF document. */
export function xliffClose(): string {
  return '</xliff>\n';
}

/**
 * One `<file>` element for an alignment (see the module comment). `options.fileId` names it (`f1` by default;
 * give each pair its own when writing a collection into one document).
 */
export function xliffFile(alignment: Alignment, discrepancies: readonly Discrepancy[] = [], options: XliffOptions = {}): string {
  const [source, target] = sides(options);
  const fileId = options.fileId ?? 'f1';
  const concerning = indexDiscrepancies(discrepancies);
  const original = alignment[source].id;
  const lines = [`  <file id="${escapeXml(fileId)}"${original !== undefined ? ` original="${escapeXml(original)}"` : ''}>`];
  const targetId = alignment[target].id;
  if (targetId !== undefined) {
    lines.push('    <notes>', `      <note category="target-document">${escapeXml(targetId)}</note>`, '    </notes>');
  }
  for (const row of exportRows(alignment, options)) {
    const sourceText = source === 'ru' ? row.ruText : row.enText;
    const targetText = target === 'ru' ? row.ruText : row.enText;
    const twoSided = row[source].length > 0 && row[target].length > 0;
    if (!twoSided && !options.includeUnmatched) continue;
    const notes = [
      `        <note category="score">${row.score}</note>`,
      `        <note category="paragraphs">${source} ¶${readerNumbers(row[`${source}Paragraphs`]) || '—'}; ${target} ¶${readerNumbers(row[`${target}Paragraphs`]) || '—'}</note>`,
      ...rowDiscrepancies(row, concerning({ ru: row.ruParagraphs, en: row.enParagraphs })).map(
        (d) => `        <note category="${d.kind}" priority="${PRIORITY[d.severity]}">${escapeXml(d.message)}</note>`,
      ),
    ];
    const state = twoSided && targetText ? 'translated' : 'initial';
    lines.push(
      `    <unit id="u${row.link + 1}">`,
      '      <notes>',
      ...notes,
      '      </notes>',
      `      <segment id="s${row.link + 1}" state="${state}">`,
      sourceText ? `        <source>${escapeXml(sourceText)}</source>` : '        <source/>',
      ...(state === 'translated' ? [`        <target>${escapeXml(targetText)}</target>`] : []),
      '      </segment>',
      '    </unit>',
    );
  }
  lines.push('  </file>');
  return `${lines.join('\n')}\n`;
}

function sides(options: XliffOptions): [Lang, Lang] {
  return options.srclang === 'en' ? ['en', 'ru'] : ['ru', 'en'];
}

const locale = (side: Lang, options: XliffOptions): string => options.locales?.[side] ?? side;
