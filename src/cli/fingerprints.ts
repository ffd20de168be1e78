/**
 * Fingerprinting a collection for `pair`: every document read, parsed and reduced to the plain-data fingerprint
 * pairing needs, one at a time (so memory holds fingerprints, not texts), on several worker threads when the
 * collection is large enough for that to pay, with progress reported as it goes.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { isInputError } from '../errors.js';
import { fingerprintInput, isPairingError } from '../pair/pair.js';
import type { Fingerprint, PairingError, PairOptions } from '../pair/types.js';
import { machineWorkers } from './batch.js';
import { readCapped } from './read.js';

/** One document of the collection: a file to read, or a text already at hand (a JSONL record). */
export interface CollectionItem {
  id: string;
  path?: string;
  text?: string;
  lang?: 'ru' | 'en';
  date?: string;
}

/** Fingerprints of the readable documents and errors for the others. */
export interface FingerprintResult {
  fingerprints: Fingerprint[];
  errors: PairingError[];
}

/** Below this many documents a single thread is faster than starting workers. */
const WORKER_THRESHOLD = 1_000;

/** Options of {@link fingerprintCollection}. */
export interface FingerprintOptions {
  /** Called after each document (done, total). */
  onProgress?: (done: number, total: number) => void;
  /** Worker threads to use; 0 or 1 for none. @default the machine's parallelism for large collections, else 0 */
  workers?: number;
  /** The script the workers run (the built CLI); workers are used only when it is given. */
  workerScript?: URL;
}

/** Fingerprint every item, in worker threads when that pays. Output order follows input order. */
export async function fingerprintCollection(
  items: CollectionItem[],
  pairOptions: PairOptions,
  options: FingerprintOptions = {},
): Promise<FingerprintResult> {
  const workers = options.workers ?? (items.length >= WORKER_THRESHOLD ? machineWorkers() : 0);
  if (workers > 1 && options.workerScript) return inWorkers(items, pairOptions, workers, options.workerScript, options.onProgress);
  const result: FingerprintResult = { fingerprints: [], errors: [] };
  for (let k = 0; k < items.length; k++) {
    const outcome = await fingerprintItem(items[k], pairOptions);
    if (isPairingError(outcome)) result.errors.push(outcome);
    else result.fingerprints.push(outcome);
    options.onProgress?.(k + 1, items.length);
  }
  return result;
}

/** Read (when it is a file) and fingerprint one item; a file that cannot be read is an error, not a throw. */
async function fingerprintItem(item: CollectionItem, pairOptions: PairOptions): Promise<Fingerprint | PairingError> {
  let text: string | Uint8Array | undefined = item.text;
  if (text === undefined) {
    try {
      // Capped on the bytes read: a device or FIFO named on the command line reports size 0 to stat.
      text = await readCapped(item.path ?? item.id, pairOptions.maxInputSize);
    } catch (error) {
      if (isInputError(error)) return { id: item.id, code: error.code, message: error.message };
      return { id: item.id, code: 'unreadable', message: `cannot read ${item.path ?? item.id}: ${(error as Error).message}` };
    }
  }
  return fingerprintInput({ id: item.id, text, lang: item.lang, date: item.date }, pairOptions);
}

interface WorkerJob {
  kind: 'bitext-align:fingerprint';
  items: CollectionItem[];
  pairOptions: PairOptions;
}

type WorkerMessage = { progress: number } | { result: Array<Fingerprint | PairingError> };

async function inWorkers(
  items: CollectionItem[],
  pairOptions: PairOptions,
  workers: number,
  script: URL,
  onProgress: ((done: number, total: number) => void) | undefined,
): Promise<FingerprintResult> {
  // Round-robin shares keep each worker's share similar in size and order.
  const shares = Array.from({ length: workers }, (_, w) => items.filter((_, k) => k % workers === w));
  const done = new Array<number>(workers).fill(0);
  const outputs = await Promise.all(
    shares.map(
      (share, w) =>
        new Promise<Array<Fingerprint | PairingError>>((resolve, reject) => {
          const job: WorkerJob = { kind: 'bitext-align:fingerprint', items: share, pairOptions };
          const worker = new Worker(script, { workerData: job });
          worker.on('message', (message: WorkerMessage) => {
            if ('progress' in message) {
              done[w] = message.progress;
              onProgress?.(done.reduce((a, b) => a + b, 0), items.length);
            } else {
              resolve(message.result);
            }
          });
          worker.once('error', reject);
          worker.once('exit', (code) => code !== 0 && reject(new Error(`fingerprint worker stopped with code ${code}`)));
        }),
    ),
  );
  // Put results back in input order.
  const ordered: Array<Fingerprint | PairingError> = new Array(items.length);
  outputs.forEach((output, w) => output.forEach((outcome, k) => (ordered[k * workers + w] = outcome)));
  const result: FingerprintResult = { fingerprints: [], errors: [] };
  for (const outcome of ordered) {
    if (isPairingError(outcome)) result.errors.push(outcome);
    else result.fingerprints.push(outcome);
  }
  return result;
}

/**
 * When this module runs inside a worker started by {@link fingerprintCollection}, do the worker's share and
 * return true; otherwise return false at once.
 */
export async function runFingerprintWorker(): Promise<boolean> {
  const job = workerData as WorkerJob | undefined;
  if (isMainThread || job?.kind !== 'bitext-align:fingerprint') return false;
  const result: Array<Fingerprint | PairingError> = [];
  for (const item of job.items) {
    result.push(await fingerprintItem(item, job.pairOptions));
    if (result.length % 50 === 0) parentPort!.postMessage({ progress: result.length } satisfies WorkerMessage);
  }
  parentPort!.postMessage({ progress: result.length } satisfies WorkerMessage);
  parentPort!.postMessage({ result } satisfies WorkerMessage);
  return true;
}
