/**
 * Command-line arguments: which command, which inputs, which flags. Pure: turns argv into a plain command
 * object or a usage error; the help texts live here beside the flags they describe.
 *
 * Every flag is declared once in {@link FLAGS} with the commands (and formats) it applies to: a flag given to a
 * command it does not apply to, or with a format it does not change, is a usage error that says what to use,
 * never silently ignored.
 */
import { parseArgs } from 'node:util';
import { DISCREPANCY_KINDS } from '../check/discrepancies.js';
import { normalizeLang } from '../text/language.js';
import { encodingName, ENCODINGS, type Encoding } from '../text/encoding.js';
import type { DiscrepancyKind, Lang, Severity } from '../types.js';

/** Every output format of the commands; which command takes which is in {@link COMMAND_FORMATS}. */
export const FORMATS = ['text', 'json', 'jsonl', 'tmx', 'tsv', 'csv', 'html', 'xliff'] as const;
/** One of {@link FORMATS}. */
export type Format = (typeof FORMATS)[number];

/** The commands that take flags. */
export type CommandName = 'demo' | 'align' | 'check' | 'pair';
/** A command as run: `align --pairs` and `check --pairs` take other formats than with two texts. */
type Mode = CommandName | 'align --pairs' | 'check --pairs';

/** The formats each command writes; the first is its default. */
export const COMMAND_FORMATS: Record<Mode, readonly Format[]> = {
  demo: ['text', 'json'],
  align: ['text', 'json', 'jsonl', 'tmx', 'tsv', 'html', 'xliff'],
  'align --pairs': ['json', 'jsonl', 'tmx', 'tsv', 'xliff'],
  check: ['text', 'json', 'jsonl', 'tsv', 'csv', 'html'],
  'check --pairs': ['json', 'jsonl', 'tsv', 'csv'],
  pair: ['text', 'json', 'jsonl'],
};

/** A parsed command line. */
export type Command =
  | { name: 'help'; topic?: string }
  | { name: 'version' }
  | { name: 'demo'; options: CommonOptions }
  | { name: 'align'; inputs: string[]; pairs?: string; options: CommonOptions }
  | { name: 'check'; inputs: string[]; pairs?: string; options: CommonOptions }
  | { name: 'pair'; inputs: string[]; options: CommonOptions };

/** Flags shared by the commands (each applies only where {@link FLAGS} says). */
export interface CommonOptions {
  format: Format;
  langs: [Lang | undefined, Lang | undefined];
  failOn: DiscrepancyKind[];
  level: 'paragraph' | 'sentence';
  minScore?: number;
  dropUnmatched: boolean;
  oneToOneOnly: boolean;
  glossary?: string;
  /** Also write Moses-style parallel files PREFIX.ru and PREFIX.en (one segment per line, same line count). */
  moses?: string;
  width?: number;
  progress: boolean;
  /** Largest input file accepted, in bytes (`--max-input-size`). @default the library's DEFAULT_MAX_INPUT_SIZE */
  maxInputSize?: number;
  /** Write the results to this file instead of standard output (`-o`, `--output`). */
  output?: string;
  /** No warnings and no progress on stderr; errors are still reported (`-q`, `--quiet`). */
  quiet: boolean;
  /** Colour in text reports: `--color` forces it, `--no-color` turns it off; else a terminal without NO_COLOR. */
  color?: boolean;
  /** `check`: report only these kinds (`--kinds`). @default every kind */
  kinds?: DiscrepancyKind[];
  /** `check`: report only issues at least this severe (`--min-severity`). @default 'info' (all) */
  minSeverity: Severity;
  /** `check`: a file of accepted issues (their keys), left out of the report (`--ignore`). */
  ignore?: string;
  /** `check`: write the keys of the issues reported into this file, to accept them (`--write-ignore`). */
  writeIgnore?: string;
  /** TMX/XLIFF: the source side (`--srclang`). @default 'ru' */
  srclang?: Lang;
  /** TMX/XLIFF: language tags written for each side (`--locale-ru`, `--locale-en`). */
  locales: { ru?: string; en?: string };
  /** TMX header: `creationid` (`--tmx-creationid`). */
  tmxCreationId?: string;
  /** TMX header: `adminlang` (`--tmx-adminlang`). @default 'en' */
  tmxAdminLang?: string;
  /** Encoding of the input files (`--encoding`). @default detected (UTF-8, UTF-16) */
  encoding?: Encoding;
  /** How input is read (`--input-format text|html|auto`): the library's `paragraphs` mode. @default 'auto' */
  paragraphs?: 'auto' | 'text' | 'html';
  /** Initial half-width of the alignment search band, in paragraphs (`--band`). @default the library's 24 */
  band?: number;
  /** Threads for `--pairs` and `pair` (`--jobs`). @default the machine's cores (up to 8) from 2 000 pairs on for `--pairs` and from 1 000 documents on for `pair`, else one */
  jobs?: number;
}

