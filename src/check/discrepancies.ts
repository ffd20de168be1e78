/**
 * Discrepancies between the two versions, read off an alignment: paragraphs with no counterpart (coverage
 * gaps), figures that differ, figures and names present in one version only. Agreements — the same value in
 * another form ("4,3 млрд" = "4.3 billion", "10 тысяч" = "10,000", "двух" = "two") — are never reported.
 */
import { isCheckedFigure } from '../align/evidence.js';
import { mixedScriptWords } from '../anchors/homoglyphs.js';
import { absenceConfidence, inPatronymicAddress, isNameInitial, nameConfidence, nameContext, nextCapitalised, wordNamedIn, type NameContext } from './entities.js';
import { countedContexts, figureContexts, FigureIndex, numberNounSwaps, ordinalForNumber, positionallySwapped, roleSwaps, sameFigure, sameValue, swappedFigures, unitOf, unitsDiffer } from './figures.js';
import { OtherSide } from './scope.js';
import { LANGUAGE_NAME, otherLang } from '../text/language.js';
import { toCleanOffset, toSourceOffset } from '../text/normalize.js';
import { readerParagraphs } from '../text/paragraphs.js';
import type {
  Alignment,
  Anchor,
  Discrepancy,
  DiscrepancyKind,
  Document,
  EntityMissing,
  GlossaryEntry,
  Lang,
  Link,
  MixedScript,
  NumberMismatch,
  NumberMissing,
  UnmatchedParagraph,
} from '../types.js';
import { InputError } from '../errors.js';

/** Options for {@link findDiscrepancies}. */
export interface CheckOptions {
  /** The glossary the documents were parsed with, so that name checks know the same names. @default [] */
  glossary?: GlossaryEntry[];
  /**
   * Report a name missing from the other version only when its document names it in at most this many
   * paragraphs. @default Infinity (every name is checked; a name repeated across the document is no less a name)
   */
  maxEntityMentions?: number;
  /**
   * Report a name missing from the other version only when the check is at least this sure: that the word is a
   * name (not a capitalised heading, title-case or sentence-initial common word, not an acronym) and that the
   * other version does not name it under any spelling or transcription (see `EntityMissing.confidence`).
   * @default 0.75
   */
  minEntityConfidence?: number;
  /** Kinds to report. @default every kind */
  kinds?: Array<Discrepancy['kind']>;
}

const FIGURE_KINDS = new Set(['number', 'year', 'ordinal', 'date']);
/** Every discrepancy kind, in the order reports list them. */
export const DISCREPANCY_KINDS: readonly DiscrepancyKind[] = ['unmatched-paragraph', 'number-mismatch', 'number-missing', 'entity-missing', 'mixed-script'];

/** Refuse option values that would fail deep inside. @throws {InputError} `invalid-option` */
function checkCheckOptions(options: CheckOptions): void {
  const fail = (message: string): never => {
    throw new InputError('invalid-option', message);
  };
  if (options === null || typeof options !== 'object') fail('the options must be an object');
  const strings = (value: unknown): boolean => Array.isArray(value) && value.every((item) => typeof item === 'string');
  if (options.glossary !== undefined && !(Array.isArray(options.glossary) && options.glossary.every((e) => typeof e?.id === 'string' && strings(e.forms)))) {
    fail('`glossary` must be a list of {id: string, forms: string[]}');
  }
  const mentions = options.maxEntityMentions as unknown;
  if (mentions !== undefined && !(typeof mentions === 'number' && mentions >= 0 && (Number.isInteger(mentions) || mentions === Infinity))) {
    fail('`maxEntityMentions` must be a whole number ≥ 0 (Infinity for no limit)');
  }
  const confidence = options.minEntityConfidence as unknown;
  if (confidence !== undefined && !(typeof confidence === 'number' && confidence >= 0 && confidence <= 1)) {
    fail('`minEntityConfidence` must be a number from 0 to 1');
  }
  if (options.kinds !== undefined && !(Array.isArray(options.kinds) && options.kinds.every((kind) => DISCREPANCY_KINDS.includes(kind)))) {
    fail(`\`kinds\` must be a list of ${DISCREPANCY_KINDS.join(', ')}`);
  }
}

