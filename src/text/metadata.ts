/**
 * Document metadata written into the text: a leading `date YYYY-MM-DD` line (as feeds and scrapers write it),
 * a news dateline ("BAKU, Azerbaijan, November 14." / "МОСКВА, 5 марта. /ТАСС/."), and a headline.
 * Metadata spans are kept in the paragraphs (nothing is lost) but are not body text: no anchors come from them.
 */
import type { DocumentMeta, Span } from '../types.js';
import type { BareParagraph } from './paragraphs.js';

const EN_MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
const RU_MONTH_STEMS: Array<[string, number]> = [
  ['январ', 1], ['феврал', 2], ['март', 3], ['апрел', 4], ['ма', 5], ['июн', 6],
  ['июл', 7], ['август', 8], ['сентябр', 9], ['октябр', 10], ['ноябр', 11], ['декабр', 12],
];

/** ` date 2024-03-05` at the very start of the text. */
const DATE_LINE = /^\s*date:?\s+(\d{4})-(\d{2})-(\d{2})\b[ \t]*/i;
/** "BAKU, Azerbaijan, November 14." — an upper-case place, optional country, month and day, optional year. */
const EN_DATELINE =
  /^([A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+){0,3})((?:, [A-Z][A-Za-z'.-]+(?: [A-Z][A-Za-z'.-]+){0,2}){0,2}),? ([A-Z][a-z]{2,8})\.? (\d{1,2})(?:, (\d{4}))?(?:\s*[.:\u2014\u2013-]|\s*\/[^/\n]{1,40}\/\.?)?/;
/** "МОСКВА, 5 марта. /ТАСС/." — an upper-case place, day and month, optional year and agency. */
const RU_DATELINE =
  /^([А-ЯЁ][А-ЯЁ-]+(?: [А-ЯЁ][А-ЯЁ-]+){0,3})((?:, [А-ЯЁ][а-яё-]+(?: [А-ЯЁа-яё-]+){0,2}){0,2}), (\d{1,2}) ([а-яё]{3,9})(?: (\d{4})(?: года| г\.)?)?(?:\s*[.:\u2014\u2013-]|\s*\/[^/\n]{1,40}\/\.?)*/;

/** Longest first paragraph still read as a headline. */
const MAX_TITLE_LENGTH = 200;

/** Options for {@link findMetadata}. */
export interface MetadataOptions {
  /** A publication date the caller knows (ISO `YYYY-MM-DD`); it wins over what the text says. */
  date?: string;
}

/** Read the document's date, place and headline from the start of its text. */
export function findMetadata(source: string, paragraphs: BareParagraph[], options: MetadataOptions = {}): DocumentMeta {
  const spans: Span[] = [];
  let date: string | undefined;
  let place: string | undefined;
  let offset = 0;

  const dateLine = DATE_LINE.exec(source);
  if (dateLine) {
    date = `${dateLine[1]}-${dateLine[2]}-${dateLine[3]}`;
    const start = dateLine[0].search(/\S/);
    spans.push({ start, end: dateLine[0].trimEnd().length });
    offset = dateLine[0].length;
  }
  // A dateline may follow the date line, or open the first paragraph.
  const rest = source.slice(offset, offset + 300);
  const lead = rest.search(/\S/);
  if (lead >= 0) {
    const found = matchDateline(rest.slice(lead));
    if (found) {
      place = found.place;
      const start = offset + lead;
      spans.push({ start, end: start + found.length });
      // A date line, which has the year, wins over the dateline's month and day.
      if (!date && found.monthDay) date = found.year ? `${found.year}-${found.monthDay}` : `--${found.monthDay}`;
    }
  }
  if (options.date) date = options.date;

  const first = paragraphs[0];
  const title =
    paragraphs.length > 1 && first && first.clean.length <= MAX_TITLE_LENGTH && !/[.!?…:]$/.test(first.clean)
      ? first.clean
      : undefined;
  const meta: DocumentMeta = { spans };
  if (date) meta.date = date;
  if (place) meta.place = place;
  if (title) meta.title = title;
  return meta;
}

interface Dateline {
  place: string;
  monthDay?: string;
  year?: string;
  length: number;
}

function matchDateline(text: string): Dateline | undefined {
  const en = EN_DATELINE.exec(text);
  if (en) {
    const month = EN_MONTHS[en[3].toLowerCase().slice(0, en[3].length === 4 ? 4 : 3)] ?? EN_MONTHS[en[3].toLowerCase().slice(0, 3)];
    if (month && /^[A-Z]{2}/.test(en[1])) {
      return { place: `${en[1]}${en[2]}`, monthDay: monthDay(month, Number(en[4])), year: en[5], length: en[0].length };
    }
  }
  const ru = RU_DATELINE.exec(text);
  if (ru) {
    const monthWord = ru[4].toLowerCase();
    const month = RU_MONTH_STEMS.find(([stem]) => monthWord.startsWith(stem) && (stem !== 'ма' || /^ма[йяею]$/.test(monthWord)));
    if (month && /^[А-ЯЁ]{2}/.test(ru[1])) {
      return { place: `${ru[1]}${ru[2]}`, monthDay: monthDay(month[1], Number(ru[3])), year: ru[5], length: ru[0].length };
    }
  }
  return undefined;
}

function monthDay(month: number, day: number): string | undefined {
  if (day < 1 || day > 31) return undefined;
  return `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
