/**
 * What each part of the cost model does on each set: `npx tsx bench/ablation.ts`. Each row is refitted
 * (bench/fit-cost-model.ts) on all three sets with the parts named, then scored on each set; the first row is
 * the hand-set model the fitted one replaced. Written to bench/ablation.md (included in bench/results.md).
 */
import { writeFileSync } from 'node:fs';
import type { CostModel } from '../src/types.js';
import { DEFAULT_LENGTH_MODEL } from '../src/align/length.js';
import { DEFAULT_COST_MODEL } from '../src/align/model.js';
import { DEFAULT_FIT, fitModel, prepareSets, scoreSets, FITTED_SHAPES, type FitOptions } from './fit-cost-model.js';
import { prf } from './score.js';

/** The hand-set model before fitting (shapes up to 3-2, hand-set weights). */
const HAND_SET: CostModel = {
  length: DEFAULT_LENGTH_MODEL,
  shapes: { '1-1': 0, '2-1': 2.2, '1-2': 2.2, '2-2': 4, '3-1': 5, '1-3': 5, '3-2': 6.5, '2-3': 6.5 },
  omission: 5,
  sharedReward: 1,
  figurePenalty: 1,
  absorbThreshold: 0.6,
  sentencePenalty: 1,
  lengthWeight: 1,
  identicalReward: 0,
  crossReward: 1,
  shapeAdaptation: Infinity,
};
const MERGES = FITTED_SHAPES.slice(0, 8);
const base: FitOptions = { ...DEFAULT_FIT, adapt: false };
const all = prepareSets();
const rows: Array<[string, CostModel]> = [
  ['hand-set model (before)', HAND_SET],
  ['fitted: old features only (shapes to 3-2)', fitModel(all, { ...base, shapes: MERGES, identical: false, splitRule: false })],
  ['+ split rule for merged beads', fitModel(all, { ...base, shapes: MERGES, identical: false })],
  ['+ identical strings', fitModel(all, { ...base, shapes: MERGES })],
  ['+ list beads to 1-6 / 6-1', fitModel(all, base)],
  ['+ shape adaptation (= default)', DEFAULT_COST_MODEL],
  ['default refitted without the split rule', fitModel(all, { ...DEFAULT_FIT, splitRule: false })],
  ['default refitted without identical strings', fitModel(all, { ...DEFAULT_FIT, identical: false })],
  ['default without shape adaptation', { ...DEFAULT_COST_MODEL, shapeAdaptation: Infinity }],
  ['default without absorb pass', { ...DEFAULT_COST_MODEL, absorbThreshold: Infinity }],
  ['default without sentence feature', { ...DEFAULT_COST_MODEL, sentencePenalty: 0 }],
  ['default with lengthWeight 1', { ...DEFAULT_COST_MODEL, lengthWeight: 1 }],
  ['default, list beads (4-1 … 6-1, 1-4 … 1-6) removed', { ...DEFAULT_COST_MODEL, shapes: Object.fromEntries(Object.entries(DEFAULT_COST_MODEL.shapes).filter(([name]) => MERGES.includes(name))) }],
];
const f3 = (x: number): string => x.toFixed(3);
const lines: string[] = [];
const console = { log: (line: string) => (lines.push(line), globalThis.console.log(line)), error: globalThis.console.error };
console.log('| model | dev strict F1 | dev omissions P / R | dev23 strict F1 | dev23 omissions P / R | real strict F1 | real omissions P / R (false) |');
console.log('|---|---|---|---|---|---|---|');
for (const [name, model] of rows) {
  if (process.env.ABLATION_VERBOSE) console.error(name, JSON.stringify({ ...model, length: undefined }));
  const r = scoreSets(all, model);
  const cell = (set: 'dev' | 'dev23' | 'real'): string => {
    const x = r.get(set)!;
    const o = prf(x.omissions.all);
    return `${f3(prf(x.strict).f1)} | ${f3(o.precision)} / ${f3(o.recall)}${set === 'real' ? ` (${x.omissions.all.predicted - x.omissions.all.truePositives})` : ''}`;
  };
  console.log(`| ${name} | ${cell('dev')} | ${cell('dev23')} | ${cell('real')} |`);
}
writeFileSync(new URL('./ablation.md', import.meta.url), `${lines.join('\n')}\n`);
globalThis.console.log('written to bench/ablation.md');
