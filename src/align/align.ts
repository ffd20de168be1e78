/**
 * Paragraph alignment of a Russian and an English document: inputs resolved to one Document per language, the
 * bead DP run under the cost model, and the path turned into links with their evidence and confidence.
 */
import { checkDocument, isDocument, parseDocument } from '../document.js';
import { LANGUAGE_NAME, normalizeLang, otherLang } from '../text/language.js';
import { InputError, toSafeResult, type SafeResult } from '../errors.js';
import { documentSentences } from '../sentences/units.js';
import type { AlignOptions, Alignment, Anchor, AnchorMatch, CostModel, Document, Lang, Link, LinkEvidence, Paragraph, Warning } from '../types.js';
import { solveBeadsInBand, type PathStep } from './dp.js';
import { BASE_FEATURES, BeadScorer, FEATURE } from './features.js';
import { beadShapes, DEFAULT_COST_MODEL, type PricedShape as BeadShape } from './model.js';
import { coarserSide, coarseSplitter, joinCoarseParagraphs, paragraphingWarning } from './paragraphing.js';
import { relatednessWarnings } from './relatedness.js';

/** A document to align: raw text, bytes, or an already parsed Document. */
export type AlignInput = string | Uint8Array | Document;

/** Total-length ratio (English / Russian, after the model's ratio) outside which a warning is given. */
const SUSPICIOUS_LENGTH_RATIO = 2;

/**
 * Align the paragraphs of two versions of a text, one Russian and one English, given in either order.
 *
 * Every paragraph of both documents appears in exactly one link; links are in document order; a paragraph
 * with no counterpart is a link with an empty side. Texts cut in very different ways (a sentence per line against
 * paragraphs, or against one block) are aligned the finer side's paragraphs against the other side's sentences,
 * each of its paragraphs then one link with the paragraphs its sentences match (warning `paragraphing`).
 *
 * @throws {InputError} when an input cannot be read (see {@link parseDocument}), both are in the same language
 *   (`same-language`), or an option has a value it cannot take (`invalid-option`).
 */
export function alignDocuments(a: AlignInput, b: AlignInput, options: AlignOptions = {}): Alignment {
  checkAlignOptions(options);
  const { ru, en, warnings } = resolvePair(a, b, options);
  const model: CostModel = { ...DEFAULT_COST_MODEL, ...options.cost };
  const lengths = lengthWarnings(ru, en, model);
  const unrelated = relatednessWarnings(ru, en);
  // Paragraphing is worth mending only for texts that look like one another's translation.
  const coarse = lengths.length + unrelated.length === 0 ? coarserSide(ru, en) : undefined;
  const { links, limitedWidth } =
    coarse === undefined ? alignWithinBand(ru.paragraphs, en.paragraphs, model, options.band) : alignAgainstSentences(ru, en, coarse, model, options.band);
  warnings.push(...lengths, ...(coarse === undefined ? [] : [paragraphingWarning(ru, en, coarse)]), ...unrelated);
  if (limitedWidth !== undefined) {
    warnings.push({
      code: 'band-limit',
      message: `the texts drift more than ${limitedWidth} ${coarse === undefined ? 'paragraphs' : 'paragraphs and sentences'} apart and are too long to search more widely; links near there may be off (pass a larger \`band\` option to search further, at a cost in time and memory)`,
    });
  }
  return { ru, en, links, warnings };
}

/** {@link alignDocuments} without throwing: `{success: true, data}` or `{success: false, error}`. */
export function safeAlignDocuments(a: AlignInput, b: AlignInput, options: AlignOptions = {}): SafeResult<Alignment> {
  return toSafeResult(() => alignDocuments(a, b, options));
}

/** Align two paragraph sequences under a cost model. Pure; the core of {@link alignDocuments}. */
export function alignParagraphs(
  ruParagraphs: readonly Paragraph[],
  enParagraphs: readonly Paragraph[],
  model: CostModel = DEFAULT_COST_MODEL,
  band?: number,
): Link[] {
  return alignWithinBand(ruParagraphs, enParagraphs, model, band).links;
}

