/**
 * Fit the paragraph cost model on gold alignments: `npx tsx bench/fit-cost-model.ts [--write] [--loso]`.
 *
 * 1. Shape priors by maximum likelihood: −log P(shape) + log P(1-1) from the gold link shapes of the training
 *    sets (each set weighted equally, add-½ smoothing so that unseen shapes such as 1-5 keep a finite price).
 * 2. Every weight (length, shared anchors, identical strings, cross-boundary matches, one-sided figures, sentence
 *    difference, omission, and the shape costs, starting from the priors of step 1) by a discriminative fit: an
 *    averaged structured perceptron over the bead DP. For each training document the best path under the current
 *    weights is found; when it is not the gold path, the weights move by the difference of the two paths'
 *    feature sums, so the gold path gets cheaper and the wrong one dearer. Weights keep their sign (rewards
 *    stay rewards, penalties penalties); the rate decays as 1/√epoch, and each update pulls the weights back
 *    toward their starting point (a Gaussian prior centred on it), so that weights stay bounded where the gold is
 *    not reachable under the features. Each set counts equally, whatever its number of documents.
 * 3. The strength of per-document shape adaptation (one hard-EM step, CostModel.shapeAdaptation) and the
 *    absorb threshold (joining a paragraph left without counterpart to a neighbour that explains it) by a
 *    grid search on the training sets (strict F1 + omission F½, see postPassScore).
 *
 * `--loso` also reports leave-one-set-out figures (fit on two sets, score on the third), written to
 * bench/fit-report.md and included in bench/results.md. `--write` writes the
 * model fitted on all three sets to src/align/fitted-model.ts (the library's defaults).
 */
import { writeFileSync } from 'node:fs';
import { alignDocuments, findDiscrepancies, parseDocument } from '../src/index.js';
import { solveBeadsInBand } from '../src/align/dp.js';
import { BASE_FEATURES, BeadScorer, FEATURE, FEATURE_NAMES, modelShapes, modelWeights } from '../src/align/features.js';
import { beadShapes, DEFAULT_COST_MODEL } from '../src/align/model.js';
import type { CostModel, Document } from '../src/types.js';
import { evaluateAlignment, type AlignmentReport } from './alignment-task.js';
import { loadSet, setRoots, type DevCase, type SetName } from './dev.js';
import { prf, shapeOf } from './score.js';

/** Two-sided shapes the fitted model offers: up to 3-2 / 2-3 for merges, up to 1-6 / 6-1 for lists. */
export const FITTED_SHAPES = ['1-1', '2-1', '1-2', '2-2', '3-1', '1-3', '3-2', '2-3', '4-1', '1-4', '5-1', '1-5', '6-1', '1-6'];

interface Prepared {
  set: SetName;
  c: DevCase;
  ru: Document;
  en: Document;
}

/** Maximum-likelihood shape priors (nats over 1-1) and omission cost from the gold of `cases`, sets weighted equally. */
export function shapePriors(cases: Prepared[], offered: string[] = FITTED_SHAPES): { shapes: Record<string, number>; omission: number } {
  const perSet = new Map<SetName, number>();
  for (const p of cases) perSet.set(p.set, (perSet.get(p.set) ?? 0) + p.c.links.length);
  const counts = new Map<string, number>();
  for (const p of cases) {
    const weight = 1 / perSet.get(p.set)!;
    for (const link of p.c.links) {
      const shape = link[0].length === 0 || link[1].length === 0 ? 'omit' : shapeOf(link);
      counts.set(shape, (counts.get(shape) ?? 0) + weight);
    }
  }
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const smoothing = 0.5 / (cases.reduce((s, p) => s + p.c.links.length, 0) / perSet.size);
  const p = (shape: string): number => ((counts.get(shape) ?? 0) + smoothing) / (total + smoothing * (offered.length + 1));
  const shapes: Record<string, number> = {};
  for (const shape of offered) shapes[shape] = round(Math.log(p('1-1')) - Math.log(p(shape)));
  // An omission link holds one paragraph; its prior is per paragraph left out.
  return { shapes, omission: round(Math.log(p('1-1')) - Math.log(p('omit'))) };
}

const round = (x: number, digits = 3): number => Math.round(x * 10 ** digits) / 10 ** digits;

/** Sum of bead features along a path of (i, j, shape) steps. */
function pathFeatures(scorer: BeadScorer, steps: Array<{ i: number; j: number; shape: { ru: number; en: number } }>, size: number): Float64Array {
  const sum = new Float64Array(size);
  const f = new Float64Array(size);
  for (const step of steps) {
    scorer.features(step.i, step.j, step.shape, f);
    for (let k = 0; k < size; k++) sum[k] += f[k];
  }
  return sum;
}

