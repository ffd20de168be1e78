/**
 * TMX 1.4b (Translation Memory eXchange, LISA/OSCAR), Level 1: plain text in `<seg>`. One `<tu>` per two-sided
 * link, with its provenance in `<prop>` elements; links with an empty side are left out unless asked for (most
 * translation-memory tools skip a `<tu>` with one `<tuv>`).
 *
 * Escaping: `& < > " '` become entities, tab / line feed / carriage return become character references, and
 * code points XML 1.0 forbids (C0 controls other than tab, LF, CR; U+FFFE, U+FFFF; unpaired surrogates) are
 * removed. Segment texts are the paragraphs' (or sentences') clean texts, joined by one space in n-m links.
 */
import type { Alignment, Lang } from '../types.js';
import { VERSION } from '../version.js';
import { escapeXml } from './escape.js';
import { exportRows } from './rows.js';
import type { ExportRow, TmxOptions } from './types.js';

/**
 * The whole TMX document of an alignment: {@link tmxOpen}, {@link tmxUnits}, {@link tmxClose}.
 * `segtype` is `sentence` when `options.sentences` is given, else `paragraph`.
 */
export function toTmx(alignment: Alignment, options: TmxOptions = {}): string {
  return [tmxOpen(options), ...tmxUnits(alignment, options), tmxClose()].join('');
}

/**
 * The start of a TMX document, up to and including `<body>`: XML declaration, `<tmx version="1.4">`, and the
 * `<header>` (creationid when given, creationtool `bitext-align`, its version, segtype, o-tmf, adminlang (`en` by
 * default), srclang, datatype `plaintext`, creationdate). For a collection, write this once, then the units of every alignment, then
 * {@link tmxClose}.
 */
export function tmxOpen(options: TmxOptions = {}): string {
  const srclang = options.srclang === '*all*' ? '*all*' : locale(options.srclang ?? 'ru', options);
  const attributes: Array<[string, string]> = [
    ...(options.creationId ? ([['creationid', options.creationId]] as Array<[string, string]>) : []),
    ['creationtool', 'bitext-align'],
    ['creationtoolversion', VERSION],
    ['segtype', options.segtype ?? (options.sentences ? 'sentence' : 'paragraph')],
    ['o-tmf', 'bitext-align'],
    ['adminlang', options.adminLang ?? 'en'],
    ['srclang', srclang],
    ['datatype', 'plaintext'],
    ['o-encoding', 'UTF-8'],
    ['creationdate', tmxDate(options.date ?? new Date())],
  ];
  const header = attributes.map(([name, value]) => `${name}="${escapeXml(value)}"`).join('\n    ');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n  <header\n    ${header}/>\n  <body>\n`;
}

/** The end of a TMX document: `</body></tmx>`. */
export function tmxClose(): string {
  return '  </body>\n</tmx>\n';
}

/**
 * The `<tu>` elements of an alignment, one string each (ending with a line break), after the filters; links
 * with an empty side only when `includeUnmatched` is set. Each `<tu>` carries the `<prop>`s `x-document-ru` and
 * `x-document-en` (when the documents have ids), `x-paragraphs-ru`, `x-paragraphs-en` (comma-separated
 * paragraph indices), `x-sentences-ru`, `x-sentences-en` (sentence rows), and `x-score`.
 */
export function tmxUnits(alignment: Alignment, options: TmxOptions = {}): string[] {
  return exportRows(alignment, options)
    .filter((row) => options.includeUnmatched || (row.ru.length > 0 && row.en.length > 0))
    .map((row) => tmxUnit(row, { ru: alignment.ru.id, en: alignment.en.id }, options));
}

/** One `<tu>` from a row. */
export function tmxUnit(row: ExportRow, documents: { ru?: string; en?: string }, options: TmxOptions = {}): string {
  const props: Array<[string, string]> = [];
  if (documents.ru !== undefined) props.push(['x-document-ru', documents.ru]);
  if (documents.en !== undefined) props.push(['x-document-en', documents.en]);
  props.push(['x-paragraphs-ru', row.ruParagraphs.join(',')], ['x-paragraphs-en', row.enParagraphs.join(',')]);
  if (row.level === 'sentence') props.push(['x-sentences-ru', row.ru.join(',')], ['x-sentences-en', row.en.join(',')]);
  props.push(['x-score', String(row.score)]);
  const sides: Lang[] = options.srclang === 'en' ? ['en', 'ru'] : ['ru', 'en'];
  const lines = [`    <tu tuid="${escapeXml(`${options.tuidPrefix ?? ''}${row.link + 1}`)}">`];
  for (const [type, value] of props) lines.push(`      <prop type="${type}">${escapeXml(value)}</prop>`);
  for (const side of sides) {
    if (row[side].length === 0) continue;
    const text = side === 'ru' ? row.ruText : row.enText;
    lines.push(`      <tuv xml:lang="${escapeXml(locale(side, options))}"><seg>${escapeXml(text)}</seg></tuv>`);
  }
  lines.push('    </tu>');
  return `${lines.join('\n')}\n`;
}

/** A date as TMX writes it: `YYYYMMDDThhmmssZ`, UTC. */
export function tmxDate(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

const locale = (side: Lang, options: TmxOptions): string => options.locales?.[side] ?? side;
