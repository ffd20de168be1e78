/**
 * The command-line program: reads files, runs the library, writes results, maps errors to exit codes.
 * The only module that knows about files, streams and processes (through the {@link CliIO} it is given,
 * so tests can run it in-process).
 */
import { closeSync, existsSync, openSync, statSync, writeSync } from 'node:fs';
import { open, writeFile, type FileHandle } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { alignDocuments } from '../align/align.js';
import { findDiscrepancies } from '../check/discrepancies.js';
import { InputError, isInputError } from '../errors.js';
import {
  exportAlignment,
  exportAlignmentChunks,
  exportJsonReport,
  formatIgnoreFile,
  issuesToDelimited,
  issuesToJsonl,
  jsonlLines,
  mosesLines,
  parseIgnoreFile,
  tmxClose,
  tmxOpen,
  tmxUnits,
  tsvLines,
  xliffClose,
  xliffFile,
  xliffOpen,
  type ExportFormat,
  type IssueRow,
  type TmxOptions,
  type XliffOptions,
} from '../export/index.js';
import { alignSentences } from '../sentences/align.js';
import type { SentenceAlignment } from '../sentences/types.js';
import { pairDocumentsSync, pairFingerprints } from '../pair/index.js';
import type { AlignOptions, Alignment, Discrepancy, GlossaryEntry } from '../types.js';
import { VERSION } from '../version.js';
import { COMMAND_HELP, MAIN_HELP, parseCommandLine, UsageError, type CommonOptions } from './args.js';
import { formatCheckText, issueSummary, selectIssues } from './check-report.js';
import { documentKind, extractDocumentText } from './documents.js';
import { batchWorkers, casesInWorkers, serveCases, type BatchOutcome } from './batch.js';
import { fingerprintCollection } from './fingerprints.js';
import { cliLine, escapeControls, FLAGS, PAIR_FLAGS, withCliFlags } from './messages.js';
import { collectItems, readCapped, readTextFile, releaseInput, type SkippedPath, type WalkNote } from './read.js';
import { createProgress } from './progress.js';

/** Where the program reads and writes. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  readStdin(): Promise<string>;
  /** Terminal width of stdout, when it is a terminal. */
  columns?: number;
  /** Whether stdout is a terminal (colour only then, unless forced). */
  stdoutIsTTY?: boolean;
  /** Whether stderr is a terminal (progress bars only then). */
  stderrIsTTY?: boolean;
  /** Environment variables read: NO_COLOR, FORCE_COLOR, TERM. @default none */
  env?: Record<string, string | undefined>;
}

/**
 * The script worker threads run: the built executable (it does a worker's share when started as one). From the
 * published bundle (dist/cli-main.cjs) that is the executable beside it, dist/cli.js; from a single-file ES
 * module build, the file itself. Running from source (tests), there is no built script and the work stays on one
 * thread.
 */
const WORKER_SCRIPT = import.meta.url.endsWith('.cjs')
  ? new URL('./cli.js', import.meta.url)
  : import.meta.url.endsWith('.js') ? new URL(import.meta.url) : undefined;

/** Exit codes, as documented in `--help` and the README. */
export const EXIT = { ok: 0, discrepancies: 1, usage: 2, input: 3 } as const;

/** The bundled sample documents: `corpus/` at the package root (above `dist/cli.js`, or `src/cli/` from source). */
export const CORPUS_DIR = ['../corpus/', '../../corpus/']
  .map((relativePath) => fileURLToPath(new URL(relativePath, import.meta.url)))
  .find((dir) => existsSync(dir)) ?? fileURLToPath(new URL('../corpus/', import.meta.url));