/** Everything that differs between the two versions of an alignment, in document order. */
export function findDiscrepancies(alignment: Alignment, options: CheckOptions = {}): Discrepancy[] {
  checkCheckOptions(options);
  const { links } = alignment;
  const wanted = new Set(options.kinds ?? DISCREPANCY_KINDS);
  const mentions = {
    ru: paragraphMentions(alignment.ru),
    en: paragraphMentions(alignment.en),
  };
  const names = wanted.has('entity-missing') ? { ru: nameContext(alignment.ru), en: nameContext(alignment.en) } : undefined;
  const out: Discrepancy[] = [];
  links.forEach((link, k) => {
    if (wanted.has('mixed-script')) out.push(...mixedScript(alignment, link));
    if (link.ru.length === 0 || link.en.length === 0) {
      if (wanted.has('unmatched-paragraph')) out.push(...unmatched(alignment, link));
      return;
    }
    const figures = figureDiscrepancies(alignment, links, k);
    out.push(...figures.filter((d) => wanted.has(d.kind)));
    if (wanted.has('entity-missing')) {
      out.push(...entityDiscrepancies(alignment, links, k, mentions, names!, options));
    }
  });
  return out;
}

function unmatched(alignment: Alignment, link: Link): UnmatchedParagraph[] {
  const side: Lang = link.ru.length > 0 ? 'ru' : 'en';
  const doc = alignment[side];
  return link[side].map((index) => {
    const paragraph = doc.paragraphs[index];
    const anchors = paragraph.anchors.filter((anchor) => anchor.kind !== 'term');
    const figures = anchors.filter(isCheckedFigure).length;
    const names = anchors.filter((anchor) => anchor.kind === 'entity').length;
    const what = [figures && plural(figures, 'figure'), names && plural(names, 'name')].filter(Boolean).join(', ');
    return {
      kind: 'unmatched-paragraph',
      side,
      ru: side === 'ru' ? [index] : [],
      en: side === 'en' ? [index] : [],
      span: { start: paragraph.start, end: paragraph.end },
      anchors,
      severity: 'warning',
      message: `${LANGUAGE_NAME[side]} ¶${index + 1} has no ${LANGUAGE_NAME[otherLang(side)]} counterpart: «${excerpt(paragraph.clean)}»${what ? ` (${what})` : ''}`,
    };
  });
}

/**
 * Figures of one link: matched by value and unit first (agreements), then figures of the same value whose unit or
 * currency differs, then leftovers paired into mismatches or reported as missing; agreeing pairs that swapped the
 * words they belong to are mismatches too.
 */
