/**
 * Command-line conventions: every flag works for its command or is a usage error (exit 2) that names what to
 * use; `-` for standard input; `-o/--output`; `--quiet`; colour on a terminal only (NO_COLOR, FORCE_COLOR,
 * --color/--no-color); parser errors in the tool's own words; paragraphs numbered from 1 in human reports and
 * from 0 in machine outputs. In-process through runCli, with a few real processes for what a shell sees.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { EXIT, runCli, type CliIO } from '../src/cli/run.js';
import { EN, RU } from './seed.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'bitext-conventions-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const path = (name: string): string => join(dir, name);
writeFileSync(path('ru.txt'), RU);
writeFileSync(path('en.txt'), EN);
writeFileSync(path('en-mismatch.txt'), EN.replace('4.3', '4.8'));
writeFileSync(path('pairs.tsv'), `${path('ru.txt')}\t${path('en.txt')}\n${path('ru.txt')}\t${path('en-mismatch.txt')}\n`);
const [ru, en] = [path('ru.txt'), path('en.txt')];

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(argv: string[], options: { stdin?: string; tty?: boolean; env?: Record<string, string> } = {}): Promise<Outcome> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = {
    stdout: (text) => void out.push(text),
    stderr: (text) => void err.push(text),
    readStdin: async () => options.stdin ?? '',
    stdoutIsTTY: options.tty ?? false,
    env: options.env ?? {},
  };
  const code = await runCli(argv, io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

function spawnCli(argv: string[], stdin = ''): Promise<Outcome> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...argv],
      { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } },
      (error, stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(stdin);
  });
}

/** Flags that used to be ignored or overridden: each is now a one-line usage error that says what to use. */
const USAGE_ERRORS: Array<[string, string[], RegExp]> = [
  ['align --pairs --format html', ['align', '--pairs', path('pairs.tsv'), '--format', 'html'], /align --pairs does not write html; its formats are json, jsonl, tmx, tsv, xliff/],
  ['demo --format tmx', ['demo', '--format', 'tmx'], /demo does not write tmx; its formats are text, json/],
  ['--json --format tmx', ['align', ru, en, '--json', '--format', 'tmx'], /--format tmx and --json ask for different formats/],
  ['pair --format tmx', ['pair', ru, '--format', 'tmx'], /pair does not write tmx/],
  ['pair --level', ['pair', ru, '--level', 'sentence'], /--level does not apply to pair; it is a flag of align/],
  ['pair --fail-on', ['pair', ru, '--fail-on', 'any'], /--fail-on does not apply to pair; it is a flag of align, check/],
  ["--fail-on ''", ['check', ru, en, '--fail-on', ''], /--fail-on needs a value: unmatched-paragraph, .* or any/],
  ['--level with the text report', ['align', ru, en, '--level', 'sentence'], /--level does not change align --format text; it applies to --format json, jsonl, tmx, tsv, xliff/],
  ['--width with json', ['align', ru, en, '--json', '--width', '80'], /--width does not change align --format json/],
  ['--tmx-creationid without tmx', ['align', ru, en, '--tmx-creationid', 'me'], /--tmx-creationid does not change align --format text; it applies to --format tmx/],
  ['--kinds on align', ['align', ru, en, '--kinds', 'number-mismatch'], /--kinds does not apply to align; it is a flag of check/],
  ['--no-progress for two texts', ['align', ru, en, '--no-progress'], /--no-progress applies to pair and to align --pairs only/],
  ['check --format tmx', ['check', ru, en, '--format', 'tmx'], /check does not write tmx; its formats are text, json, jsonl, tsv, csv, html/],
  ['--kinds with a typo', ['check', ru, en, '--kinds', 'number-mismatc'], /--kinds takes .*not "number-mismatc" \(did you mean number-mismatch\?\)/],
  ['--min-severity loud', ['check', ru, en, '--min-severity', 'loud'], /--min-severity must be error, warning or info/],
  ['an unknown flag', ['align', ru, en, '--bogus'], /^bitext-align: unknown flag --bogus; the flags are in `bitext-align help align`$/],
  ['a misspelt flag', ['check', ru, en, '--ignroe', 'x'], /unknown flag --ignroe \(did you mean --ignore\?\)/],
  ['a flag without its value', ['align', ru, en, '--format'], /^bitext-align: --format needs a value$/],
  ['a flag followed by a flag', ['align', ru, en, '--format', '--json'], /--format needs a value, got the flag --json/],
  ['a value for a switch', ['align', ru, en, '--quiet=yes'], /--quiet takes no value/],
  ['an unknown command', ['algin', ru, en], /unknown command "algin" \(did you mean align\?\)/],
  ['both inputs from stdin', ['align', '-', '-'], /only one of A and B can be -/],
  ['--color and --no-color', ['align', ru, en, '--color', '--no-color'], /contradict/],
  ['--output naming an input', ['align', ru, en, '-o', en], /--output .*en\.txt is also an input/],
];