/** Widest side-by-side report `--width` takes: wider than any terminal, small enough to lay out quickly. */
export const MAX_WIDTH = 1000;
/** Largest `--jobs`: more threads than this only add start-up cost on any machine the tool runs on. */
const MAX_JOBS = 64;

/** Largest `--band`: beyond this the search is bounded by its cell budget anyway. */
export const MAX_BAND = 100_000;

/** A command line that cannot be run as given. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

/**
 * Where a flag applies: the commands (`align --pairs` counts as align) and, when it only changes some formats,
 * those formats. `pairs: true` when it applies only with `--pairs` (or to `pair`).
 */
interface FlagRule {
  commands: readonly CommandName[];
  formats?: readonly Format[];
  pairsOnly?: boolean;
}

const ALL: readonly CommandName[] = ['demo', 'align', 'check', 'pair'];
const TWO_TEXTS: readonly CommandName[] = ['align', 'check'];

/** Every flag: its parseArgs type and where it applies (undefined: everywhere). */
const FLAGS: Record<string, { type: 'string' | 'boolean'; short?: string; rule?: FlagRule }> = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  json: { type: 'boolean' },
  jsonl: { type: 'boolean', rule: { commands: ['align', 'check', 'pair'] } },
  format: { type: 'string' },
  output: { type: 'string', short: 'o' },
  quiet: { type: 'boolean', short: 'q' },
  color: { type: 'boolean', rule: { commands: ALL, formats: ['text'] } },
  'no-color': { type: 'boolean', rule: { commands: ALL, formats: ['text'] } },
  'lang-a': { type: 'string', rule: { commands: TWO_TEXTS } },
  'lang-b': { type: 'string', rule: { commands: TWO_TEXTS } },
  level: { type: 'string', rule: { commands: ['align'], formats: ['json', 'jsonl', 'tmx', 'tsv', 'xliff'] } },
  'min-score': { type: 'string', rule: { commands: ['align'] } },
  'drop-unmatched': { type: 'boolean', rule: { commands: ['align'] } },
  'one-to-one': { type: 'boolean', rule: { commands: ['align'] } },
  glossary: { type: 'string', rule: { commands: ['align', 'check', 'pair'] } },
  moses: { type: 'string', rule: { commands: ['align'] } },
  'fail-on': { type: 'string', rule: { commands: TWO_TEXTS } },
  kinds: { type: 'string', rule: { commands: ['check'] } },
  'min-severity': { type: 'string', rule: { commands: ['check'] } },
  ignore: { type: 'string', rule: { commands: ['check'] } },
  'write-ignore': { type: 'string', rule: { commands: ['check'] } },
  pairs: { type: 'string', rule: { commands: TWO_TEXTS } },
  width: { type: 'string', rule: { commands: ['demo', 'align'], formats: ['text'] } },
  'max-input-size': { type: 'string', rule: { commands: ['align', 'check', 'pair'] } },
  encoding: { type: 'string', rule: { commands: ['align', 'check', 'pair'] } },
  'input-format': { type: 'string', rule: { commands: ['align', 'check', 'pair'] } },
  band: { type: 'string', rule: { commands: TWO_TEXTS } },
  'no-progress': { type: 'boolean', rule: { commands: ['align', 'check', 'pair'], pairsOnly: true } },
  jobs: { type: 'string', rule: { commands: ['align', 'check', 'pair'], pairsOnly: true } },
  srclang: { type: 'string', rule: { commands: ['align'], formats: ['tmx', 'xliff'] } },
  'locale-ru': { type: 'string', rule: { commands: ['align'], formats: ['tmx', 'xliff'] } },
  'locale-en': { type: 'string', rule: { commands: ['align'], formats: ['tmx', 'xliff'] } },
  'tmx-creationid': { type: 'string', rule: { commands: ['align'], formats: ['tmx'] } },
  'tmx-adminlang': { type: 'string', rule: { commands: ['align'], formats: ['tmx'] } },
};

