/**
 * The headline accuracy figures of each alignment set, through the public API: strict micro F1 of paragraph
 * links, precision/recall of paragraphs with no counterpart, and the recall of discrepancies injected on purpose
 * (bench/discrepancy-task.ts: names deleted; currencies, units and figures changed or swapped). Shared by the
 * accuracy gate (test/accuracy-gate.test.ts) and the script that records the figures it compares with
 * (`npx tsx bench/accuracy.ts --write` → bench/accuracy-baseline.json).
 *
 * Languages are forced to Russian / English: one dev23 case (infox.ru.36099) has Russian text on both sides,
 * which the library rightly refuses as same-language unless told; forced, it is scored like any other case.
 */
import { writeFileSync } from 'node:fs';
import { alignDocuments } from '../src/index.js';
import { evaluateAlignment } from './alignment-task.js';
import { evaluateSet } from './discrepancy-task.js';
import { loadSet, setRoots, type DevCase, type SetName } from './dev.js';
import { evaluateSentences, recutParagraphScores } from './sentence-task.js';
import { prf } from './score.js';

/** Figures of one set. */
export interface SetFigures {
  strictF1: number;
  omissionPrecision: number;
  omissionRecall: number;
  /** Names deleted from one version that the check reports. */
  nameRecall: number;
  /** Currencies, units and figures changed or swapped in the English that the check reports as a number-mismatch. */
  injectedFigureRecall: number;
  /**
   * The lowest strict F1 with one side re-cut (bench/sentence-task.ts): a sentence per paragraph or run into one
   * block, either side; sentence links where there are gold sentences, else paragraph links.
   */
  recutF1: number;
  cases: number;
}

/** Where the recorded figures live. */
export const BASELINE_FILE = new URL('./accuracy-baseline.json', import.meta.url);

/** Score every available set (see {@link setRoots}); sets not found are absent from the result. */
export function accuracyFigures(): Partial<Record<SetName, SetFigures>> {
  const out: Partial<Record<SetName, SetFigures>> = {};
  for (const [set, root] of Object.entries(setRoots()) as Array<[SetName, string]>) {
    const cases = loadSet(set, root);
    const report = evaluateAlignment(cases, (c) => ({
      links: alignDocuments(c.ru, c.en, { langs: ['ru', 'en'] }).links.map((link) => [link.ru, link.en]),
      mismatches: [],
    }));
    const omissions = prf(report.omissions.all);
    const injected = evaluateSet(set, cases);
    const names = injected.byKind['name-deleted'];
    out[set] = {
      strictF1: round(prf(report.strict).f1),
      omissionPrecision: round(omissions.precision),
      omissionRecall: round(omissions.recall),
      nameRecall: round(names.injected ? names.detected / names.injected : 1),
      injectedFigureRecall: round(injected.injectedNumbers.gold ? injected.injectedNumbers.found / injected.injectedNumbers.gold : 1),
      recutF1: round(recutF1(set, cases)),
      cases: cases.length,
    };
  }
  return out;
}

/** See {@link SetFigures.recutF1}. */
function recutF1(set: SetName, cases: DevCase[]): number {
  const scores = (['ru', 'en'] as const).flatMap((side) =>
    (['sentence lines', 'one block'] as const).map((into) =>
      set === 'real'
        ? prf(recutParagraphScores(cases, side, into).counts).f1
        : prf(evaluateSentences(cases, { segmentation: 'gold', paragraphs: 'predicted', recut: { side, into } }).strict).f1,
    ),
  );
  return Math.min(...scores);
}

const round = (x: number): number => Math.round(x * 10000) / 10000;

if (import.meta.url === `file://${process.argv[1]}`) {
  const figures = accuracyFigures();
  console.log(JSON.stringify(figures, null, 2));
  if (process.argv.includes('--write')) {
    if (Object.keys(figures).length < 3) {
      console.error('not all three sets were found; refusing to record partial figures');
      process.exit(2);
    }
    writeFileSync(BASELINE_FILE, `${JSON.stringify(figures, null, 2)}\n`);
    console.log('written to bench/accuracy-baseline.json');
  }
}