describe('flags: each works for its command or is a usage error', () => {
  it.each(USAGE_ERRORS)('%s: exit 2, one line in the tool’s words', async (_name, argv, message) => {
    const { code, stdout, stderr } = await run(argv);
    expect(code).toBe(EXIT.usage);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr.trim()).toMatch(message);
    expect(stderr).not.toMatch(/To specify a positional|argument is ambiguous|ERR_PARSE_ARGS/);
  });

  it('a directory where a file is expected: exit 3 saying so, not EISDIR', async () => {
    const { code, stderr } = await run(['check', dir, en]);
    expect(code).toBe(EXIT.input);
    expect(stderr).toMatch(/is a directory; give a file/);
    expect(stderr).not.toMatch(/EISDIR/);
  });

  it('--help and every command’s help document every flag the parser knows', async () => {
    const source = readFileSync(join(ROOT, 'src/cli/args.ts'), 'utf8');
    const flags = [...source.slice(source.indexOf('const FLAGS')).matchAll(/^ {2}'?([a-z-]+)'?: \{ type:/gm)].map((m) => m[1]);
    expect(flags.length).toBeGreaterThan(25);
    const helps = (await Promise.all(['--help', 'help demo', 'help align', 'help check', 'help pair'].map((h) => run(h.split(' '))))).map((o) => o.stdout).join('\n');
    for (const flag of flags) expect(helps, flag).toContain(`--${flag}`);
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const flag of flags) expect(readme, flag).toContain(`--${flag}`);
  });
});

describe('standard input, --output, --quiet', () => {
  it('- reads A or B from standard input, for align and check', async () => {
    const fromFile = await run(['align', ru, en, '--json']);
    const fromStdin = await run(['align', '-', en, '--json'], { stdin: RU });
    expect(JSON.parse(fromStdin.stdout).links).toEqual(JSON.parse(fromFile.stdout).links);
    const check = await run(['check', ru, '-', '--format', 'jsonl'], { stdin: EN });
    expect(check.code).toBe(EXIT.ok);
    expect(check.stdout.trim().split('\n').map((line) => JSON.parse(line).enDocument)).toContain('stdin');
  });

  it('-o FILE writes the result there and nothing on stdout; an unwritable FILE is an input error', async () => {
    const out = path('out.tmx');
    const { code, stdout } = await run(['align', ru, en, '--format', 'tmx', '-o', out]);
    expect(code).toBe(EXIT.ok);
    expect(stdout).toBe('');
    expect(XMLValidator.validate(readFileSync(out, 'utf8'))).toBe(true);
    const bad = await run(['align', ru, en, '--output', dir]);
    expect(bad.code).toBe(EXIT.input);
    expect(bad.stderr).toMatch(/cannot write --output .*: it is a directory/);
  });

  it('--quiet drops warnings and notes, keeps errors', async () => {
    const html = `<html><body><p>${RU.split(/\n\s*\n/).join('</p><p>')}</p></body></html>`;
    writeFileSync(path('ru.html'), html);
    const loud = await run(['check', path('ru.html'), en, '--format', 'tsv']);
    expect(loud.stderr).toMatch(/warning: .*HTML/);
    expect(loud.stderr).toMatch(/note: \d+ issues/);
    const quiet = await run(['check', path('ru.html'), en, '--format', 'tsv', '-q']);
    expect(quiet.stderr).toBe('');
    expect(quiet.stdout).toBe(loud.stdout);
    expect((await run(['check', path('missing.txt'), en, '-q'])).stderr).toMatch(/cannot read/);
  });
});