/** The text of `bitext-align --help`. */
export const MAIN_HELP = `bitext-align — pair, align and check Russian and English versions of the same report

Usage:
  bitext-align [demo]                 run on the bundled corpus/: pairs, then each pair's alignment and discrepancies
  bitext-align align A B [flags]      align the paragraphs of two texts (one Russian, one English, either order)
  bitext-align align --pairs LIST     align many pairs: LIST (a file, or - for stdin) has one "path-a<TAB>path-b" per line
  bitext-align check A B [flags]      list the discrepancies between two texts (a QA report)
  bitext-align check --pairs LIST     the same for many pairs
  bitext-align pair PATH... [flags]   pair Russian and English documents among files, directories (recursive) and .jsonl files
  bitext-align help COMMAND           more on one command, with its formats and flags

Inputs: plain text (UTF-8), HTML, .docx (needs \`npm install mammoth\`) and .pdf with a text layer (needs
\`npm install unpdf\`), chosen by extension or content. - reads A or B from standard input.

Flags of every command:
  --format F             output format; each command's formats are in \`bitext-align help COMMAND\`
  --json                 the same as --format json;  --jsonl  the same as --format jsonl
  -o, --output FILE      write the results to FILE instead of standard output
  -q, --quiet            no warnings or progress on stderr (errors are still reported)
  --color, --no-color    colour the text report (default: on a terminal, unless NO_COLOR is set; FORCE_COLOR forces it)
  -h, --help             this help;  -v, --version  the version

Paragraph numbers: reports for people (text, html, messages) count from 1 (¶1 is the first paragraph);
machine outputs (json, jsonl, tsv, csv, tmx, xliff) give 0-based indices.

Exit codes: 0 done; 1 discrepancies found of a --fail-on kind; 2 usage error; 3 input error (unreadable,
empty, binary, not UTF-8, same language twice, undetected language, too large).

The program keeps its compiled code in $XDG_CACHE_HOME/bitext-align (else ~/.cache/bitext-align), about 1 MB,
so that a run does not compile it again; NODE_DISABLE_COMPILE_CACHE=1 turns that off.`;

const INPUT_FLAGS = `  --lang-a ru|en         the language of A (skips detection); --lang-b likewise for B
  --glossary FILE        JSON list of {"id", "forms": [...]} names to add to the built-in gazetteer
  --fail-on KINDS        exit 1 when a discrepancy of these kinds is found (comma list, or "any"):
                         unmatched-paragraph, number-mismatch, number-missing, entity-missing, mixed-script
  --max-input-size N     refuse input files larger than N bytes (default 50000000): exit 3, or skip the file;
                         devices and pipes are read up to N bytes, no further
  --encoding NAME        encoding of the input files: utf-8, utf-16le, utf-16be, windows-1251, koi8-r, cp866
                         (default: UTF-8 or UTF-16, detected; a legacy encoding is named in the error, not guessed)
  --input-format F       text, html or auto (default): auto reads a file as HTML only when it has the structure
                         of a web page or fragment (opens with a tag, most lines tags), not a few tags in prose
  --band N               initial half-width of the alignment search, in paragraphs (default 24; 1..100000)
  --pairs LIST           many pairs: LIST (a file, or - for stdin) has one "path-a<TAB>path-b" per line
  --no-progress          no progress bar on stderr (with --pairs; the bar is drawn only on a terminal)
  --jobs N               worker threads for --pairs (default 1 below 2 000 pairs, the machine's cores up to 8
                         from 2 000 on; the output is the same, in list order)`;

