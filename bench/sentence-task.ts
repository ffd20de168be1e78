/**
 * The sentence task of the development benchmark: align sentences inside the paragraph links of every case and
 * score sentence links by the README's link definitions (strict and lax P/R/F1, micro and macro; links with an
 * empty side left out), over gold sentence indices (a gold link joins the Russian and English sentences with the
 * same id).
 *
 * Two segmentations:
 * - "given gold sentences": the aligner is handed the gold sentences of each paragraph;
 * - "own splitter": {@link splitSentences}. Its sentences need not match the gold's, so every gold sentence is
 *   assigned to the predicted sentence of its paragraph that overlaps it most (in characters), and a predicted
 *   link stands for the gold sentences assigned to its sentences. A headline merged with the next sentence on
 *   both sides thus becomes one 2-2 link: lax-correct, strict-wrong.
 * Each is run on the aligner's own paragraph links, and on the gold paragraph links to tell sentence errors
 * from paragraph errors.
 *
 * `npx tsx bench/sentence-task.ts` prints the table.
 */
import { pathToFileURL } from 'node:url';
import { alignDocuments, alignSentences, DEFAULT_SENTENCE_COST_MODEL, foldForMatching, parseDocument, splitSentences } from '../src/index.js';
import type { Alignment, Lang, Paragraph, SentenceAlignment, SentenceCostModel, SentenceSpan, SentenceSplitter } from '../src/index.js';
import { loadCases, loadSet, requireDevRoot, setRoots, type DevCase, type GoldSentence } from './dev.js';
import { addCounts, laxCounts, prf, strictCounts, ZERO, type Counts, type IndexLink } from './score.js';

/** Which sentences the aligner sees, and which paragraph links it works in. */
export interface SentenceTaskSetting {
  segmentation: 'gold' | 'own';
  paragraphs: 'predicted' | 'gold';
  /** Overrides of the sentence cost model. */
  cost?: Partial<SentenceCostModel>;
  /**
   * Re-cut one side first: its paragraphs run together into one block (a text exported without its paragraph
   * breaks), or its gold sentences one per paragraph (a text a sentence per line, as corpus tools store it).
   */
  recut?: { side: Lang; into: 'one block' | 'sentence lines' };
}

/** Scores of one setting over all cases. */
export interface SentenceReport {
  strict: Counts;
  lax: Counts;
  strictMacroF1: number;
  laxMacroF1: number;
  /** Cases whose paragraphs the parser cut differently from the gold (left out). */
  skipped: string[];
  /**
   * Share of gold sentences, per side, that the segmentation reproduces exactly (the predicted sentence holding
   * the gold sentence holds nothing else): the ceiling of strict recall set by the splitter.
   */
  segmentation: { ru: number; en: number };
}

/** Locate each gold sentence of a paragraph in its clean text: spans, in order. */
export function goldSpans(paragraph: Pick<Paragraph, 'clean'>, gold: GoldSentence[]): SentenceSpan[] {
  const clean = foldForMatching(paragraph.clean);
  const spans: SentenceSpan[] = [];
  let cursor = 0;
  for (const sentence of gold) {
    const wanted = foldForMatching(sentence.text.normalize('NFC').replace(/\s+/g, ' ').trim());
    let start = clean.indexOf(wanted, cursor);
    let end = start + wanted.length;
    if (start < 0) {
      // Not found verbatim (a normalisation difference): take the same length from the cursor.
      start = Math.min(clean.length, cursor + (cursor > 0 ? 1 : 0));
      end = Math.min(clean.length, start + wanted.length);
    }
    spans.push({ start, end, text: paragraph.clean.slice(start, end) });
    cursor = end;
  }
  return spans;
}

/** Gold sentence links of a case: one 1-1 link per id present on both sides, over document sentence indices. */
export function goldSentenceLinks(c: DevCase): IndexLink[] {
  const ruIndex = indexById(c.sentences.ru);
  const enIndex = indexById(c.sentences.en);
  const links: IndexLink[] = [];
  for (const [id, i] of ruIndex) {
    const j = enIndex.get(id);
    if (j !== undefined) links.push([[i], [j]]);
  }
  return links;
}

function indexById(paragraphs: GoldSentence[][]): Map<number, number> {
  const map = new Map<number, number>();
  paragraphs.flat().forEach((sentence, index) => map.set(sentence.id, index));
  return map;
}

/**
 * For each predicted sentence of a document, the gold sentence indices assigned to it: each gold sentence goes
 * to the predicted sentence of the same paragraph it overlaps most.
 */
