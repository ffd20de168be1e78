/**
 * The speed section of the benchmark: every figure a ratio or rate measured in the same run, on the machine
 * named at the top of the report.
 *
 * - parse + anchors against a floor the benchmark measures itself, passes of the two in alternation: read the same
 *   files, decode them, split words with a regular expression and lower-case them; and how much cheaper a document
 *   parsed twice in a row is the second time (what the cache is worth to the parse);
 * - batch alignment of the development cases through the built CLI (`align --pairs`), beside hunalign on the
 *   same paragraphs (./hunalign.ts: `HUNALIGN_BIN`, a process per case started from here and from one shell loop,
 *   else its WebAssembly build), in paragraphs per second without it; and longer lists of the same cases on one
 *   thread and on the threads `--pairs` takes by default (src/cli/batch.ts);
 * - one-shot CLI `align` of the seed pair: CPU time (all threads) and peak RSS read from the child process'
 *   own `process.resourceUsage()` at exit;
 * - peak memory per megabyte of input on a 5 MB pair, and the cost per megabyte as the pair grows;
 * - pairing synthetic collections on two worker threads (bench/pair-scale.ts), cost per document as the
 *   collection grows.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { BATCH_WORKER_THRESHOLD, batchWorkers } from '../src/cli/batch.js';
import { parseDocument } from '../src/index.js';
import type { HunalignRunner } from './hunalign.js';
import { median, pairedMs, rssMegabytes } from './measure.js';

/** What {@link speedSection} needs: the development set's root and whether to skip the largest sizes. */
export interface SpeedOptions {
  root: string;
  quick: boolean;
  /** hunalign to time the batch against (see ./hunalign.ts); without it the batch figure is paragraphs per second. */
  hunalign?: HunalignRunner;
}

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const PAIR_SCALE = fileURLToPath(new URL('./pair-scale.ts', import.meta.url));
const LIBRARY_CJS = fileURLToPath(new URL('../dist/index.cjs', import.meta.url));
const USAGE_HOOK = fileURLToPath(new URL('./usage-hook.cjs', import.meta.url));

/** Every Russian and English text file of the development sets found beside `root` (dev, dev23, real pairs, pairing docs). */
export function speedFiles(root: string): string[] {
  const files: string[] = [];
  for (const dir of [join(root, 'cases'), join(root, '../dev23/cases'), join(root, '../real/pairs')]) {
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      for (const side of ['ru.txt', 'en.txt']) if (existsSync(join(dir, name, side))) files.push(join(dir, name, side));
    }
  }
  const docs = join(root, 'pairing', 'docs');
  if (existsSync(docs)) for (const name of readdirSync(docs).sort()) files.push(join(docs, name));
  return files;
}

/** The floor: read, decode, split into words with one regular expression, lower-case every word. */
export function readAndTokenise(files: string[]): number {
  const decoder = new TextDecoder('utf-8');
  let words = 0;
  for (const file of files) {
    const text = decoder.decode(readFileSync(file));
    for (const match of text.matchAll(/[\p{L}\p{N}]+/gu)) {
      if (match[0].toLowerCase().length > 0) words++;
    }
  }
  return words;
}

/**
 * The built library (`npm run build`), what the CLI and users run. The source as this benchmark's TypeScript
 * loader runs it is 5–9 % slower to parse (it wraps every function it names in a helper).
 */
export function builtLibrary(): Pick<typeof import('../src/index.js'), 'parseDocument'> {
  return createRequire(import.meta.url)(LIBRARY_CJS) as typeof import('../src/index.js');
}

/** Read and parse every file as the CLI does (bytes in, language detected, anchors extracted), with `library`. */
export function readAndParse(files: string[], library: Pick<typeof import('../src/index.js'), 'parseDocument'> = builtLibrary()): number {
  let paragraphs = 0;
  for (const file of files) paragraphs += library.parseDocument(readFileSync(file)).paragraphs.length;
  return paragraphs;
}