function figureDiscrepancies(alignment: Alignment, links: Link[], k: number): Array<NumberMismatch | NumberMissing> {
  const link = links[k];
  const ruAll = figuresOf(alignment.ru, link.ru);
  const enAll = figuresOf(alignment.en, link.en);
  const enIndex = new FigureIndex(enAll);
  const ruMatched: Anchor[] = [];
  const matches: Array<[Anchor, Anchor]> = [];
  for (const anchor of ruAll) {
    const found = enIndex.take(anchor, (candidate) => sameFigure(anchor, candidate));
    if (found) matches.push([anchor, found]);
    else ruMatched.push(anchor);
  }
  // Then an ordinal left on one side for a number of its value left on the other: translation turns one into the
  // other ("issue 58" = «58-м выпуске», "version 3" = «третьей версии»). They agree, but keep no place in the order.
  const ruLeft = ruMatched.filter((anchor) => !enIndex.take(anchor, (candidate) => ordinalForNumber(anchor, candidate)));
  const enLeft = enIndex.left();
  // Only figures written in digits are checked: spelled-out numbers are too often paraphrased ("двух" = "both").
  const ruChecked = ruLeft.filter(isCheckedFigure);
  const enChecked = enLeft.filter(isCheckedFigure);

  const out: Array<NumberMismatch | NumberMissing> = [];
  const mismatch = (ruAnchor: Anchor, enAnchor: Anchor, reason: 'value' | 'unit' | 'swapped'): NumberMismatch => {
    const ruAt = paragraphOf(alignment.ru, ruAnchor);
    const enAt = paragraphOf(alignment.en, enAnchor);
    const what = reason === 'unit' ? 'unit differs' : reason === 'swapped' ? 'figures swapped' : 'figure differs';
    const units = reason === 'unit' ? `: ${unitOf(ruAnchor) ?? 'no unit'} vs ${unitOf(enAnchor) ?? 'no unit'}` : '';
    const d: NumberMismatch = {
      kind: 'number-mismatch',
      ru: [ruAt],
      en: [enAt],
      ruValue: ruAnchor.surface,
      enValue: enAnchor.surface,
      ruAnchor,
      enAnchor,
      severity: 'error',
      reason,
      message: `${what}${units}: Russian ¶${ruAt + 1} «${ruAnchor.surface}» (${describe(ruAnchor)}) vs English ¶${enAt + 1} «${enAnchor.surface}» (${describe(enAnchor)})`,
    };
    if (reason === 'unit') {
      d.ruUnit = unitOf(ruAnchor) ?? 'none';
      d.enUnit = unitOf(enAnchor) ?? 'none';
    }
    return d;
  };
  // Same value, other unit or currency: 5 млн рублей vs 5 million dollars.
  // A spelled-out figure counts here when its unit is stated ("двух км" vs "2 m"): the value says it is the same.
  const unitPairs: Array<[Anchor, Anchor]> = [];
  const withUnit = (a: Anchor): boolean => isCheckedFigure(a) || (a.kind === 'number' && unitOf(a) !== undefined);
  const enByValue = new FigureIndex(enLeft);
  for (const r of ruLeft.filter(withUnit)) {
    const e = enByValue.take(r, (candidate) => withUnit(candidate) && (isCheckedFigure(r) || isCheckedFigure(candidate)) &&
      sameValue(r, candidate) && unitsDiffer(r, candidate));
    if (e) unitPairs.push([r, e]);
  }
  const paired = new Set<Anchor>(unitPairs.flat());
  // A figure spelled out with a scale word ("двух с половиной миллионов") may pair with a digit one: its place is sure.
  const scaled = (a: Anchor): boolean => isCheckedFigure(a) || (a.kind === 'number' && a.written === 'words' && Math.abs(a.value ?? 0) >= 1000);
  const pairs = pairMismatches(ruLeft.filter((a) => scaled(a) && !paired.has(a)), enLeft.filter((a) => scaled(a) && !paired.has(a)));
  for (const a of pairs.flat()) paired.add(a);
  for (const [ruAnchor, enAnchor] of unitPairs) out.push(mismatch(ruAnchor, enAnchor, 'unit'));
  for (const [ruAnchor, enAnchor] of pairs) out.push(mismatch(ruAnchor, enAnchor, 'value'));
  // A swap needs digits on one side at least: a figure spelled out with a scale word on the other ("четырёх
  // тысяч" = "4000") still has its place; small number words are too often paraphrase ("сутки" = "24 hours").
  const placed = (a: Anchor): boolean => isCheckedFigure(a) || (a.kind === 'number' && Math.abs(a.value ?? 0) >= 1000);
  const checkedMatches = matches.filter(([r, e]) => (isCheckedFigure(r) || isCheckedFigure(e)) && placed(r) && placed(e));
  const ruCounted = countedContexts(alignment.ru, link.ru);
  const enCounted = countedContexts(alignment.en, link.en);
  const swaps: Array<[Anchor, Anchor]> = [];
  if (checkedMatches.length >= 2) {
    const ruContext = figureContexts(alignment.ru, link.ru);
    const enContext = figureContexts(alignment.en, link.en);
    swaps.push(...swappedFigures(checkedMatches, ruContext, enContext));
    const swapped = new Set(swaps.flat());
    const rest = checkedMatches.filter(([r]) => !swapped.has(r));
    swaps.push(...positionallySwapped(rest, alignment.ru, alignment.en, ruCounted, enCounted));
    const placedSwaps = new Set(swaps.flat());
    swaps.push(...roleSwaps(rest.filter(([r]) => !placedSwaps.has(r)), alignment.ru, alignment.en, ruCounted, enCounted));
  }
  // A number noun ("сутки" = 24 hours) has no place but says what its partner counts.
  const swapped = new Set(swaps.flat());
  const nounMatches = matches.filter(([r, e]) => !swapped.has(r) && !swapped.has(e) && (isCheckedFigure(r) || isCheckedFigure(e)));
  if (nounMatches.length >= 2) swaps.push(...numberNounSwaps(nounMatches, new Map([...ruCounted, ...enCounted])));
  for (const [ruAnchor, enAnchor] of swaps) out.push(mismatch(ruAnchor, enAnchor, 'swapped'));
  for (const [side, anchors] of [['ru', ruChecked], ['en', enChecked]] as const) {
    const otherSide = otherLang(side);
    for (const anchor of anchors) {
      if (paired.has(anchor)) continue;
      // A figure the translation moved into a neighbouring paragraph is not missing, nor one the other version
      // writes the same, digit for digit, whatever each language reads into it ("16,600", "68k", "{6,8}").
      if (presentNearby(alignment[otherSide], links, k, otherSide, anchor)) continue;
      if (writtenAlike(alignment[otherSide], link[otherSide], anchor.surface)) continue;
      const at = paragraphOf(alignment[side], anchor);
      out.push({
        kind: 'number-missing',
        ...oneSidedPlace(side, at, link, anchor),
        message: `${LANGUAGE_NAME[side]} ¶${at + 1} has «${anchor.surface}» (${describe(anchor)}); the ${LANGUAGE_NAME[otherSide]} ¶${readerParagraphs(link[otherSide])} has no such figure`,
      });
    }
  }
  return out;
}