export function assignGold(
  predicted: SentenceAlignment['sentences']['ru'],
  goldByParagraph: SentenceSpan[][],
): number[][] {
  const assigned: number[][] = predicted.map(() => []);
  const byParagraph = new Map<number, number[]>();
  for (const sentence of predicted) {
    const list = byParagraph.get(sentence.paragraph);
    if (list) list.push(sentence.index);
    else byParagraph.set(sentence.paragraph, [sentence.index]);
  }
  let goldIndex = 0;
  goldByParagraph.forEach((spans, p) => {
    for (const span of spans) {
      let best = -1;
      let bestOverlap = 0;
      for (const k of byParagraph.get(p) ?? []) {
        const s = predicted[k];
        const overlap = Math.min(s.cleanEnd, span.end) - Math.max(s.cleanStart, span.start);
        if (overlap > bestOverlap) {
          bestOverlap = overlap;
          best = k;
        }
      }
      if (best >= 0) assigned[best].push(goldIndex);
      goldIndex++;
    }
  });
  return assigned;
}

/** Predicted sentence links in gold sentence indices (links that lose a side in the mapping become one-sided). */
export function mapLinks(result: SentenceAlignment, ruGold: SentenceSpan[][], enGold: SentenceSpan[][]): IndexLink[] {
  const ru = assignGold(result.sentences.ru, ruGold);
  const en = assignGold(result.sentences.en, enGold);
  return result.links.map((link) => [link.ru.flatMap((k) => ru[k]), link.en.flatMap((k) => en[k])]);
}

/**
 * Score one setting on `cases`. `alignments` caches the paragraph alignment of each case (by case id) across
 * settings; it is filled as cases are aligned.
 */
export function evaluateSentences(cases: DevCase[], setting: SentenceTaskSetting, alignments = new Map<string, Alignment>()): SentenceReport {
  let strict = ZERO;
  let lax = ZERO;
  let strictMacro = 0;
  let laxMacro = 0;
  const skipped: string[] = [];
  const exact = { ru: 0, en: 0, ruGold: 0, enGold: 0 };
  for (const original of cases) {
    const recut = setting.recut;
    const c = recut === undefined ? original : recut.into === 'one block' ? collapsedCase(original, recut.side) : sentenceLinesCase(original, recut.side);
    const key = `${c.id} ${recut?.side ?? ''} ${recut?.into ?? ''}`;
    let predicted = alignments.get(key);
    if (!predicted) {
      predicted = alignDocuments(c.ru, c.en, { langs: ['ru', 'en'] });
      alignments.set(key, predicted);
    }
    if (predicted.ru.paragraphs.length !== c.paragraphs.ru || predicted.en.paragraphs.length !== c.paragraphs.en) {
      skipped.push(c.id);
      continue;
    }
    const alignment: Alignment =
      setting.paragraphs === 'gold'
        ? { ...predicted, links: c.links.map(([ru, en]) => ({ ru, en, score: 1, evidence: { shared: [], ruOnly: [], enOnly: [] } })) }
        : predicted;
    const ruGold = alignment.ru.paragraphs.map((p) => goldSpans(p, c.sentences.ru[p.index]));
    const enGold = alignment.en.paragraphs.map((p) => goldSpans(p, c.sentences.en[p.index]));
    const splitter: SentenceSplitter | undefined =
      setting.segmentation === 'gold' ? (p: Paragraph, lang: Lang) => (lang === 'ru' ? ruGold : enGold)[p.index] : undefined;
    const result = alignSentences(alignment, { splitter, cost: setting.cost });
    const links = mapLinks(result, ruGold, enGold);
    for (const [side, gold] of [['ru', ruGold], ['en', enGold]] as const) {
      const assigned = assignGold(result.sentences[side], gold);
      exact[side] += assigned.filter((list, k) => list.length === 1 && coversOnly(result.sentences[side][k], gold)).length;
      exact[side === 'ru' ? 'ruGold' : 'enGold'] += gold.flat().length;
    }
    const gold = goldSentenceLinks(c);
    const s = strictCounts(links, gold);
    const l = laxCounts(links, gold);
    strict = addCounts(strict, s);
    lax = addCounts(lax, l);
    strictMacro += prf(s).f1;
    laxMacro += prf(l).f1;
  }
  const scored = cases.length - skipped.length;
  return {
    strict,
    lax,
    strictMacroF1: strictMacro / Math.max(1, scored),
    laxMacroF1: laxMacro / Math.max(1, scored),
    skipped,
    segmentation: { ru: exact.ru / Math.max(1, exact.ruGold), en: exact.en / Math.max(1, exact.enGold) },
  };
}

/**
 * The case with one side's paragraphs run together into one block, joined by a space: its gold sentences all in
 * that one paragraph, its gold paragraph links one link of everything.
 */
