/**
 * Discrepancies injected on purpose into development cases, to measure the checker's recall per kind: a name
 * deleted from one version, a currency changed, a unit changed, two figures swapped, a figure's value changed.
 * Each injection edits one version's text in one place, verified by re-reading the edited text (the figure's value
 * kept and its unit changed, the name gone from the link), and records where the checker should report it.
 */
import { fieldLabelStarts, isAcronym } from '../src/check/entities.js';
import { alignDocuments } from '../src/index.js';
import type { Alignment, Anchor, Lang, Link } from '../src/types.js';

/** Kinds of injected discrepancy. */
export type InjectionKind = 'name-deleted' | 'currency-changed' | 'unit-changed' | 'figures-swapped' | 'figure-changed';

/** One injected discrepancy: the edited pair and where the checker should report it. */
export interface Injection {
  kind: InjectionKind;
  ru: string;
  en: string;
  /** The side that was edited. */
  edited: Lang;
  /** Paragraph (in the edited text's own numbering, unchanged by the edit) of the edited side. */
  paragraph: number;
  /** Paragraph on the other side (the link's first paragraph there). */
  otherParagraph: number;
  /** What was changed, for messages. */
  what: string;
  /** `name-deleted`: the key of the name, which the other version still carries. */
  key?: string;
}

const CURRENCY_SWAP: Array<[RegExp, string]> = [
  [/(?:US |U\.S\. )?dollars?/i, 'euros'], [/\$/, '€'], [/euros?/i, 'dollars'], [/€/, '$'], [/(?:rubles?|roubles?)/i, 'dollars'],
  [/pounds?/i, 'dollars'], [/£/, '$'],
];
const UNIT_SWAP: Array<[RegExp, string]> = [
  [/\s?%|\s?(?:percent|per cent)\b(?! ?points?)/i, ''], [/kilomet(?:er|re)s/i, 'metres'], [/\bkm\b/, 'm'], [/\bkg\b/, 'g'],
  [/kilograms?/i, 'grams'], [/tons|tonnes/i, 'kilograms'], [/metres|meters/i, 'kilometres'],
];

const isChecked = (a: Anchor): boolean => (a.kind === 'number' && a.written === 'digits' && a.unit !== 'code');

function edit(text: string, start: number, end: number, replacement: string): string {
  return text.slice(0, start) + replacement + text.slice(end);
}

function keyIn(alignment: Alignment, side: Lang, indices: number[], key: string): number {
  return indices.reduce((n, i) => n + alignment[side].paragraphs[i]!.anchors.filter((a) => a.key === key).length, 0);
}

/** Figure-unit injections (currency or unit) on the English side of an agreeing pair of figures. */
function unitInjection(alignment: Alignment, ru: string, en: string, kind: 'currency-changed' | 'unit-changed'): Injection | undefined {
  const swaps = kind === 'currency-changed' ? CURRENCY_SWAP : UNIT_SWAP;
  const money = new Set(['usd', 'eur', 'rub', 'gbp']);
  for (const link of alignment.links) {
    if (link.ru.length === 0 || link.en.length === 0) continue;
    for (const index of link.en) {
      for (const anchor of alignment.en.paragraphs[index]!.anchors) {
        if (!isChecked(anchor) || !anchor.unit || money.has(anchor.unit) !== (kind === 'currency-changed')) continue;
        if (keyIn(alignment, 'ru', link.ru, anchor.key) !== 1 || keyIn(alignment, 'en', link.en, anchor.key) !== 1) continue;
        const ruAnchor = link.ru.flatMap((i) => alignment.ru.paragraphs[i]!.anchors).find((a) => a.key === anchor.key)!;
        if (ruAnchor.unit !== anchor.unit) continue;
        for (const [pattern, replacement] of swaps) {
          const m = pattern.exec(anchor.surface);
          if (!m) continue;
          const surface = anchor.surface.slice(0, m.index) + replacement + anchor.surface.slice(m.index + m[0].length);
          const edited = edit(en, anchor.start, anchor.end, surface);
          const check = alignDocuments(ru, edited, { langs: ['ru', 'en'] });
          const after = check.en.paragraphs[index]?.anchors.find((a) => a.start === anchor.start);
          if (!after || after.value !== anchor.value || after.unit === anchor.unit) continue;
          return { kind, ru, en: edited, edited: 'en', paragraph: index, otherParagraph: link.ru[0]!, what: `${anchor.surface} → ${surface}` };
        }
      }
    }
  }
  return undefined;
}

/**
 * Two agreeing figures of one English paragraph (same kind and unit, other values) swapped, where the edited text
 * still reads both with their values and units.
 */
