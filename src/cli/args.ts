/**
 * Command-line arguments: which command, which inputs, which flags. Pure: turns argv into a plain command
 * object or a usage error; the help texts live here beside the flags they describe.
 */
import { parseArgs } from 'node:util';
import type { DiscrepancyKind, Lang } from '../types.js';

/** Output formats of `align` and `check`. */
export const FORMATS = ['text', 'json', 'jsonl', 'tmx', 'tsv', 'html'] as const;
/** One of {@link FORMATS}. */
export type Format = (typeof FORMATS)[number];

/** A parsed command line. */
export type Command =
  | { name: 'help'; topic?: string }
  | { name: 'version' }
  | { name: 'demo'; options: CommonOptions }
  | { name: 'align'; inputs: string[]; pairs?: string; options: CommonOptions }
  | { name: 'check'; inputs: string[]; pairs?: string; options: CommonOptions }
  | { name: 'pair'; inputs: string[]; options: CommonOptions };

/** Flags shared by the commands. */
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
}

/** A command line that cannot be run as given. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

const DISCREPANCY_KINDS: DiscrepancyKind[] = ['unmatched-paragraph', 'number-mismatch', 'number-missing', 'entity-missing', 'mixed-script'];

/** The text of `bitext-align --help`. */
export const MAIN_HELP = `bitext-align — pair, align and check Russian and English versions of the same report

Usage:
  bitext-align [demo]                 run on the bundled corpus/: pairs, then each pair's alignment and discrepancies
  bitext-align align A B [flags]      align the paragraphs of two texts (one Russian, one English, either order)
  bitext-align align --pairs LIST     align many pairs: LIST (a file, or - for stdin) has one "path-a<TAB>path-b" per line
  bitext-align check A B [flags]      list the discrepancies between two texts
  bitext-align pair PATH... [flags]   pair Russian and English documents among files, directories (recursive) and .jsonl files
  bitext-align help COMMAND           more on one command

Flags:
  --json                 machine-readable output (same as --format json; with --pairs, one JSON line per pair)
  --jsonl                one JSON line per link (align, --pairs) or per pair and unpaired document (pair)
  --format F             text (default), json, jsonl, tmx, tsv, html
  --lang-a ru|en         the language of A (skips detection); --lang-b likewise for B
  --level L              paragraph (default) or sentence: the unit of tmx/tsv/jsonl export
  --min-score X          export only links scoring at least X (0..1)
  --drop-unmatched       export no paragraph without counterpart
  --one-to-one           export only 1-1 links
  --moses PREFIX         also write PREFIX.ru and PREFIX.en, one segment per line (align, align --pairs)
  --glossary FILE        JSON list of {"id", "forms": [...]} names to add to the built-in gazetteer
  --fail-on KINDS        exit 1 when a discrepancy of these kinds is found (comma list, or "any"):
                         unmatched-paragraph, number-mismatch, number-missing, entity-missing, mixed-script
  --width N              width of the side-by-side text report (default: terminal width or 120)
  --max-input-size N     refuse input files larger than N bytes (default 50000000): exit 3, or skip the file
  --no-progress          no progress bar on stderr
  -h, --help             this help;  -v, --version  the version

Exit codes: 0 done; 1 discrepancies found of a --fail-on kind; 2 usage error; 3 input error (unreadable,
empty, binary, not UTF-8, same language twice, undetected language, too large).`;

/** The text of `bitext-align help COMMAND`, per command. */
export const COMMAND_HELP: Record<string, string> = {
  demo: `bitext-align demo — run on the bundled corpus/ (the default with no arguments)

Pairs the documents of corpus/, then prints each pair's side-by-side alignment and discrepancies.
With --json: {"pairing": …, "alignments": [{"files": [ru, en], …align --json…}]}.`,
  align: `bitext-align align A B [--json | --format F] [--lang-a L] [--lang-b L] [--level sentence]
bitext-align align --pairs LIST --json

Aligns the paragraphs of A and B (one Russian, one English, in either order) and prints them side by side
with the discrepancies under the rows they concern.

--json prints {"paragraphs": {"ru": [{"index","start","end","text"}], "en": [...]},
               "links": [{"ru": [i...], "en": [j...], "score"}],
               "discrepancies": [{"kind", "ru": [i...], "en": [j...], "ruValue"?, "enValue"?, "message", ...}],
               "warnings": [...]}
indices are 0-based paragraph indices; every paragraph is in exactly one link; start/end are offsets
(UTF-16 code units) into the file's text.

--pairs LIST aligns every "path-a<TAB>path-b" line of LIST (a file, or - for stdin) in one process and
writes one JSON line per pair: the align --json object plus "files": [path-a, path-b]; a pair that cannot
be read gives {"files": [...], "error": {"code", "message"}} and the run goes on. With --format tmx it writes
one translation memory for the whole list, with --format tsv or --jsonl the rows of every pair, streamed.`,
  check: `bitext-align check A B [--json] [--fail-on KINDS]

Lists what differs between A and B: paragraphs with no counterpart, figures that differ, figures and names
present in one version only. Agreements in another form (4,3 млрд = 4.3 billion) are not reported.
--fail-on number-mismatch,number-missing (or "any") exits 1 when such a discrepancy is found.`,
  pair: `bitext-align pair PATH... [--json | --jsonl]

Pairs each Russian document with its English counterpart among the given files, directories (read
recursively: .txt and .md files) and JSONL files (one {"id", "text", "lang"?, "date"?} per line; "-" reads
JSONL from stdin). Documents of other meetings of the same people stay unpaired.
--json prints {"pairs": [{"ru": path, "en": path, "score"}], "unpaired": [{"path", "lang"}]};
--jsonl prints one line per pair, then one per unpaired document.`,
};

