/**
 * When two figures of the two versions are the same: value (exactly, for integers too long for a double), unit and
 * currency; and which word each figure belongs to, so that two figures that swapped places between the versions
 * ("экспорт 5 млрд, импорт 3 млрд" vs "exports 3 billion, imports 5 billion") are seen.
 */
import type { Anchor, Document, Paragraph } from '../types.js';

/** The unit a figure states that the checker compares (`code`, identifiers and clock times, is no unit). */
export function unitOf(anchor: Anchor): string | undefined {
  return anchor.unit === 'code' ? undefined : anchor.unit;
}

// Units that change what a bare number means when one version states them and the other does not: a
// percentage and a plain count are different figures (45 % vs 45); a currency or a length stated on one side
// only is usually the translator leaving it implicit ("22-25 градусов" vs "22 to 25").
const STRICT_ALONE = new Set(['percent']);

/**
 * Do two units disagree? Two different stated units do (rub vs usd, km vs m); a unit stated on one side only does
 * for a percentage.
 */
export function unitsDiffer(a: Anchor, b: Anchor): boolean {
  const ua = unitOf(a);
  const ub = unitOf(b);
  if (ua === ub) return false;
  if (ua !== undefined && ub !== undefined) return true;
  return STRICT_ALONE.has((ua ?? ub)!);
}

/** Canonical digits of a number anchor's key (`num:…`), exact for any length. */
function exactNumber(anchor: Anchor): string | undefined {
  return anchor.key.startsWith('num:') ? anchor.key.slice('num:'.length) : undefined;
}

/**
 * Two figures agree when their keys are equal, or their values are (a year written as a bare number, a decade),
 * and their units do not differ. Values beyond 2^53 are compared on their exact digits, never as doubles.
 */
export function sameValue(a: Anchor, b: Anchor): boolean {
  if (a.key === b.key) return true;
  if (a.value === undefined || a.value !== b.value || a.kind === 'date' || b.kind === 'date') return false;
  if (!Number.isSafeInteger(a.value) && Math.abs(a.value) >= 2 ** 53) {
    const x = exactNumber(a) ?? String(a.value);
    const y = exactNumber(b) ?? String(b.value);
    if (x !== y) return false;
  }
  return a.kind === 'year' || b.kind === 'year' || a.kind === b.kind;
}

/** {@link sameValue} with units that agree. */
export function sameFigure(a: Anchor, b: Anchor): boolean {
  return sameValue(a, b) && !unitsDiffer(a, b);
}

/** Longest distance, in characters, between a figure and the word it belongs to. */
const CONTEXT_REACH = 40;
/** Longest distance, in characters, between a figure and the word it counts right after it. */
const COUNTED_REACH = 3;

/**
 * The lexicon concept each figure of some paragraphs belongs to: the term it counts, right after it ("10 голов",
 * "33 matches"), else the nearest term before it in its clause with no other figure between ("экспорт составил 5
 * млрд" → export), else the nearest right after it ("5 млрд экспорта").
 */
export function figureContexts(doc: Document, indices: readonly number[]): Map<Anchor, string> {
  const out = new Map<Anchor, string>();
  for (const index of indices) {
    const paragraph: Paragraph = doc.paragraphs[index]!;
    const anchors = paragraph.anchors;
    anchors.forEach((anchor, k) => {
      if (anchor.kind === 'term' || anchor.kind === 'entity') return;
      let concept: string | undefined;
      // The word the figure counts, right after it ("10 голов", "10 goals"), says most what it belongs to.
      const next = anchors[k + 1];
      if (next !== undefined && next.kind === 'term' && next.start - anchor.end <= COUNTED_REACH && !clauseBreak(doc.source, anchor.end, next.start)) {
        out.set(anchor, next.key);
        return;
      }
      for (let j = k - 1; j >= 0; j--) {
        const a = anchors[j]!;
        if (anchor.start - a.end > CONTEXT_REACH || (a.kind !== 'term' && a.kind !== 'entity')) break;
        if (a.kind === 'term' && !clauseBreak(doc.source, a.end, anchor.start)) {
          concept = a.key;
          break;
        }
      }
      if (concept === undefined) {
        for (let j = k + 1; j < anchors.length; j++) {
          const a = anchors[j]!;
          if (a.start - anchor.end > CONTEXT_REACH / 2 || (a.kind !== 'term' && a.kind !== 'entity')) break;
          if (a.kind === 'term' && !clauseBreak(doc.source, anchor.end, a.start)) {
            concept = a.key;
            break;
          }
        }
      }
      if (concept !== undefined) out.set(anchor, concept);
    });
  }
  return out;
}

function clauseBreak(source: string, from: number, to: number): boolean {
  return /[,;:.!?()]/.test(source.slice(from, to));
}

/**
 * Agreeing figure pairs that swapped their words: Russian r1 and English e1 agree, r2 and e2 agree, but r1 and e2
 * belong to one concept and r2 and e1 to another, r1 and r2 being numbers of one unit. Returns the pairs of the same concept, each with other values.
 */
