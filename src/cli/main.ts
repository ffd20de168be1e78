/**
 * The `bitext-align` executable's main module: wires {@link runCli} to the process. Started as a worker thread by
 * `pair`, it fingerprints its share of the collection instead (see fingerprints.ts); by `align/check --pairs`, it
 * aligns the cases it is sent (see batch.ts). Built as one script (dist/cli-main.cjs) that launch.ts compiles
 * with a code cache and then calls {@link main} on.
 */
import { setFlagsFromString } from 'node:v8';
import { isMainThread } from 'node:worker_threads';
import { InputError } from '../errors.js';
import { runFingerprintWorker } from './fingerprints.js';
import { runBatchWorker, runCli } from './run.js';
import { isSmallRun, MEMORY_FLAGS, usesMemoryFlags } from './tier.js';

/**
 * Most standard input read (a JSONL collection or a --pairs list): the longest string V8 builds is about 512 M
 * characters, so `pair - < /dev/zero` stops here with a typed error instead of running out of memory.
 */
const MAX_STDIN_BYTES = 500_000_000;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin) {
    total += (chunk as Buffer).length;
    if (total > MAX_STDIN_BYTES) {
      process.stdin.destroy();
      throw new InputError('too-large', `standard input is more than ${MAX_STDIN_BYTES.toLocaleString('en-US')} bytes; split it into several runs`);
    }
    chunks.push(chunk as Buffer);
  }
  // Strict, like files: a lenient decoder would turn cp1251 input into replacement characters without a word.
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch (cause) {
    throw new InputError('not-utf8', 'standard input is not valid UTF-8; convert it first (e.g. `iconv -f cp1251 -t utf-8`)', { cause });
  }
}

/** Run the command line of this process (or a worker's share of one) to its exit code. */
export async function main(): Promise<void> {
  // A reader that stops early (`| head`) closes the pipe: stop quietly, as Unix tools do.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });

  if (isMainThread) {
    // align / check: the young generation stays at its first size, and the old one grows by a fifth past what the
    // last full collection kept (see tier.ts). Both flags are read when V8 sizes its heap (at each scavenge, after
    // each full collection), unlike --max-semi-space-size, which only counts before V8 starts; workers share them.
    if (usesMemoryFlags(process.argv.slice(2))) for (const flag of MEMORY_FLAGS) setFlagsFromString(flag);
    // A one-shot run on two short texts: V8's optimising compiler would cost more than it saves (see tier.ts).
    if (isSmallRun(process.argv.slice(2))) setFlagsFromString('--no-opt');
  }

  if (!(await runFingerprintWorker()) && !(await runBatchWorker())) {
    const code = await runCli(process.argv.slice(2), {
      stdout: (text) => void process.stdout.write(text),
      stderr: (text) => void process.stderr.write(text),
      readStdin,
      columns: process.stdout.isTTY ? process.stdout.columns : undefined,
      stdoutIsTTY: Boolean(process.stdout.isTTY),
      stderrIsTTY: Boolean(process.stderr.isTTY),
      env: process.env,
    });
    // Let stdout drain before the process exits, so piped output is never cut short.
    process.exitCode = code;
  }
}