/** The text of `bitext-align help COMMAND`, per command. */
export const COMMAND_HELP: Record<string, string> = {
  demo: `bitext-align demo [--json] [--width N]

Runs on the bundled corpus/ (the default with no arguments): pairs its documents, then prints each pair's
side-by-side alignment and discrepancies.
Formats: text (default), json: {"pairing": …, "alignments": [{"files": [ru, en], …align --json…}]}.
  --width N              width of the side-by-side report (default: terminal width or 120)`,
  align: `bitext-align align A B [--format F] [flags]
bitext-align align --pairs LIST [--format F] [flags]

Aligns the paragraphs of A and B (one Russian, one English, in either order; - for standard input) and
prints them side by side with the discrepancies under the rows they concern. A text cut a sentence per line
against one in paragraphs (or in one block) is aligned against the other's sentences, each of its paragraphs one
link (warning "paragraphing"); --level sentence then gives the sentence pairs.

Formats: text (default, side by side), json, jsonl (one line per link), tmx (TMX 1.4b), tsv
(ru, en, score, ru_indices, en_indices), html (a self-contained report), xliff (XLIFF 2.1).
With --pairs: json (default: one line per pair), jsonl, tsv (rows carry both documents' paths), tmx and
xliff (one file for the whole list).

--json prints {"paragraphs": {"ru": [{"index","start","end","text"}], "en": [...]},
               "links": [{"ru": [i...], "en": [j...], "score"}],
               "discrepancies": [{"kind", "ru": [i...], "en": [j...], "ruValue"?, "enValue"?, "message", ...}],
               "warnings": [...]}
indices are 0-based paragraph indices; every paragraph is in exactly one link; start/end are offsets
(UTF-16 code units) into the file's text. With --pairs each line also has "files": [path-a, path-b]; a
pair that cannot be read gives {"files": [...], "error": {"code", "message"}} and the run goes on.

Flags:
${INPUT_FLAGS}
  --level L              paragraph (default) or sentence: the unit of json, jsonl, tmx, tsv and xliff rows
  --min-score X          export only links scoring at least X (0..1)
  --drop-unmatched       export no paragraph without counterpart
  --one-to-one           export only 1-1 links
  --moses PREFIX         also write PREFIX.ru and PREFIX.en, one segment per line
  --width N              width of the text report (default: terminal width or 120)
  --srclang ru|en        tmx, xliff: the source side (default ru)
  --locale-ru TAG        tmx, xliff: the language tag of the Russian side (default ru; e.g. ru-RU); --locale-en likewise
  --tmx-creationid ID    tmx: the header's creationid (who made the memory)
  --tmx-adminlang TAG    tmx: the header's adminlang (default en)`,
  check: `bitext-align check A B [--format F] [flags]
bitext-align check --pairs LIST [--format F] [flags]

A QA report of what differs between A and B (- for standard input): paragraphs with no counterpart,
figures that differ, figures and names present in one version only. Agreements in another form
(4,3 млрд = 4.3 billion) are not reported.

Formats: text (default: a summary per kind, then one line per issue), json, and the issue list with one
row per discrepancy: tsv, csv (RFC 4180), jsonl, html (the side-by-side report with a filterable issue list).
Columns: key, ru_document, en_document, kind, severity, ru_paragraphs, en_paragraphs, ru_value, en_value,
ru_snippet, en_snippet, message; tsv and csv count paragraphs from 1 as a reader does (¶1), jsonl gives
0-based indices like json. The count per kind goes to stderr. --json: {"discrepancies", "issues", "warnings"}.
With --pairs: json (default: one line per pair), jsonl, tsv, csv (rows carry both documents' paths).

Flags:
${INPUT_FLAGS}
  --kinds KINDS          report only these kinds (comma list of the kinds above)
  --min-severity S       report only issues at least this severe: error, warning or info (default info: all)
  --ignore FILE          leave out the issues whose key is in FILE (one key per line; # comments): accepted
                         differences, so the next run of a revised translation shows only new issues
  --write-ignore FILE    write the keys of the issues reported to FILE (to accept them all; edit as needed)`,
  pair: `bitext-align pair PATH... [--json | --jsonl]

Pairs each Russian document with its English counterpart among the given files, directories (read
recursively: .txt and .md files) and JSONL files (one {"id", "text", "lang"?, "date"?} per line; "-" reads
JSONL from stdin). Documents of other meetings of the same people stay unpaired. Each real path is read
once (a symlink loop or a file named twice is noted on stderr and not read again); in a directory, FIFOs,
sockets and devices are skipped and reported; an id given twice in JSONL is reported, the first kept.
Formats: text (default), json: {"pairs": [{"ru": path, "en": path, "score"}], "unpaired": [{"path", "lang"}]},
jsonl: one line per pair, then one per unpaired document.

Flags:
  --glossary FILE        JSON list of {"id", "forms": [...]} names to add to the built-in gazetteer
  --max-input-size N     skip input files larger than N bytes (default 50000000)
  --encoding NAME        encoding of the input files: utf-8, utf-16le, utf-16be, windows-1251, koi8-r, cp866
  --input-format F       text, html or auto (default; HTML only when the file has the structure of a page)
  --no-progress          no progress bar on stderr (drawn only on a terminal)
  --jobs N               threads that read and fingerprint the documents (default: the machine's cores from
                         1 000 documents on; 1 = one thread; the result is the same)`,
};

