/**
 * Pairing at scale: synthetic collections of N Russian and N English documents built from the development
 * collection's gold pairs, each copy with its figures changed (one random permutation of the digits 1–9 applied
 * to both versions, so a copy pairs with its own translation rather than with the other copies of its source)
 * and, unless `--no-dates`, its own publication date spread over three years. Documents are generated lazily
 * and reduced to fingerprints one by one, so the texts are never all in memory. Prints the time of the two
 * phases (parse + fingerprint, then index + candidates + scoring + assignment), the peak RSS and the accuracy
 * against the known pairs:
 *
 * `node --expose-gc --import tsx bench/pair-scale.ts [1000,10000] [--no-dates] [--workers 2]`
 *
 * With `--workers N`, fingerprinting (the costly, embarrassingly parallel part: parsing and anchor extraction)
 * runs in N worker threads; fingerprints are plain data, so they cross threads (or a cache) as they are.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { fingerprintInput, isPairingError, pairDocumentsSync, pairFingerprints } from '../src/index.js';
import type { Fingerprint, Pairing, PairSource } from '../src/index.js';
import { requireDevRoot, loadPairing } from './dev.js';

interface Job {
  n: number;
  from: number;
  step: number;
  withDates: boolean;
}

const root = requireDevRoot();
const task = loadPairing(root);
const docsDir = join(root, 'pairing', 'docs');
const sources = task.pairs.map(([ru, en]) => ({
  ru: readFileSync(join(docsDir, ru), 'utf8'),
  en: readFileSync(join(docsDir, en), 'utf8'),
}));

/** Small seeded generator (mulberry32), so runs are reproducible. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The k-th synthetic pair: a source pair with its digits permuted, and a publication date. */
function synthetic(k: number, withDates: boolean): { ru: PairSource; en: PairSource } {
  const next = random(k * 7919 + 1);
  const source = sources[k % sources.length];
  const digits = [1, 2, 3, 4, 5, 6, 7, 8, 9];
  for (let i = digits.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [digits[i], digits[j]] = [digits[j], digits[i]];
  }
  const change = (text: string): string => text.replace(/[1-9]/g, (d) => String(digits[Number(d) - 1]));
  const day = new Date(Date.UTC(2019, 0, 1) + Math.floor(next() * 3 * 365) * 86_400_000).toISOString().slice(0, 10);
  const date = withDates ? day : undefined;
  const id = String(k).padStart(6, '0');
  return {
    ru: { id: `ru-${id}`, lang: 'ru', date, text: change(source.ru) },
    en: { id: `en-${id}`, lang: 'en', date, text: change(source.en) },
  };
}

/** Fingerprint documents k = from, from + step, … < n of both languages (a worker's share). */
function fingerprintShare(job: Job): Fingerprint[] {
  const out: Fingerprint[] = [];
  for (let k = job.from; k < job.n; k += job.step) {
    const pair = synthetic(k, job.withDates);
    for (const doc of [pair.ru, pair.en]) {
      const result = fingerprintInput(doc);
      if (!isPairingError(result)) out.push(result);
    }
  }
  return out;
}

if (!isMainThread) {
  parentPort!.postMessage(fingerprintShare(workerData as Job));
} else {
  const args = process.argv.slice(2);
  const sizes = (args.find((arg) => /^\d/.test(arg)) ?? '1000,10000').split(',').map(Number);
  const withDates = !args.includes('--no-dates');
  const workersArg = args.indexOf('--workers');
  const workers = workersArg >= 0 ? Number(args[workersArg + 1]) : 0;

  let peak = 0;
  const sample = (): void => {
    peak = Math.max(peak, process.memoryUsage().rss);
  };
  const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

  const inWorkers = (n: number): Promise<Fingerprint[]> =>
    Promise.all(
      Array.from(
        { length: workers },
        (_, w) =>
          new Promise<Fingerprint[]>((resolve, reject) => {
            // A worker does not inherit tsx's loader: register it, then load this file.
            const boot = `import('tsx/esm/api').then((api) => { api.register(); return import(${JSON.stringify(import.meta.url)}); })`;
            const worker = new Worker(boot, { eval: true, workerData: { n, from: w, step: workers, withDates } satisfies Job });
            worker.once('message', resolve);
            worker.once('error', reject);
          }),
      ),
    ).then((parts) => parts.flat());

  console.log(
    `| size (per language) | dates | workers | fingerprint | pair | total (wall) | CPU | peak RSS (sampled) | pairs | precision | recall |`,
  );
  console.log(`|---|---|---|---|---|---|---|---|---|---|---|`);
  for (const n of sizes) {
    (globalThis as { gc?: () => void }).gc?.();
    peak = 0;
    const timer = setInterval(sample, 100);
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    let fingerprinted = start;
    let pairing: Pairing;
    if (workers > 0) {
      const fingerprints = await inWorkers(n);
      fingerprinted = performance.now();
      sample();
      pairing = pairFingerprints(fingerprints);
    } else {
      // The public entry point over a lazy stream: the generator notes when the last document has been taken.
      const stream = function* (): Generator<PairSource> {
        for (let k = 0; k < n; k++) {
          if (k % 100 === 0) sample();
          const pair = synthetic(k, withDates);
          yield pair.ru;
          yield pair.en;
        }
        fingerprinted = performance.now();
        sample();
      };
      pairing = pairDocumentsSync(stream());
    }
    const end = performance.now();
    const cpu = process.cpuUsage(cpuStart);
    clearInterval(timer);
    sample();
    const correct = pairing.pairs.filter((pair) => pair.ru.slice(3) === pair.en.slice(3)).length;
    const s = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
    console.log(
      `| ${n.toLocaleString('en')} × ${n.toLocaleString('en')} | ${withDates ? '3-year spread' : 'none'} | ${workers || 'none'} | ${s(fingerprinted - start)} | ${s(end - fingerprinted)} | ${s(end - start)} | ${s((cpu.user + cpu.system) / 1000)} | ${mb(peak)} | ${pairing.pairs.length} | ${(correct / Math.max(1, pairing.pairs.length)).toFixed(3)} | ${(correct / n).toFixed(3)} |`,
    );
  }
}