/**
 * Wall ms of one pass of parseDocument over `files` in a fresh process, through the built library: every word
 * is new to the per-spelling caches and no code is optimised yet, as for a user's first documents. Median of 3.
 */
export function firstPassMs(files: string[], dir: string): number {
  const list = join(dir, 'parse-files.json');
  writeFileSync(list, JSON.stringify(files));
  const script = `const fs = require('fs'); const lib = require(${JSON.stringify(LIBRARY_CJS)});
const files = JSON.parse(fs.readFileSync(process.argv[1], 'utf8'));
const bytes = files.map((f) => fs.readFileSync(f));
const t = performance.now();
for (const b of bytes) lib.parseDocument(b);
process.stdout.write(String(performance.now() - t));`;
  const runs = Array.from({ length: 3 }, () => Number(execFileSync(process.execPath, ['-e', script, list], { encoding: 'utf8' })));
  return runs.sort((a, b) => a - b)[1];
}

/** CPU time (user + system, all threads, ms), wall time (ms) and peak RSS (MB) of one CLI run in a child process. */
export interface ChildUsage {
  cpuMs: number;
  wallMs: number;
  peakRssMb: number;
}

/**
 * Run the built CLI once in a fresh process, its standard output discarded; the child reports its own resource
 * usage at exit. The executable's code cache (src/cli/code-cache.ts) is kept in `dir`, not in the user's cache
 * folder: the first run in `dir` writes it, the later ones read it; `env` adds variables (NODE_DISABLE_COMPILE_CACHE).
 */