/**
 * Where a figure or name present on one side only is: its own paragraph on that side, the whole link on the
 * side that lacks it; with the value as written.
 */
function oneSidedPlace(side: Lang, index: number, link: Link, anchor: Anchor) {
  return {
    side,
    ru: side === 'ru' ? [index] : link.ru,
    en: side === 'en' ? [index] : link.en,
    value: anchor.surface,
    anchor,
    severity: 'warning' as const,
  };
}

/**
 * Pair leftover figures of the two sides that look like the same quantity with another value: same kind,
 * compatible units, comparable magnitude. A translation keeps its figures in order, so the pairs that keep the
 * two sides' text order and are most alike in sum come first ("DebConf 14 … 15" against "44 … 45": 14 with 44,
 * 15 with 45, though 15 is nearer 44); then the figures left, greedily by likeness (a sentence the translation
 * turned round). One to one.
 */
function pairMismatches(ru: Anchor[], en: Anchor[]): Array<[Anchor, Anchor]> {
  if (ru.length * en.length > MAX_ORDERED_PAIRING) return pairNearPlace(ru, en);
  const similarity = ru.map((r) => en.map((e) => mismatchSimilarity(r, e)));
  const candidates: Candidate[] = [];
  ru.forEach((_, i) => en.forEach((_, j) => {
    if (similarity[i]![j]! > 0) candidates.push({ i, j, score: similarity[i]![j]! });
  }));
  return completeGreedily(ru, en, orderedPairs(similarity), candidates);
}

/** A possible pair of leftover figures, by index on each side, and how alike they are. */
interface Candidate {
  i: number;
  j: number;
  score: number;
}

/**
 * `pairs` (indices [ru, en]) completed one to one from `candidates`, the most alike first, as figures in the
 * Russian text order.
 */
function completeGreedily(ru: Anchor[], en: Anchor[], pairs: Array<[number, number]>, candidates: Candidate[]): Array<[Anchor, Anchor]> {
  const usedRu = new Set(pairs.map(([i]) => i));
  const usedEn = new Set(pairs.map(([, j]) => j));
  candidates.sort((x, y) => y.score - x.score);
  for (const { i, j } of candidates) {
    if (usedRu.has(i) || usedEn.has(j)) continue;
    usedRu.add(i);
    usedEn.add(j);
    pairs.push([i, j]);
  }
  return pairs.sort((a, b) => a[0] - b[0]).map(([i, j]) => [ru[i]!, en[j]!]);
}

/**
 * Above this many leftover figure pairs in one link (a long table, a text without paragraph breaks), the pairing
 * that looks at every pair is left for {@link pairNearPlace}: it is quadratic.
 */
const MAX_ORDERED_PAIRING = 10_000;
/** Figures of the other side, either way of a figure's own place, that {@link pairNearPlace} compares it with. */
const NEAR_PLACE = 50;

/**
 * The greedy pairing of {@link pairMismatches} for a link with too many leftovers to compare every pair: each
 * figure is compared only with the figures of the other side near its own place in the link (its position scaled
 * to the other side's count, {@link NEAR_PLACE} either way), so the work grows with the figures, not their square.
 */
function pairNearPlace(ru: Anchor[], en: Anchor[]): Array<[Anchor, Anchor]> {
  const candidates: Candidate[] = [];
  const scale = en.length / Math.max(1, ru.length);
  ru.forEach((r, i) => {
    const centre = Math.round(i * scale);
    for (let j = Math.max(0, centre - NEAR_PLACE); j <= Math.min(en.length - 1, centre + NEAR_PLACE); j++) {
      const score = mismatchSimilarity(r, en[j]!);
      if (score > 0) candidates.push({ i, j, score });
    }
  });
  return completeGreedily(ru, en, [], candidates);
}

