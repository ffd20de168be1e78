/**
 * `align/check --pairs` on worker threads write what one thread writes, byte for byte and in list order. Worker
 * threads run the built program, so this file builds the CLI into a temporary folder first (tsup, no types).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'tsup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BATCH_WORKER_THRESHOLD, batchWorkers } from '../src/cli/batch.js';
import { ROOT, spawnCli } from './cli-harness.js';

const dir = mkdtempSync(join(tmpdir(), 'bitext-batch-'));
const cli = join(dir, 'cli.js');
const corpus = (name: string): string => join(ROOT, 'corpus', name);
const SEEDS = ['000_0de97bedda4ecb13.txt', '001_80e862e7debd282d.txt', '002_6e70b530b08c33a1.txt', '003_053d4edee1c29480.txt', '004_5e1003d8bba8c414.txt'];

/** Run the built program; resolves to its exit code and both streams. */
function runBuilt(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, ...argv], { encoding: 'utf8', maxBuffer: 1 << 26, env: { ...process.env, NO_COLOR: '1' } }, (error, stdout, stderr) => {
      const code = error ? Number((error as { code?: unknown }).code) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

beforeAll(async () => {
  await build({
    entry: { cli: join(ROOT, 'src/cli/bin.ts') },
    outDir: dir,
    format: ['esm'],
    platform: 'node',
    target: 'node20',
    noExternal: ['franc', 'trigram-utils', 'n-gram', 'collapse-white-space', 'iuliia', /^natural(\/|$)/],
    external: ['mammoth', 'unpdf'],
    config: false,
    silent: true,
  });
  // 31 cases: the Russian seed with each English one (either side first), a same-language pair, a missing file
  // and a line without a tab among them, so that outcomes of every kind come back from the threads out of order.
  const english = [SEEDS[0], SEEDS[1], SEEDS[3], SEEDS[4]];
  const lines: string[] = [];
  for (let k = 0; lines.length < 28; k++) {
    const pair = [corpus(SEEDS[2]), corpus(english[k % 4])];
    lines.push((k % 3 === 0 ? pair.reverse() : pair).join('\t'));
  }
  lines.splice(5, 0, `${corpus(SEEDS[0])}\t${corpus(SEEDS[1])}`);
  lines.splice(7, 0, `${corpus(SEEDS[2])}\t${join(dir, 'missing.txt')}`);
  lines.splice(19, 0, 'no tab on this line');
  writeFileSync(join(dir, 'pairs.tsv'), `${lines.join('\n')}\n`);
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('--pairs on worker threads', () => {
  for (const argv of [
    ['align', '--json'],
    ['align', '--format', 'tmx'],
    ['check', '--format', 'tsv'],
  ]) {
    it(`${argv.join(' ')}: --jobs 2 and --jobs 3 write what one thread writes`, async () => {
      const list = ['--pairs', join(dir, 'pairs.tsv'), '--no-progress'];
      // The TMX header's creation date is the time of the run.
      const undated = (run: Awaited<ReturnType<typeof runBuilt>>) => ({ ...run, stdout: run.stdout.replace(/creationdate="\d{8}T\d{6}Z"/, '') });
      const one = undated(await runBuilt([...argv, ...list, '--jobs', '1']));
      expect(one.code).toBe(3); // the same-language pair, the missing file and the bad line
      expect(one.stdout.length).toBeGreaterThan(20_000);
      for (const jobs of [['--jobs', '2'], ['--jobs', '3']]) {
        const many = undated(await runBuilt([...argv, ...list, ...jobs]));
        expect(many).toEqual(one);
      }
    }, 120_000);
  }
});

describe('--jobs', () => {
  it('takes a whole number from 1 to 64, with --pairs or pair only', async () => {
    const list = join(dir, 'pairs.tsv');
    for (const value of ['0', '65', '1.5', 'many']) {
      const run = await spawnCli(['align', '--pairs', list, '--jobs', value]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/--jobs takes a whole number of threads from 1 to 64/);
    }
    const two = await spawnCli(['align', corpus(SEEDS[0]), corpus(SEEDS[2]), '--jobs', '2']);
    expect(two.code).toBe(2);
    expect(two.stderr).toMatch(/--jobs applies to pair and to align --pairs only \(two texts are aligned on one thread\)/);
  }, 60_000);
});

describe('batchWorkers (threads of an --pairs run)', () => {
  it('takes --jobs when given: one thread for --jobs 1 or a single case, never more threads than cases', () => {
    expect(batchWorkers(10, 1, 8)).toBe(0);
    expect(batchWorkers(1, 4, 8)).toBe(0);
    expect(batchWorkers(10, 4, 8)).toBe(4);
    expect(batchWorkers(3, 4, 8)).toBe(3);
    expect(batchWorkers(BATCH_WORKER_THRESHOLD * 10, 1, 8)).toBe(0);
  });

  it('uses the machine\'s cores by default from the threshold on, and one thread below it or on one core', () => {
    expect(batchWorkers(BATCH_WORKER_THRESHOLD - 1, undefined, 8)).toBe(0);
    expect(batchWorkers(BATCH_WORKER_THRESHOLD, undefined, 8)).toBe(8);
    expect(batchWorkers(BATCH_WORKER_THRESHOLD, undefined, 2)).toBe(2);
    expect(batchWorkers(BATCH_WORKER_THRESHOLD * 10, undefined, 1)).toBe(0);
  });

  it('a list past the threshold, on the default threads, writes what --jobs 1 writes', async () => {
    // Mostly missing files (quick to report) with a real pair every few hundred lines.
    const lines = Array.from({ length: BATCH_WORKER_THRESHOLD }, (_, k) =>
      k % 400 === 0 ? `${corpus(SEEDS[2])}\t${corpus(SEEDS[0])}` : `${corpus(SEEDS[2])}\t${join(dir, `missing-${k}.txt`)}`);
    const list = join(dir, 'long.tsv');
    writeFileSync(list, `${lines.join('\n')}\n`);
    const argv = ['align', '--json', '--pairs', list, '--no-progress'];
    const one = await runBuilt([...argv, '--jobs', '1']);
    expect(one.code).toBe(3);
    expect(one.stdout.split('\n').filter(Boolean)).toHaveLength(BATCH_WORKER_THRESHOLD);
    expect(await runBuilt(argv)).toEqual(one);
  }, 120_000);
});