/** Parse argv (without node and script). @throws {UsageError} */
export function parseCommandLine(argv: string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
        json: { type: 'boolean' },
        jsonl: { type: 'boolean' },
        format: { type: 'string' },
        'lang-a': { type: 'string' },
        'lang-b': { type: 'string' },
        level: { type: 'string' },
        'min-score': { type: 'string' },
        'drop-unmatched': { type: 'boolean' },
        'one-to-one': { type: 'boolean' },
        glossary: { type: 'string' },
        moses: { type: 'string' },
        'fail-on': { type: 'string' },
        pairs: { type: 'string' },
        width: { type: 'string' },
        'max-input-size': { type: 'string' },
        'no-progress': { type: 'boolean' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const [name = 'demo', ...inputs] = positionals;
  if (values.version) return { name: 'version' };
  if (name === 'help') return { name: 'help', topic: inputs[0] };
  if (values.help) return { name: 'help', topic: positionals.length ? name : undefined };

  const format = values.json ? 'json' : values.jsonl ? 'jsonl' : (values.format ?? 'text');
  if (!FORMATS.includes(format as Format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${format}"`);
  const level = values.level ?? 'paragraph';
  if (level !== 'paragraph' && level !== 'sentence') throw new UsageError(`--level must be paragraph or sentence, not "${level}"`);
  const minScore = values['min-score'] === undefined ? undefined : Number(values['min-score']);
  if (minScore !== undefined && !(minScore >= 0 && minScore <= 1)) throw new UsageError('--min-score takes a number from 0 to 1');
  const width = values.width === undefined ? undefined : Number(values.width);
  if (width !== undefined && !(Number.isInteger(width) && width >= 40)) throw new UsageError('--width takes a whole number of at least 40');
  const maxInputSize = values['max-input-size'] === undefined ? undefined : Number(values['max-input-size']);
  if (maxInputSize !== undefined && !(Number.isInteger(maxInputSize) && maxInputSize > 0)) {
    throw new UsageError('--max-input-size takes a whole number of bytes greater than 0');
  }

  const options: CommonOptions = {
    format: format as Format,
    langs: [lang(values['lang-a'], '--lang-a'), lang(values['lang-b'], '--lang-b')],
    failOn: failOn(values['fail-on']),
    level,
    minScore,
    dropUnmatched: values['drop-unmatched'] ?? false,
    oneToOneOnly: values['one-to-one'] ?? false,
    glossary: values.glossary,
    moses: values.moses,
    width,
    progress: !values['no-progress'],
    maxInputSize,
  };

  switch (name) {
    case 'demo':
      if (inputs.length) throw new UsageError('demo takes no paths; to align your own texts use `bitext-align align A B`');
      return { name, options };
    case 'align':
    case 'check':
      if (values.pairs !== undefined) {
        if (inputs.length) throw new UsageError(`${name} --pairs LIST takes no other paths`);
        return { name, inputs, pairs: values.pairs, options };
      }
      if (inputs.length !== 2) throw new UsageError(`${name} takes exactly two texts (one Russian, one English): \`bitext-align ${name} A B\``);
      return { name, inputs, options };
    case 'pair':
      if (!inputs.length) throw new UsageError('pair takes files, directories or JSONL files (- for JSONL on stdin)');
      return { name, inputs, options };
    default:
      throw new UsageError(`unknown command "${name}"; run \`bitext-align --help\``);
  }
}

function lang(value: string | undefined, flag: string): Lang | undefined {
  if (value === undefined) return undefined;
  if (value === 'ru' || value === 'en') return value;
  throw new UsageError(`${flag} must be ru or en, not "${value}"`);
}

function failOn(value: string | undefined): DiscrepancyKind[] {
  if (value === undefined || value === '') return [];
  if (value === 'any') return [...DISCREPANCY_KINDS];
  const kinds = value.split(',').map((kind) => kind.trim());
  for (const kind of kinds) {
    if (!DISCREPANCY_KINDS.includes(kind as DiscrepancyKind)) {
      throw new UsageError(`--fail-on takes ${DISCREPANCY_KINDS.join(', ')} or any, not "${kind}"`);
    }
  }
  return kinds as DiscrepancyKind[];
}