/** The gold path as DP steps, or undefined when a gold link has a shape the model lacks. */
function goldSteps(c: DevCase, shapes: Set<string>): Array<{ i: number; j: number; shape: { ru: number; en: number } }> | undefined {
  const steps = [];
  let i = 0;
  let j = 0;
  for (const [r, e] of c.links) {
    if (r.length && e.length && !shapes.has(`${r.length}-${e.length}`)) return undefined;
    if (r.length && r[0] !== i) return undefined;
    if (e.length && e[0] !== j) return undefined;
    steps.push({ i, j, shape: { ru: r.length, en: e.length } });
    i += r.length;
    j += e.length;
  }
  return steps;
}

/** Sign constraints: index → 'pos' (≥ 0) or 'neg' (≤ 0). */
function constrain(w: Float64Array): void {
  w[FEATURE.length] = Math.max(0.05, w[FEATURE.length]);
  for (const k of [FEATURE.shared, FEATURE.identical, FEATURE.cross]) w[k] = Math.min(0, w[k]);
  for (const k of [FEATURE.figures, FEATURE.sentences, FEATURE.omission]) w[k] = Math.max(0, w[k]);
  for (let k = BASE_FEATURES; k < w.length; k++) w[k] = Math.max(0, w[k]);
}

/** A deterministic shuffle (mulberry32). */
function shuffled<T>(items: T[], seed: number): T[] {
  let a = seed >>> 0;
  const random = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let k = out.length - 1; k > 0; k--) {
    const r = Math.floor(random() * (k + 1));
    [out[k], out[r]] = [out[r], out[k]];
  }
  return out;
}

/** Options of {@link fitModel}. */
export interface FitOptions {
  epochs: number;
  rate: number;
  /** Two-sided shapes offered. @default FITTED_SHAPES */
  shapes?: string[];
  /** Use identical-string evidence. @default true */
  identical?: boolean;
  /** Credit merged beads only with what their best split explains (else cross matches count as shared). @default true */
  splitRule?: boolean;
  /** Fit the absorb threshold (else 0.45). @default true */
  absorb?: boolean;
  /**
   * Pull of each update toward the starting weights (a Gaussian prior centred on them), per unit of rate: keeps
   * weights bounded when the gold is not reachable under the features. @default 0 (DEFAULT_FIT: 1)
   */
  l2?: number;
  /** Fit the strength of per-document shape adaptation (else off). @default true */
  adapt?: boolean;
  /** Divide the rate by √(epoch + 1). @default false (DEFAULT_FIT: true) */
  decay?: boolean;
}

/** The fitting procedure of the library's defaults. */
export const DEFAULT_FIT: FitOptions = { epochs: 12, rate: 0.05, l2: 1, decay: true };