/** The order-keeping pairs of comparable figures (similarity > 0) whose similarities sum highest: indices [ru, en]. */
function orderedPairs(similarity: number[][]): Array<[number, number]> {
  const n = similarity.length;
  const m = n === 0 ? 0 : similarity[0]!.length;
  const best = Array.from({ length: n + 1 }, () => new Float64Array(m + 1));
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const s = similarity[i - 1]![j - 1]!;
      best[i]![j] = Math.max(best[i - 1]![j]!, best[i]![j - 1]!, s > 0 ? best[i - 1]![j - 1]! + s : 0);
    }
  }
  const pairs: Array<[number, number]> = [];
  for (let i = n, j = m; i > 0 && j > 0; ) {
    if (best[i]![j] === best[i - 1]![j]) i--;
    else if (best[i]![j] === best[i]![j - 1]) j--;
    else {
      pairs.push([i - 1, j - 1]);
      i--;
      j--;
    }
  }
  return pairs.reverse();
}

/**
 * How much two different figures look like one quantity written differently; 0 = not comparable.
 * Comparable: the same kind (a year and a bare four-digit number count as one), no two different units (a unit
 * stated on one side only is common: "22-25 градусов" vs "from 22 to 25 degrees"), the same written shape (digits before and after the decimal mark, as a slip of the pen or a
 * mistyped figure keeps it: 4,3 → 4.8, 17 → 19, 1 000 → 3 000) and less than a factor of ten apart. Two dates
 * always compare, best when they share the month. A figure converted to other units (4,5 метра vs 15 feet) or rounded
 * (1,1 vs 1) is therefore not a mismatch; it is reported as missing on each side instead.
 */
function mismatchSimilarity(r: Anchor, e: Anchor): number {
  // Digits on one side at least: two spelled-out figures are too often paraphrase.
  if (!isCheckedFigure(r) && !isCheckedFigure(e)) return 0;
  if (r.kind === 'date' || e.kind === 'date') {
    if (r.kind !== e.kind) return 0;
    return r.key.slice(0, 'date:MM'.length) === e.key.slice(0, 'date:MM'.length) ? 1 : 0.5;
  }
  if (r.value === undefined || e.value === undefined) return 0;
  const kindsMatch = r.kind === e.kind || (r.kind === 'year' && e.kind === 'number') || (r.kind === 'number' && e.kind === 'year');
  if (!kindsMatch || (unitOf(r) && unitOf(e) && unitOf(r) !== unitOf(e))) return 0;
  if (digitShape(r) !== digitShape(e)) return 0;
  const ratio = Math.max(Math.abs(r.value), Math.abs(e.value)) / Math.max(1e-9, Math.min(Math.abs(r.value), Math.abs(e.value)));
  if (!(ratio < 10)) return 0;
  return 1 / ratio + (r.kind === e.kind ? 0.5 : 0) + (r.unit && r.unit === e.unit ? 0.5 : 0);
}

/**
 * Digits before and after the decimal mark of a figure: 4.3 → "1.1", 1000 → "4.0"; read off the exact key of a
 * number, so that integers longer than a double holds keep their length.
 */
function digitShape(anchor: Anchor): string {
  const exact = anchor.key.startsWith('num:') && /^-?\d+(?:\.\d+)?$/.test(anchor.key.slice(4)) ? anchor.key.slice(4) : String(anchor.value);
  const [integer, fraction = ''] = exact.replace('-', '').split('.');
  return `${integer.length}.${fraction.length}`;
}

/** Whether the other side of the neighbouring links (k-1, k+1) carries the figure. */
/**
 * Does one of the paragraphs hold `surface` (a figure as written, without spaces) as a whole number: no digit
 * next to it, nor a decimal or group separator followed by one ("6" is not in "6.5" or "16,600")?
 */