function swapInjection(alignment: Alignment, ru: string, en: string): Injection | undefined {
  for (const link of alignment.links) {
    if (link.ru.length === 0 || link.en.length !== 1) continue;
    const index = link.en[0]!;
    const figures = alignment.en.paragraphs[index]!.anchors.filter(
      (a) => isChecked(a) && keyIn(alignment, 'ru', link.ru, a.key) === 1 && keyIn(alignment, 'en', link.en, a.key) === 1,
    );
    for (let i = 0; i < figures.length; i++) {
      for (let j = i + 1; j < figures.length; j++) {
        const [a, b] = [figures[i]!, figures[j]!];
        if (a.unit !== b.unit || a.value === b.value) continue;
        const edited = en.slice(0, a.start) + b.surface + en.slice(a.end, b.start) + a.surface + en.slice(b.end);
        // Both figures must still be read as they were, only in each other's place ("5-10 м/с" → "10 m/s-5" is not).
        const keys = (text: string) => alignDocuments(ru, text, { langs: ['ru', 'en'] }).en.paragraphs[index]?.anchors.filter(isChecked).map((x) => `${x.key}/${x.unit ?? ''}`).sort().join(' ');
        if (keys(edited) !== keys(en)) continue;
        return { kind: 'figures-swapped', ru, en: edited, edited: 'en', paragraph: index, otherParagraph: link.ru[0]!, what: `${a.surface} ⇄ ${b.surface}` };
      }
    }
  }
  return undefined;
}

/**
 * One digit of an agreeing figure of an English paragraph changed (a mistyped or mistranslated figure: 2014 → 3014,
 * 4.3 → 5.3), where the edited text reads it with the new value and the same unit. The figure is the `nth` of the
 * case's candidates in text order (wrapping), so that headlines are not the only figures changed.
 */
function figureChangeInjection(alignment: Alignment, ru: string, en: string, nth: number): Injection | undefined {
  const candidates: Array<{ link: Link; index: number; anchor: Anchor }> = [];
  for (const link of alignment.links) {
    if (link.ru.length === 0 || link.en.length === 0) continue;
    for (const index of link.en) {
      for (const anchor of alignment.en.paragraphs[index]!.anchors) {
        if (isChecked(anchor) && keyIn(alignment, 'ru', link.ru, anchor.key) === 1 && keyIn(alignment, 'en', link.en, anchor.key) === 1) candidates.push({ link, index, anchor });
      }
    }
  }
  for (let k = 0; k < candidates.length; k++) {
    const { link, index, anchor } = candidates[(nth + k) % candidates.length]!;
    const at = anchor.surface.search(/\d/);
    if (at < 0) continue;
    const digit = Number(anchor.surface[at]);
    // The first digit of a number never becomes 0.
    const next = (digit + 1) % 10 === 0 && !/\d/.test(anchor.surface.slice(0, at)) ? 1 : (digit + 1) % 10;
    const surface = anchor.surface.slice(0, at) + String(next) + anchor.surface.slice(at + 1);
    const edited = edit(en, anchor.start, anchor.end, surface);
    const after = alignDocuments(ru, edited, { langs: ['ru', 'en'] }).en.paragraphs[index]?.anchors.find((a) => a.start === anchor.start);
    if (!after || after.value === anchor.value || after.unit !== anchor.unit) continue;
    return { kind: 'figure-changed', ru, en: edited, edited: 'en', paragraph: index, otherParagraph: link.ru[0]!, what: `${anchor.surface} → ${surface}` };
  }
  return undefined;
}