/** Fit a cost model on `train` (see the file comment). */
export function fitModel(train: Prepared[], options: FitOptions = DEFAULT_FIT): CostModel {
  const priors = shapePriors(train, options.shapes ?? FITTED_SHAPES);
  const start: CostModel = {
    ...DEFAULT_COST_MODEL,
    shapes: priors.shapes,
    omission: priors.omission,
    lengthWeight: 1,
    sharedReward: 1,
    identicalReward: options.identical === false ? 0 : 1,
    crossReward: options.splitRule === false ? 1 : 0.5,
    figurePenalty: 1,
    sentencePenalty: 1,
    absorbThreshold: undefined,
  };
  const shapes = modelShapes(start);
  const shapeSet = new Set(shapes.map((s) => s.name));
  const dpShapes = beadShapes(start);
  const w = modelWeights(start);
  const w0 = Float64Array.from(w);
  const size = w.length;
  const sum = new Float64Array(size);
  let steps = 0;
  const perSet = new Map<SetName, number>();
  for (const p of train) perSet.set(p.set, (perSet.get(p.set) ?? 0) + 1);
  const meanSet = train.length / perSet.size;
  const prepared = train
    .map((p) => ({ p, gold: goldSteps(p.c, shapeSet), scorer: new BeadScorer(p.ru.paragraphs, p.en.paragraphs, start, true) }))
    .filter((x) => x.gold !== undefined);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    let errors = 0;
    for (const { p, gold, scorer } of shuffled(prepared, epoch + 1)) {
      scorer.weights.set(w);
      const { path } = solveBeadsInBand({ n: p.ru.paragraphs.length, m: p.en.paragraphs.length, shapes: dpShapes, cost: (i, j, s) => scorer.cost(i, j, s) });
      const same = path.length === gold!.length && path.every((s, k) => s.i === gold![k].i && s.j === gold![k].j && s.shape.ru === gold![k].shape.ru && s.shape.en === gold![k].shape.en);
      if (!same) {
        errors++;
        const fg = pathFeatures(scorer, gold!, size);
        const fp = pathFeatures(scorer, path, size);
        if (options.splitRule === false) {
          // One weight for all shared matches: cross matches are shared matches.
          fg[FEATURE.shared] += fg[FEATURE.cross];
          fp[FEATURE.shared] += fp[FEATURE.cross];
          fg[FEATURE.cross] = fp[FEATURE.cross] = 0;
        }
        const rate = ((options.rate * meanSet) / perSet.get(p.set)!) / (options.decay ? Math.sqrt(epoch + 1) : 1);
        for (let k = 0; k < size; k++) w[k] -= rate * (fg[k] - fp[k]) + rate * (options.l2 ?? 0) * (w[k] - w0[k]);
        constrain(w);
        if (options.identical === false) w[FEATURE.identical] = 0;
        if (options.splitRule === false) w[FEATURE.cross] = w[FEATURE.shared];
      }
      for (let k = 0; k < size; k++) sum[k] += w[k];
      steps++;
    }
    if (process.env.FIT_VERBOSE) console.error(`epoch ${epoch + 1}: ${errors} of ${prepared.length} documents off the gold path`);
  }
  const avg = sum.map((x) => x / steps);
  const model: CostModel = {
    length: start.length,
    shapes: Object.fromEntries(shapes.map((s, k) => [s.name, round(avg[BASE_FEATURES + k])])),
    omission: round(avg[FEATURE.omission]),
    sharedReward: round(-avg[FEATURE.shared]),
    figurePenalty: round(avg[FEATURE.figures]),
    sentencePenalty: round(avg[FEATURE.sentences]),
    lengthWeight: round(avg[FEATURE.length]),
    identicalReward: round(-avg[FEATURE.identical]),
    crossReward: round(-avg[FEATURE.cross]),
  };
  model.shapes['1-1'] = 0;
  model.absorbThreshold = options.absorb === false ? 0.45 : fitAbsorbThreshold(train, model);
  model.shapeAdaptation = options.adapt === false ? Infinity : fitShapeAdaptation(train, model);
  return model;
}

/**
 * How a post-pass setting is judged on the training sets: strict F1 plus the omission F-score with β = ½, which
 * weighs precision four times as much as recall — a paragraph wrongly reported as having no counterpart is the
 * worst error for the tool's users (they act on it), a missed omission the lesser.
 */
function postPassScore(reports: Map<SetName, AlignmentReport>): number {
  return mean(
    [...reports.values()].map((r) => {
      const o = prf(r.omissions.all);
      const f05 = o.precision + o.recall ? (1.25 * o.precision * o.recall) / (0.25 * o.precision + o.recall) : 0;
      return prf(r.strict).f1 + f05;
    }),
  );
}

/** The absorb threshold with the best {@link postPassScore} on `train` (ties: the first, smallest, threshold). */
function fitAbsorbThreshold(train: Prepared[], model: CostModel): number {
  let best = { threshold: Infinity, f1: -1 };
  for (const threshold of [0.3, 0.45, 0.6, 0.8, 1, 1.25, 1.5, 2, 2.5, 3, 4, 5, Infinity]) {
    const f1 = postPassScore(scoreSets(train, { ...model, absorbThreshold: threshold }));
    if (f1 > best.f1 + 1e-9) best = { threshold, f1 };
  }
  return best.threshold;
}

/** The shape-adaptation strength with the best {@link postPassScore} on `train` (ties: less adaptation). */
function fitShapeAdaptation(train: Prepared[], model: CostModel): number {
  let best = { strength: Infinity, score: -1 };
  for (const strength of [Infinity, 100, 30, 10, 3]) {
    const score = postPassScore(scoreSets(train, { ...model, shapeAdaptation: strength }));
    if (score > best.score + 1e-9) best = { strength, score };
  }
  return best.strength;
}

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Score a model on prepared cases, per set, through the public API. */
export function scoreSets(cases: Prepared[], model: CostModel): Map<SetName, AlignmentReport> {
  const bySet = new Map<SetName, Prepared[]>();
  for (const p of cases) bySet.set(p.set, [...(bySet.get(p.set) ?? []), p]);
  const out = new Map<SetName, AlignmentReport>();
  for (const [set, list] of bySet) {
    const docs = new Map(list.map((p) => [p.c.id, p]));
    out.set(
      set,
      evaluateAlignment(
        list.map((p) => p.c),
        (c) => {
          const p = docs.get(c.id)!;
          const alignment = alignDocuments(p.ru, p.en, { cost: model });
          const mismatches = findDiscrepancies(alignment, { kinds: ['number-mismatch'] }).map((d) => ({ ru: d.ru, en: d.en }));
          return { links: alignment.links.map((link) => [link.ru, link.en]), mismatches };
        },
      ),
    );
  }
  return out;
}