/** Run the program on `argv` (without node and script path); resolves to the exit code. Never throws. */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  let output: { io: CliIO; close(): void } | undefined;
  try {
    const command = parseCommandLine(argv);
    switch (command.name) {
      case 'help':
        io.stdout(`${command.topic ? (COMMAND_HELP[command.topic] ?? MAIN_HELP) : MAIN_HELP}\n`);
        return EXIT.ok;
      case 'version':
        io.stdout(`${VERSION}\n`);
        return EXIT.ok;
    }
    if (command.options.output && 'inputs' in command) {
      const target = resolve(command.options.output);
      const clash = [...command.inputs, ('pairs' in command && command.pairs) || ''].find((input) => input && input !== '-' && resolve(input) === target);
      if (clash) throw new UsageError(`--output ${command.options.output} is also an input; writing it would destroy it before it is read`);
    }
    output = redirect(io, command.options);
    const out = output.io;
    switch (command.name) {
      case 'demo':
        return await runDemo(command.options, out);
      case 'align':
      case 'check':
        if (command.pairs !== undefined) return await runPairsList(command.name, command.pairs, command.options, out);
        return await runPair(command.name, command.inputs, command.options, out);
      case 'pair':
        return await runPairing(command.inputs, command.options, out);
    }
    return EXIT.ok;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(cliLine(error.message));
      return EXIT.usage;
    }
    if (isInputError(error)) {
      io.stderr(cliLine(error.message));
      return EXIT.input;
    }
    io.stderr(`bitext-align: internal error: ${(error as Error)?.stack ?? String(error)}\nPlease report this with the input that caused it.\n`);
    return 70;
  } finally {
    output?.close();
  }
}

/**
 * The IO the commands write to: stdout into `--output FILE` when given (written as it comes, so long runs
 * stream), and with `--quiet` no warnings on stderr (lines starting `bitext-align: warning:` and the summary
 * lines a command writes there); errors pass.
 */
function redirect(io: CliIO, options: CommonOptions): { io: CliIO; close(): void } {
  const stderr = options.quiet ? (text: string) => void (/^bitext-align: (warning|note):/.test(text) ? undefined : io.stderr(text)) : io.stderr;
  if (!options.output) return { io: { ...io, stderr }, close: () => {} };
  let fd: number;
  try {
    fd = openSync(options.output, 'w');
  } catch (cause) {
    throw new InputError('invalid-option', `cannot write --output ${options.output}: ${(cause as NodeJS.ErrnoException).code === 'EISDIR' ? 'it is a directory' : (cause as Error).message}`, {
      cause,
    });
  }
  return {
    io: { ...io, stderr, stdout: (text) => void writeSync(fd, text), stdoutIsTTY: false, columns: undefined },
    close: () => closeSync(fd),
  };
}

/** Whether text reports are coloured: --color/--no-color, else FORCE_COLOR, else a terminal without NO_COLOR. */
function useColor(options: CommonOptions, io: CliIO): boolean {
  if (options.color !== undefined) return options.color;
  const env = io.env ?? {};
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  if (env.NO_COLOR) return false;
  return Boolean(io.stdoutIsTTY) && env.TERM !== 'dumb';
}

const warn = (io: CliIO, message: string): void => io.stderr(cliLine(`warning: ${message}`));
const note = (io: CliIO, message: string): void => io.stderr(cliLine(`note: ${message}`));

/** `align A B` and `check A B`. */
async function runPair(name: 'align' | 'check', inputs: string[], options: CommonOptions, io: CliIO): Promise<number> {
  const glossary = await readGlossary(options.glossary);
  const [a, b] = await readDocuments(inputs, options.maxInputSize, io);
  const ids: [string, string] = [inputs[0] === '-' ? 'stdin' : inputs[0], inputs[1] === '-' ? 'stdin' : inputs[1]];
  const alignment = alignDocuments(a, b, { ids, ...libraryOptions(options), glossary });
  releaseInput(a);
  releaseInput(b);
  const all = findDiscrepancies(alignment, { glossary });
  for (const warning of alignment.warnings) warn(io, warning.message);
  if (name === 'check') {
    const ignore = options.ignore ? parseIgnoreFile(await readTextFile(options.ignore)) : undefined;
    const selected = selectIssues(alignment, all, options, ignore);
    io.stdout(renderCheck(alignment, selected.rows, selected.discrepancies, selected.ignored, options, io));
    if (options.format !== 'text') note(io, issueSummary(selected.rows, selected.ignored));
    if (options.writeIgnore) await writeIgnoreFile(options.writeIgnore, selected.rows);
    return failCode(selected.discrepancies, options);
  }
  writePieces(io, renderAlign(alignment, all, options, io));
  if (options.moses) {
    const moses = await openMoses(options.moses);
    await moses.add(alignment, options);
    await moses.close();
  }
  return failCode(all, options);
}