/** Parse argv (without node and script). @throws {UsageError} */
export function parseCommandLine(argv: string[]): Command {
  const options = Object.fromEntries(Object.entries(FLAGS).map(([name, { type, short }]) => [name, short ? { type, short } : { type }]));
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, strict: true, options });
  } catch (error) {
    throw new UsageError(parserMessage(error as Error & { code?: string }, argv));
  }
  const { values, positionals } = parsed as { values: Record<string, string | boolean | undefined>; positionals: string[] };
  const str = (name: string): string | undefined => values[name] as string | undefined;
  const bool = (name: string): boolean => values[name] === true;
  const [name = 'demo', ...inputs] = positionals;
  if (bool('version')) return { name: 'version' };
  if (name === 'help') return { name: 'help', topic: inputs[0] };
  if (bool('help')) return { name: 'help', topic: positionals.length ? name : undefined };
  if (!(ALL as readonly string[]).includes(name)) {
    throw new UsageError(`unknown command "${name}"${suggest(name, ALL)}; the commands are ${ALL.join(', ')} (bitext-align --help)`);
  }
  const command = name as CommandName;
  const withPairs = str('pairs') !== undefined;
  const mode: Mode = withPairs ? (`${command} --pairs` as Mode) : command;

  const format = chooseFormat(mode, values);
  const given = Object.keys(values).filter((flag) => values[flag] !== undefined);
  for (const flag of given) checkApplies(flag, FLAGS[flag].rule, command, withPairs, format);
  if (bool('color') && bool('no-color')) throw new UsageError('--color and --no-color contradict each other; give one');

  const level = str('level') ?? 'paragraph';
  if (level !== 'paragraph' && level !== 'sentence') throw new UsageError(`--level must be paragraph or sentence, not "${level}"`);
  const minScore = str('min-score') === undefined ? undefined : Number(str('min-score'));
  if (minScore !== undefined && !(minScore >= 0 && minScore <= 1)) throw new UsageError('--min-score takes a number from 0 to 1');
  const width = str('width') === undefined ? undefined : Number(str('width'));
  if (width !== undefined && !(Number.isInteger(width) && width >= 40 && width <= MAX_WIDTH)) {
    throw new UsageError(`--width takes a whole number from 40 to ${MAX_WIDTH}`);
  }
  const band = str('band') === undefined ? undefined : Number(str('band'));
  if (band !== undefined && !(Number.isInteger(band) && band >= 1 && band <= MAX_BAND)) {
    throw new UsageError(`--band takes a whole number of paragraphs from 1 to ${MAX_BAND}`);
  }
  const jobs = str('jobs') === undefined ? undefined : Number(str('jobs'));
  if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1 && jobs <= MAX_JOBS)) {
    throw new UsageError(`--jobs takes a whole number of threads from 1 to ${MAX_JOBS}`);
  }
  const encoding = str('encoding') === undefined ? undefined : encodingName(str('encoding')!);
  if (str('encoding') !== undefined && encoding === undefined) {
    throw new UsageError(`--encoding must be one of ${ENCODINGS.join(', ')}, not "${str('encoding')}"`);
  }
  const inputFormat = str('input-format');
  if (inputFormat !== undefined && inputFormat !== 'text' && inputFormat !== 'html' && inputFormat !== 'auto') {
    throw new UsageError(`--input-format must be text, html or auto, not "${inputFormat}"`);
  }
  const maxInputSize = str('max-input-size') === undefined ? undefined : Number(str('max-input-size'));
  if (maxInputSize !== undefined && !(Number.isSafeInteger(maxInputSize) && maxInputSize > 0)) {
    throw new UsageError('--max-input-size takes a whole number of bytes greater than 0');
  }
  const minSeverity = str('min-severity') ?? 'info';
  if (!SEVERITIES.includes(minSeverity as Severity)) throw new UsageError(`--min-severity must be error, warning or info, not "${minSeverity}"`);
  for (const flag of ['output', 'ignore', 'write-ignore', 'moses', 'glossary', 'pairs', 'tmx-creationid', 'tmx-adminlang', 'locale-ru', 'locale-en']) {
    if (str(flag) === '') throw new UsageError(`--${flag} needs a value`);
  }

  const parsedOptions: CommonOptions = {
    format,
    langs: [lang(str('lang-a'), '--lang-a'), lang(str('lang-b'), '--lang-b')],
    failOn: kindList(str('fail-on'), '--fail-on', true),
    level,
    minScore,
    dropUnmatched: bool('drop-unmatched'),
    oneToOneOnly: bool('one-to-one'),
    glossary: str('glossary'),
    moses: str('moses'),
    width,
    progress: !bool('no-progress') && !bool('quiet'),
    maxInputSize,
    output: str('output'),
    quiet: bool('quiet'),
    color: bool('color') ? true : bool('no-color') ? false : undefined,
    kinds: str('kinds') === undefined ? undefined : kindList(str('kinds'), '--kinds', false),
    minSeverity: minSeverity as Severity,
    ignore: str('ignore'),
    writeIgnore: str('write-ignore'),
    srclang: lang(str('srclang'), '--srclang'),
    locales: { ru: str('locale-ru'), en: str('locale-en') },
    tmxCreationId: str('tmx-creationid'),
    tmxAdminLang: str('tmx-adminlang'),
    encoding,
    paragraphs: inputFormat,
    band,
    jobs,
  };

  switch (command) {
    case 'demo':
      if (inputs.length) throw new UsageError('demo takes no paths; to align your own texts use `bitext-align align A B`');
      return { name: command, options: parsedOptions };
    case 'align':
    case 'check':
      if (withPairs) {
        if (inputs.length) throw new UsageError(`${command} --pairs LIST takes no other paths`);
        return { name: command, inputs, pairs: str('pairs'), options: parsedOptions };
      }
      if (inputs.length !== 2) throw new UsageError(`${command} takes exactly two texts (one Russian, one English): \`bitext-align ${command} A B\``);
      if (inputs[0] === '-' && inputs[1] === '-') throw new UsageError('only one of A and B can be - (standard input)');
      if (parsedOptions.writeIgnore && parsedOptions.writeIgnore === parsedOptions.ignore) {
        throw new UsageError('--write-ignore must name another file than --ignore');
      }
      return { name: command, inputs, options: parsedOptions };
    case 'pair':
      if (!inputs.length) throw new UsageError('pair takes files, directories or JSONL files (- for JSONL on stdin)');
      return { name: command, inputs, options: parsedOptions };
  }
}

