import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isLargeRun, isSmallRun, LARGE_RUN_BYTES, LARGE_RUN_FLAGS, SMALL_RUN_BYTES } from '../src/cli/tier.js';

describe('isSmallRun (one-shot runs without the optimising compiler)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tier-'));
  const small = join(dir, 'a.txt');
  const other = join(dir, 'b.txt');
  const large = join(dir, 'c.txt');
  writeFileSync(small, 'Встреча в Баку.');
  writeFileSync(other, 'A meeting in Baku.');
  writeFileSync(large, 'x'.repeat(SMALL_RUN_BYTES));

  it('is true for align or check of two short files only', () => {
    expect(isSmallRun(['align', small, other])).toBe(true);
    expect(isSmallRun(['check', small, other, '--json'])).toBe(true);
    expect(isSmallRun(['align', small, large])).toBe(false);
    expect(isSmallRun(['pair', small, other])).toBe(false);
    expect(isSmallRun(['align', '--pairs', small])).toBe(false);
    expect(isSmallRun(['align', small, '-'])).toBe(false);
    expect(isSmallRun(['align', small, dir])).toBe(false);
  });

  it('answers false instead of throwing for what the command itself reports', () => {
    expect(isSmallRun(['align', small, join(dir, 'missing.txt')])).toBe(false);
    expect(isSmallRun(['align', '--no-such-flag', small, other])).toBe(false);
    expect(isSmallRun([])).toBe(false);
  });
});

describe('isLargeRun (one-shot runs that keep the young generation small)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tier-large-'));
  const small = join(dir, 'a.txt');
  const half = join(dir, 'b.txt');
  writeFileSync(small, 'A meeting in Baku.');
  writeFileSync(half, 'x'.repeat(LARGE_RUN_BYTES / 2));

  it('is true for align or check of two files that together reach the threshold only', () => {
    expect(isLargeRun(['align', half, half, '--json'])).toBe(true);
    expect(isLargeRun(['check', half, half])).toBe(true);
    expect(isLargeRun(['align', small, half])).toBe(false);
    expect(isLargeRun(['align', '--pairs', half])).toBe(false);
    expect(isLargeRun(['pair', half, half])).toBe(false);
    expect(isLargeRun(['align', half, '-'])).toBe(false);
  });

  it('has flags V8 knows', () => {
    // V8 ignores a flag it does not know (a warning on stderr only): check the names against its list.
    const known = execFileSync(process.execPath, ['--v8-options'], { encoding: 'utf8' });
    for (const flag of LARGE_RUN_FLAGS) expect(known).toContain(`  ${flag.split('=')[0]} `);
  });

  it('answers false instead of throwing', () => {
    expect(isLargeRun(['align', half, join(dir, 'missing.txt')])).toBe(false);
    expect(isLargeRun([])).toBe(false);
  });
});
