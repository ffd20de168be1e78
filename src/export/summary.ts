/**
 * Counts the reports open with: links by shape, discrepancies by kind and severity.
 */
import { DISCREPANCY_KINDS } from '../check/discrepancies.js';
import type { Discrepancy, Link } from '../types.js';

/** What a report says in its first lines. */
export interface AlignmentSummary {
  /** Link shape (`"1-1"`, `"2-1"`, `"1-0"`, …) → count, shapes in order of first appearance. */
  shapes: Array<[string, number]>;
  /** Discrepancy kind → count, in a fixed order (kinds with none left out). */
  kinds: Array<[Discrepancy['kind'], number]>;
  /** Severity → count. */
  severities: { error: number; warning: number; info: number };
}


/** Count links by shape and discrepancies by kind and severity. */
export function summarize(links: readonly Pick<Link, 'ru' | 'en'>[], discrepancies: readonly Discrepancy[]): AlignmentSummary {
  const shapes = new Map<string, number>();
  for (const link of links) {
    const shape = shapeOf(link);
    shapes.set(shape, (shapes.get(shape) ?? 0) + 1);
  }
  const kinds = new Map<Discrepancy['kind'], number>();
  const severities = { error: 0, warning: 0, info: 0 };
  for (const d of discrepancies) {
    kinds.set(d.kind, (kinds.get(d.kind) ?? 0) + 1);
    severities[d.severity]++;
  }
  return {
    shapes: [...shapes.entries()].sort((a, b) => shapeRank(a[0]) - shapeRank(b[0])),
    kinds: DISCREPANCY_KINDS.filter((kind) => kinds.has(kind)).map((kind) => [kind, kinds.get(kind)!]),
    severities,
  };
}

/** `"<ru count>-<en count>"`. */
export function shapeOf(link: Pick<Link, 'ru' | 'en'>): string {
  return `${link.ru.length}-${link.en.length}`;
}

/** Order shapes: two-sided by size (1-1 first), then one-sided. */
function shapeRank(shape: string): number {
  const [ru, en] = shape.split('-').map(Number);
  return (ru === 0 || en === 0 ? 1000 : 0) + (ru + en) * 10 + ru;
}

/** "3 × 1-1, 1 × 2-1". */
export function formatCounts(entries: ReadonlyArray<readonly [string, number]>): string {
  return entries.map(([name, count]) => `${count} × ${name}`).join(', ');
}