/** The output format asked for (`--format`, `--json`, `--jsonl`), checked against what the command writes. */
function chooseFormat(mode: Mode, values: Record<string, string | boolean | undefined>): Format {
  const asked = [
    values.format !== undefined ? { flag: `--format ${String(values.format)}`, format: String(values.format) } : undefined,
    values.json ? { flag: '--json', format: 'json' } : undefined,
    values.jsonl ? { flag: '--jsonl', format: 'jsonl' } : undefined,
  ].filter((x): x is { flag: string; format: string } => x !== undefined);
  const formats = COMMAND_FORMATS[mode];
  if (asked.length > 1 && new Set(asked.map((a) => a.format)).size > 1) {
    throw new UsageError(`${asked.map((a) => a.flag).join(' and ')} ask for different formats; give one`);
  }
  const format = asked[0]?.format ?? formats[0];
  if (!FORMATS.includes(format as Format)) throw new UsageError(`--format must be one of ${formats.join(', ')}, not "${format}"`);
  if (!formats.includes(format as Format)) {
    throw new UsageError(`${mode} does not write ${format}; its formats are ${formats.join(', ')}`);
  }
  return format as Format;
}

/** Throw when a flag given does not apply to the command, the --pairs mode or the format. */
function checkApplies(flag: string, rule: FlagRule | undefined, command: CommandName, withPairs: boolean, format: Format): void {
  if (!rule) return;
  const commandLine = `${command}${withPairs ? ' --pairs' : ''}`;
  if (!rule.commands.includes(command)) {
    throw new UsageError(`--${flag} does not apply to ${command}; it is a flag of ${rule.commands.join(', ')}`);
  }
  if (rule.pairsOnly && !withPairs && command !== 'pair') {
    const why = flag === 'jobs' ? 'two texts are aligned on one thread' : 'no progress bar is drawn for two texts';
    throw new UsageError(`--${flag} applies to pair and to ${command} --pairs only (${why})`);
  }
  if (rule.formats && !rule.formats.includes(format)) {
    throw new UsageError(`--${flag} does not change ${commandLine} --format ${format}; it applies to --format ${rule.formats.join(', ')}`);
  }
}

