import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isSmallRun, MEMORY_FLAGS, SMALL_RUN_BYTES, usesMemoryFlags } from '../src/cli/tier.js';

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

describe('MEMORY_FLAGS (how align and check runs grow their heap)', () => {
  it('are set for align and check runs only', () => {
    expect(usesMemoryFlags(['align', 'a.txt', 'b.txt', '--json'])).toBe(true);
    expect(usesMemoryFlags(['check', '--pairs', 'list.tsv'])).toBe(true);
    expect(usesMemoryFlags(['align', '-', 'b.txt'])).toBe(true);
    expect(usesMemoryFlags(['pair', 'dir'])).toBe(false);
    expect(usesMemoryFlags(['--version'])).toBe(false);
    expect(usesMemoryFlags(['align', '--no-such-flag'])).toBe(false);
    expect(usesMemoryFlags([])).toBe(false);
  });

  it('are flags V8 knows', () => {
    // V8 ignores a flag it does not know (a warning on stderr only): check the names against its list.
    const known = execFileSync(process.execPath, ['--v8-options'], { encoding: 'utf8' });
    for (const flag of MEMORY_FLAGS) expect(known).toContain(`  ${flag.split('=')[0]} `);
  });
});