/** The output of `check A B` in its format (the issues already filtered). */
function renderCheck(alignment: Alignment, rows: IssueRow[], discrepancies: Discrepancy[], ignored: number, options: CommonOptions, io: CliIO): string {
  switch (options.format) {
    case 'text':
      return formatCheckText(rows, ignored, useColor(options, io));
    case 'tsv':
    case 'csv':
      return `${issuesToDelimited(rows, options.format === 'tsv' ? '\t' : ',', true).join('\n')}\n`;
    case 'jsonl':
      return rows.length ? `${issuesToJsonl(rows).join('\n')}\n` : '';
    case 'html':
      return exportAlignment(alignment, 'html', { discrepancies });
    default: {
      const json = exportJsonReport(alignment, { discrepancies });
      return `${JSON.stringify({ discrepancies: json.discrepancies, issues: rows, warnings: json.warnings }, null, 2)}\n`;
    }
  }
}

/** The output of `align A B` in its format, in pieces (JSON: one per paragraph, link or discrepancy; see exportAlignmentChunks). */
function renderAlign(alignment: Alignment, discrepancies: Discrepancy[], options: CommonOptions, io: CliIO): Iterable<string> {
  const pieces = exportAlignmentChunks(alignment, options.format as ExportFormat, {
    discrepancies,
    level: options.level,
    width: options.width ?? io.columns ?? 120,
    color: useColor(options, io),
    ...exportFilters(options),
    ...tmxOptions(options),
    ...xliffOptions(options),
  });
  if (options.format === 'json') return pieces; // ends with a line break
  const [output] = pieces;
  return [output.endsWith('\n') ? output : `${output}\n`];
}

/** Characters gathered before each write of {@link writePieces}. */
const WRITE_CHUNK = 1 << 16;

/**
 * Write `pieces` to stdout as they come, joined into writes of about {@link WRITE_CHUNK} characters: a large
 * report is never held as one string (nor as its UTF-8 bytes), and its ~40 000 pieces are not as many writes.
 */
function writePieces(io: CliIO, pieces: Iterable<string>): void {
  let pending: string[] = [];
  let length = 0;
  for (const piece of pieces) {
    pending.push(piece);
    length += piece.length;
    if (length >= WRITE_CHUNK) {
      io.stdout(pending.join(''));
      pending = [];
      length = 0;
    }
  }
  if (length > 0) io.stdout(pending.join(''));
}

function tmxOptions(options: CommonOptions): TmxOptions {
  return { srclang: options.srclang, locales: options.locales, creationId: options.tmxCreationId, adminLang: options.tmxAdminLang };
}

function xliffOptions(options: CommonOptions): Omit<XliffOptions, 'srclang'> {
  return { locales: options.locales };
}

async function writeIgnoreFile(path: string, rows: IssueRow[]): Promise<void> {
  try {
    await writeFile(path, formatIgnoreFile(rows));
  } catch (cause) {
    throw new InputError('invalid-option', `cannot write --write-ignore ${path}: ${(cause as Error).message}`, { cause });
  }
}

/**
 * `align --pairs LIST` and `check --pairs LIST`: many pairs in one process, streamed pair by pair. With json (the
 * default here), one JSON line per pair (the `align --json` object, or check's issues, plus `"files"`); with tmx
 * or xliff one document for the whole list (ids prefixed by the pair's number), with tsv, csv or jsonl the rows of
 * every pair, each row carrying both documents' ids. A pair that cannot be read is reported (a JSON line with
 * `"error"`, or on stderr for the other formats) and the run goes on.
 */