/** Node's parseArgs messages, in the tool's own words and one line. */
function parserMessage(error: Error & { code?: string }, argv: string[]): string {
  const option = /'(-[^' ]+)/.exec(error.message)?.[1];
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
      const bare = (option ?? '').replace(/^-+/, '').split('=')[0];
      const command = argv.find((arg) => (ALL as readonly string[]).includes(arg));
      return `unknown flag ${option}${suggest(bare, Object.keys(FLAGS), '--')}; the flags are in \`bitext-align help${command ? ` ${command}` : ''}\``;
    }
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      // Node names the flag as '-q, --quiet' or '--format <value>': take the long name.
      const name = /--([a-z-]+)/.exec(error.message)?.[1] ?? option?.replace(/^-+/, '').replace(/,$/, '') ?? '';
      const long = Object.entries(FLAGS).find(([flag, spec]) => flag === name || spec.short === name)?.[0] ?? name;
      if (/does not take an argument/.test(error.message)) return `--${long} takes no value`;
      const at = argv.findIndex((arg) => arg === `--${long}` || arg === `-${FLAGS[long]?.short}`);
      const next = at >= 0 ? argv[at + 1] : undefined;
      return next !== undefined && next.startsWith('-')
        ? `--${long} needs a value, got the flag ${next} (for a value starting with -, write --${long}=${next})`
        : `--${long} needs a value`;
    }
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return 'unexpected argument';
    default:
      return error.message.split('\n')[0];
  }
}

/** ` (did you mean "x"?)` for the nearest candidate within two edits, else ''. */
function suggest(word: string, candidates: readonly string[], prefix = ''): string {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of candidates) {
    const d = editDistance(word, candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best ? ` (did you mean ${prefix}${best}?)` : '';
}

function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length];
}

function lang(value: string | undefined, flag: string): Lang | undefined {
  if (value === undefined) return undefined;
  const normalized = normalizeLang(value);
  if (normalized) return normalized;
  throw new UsageError(`${flag} must be ru or en, not "${value}"`);
}

/** A comma list of discrepancy kinds (`any` for all when `allowAny`). */
function kindList(value: string | undefined, flag: string, allowAny: boolean): DiscrepancyKind[] {
  if (value === undefined) return [];
  if (allowAny && value === 'any') return [...DISCREPANCY_KINDS];
  const kinds = value.split(',').map((kind) => kind.trim());
  const expected = `${DISCREPANCY_KINDS.join(', ')}${allowAny ? ' or any' : ''}`;
  if (value.trim() === '') throw new UsageError(`${flag} needs a value: ${expected}`);
  for (const kind of kinds) {
    if (!DISCREPANCY_KINDS.includes(kind as DiscrepancyKind)) {
      throw new UsageError(`${flag} takes ${expected}, not "${kind}"${suggest(kind, DISCREPANCY_KINDS)}`);
    }
  }
  return kinds as DiscrepancyKind[];
}