function writtenAlike(doc: Document, indices: readonly number[], surface: string): boolean {
  if (/\s/.test(surface)) return false;
  const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= '0' && ch <= '9';
  for (const index of indices) {
    const text = doc.paragraphs[index].clean;
    for (let at = text.indexOf(surface); at >= 0; at = text.indexOf(surface, at + 1)) {
      const before = text[at - 1];
      const after = text[at + surface.length];
      const joinedBefore = isDigit(before) || ((before === '.' || before === ',') && isDigit(text[at - 2]));
      const joinedAfter = isDigit(after) || ((after === '.' || after === ',') && isDigit(text[at + surface.length + 1]));
      if (!joinedBefore && !joinedAfter) return true;
    }
  }
  return false;
}

function presentNearby(doc: Document, links: Link[], k: number, side: Lang, anchor: Anchor): boolean {
  for (const neighbour of [links[k - 1], links[k + 1]]) {
    if (!neighbour) continue;
    for (const index of neighbour[side]) {
      if (doc.paragraphs[index].anchors.some((candidate) => sameFigure(anchor, candidate))) return true;
    }
  }
  return false;
}

/**
 * Names of one link that the other side does not carry, under any spelling, case form or transcription, reported
 * when the check is sure enough (see entities.ts and `CheckOptions.minEntityConfidence`). The other side is the
 * link's paragraphs and those of its neighbours (a name moved across a paragraph break is not missing).
 */
function entityDiscrepancies(
  alignment: Alignment,
  links: Link[],
  k: number,
  mentions: Record<Lang, Map<string, number>>,
  names: Record<Lang, NameContext>,
  options: CheckOptions,
): EntityMissing[] {
  const link = links[k];
  const maxMentions = options.maxEntityMentions ?? Infinity;
  const threshold = options.minEntityConfidence ?? 0.75;
  const out: EntityMissing[] = [];
  for (const side of ['ru', 'en'] as const) {
    const otherSide = otherLang(side);
    const doc = alignment[side];
    const otherIndices = [links[k - 1], link, links[k + 1]].flatMap((l) => (l ? l[otherSide] : []));
    // Read only for a long link (see scope.ts): the other side, and this side's length.
    let other: OtherSide | undefined;
    let ownLength: number | undefined;
    let ownBefore = 0;
    const seen = new Set<string>();
    for (const index of link[side]) {
      const paragraph = doc.paragraphs[index];
      const anchors = paragraph.anchors;
      const paragraphStart = ownBefore;
      ownBefore += paragraph.clean.length;
      let figures: Array<{ start: number; end: number }> | undefined;
      for (const anchor of anchors) {
        if (anchor.kind !== 'entity' || seen.has(anchor.key)) continue;
        // The unit of a figure is no name ("32 Гбайта" = "32 GB", "4 Тбит/с" = "4 Tbps"); the figure check has it.
        figures ??= numberSpans(anchors);
        if (insideSpan(figures, anchor)) continue;
        seen.add(anchor.key);
        if ((mentions[side].get(anchor.key) ?? 0) > maxMentions) continue;
        if (isShortAcronym(anchor.surface)) continue;
        if (isNameInitial(names[side], index, anchor) || inPatronymicAddress(names[side], index, anchor)) continue;
        // Where the name stands in its side of the link, to look for it in the same part of the other side.
        other ??= new OtherSide(alignment[otherSide], links[k - 1]?.[otherSide] ?? [], link[otherSide], links[k + 1]?.[otherSide] ?? []);
        if (other.long) ownLength ??= link[side].reduce((sum, i) => sum + doc.paragraphs[i].clean.length, 0);
        const scope = other.long ? other.near((paragraphStart + toCleanOffset(paragraph, anchor.start)) / Math.max(1, ownLength!)) : other.whole;
        const isName = nameConfidence(names[side], index, anchor, (word) => wordNamedIn(word, names[otherSide], scope));
        if (isName < threshold) continue;
        const confidence = Math.round(isName * absenceConfidence(anchor, names[otherSide], otherIndices, scope, options.glossary, nextCapitalised(names[side], index, anchor)) * 100) / 100;
        if (confidence < threshold) continue;
        out.push({
          kind: 'entity-missing',
          ...oneSidedPlace(side, index, link, anchor),
          confidence,
          message: `${LANGUAGE_NAME[side]} ¶${index + 1} names «${anchor.surface}»; the ${LANGUAGE_NAME[otherSide]} ¶${readerParagraphs(link[otherSide])} does not (confidence ${confidence.toFixed(2)})`,
        });
      }
    }
  }
  return out;
}

