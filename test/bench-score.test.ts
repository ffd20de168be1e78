/**
 * The benchmark's scoring, on small hand-made examples worked out by hand from the development README's
 * definitions (strict and lax links, omissions, number mismatches, pairing).
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluatePairing } from '../bench/pairing-task.js';
import { hunalign, ladderToLinks, loadHunalign, parseLadder } from '../bench/hunalign.js';
import { pairedMs } from '../bench/measure.js';
import {
  laxCounts,
  mismatchCounts,
  omissionCounts,
  pairingCounts,
  prf,
  strictCounts,
  unaligned,
  type IndexLink,
} from '../bench/score.js';

const gold: IndexLink[] = [
  [[0], [0]],
  [[1, 2], [1]],
  [[3], []],
  [[4], [2, 3]],
];

describe('link scoring', () => {
  it('strict: identical links only, one-sided links left out', () => {
    const predicted: IndexLink[] = [
      [[0], [0]],
      [[1], [1]],
      [[2], []],
      [[3, 4], [2, 3]],
    ];
    // Two-sided predicted: 3, of which 1 is in the gold; two-sided gold: 3, of which 1 is predicted.
    expect(strictCounts(predicted, gold)).toEqual({ truePositives: 1, predicted: 3, found: 1, gold: 3 });
    expect(prf(strictCounts(predicted, gold)).f1).toBeCloseTo(1 / 3);
  });

  it('lax: a link counts when it overlaps a gold link on both sides', () => {
    const predicted: IndexLink[] = [
      [[0], [0]],
      [[1], [1]],
      [[2], []],
      [[3, 4], [2, 3]],
    ];
    expect(laxCounts(predicted, gold)).toEqual({ truePositives: 3, predicted: 3, found: 3, gold: 3 });
  });

  it('treats index order inside a link as irrelevant', () => {
    expect(strictCounts([[[2, 1], [1]]], [[[1, 2], [1]]]).truePositives).toBe(1);
  });
});

describe('omission scoring', () => {
  it('counts a paragraph as unaligned when no two-sided link holds it, including one left out entirely', () => {
    const predicted: IndexLink[] = [
      [[0], [0]],
      [[1, 2], [1]],
      [[3], []],
    ];
    expect(unaligned(predicted, { ru: 5, en: 4 })).toEqual({ ru: [3, 4], en: [2, 3] });
  });

  it('scores precision and recall of predicted omissions', () => {
    expect(omissionCounts([3, 4], [3])).toEqual({ truePositives: 1, predicted: 2, found: 1, gold: 1 });
    expect(prf(omissionCounts([], [3]))).toEqual({ precision: 0, recall: 0, f1: 0 });
  });
});

describe('number-mismatch scoring', () => {
  it('matches a prediction that names the gold paragraphs, one to one', () => {
    const goldItems = [{ ru: 4, en: 3 }];
    expect(mismatchCounts([{ ru: [4], en: [2, 3] }], goldItems).truePositives).toBe(1);
    // A second report of the same change is a false positive.
    expect(mismatchCounts([{ ru: [4], en: [3] }, { ru: [4], en: [3] }], goldItems)).toEqual({
      truePositives: 1,
      predicted: 2,
      found: 1,
      gold: 1,
    });
    // A one-sided prediction matches on its side only.
    expect(mismatchCounts([{ ru: [4], en: [] }], goldItems).truePositives).toBe(1);
    expect(mismatchCounts([{ ru: [5], en: [3] }], goldItems).truePositives).toBe(0);
  });
});

describe('pairing scoring', () => {
  const goldPairing = {
    files: ['r1', 'r2', 'r3', 'e1', 'e2', 'd1'],
    pairs: [
      ['r1', 'e1'],
      ['r2', 'e2'],
    ] as Array<[string, string]>,
    unpaired: ['r3', 'd1'],
    roles: {
      r1: { lang: 'ru' as const, role: 'document' },
      r2: { lang: 'ru' as const, role: 'document' },
      r3: { lang: 'ru' as const, role: 'document' },
      e1: { lang: 'en' as const, role: 'document' },
      e2: { lang: 'en' as const, role: 'document' },
      d1: { lang: 'en' as const, role: 'distractor' },
    },
  };

  it('compares unordered pairs by name', () => {
    expect(pairingCounts([['e1', 'r1']], [['r1', 'e1']]).truePositives).toBe(1);
  });

  it('scores pairs, unpaired files, distractors and partnerless documents paired', () => {
    const report = evaluatePairing(
      {
        pairs: [
          { ru: 'r1', en: 'e1' },
          { ru: 'r3', en: 'd1' },
        ],
      },
      goldPairing,
    );
    expect(report.pairs).toMatchObject({ truePositives: 1, predicted: 2, found: 1, gold: 2, precision: 0.5, recall: 0.5 });
    // Unpaired predicted: r2, e2 (both wrong); gold unpaired r3, d1 were both paired.
    expect(report.unpaired).toMatchObject({ truePositives: 0, predicted: 2, gold: 2 });
    expect(report.distractorsPaired).toBe(1);
    expect(report.partnerlessPaired).toBe(1);
  });
});

describe('hunalign ladder', () => {
  it('turns rungs into links, one-sided stretches into one link per paragraph', () => {
    expect(ladderToLinks(parseLadder('0\t0\t0.5\n1\t1\t0.3\n3\t2\t0.1\n3\t3\t0.2\n'), 4, 3)).toEqual([
      [[0], [0]],
      [[1, 2], [1]],
      [[], [2]],
      [[3], []],
    ]);
  });

  it('runs the WebAssembly build on consecutive cases, each ladder its own', async () => {
    delete process.env.HUNALIGN_BIN;
    const runner = await loadHunalign();
    expect(runner?.label).toMatch(/WebAssembly/);
    if (!runner) return;
    const ru = ['Первый абзац о встрече министров.', 'Второй, гораздо более длинный абзац о переговорах и их итогах.', 'Третий.'];
    const en = ['The first paragraph about the ministers meeting.', 'The second, much longer paragraph on the talks and what came of them.', 'Third.'];
    const first = await hunalign(runner, ru, en);
    expect(first).toEqual([[[0], [0]], [[1], [1]], [[2], [2]]]);
    // A second run must not return the first run's rungs again.
    expect(await hunalign(runner, ru.slice(0, 2), en.slice(0, 2))).toEqual([[[0], [0]], [[1], [1]]]);
  });
});

describe('timing in alternation', () => {
  it('warms each side up, then runs one of each per round', () => {
    const calls: string[] = [];
    const result = pairedMs(() => void calls.push('a'), () => void calls.push('b'), 3, 2);
    expect(calls.join('')).toBe('aabbababab');
    expect(result.aMs).toBeGreaterThanOrEqual(0);
    expect(result.bMs).toBeGreaterThanOrEqual(0);
  });
});

describe('native hunalign runner', () => {
  it('starts the binary once per case from one shell loop, with the dictionary and both files of that case', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bitext-fake-hunalign-'));
    const saved = process.env.HUNALIGN_BIN;
    try {
      // A stand-in for hunalign that logs its arguments' base names and the first line of each input.
      const bin = join(dir, 'fake-hunalign');
      const log = join(dir, 'calls.log');
      writeFileSync(bin, `#!/bin/sh\necho "$(basename "$1") $(basename "$2") $(basename "$3") $(head -n 1 "$2")|$(head -n 1 "$3")" >> '${log}'\n`);
      chmodSync(bin, 0o755);
      process.env.HUNALIGN_BIN = bin;
      const runner = await loadHunalign();
      expect(runner?.label).toMatch(/native binary \(HUNALIGN_BIN=fake-hunalign\)/);
      const ms = runner!.shellLoopMs!([
        [['Один.', 'Два.'], ['One.', 'Two.']],
        [['Три\nстроки.'], ['Three\nlines.']],
      ]);
      expect(ms).toBeGreaterThan(0);
      expect(readFileSync(log, 'utf8')).toBe('empty.dic 0.src 0.tgt Один.|One.\nempty.dic 1.src 1.tgt Три строки.|Three lines.\n');
    } finally {
      if (saved === undefined) delete process.env.HUNALIGN_BIN;
      else process.env.HUNALIGN_BIN = saved;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
