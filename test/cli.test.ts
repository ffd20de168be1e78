/**
 * The command line as a user meets it: exit codes (0 ok, 1 discrepancies with --fail-on, 2 usage, 3 input
 * error), errors on stderr and results on stdout, no stack trace for a user error, and runs over many files
 * that go on past a bad one and report it at the end. Most cases run in-process through `runCli` (fast); a few
 * spawn the real program (`node --import tsx src/cli/bin.ts`, no build needed) to check what a shell sees.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, spawnCli } from './cli-harness.js';
import { EXIT, runCli, type CliIO } from '../src/cli/run.js';

const corpus = (name: string): string => readFileSync(join(ROOT, 'corpus', name), 'utf8');
const RU = corpus('002_6e70b530b08c33a1.txt');
const EN = corpus('000_0de97bedda4ecb13.txt');
/** The English seed with one figure changed: a number-mismatch ("4,3 млрд" vs "4.8 billion"). */
const EN_MISMATCH = EN.replace('4.3', '4.8');

/** A stack trace line ("    at fn (file:1:2)"): never shown for a user error. */
const STACK_LINE = /^\s+at .+[(:]\d+/m;

const dir = mkdtempSync(join(tmpdir(), 'bitext-cli-'));
const path = (name: string): string => join(dir, name);
const utf16le = (text: string): Uint8Array => {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set([0xff, 0xfe]);
  for (let k = 0; k < text.length; k++) {
    bytes[2 + 2 * k] = text.charCodeAt(k) & 0xff;
    bytes[3 + 2 * k] = text.charCodeAt(k) >> 8;
  }
  return bytes;
};
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]);
const CP1251 = new Uint8Array([0xcf, 0xf0, 0xe5, 0xec, 0xfc, 0xe5, 0xf0, 0x20, 0xe2, 0xf1, 0xf2, 0xf0, 0xe5, 0xf2, 0xe8, 0xeb, 0xf1, 0xff]);
const HTML_RU = `<!DOCTYPE html><html><head><title>x</title><style>p{}</style></head><body>${RU.split(/\n\s*\n/)
  .map((p) => `<p class="para">${p.replace(/&/g, '&amp;')}</p>`)
  .join('\n')}</body></html>`;