export function collapsedCase(c: DevCase, side: Lang): DevCase {
  const block = c[side].trim().split(/\n[ \t]*\n\s*/).join(' ');
  return {
    ...c,
    [side]: `${block}\n`,
    links: side === 'ru' ? [[[0], range(c.paragraphs.en)]] : [[range(c.paragraphs.ru), [0]]],
    paragraphs: { ...c.paragraphs, [side]: 1 },
    sentences: { ...c.sentences, [side]: [c.sentences[side].flat()] },
  };
}

/** The case with one side's gold sentences one per paragraph (blank lines between them). */
export function sentenceLinesCase(c: DevCase, side: Lang): DevCase {
  const sentences = c.sentences[side].flat();
  return {
    ...c,
    [side]: `${sentences.map((sentence) => sentence.text).join('\n\n')}\n`,
    paragraphs: { ...c.paragraphs, [side]: sentences.length },
    sentences: { ...c.sentences, [side]: sentences.map((sentence) => [sentence]) },
  };
}

const range = (n: number): number[] => Array.from({ length: n }, (_, k) => k);

/** Whether a predicted sentence has the same span as a gold sentence of its paragraph. */
function coversOnly(sentence: { paragraph: number; cleanStart: number; cleanEnd: number }, gold: SentenceSpan[][]): boolean {
  return gold[sentence.paragraph].some((span) => span.start === sentence.cleanStart && span.end === sentence.cleanEnd);
}

const f = (x: number): string => x.toFixed(3);

/** The markdown table of every setting. */
export function sentenceTable(cases: DevCase[], cost?: Partial<SentenceCostModel>): string {
  const rows: string[] = [
    '| sentences | paragraph links | strict P / R / F1 (micro) | strict F1 (macro) | lax P / R / F1 (micro) | lax F1 (macro) | gold sentences cut exactly (ru / en) | gold links |',
    '|---|---|---|---|---|---|---|---|',
  ];
  const settings: Array<[string, string, SentenceTaskSetting]> = [
    ['given gold sentences', 'predicted', { segmentation: 'gold', paragraphs: 'predicted', cost }],
    ['own splitter', 'predicted', { segmentation: 'own', paragraphs: 'predicted', cost }],
    ['given gold sentences', 'gold', { segmentation: 'gold', paragraphs: 'gold', cost }],
    ['own splitter', 'gold', { segmentation: 'own', paragraphs: 'gold', cost }],
  ];
  const alignments = new Map<string, Alignment>();
  for (const [segmentation, paragraphs, setting] of settings) {
    const r = evaluateSentences(cases, setting, alignments);
    const s = prf(r.strict);
    const l = prf(r.lax);
    const skipped = r.skipped.length ? ` (${r.skipped.length} cases skipped)` : '';
    rows.push(
      `| ${segmentation} | ${paragraphs} | ${f(s.precision)} / ${f(s.recall)} / ${f(s.f1)} | ${f(r.strictMacroF1)} | ${f(l.precision)} / ${f(l.recall)} / ${f(l.f1)} | ${f(r.laxMacroF1)} | ${f(r.segmentation.ru)} / ${f(r.segmentation.en)} | ${r.strict.gold}${skipped} |`,
    );
  }
  return rows.join('\n');
}

/**
 * One side of a case re-cut by the built-in splitter (a sentence per paragraph, or into one block) and the pair
 * aligned; `toLines` maps paragraphs of the side to its lines. Undefined when the parser cuts the side otherwise than
 * the gold.
 */
function recutSide(c: DevCase, side: Lang, into: 'sentence lines' | 'one block'): { predicted: Alignment; toLines: (paragraphs: number[]) => number[] } | undefined {
  const doc = parseDocument(c[side], { lang: side });
  if (doc.paragraphs.length !== c.paragraphs[side]) return undefined;
  const lines = doc.paragraphs.map((p) => splitSentences(p.clean, side).map((sentence) => sentence.text));
  const first = lines.map((_, p) => lines.slice(0, p).reduce((total, list) => total + list.length, 0));
  const recut = into === 'one block' ? doc.paragraphs.map((p) => p.clean).join(' ') : lines.flat().join('\n\n');
  const predicted = alignDocuments(side === 'ru' ? recut : c.ru, side === 'en' ? recut : c.en, { langs: ['ru', 'en'] });
  return { predicted, toLines: (paragraphs) => paragraphs.flatMap((p) => lines[p].map((_, k) => first[p] + k)) };
}

/**
 * Paragraph links of a set without gold sentences (the real pairs), one side re-cut by the built-in splitter, a
 * sentence per paragraph or into one block: strict P / R / F1 of the two-sided links against the gold links, the
 * re-cut side's gold paragraphs replaced by their lines (or, for one block, every two-sided link one link with the
 * block). Pairs whose paragraphs the parser cuts otherwise than the gold are left out.
 */