/** {@link alignParagraphs}, plus the band half-width when the search could not widen as far as it wanted. */
function alignWithinBand(
  ruParagraphs: readonly Paragraph[],
  enParagraphs: readonly Paragraph[],
  model: CostModel,
  band: number | undefined,
): { links: Link[]; limitedWidth?: number } {
  const { beads, limitedWidth } = alignBeads(ruParagraphs, enParagraphs, model, band);
  return { links: withEvidence(beads, ruParagraphs, enParagraphs), limitedWidth };
}

/**
 * The paragraphs of the side cut finely aligned with the sentences of the side cut `coarse`ly (see
 * paragraphing.ts), joined back into links of paragraphs.
 */
function alignAgainstSentences(ru: Document, en: Document, coarse: Lang, model: CostModel, band: number | undefined): { links: Link[]; limitedWidth?: number } {
  const [fineDoc, coarseDoc] = coarse === 'ru' ? [en, ru] : [ru, en];
  const toCoarse = coarse === 'en' ? model.length.ratio : 1 / model.length.ratio;
  const { units } = documentSentences(coarseDoc, coarseSplitter(fineDoc.paragraphs.map((p) => p.clean.length), toCoarse));
  const paragraphOf = units.flatMap((sentences, paragraph) => sentences.map(() => paragraph));
  const sentences = units.flat();
  const [ruUnits, enUnits] = coarse === 'ru' ? [sentences, en.paragraphs] : [ru.paragraphs, sentences];
  const { beads, limitedWidth } = alignBeads(ruUnits, enUnits, model, band);
  return { links: withEvidence(joinCoarseParagraphs(beads, paragraphOf, coarse), ru.paragraphs, en.paragraphs), limitedWidth };
}

/** Each bead with the {@link linkEvidence} of its paragraphs. */
function withEvidence(beads: readonly Bead[], ruParagraphs: readonly Paragraph[], enParagraphs: readonly Paragraph[]): Link[] {
  return beads.map((bead) => ({
    ...bead,
    evidence: linkEvidence(
      bead.ru.map((index) => ruParagraphs[index]),
      bead.en.map((index) => enParagraphs[index]),
    ),
  }));
}

/** The DP's path over two sequences of paragraph-shaped units, as beads (no evidence yet). */
function alignBeads(
  ruParagraphs: readonly Paragraph[],
  enParagraphs: readonly Paragraph[],
  model: CostModel,
  band: number | undefined,
): { beads: Bead[]; limitedWidth?: number } {
  const scorer = new BeadScorer(ruParagraphs, enParagraphs, model);
  const evidence = scorer.evidence;
  const shapes = beadShapes(model);
  const cost = (i: number, j: number, shape: BeadShape): number => scorer.cost(i, j, shape);
  const fixedCost = (shape: BeadShape): number | undefined => scorer.fixedCost(shape);
  const prepare = (columns: number): void => scorer.reserveBand(columns);
  const lowerBound = (i: number, j: number, shape: BeadShape, above?: number): number => scorer.lowerBound(i, j, shape, above);
  const problem = { n: ruParagraphs.length, m: enParagraphs.length, shapes, cost, fixedCost, prepare, lowerBound };
  const strength = model.shapeAdaptation;
  const reprice =
    strength !== undefined && Number.isFinite(strength)
      ? (first: readonly PathStep[]): Float64Array | undefined => (first.length > 1 ? shapeDeltas(scorer, shapes, adaptedWeights(scorer, first, strength)) : undefined)
      : undefined;
  const { path, width, limited } = solveBeadsInBand(problem, { band, reprice });
  let startMargin = Infinity;
  const beads = path.map((step) => {
    const margin = Math.min(startMargin, step.endMargin);
    startMargin = step.endMargin;
    return {
      ru: range(step.i, step.shape.ru),
      en: range(step.j, step.shape.en),
      score: round(margin === Infinity ? 1 : 1 - Math.exp(-Math.max(0, margin))),
    };
  });
  const paired = joinSentenceContinuations(pairCrossedOmissions(beads, scorer), ruParagraphs, enParagraphs);
  const absorbed = absorbCondensedOrphans(paired, (side, index, bead) => evidence.explained(side, index, bead) + (scorer.identical?.explained(side, index, bead) ?? 0), model.absorbThreshold);
  return limited ? { beads: absorbed, limitedWidth: width } : { beads: absorbed };
}