writeFileSync(path('ru.txt'), RU);
writeFileSync(path('en.txt'), EN);
writeFileSync(path('en-mismatch.txt'), EN_MISMATCH);
writeFileSync(path('en-utf16.txt'), utf16le(EN));
writeFileSync(path('ru.html'), HTML_RU);
writeFileSync(path('empty.txt'), '');
writeFileSync(path('blank.txt'), ' \n\t\r\n ');
writeFileSync(path('binary.txt'), PNG);
writeFileSync(path('cp1251.txt'), CP1251);
writeFileSync(path('glossary-bad.json'), JSON.stringify([{ id: 'x', forms: [1, 2] }]));
writeFileSync(path('glossary-notjson.json'), '{ not json');
writeFileSync(
  path('pairs.tsv'),
  [
    '# ru\ten',
    `${path('ru.txt')}\t${path('en.txt')}`,
    `${path('missing.txt')}\t${path('en.txt')}`,
    `${path('ru.txt')}\t${path('ru.txt')}`,
    'a line without a tab',
    `${path('binary.txt')}\t${path('en.txt')}`,
    `${path('ru.txt')}\t${path('en-mismatch.txt')}`,
  ].join('\n'),
);
// A collection for `pair`: the bundled corpus plus a binary file, a cp1251 file, an empty file and a dangling link.
mkdirSync(path('collection/sub'), { recursive: true });
for (const name of readdirSync(join(ROOT, 'corpus'))) writeFileSync(path(`collection/${name}`), corpus(name));
writeFileSync(path('collection/image.txt'), PNG);
writeFileSync(path('collection/sub/legacy.txt'), CP1251);
writeFileSync(path('collection/sub/empty.txt'), '');
writeFileSync(path('collection/sub/ignored.png'), PNG);
symlinkSync(path('nowhere.txt'), path('collection/sub/dangling.txt'));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run the CLI in-process with captured streams. */
async function run(argv: string[], stdin = ''): Promise<Outcome> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = {
    stdout: (text) => void out.push(text),
    stderr: (text) => void err.push(text),
    readStdin: async () => stdin,
    stderrIsTTY: false,
  };
  const code = await runCli(argv, io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

/** Lines of JSONL output, parsed. */
const jsonLines = (text: string): Array<Record<string, unknown>> =>
  text
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

interface CliCase {
  name: string;
  argv: string[];
  stdin?: string;
  code: number;
  /** What stdout must match; `''` = nothing on stdout. */
  stdout?: RegExp | '';
  /** What stderr must match; `''` = nothing on stderr. */
  stderr?: RegExp | '';
  check?: (outcome: Outcome) => void;
}

const CASES: CliCase[] = [
  // 0: done
  { name: '--help', argv: ['--help'], code: EXIT.ok, stdout: /Exit codes: 0 done; 1 discrepancies.*2 usage error; 3 input error/s, stderr: '' },
  { name: 'help align', argv: ['help', 'align'], code: EXIT.ok, stdout: /--pairs LIST/, stderr: '' },
  { name: '--version', argv: ['--version'], code: EXIT.ok, stdout: /^\d+\.\d+\.\d+/, stderr: '' },
  { name: 'align: the seed pair, text report', argv: ['align', path('ru.txt'), path('en.txt')], code: EXIT.ok, stdout: /Russian: .*ru\.txt/, stderr: '' },
  {
    name: 'align --json: pure JSON on stdout',
    argv: ['align', path('ru.txt'), path('en.txt'), '--json'],
    code: EXIT.ok,
    stderr: '',
    check: ({ stdout }) => expect(JSON.parse(stdout)).toMatchObject({ links: expect.any(Array), discrepancies: expect.any(Array) }),
  },
  {
    name: 'align: arguments in English, Russian order',
    argv: ['align', path('en.txt'), path('ru.txt'), '--json'],
    code: EXIT.ok,
    check: ({ stdout }) => expect(JSON.parse(stdout).links.length).toBeGreaterThan(5),
  },
  { name: 'align: UTF-16 LE file with a byte-order mark', argv: ['align', path('ru.txt'), path('en-utf16.txt'), '--json'], code: EXIT.ok, stderr: '' },
  {
    name: 'align: HTML instead of text (warning on stderr, JSON on stdout)',
    argv: ['align', path('ru.html'), path('en.txt'), '--json'],
    code: EXIT.ok,
    stderr: /warning: Russian text: the text looks like HTML; tags were ignored/,
    check: ({ stdout }) => {
      const json = JSON.parse(stdout);
      expect(json.paragraphs.ru.length).toBe(RU.split(/\n\s*\n/).filter((p) => p.trim()).length + 1); // + <title>
    },
  },
  { name: 'check: no discrepancy of the --fail-on kind', argv: ['check', path('ru.txt'), path('en.txt'), '--fail-on', 'number-mismatch'], code: EXIT.ok },
  // 1: discrepancies found, when asked with --fail-on
  {
    name: 'check --fail-on number-mismatch: a changed figure',
    argv: ['check', path('ru.txt'), path('en-mismatch.txt'), '--fail-on', 'number-mismatch'],
    code: EXIT.discrepancies,
    stdout: /number-mismatch +ru ¶\d+ ↔ en ¶\d+ +figure differs: .*«4,3 млрд[^»]*».*«4\.8 billion[^»]*»/,
    stderr: '',
  },
  {
    name: 'check --json --fail-on any',
    argv: ['check', path('ru.txt'), path('en-mismatch.txt'), '--json', '--fail-on', 'any'],
    code: EXIT.discrepancies,
    check: ({ stdout }) => expect(JSON.parse(stdout).discrepancies.some((d: { kind: string }) => d.kind === 'number-mismatch')).toBe(true),
  },
  { name: 'align without --fail-on: discrepancies do not change the exit code', argv: ['align', path('ru.txt'), path('en-mismatch.txt'), '--json'], code: EXIT.ok },
  // 2: usage
  { name: 'unknown command', argv: ['frobnicate'], code: EXIT.usage, stdout: '', stderr: /unknown command "frobnicate"/ },
  { name: 'unknown flag', argv: ['align', 'a', 'b', '--frobnicate'], code: EXIT.usage, stdout: '', stderr: /^bitext-align: unknown flag --frobnicate; the flags are in `bitext-align help align`\n$/ },
  { name: 'align with one path', argv: ['align', path('ru.txt')], code: EXIT.usage, stdout: '', stderr: /exactly two texts/ },
  { name: 'align with three paths', argv: ['align', 'a', 'b', 'c'], code: EXIT.usage, stdout: '', stderr: /exactly two texts/ },
  { name: '--format xml', argv: ['align', 'a', 'b', '--format', 'xml'], code: EXIT.usage, stdout: '', stderr: /--format must be one of/ },
  { name: '--fail-on with an unknown kind', argv: ['check', 'a', 'b', '--fail-on', 'typos'], code: EXIT.usage, stdout: '', stderr: /--fail-on takes/ },
  { name: '--lang-a de', argv: ['align', 'a', 'b', '--lang-a', 'de'], code: EXIT.usage, stdout: '', stderr: /--lang-a must be ru or en/ },
  { name: '--min-score 2', argv: ['align', 'a', 'b', '--min-score', '2'], code: EXIT.usage, stdout: '', stderr: /--min-score takes a number from 0 to 1/ },
  { name: '--max-input-size 0', argv: ['align', 'a', 'b', '--max-input-size', '0'], code: EXIT.usage, stdout: '', stderr: /--max-input-size takes a whole number/ },
  { name: '--max-input-size abc', argv: ['align', 'a', 'b', '--max-input-size=abc'], code: EXIT.usage, stdout: '', stderr: /--max-input-size takes a whole number/ },
  { name: 'pair without paths', argv: ['pair'], code: EXIT.usage, stdout: '', stderr: /pair takes files/ },
  { name: 'demo with a path', argv: ['demo', 'x'], code: EXIT.usage, stdout: '', stderr: /demo takes no paths/ },
  // 3: input errors
  { name: 'align: a missing file', argv: ['align', path('missing.txt'), path('en.txt')], code: EXIT.input, stdout: '', stderr: /cannot read .*missing\.txt: no such file/ },
  { name: 'align: a directory', argv: ['align', dir, path('en.txt')], code: EXIT.input, stdout: '', stderr: /is a directory; give a file .*bitext-align pair/ },
  { name: 'align: an empty file', argv: ['align', path('empty.txt'), path('en.txt')], code: EXIT.input, stdout: '', stderr: /empty\.txt: the text is empty/ },
  { name: 'align: white space only', argv: ['align', path('blank.txt'), path('en.txt')], code: EXIT.input, stdout: '', stderr: /blank\.txt: the text is empty/ },
  { name: 'align: binary bytes (PNG)', argv: ['align', path('binary.txt'), path('en.txt')], code: EXIT.input, stdout: '', stderr: /binary\.txt: the file holds NUL bytes/ },
  { name: 'align: cp1251 bytes', argv: ['align', path('cp1251.txt'), path('en.txt')], code: EXIT.input, stdout: '', stderr: /cp1251\.txt: the bytes are not valid UTF-8; they look like windows-1251: pass --encoding windows-1251, or convert .*iconv/ },
  { name: 'align: the same language twice', argv: ['align', path('ru.txt'), path('ru.txt')], code: EXIT.input, stdout: '', stderr: /both texts are Russian/ },
  {
    name: 'align: --lang-a forcing the same language as the other text',
    argv: ['align', path('ru.txt'), path('en.txt'), '--lang-a', 'en'],
    code: EXIT.input,
    stderr: /both texts are English/,
  },
  {
    name: 'align: a file over --max-input-size',
    argv: ['align', path('ru.txt'), path('en.txt'), '--max-input-size', '1000'],
    code: EXIT.input,
    stdout: '',
    stderr: /ru\.txt: input is [\d,]+ bytes, more than the limit of 1,000; split it, or raise --max-input-size/,
  },
  { name: '--glossary: forms that are not strings', argv: ['align', path('ru.txt'), path('en.txt'), '--glossary', path('glossary-bad.json')], code: EXIT.input, stderr: /must be a JSON list/ },
  { name: '--glossary: not JSON', argv: ['align', path('ru.txt'), path('en.txt'), '--glossary', path('glossary-notjson.json')], code: EXIT.input, stderr: /is not JSON/ },
  { name: '--glossary: a missing file', argv: ['align', path('ru.txt'), path('en.txt'), '--glossary', path('nope.json')], code: EXIT.input, stderr: /cannot read/ },
  {
    name: 'align --pairs: goes on past a missing file, a same-language pair, a bad line and a binary file',
    argv: ['align', '--pairs', path('pairs.tsv'), '--json'],
    code: EXIT.input,
    stderr: /4 pair\(s\) could not be aligned; see the "error" lines\n$/,
    check: ({ stdout }) => {
      const lines = jsonLines(stdout);
      expect(lines).toHaveLength(6);
      expect(lines.map((line) => (line.error as { code?: string } | undefined)?.code ?? 'ok')).toEqual([
        'ok',
        'unreadable',
        'same-language',
        'invalid-option',
        'binary',
        'ok',
      ]);
      expect((lines[1].error as { message: string }).message).toMatch(/missing\.txt: no such file/);
    },
  },
  {
    name: 'align --pairs - : the list on stdin',
    argv: ['align', '--pairs', '-', '--json'],
    stdin: `${path('ru.txt')}\t${path('en.txt')}\n`,
    code: EXIT.ok,
    check: ({ stdout }) => expect(jsonLines(stdout)).toHaveLength(1),
  },
  {
    name: 'align --pairs --fail-on: discrepancies but no error',
    argv: ['align', '--pairs', '-', '--json', '--fail-on', 'number-mismatch'],
    stdin: `${path('ru.txt')}\t${path('en-mismatch.txt')}\n`,
    code: EXIT.discrepancies,
  },
  { name: 'align --pairs: a missing list', argv: ['align', '--pairs', path('nope.tsv')], code: EXIT.input, stdout: '', stderr: /cannot read/ },
  {
    name: 'pair: a directory with a binary, a cp1251, an empty file and a dangling link',
    argv: ['pair', path('collection'), '--json', '--no-progress'],
    code: EXIT.input,
    check: ({ stdout, stderr }) => {
      const json = JSON.parse(stdout) as { pairs: unknown[]; errors: Array<{ path: string; message: string }> };
      expect(json.pairs.length).toBeGreaterThanOrEqual(1);
      const errors = Object.fromEntries(json.errors.map((e) => [e.path.slice(dir.length + 1), e.message]));
      expect(Object.keys(errors).sort()).toEqual(['collection/image.txt', 'collection/sub/dangling.txt', 'collection/sub/empty.txt', 'collection/sub/legacy.txt']);
      expect(errors['collection/image.txt']).toMatch(/binary|NUL/);
      expect(errors['collection/sub/legacy.txt']).toMatch(/not valid UTF-8/);
      expect(errors['collection/sub/empty.txt']).toMatch(/empty/);
      // Reported at the end, after the results, one line per bad file.
      expect(stderr.match(/^bitext-align: skipped /gm)).toHaveLength(4);
    },
  },
  {
    name: 'pair: a path that does not exist among good ones',
    argv: ['pair', path('ru.txt'), path('en.txt'), path('missing.txt'), '--no-progress'],
    code: EXIT.input,
    stdout: /Pairs \(Russian ↔ English, score\):\n {2}.*ru\.txt {2}↔ {2}.*en\.txt/,
    stderr: /skipped .*missing\.txt: no such file or directory/,
  },
  {
    name: 'pair - : JSONL on stdin with a broken line',
    argv: ['pair', '-', '--json', '--no-progress'],
    stdin: [JSON.stringify({ id: 'r', text: RU }), '{ broken', JSON.stringify({ id: 'e', text: EN }), JSON.stringify({ id: 'x' })].join('\n'),
    code: EXIT.input,
    check: ({ stdout, stderr }) => {
      expect(JSON.parse(stdout).pairs).toEqual([expect.objectContaining({ ru: 'r', en: 'e' })]);
      expect(stderr).toMatch(/skipped stdin:2: not a JSON line/);
      expect(stderr).toMatch(/skipped stdin:4: not a JSON line with a "text" field/);
    },
  },
];

describe('the CLI in-process (runCli)', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const outcome = await run(c.argv, c.stdin);
    expect(outcome.code, `stderr: ${outcome.stderr}`).toBe(c.code);
    if (c.stdout === '') expect(outcome.stdout).toBe('');
    else if (c.stdout) expect(outcome.stdout).toMatch(c.stdout);
    if (c.stderr === '') expect(outcome.stderr).toBe('');
    else if (c.stderr) expect(outcome.stderr).toMatch(c.stderr);
    // A user error is one line a person can act on, never a stack trace or an "internal error".
    expect(outcome.stderr).not.toMatch(STACK_LINE);
    expect(outcome.stderr).not.toMatch(/internal error/);
    c.check?.(outcome);
  });

  it('writes --moses files; an unwritable prefix is an input error (exit 3), not an internal error', async () => {
    const ok = await run(['align', path('ru.txt'), path('en.txt'), '--moses', path('out'), '--json']);
    expect(ok.code).toBe(EXIT.ok);
    expect(readFileSync(path('out.ru'), 'utf8').split('\n').length).toBe(readFileSync(path('out.en'), 'utf8').split('\n').length);
    const bad = await run(['align', path('ru.txt'), path('en.txt'), '--moses', path('no/such/dir/out')]);
    expect(bad.code).toBe(EXIT.input);
    expect(bad.stderr).toMatch(/^bitext-align: cannot write --moses files .*no\/such\/dir\/out\.ru and .*out\.en: ENOENT/);
    expect(bad.stderr).not.toMatch(STACK_LINE);
    const list = await run(['align', '--pairs', '-', '--json', '--moses', path('no/such/dir/out')], `${path('ru.txt')}\t${path('en.txt')}\n`);
    expect(list.code).toBe(EXIT.input);
    expect(list.stderr).not.toMatch(STACK_LINE);
  });
});