export function recutParagraphScores(cases: DevCase[], side: Lang, into: 'sentence lines' | 'one block' = 'sentence lines'): { counts: Counts; pairs: number } {
  let counts = ZERO;
  let pairs = 0;
  for (const c of cases) {
    const cut = recutSide(c, side, into);
    if (!cut) continue;
    const { predicted, toLines } = cut;
    const twoSided = c.links.filter(([ru, en]) => ru.length > 0 && en.length > 0);
    const gold: IndexLink[] =
      into === 'one block'
        ? [side === 'ru' ? [[0], twoSided.flatMap(([, en]) => en)] : [twoSided.flatMap(([ru]) => ru), [0]]]
        : twoSided.map(([ru, en]) => (side === 'ru' ? [toLines(ru), en] : [ru, toLines(en)]));
    const links: IndexLink[] = predicted.links.filter((link) => link.ru.length > 0 && link.en.length > 0).map((link) => [link.ru, link.en]);
    counts = addCounts(counts, strictCounts(links, gold));
    pairs++;
  }
  return { counts, pairs };
}

/**
 * Paragraphs without counterpart with one side cut a sentence per paragraph: precision and recall against the gold
 * omissions, an omitted paragraph of the re-cut side standing for all its lines. Pairs whose paragraphs the parser
 * cuts otherwise than the gold are left out.
 */
export function recutOmissions(cases: DevCase[], side: Lang): { precision: number; recall: number; gold: number } {
  let [found, wrong, missed] = [0, 0, 0];
  const other: Lang = side === 'ru' ? 'en' : 'ru';
  for (const c of cases) {
    const cut = recutSide(c, side, 'sentence lines');
    if (!cut) continue;
    const { predicted, toLines } = cut;
    const gold = new Set([...toLines(c.omissions[side]).map((line) => `${side}${line}`), ...c.omissions[other].map((p) => `${other}${p}`)]);
    const reported = new Set(predicted.links.flatMap((link) => (link.en.length === 0 ? link.ru.map((p) => `ru${p}`) : link.ru.length === 0 ? link.en.map((p) => `en${p}`) : [])));
    for (const key of reported) if (gold.has(key)) found++;
    else wrong++;
    for (const key of gold) if (!reported.has(key)) missed++;
  }
  return { precision: found / Math.max(1, found + wrong), recall: found / Math.max(1, found + missed), gold: found + missed };
}

/** The re-cut table: each set with one side a sentence per paragraph, and one side run into one block. */
export function recutTable(sets: Array<{ name: string; cases: DevCase[]; sentences: boolean }>): string {
  const rows = [
    '| set | one side re-cut | scored | strict P / R / F1 | lax F1 | paragraphs without counterpart P / R (gold) |',
    '|---|---|---|---|---|---|',
  ];
  for (const { name, cases, sentences } of sets) {
    for (const side of ['en', 'ru'] as const) {
      const language = side === 'en' ? 'English' : 'Russian';
      for (const into of ['sentence lines', 'one block'] as const) {
        const how = `the ${language} ${into === 'one block' ? 'run into one block' : 'a sentence per paragraph'}`;
        const omissions = into === 'one block' ? undefined : recutOmissions(cases, side);
        const gaps = omissions ? `${f(omissions.precision)} / ${f(omissions.recall)} (${omissions.gold})` : '–';
        if (sentences) {
          const r = evaluateSentences(cases, { segmentation: 'gold', paragraphs: 'predicted', recut: { side, into } });
          const st = prf(r.strict);
          rows.push(`| ${name} | ${how} | sentence links (given gold sentences) | ${f(st.precision)} / ${f(st.recall)} / ${f(st.f1)} | ${f(prf(r.lax).f1)} | ${gaps} |`);
        } else {
          const r = recutParagraphScores(cases, side, into);
          const st = prf(r.counts);
          const scored = into === 'one block' ? 'paragraph links, the block one link with the other side' : "paragraph links, the re-cut side's gold as lines";
          rows.push(`| ${name} | ${how} | ${scored} (${r.pairs} pairs) | ${f(st.precision)} / ${f(st.recall)} / ${f(st.f1)} | – | ${gaps} |`);
        }
      }
    }
  }
  return rows.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const root = requireDevRoot();
  const costArg = process.argv.indexOf('--cost');
  const cost = costArg >= 0 ? (JSON.parse(process.argv[costArg + 1]) as Partial<SentenceCostModel>) : undefined;
  console.log(`sentence cost model: ${JSON.stringify({ ...DEFAULT_SENTENCE_COST_MODEL, ...cost })}`);
  console.log(sentenceTable(loadCases(root), cost));
  console.log();
  const roots = setRoots();
  console.log(recutTable((['dev', 'dev23', 'real'] as const).flatMap((name) => (roots[name] ? [{ name, cases: loadSet(name, roots[name]), sentences: name !== 'real' }] : []))));
}
