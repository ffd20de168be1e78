/**
 * The options of {@link exportAlignment} checked at the entry, so no writer meets a value it cannot use (a
 * `width` of 1e9 laid out a billion-column report; a `discrepancies` list of numbers was a TypeError deep in a
 * writer). JavaScript callers and JSON configurations can pass anything.
 */
import { DISCREPANCY_KINDS } from '../check/discrepancies.js';
import { InputError } from '../errors.js';
import type { Alignment } from '../types.js';
import type { ExportOptions } from './types.js';

/** Widest side-by-side text report. */
export const MAX_REPORT_WIDTH = 1000;
/** Largest JSON indent (JSON.stringify caps it at 10). */
const MAX_INDENT = 10;
const KINDS = new Set<string>(DISCREPANCY_KINDS);

/** @throws {InputError} `invalid-option` naming the first option that is wrong */
export function checkExportOptions(alignment: Alignment, options: ExportOptions): void {
  const fail = (message: string): never => {
    throw new InputError('invalid-option', message);
  };
  if (options === null || typeof options !== 'object') fail('the export options must be an object');
  const number = (name: keyof ExportOptions, low: number, high: number, integer: boolean): void => {
    const value = options[name] as unknown;
    if (value === undefined) return;
    if (typeof value !== 'number' || !(value >= low && value <= high) || (integer && !Number.isInteger(value))) {
      fail(`\`${name}\` must be ${integer ? 'a whole number' : 'a number'} from ${low} to ${high}, not ${typeof value === 'number' ? value : typeof value}`);
    }
  };
  number('width', 1, MAX_REPORT_WIDTH, false);
  number('minScore', 0, 1, false);
  number('indent', 0, MAX_INDENT, true);
  for (const name of ['dropUnmatched', 'oneToOneOnly', 'includeUnmatched', 'header', 'color'] as const) {
    if (options[name] !== undefined && typeof options[name] !== 'boolean') fail(`\`${name}\` must be true or false`);
  }
  for (const name of ['tuidPrefix', 'title'] as const) {
    if (options[name] !== undefined && typeof options[name] !== 'string') fail(`\`${name}\` must be a string`);
  }
  const oneOf = (name: keyof ExportOptions, values: readonly string[]): void => {
    const value = options[name] as unknown;
    if (value !== undefined && !values.includes(value as string)) fail(`\`${name}\` must be one of ${values.join(', ')}`);
  };
  oneOf('level', ['paragraph', 'sentence']);
  oneOf('segtype', ['paragraph', 'sentence']);
  oneOf('srclang', ['ru', 'en', '*all*']);
  if (options.locales !== undefined) {
    const locales = options.locales as unknown as Record<string, unknown> | null;
    if (locales === null || typeof locales !== 'object' || ['ru', 'en'].some((k) => locales[k] !== undefined && typeof locales[k] !== 'string')) {
      fail('`locales` must be {ru?: string, en?: string}');
    }
  }
  if (options.date !== undefined && !(options.date instanceof Date && Number.isFinite(options.date.getTime()))) fail('`date` must be a valid Date');
  const paragraphs = { ru: alignment.ru.paragraphs.length, en: alignment.en.paragraphs.length };
  const indices = (value: unknown, count: number): boolean =>
    Array.isArray(value) && value.every((i) => Number.isInteger(i) && i >= 0 && i < count);
  if (options.discrepancies !== undefined) {
    const list = options.discrepancies as unknown;
    const ok =
      Array.isArray(list) &&
      list.every(
        (d) =>
          d !== null &&
          typeof d === 'object' &&
          KINDS.has(d.kind) &&
          typeof d.message === 'string' &&
          typeof d.severity === 'string' &&
          indices(d.ru, paragraphs.ru) &&
          indices(d.en, paragraphs.en),
      );
    if (!ok) fail('`discrepancies` must be the list findDiscrepancies returns for this alignment');
  }
  if (options.sentences !== undefined) {
    const sentences = options.sentences as unknown as { links?: unknown; sentences?: { ru?: unknown; en?: unknown } } | null;
    const sentence = (count: number) => (s: unknown): boolean => {
      const x = s as { paragraph?: unknown; start?: unknown; end?: unknown; text?: unknown; cleanStart?: unknown; cleanEnd?: unknown } | null;
      return (
        x !== null &&
        typeof x === 'object' &&
        Number.isInteger(x.paragraph) && (x.paragraph as number) >= 0 && (x.paragraph as number) < count &&
        [x.start, x.end, x.cleanStart, x.cleanEnd].every((n) => Number.isInteger(n) && (n as number) >= 0) &&
        typeof x.text === 'string'
      );
    };
    const ru = sentences?.sentences?.ru;
    const en = sentences?.sentences?.en;
    const ok =
      sentences !== null &&
      typeof sentences === 'object' &&
      Array.isArray(ru) &&
      Array.isArray(en) &&
      ru.every(sentence(paragraphs.ru)) &&
      en.every(sentence(paragraphs.en)) &&
      Array.isArray(sentences.links) &&
      sentences.links.every(
        (link: unknown) =>
          link !== null &&
          typeof link === 'object' &&
          indices((link as { ru?: unknown }).ru, ru.length) &&
          indices((link as { en?: unknown }).en, en.length) &&
          Number.isInteger((link as { paragraphLink?: unknown }).paragraphLink) &&
          typeof (link as { score?: unknown }).score === 'number',
      );
    if (!ok) fail('`sentences` must be the SentenceAlignment alignSentences returns for this alignment');
  }
}
