/**
 * Quick accuracy check of the aligner on the development cases (the full benchmark is bench/run.ts):
 * `npx tsx bench/eval-align.ts [--cost '{"omission":4}'] [--errors]`.
 */
import { alignDocuments, findDiscrepancies, parseDocument } from '../src/index.js';
import { evaluateAlignment, headlineRow, HEADLINE_HEADER } from './alignment-task.js';
import { requireDevRoot, loadCases } from './dev.js';
import { galeChurch } from './gale-church.js';

const root = requireDevRoot();
const args = process.argv.slice(2);
const costArg = args.indexOf('--cost');
const cost = costArg >= 0 ? JSON.parse(args[costArg + 1]) : undefined;
const cases = loadCases(root);

const ours = evaluateAlignment(cases, (c) => {
  const alignment = alignDocuments(c.ru, c.en, { cost });
  const mismatches = findDiscrepancies(alignment, { kinds: ['number-mismatch'] }).map((d) => ({ ru: d.ru, en: d.en }));
  return { links: alignment.links.map((link) => [link.ru, link.en]), mismatches };
});
const baseline = evaluateAlignment(cases, (c) => {
  const ru = parseDocument(c.ru, { lang: 'ru' }).paragraphs.map((p) => p.clean.length);
  const en = parseDocument(c.en, { lang: 'en' }).paragraphs.map((p) => p.clean.length);
  return { links: galeChurch(ru, en), mismatches: [] };
});
console.log(HEADLINE_HEADER);
console.log(headlineRow('Gale–Church', baseline));
console.log(headlineRow('bitext-align', ours));
console.log('by shape (strict/lax of gold):', Object.entries(ours.byShape).map(([k, v]) => `${k} ${v.strict}/${v.lax} of ${v.gold}`).join('; '));
if (args.includes('--errors')) console.log('imperfect:', ours.imperfect.join(' '));
