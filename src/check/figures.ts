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

/** The sentence of a link's text (its paragraphs in order) an offset falls in, counted from 0, and how many there are. */
function sentenceAt(doc: Document, indices: readonly number[], offset: number): { at: number; of: number } {
  let at = -1;
  let of = 0;
  for (const index of indices) {
    const p = doc.paragraphs[index]!;
    const text = doc.source.slice(p.start, p.end);
    const ends = [...text.matchAll(/[.!?…]+["»”')\]]*\s+(?=["«“(]?\p{Lu})/gu)].map((m) => p.start + m.index! + m[0].length);
    if (offset >= p.start && offset < p.end) at = of + ends.filter((e) => e <= offset).length;
    of += ends.length + 1;
  }
  return { at, of };
}

/**
 * Agreeing figure pairs whose places say they swapped: two numbers of one unit and other values whose English
 * matches stand each in the other's sentence (the same sentence position in the link) while every other figure
 * of the link keeps its sentence; inside one sentence, when the English order of its figures is the Russian order
 * with just these two exchanged (no figure of their unit between them), a compound modifier in both versions
 * ("426-bit key", which moves with its noun) only when the words the figures count confirm it. A translation keeps
 * figures in their sentence and, but for such modifiers, mostly in their order; a figure that counts the same word
 * in both versions (see {@link countedContexts}) has not moved ("сыграл 103
 * матча и забил 37 мячей" = "scoring 37 goals in 103 matches").
 * Returns the crossed pairs (r1, e2), (r2, e1).
 */
export function positionallySwapped(
  matches: ReadonlyArray<[Anchor, Anchor]>,
  ru: Document,
  ruIndices: readonly number[],
  en: Document,
  enIndices: readonly number[],
  ruCounted: ReadonlyMap<Anchor, string> = new Map(),
  enCounted: ReadonlyMap<Anchor, string> = new Map(),
): Array<[Anchor, Anchor]> {
  const out: Array<[Anchor, Anchor]> = [];
  if (matches.length < 2) return out;
  // A figure that counts the same thing in both versions ("103 матча" = "103 matches") has not moved; one that
  // counts in the Russian what the other's English counts has.
  const kept = ([r, e]: readonly [Anchor, Anchor]): boolean => ruCounted.get(r) !== undefined && ruCounted.get(r) === enCounted.get(e);
  const crossed = (r: Anchor, e: Anchor): boolean => ruCounted.get(r) !== undefined && ruCounted.get(r) === enCounted.get(e);
  const rs = matches.map(([r]) => sentenceAt(ru, ruIndices, r.start));
  const es = matches.map(([, e]) => sentenceAt(en, enIndices, e.start));
  // The sentences of the two versions must correspond one to one for sentence positions to mean anything.
  if (rs[0]!.of !== es[0]!.of) return out;
  for (let i = 0; i < matches.length; i++) {
    const [r1, e1] = matches[i]!;
    if (r1.kind !== 'number') continue;
    for (let j = i + 1; j < matches.length; j++) {
      const [r2, e2] = matches[j]!;
      if (r2.kind !== 'number' || unitOf(r1) !== unitOf(r2) || r1.value === r2.value) continue;
      if (es[i]!.at !== rs[j]!.at || es[j]!.at !== rs[i]!.at || kept(matches[i]!) || kept(matches[j]!)) continue;
      // Every other figure stays in its sentence: the exchange is the only change.
      const others = matches.every((_, m) => m === i || m === j || rs[m]!.at === es[m]!.at);
      if (!others) continue;
      if (rs[i]!.at === rs[j]!.at && !exchangedInSentence(matches, rs, i, j, ru, en, crossed(r1, e2) || crossed(r2, e1))) continue;
      out.push([r1, e2], [r2, e1]);
      return out;
    }
  }
  return out;
}

/** Is the figure part of a compound modifier ("426-битный", "426-bit", "30-летний"), which moves with its noun? */
function inCompound(doc: Document, anchor: Anchor): boolean {
  return /^[-\u2010\u2011]\p{L}/u.test(doc.source.slice(anchor.end, anchor.end + 2));
}

/**
 * Two figures of one sentence (in both versions) that traded places: the English order of the sentence's figures
 * is the Russian order with exactly these two exchanged and no figure of their unit stands between them; when one
 * is a compound modifier in both versions ("426-битный ключ", "426-bit key"), which moves with its noun phrase,
 * only if the words they count confirm it (`confirmed`). Only quantities count (years, dates and
 * ordinals move with their clauses).
 */
function exchangedInSentence(
  matches: ReadonlyArray<[Anchor, Anchor]>,
  rs: ReadonlyArray<{ at: number }>,
  i: number,
  j: number,
  ru: Document,
  en: Document,
  confirmed: boolean,
): boolean {
  const sentence = rs[i]!.at;
  // The quantities of the sentence (years, dates and ordinals move with their clauses).
  const inIt = matches.map((_, m) => m).filter((m) => rs[m]!.at === sentence && matches[m]![0].kind === 'number');
  const byRu = [...inIt].sort((a, b) => matches[a]![0].start - matches[b]![0].start);
  const byEn = [...inIt].sort((a, b) => matches[a]![1].start - matches[b]![1].start);
  const pi = byRu.indexOf(i);
  const pj = byRu.indexOf(j);
  const unit = unitOf(matches[i]![0]);
  const between = byRu.slice(Math.min(pi, pj) + 1, Math.max(pi, pj));
  if (between.some((m) => unitOf(matches[m]![0]) === unit)) return false;
  const expected = [...byRu];
  [expected[pi], expected[pj]] = [expected[pj]!, expected[pi]!];
  if (expected.some((m, n) => byEn[n] !== m)) return false;
  // A compound modifier in both versions moves with its noun phrase: only the counted words can tell.
  const moved = [i, j].some((m) => inCompound(ru, matches[m]![0]) && inCompound(en, matches[m]![1]));
  return !moved || confirmed;
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