export function cliUsage(args: string[], dir: string, env: Record<string, string> = {}): ChildUsage {
  const report = join(dir, `usage-${process.pid}-${Math.random().toString(36).slice(2)}.json`);
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ['--require', USAGE_HOOK, CLI, ...args], {
    env: { ...process.env, XDG_CACHE_HOME: join(dir, 'cache'), BITEXT_USAGE_REPORT: report, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  if (run.status !== 0 && run.status !== 1) throw new Error(`bitext-align ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  const usage = JSON.parse(readFileSync(report, 'utf8')) as NodeJS.ResourceUsage & { peakKiB: number };
  rmSync(report);
  return { cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, wallMs, peakRssMb: rssMegabytes(usage.peakKiB) };
}

/** The median run (by CPU time) of `runs` fresh-process runs after one warm-up run (disk cache, code cache). */
function medianUsage(args: string[], dir: string, runs: number): ChildUsage {
  cliUsage(args, dir);
  const all = Array.from({ length: runs }, () => cliUsage(args, dir)).sort((a, b) => a.cpuMs - b.cpuMs);
  return all[Math.floor(all.length / 2)];
}

/**
 * The median runs (by CPU time) of `args` under each of `envs`, `runs` rounds of one run each in turn, after one
 * warm-up run of each.
 */
function alternatedUsage(args: string[], dir: string, runs: number, envs: Array<Record<string, string>>): ChildUsage[] {
  for (const env of envs) cliUsage(args, dir, env);
  const all = envs.map((): ChildUsage[] => []);
  for (let round = 0; round < runs; round++) envs.forEach((env, k) => all[k]!.push(cliUsage(args, dir, env)));
  return all.map((list) => list.sort((a, b) => a.cpuMs - b.cpuMs)[Math.floor(list.length / 2)]!);
}

/** Two texts of about `megabytes` MB together, made of development cases in turn, written into `dir`. */
function bigPair(cases: Array<{ ru: string; en: string }>, megabytes: number, dir: string): [string, string, number] {
  const ru: string[] = [];
  const en: string[] = [];
  let bytes = 0;
  for (let k = 0; bytes < megabytes * 1e6; k++) {
    const c = cases[k % cases.length];
    ru.push(c.ru.trim());
    en.push(c.en.trim());
    bytes += Buffer.byteLength(c.ru) + Buffer.byteLength(c.en);
  }
  const ruPath = join(dir, `big-${megabytes}.ru.txt`);
  const enPath = join(dir, `big-${megabytes}.en.txt`);
  writeFileSync(ruPath, ru.join('\n\n'));
  writeFileSync(enPath, en.join('\n\n'));
  return [ruPath, enPath, (Buffer.byteLength(ru.join('\n\n')) + Buffer.byteLength(en.join('\n\n'))) / 1e6];
}

/**
 * hunalign over the same cases (the library's paragraphs, one per line, no dictionary): wall ms of the whole run,
 * each case started as its own process or instance from here; of hunalign's alignment alone where the runner
 * tells it; and, for a native binary, of one shell loop over files written beforehand (the binary's own cost).
 * Each a median of three runs after one that warms up.
 */
async function hunalignMs(runner: HunalignRunner, cases: Array<{ ru: string; en: string }>): Promise<{ wallMs: number; runMs?: number; shellLoopMs?: number }> {
  const inputs = cases.map((c) => [
    parseDocument(c.ru, { lang: 'ru' }).paragraphs.map((p) => p.clean),
    parseDocument(c.en, { lang: 'en' }).paragraphs.map((p) => p.clean),
  ] as const);
  const runs: Array<{ wallMs: number; runMs?: number }> = [];
  for (let k = 0; k < 4; k++) {
    const before = runner.runMs;
    const started = performance.now();
    for (const [ru, en] of inputs) await runner.ladder(ru, en);
    const wallMs = performance.now() - started;
    if (k > 0) runs.push({ wallMs, runMs: before === undefined ? undefined : runner.runMs! - before }); // the first run warms up
  }
  const middle = runs.sort((a, b) => a.wallMs - b.wallMs)[1];
  if (runner.shellLoopMs === undefined) return middle;
  const loops = Array.from({ length: 4 }, () => runner.shellLoopMs!(inputs)).slice(1); // the first run warms up
  return { ...middle, shellLoopMs: median(loops) };
}

/** Passes run before the steady-state parse and floor are timed (see {@link speedSection}). */
const STEADY_WARMUP = 3;

const f1 = (x: number): string => x.toFixed(1);
const f2 = (x: number): string => x.toFixed(2);

/**
 * The speed section as Markdown lines. `cases` are the development cases (text of both sides);
 * the CLI must be built (`npm run build`).
 */
export async function speedSection(options: SpeedOptions, cases: Array<{ ru: string; en: string; paragraphs: { ru: number; en: number } }>): Promise<string[]> {
  const out: string[] = [];
  const say = (line = ''): void => {
    out.push(line);
  };
  const dir = mkdtempSync(join(tmpdir(), 'bitext-speed-'));
  try {
    // ---- parse + anchors against the floor ----
    const files = speedFiles(options.root);
    const megabytes = files.reduce((sum, file) => sum + readFileSync(file).length, 0) / 1e6;
    // Steady state: after three passes. V8 is still optimising the parser in the second and third (measured on
    // this machine: 800, 170, 137, then 122–132 ms a pass); the floor's one loop is optimised after the first.
    // The two are timed in alternation, so that the machine's load between them does not move their ratio.
    const library = builtLibrary();
    const steady = pairedMs(() => readAndTokenise(files), () => readAndParse(files, library), 7, STEADY_WARMUP);
    const floorMs = steady.aMs;
    const parseMs = steady.bMs;
    const firstRate = megabytes / (firstPassMs(files, dir) / 1000);
    const floorRate = megabytes / (floorMs / 1000);
    const parseRate = megabytes / (parseMs / 1000);
    // Where the parse's time goes: a document parsed again at once finds its words' records still in the cache.
    const twice = pairedMs(() => readAndParse([...files, ...files], library), () => readAndParse(files.flatMap((file) => [file, file]), library), 5, 1);
    const hotSaving = (2 * (twice.aMs - twice.bMs)) / twice.aMs;

    // ---- batch alignment through the CLI ----
    const list = join(dir, 'pairs.tsv');
    const batch = cases.map((c, k) => {
      const ru = join(dir, `${k}.ru.txt`);
      const en = join(dir, `${k}.en.txt`);
      writeFileSync(ru, c.ru);
      writeFileSync(en, c.en);
      return `${ru}\t${en}`;
    });
    writeFileSync(list, `${batch.join('\n')}\n`);
    const batchParagraphs = cases.reduce((sum, c) => sum + c.paragraphs.ru + c.paragraphs.en, 0);
    const batchRuns = Array.from({ length: 3 }, () => cliUsage(['align', '--pairs', list, '--json', '--no-progress'], dir)).sort((a, b) => a.wallMs - b.wallMs);
    const batchRun = batchRuns[1];
    const hun = options.hunalign ? await hunalignMs(options.hunalign, cases) : undefined;
    // The cases over and over: where the default threads of a long list pay, one run of each way.
    const longLists = (options.quick ? [5] : [5, 20, 40]).map((times) => {
      const longList = join(dir, `pairs-${times}.tsv`);
      writeFileSync(longList, `${Array.from({ length: times }, () => batch.join('\n')).join('\n')}\n`);
      const args = ['align', '--pairs', longList, '--json', '--no-progress'];
      const count = times * batch.length;
      return { count, threads: batchWorkers(count), one: cliUsage([...args, '--jobs', '1'], dir), auto: cliUsage(args, dir) };
    });

    // ---- one-shot CLI align of the seed pair ----
    const seeds = join(options.root, '../seeds');
    const seedPair = [join(seeds, '000_0de97bedda4ecb13.txt'), join(seeds, '002_6e70b530b08c33a1.txt')];
    const haveSeeds = seedPair.every((path) => existsSync(path));
    // With the executable's code cache (written by the warm-up run) and without it, in alternation: the machine's
    // load drifts over a run of the benchmark, and the two are compared.
    const [oneShot, noCodeCache] = haveSeeds
      ? alternatedUsage(['align', ...seedPair, '--json'], dir, 7, [{}, { NODE_DISABLE_COMPILE_CACHE: '1' }])
      : [undefined, undefined];
    const bare = medianUsage(['--version'], dir, 5);

    // ---- a growing pair: time and peak memory per MB ----
    const sizes = options.quick ? [0.5, 1, 2] : [0.5, 1, 2, 5];
    const grow = sizes.map((mb) => {
      const [ru, en, actual] = bigPair(cases, mb, dir);
      return { mb: actual, usage: cliUsage(['align', ru, en, '--json'], dir) };
    });
    const five = grow.find((row) => Math.round(row.mb) === 5);
    // The largest pair again with its English run into one block: aligned against the English sentences (paragraphing).
    const largest = sizes[sizes.length - 1];
    const [largestRu, largestEn] = [join(dir, `big-${largest}.ru.txt`), join(dir, `big-${largest}.en.txt`)];
    const blockEn = join(dir, `big-${largest}.en-block.txt`);
    writeFileSync(blockEn, readFileSync(largestEn, 'utf8').split('\n\n').join(' '));
    const block = { mb: grow[grow.length - 1].mb, usage: cliUsage(['align', largestRu, blockEn, '--json'], dir) };

    // ---- pairing on two worker threads ----
    const pairSizes = options.quick ? '1000,10000' : '1000,10000,50000';
    const pairOut = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', PAIR_SCALE, pairSizes, '--workers', '2'], {
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    });
    const pairRows = pairOut.trim().split('\n').filter((line) => line.startsWith('|'));
    const pairCells = pairRows.slice(2).map((row) => row.split('|').map((cell) => cell.trim()));
    const wallOf = (n: string): number | undefined => {
      const row = pairCells.find((cells) => cells[1].startsWith(`${n} ×`));
      return row ? Number(row[6].replace(' s', '')) : undefined;
    };
    const tenK = wallOf('10,000');

    say('## Speed (must-show figures)');
    say();
    say('Every figure below is from this run on the machine named at the top; rates are medians of repeated runs.');
    say();
    say('| figure | measured | target | ratio to target |');
    say('|---|---|---|---|');
    say(
      `| parse + anchors, steady state (built library: read, decode, detect, anchor; ${files.length} files, ${f2(megabytes)} MB; ${STEADY_WARMUP} passes each to warm up, then 7 rounds of one floor pass and one parse pass; rates from the medians, the ratio the median of the rounds' ratios) | ${f2(parseRate)} MB/s; the floor (read, decode, regex words, lower-case) ${f2(floorRate)} MB/s: **${f2(steady.ratio)}× the floor** | ≥ 10 MB/s, ≤ 3× the floor | ${f2(parseRate / 10)} of 10 MB/s; ${f2(3 / steady.ratio)} of 3× |`,
    );
    say(
      `| the same, first pass in a fresh process (built library; word caches empty, nothing optimised yet) | ${f2(firstRate)} MB/s | – (for comparison: the figure above is the steady state) | – |`,
    );
    say(
      `| the same, each document parsed twice in a row against the whole set twice over (5 rounds in alternation) | ${twice.bMs.toFixed(0)} ms against ${twice.aMs.toFixed(0)} ms: a document parsed again at once, its words' records still in the processor's cache, costs ${(hotSaving * 100).toFixed(0)} % less | – (where the parse's time goes) | – |`,
    );
    if (hun !== undefined) {
      const hunMs = hun.wallMs;
      const alone = hun.runMs === undefined ? '' : `; its alignment alone, without starting an instance, ${hun.runMs.toFixed(0)} ms, this batch ${f1(batchRun.wallMs / hun.runMs)}× that`;
      const loop = hun.shellLoopMs === undefined ? '' : `; started by one shell loop over files written beforehand, ${hun.shellLoopMs.toFixed(0)} ms, this batch ${f2(batchRun.wallMs / hun.shellLoopMs)}× that`;
      say(
        `| batch alignment of the ${cases.length} development cases (\`align --pairs\`, one process) | ${batchRun.wallMs.toFixed(0)} ms wall (${(batchParagraphs / (batchRun.wallMs / 1000)).toFixed(0)} paragraphs/s, ${batchParagraphs} paragraphs), ${batchRun.cpuMs.toFixed(0)} ms CPU (start-up included; one thread); hunalign on the same paragraphs ${hunMs.toFixed(0)} ms (${options.hunalign!.label}${alone}${loop}): **${f2(batchRun.wallMs / hunMs)}× hunalign** | ≤ 0.5× hunalign | ${f2(0.5 / (batchRun.wallMs / hunMs))} |`,
      );
    } else {
      say(
        `| batch alignment of the ${cases.length} development cases (\`align --pairs\`, one process; no hunalign found) | **${(batchParagraphs / (batchRun.wallMs / 1000)).toFixed(0)} paragraphs/s** (${batchParagraphs} paragraphs in ${batchRun.wallMs.toFixed(0)} ms wall, ${batchRun.cpuMs.toFixed(0)} ms CPU, one thread) | ≤ 0.5× hunalign (needs HUNALIGN_BIN or the devDependency) | – |`,
      );
    }
    say(
      `| pairing 10 000 × 10 000 synthetic documents, 2 worker threads | ${tenK === undefined ? 'not run' : `**${f1(tenK)} s wall**`} | ≤ 10 s | ${tenK === undefined ? '–' : f2(10 / tenK)} |`,
    );
    if (oneShot) {
      say(
        `| one-shot CLI \`align --json\` of the seed pair (9 KB), CPU of the whole process | **${(oneShot.cpuMs / 1000).toFixed(3)} s CPU** (${oneShot.wallMs.toFixed(0)} ms wall; the executable's code cache written by the run before; without it ${(noCodeCache!.cpuMs / 1000).toFixed(3)} s, the two in alternation, 7 runs each; \`--version\` alone ${(bare.cpuMs / 1000).toFixed(3)} s) | ≤ 0.25 s | ${f2(250 / oneShot.cpuMs)} |`,
      );
    }
    if (five) {
      say(
        `| peak memory aligning a ${f2(five.mb)} MB pair (CLI, \`--json\`) | **${f1(five.usage.peakRssMb / five.mb)} MB per MB** (${five.usage.peakRssMb.toFixed(0)} MB peak RSS; ${f1((five.usage.peakRssMb - bare.peakRssMb) / five.mb)} MB per MB above an idle process's ${bare.peakRssMb.toFixed(0)} MB) | ≤ 30 MB per MB | ${f2(30 / (five.usage.peakRssMb / five.mb))} |`,
      );
    }
    say();
    say(`Scaling by pairs: the ${cases.length} development cases over and over in one \`align --pairs --json\` list, on one thread (\`--jobs 1\`) and on the threads \`--pairs\` takes by default (the machine's cores from ${BATCH_WORKER_THRESHOLD} pairs on); one run each.`);
    say();
    say('| pairs | one thread: wall / CPU / peak RSS | default: threads, wall / CPU / peak RSS | default wall / one thread |');
    say('|---|---|---|---|');
    const usage = (u: ChildUsage): string => `${(u.wallMs / 1000).toFixed(2)} s / ${(u.cpuMs / 1000).toFixed(2)} s / ${u.peakRssMb.toFixed(0)} MB`;
    for (const row of longLists) {
      say(`| ${row.count} | ${usage(row.one)} | ${row.threads === 0 ? 'one thread' : `${row.threads} workers`}, ${usage(row.auto)} | ${f2(row.auto.wallMs / row.one.wallMs)} |`);
    }
    say();
    say(
      'Scaling by megabytes: one pair of growing size aligned by the CLI in a fresh process (`align A B --json`); the last row is the largest pair with its English paragraphs run into one block (aligned against the English sentences, with the `paragraphing` warning).',
    );
    say();
    say('| input | wall | CPU | CPU per MB | peak RSS | RSS per MB |');
    say('|---|---|---|---|---|---|');
    for (const [label, row] of [...grow.map((row) => [`${f2(row.mb)} MB`, row] as const), [`${f2(block.mb)} MB, the English one block`, block] as const]) {
      say(
        `| ${label} | ${row.usage.wallMs.toFixed(0)} ms | ${row.usage.cpuMs.toFixed(0)} ms | ${(row.usage.cpuMs / row.mb).toFixed(0)} ms | ${row.usage.peakRssMb.toFixed(0)} MB | ${f1(row.usage.peakRssMb / row.mb)} MB |`,
      );
    }
    say();
    say('Scaling by documents: pairing synthetic collections (bench/pair-scale.ts) with fingerprinting on 2 worker threads.');
    say();
    say(`${pairRows[0].replace(/ \|$/, '')} | µs per document (wall) |`);
    say(`${pairRows[1]}---|`);
    for (const cells of pairCells) {
      const n = Number(cells[1].split(' ')[0].replace(/,/g, ''));
      const wall = Number(cells[6].replace(' s', ''));
      say(`|${cells.slice(1, -1).map((c) => ` ${c} `).join('|')}| ${((wall * 1e6) / (2 * n)).toFixed(0)} |`);
    }
    say();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

// Run alone: `npm run build && npx tsx bench/speed.ts [--quick]`.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { requireDevRoot, loadCases } = await import('./dev.js');
  const { machine } = await import('./measure.js');
  const { loadHunalign } = await import('./hunalign.js');
  const root = requireDevRoot();
  console.log(`Run on ${machine()}.\n`);
  const hunalign = await loadHunalign();
  console.log((await speedSection({ root, quick: process.argv.includes('--quick'), hunalign }, loadCases(root))).join('\n'));
}