/** The spans of a paragraph's number figures, by start, each ending where the widest of those starting there ends. */
function numberSpans(anchors: readonly Anchor[]): Array<{ start: number; end: number }> {
  const spans = anchors.filter((a) => a.kind === 'number').map((a) => ({ start: a.start, end: a.end })).sort((a, b) => a.start - b.start);
  // Carry the farthest end forward, so that the last span starting at or before a position tells whether any covers it.
  for (let k = 1; k < spans.length; k++) spans[k]!.end = Math.max(spans[k]!.end, spans[k - 1]!.end);
  return spans;
}

/** Does a span of `spans` (from {@link numberSpans}) cover `anchor`? A binary search for the last one starting at or before it. */
function insideSpan(spans: ReadonlyArray<{ start: number; end: number }>, anchor: Anchor): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  let last = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.start <= anchor.start) {
      last = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return last >= 0 && anchor.end <= spans[last]!.end;
}

/** Words that mix look-alike Latin and Cyrillic letters, in the paragraphs of one link (once per word). */
function mixedScript(alignment: Alignment, link: Link): MixedScript[] {
  const out: MixedScript[] = [];
  for (const side of ['ru', 'en'] as const) {
    const doc = alignment[side];
    for (const index of link[side]) {
      const paragraph = doc.paragraphs[index];
      for (const w of mixedScriptWords(paragraph.clean)) {
        const start = toSourceOffset(paragraph, w.start);
        out.push({
          kind: 'mixed-script',
          side,
          ru: side === 'ru' ? [index] : [],
          en: side === 'en' ? [index] : [],
          value: w.word,
          intended: w.intended,
          foreign: w.foreign,
          span: { start, end: start + (w.end - w.start) },
          severity: 'warning',
          message: `${LANGUAGE_NAME[side]} ¶${index + 1} «${w.word}» mixes scripts: ${w.foreign === 'cyrillic' ? 'Cyrillic' : 'Latin'} look-alike letters in a ${w.foreign === 'cyrillic' ? 'Latin' : 'Cyrillic'} word; read as «${w.intended}»`,
        });
      }
    }
  }
  return out;
}

/** One- and two-letter acronyms (ГУ, СК, IC) stand for phrases that translations spell out; too weak to report. */
function isShortAcronym(surface: string): boolean {
  return surface.length <= 2 && surface === surface.toUpperCase();
}

/** For each entity key, in how many paragraphs of the document it occurs. */
function paragraphMentions(doc: Document): Map<string, number> {
  const counts = new Map<string, number>();
  for (const paragraph of doc.paragraphs) {
    const keys = new Set(paragraph.anchors.filter((a) => a.kind === 'entity').map((a) => a.key));
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

function figuresOf(doc: Document, indices: number[]): Anchor[] {
  return indices.flatMap((index) => doc.paragraphs[index].anchors.filter((anchor) => FIGURE_KINDS.has(anchor.kind)));
}

/**
 * The paragraph holding an anchor. Paragraphs are sorted and disjoint, so a binary search finds it: a linear
 * search per anchor made a 10 MB pair take a minute here (anchors × paragraphs).
 */
function paragraphOf(doc: Document, anchor: Anchor): number {
  const { paragraphs } = doc;
  let lo = 0;
  let hi = paragraphs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (paragraphs[mid].start <= anchor.start) lo = mid;
    else hi = mid - 1;
  }
  const paragraph = paragraphs[lo];
  if (paragraph && anchor.start >= paragraph.start && anchor.end <= paragraph.end) return lo;
  return paragraphs.findIndex((p) => anchor.start >= p.start && anchor.end <= p.end);
}

function describe(anchor: Anchor): string {
  const value = anchor.kind === 'date' ? anchor.key.slice('date:'.length) : anchor.kind === 'ordinal' ? ordinal(anchor.value ?? 0) : String(anchor.value ?? anchor.key);
  const parts = [anchor.qualifier, value, anchor.unit].filter(Boolean);
  return `${anchor.kind} ${parts.join(' ')}`;
}

function excerpt(text: string, length = 80): string {
  return text.length <= length ? text : `${text.slice(0, length - 1).trimEnd()}…`;
}

/** 1 → "1st", 12 → "12th", 22 → "22nd". */
function ordinal(n: number): string {
  const teen = Math.abs(n) % 100 >= 11 && Math.abs(n) % 100 <= 13;
  const suffix = teen ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[Math.abs(n) % 10] ?? 'th';
  return `${n}${suffix}`;
}

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;
