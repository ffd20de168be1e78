/**
 * Public types of the exports: the filters every format shares, each writer's options, and the plain rows the
 * line-oriented formats are written from.
 */
import type { SentenceAlignment } from '../sentences/types.js';
import type { Discrepancy } from '../types.js';

/** The formats of {@link exportAlignment}. */
export type ExportFormat = 'json' | 'jsonl' | 'tmx' | 'tsv' | 'html' | 'text' | 'xliff';

/** Which links to keep, for corpus builders. Shared by every format; every filter is off by default. */
export interface ExportFilter {
  /** Keep links whose score is at least this. @default 0 (keep all) */
  minScore?: number;
  /** Leave out links with an empty side (a paragraph or sentence with no counterpart). @default false */
  dropUnmatched?: boolean;
  /** Keep only links with exactly one unit on each side (1-1). @default false */
  oneToOneOnly?: boolean;
}

/**
 * Options of the line-oriented writers (TMX, TSV, Moses, JSONL): the filters, and what a row is.
 */
export interface RowOptions extends ExportFilter {
  /**
   * A sentence alignment of the same documents ({@link alignSentences}): when given, rows are sentence links
   * rather than paragraph links. @default undefined (paragraph links)
   */
  sentences?: SentenceAlignment;
}

/**
 * One link as the line-oriented formats write it: the texts of its two sides and where they come from.
 * Indices are paragraph indices for paragraph rows and sentence indices for sentence rows.
 */
export interface ExportRow {
  /** Position of the link in `Alignment.links` (paragraph rows) or `SentenceAlignment.links` (sentence rows). */
  link: number;
  /** What the indices count. */
  level: 'paragraph' | 'sentence';
  /** Russian indices (paragraphs or sentences); empty when the English has no counterpart. */
  ru: number[];
  /** English indices (paragraphs or sentences); empty when the Russian has no counterpart. */
  en: number[];
  /** Russian paragraph indices the row's text comes from. */
  ruParagraphs: number[];
  /** English paragraph indices the row's text comes from. */
  enParagraphs: number[];
  /** The Russian side: the units' clean texts joined by one space; '' for none. */
  ruText: string;
  /** The English side, likewise. */
  enText: string;
  /** Source spans (offsets into `Document.source`) of the Russian units, in order. */
  ruSpans: Array<{ start: number; end: number }>;
  /** Source spans of the English units, in order. */
  enSpans: Array<{ start: number; end: number }>;
  /** The link's score. */
  score: number;
}

/** Options of {@link toTmx}. */
export interface TmxOptions extends RowOptions {
  /** Source language of the memory (`srclang`): `ru`, `en` or `*all*`. @default 'ru' */
  srclang?: 'ru' | 'en' | '*all*';
  /** Language tags written in `xml:lang` (a CAT tool may want `ru-RU`, `en-US`). @default {ru: 'ru', en: 'en'} */
  locales?: { ru?: string; en?: string };
  /** `creationdate` of the header (written as `YYYYMMDDThhmmssZ`, UTC). @default the current time */
  date?: Date;
  /**
   * `segtype` of the header, for {@link tmxOpen} when the units are written later (a collection).
   * @default 'sentence' when `sentences` is given, else 'paragraph'
   */
  segtype?: 'paragraph' | 'sentence';
  /** Also write links with an empty side, as a `<tu>` with a single `<tuv>`. @default false */
  includeUnmatched?: boolean;
  /**
   * Prefix of each `tuid` (the link's 1-based position). Give each document pair its own prefix when writing a
   * collection into one memory, so that `tuid`s stay unique. @default ''
   */
  tuidPrefix?: string;
  /** `creationid` of the header: who made the memory. @default none (the attribute is left out) */
  creationId?: string;
  /** `adminlang` of the header: the language of the `<prop>`s and notes. @default 'en' */
  adminLang?: string;
}

/** Options of {@link toXliff}. */
export interface XliffOptions extends RowOptions {
  /** The source side (`srcLang`); the other is the target (`trgLang`). @default 'ru' */
  srclang?: 'ru' | 'en';
  /** Language tags written in `srcLang`/`trgLang` (a CAT tool may want `ru-RU`, `en-US`). @default {ru: 'ru', en: 'en'} */
  locales?: { ru?: string; en?: string };
  /** `id` of the `<file>`: give each document pair its own in a collection. @default 'f1' */
  fileId?: string;
  /** Also write links with an empty side, as segments in state `initial` without a target. @default false */
  includeUnmatched?: boolean;
}

/** Options of {@link toTsv}. */
export interface TsvOptions extends RowOptions {
  /** Start with a header line `ru	en	score	ru_indices	en_indices`. @default false */
  header?: boolean;
  /** Add the columns `ru_document	en_document` (the documents' ids): for rows of many pairs in one file. @default false */
  documents?: boolean;
}

/** Options of {@link toJsonl}. */
export type JsonlOptions = RowOptions;

/** Options of {@link toJson}. */
export interface JsonOptions extends ExportFilter {
  /** Add the sentences and sentence links of this sentence alignment (`sentences`, `sentenceLinks`). @default undefined */
  sentences?: SentenceAlignment;
  /** Indentation passed to `JSON.stringify`. @default 2 */
  indent?: number;
}

/** Options of {@link formatSideBySide}. */
export interface TextReportOptions extends ExportFilter {
  /** Total width of the report, in terminal columns (each column is half of it). @default 80 */
  width?: number;
  /** Colour severities and unmatched paragraphs with ANSI escape codes. @default false */
  color?: boolean;
}

/** Options of {@link toHtml}. */
export interface HtmlReportOptions extends ExportFilter {
  /** Title of the page. @default 'Alignment report: <ru id> ↔ <en id>' */
  title?: string;
}

/** Options of {@link exportAlignment}: the filters, the options of every format (each ignores the others'), and the discrepancies. */
export interface ExportOptions
  extends TmxOptions, TsvOptions, Omit<JsonOptions, 'sentences'>, TextReportOptions, HtmlReportOptions, Omit<XliffOptions, 'srclang'> {
  /**
   * Discrepancies written by the formats that carry them (json, jsonl, html, text, xliff). @default
   * `findDiscrepancies(alignment)`
   */
  discrepancies?: Discrepancy[];
  /**
   * Unit of the rows of tmx, tsv, jsonl and xliff (and the extra sentence section of json): `sentence` aligns the
   * sentences first ({@link alignSentences}) unless `sentences` is given. html and text always show paragraphs.
   * @default 'paragraph'
   */
  level?: 'paragraph' | 'sentence';
}
