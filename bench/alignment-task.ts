/**
 * The alignment task of the development benchmark: run an aligner over every case and score links, omissions
 * and number mismatches by the README's definitions.
 */
import type { DevCase } from './dev.js';
import {
  addCounts,
  laxCounts,
  mismatchCounts,
  omissionCounts,
  prf,
  shapeOf,
  strictCounts,
  unaligned,
  ZERO,
  type Counts,
  type IndexLink,
  type PredictedMismatch,
} from './score.js';

/** What an aligner under test returns for one case. */
export interface CasePrediction {
  links: IndexLink[];
  mismatches: PredictedMismatch[];
}

/** Scores of one aligner over all cases. */
export interface AlignmentReport {
  strict: Counts;
  lax: Counts;
  strictMacroF1: number;
  laxMacroF1: number;
  /** Gold link shape → strict and lax recall counts. */
  byShape: Record<string, { gold: number; strict: number; lax: number }>;
  omissions: { ru: Counts; en: Counts; all: Counts; falseAlarmCases: number; casesWithout: number };
  mismatches: { counts: Counts; falseAlarmCases: number; casesWithout: number };
  /** Case ids whose strict F1 is below 1, for error analysis. */
  imperfect: string[];
}

/** Score `predict` on `cases`. */
export function evaluateAlignment(cases: DevCase[], predict: (c: DevCase) => CasePrediction): AlignmentReport {
  let strict = ZERO;
  let lax = ZERO;
  let strictMacro = 0;
  let laxMacro = 0;
  const byShape: AlignmentReport['byShape'] = {};
  const omissions = { ru: ZERO, en: ZERO, all: ZERO, falseAlarmCases: 0, casesWithout: 0 };
  const mismatches = { counts: ZERO, falseAlarmCases: 0, casesWithout: 0 };
  const imperfect: string[] = [];

  for (const c of cases) {
    const prediction = predict(c);
    const s = strictCounts(prediction.links, c.links);
    const l = laxCounts(prediction.links, c.links);
    strict = addCounts(strict, s);
    lax = addCounts(lax, l);
    strictMacro += prf(s).f1;
    laxMacro += prf(l).f1;
    if (prf(s).f1 < 1 || s.gold === 0) imperfect.push(c.id);

    for (const link of c.links) {
      const shape = shapeOf(link);
      const entry = (byShape[shape] ??= { gold: 0, strict: 0, lax: 0 });
      entry.gold++;
      if (link[0].length === 0 || link[1].length === 0) {
        // One-sided gold links: "found" when the prediction leaves the paragraph unaligned too.
        const left = unaligned(prediction.links, c.paragraphs);
        const side = link[0].length ? left.ru.includes(link[0][0]) : left.en.includes(link[1][0]);
        if (side) {
          entry.strict++;
          entry.lax++;
        }
        continue;
      }
      if (strictCounts(prediction.links, [link]).found) entry.strict++;
      if (laxCounts(prediction.links, [link]).found) entry.lax++;
    }

    const predictedLeft = unaligned(prediction.links, c.paragraphs);
    const ru = omissionCounts(predictedLeft.ru, c.omissions.ru);
    const en = omissionCounts(predictedLeft.en, c.omissions.en);
    omissions.ru = addCounts(omissions.ru, ru);
    omissions.en = addCounts(omissions.en, en);
    omissions.all = addCounts(omissions.all, addCounts(ru, en));
    if (c.omissions.ru.length + c.omissions.en.length === 0) {
      omissions.casesWithout++;
      if (ru.predicted + en.predicted > 0) omissions.falseAlarmCases++;
    }

    mismatches.counts = addCounts(mismatches.counts, mismatchCounts(prediction.mismatches, c.mismatches));
    if (c.mismatches.length === 0) {
      mismatches.casesWithout++;
      if (prediction.mismatches.length > 0) mismatches.falseAlarmCases++;
    }
  }
  return {
    strict,
    lax,
    strictMacroF1: strictMacro / cases.length,
    laxMacroF1: laxMacro / cases.length,
    byShape,
    omissions,
    mismatches,
    imperfect,
  };
}

const f = (x: number): string => x.toFixed(3);

/** One markdown table row of the headline figures, in the development README's column order. */
export function headlineRow(name: string, report: AlignmentReport): string {
  const s = prf(report.strict);
  const l = prf(report.lax);
  const o = prf(report.omissions.all);
  const m = prf(report.mismatches.counts);
  return `| ${name} | ${f(s.precision)} / ${f(s.recall)} / ${f(s.f1)} | ${f(report.strictMacroF1)} | ${f(l.precision)} / ${f(l.recall)} / ${f(l.f1)} | ${f(report.laxMacroF1)} | ${f(o.precision)} / ${f(o.recall)} | ${f(m.precision)} / ${f(m.recall)} | ${report.omissions.falseAlarmCases} of ${report.omissions.casesWithout}; ${report.mismatches.falseAlarmCases} of ${report.mismatches.casesWithout} |`;
}

/** The header of {@link headlineRow}'s table. */
export const HEADLINE_HEADER = [
  '| aligner | strict P / R / F1 (micro) | strict F1 (macro) | lax P / R / F1 (micro) | lax F1 (macro) | omissions P / R | number-mismatch P / R | false-alarm cases (omission; number) |',
  '|---|---|---|---|---|---|---|---|',
].join('\n');
