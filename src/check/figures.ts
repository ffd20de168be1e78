/**
 * When two figures of the two versions are the same: value (exactly, for integers too long for a double), unit and
 * currency; and which word each figure belongs to, so that two figures that swapped places between the versions
 * ("экспорт 5 млрд, импорт 3 млрд" vs "exports 3 billion, imports 5 billion") are seen.
 */
import { NUMBER_NOUNS } from '../anchors/number-words.js';
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

/**
 * The figures of one side of a link, for the first-match scans of the check: each scan takes, of the figures not
 * yet taken, the first in text order that passes its test — what `findIndex` over the list would take — but looks
 * only at figures sharing the anchor's key or value, the only ones {@link sameValue} and {@link ordinalForNumber}
 * can accept. A link of thousands of figures (a long table, a text without paragraph breaks) is then checked in
 * time near its size, not its square.
 */
export class FigureIndex {
  private readonly taken: boolean[];
  private readonly byKey = new Map<string, Positions>();
  private readonly byValue = new Map<number, Positions>();

  constructor(private readonly figures: readonly Anchor[]) {
    this.taken = figures.map(() => false);
    figures.forEach((figure, at) => {
      positionsOf(this.byKey, figure.key).list.push(at);
      if (figure.value !== undefined) positionsOf(this.byValue, figure.value).list.push(at);
    });
  }

  /** Take the first figure not taken, in text order, that shares `anchor`'s key or value and passes `test`. */
  take(anchor: Anchor, test: (candidate: Anchor) => boolean): Anchor | undefined {
    const at = this.firstAt(anchor, test);
    if (at === Infinity) return undefined;
    this.taken[at] = true;
    return this.figures[at];
  }

  /** The figures not taken, in text order. */
  left(): Anchor[] {
    return this.figures.filter((_, at) => !this.taken[at]);
  }

  private firstAt(anchor: Anchor, test: (candidate: Anchor) => boolean): number {
    const byKey = this.firstIn(this.byKey.get(anchor.key), test);
    return anchor.value === undefined ? byKey : Math.min(byKey, this.firstIn(this.byValue.get(anchor.value), test));
  }

  private firstIn(positions: Positions | undefined, test: (candidate: Anchor) => boolean): number {
    if (positions === undefined) return Infinity;
    const { list } = positions;
    // Taken figures at the head of a list are passed once, not by every later scan (a value repeated a thousand times).
    while (positions.from < list.length && this.taken[list[positions.from]!]) positions.from++;
    for (let k = positions.from; k < list.length; k++) {
      const at = list[k]!;
      if (!this.taken[at] && test(this.figures[at]!)) return at;
    }
    return Infinity;
  }
}

/** Positions of the figures sharing a key or value, ascending, and the first that may not be taken yet. */
interface Positions {
  list: number[];
  from: number;
}

function positionsOf<K>(map: Map<K, Positions>, key: K): Positions {
  let positions = map.get(key);
  if (positions === undefined) map.set(key, (positions = { list: [], from: 0 }));
  return positions;
}

/**
 * Is one an ordinal and the other a plain number (or an identifier's number) of the same value, neither with a unit?
 * "issue 58" = «58-м выпуске», "the 115th issue" = «115 номере», "Test Cycle 2" = «второй тестовый цикл».
 */
export function ordinalForNumber(a: Anchor, b: Anchor): boolean {
  const other = a.kind === 'ordinal' ? b.kind : b.kind === 'ordinal' ? a.kind : undefined;
  return other === 'number' && a.value !== undefined && a.value === b.value && unitOf(a) === undefined && unitOf(b) === undefined;
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
  // Only two quantities of one kind can trade places (two sums, two percentages), not a date and a sum; a unit
  // stated for one figure only, as one version often leaves it to a compound ("150 тыс. евро штрафа" = "a
  // 150,000-euro fine"), does not tell them apart when the words they belong to cross.
  return crossedPairs(
    matches,
    (r) => ruContext.get(r),
    (e) => enContext.get(e),
    (r1, r2) => r1.key !== r2.key && r1.kind === 'number' && r2.kind === 'number' && !unitsDiffer(r1, r2),
  );
}