type Bead = Pick<Link, 'ru' | 'en' | 'score'>;

/** The change of each DP shape's cost (indexed as `shapes`) from the scorer's weights to `adapted`. */
function shapeDeltas(scorer: BeadScorer, shapes: readonly BeadShape[], adapted: Float64Array): Float64Array {
  return Float64Array.from(shapes, (shape) => {
    if (shape.ru === 0 || shape.en === 0) return adapted[FEATURE.omission] - scorer.weights[FEATURE.omission];
    const k = BASE_FEATURES + scorer.shapes.findIndex((s) => s.ru === shape.ru && s.en === shape.en);
    return adapted[k] - scorer.weights[k];
  });
}

/**
 * Documents differ in how often their paragraphs merge: published translations keep their paragraphs one to
 * one, re-cut texts merge and split them often. One step of hard EM adapts the shape costs to the document:
 * the shapes of the first path are counted, the model's shape probabilities (exp(−cost), 1-1 = 1) are mixed
 * with those counts under a Dirichlet prior worth `strength` beads, and each shape's cost moves by the log
 * ratio of the document's probability to the model's, relative to 1-1. Omissions count per paragraph.
 */
function adaptedWeights(scorer: BeadScorer, path: ReadonlyArray<{ shape: { ru: number; en: number } }>, strength: number): Float64Array {
  const w = Float64Array.from(scorer.weights);
  const names = ['1-1', ...scorer.shapes.map((shape) => shape.name).filter((name) => name !== '1-1'), 'omit'];
  const cost = (name: string): number =>
    name === '1-1' ? 0 : name === 'omit' ? w[FEATURE.omission] : w[BASE_FEATURES + scorer.shapes.findIndex((shape) => shape.name === name)];
  const prior = names.map((name) => Math.exp(-cost(name)));
  const total = prior.reduce((a, b) => a + b, 0);
  const counts = new Map<string, number>();
  for (const step of path) {
    const name = step.shape.ru === 0 || step.shape.en === 0 ? 'omit' : `${step.shape.ru}-${step.shape.en}`;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const beads = path.length;
  const posterior = names.map((name, k) => ((counts.get(name) ?? 0) + (strength * prior[k]) / total) / (beads + strength));
  const shift = (k: number): number => Math.log(prior[k] / total) - Math.log(posterior[k]);
  const one = shift(0);
  names.forEach((name, k) => {
    if (name === '1-1') return;
    const adapted = Math.max(0, cost(name) + shift(k) - one);
    if (name === 'omit') w[FEATURE.omission] = adapted;
    else w[BASE_FEATURES + scorer.shapes.findIndex((shape) => shape.name === name)] = adapted;
  });
  return w;
}

/**
 * A paragraph left without counterpart on each side, one after the other, whose pair the search would have
 * linked but for their figures: a translation whose figures differ ("DebConf 14" rendered "DebConf 44", a wrong
 * total in a headline). Each one-sided figure costs its rarity, so a short paragraph with two wrong figures
 * costs more as a pair than as two omissions. Linked, the checker reports the figures that differ, which is
 * what a reviewer needs; left apart, it reports two coverage gaps. They are linked when the pair shares an anchor
 * or a token and its cost without the figure term is below that of the two omissions.
 */
function pairCrossedOmissions(beads: Bead[], scorer: BeadScorer): Bead[] {
  const one = { ru: 1, en: 1 };
  const features = new Float64Array(scorer.weights.length);
  const omission = scorer.weights[FEATURE.omission];
  const out: Bead[] = [];
  for (let k = 0; k < beads.length; k++) {
    const a = beads[k];
    const b = beads[k + 1];
    // One paragraph without counterpart on each side, in either order.
    if (b === undefined || !singleOmission(a) || !singleOmission(b) || a.ru.length === b.ru.length) {
      out.push(a);
      continue;
    }
    const ru = a.ru[0] ?? b.ru[0]!;
    const en = a.en[0] ?? b.en[0]!;
    scorer.features(ru, en, one, features);
    const figures = scorer.weights[FEATURE.figures] * features[FEATURE.figures];
    const gain = 2 * omission - (scorer.cost(ru, en, one) - figures);
    if (features[FEATURE.figures] === 0 || features[FEATURE.shared] + features[FEATURE.identical] === 0 || gain <= 0) {
      out.push(a);
      continue;
    }
    out.push({ ru: [ru], en: [en], score: round(Math.min(a.score, b.score) * (1 - Math.exp(-gain))) });
    k++;
  }
  return out;
}

/** Most paragraphs one side of a bead takes by joining a sentence's continuation (the DP's 1-6 / 6-1). */
const MAX_CONTINUED = 6;

/**
 * A paragraph break inside a sentence does not separate two translation units: a list whose items continue the
 * sentence before them ("…акцент сделан на следующее:" / "оптимизации … соединений," / "многочисленные улучшения
 * логической репликации.") renders one paragraph of the other version, however short its items are. A one-sided
 * paragraph that starts in lower case after a paragraph of its side that ends on a colon, comma, semicolon or
 * dash is joined to the bead of that paragraph; so is one that ends so before a paragraph of its side starting in
 * lower case, to the bead of that one. A paragraph that starts a sentence, or follows a finished one, stays apart.
 */
function joinSentenceContinuations(beads: Bead[], ruParagraphs: readonly Paragraph[], enParagraphs: readonly Paragraph[]): Bead[] {
  const paragraphs = { ru: ruParagraphs, en: enParagraphs };
  const out = [...beads];
  for (let k = 0; k < out.length; k++) {
    const orphan = out[k];
    const side = orphan.ru.length === 1 && orphan.en.length === 0 ? 'ru' : orphan.en.length === 1 && orphan.ru.length === 0 ? 'en' : undefined;
    if (!side) continue;
    const index = orphan[side][0]!;
    const own = paragraphs[side];
    const joinable = (bead: Bead | undefined): bead is Bead =>
      bead !== undefined && bead.ru.length > 0 && bead.en.length > 0 && bead[side].length < MAX_CONTINUED;
    const before = out[k - 1];
    const after = out[k + 1];
    const at =
      joinable(before) && before[side].includes(index - 1) && startsInLowerCase(own[index]!.clean) && leadsOn(own[index - 1]!.clean)
        ? k - 1
        : joinable(after) && after[side].includes(index + 1) && leadsOn(own[index]!.clean) && startsInLowerCase(own[index + 1]!.clean)
          ? k + 1
          : undefined;
    if (at === undefined) continue;
    const neighbour = out[at]!;
    out.splice(Math.min(k, at), 2, {
      ru: [...neighbour.ru, ...orphan.ru].sort((a, b) => a - b),
      en: [...neighbour.en, ...orphan.en].sort((a, b) => a - b),
      score: Math.min(neighbour.score, orphan.score),
    });
    k = Math.min(k, at) - 1;
  }
  return out;
}

/** Does the text's first letter, after any bullets, dashes, quotes or brackets, come in lower case? */
function startsInLowerCase(text: string): boolean {
  const first = /^[\s\p{P}\p{S}]*(\p{L})/u.exec(text);
  return first !== null && first[1] !== first[1]!.toUpperCase() && first[1] === first[1]!.toLowerCase();
}

/**
 * Does the text end on a mark that leads on to more of its sentence: a colon, comma, semicolon or dash? (Not just
 * no full stop: table rows and headings end without one and start the next row or section.)
 */
function leadsOn(text: string): boolean {
  return /[:,;\u2013\u2014]\s*$/u.test(text);
}

/** A bead of one paragraph and no counterpart. */
const singleOmission = (bead: Bead): boolean => bead.ru.length + bead.en.length === 1;

/**
 * A condensed translation renders two paragraphs as one shorter paragraph, which the length model reads as a
 * paragraph without counterpart. A one-sided paragraph whose anchors and identical strings explain part of a
 * neighbouring bead's other side that the bead's own side does not ("culture", "humanitarian" in the English, found only in the orphan
 * Russian paragraph next to it) is joined to that bead. A true omission shares nothing specific with its
 * neighbours, so it stays.
 */
function absorbCondensedOrphans(
  beads: Bead[],
  explained: (side: 'ru' | 'en', index: number, bead: Bead) => number,
  threshold: number | undefined,
): Bead[] {
  if (threshold === undefined || !Number.isFinite(threshold)) return beads;
  const out = [...beads];
  for (let k = 0; k < out.length; k++) {
    const orphan = out[k];
    const side = orphan.ru.length > 0 && orphan.en.length === 0 ? 'ru' : orphan.en.length > 0 && orphan.ru.length === 0 ? 'en' : undefined;
    if (!side || orphan[side].length !== 1) continue;
    let best: { at: number; gain: number } | undefined;
    for (const at of [k - 1, k + 1]) {
      const neighbour = out[at];
      if (!neighbour || neighbour.ru.length === 0 || neighbour.en.length === 0) continue;
      const gain = explained(side, orphan[side][0], neighbour);
      if (gain >= threshold && (!best || gain > best.gain)) best = { at, gain };
    }
    if (!best) continue;
    const neighbour = out[best.at];
    const merged: Bead = {
      ru: [...neighbour.ru, ...orphan.ru].sort((a, b) => a - b),
      en: [...neighbour.en, ...orphan.en].sort((a, b) => a - b),
      score: round(Math.min(neighbour.score, orphan.score) * (1 - Math.exp(-best.gain))),
    };
    out.splice(Math.min(k, best.at), 2, merged);
    k = Math.min(k, best.at) - 1;
  }
  return out;
}

/**
 * Match the anchors of a group of Russian paragraphs with those of a group of English paragraphs by key, in
 * text order: each anchor is matched at most once.
 */
export function linkEvidence(ruParagraphs: readonly Paragraph[], enParagraphs: readonly Paragraph[]): LinkEvidence {
  const enByKey = new Map<string, Anchor[]>();
  for (const anchor of enParagraphs.flatMap((paragraph) => paragraph.anchors)) {
    const list = enByKey.get(anchor.key);
    if (list) list.push(anchor);
    else enByKey.set(anchor.key, [anchor]);
  }
  const shared: AnchorMatch[] = [];
  const ruOnly: Anchor[] = [];
  for (const anchor of ruParagraphs.flatMap((paragraph) => paragraph.anchors)) {
    const match = enByKey.get(anchor.key)?.shift();
    if (match) shared.push({ key: anchor.key, kind: anchor.kind, ru: anchor, en: match });
    else ruOnly.push(anchor);
  }
  const enOnly = [...enByKey.values()].flat().sort((x, y) => x.start - y.start);
  // Lists grown by push keep room for 16; copies hold exactly their anchors (22 000 lists in a 5 MB pair).
  return { shared: shared.slice(), ruOnly: ruOnly.slice(), enOnly };
}

/** Parse both inputs and put them in (Russian, English) order. */
function resolvePair(a: AlignInput, b: AlignInput, options: AlignOptions): { ru: Document; en: Document; warnings: Warning[] } {
  const warnings: Warning[] = [];
  const parse = (input: AlignInput, k: 0 | 1, lang?: Lang): Document =>
    isDocument(input)
      ? checkDocument(input, k === 0 ? 'first text' : 'second text')
      : parseDocument(input, {
          id: options.ids?.[k],
          lang: lang ?? options.langs?.[k],
          glossary: options.glossary,
          lexicon: options.lexicon,
          paragraphs: options.paragraphs,
          maxInputSize: options.maxInputSize,
          encoding: options.encoding,
        });
  const first = toSafeResult(() => parse(a, 0));
  const second = toSafeResult(() => parse(b, 1));
  let docA: Document;
  let docB: Document;
  if (first.success && second.success) {
    docA = first.data;
    docB = second.data;
  } else if (!first.success && first.error.code === 'undetected-language' && second.success) {
    // A text with no letters (figures only) takes the language the other one lacks.
    docB = second.data;
    docA = parse(a, 0, otherLang(docB.lang));
    warnings.push(guessedWarning(docA));
  } else if (!second.success && second.error.code === 'undetected-language' && first.success) {
    docA = first.data;
    docB = parse(b, 1, otherLang(docA.lang));
    warnings.push(guessedWarning(docB));
  } else {
    throw first.success ? named((second as { error: InputError }).error, 1) : named(first.error, 0);
  }
  if (docA.lang === docB.lang) {
    const name = LANGUAGE_NAME[docA.lang];
    throw new InputError(
      'same-language',
      `both texts are ${name}; give one Russian and one English text (or pass the \`langs\` option if detection is wrong)`,
    );
  }
  const [ru, en] = docA.lang === 'ru' ? [docA, docB] : [docB, docA];
  warnings.push(...ru.warnings.map((w) => side('Russian', w)), ...en.warnings.map((w) => side('English', w)));
  return { ru, en, warnings };
}

/** An error about an unnamed argument says which one it is ("second text: the text is empty …"). */
function named(error: InputError, k: 0 | 1): InputError {
  if (error.source !== undefined) return error;
  return new InputError(error.code, error.message, { source: k === 0 ? 'first text' : 'second text', cause: error.cause });
}

function lengthWarnings(ru: Document, en: Document, model: CostModel): Warning[] {
  const ruLength = ru.paragraphs.reduce((sum, p) => sum + p.clean.length, 0);
  const enLength = en.paragraphs.reduce((sum, p) => sum + p.clean.length, 0);
  const ratio = enLength / Math.max(1, ruLength * model.length.ratio);
  if (ratio > SUSPICIOUS_LENGTH_RATIO || ratio < 1 / SUSPICIOUS_LENGTH_RATIO) {
    return [
      {
        code: 'length-ratio',
        message: `the English text is ${ratio.toFixed(1)}× the length expected of a translation of the Russian: one version may be a summary or hold other material; expect many unmatched paragraphs`,
      },
    ];
  }
  return [];
}

/**
 * Refuse option values the DP cannot work with. A NaN cost or band makes every comparison false: the search
 * then finds no path (an internal error) or a meaningless one, instead of a typed error.
 *
 * @throws {InputError} `invalid-option`
 */
function checkAlignOptions(options: AlignOptions): void {
  const fail = (message: string): never => {
    throw new InputError('invalid-option', message);
  };
  const isNumber = (value: unknown): value is number => typeof value === 'number' && !Number.isNaN(value);
  if (options === null || typeof options !== 'object') fail('the options must be an object');
  // Infinity is a sensible band: as wide as the DP's cell budget allows.
  if (options.band !== undefined && !(isNumber(options.band) && options.band >= 1)) {
    fail(`\`band\` must be a positive number of paragraphs, at least 1 (Infinity: as wide as the cell budget allows), not ${String(options.band)}`);
  }
  if (options.langs !== undefined && !(Array.isArray(options.langs) && options.langs.length === 2)) fail('`langs` must be a pair: [language of a, language of b]');
  for (const lang of options.langs ?? []) {
    if (lang !== undefined && !normalizeLang(lang)) {
      fail(`\`lang\` must be "ru" or "en" (any case, a region such as "ru-RU" allowed), not ${typeof lang === 'string' ? JSON.stringify(lang.slice(0, 40)) : String(lang)} (in \`langs\`)`);
    }
  }
  if (options.ids !== undefined && !(Array.isArray(options.ids) && options.ids.length === 2)) fail('`ids` must be a pair: [id of a, id of b]');
  // Exports write ids into XML and HTML: a number there was a TypeError deep inside an escape function.
  for (const id of options.ids ?? []) if (id !== undefined && typeof id !== 'string') fail(`\`ids\` entries must be strings or undefined, not ${typeof id}`);
  const cost = options.cost;
  if (cost === undefined) return;
  if (cost === null || typeof cost !== 'object') fail('`cost` must be an object of cost-model overrides');
  for (const field of ['omission', 'sharedReward', 'figurePenalty', 'sentencePenalty', 'absorbThreshold', 'lengthWeight', 'identicalReward', 'crossReward', 'shapeAdaptation'] as const) {
    if (cost[field] !== undefined && !isNumber(cost[field])) fail(`\`cost.${field}\` must be a number, not ${String(cost[field])}`);
  }
  // Every number of the cost model, whatever its field (new fields included), must be finite and in a range
  // where sums of costs stay finite: 1e308 or -Infinity made every score NaN. `absorbThreshold` may be
  // Infinity (it turns absorption off), and so may `shapeAdaptation` (adaptation off), as documented.
  const checkNumbers = (value: unknown, path: string, depth: number): void => {
    if (typeof value === 'number') {
      const infinityAllowed = (path === 'cost.absorbThreshold' || path === 'cost.shapeAdaptation') && value === Infinity;
      // The documented fields are costs, rewards, thresholds and length parameters: none is negative.
      const low = NON_NEGATIVE_COSTS.some((field) => path === field || path.startsWith(`${field}.`)) ? 0 : -MAX_COST;
      if (!infinityAllowed && !(Number.isFinite(value) && value >= low && value <= MAX_COST)) {
        fail(`\`${path}\` must be a finite number from ${low.toLocaleString('en-US')} to ${MAX_COST.toLocaleString('en-US')}, not ${String(value)}`);
      }
    } else if (value !== null && typeof value === 'object' && depth < 3) {
      for (const [key, inner] of Object.entries(value)) checkNumbers(inner, `${path}.${key}`, depth + 1);
    }
  };
  checkNumbers(cost, 'cost', 0);
  if (cost.shapeAdaptation !== undefined && !(cost.shapeAdaptation > 0)) fail('`cost.shapeAdaptation` must be a positive number of beads (or Infinity to turn adaptation off)');
  if (cost.shapes !== undefined) {
    if (cost.shapes === null || typeof cost.shapes !== 'object') fail('`cost.shapes` must map "<ru>-<en>" shapes to costs');
    for (const [shape, value] of Object.entries(cost.shapes)) {
      if (!/^[1-9][0-9]?-[1-9][0-9]?$/.test(shape) || !isNumber(value)) {
        fail(`\`cost.shapes\` must map shapes such as "2-1" (both sides at least 1) to numbers; got "${shape}": ${String(value)}`);
      }
    }
  }
  if (cost.length !== undefined) {
    const length = cost.length;
    const positive = (value: unknown): boolean => isNumber(value) && value > 0 && Number.isFinite(value);
    if (length === null || typeof length !== 'object' || !positive(length.ratio) || !positive(length.variance)) {
      fail('`cost.length` must have a positive `ratio` and `variance`');
    }
    if (length.outlierShare !== undefined && !(isNumber(length.outlierShare) && length.outlierShare >= 0 && length.outlierShare < 1)) {
      fail('`cost.length.outlierShare` must be a number from 0 to 1 (exclusive)');
    }
    if (length.outlierScale !== undefined && !positive(length.outlierScale)) fail('`cost.length.outlierScale` must be a positive number');
  }
}

/** Largest magnitude of a cost-model number: sums over thousands of beads stay far from overflow. */
const MAX_COST = 1_000_000;
/** Cost-model fields that cannot be negative; any other number only has to be finite and within ±MAX_COST. */
const NON_NEGATIVE_COSTS = [
  'cost.omission',
  'cost.sharedReward',
  'cost.figurePenalty',
  'cost.sentencePenalty',
  'cost.absorbThreshold',
  'cost.lengthWeight',
  'cost.identicalReward',
  'cost.crossReward',
  'cost.shapeAdaptation',
  'cost.shapes',
  'cost.length',
];

const side = (name: string, warning: Warning): Warning => ({ code: warning.code, message: `${name} text: ${warning.message}` });
const guessedWarning = (doc: Document): Warning => ({
  code: 'language-assumed',
  message: `${doc.id ?? 'one text'} has no letters to tell its language; read as ${LANGUAGE_NAME[doc.lang]} since the other text is not`,
});

const range = (start: number, count: number): number[] => Array.from({ length: count }, (_, k) => start + k);
const round = (x: number): number => Math.round(x * 1000) / 1000;
