/**
 * The benchmark: accuracy and speed on the development set, bitext-align beside the Gale–Church baseline,
 * written to bench/results.md and printed. `npm run bench` (after `npm install`); BITEXT_DEV points at the
 * development set when it is not at ../shared/dev. `--quick` skips the largest scaling sizes.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { alignDocuments, findDiscrepancies, pairDocumentsSync, parseDocument } from '../src/index.js';
import { evaluateAlignment, headlineRow, HEADLINE_HEADER, type AlignmentReport } from './alignment-task.js';
import { requireDevRoot, loadCases, loadPairing, type DevCase } from './dev.js';
import { galeChurch } from './gale-church.js';
import { machine, medianMs, runWorker } from './measure.js';
import { evaluatePairing, pairingRow, PAIRING_HEADER } from './pairing-task.js';
import { prf } from './score.js';
import { sentenceTable } from './sentence-task.js';
import { speedSection } from './speed.js';

const quick = process.argv.includes('--quick');
const root = requireDevRoot();
const out: string[] = [];
const say = (text = ''): void => {
  out.push(text);
  console.log(text);
};
const f3 = (x: number): string => x.toFixed(3);

say('# bitext-align benchmark');
say();
say(`Run ${new Date().toISOString().slice(0, 10)} on ${machine()}.`);
say('Data: the development set (116 real Russian→English news translations, see its README); scoring by its definitions.');
say();

const cases = loadCases(root);

// ---- Accuracy -------------------------------------------------------------------------------------------
const ours = evaluateAlignment(cases, (c) => {
  const alignment = alignDocuments(c.ru, c.en);
  const mismatches = findDiscrepancies(alignment, { kinds: ['number-mismatch'] }).map((d) => ({ ru: d.ru, en: d.en }));
  return { links: alignment.links.map((link) => [link.ru, link.en]), mismatches };
});
const paragraphLengths = (c: DevCase) => ({
  ru: parseDocument(c.ru, { lang: 'ru' }).paragraphs.map((p) => p.clean.length),
  en: parseDocument(c.en, { lang: 'en' }).paragraphs.map((p) => p.clean.length),
});
const lengths = new Map(cases.map((c) => [c.id, paragraphLengths(c)]));
const baseline = evaluateAlignment(cases, (c) => {
  const { ru, en } = lengths.get(c.id)!;
  const links = galeChurch(ru, en);
  // The naive number check of the README, on the baseline's links: a mismatch when each side has a digit
  // figure whose value the other lacks.
  const ruDoc = parseDocument(c.ru, { lang: 'ru' });
  const enDoc = parseDocument(c.en, { lang: 'en' });
  const values = (doc: typeof ruDoc, indices: number[]) =>
    new Set(indices.flatMap((k) => doc.paragraphs[k].anchors.filter((a) => a.written === 'digits' && a.value !== undefined).map((a) => a.value)));
  const mismatches = links
    .filter(([r, e]) => {
      const rv = values(ruDoc, r);
      const ev = values(enDoc, e);
      return [...rv].some((v) => !ev.has(v)) && [...ev].some((v) => !rv.has(v));
    })
    .map(([r, e]) => ({ ru: r, en: e }));
  return { links, mismatches };
});

say('## Paragraph alignment, omissions, number changes');
say();
say(HEADLINE_HEADER);
say(headlineRow('Gale–Church (baseline)', baseline));
say(headlineRow('bitext-align', ours));
say();
say('Recall by gold link shape, strict / lax (one-sided shapes: the paragraph left unaligned):');
say();
say('| shape | gold | Gale–Church strict / lax | bitext-align strict / lax |');
say('|---|---|---|---|');
const shapes = Object.keys(ours.byShape).sort((a, b) => ours.byShape[b].gold - ours.byShape[a].gold);
for (const shape of shapes) {
  const o = ours.byShape[shape];
  const b = baseline.byShape[shape] ?? { strict: 0, lax: 0, gold: o.gold };
  say(`| ${shape} | ${o.gold} | ${f3(b.strict / b.gold)} / ${f3(b.lax / b.gold)} | ${f3(o.strict / o.gold)} / ${f3(o.lax / o.gold)} |`);
}
say();
const omissionRows = (name: string, r: AlignmentReport): string[] =>
  (['ru', 'en', 'all'] as const).map((side) => {
    const m = prf(r.omissions[side]);
    return `| ${name} | ${side === 'all' ? 'both' : side} | ${f3(m.precision)} | ${f3(m.recall)} | ${r.omissions[side].gold} |`;
  });
say('Omissions (paragraphs with no counterpart), per side:');
say();
say('| aligner | side | precision | recall | gold |');
say('|---|---|---|---|---|');
for (const row of [...omissionRows('Gale–Church', baseline), ...omissionRows('bitext-align', ours)]) say(row);
say();
say(
  `Number changes: bitext-align ${f3(prf(ours.mismatches.counts).precision)} precision, ${f3(prf(ours.mismatches.counts).recall)} recall on ${ours.mismatches.counts.gold} changed figures; false alarms in ${ours.mismatches.falseAlarmCases} of ${ours.mismatches.casesWithout} cases without a change (the naive check on Gale–Church links: ${f3(prf(baseline.mismatches.counts).precision)} / ${f3(prf(baseline.mismatches.counts).recall)}, ${baseline.mismatches.falseAlarmCases} of ${baseline.mismatches.casesWithout}).`,
);
say();

// ---- Sentences ------------------------------------------------------------------------------------------
say('## Sentence alignment inside paragraph links');
say();
say(sentenceTable(cases).trim());
say();

// ---- Pairing --------------------------------------------------------------------------------------------
const pairingTask = loadPairing(root);
const { readFileSync } = await import('node:fs');
const pairingDocs = pairingTask.files.map((path) => ({ id: path.split('/').pop()!, text: readFileSync(path, 'utf8') }));
let pairing = pairDocumentsSync(pairingDocs);
const pairingMs = medianMs(() => (pairing = pairDocumentsSync(pairingDocs)), 3, 1);
const pairingReport = evaluatePairing(pairing, {
  files: pairingDocs.map((doc) => doc.id),
  pairs: pairingTask.pairs,
  unpaired: pairingTask.unpaired,
  roles: pairingTask.roles,
});
say('## Document pairing');
say();
say(PAIRING_HEADER);
say('| number overlap (README baseline) | 0.953 / 0.818 / 0.880 | 0.456 / 0.897 | 0 | 3 |');
say(pairingRow('bitext-align', pairingReport));
say();

// ---- Speed ----------------------------------------------------------------------------------------------
const texts = cases.flatMap((c) => [c.ru, c.en]);
const megabytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0) / 1e6;
const parsed = cases.map((c) => [parseDocument(c.ru, { lang: 'ru' }), parseDocument(c.en, { lang: 'en' })] as const);
const paragraphs = parsed.reduce((sum, [ru, en]) => sum + ru.paragraphs.length + en.paragraphs.length, 0);
const parseMs = medianMs(() => texts.forEach((text) => parseDocument(text)), 5, 1);
const alignMs = medianMs(() => parsed.forEach(([ru, en]) => alignDocuments(ru, en)), 5, 1);
const baselineMs = medianMs(() => cases.forEach((c) => galeChurch(lengths.get(c.id)!.ru, lengths.get(c.id)!.en)), 5, 1);
const checkAlignments = parsed.map(([ru, en]) => alignDocuments(ru, en));
const checkMs = medianMs(() => checkAlignments.forEach((a) => findDiscrepancies(a)), 5, 1);

say('## Speed and memory');
say();
say('Median of 5 runs after a warm-up, in this process.');
say();
say('| what | bitext-align | Gale–Church baseline |');
say('|---|---|---|');
say(`| parse + anchor text | ${(megabytes / (parseMs / 1000)).toFixed(2)} MB/s (${megabytes.toFixed(2)} MB in ${parseMs.toFixed(0)} ms) | – |`);
say(
  `| align parsed documents | ${(paragraphs / (alignMs / 1000)).toFixed(0)} paragraphs/s (${paragraphs} paragraphs, 116 pairs, ${alignMs.toFixed(0)} ms) | ${(paragraphs / (baselineMs / 1000)).toFixed(0)} paragraphs/s (length only: ${(alignMs / baselineMs).toFixed(1)}× the speed of bitext-align) |`,
);
say(`| find discrepancies | ${(checkAlignments.length / (checkMs / 1000)).toFixed(0)} pairs/s | – |`);
say(`| pair the 227-document collection | ${(pairingDocs.length / (pairingMs / 1000)).toFixed(0)} documents/s (${pairingMs.toFixed(0)} ms, parsing included) | – |`);
say(`| peak RSS of this benchmark process | ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB | |`);
say();

// Batch alignment against one process per pair, through the built CLI.
const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'bitext-bench-'));
const batch = cases.slice(0, 20).map((c, k) => {
  const ru = join(dir, `${k}.ru.txt`);
  const en = join(dir, `${k}.en.txt`);
  writeFileSync(ru, c.ru);
  writeFileSync(en, c.en);
  return [ru, en];
});
const listFile = join(dir, 'pairs.tsv');
writeFileSync(listFile, batch.map((pair) => pair.join('\t')).join('\n'));
const batchParagraphs = cases.slice(0, 20).reduce((sum, c) => sum + c.paragraphs.ru + c.paragraphs.en, 0);
const perProcessMs = medianMs(() => batch.forEach(([ru, en]) => execFileSync(process.execPath, [cli, 'align', ru, en, '--json'])), 3, 1);
const batchMs = medianMs(() => execFileSync(process.execPath, [cli, 'align', '--pairs', listFile, '--json']), 3, 1);
say('Aligning 20 pairs through the CLI (median of 3 runs):');
say();
say('| how | time | per pair | paragraphs/s |');
say('|---|---|---|---|');
say(`| one process per pair (\`align A B --json\` × 20) | ${perProcessMs.toFixed(0)} ms | ${(perProcessMs / 20).toFixed(1)} ms | ${(batchParagraphs / (perProcessMs / 1000)).toFixed(0)} |`);
say(`| one process (\`align --pairs LIST --json\`) | ${batchMs.toFixed(0)} ms | ${(batchMs / 20).toFixed(1)} ms | ${(batchParagraphs / (batchMs / 1000)).toFixed(0)} |`);
say();

// ---- Scaling --------------------------------------------------------------------------------------------
say('## Scaling');
say();
say('Each size in a fresh process (peak RSS is that process’s own). Documents built by concatenating development cases.');
say();
say('| paragraphs per document | paragraphs aligned | time | µs per paragraph | peak RSS |');
say('|---|---|---|---|---|');
for (const size of quick ? [10, 100, 1000] : [10, 100, 1000, 10_000]) {
  const result = runWorker(['align', String(size)]);
  say(`| ${size} | ${result.paragraphs} | ${result.ms.toFixed(0)} ms | ${((result.ms * 1000) / result.paragraphs).toFixed(0)} | ${result.peakRssMb.toFixed(0)} MB |`);
}
say();

// Speed figures of the issue: floor ratio, batch alignment, one-shot CPU, memory per MB, scaling by MB and by
// documents (pairing on two worker threads).
for (const line of speedSection({ root, quick }, cases)) say(line);

writeFileSync(new URL('./results.md', import.meta.url), `${out.join('\n')}\n`);
console.log('\nwritten to bench/results.md');