describe('colour', () => {
  const ESC = '\u001b[';
  it('on a terminal; not into a pipe or a file; NO_COLOR and --no-color turn it off, FORCE_COLOR and --color on', async () => {
    expect((await run(['check', ru, en], { tty: true })).stdout).toContain(ESC);
    expect((await run(['check', ru, en], { tty: false })).stdout).not.toContain(ESC);
    expect((await run(['check', ru, en], { tty: true, env: { NO_COLOR: '1' } })).stdout).not.toContain(ESC);
    expect((await run(['check', ru, en, '--no-color'], { tty: true })).stdout).not.toContain(ESC);
    expect((await run(['check', ru, en], { tty: false, env: { FORCE_COLOR: '1' } })).stdout).toContain(ESC);
    expect((await run(['align', ru, en, '--color'], { tty: false })).stdout).toContain(ESC);
    await run(['align', ru, en, '-o', path('report.txt')], { tty: true });
    expect(readFileSync(path('report.txt'), 'utf8')).not.toContain(ESC);
  });
});

describe('paragraph numbers', () => {
  it('count from 1 in the text reports and messages, from 0 in JSON', async () => {
    const json = JSON.parse((await run(['check', ru, en, '--json'])).stdout);
    const first = json.discrepancies.find((d: { kind: string }) => d.kind === 'unmatched-paragraph');
    expect(first.ru).toEqual([0]);
    expect(first.message).toMatch(/^Russian ¶1 has no English counterpart/);
    const text = (await run(['align', ru, en])).stdout;
    expect(text).toMatch(/^#1 · ru ¶1 ↔ en — /m);
    expect(text).not.toMatch(/¶0/);
    expect((await run(['check', ru, en])).stdout).toMatch(/unmatched-paragraph +ru ¶1 ↔ en — /);
  });
});

describe('rows of many pairs carry their documents', () => {
  it('align --pairs --format tsv adds ru_document and en_document columns; jsonl has ruDocument/enDocument', async () => {
    const tsv = await run(['align', '--pairs', path('pairs.tsv'), '--format', 'tsv']);
    const rows = tsv.stdout.trim().split('\n').map((line) => line.split('\t'));
    expect(rows.every((row) => row.length === 7)).toBe(true);
    expect(new Set(rows.map((row) => row[6]))).toEqual(new Set([en, path('en-mismatch.txt')]));
    const jsonl = await run(['align', '--pairs', path('pairs.tsv'), '--jsonl']);
    expect(new Set(jsonl.stdout.trim().split('\n').map((line) => JSON.parse(line).enDocument))).toEqual(new Set([en, path('en-mismatch.txt')]));
  });

  it('align --pairs --format xliff writes one <file> per pair', async () => {
    const { code, stdout } = await run(['align', '--pairs', path('pairs.tsv'), '--format', 'xliff']);
    expect(code).toBe(EXIT.ok);
    expect(XMLValidator.validate(stdout)).toBe(true);
    const files = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'file' }).parse(stdout).xliff.file;
    expect(files.map((f: Record<string, string>) => f['@_id'])).toEqual(['f1', 'f2']);
  });
});

describe('TMX header fields from the command line', () => {
  it('--tmx-creationid, --tmx-adminlang, --srclang and the locales reach the header and the <tuv>s', async () => {
    const { stdout } = await run([
      'align', ru, en, '--format', 'tmx', '--tmx-creationid', 'reviewer <1>', '--tmx-adminlang', 'en-GB', '--srclang', 'en', '--locale-ru', 'ru-RU', '--locale-en', 'en-US',
    ]);
    const tmx = new XMLParser({ ignoreAttributes: false }).parse(stdout).tmx;
    expect(tmx.header['@_creationid']).toBe('reviewer <1>');
    expect(tmx.header['@_adminlang']).toBe('en-GB');
    expect(tmx.header['@_srclang']).toBe('en-US');
    expect(stdout).toContain('xml:lang="ru-RU"');
  });
});

describe('the CLI as a process', () => {
  it('usage errors, stdin and the exit code of check --fail-on, as a shell sees them', async () => {
    const bogus = await spawnCli(['align', ru, en, '--bogus']);
    expect([bogus.code, bogus.stdout, bogus.stderr.trim().split('\n').length]).toEqual([2, '', 1]);
    const stdin = await spawnCli(['check', '-', path('en-mismatch.txt'), '--format', 'csv', '--fail-on', 'number-mismatch', '-q'], RU);
    expect(stdin.code).toBe(1);
    expect(stdin.stderr).toBe('');
    expect(stdin.stdout.split('\n')[0]).toBe('key,ru_document,en_document,kind,severity,ru_paragraphs,en_paragraphs,ru_value,en_value,ru_snippet,en_snippet,message');
    expect(existsSync(ROOT)).toBe(true);
  });
});
