/**
 * The filters every format shares ({@link ExportFilter}): by score, by one-sidedness, by shape.
 */
import type { ExportFilter } from './types.js';

/** Whether a link passes the filter. */
export function keepLink(link: { ru: readonly number[]; en: readonly number[]; score: number }, filter: ExportFilter = {}): boolean {
  if (filter.minScore !== undefined && !(link.score >= filter.minScore)) return false;
  const oneSided = link.ru.length === 0 || link.en.length === 0;
  if (filter.dropUnmatched && oneSided) return false;
  if (filter.oneToOneOnly && !(link.ru.length === 1 && link.en.length === 1)) return false;
  return true;
}

/** The links that pass the filter, in order, each with its position in the input. */
export function filterLinks<T extends { ru: readonly number[]; en: readonly number[]; score: number }>(
  links: readonly T[],
  filter: ExportFilter = {},
): Array<{ link: T; position: number }> {
  const out: Array<{ link: T; position: number }> = [];
  links.forEach((link, position) => {
    if (keepLink(link, filter)) out.push({ link, position });
  });
  return out;
}