/**
 * Agreeing figure pairs whose places say they swapped: two numbers of one unit and other values such that the
 * English order of the link's quantities is the Russian order with just these two exchanged. A translation keeps the order of its figures but for two kinds of move, which are
 * not swaps: a figure that counts the same word in both versions (see {@link countedContexts}) has not moved
 * ("сыграл 103 матча и забил 37 мячей" = "scoring 37 goals in 103 matches") and, when no other figure counts that
 * word, is left out of the order (so that a swap of the others on top of such a reordering is still seen), and a compound modifier in both
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
  // A figure that counts a word no other figure counts, the same in both versions, is placed by that word
  // ("сыграл 103 матча" = "in 103 matches"): it has not moved, whatever its place, and is left out of the order.
  const countedBy = new Map<string, number>();
  for (const [r] of all) {
    const word = ruCounted.get(r);
    if (word !== undefined) countedBy.set(word, (countedBy.get(word) ?? 0) + 1);
  }
  const anchored = ([r, e]: [Anchor, Anchor]): boolean => {
    const word = ruCounted.get(r);
    return word !== undefined && countedBy.get(word) === 1 && enCounted.get(e) === word;
  };
  // English writes a score winner first, Russian often the team's own first ("a 3-0 defeat" = "поражение 0:3"):
  // a figure of a score in both versions, the English one written larger first, is left out of the order.
  const quantities = all.filter((m) => seen.get(m[0].key) === 1 && !anchored(m) && !(scoreOf(ru, m[0]) && scoreOf(en, m[1])?.winnerFirst));
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

/**
 * Agreeing figure pairs whose roles crossed, whatever their places: a figure's role is the word it counts (see
 * {@link countedContexts}) and whether it is a compound modifier ("426-битный", "426-bit"). Two numbers of one unit
 * and other values, each with a role of its own in both versions, where each has in one version the role the other
 * has in the other ("426-битный ключ … 40 квадриллионов лет" vs "426 years … a 40 quadrillion-bit key"), swapped;
 * the translation moved the words with them, so the order says nothing. Returns the crossed pairs (r1, e2), (r2, e1).
 */
export function roleSwaps(
  matches: ReadonlyArray<[Anchor, Anchor]>,
  ru: Document,
  en: Document,
  ruCounted: ReadonlyMap<Anchor, string>,
  enCounted: ReadonlyMap<Anchor, string>,
): Array<[Anchor, Anchor]> {
  const role = (doc: Document, counted: ReadonlyMap<Anchor, string>, a: Anchor): string | undefined => {
    const word = counted.get(a);
    const compound = inCompound(doc, a);
    return word === undefined && !compound ? undefined : `${word ?? ''}|${compound}`;
  };
  const all = matches.filter(([r, e]) => r.kind === 'number' && e.kind === 'number');
  return crossedPairs(
    all,
    (r) => role(ru, ruCounted, r),
    (e) => role(en, enCounted, e),
    (r1, r2) => r1.value !== r2.value && unitOf(r1) === unitOf(r2),
  );
}

/**
 * The matched pairs (r1, e1), (r2, e2) whose roles crossed: r1 and r2 have roles of their own in the Russian, and
 * in the English e2 has r1's role and e1 has r2's. Each figure takes part in one exchange at most; `compatible`
 * says which two Russian figures may trade places at all. Returns the crossed pairs (r1, e2), (r2, e1).
 */
