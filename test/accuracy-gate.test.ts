/**
 * Accuracy gate: the aligner and the check, through the public API, on the three development sets beside the
 * repository (../shared/dev, ../shared/dev23, ../shared/real/pairs, or $BITEXT_DEV / $BITEXT_DEV23 / $BITEXT_REAL).
 * Fails when strict F1, omission precision or recall, the recall of injected names or figures (see
 * bench/discrepancy-task.ts), or the strict F1 with one side re-cut (bench/sentence-task.ts) of any set drops
 * more than 0.005 below the figures recorded in bench/accuracy-baseline.json (rerecord with `npx tsx bench/accuracy.ts --write` after a change
 * that is meant to move them). Skipped, with a notice, when the sets are absent.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { accuracyFigures, BASELINE_FILE, type SetFigures } from '../bench/accuracy.js';
import { setRoots, type SetName } from '../bench/dev.js';

const TOLERANCE = 0.005;
const roots = setRoots();
const baseline = JSON.parse(readFileSync(BASELINE_FILE, 'utf8')) as Record<SetName, SetFigures>;
const missing = (['dev', 'dev23', 'real'] as const).filter((set) => !roots[set]);
if (missing.length) {
  console.warn(`accuracy gate: ${missing.join(', ')} not found beside the repository (../shared) nor through BITEXT_DEV / BITEXT_DEV23 / BITEXT_REAL; ${missing.length === 3 ? 'the gate is skipped' : 'those sets are skipped'}`);
}

describe.skipIf(missing.length === 3)('accuracy gate on the development sets', () => {
  const figures = accuracyFigures();
  for (const set of ['dev', 'dev23', 'real'] as const) {
    it.skipIf(!roots[set])(`${set}: strict F1, omission P/R, injected-discrepancy recall and re-cut F1 hold within ${TOLERANCE} of the recorded figures`, () => {
      const now = figures[set]!;
      const was = baseline[set];
      expect(now.cases, 'number of cases').toBe(was.cases);
      expect(now.strictF1, 'strict F1').toBeGreaterThanOrEqual(was.strictF1 - TOLERANCE);
      expect(now.omissionPrecision, 'omission precision').toBeGreaterThanOrEqual(was.omissionPrecision - TOLERANCE);
      expect(now.omissionRecall, 'omission recall').toBeGreaterThanOrEqual(was.omissionRecall - TOLERANCE);
      expect(now.nameRecall, 'recall of deleted names').toBeGreaterThanOrEqual(was.nameRecall - TOLERANCE);
      expect(now.injectedFigureRecall, 'recall of changed figures').toBeGreaterThanOrEqual(was.injectedFigureRecall - TOLERANCE);
      expect(now.recutF1, 'strict F1 with one side re-cut').toBeGreaterThanOrEqual(was.recutF1 - TOLERANCE);
    });
  }
});
