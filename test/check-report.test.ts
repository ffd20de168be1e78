/**
 * `check` as a QA report: one row per discrepancy in tsv, csv and jsonl, with the document ids, kind, severity,
 * paragraph numbers on both sides (from 1), both values and both snippets; the --kinds and --min-severity
 * filters; the ignore file, whose keys survive unrelated edits of a revised translation; the count per kind.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { alignDocuments } from '../src/align/align.js';
import { findDiscrepancies } from '../src/check/discrepancies.js';
import { EXIT, runCli } from '../src/cli/run.js';
import { ISSUE_COLUMNS, issueRows, parseIgnoreFile } from '../src/export/issues.js';
import { EN, EN_PARAGRAPHS, RU } from './seed.js';

const dir = mkdtempSync(join(tmpdir(), 'bitext-check-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const path = (name: string): string => join(dir, name);
const EN_MISMATCH = EN.replace('4.3', '4.8');
writeFileSync(path('ru.txt'), RU);
writeFileSync(path('en.txt'), EN_MISMATCH);

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { stdout: (t) => void out.push(t), stderr: (t) => void err.push(t), readStdin: async () => '' });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

/** RFC 4180 CSV, parsed (quoted fields with doubled quotes, commas and line breaks inside). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let k = 0; k < text.length; k++) {
    const ch = text[k];
    if (quoted) {
      if (ch === '"' && text[k + 1] === '"') (field += '"'), k++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\n') row.push(field), rows.push(row), (row = []), (field = '');
    else field += ch;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}

const alignment = alignDocuments(RU, EN_MISMATCH, { ids: [path('ru.txt'), path('en.txt')] });
const discrepancies = findDiscrepancies(alignment);

describe('the issue list', () => {
  it('tsv: a header, then one row per discrepancy with ids, kind, severity, paragraphs from 1, values, snippets', async () => {
    const { code, stdout, stderr } = await run(['check', path('ru.txt'), path('en.txt'), '--format', 'tsv']);
    expect(code).toBe(EXIT.ok);
    const [header, ...rows] = stdout.trimEnd().split('\n').map((line) => line.split('\t'));
    expect(header).toEqual([...ISSUE_COLUMNS]);
    expect(rows).toHaveLength(discrepancies.length);
    const col = (name: (typeof ISSUE_COLUMNS)[number]): number => ISSUE_COLUMNS.indexOf(name);
    const mismatch = rows.find((row) => row[col('kind')] === 'number-mismatch')!;
    const d = discrepancies.find((x) => x.kind === 'number-mismatch')!;
    expect(mismatch[col('ru_document')]).toBe(path('ru.txt'));
    expect(mismatch[col('en_document')]).toBe(path('en.txt'));
    expect(mismatch[col('severity')]).toBe('error');
    expect(mismatch[col('ru_paragraphs')]).toBe(String(d.ru[0] + 1));
    expect(mismatch[col('en_paragraphs')]).toBe(String(d.en[0] + 1));
    expect(mismatch[col('ru_value')]).toMatch(/^4,3 млрд/);
    expect(mismatch[col('en_value')]).toMatch(/^4\.8 billion/);
    expect(mismatch[col('ru_snippet')]).toContain('4,3 млрд');
    expect(mismatch[col('en_snippet')]).toContain('4.8 billion');
    // A one-sided issue: the value on its side only, the other side's snippet from the paragraph that lacks it.
    const missing = rows.find((row) => row[col('kind')] === 'number-missing')!;
    expect(missing[col('ru_value')]).toBe('12-го');
    expect(missing[col('en_value')]).toBe('');
    expect(missing[col('en_snippet')].length).toBeGreaterThan(10);
    // The count per kind on stderr.
    expect(stderr).toMatch(/^bitext-align: note: 10 issues: 2 unmatched-paragraph, 6 entity-missing, 1 number-mismatch, 1 number-missing$/m);
  });

  it('csv: the same rows, RFC 4180 quoting, read back field for field', async () => {
    const tsv = (await run(['check', path('ru.txt'), path('en.txt'), '--format', 'tsv'])).stdout.trimEnd().split('\n').map((l) => l.split('\t'));
    const csv = parseCsv((await run(['check', path('ru.txt'), path('en.txt'), '--format', 'csv'])).stdout);
    expect(csv).toEqual(tsv);
    expect(csv.some((row) => row.some((field) => field.includes(',')))).toBe(true);
  });

  it('jsonl: one object per discrepancy, 0-based indices like every JSON output', async () => {
    const lines = (await run(['check', path('ru.txt'), path('en.txt'), '--format', 'jsonl'])).stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.kind, l.ru, l.en])).toEqual(discrepancies.map((d) => [d.kind, d.ru, d.en]));
    expect(lines[0]).toMatchObject({ key: expect.stringMatching(/^[a-z-]+:[0-9a-f]{8}$/), ruDocument: path('ru.txt'), severity: 'warning' });
  });

  it('--kinds and --min-severity filter every format, and --fail-on sees only what is left', async () => {
    const kinds = (await run(['check', path('ru.txt'), path('en.txt'), '--format', 'jsonl', '--kinds', 'entity-missing,number-missing'])).stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).kind);
    expect(new Set(kinds)).toEqual(new Set(['entity-missing', 'number-missing']));
    const errors = await run(['check', path('ru.txt'), path('en.txt'), '--min-severity', 'error', '--fail-on', 'any']);
    expect(errors.code).toBe(EXIT.discrepancies);
    expect(errors.stdout.split('\n')[0]).toBe('1 issue: 1 number-mismatch');
    const none = await run(['check', path('ru.txt'), path('en.txt'), '--kinds', 'entity-missing', '--fail-on', 'number-mismatch']);
    expect(none.code).toBe(EXIT.ok);
    const json = JSON.parse((await run(['check', path('ru.txt'), path('en.txt'), '--json', '--min-severity', 'error'])).stdout);
    expect(json.discrepancies.map((d: { kind: string }) => d.kind)).toEqual(['number-mismatch']);
  });
});

describe('the ignore file', () => {
  it('keys are unique within a pair and survive unrelated edits: insertions, rewordings, renaming the file', () => {
    const keys = issueRows(alignment, discrepancies).map((row) => row.key);
    expect(new Set(keys).size).toBe(keys.length);
    // A revised translation: a paragraph added in the middle, another reworded, under another file name.
    const revised = [
      ...EN_PARAGRAPHS.slice(0, 6),
      'The talks were described by both sides as constructive and lasted well into the evening.',
      ...EN_PARAGRAPHS.slice(6),
    ]
      .map((p) => p.replace('The Prime Ministers initially held', 'At first the Prime Ministers held'))
      .join('\n\n');
    expect(revised).toContain('At first the Prime Ministers held');
    const next = alignDocuments(RU, revised.replace('4.3', '4.8'), { ids: ['ru-v2.txt', 'en-v2.txt'] });
    const nextKeys = issueRows(next, findDiscrepancies(next)).map((row) => row.key);
    for (const key of keys) expect(nextKeys).toContain(key);
  });

  it('--write-ignore accepts the issues of this run; with --ignore the next run shows only new issues', async () => {
    const accepted = path('accepted.tsv');
    const first = await run(['check', path('ru.txt'), path('en.txt'), '--write-ignore', accepted]);
    expect(first.code).toBe(EXIT.ok);
    expect(parseIgnoreFile(readFileSync(accepted, 'utf8')).size).toBe(discrepancies.length);
    const again = await run(['check', path('ru.txt'), path('en.txt'), '--ignore', accepted, '--fail-on', 'any']);
    expect(again.code).toBe(EXIT.ok);
    expect(again.stdout).toBe(`0 issues (${discrepancies.length} accepted in the ignore file, not shown)\n`);
    // The translator revises: a paragraph added, and one more figure changed. Only that change is reported.
    const paragraphs = EN_MISMATCH.split(/\n\s*\n/);
    paragraphs.splice(6, 0, 'A paragraph added in revision, on the talks that were described as constructive.');
    writeFileSync(path('en-v2.txt'), paragraphs.join('\n\n'));
    const revised = await run(['check', path('ru.txt'), path('en-v2.txt'), '--ignore', accepted, '--format', 'jsonl']);
    const rows = revised.stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: 'unmatched-paragraph', enSnippet: expect.stringMatching(/^A paragraph added in revision/) });
  });

  it('a TSV report with the rows to accept kept is itself an ignore file', async () => {
    const report = (await run(['check', path('ru.txt'), path('en.txt'), '--format', 'tsv'])).stdout.split('\n');
    const keep = [report[0], ...report.filter((line) => line.includes('\tentity-missing\t'))].join('\n');
    writeFileSync(path('names-ok.tsv'), keep);
    const left = (await run(['check', path('ru.txt'), path('en.txt'), '--format', 'jsonl', '--ignore', path('names-ok.tsv')])).stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).kind);
    expect(left).not.toContain('entity-missing');
    expect(left.length).toBe(discrepancies.filter((d) => d.kind !== 'entity-missing').length);
  });
});