async function runPairsList(name: 'align' | 'check', list: string, options: CommonOptions, io: CliIO): Promise<number> {
  const glossary = await readGlossary(options.glossary);
  const ignore = name === 'check' && options.ignore ? parseIgnoreFile(await readTextFile(options.ignore)) : undefined;
  const text = list === '-' ? await io.readStdin() : await readTextFile(list);
  const lines = text.split(/\r?\n/).filter((line) => line.trim() && !line.startsWith('#'));
  const format = options.format;
  const progress = createProgress(io, 'aligning', options.progress);
  if (format === 'tmx') io.stdout(tmxOpen({ ...tmxOptions(options), segtype: options.level }));
  if (format === 'xliff') io.stdout(xliffOpen({ ...xliffOptions(options), srclang: options.srclang }));
  if (name === 'check' && (format === 'tsv' || format === 'csv')) io.stdout(`${issuesToDelimited([], format === 'tsv' ? '\t' : ',', true)[0]}\n`);
  const moses = options.moses ? await openMoses(options.moses) : undefined;
  const job: BatchJob = { name, options, glossary, ignore, env: io.env };
  const accepted: IssueRow[] = [];
  let failed = 0;
  let found = false;
  // Each case's output is replayed here in list order, whichever thread computed it.
  const emit = (k: number, outcome: BatchOutcome): void => {
    for (const [stream, chunk] of outcome.output) io[stream](chunk);
    accepted.push(...outcome.rows);
    found ||= outcome.found;
    if (outcome.failed) failed++;
    progress.update(k + 1, lines.length);
  };
  // Moses files are appended from this thread, and a path `-` is this process's standard input: one thread then.
  const parallel = !moses && WORKER_SCRIPT !== undefined && !lines.some((line) => line.split('\t').some((part) => part.trim() === '-'));
  const workers = parallel ? batchWorkers(lines.length, options.jobs) : 0;
  if (workers > 1) {
    await casesInWorkers(WORKER_SCRIPT!, { kind: 'bitext-align:batch', job }, lines, workers, emit);
  } else {
    for (const [k, line] of lines.entries()) emit(k, await batchCase(job, k, line, io, moses));
  }
  progress.done();
  await moses?.close();
  if (format === 'tmx') io.stdout(tmxClose());
  if (format === 'xliff') io.stdout(xliffClose());
  if (name === 'check') {
    note(io, issueSummary(accepted));
    if (options.writeIgnore) await writeIgnoreFile(options.writeIgnore, accepted);
  }
  if (failed) io.stderr(`bitext-align: ${failed} pair(s) could not be aligned${format === 'json' ? '; see the "error" lines' : ''}\n`);
  return failed ? EXIT.input : found ? EXIT.discrepancies : EXIT.ok;
}

/** What every case of an `align/check --pairs` run shares (plain data: it is sent to worker threads). */
interface BatchJob {
  name: 'align' | 'check';
  options: CommonOptions;
  glossary: GlossaryEntry[] | undefined;
  ignore: Set<string> | undefined;
  env: CliIO['env'];
}

/**
 * One line of a `--pairs` list aligned (and checked): its output in order, both streams, and what the run
 * totals. `io` is used for reading standard input only; everything written is returned.
 */