// A character (after spaces) in front of a word that makes its capital say nothing: a sentence, line, list item,
// table cell, bracket or quotation start.
const CAPITAL_NEUTRAL_BEFORE = /[.!?…:;|([«"“„'‘—–•*\n]$/u;

/**
 * Is the word at `start` of `text` written where a capital letter marks a name (in the middle of a sentence)? Not
 * at a field label of a line of "Label: value" fields, which the checker treats as a cell start (see
 * `fieldLabelStarts`).
 */
function midSentence(text: string, start: number): boolean {
  const raw = text.slice(Math.max(0, start - 20), start);
  const before = raw.trimEnd();
  if (raw.slice(before.length).includes('\n')) return false;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = text.indexOf('\n', start);
  if (fieldLabelStarts(text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd)).has(start - lineStart)) return false;
  return before.length > 0 && !CAPITAL_NEUTRAL_BEFORE.test(before) && /[\p{L}\p{N},)»”]$/u.test(before);
}

/** Does the text also write the word in lower case, as a word of its own (not in a file, package or address name)? */
function writtenInLowerCase(text: string, surface: string): boolean {
  const lower = surface.toLowerCase();
  if (lower === surface) return false;
  const escaped = lower.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}_./@-])${escaped}(?![\\p{L}\\p{N}_./@-])`, 'u').test(text);
}

/**
 * Title-case word that is not an acronym: an upper-case first letter and a lower-case letter after it, and not of
 * an acronym's shape by the checker's own rule (`isAcronym`: SoC, NGOs, ВОЗом).
 */
const titleCase = (surface: string): boolean =>
  /^\p{Lu}/u.test(surface) && /\p{Ll}/u.test(surface.slice(1)) && !surface.split(/[\s-]+/).some(isAcronym);

/**
 * A deletable name: an entity anchor both versions of a link carry (the same key, once on the edited side and not
 * in the neighbouring links there), written in title case on both sides (acronyms are left out, by the checker's
 * `isAcronym`: translations spell them out) and never in lower case as a word of its own in either document (a common word or a command
 * written with a capital here), and capitalised in the middle of a sentence in the Russian version, where Russian capitals mark
 * names only (not sentence starts or field labels, not adjectives of nationality, months or weekdays, which Russian writes in lower
 * case). It is deleted, with the space before it, from `side`, and only where that leaves the edited side's link and
 * its neighbours without any word starting with the first five letters of a word of the name (no other mention or case form).
 */
function nameInjection(alignment: Alignment, ru: string, en: string, side: Lang): Injection | undefined {
  const other: Lang = side === 'ru' ? 'en' : 'ru';
  const links = alignment.links;
  for (let k = 0; k < links.length; k++) {
    const link = links[k]!;
    if (link.ru.length === 0 || link.en.length === 0) continue;
    const around = [links[k - 1], links[k + 1]].flatMap((l) => (l ? l[side] : []));
    for (const index of link[other]) {
      for (const anchor of alignment[other].paragraphs[index]!.anchors) {
        if (anchor.kind !== 'entity' || !titleCase(anchor.surface) || anchor.surface.length < 3) continue;
        const there = link[side].flatMap((i) => alignment[side].paragraphs[i]!.anchors).filter((a) => a.key === anchor.key);
        if (there.length !== 1 || keyIn(alignment, side, around, anchor.key) > 0) continue;
        if (keyIn(alignment, other, link[other], anchor.key) !== 1) continue;
        const target = there[0]!;
        if (!titleCase(target.surface)) continue;
        const ruAnchor = side === 'ru' ? target : anchor;
        if (!midSentence(ru, ruAnchor.start)) continue;
        if (writtenInLowerCase(side === 'ru' ? ru : en, target.surface) || writtenInLowerCase(side === 'ru' ? en : ru, anchor.surface)) continue;
        const source = side === 'ru' ? ru : en;
        const before = source[target.start - 1] === ' ' ? target.start - 1 : target.start;
        const edited = edit(source, before, target.end, '');
        const pair = side === 'ru' ? { ru: edited, en } : { ru, en: edited };
        const check = alignDocuments(pair.ru, pair.en, { langs: ['ru', 'en'] });
        if (check.links.length !== links.length) continue; // the edit must not change the paragraphing
        // The name must be gone from the edited side's link and its neighbours in every form: no word there may
        // start as it does (a case form, another mention, a compound or address such as debian-installer).
        const stems = target.surface.toLowerCase().split(/[\s-]+/).filter((w) => w.length >= 3).map((w) => w.slice(0, 5));
        const near = [...link[side], ...around].map((i) => check[side].paragraphs[i]!.clean.toLowerCase());
        if (near.some((text) => stems.some((stem) => text.includes(stem)))) continue;
        return { kind: 'name-deleted', ...pair, edited: side, paragraph: link[side][0]!, otherParagraph: index, what: target.surface, key: anchor.key };
      }
    }
  }
  return undefined;
}

/**
 * Every injection one case allows (at most one per kind); `nth` alternates the side names are deleted from and
 * picks the figure changed.
 */
export function injectionsFor(ru: string, en: string, nth: number): Injection[] {
  const alignment = alignDocuments(ru, en, { langs: ['ru', 'en'] });
  return [
    nameInjection(alignment, ru, en, nth % 2 === 0 ? 'en' : 'ru'),
    unitInjection(alignment, ru, en, 'currency-changed'),
    unitInjection(alignment, ru, en, 'unit-changed'),
    swapInjection(alignment, ru, en),
    figureChangeInjection(alignment, ru, en, nth),
  ].filter((x): x is Injection => x !== undefined);
}