describe('the CLI as a process', () => {
  it('align --json: exit 0, stdout is pure JSON from its first byte, nothing on stderr', async () => {
    const { code, stdout, stderr } = await spawnCli(['align', path('ru.txt'), path('en.txt'), '--json']);
    expect(code).toBe(0);
    expect(stdout.startsWith('{')).toBe(true);
    expect(() => JSON.parse(stdout)).not.toThrow();
    expect(stderr).toBe('');
  });

  it('check --fail-on: exit 1, the report on stdout', async () => {
    const { code, stdout } = await spawnCli(['check', path('ru.txt'), path('en-mismatch.txt'), '--json', '--fail-on', 'number-mismatch']);
    expect(code).toBe(1);
    expect(JSON.parse(stdout).discrepancies.length).toBeGreaterThan(0);
  });

  it('a usage error: exit 2, one line on stderr, nothing on stdout', async () => {
    const { code, stdout, stderr } = await spawnCli(['align', '--frobnicate']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('an input error: exit 3, one line on stderr, no stack trace', async () => {
    const { code, stdout, stderr } = await spawnCli(['align', path('cp1251.txt'), path('en.txt'), '--json']);
    expect(code).toBe(3);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^bitext-align: .*cp1251\.txt: the bytes are not valid UTF-8/);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).not.toMatch(STACK_LINE);
  });

  it('pair --json over a directory with bad files: exit 3, pure JSON on stdout, the bad files on stderr', async () => {
    const { code, stdout, stderr } = await spawnCli(['pair', path('collection'), '--json', '--no-progress']);
    expect(code).toBe(3);
    expect(JSON.parse(stdout).errors).toHaveLength(4);
    expect(stderr.match(/^bitext-align: skipped /gm)).toHaveLength(4);
    expect(stderr).not.toMatch(STACK_LINE);
  });

  it('cp1251 JSONL on stdin: exit 3 with a clear message, not replacement characters', async () => {
    const record = new Uint8Array([...new TextEncoder().encode('{"id":"a","text":"'), ...CP1251, ...new TextEncoder().encode('"}\n')]);
    const { code, stderr } = await spawnCli(['pair', '-', '--json', '--no-progress'], { stdin: record });
    expect(code).toBe(3);
    expect(stderr).toMatch(/standard input is not valid UTF-8/);
  });
});

describe('imports of natural', () => {
  // Loading the package root prints "injected env" lines on stdout (dotenv), which breaks --json output.
  it('src/ imports only deep modules of natural, never the package root', () => {
    const files = (readdirSync(join(ROOT, 'src'), { recursive: true }) as string[]).filter((file) => /\.[cm]?ts$/.test(file));
    expect(files.length).toBeGreaterThan(20);
    const offenders = files.filter((file) =>
      /from\s+['"]natural['"]|require\(\s*['"]natural['"]\s*\)|import\(\s*['"]natural['"]\s*\)|from\s+['"]natural\/?(?:index(?:\.js)?|lib\/natural(?:\/index(?:\.js)?)?)['"]/.test(
        readFileSync(join(ROOT, 'src', file), 'utf8'),
      ),
    );
    expect(offenders).toEqual([]);
  });
});