export function swappedFigures(
  matches: ReadonlyArray<[Anchor, Anchor]>,
  ruContext: ReadonlyMap<Anchor, string>,
  enContext: ReadonlyMap<Anchor, string>,
): Array<[Anchor, Anchor]> {
  const out: Array<[Anchor, Anchor]> = [];
  const used = new Set<Anchor>();
  for (let i = 0; i < matches.length; i++) {
    const [r1, e1] = matches[i]!;
    const c1 = ruContext.get(r1);
    if (c1 === undefined || used.has(r1)) continue;
    for (let j = i + 1; j < matches.length; j++) {
      const [r2, e2] = matches[j]!;
      const c2 = ruContext.get(r2);
      if (c2 === undefined || c2 === c1 || used.has(r2) || r1.key === r2.key) continue;
      // Only two quantities of one kind can trade places (two sums, two percentages), not a date and a sum.
      if (r1.kind !== 'number' || r2.kind !== 'number' || unitOf(r1) !== unitOf(r2)) continue;
      if (enContext.get(e2) === c1 && enContext.get(e1) === c2) {
        out.push([r1, e2], [r2, e1]);
        used.add(r1).add(r2);
        break;
      }
    }
  }
  return out;
}

/**
 * Agreeing figure pairs whose places say they swapped: two numbers of one unit and other values such that the
 * English order of the link's quantities is the Russian order with just these two exchanged. A translation keeps the order of its figures but for two kinds of move, which are
 * not swaps: a figure that counts the same word in both versions (see {@link countedContexts}) has not moved
 * ("сыграл 103 матча и забил 37 мячей" = "scoring 37 goals in 103 matches"), and a compound modifier in both
 * versions ("426-битный ключ", "426-bit key") moves with its noun phrase — that exchange counts only when the
 * words the figures count confirm it. Years, dates and ordinals move with their clauses and values written twice
 * cannot be ordered; both are left out of the order. Returns the crossed pairs (r1, e2), (r2, e1).
 */
export function positionallySwapped(
  matches: ReadonlyArray<[Anchor, Anchor]>,
  ru: Document,
  en: Document,
  ruCounted: ReadonlyMap<Anchor, string> = new Map(),
  enCounted: ReadonlyMap<Anchor, string> = new Map(),
): Array<[Anchor, Anchor]> {
  // A value written twice cannot be told apart by order (its pairs by value are arbitrary): left out.
  const all = matches.filter(([r, e]) => r.kind === 'number' && e.kind === 'number');
  const seen = new Map<string, number>();
  for (const [r] of all) seen.set(r.key, (seen.get(r.key) ?? 0) + 1);
  const quantities = all.filter(([r]) => seen.get(r.key) === 1);
  if (quantities.length < 2) return [];
  const byRu = [...quantities].sort((a, b) => a[0].start - b[0].start);
  const byEn = [...quantities].sort((a, b) => a[1].start - b[1].start);
  const moved = byRu.flatMap((m, n) => (byEn[n] === m ? [] : [n]));
  if (moved.length !== 2) return [];
  const [pi, pj] = moved as [number, number];
  const [r1, e1] = byRu[pi]!;
  const [r2, e2] = byRu[pj]!;
  // Exactly an exchange of these two.
  if (byEn[pi] !== byRu[pj] || byEn[pj] !== byRu[pi]) return [];
  if (unitOf(r1) !== unitOf(r2) || r1.value === r2.value) return [];
  // Counted words tell the two apart only when they differ ("27 спасателей … 29 спасателей" says nothing).
  const distinct = ruCounted.get(r1) !== ruCounted.get(r2);
  const counted = (r: Anchor, e: Anchor): boolean => distinct && ruCounted.get(r) !== undefined && ruCounted.get(r) === enCounted.get(e);
  if (counted(r1, e1) || counted(r2, e2)) return [];
  const compound = [[r1, e1], [r2, e2]].some(([r, e]) => inCompound(ru, r!) && inCompound(en, e!));
  if (compound && !(counted(r1, e2) || counted(r2, e1))) return [];
  return [[r1, e2], [r2, e1]];
}

/** Is the figure part of a compound modifier ("426-битный", "426-bit", "30-летний"), which moves with its noun? */
function inCompound(doc: Document, anchor: Anchor): boolean {
  return /^[-\u2010\u2011]\p{L}/u.test(doc.source.slice(anchor.end, anchor.end + 2));
}

/**
 * The lexicon concept each figure counts: the term right after it ("10 голов", "33 matches"), or right after the
 * compound modifier it is part of ("48-летняя женщина", "48-year-old woman").
 */
export function countedContexts(doc: Document, indices: readonly number[]): Map<Anchor, string> {
  const out = new Map<Anchor, string>();
  for (const index of indices) {
    const anchors = doc.paragraphs[index]!.anchors;
    anchors.forEach((anchor, k) => {
      if (anchor.kind === 'term' || anchor.kind === 'entity') return;
      const compound = /^[-\u2010\u2011][\p{L}-]+/u.exec(doc.source.slice(anchor.end, anchor.end + 30));
      const from = anchor.end + (compound ? compound[0].length : 0);
      for (let j = k + 1; j < anchors.length; j++) {
        const a = anchors[j]!;
        if (a.start < from) continue;
        if (a.kind === 'term' && a.start - from <= COUNTED_REACH && !clauseBreak(doc.source, from, a.start)) out.set(anchor, a.key);
        break;
      }
    });
  }
  return out;
}
