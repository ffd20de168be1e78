/**
 * `align/check --pairs` on worker threads: the cases of a list are independent, so each idle worker is handed
 * the next one and the main thread writes the outcomes back in list order as they come (the output is the same
 * as on one thread, byte for byte). The workers run the built CLI itself (see main.ts).
 */
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { IssueRow } from '../export/index.js';

/** One case's outcome: what it wrote, in order, on which stream, and what the run totals. */
export interface BatchOutcome {
  output: Array<['stdout' | 'stderr', string]>;
  /** `check`: the issue rows reported (for the summary and `--write-ignore`). */
  rows: IssueRow[];
  /** A discrepancy of a `--fail-on` kind was found. */
  found: boolean;
  /** The case could not be aligned (its error is in `output`). */
  failed: boolean;
}

/** Worker threads a large job uses by default: the machine's cores, up to eight. */
export function machineWorkers(): number {
  return Math.min(availableParallelism(), 8);
}

/**
 * From this many cases on, `--pairs` runs on {@link machineWorkers} threads unless `--jobs` says otherwise. On the
 * 2-core development machine two workers (`--jobs 2`) made 580 development cases 14 % slower (2.47 → 2.82 s wall)
 * and 1 160 3 % slower (3.94 → 4.04 s); 2 320 and 4 640 ran 6–14 and 19–26 % faster in the last six runs of the
 * benchmark (bench/speed.ts, "Scaling by pairs"), and 2 400 published and news pairs of three sets 19 % (11.74 →
 * 9.53 s, before the search's lower bounds made one thread 11 % faster).
 * Below, one thread wins: it already keeps the second core busy with V8's compiler and collector, and each worker
 * compiles the program and fills its word tables again.
 */
export const BATCH_WORKER_THRESHOLD = 2_000;

/**
 * Worker threads for a list of `cases` (0 = none, the main thread aligns them): `jobs` (`--jobs`) when given;
 * else, on a machine of two cores or more, {@link machineWorkers} from {@link BATCH_WORKER_THRESHOLD} cases on.
 */
export function batchWorkers(cases: number, jobs?: number, cores = machineWorkers()): number {
  if (jobs !== undefined) return jobs > 1 && cases > 1 ? Math.min(jobs, cases) : 0;
  return cases >= BATCH_WORKER_THRESHOLD && cores > 1 ? cores : 0;
}

/** What a worker is started with: the job every case shares, tagged so that the program knows its role. */
export interface BatchWorkerData {
  kind: 'bitext-align:batch';
  job: unknown;
}

type ToWorker = { k: number; line: string };
type FromWorker = { k: number; outcome: BatchOutcome } | { k: number; error: string };

/**
 * Run every line of `lines` on `workers` threads started from `script` with `data`, and call `emit` for each
 * outcome in list order. Rejects when a case fails with an internal error (not an input error) or a worker dies.
 */
export async function casesInWorkers(
  script: URL,
  data: BatchWorkerData,
  lines: readonly string[],
  workers: number,
  emit: (k: number, outcome: BatchOutcome) => void,
): Promise<void> {
  const ready = new Map<number, BatchOutcome>();
  let next = 0; // next case to hand out
  let written = 0; // next case to write
  const threads: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      const handOut = (worker: Worker): void => {
        if (next < lines.length) {
          worker.postMessage({ k: next, line: lines[next] } satisfies ToWorker);
          next++;
        }
      };
      for (let w = 0; w < Math.min(workers, lines.length); w++) {
        const worker = new Worker(script, { workerData: data });
        threads.push(worker);
        worker.on('message', (message: FromWorker) => {
          if ('error' in message) {
            reject(new Error(`case ${message.k + 1} of the list: ${message.error}`));
            return;
          }
          ready.set(message.k, message.outcome);
          handOut(worker);
          for (let outcome = ready.get(written); outcome !== undefined; outcome = ready.get(written)) {
            ready.delete(written);
            emit(written, outcome);
            written++;
          }
          if (written === lines.length) resolve();
        });
        worker.once('error', reject);
        worker.once('exit', (code) => written < lines.length && reject(new Error(`a batch worker stopped with code ${code}`)));
        handOut(worker);
      }
    });
  } finally {
    await Promise.all(threads.map((worker) => worker.terminate()));
  }
}

/**
 * When this program runs as a worker started by {@link casesInWorkers}, answer each case the main thread sends
 * with `handle` and return true (the worker then lives until it is terminated); otherwise return false at once.
 */
export async function serveCases(handle: (job: unknown, k: number, line: string) => Promise<BatchOutcome>): Promise<boolean> {
  const data = workerData as BatchWorkerData | undefined;
  if (isMainThread || data?.kind !== 'bitext-align:batch') return false;
  parentPort!.on('message', (message: ToWorker) => {
    handle(data.job, message.k, message.line).then(
      (outcome) => parentPort!.postMessage({ k: message.k, outcome } satisfies FromWorker),
      (error: unknown) => parentPort!.postMessage({ k: message.k, error: (error as Error)?.stack ?? String(error) } satisfies FromWorker),
    );
  });
  return true;
}