async function batchCase(job: BatchJob, k: number, line: string, io: Pick<CliIO, 'readStdin'>, moses?: Awaited<ReturnType<typeof openMoses>>): Promise<BatchOutcome> {
  const { name, options, glossary, ignore } = job;
  const format = options.format;
  const rowOptions = { level: options.level, ...exportFilters(options) };
  const outcome: BatchOutcome = { output: [], rows: [], found: false, failed: false };
  const out: CliIO = {
    stdout: (text) => void outcome.output.push(['stdout', text]),
    stderr: (text) => void outcome.output.push(['stderr', text]),
    readStdin: io.readStdin,
    env: job.env,
  };
  const files = line.split('\t').map((part) => part.trim());
  try {
    if (files.length !== 2) throw new InputError('invalid-option', `expected "path-a<TAB>path-b", got "${line}"`);
    const [a, b] = await readDocuments(files, options.maxInputSize, out);
    const alignment = alignDocuments(a, b, { ids: [files[0], files[1]], ...libraryOptions(options), glossary });
    releaseInput(a);
    releaseInput(b);
    const all = findDiscrepancies(alignment, { glossary });
    if (name === 'check') {
      const selected = selectIssues(alignment, all, options, ignore);
      outcome.rows = selected.rows;
      outcome.found = failCode(selected.discrepancies, options) !== EXIT.ok;
      if (format === 'tsv' || format === 'csv') {
        const rows = issuesToDelimited(selected.rows, format === 'tsv' ? '\t' : ',');
        if (rows.length) out.stdout(`${rows.join('\n')}\n`);
      } else if (format === 'jsonl') {
        if (selected.rows.length) out.stdout(`${issuesToJsonl(selected.rows).join('\n')}\n`);
      } else {
        const json = exportJsonReport(alignment, { discrepancies: selected.discrepancies });
        out.stdout(`${JSON.stringify({ files, discrepancies: json.discrepancies, issues: selected.rows })}\n`);
      }
      return outcome;
    }
    outcome.found = failCode(all, options) !== EXIT.ok;
    await moses?.add(alignment, options);
    const sentences = sentencesFor(alignment, options);
    if (format === 'tmx') {
      const units = tmxUnits(alignment, { ...rowOptions, ...tmxOptions(options), tuidPrefix: `${k + 1}-`, sentences });
      if (units.length) out.stdout(`${units.join('\n')}\n`);
    } else if (format === 'xliff') {
      out.stdout(xliffFile(alignment, all, { ...rowOptions, ...xliffOptions(options), srclang: options.srclang, fileId: `f${k + 1}`, sentences }));
    } else if (format === 'tsv') {
      const rows = tsvLines(alignment, { ...rowOptions, sentences, documents: true });
      if (rows.length) out.stdout(`${rows.join('\n')}\n`);
    } else if (format === 'jsonl') {
      const rows = jsonlLines(alignment, all, { ...rowOptions, sentences });
      if (rows.length) out.stdout(`${rows.join('\n')}\n`);
    } else {
      const json = exportJsonReport(alignment, { discrepancies: all, level: options.level, ...exportFilters(options) });
      out.stdout(`${JSON.stringify({ files, ...json })}\n`);
    }
  } catch (error) {
    if (!isInputError(error)) throw error;
    outcome.failed = true;
    if (format === 'json') out.stdout(`${JSON.stringify({ files, error: { code: error.code, message: withCliFlags(error.message) } })}\n`);
    else out.stderr(cliLine(`skipped ${files.join(' + ')}: ${error.message}`));
  }
  return outcome;
}

/**
 * When the built CLI runs as a worker thread started by an `align/check --pairs` run, align the cases the
 * main thread sends and return true; otherwise return false at once.
 */
export async function runBatchWorker(): Promise<boolean> {
  // Lists with a path `-` stay on the main thread (see runPairsList): a worker never reads standard input.
  const noStdin = { readStdin: () => Promise.reject(new Error('no standard input in a worker')) };
  return serveCases((job, k, line) => batchCase(job as BatchJob, k, line, noStdin));
}

/** Moses-style parallel files PREFIX.ru and PREFIX.en, appended pair by pair. */
async function openMoses(prefix: string): Promise<{ add(alignment: Alignment, options: CommonOptions): Promise<void>; close(): Promise<void> }> {
  // A prefix that cannot be written (no such directory, no permission) is the user's to fix: a typed error
  // (exit 3, one line), not an internal error with a stack trace; a file that did open is closed again.
  // A directory ("out/") would give hidden files out/.ru and out/.en.
  if (/[/\\]$/.test(prefix) || statSync(prefix, { throwIfNoEntry: false })?.isDirectory()) {
    throw new InputError('invalid-option', `--moses takes a file prefix, not a directory: \`--moses ${prefix.replace(/[/\\]+$/, '')}/corpus\` writes corpus.ru and corpus.en there`);
  }
  const opened = await Promise.allSettled(['ru', 'en'].map((lang) => open(`${prefix}.${lang}`, 'w')));
  const failed = opened.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failed) {
    await Promise.all(opened.map((result) => (result.status === 'fulfilled' ? result.value.close() : undefined)));
    throw new InputError('invalid-option', `cannot write --moses files ${prefix}.ru and ${prefix}.en: ${(failed.reason as Error).message}`, {
      cause: failed.reason,
    });
  }
  const files = opened.map((result) => (result as PromiseFulfilledResult<FileHandle>).value);
  return {
    async add(alignment, options) {
      const lines = mosesLines(alignment, { ...exportFilters(options), sentences: sentencesFor(alignment, options) });
      if (lines.ru.length) await Promise.all([files[0].write(`${lines.ru.join('\n')}\n`), files[1].write(`${lines.en.join('\n')}\n`)]);
    },
    async close() {
      await Promise.all(files.map((file) => file.close()));
    },
  };
}