/** Load and parse every available set (languages forced: dev23 has one case with Russian on both sides). */
export function prepareSets(): Prepared[] {
  const roots = setRoots();
  const out: Prepared[] = [];
  for (const [set, root] of Object.entries(roots) as Array<[SetName, string]>) {
    for (const c of loadSet(set, root)) out.push({ set, c, ru: parseDocument(c.ru, { lang: 'ru' }), en: parseDocument(c.en, { lang: 'en' }) });
  }
  return out;
}

const f3 = (x: number): string => x.toFixed(3);
const row = (name: string, r: AlignmentReport): string => {
  const s = prf(r.strict);
  const o = prf(r.omissions.all);
  return `| ${name} | ${f3(s.precision)} / ${f3(s.recall)} / ${f3(s.f1)} | ${f3(prf(r.lax).f1)} | ${f3(o.precision)} / ${f3(o.recall)} | ${r.omissions.all.predicted - r.omissions.all.truePositives} |`;
};

if (import.meta.url === `file://${process.argv[1]}`) {
  const all = prepareSets();
  const sets = [...new Set(all.map((p) => p.set))];
  const model = fitModel(all);
  console.log('Fitted on', sets.join(' + '));
  console.log(JSON.stringify(model, null, 1));
  console.log('\n| set (fit on all) | strict P / R / F1 | lax F1 | omissions P / R | false omissions |\n|---|---|---|---|---|');
  for (const [set, r] of scoreSets(all, model)) console.log(row(set, r));
  if (process.argv.includes('--loso')) {
    const report: string[] = [];
    const log = (line: string): void => {
      report.push(line);
      console.log(line);
    };
    log('| set (fit on all three) | strict P / R / F1 | lax F1 | omissions P / R | false omissions |\n|---|---|---|---|---|');
    for (const [set, r] of scoreSets(all, model)) log(row(set, r));
    log('\n| held-out set (fit on the other two) | strict P / R / F1 | lax F1 | omissions P / R | false omissions |\n|---|---|---|---|---|');
    const trainedModels: string[] = [];
    for (const held of sets) {
      const trained = fitModel(all.filter((p) => p.set !== held));
      trainedModels.push(`- fitted on ${sets.filter((s) => s !== held).join(' + ')}: \`${JSON.stringify({ ...trained, length: undefined }).replace(/"/g, '').replace(/null/g, 'Infinity')}\``);
      const r = scoreSets(all.filter((p) => p.set === held), trained).get(held)!;
      log(row(`${held} (fitted adaptation ${trained.shapeAdaptation}, absorb ${trained.absorbThreshold})`, r));
    }
    log('');
    for (const line of trainedModels) log(line);
    writeFileSync(new URL('./fit-report.md', import.meta.url), `${report.join('\n')}\n`);
    console.log('written to bench/fit-report.md');
  }
  if (process.argv.includes('--write')) {
    const target = new URL('../src/align/fitted-model.ts', import.meta.url);
    writeFileSync(
      target,
      `/**\n * The cost model fitted on the gold of dev, dev23 and real/pairs by bench/fit-cost-model.ts (generated: rerun\n * \`npx tsx bench/fit-cost-model.ts --write\` instead of editing).\n */\nimport type { CostModel } from '../types.js';\nimport { DEFAULT_LENGTH_MODEL } from './length.js';\n\n/** Fitted weights (nats; see CostModel and src/align/features.ts for the meaning of each). */\nexport const FITTED_COST_MODEL: CostModel = ${JSON.stringify({ ...model, length: 'LENGTH' }, null, 2).replace('"LENGTH"', 'DEFAULT_LENGTH_MODEL').replace(/null/g, 'Infinity')};\n`,
    );
    console.log('written to src/align/fitted-model.ts');
  }
  void FEATURE_NAMES;
}