function crossedPairs(
  matches: ReadonlyArray<[Anchor, Anchor]>,
  ruRole: (anchor: Anchor) => string | undefined,
  enRole: (anchor: Anchor) => string | undefined,
  compatible: (r1: Anchor, r2: Anchor) => boolean,
): Array<[Anchor, Anchor]> {
  const out: Array<[Anchor, Anchor]> = [];
  const used = new Set<Anchor>();
  for (let i = 0; i < matches.length; i++) {
    const [r1, e1] = matches[i]!;
    const a = ruRole(r1);
    if (a === undefined || used.has(r1)) continue;
    for (let j = i + 1; j < matches.length; j++) {
      const [r2, e2] = matches[j]!;
      const b = ruRole(r2);
      if (b === undefined || b === a || used.has(r2) || !compatible(r1, r2)) continue;
      if (enRole(e2) === a && enRole(e1) === b) {
        out.push([r1, e2], [r2, e1]);
        used.add(r1).add(r2);
        break;
      }
    }
  }
  return out;
}

/**
 * The score or tally a figure is one side of: a whole number of three digits at most, without unit, glued by a
 * colon or dash to another such number ("3-0", "2:1", "141–5"); `winnerFirst` when the larger comes first (or a draw).
 */
function scoreOf(doc: Document, anchor: Anchor): { winnerFirst: boolean } | undefined {
  if (anchor.unit !== undefined || !/^\d{1,3}$/.test(anchor.surface)) return undefined;
  const own = Number(anchor.surface);
  const after = /^[:\-\u2013\u2014](\d{1,3})(?![\d.,])/.exec(doc.source.slice(anchor.end, anchor.end + 5));
  if (after) return { winnerFirst: own >= Number(after[1]) };
  const before = /(?<![\d.,])(\d{1,3})[:\-\u2013\u2014]$/.exec(doc.source.slice(Math.max(0, anchor.start - 4), anchor.start));
  return before ? { winnerFirst: Number(before[1]) >= own } : undefined;
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

// What the number nouns of anchors/number-words.ts count, by value: "сутки" (24) is a number of hours.
const NUMBER_NOUN_COUNTS = new Map<number, string>([[24, 'term:hour']]);

/** The lexicon concept a figure read from a number noun counts ("сутки" → hours), if it is one. */
function numberNounCounts(anchor: Anchor): string | undefined {
  if (anchor.kind !== 'number' || anchor.written !== 'words' || anchor.value === undefined) return undefined;
  const word = anchor.surface.toLowerCase();
  if (!NUMBER_NOUNS.ru.has(word) && !NUMBER_NOUNS.en.has(word)) return undefined;
  return NUMBER_NOUN_COUNTS.get(anchor.value);
}

/**
 * Agreeing figure pairs that a number noun says swapped. A noun that is a number by itself counts a unit ("за
 * сутки" = "in the past 24 hours"), so the figure of its value in the other version counts that unit's word; when
 * it does not and another figure there, matched to a digit figure that counts no such unit, does ("за сутки … 4411"
 * vs "in the past 4411 hours … 24"), the two swapped. Its place is no evidence: such a phrase of time moves freely
 * in translation ("За сутки зарегистрировано 181 ДТП" = "181 incidents were reported in the past 24 hours").
 * `counted` gives the concept each figure counts (see {@link countedContexts}) on both sides. Returns the crossed pairs.
 */
export function numberNounSwaps(matches: ReadonlyArray<[Anchor, Anchor]>, counted: ReadonlyMap<Anchor, string>): Array<[Anchor, Anchor]> {
  const out: Array<[Anchor, Anchor]> = [];
  const used = new Set<[Anchor, Anchor]>();
  for (const m of matches) {
    for (const s of [0, 1] as const) {
      const noun = m[s];
      const partner = m[1 - s]!;
      const unit = numberNounCounts(noun);
      if (unit === undefined || used.has(m) || counted.get(partner) === unit) continue;
      const crossed = matches.filter((o) => o !== m && !used.has(o) && o[s].kind === 'number' && o[s].written === 'digits' &&
        o[s].value !== noun.value && counted.get(o[1 - s]!) === unit && counted.get(o[s]) !== unit);
      if (crossed.length !== 1) continue;
      const o = crossed[0]!;
      out.push([m[0], o[1]], [o[0], m[1]]);
      used.add(m).add(o);
    }
  }
  return out;
}