/** The sentence alignment of a pair, when the export unit is the sentence. */
function sentencesFor(alignment: Alignment, options: CommonOptions): SentenceAlignment | undefined {
  return options.level === 'sentence' ? alignSentences(alignment) : undefined;
}

/** `pair PATH...`: documents fingerprinted one at a time (in worker threads for large collections), then paired. */
async function runPairing(inputs: string[], options: CommonOptions, io: CliIO): Promise<number> {
  const { items, failures, notes } = await collectItems(inputs, {
    readStdin: () => io.readStdin(),
    maxInputSize: options.maxInputSize,
    encoding: options.encoding,
  });
  reportNotes(notes, io);
  const glossary = await readGlossary(options.glossary);
  const progress = createProgress(io, 'reading', options.progress);
  const { fingerprints, errors } = await fingerprintCollection(
    items,
    { glossary, maxInputSize: options.maxInputSize, encoding: options.encoding, paragraphs: options.paragraphs },
    { onProgress: (done, total) => progress.update(done, total), workerScript: WORKER_SCRIPT, workers: options.jobs },
  );
  progress.done();
  const pairing = pairFingerprints(fingerprints, { glossary }, errors);
  const problems = [...failures, ...pairing.errors.map((error) => ({ path: error.id, message: error.message }))];
  if (options.format === 'jsonl') {
    for (const pair of pairing.pairs) io.stdout(`${JSON.stringify({ ru: pair.ru, en: pair.en, score: pair.score })}\n`);
    for (const doc of pairing.unpaired) io.stdout(`${JSON.stringify({ path: doc.id, lang: doc.lang, reason: doc.reason })}\n`);
  } else if (options.format === 'json') {
    io.stdout(
      `${JSON.stringify(
        {
          pairs: pairing.pairs.map((pair) => ({ ru: pair.ru, en: pair.en, score: pair.score, evidence: pair.evidence })),
          unpaired: pairing.unpaired.map((doc) => ({ path: doc.id, lang: doc.lang, reason: doc.reason, ...(doc.best ? { best: doc.best } : {}) })),
          errors: problems.map((problem) => ({ ...problem, message: withCliFlags(problem.message, PAIR_FLAGS) })),
        },
        null,
        2,
      )}\n`,
    );
  } else {
    io.stdout(formatPairing(pairing.pairs, pairing.unpaired));
  }
  return reportFailures(problems, io, PAIR_FLAGS);
}

/** The default job: pair the bundled corpus, then align and check each pair. */
async function runDemo(options: CommonOptions, io: CliIO): Promise<number> {
  const { items, failures } = await collectItems([CORPUS_DIR], { readStdin: () => io.readStdin() });
  const documents = await Promise.all(items.map(async (item) => ({ id: item.id, text: item.text ?? (await readTextFile(item.path ?? item.id)) })));
  const pairing = pairDocumentsSync(documents, {});
  const byId = new Map(documents.map((doc) => [doc.id, doc.text]));
  const name = (id: string): string => relative(CORPUS_DIR, id) || id;
  const alignments = pairing.pairs.map((pair) => {
    const alignment = alignDocuments(byId.get(pair.ru)!, byId.get(pair.en)!, { ids: [name(pair.ru), name(pair.en)] });
    return { alignment, discrepancies: findDiscrepancies(alignment) };
  });
  if (options.format === 'json') {
    io.stdout(
      `${JSON.stringify(
        {
          pairing: {
            pairs: pairing.pairs.map((pair) => ({ ru: name(pair.ru), en: name(pair.en), score: pair.score })),
            unpaired: pairing.unpaired.map((doc) => ({ path: name(doc.id), lang: doc.lang, reason: doc.reason })),
          },
          alignments: alignments.map(({ alignment, discrepancies }) => ({
            files: [alignment.ru.id, alignment.en.id],
            ...exportJsonReport(alignment, { discrepancies }),
          })),
        },
        null,
        2,
      )}\n`,
    );
    return reportFailures(failures, io);
  }
  io.stdout(`bitext-align ${VERSION}: the bundled corpus (${documents.length} documents in ${CORPUS_DIR})\n\n`);
  io.stdout(formatPairing(
    pairing.pairs.map((pair) => ({ ...pair, ru: name(pair.ru), en: name(pair.en) })),
    pairing.unpaired.map((doc) => ({ ...doc, id: name(doc.id) })),
  ));
  for (const { alignment, discrepancies } of alignments) {
    io.stdout(`\n${'═'.repeat(Math.min(io.columns ?? 120, options.width ?? 120))}\n`);
    writePieces(io, renderAlign(alignment, discrepancies, { ...options, format: 'text' }, io));
  }
  return reportFailures(failures, io);
}


function exportFilters(options: CommonOptions): { minScore?: number; dropUnmatched: boolean; oneToOneOnly: boolean } {
  return { minScore: options.minScore, dropUnmatched: options.dropUnmatched, oneToOneOnly: options.oneToOneOnly };
}

function failCode(discrepancies: Discrepancy[], options: CommonOptions): number {
  return discrepancies.some((d) => options.failOn.includes(d.kind)) ? EXIT.discrepancies : EXIT.ok;
}

function formatPairing(
  pairs: Array<{ ru: string; en: string; score: number }>,
  unpaired: Array<{ id: string; lang: string; reason: string }>,
): string {
  const lines = ['Pairs (Russian ↔ English, score):'];
  for (const pair of pairs) lines.push(`  ${escapeControls(pair.ru)}  ↔  ${escapeControls(pair.en)}   ${pair.score.toFixed(3)}`);
  if (!pairs.length) lines.push('  (none)');
  lines.push('Unpaired:');
  for (const doc of unpaired) lines.push(`  ${escapeControls(doc.id)}  (${doc.lang}, ${doc.reason})`);
  if (!unpaired.length) lines.push('  (none)');
  return `${lines.join('\n')}\n`;
}

function reportFailures(failures: SkippedPath[], io: CliIO, flags = FLAGS): number {
  for (const failure of failures) io.stderr(cliLine(`skipped ${failure.path}: ${failure.message}`, flags));
  return failures.length ? EXIT.input : EXIT.ok;
}

/** Paths reached twice in a walk: said once each, not an error. */
function reportNotes(notes: WalkNote[], io: CliIO): void {
  for (const note of notes) io.stderr(cliLine(`note: ${note.path}: ${note.message}`));
}

/** The library options the reading flags set. */
function libraryOptions(options: CommonOptions): Pick<AlignOptions, 'langs' | 'maxInputSize' | 'encoding' | 'paragraphs' | 'band'> {
  return { langs: options.langs, maxInputSize: options.maxInputSize, encoding: options.encoding, paragraphs: options.paragraphs, band: options.band };
}

/**
 * One input of `align`/`check`: standard input for `-`; a .docx or PDF (by extension or first bytes) as the text
 * of its paragraphs; anything else as bytes for the library to decode (so encoding errors come out typed).
 */
/** Both inputs, read at once; when both fail, the error of the first named is the one reported. */
async function readDocuments(paths: string[], maxInputSize: number | undefined, io: CliIO): Promise<Array<Uint8Array | string>> {
  const read = await Promise.allSettled(paths.map((path) => readDocument(path, maxInputSize, io)));
  const failed = read.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
  return read.map((result) => (result as PromiseFulfilledResult<Uint8Array | string>).value);
}

async function readDocument(path: string, maxInputSize: number | undefined, io: CliIO): Promise<Uint8Array | string> {
  if (path === '-') return io.readStdin();
  const bytes = await readCapped(path, maxInputSize);
  const kind = documentKind(path, bytes);
  return kind === 'text' ? bytes : extractDocumentText(kind, bytes, path);
}

async function readGlossary(path: string | undefined): Promise<GlossaryEntry[] | undefined> {
  if (!path) return undefined;
  const text = await readTextFile(path);
  let entries: unknown;
  try {
    entries = JSON.parse(text);
  } catch (error) {
    throw new InputError('invalid-option', `the glossary ${path} is not JSON: ${(error as Error).message}`);
  }
  const strings = (value: unknown): boolean => Array.isArray(value) && value.every((form) => typeof form === 'string');
  if (!Array.isArray(entries) || !entries.every((entry) => typeof entry?.id === 'string' && strings(entry.forms))) {
    throw new InputError('invalid-option', `the glossary ${path} must be a JSON list of {"id": "...", "forms": ["...", ...]}`);
  }
  return entries as GlossaryEntry[];
}
