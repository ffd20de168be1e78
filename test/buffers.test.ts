/**
 * Giving large buffers back early (src/buffers.ts) and where the run does it: a releasable buffer is emptied at
 * once and a plain one left alone (never detached); the CLI's reader makes large inputs releasable and gives them
 * back on request, leaving small ones and strings alone; `align` of a pair over 1 MiB, whose bytes it gives back
 * once aligned, writes what the library gives for the same bytes. (The DP gives a long search's tables back:
 * align-memory.test.ts checks its paths against a reference DP.)
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RELEASABLE, releasableBuffer, releaseBuffer } from '../src/buffers.js';
import { readCapped, releaseInput } from '../src/cli/read.js';
import { runCli, type CliIO } from '../src/cli/run.js';
import { alignDocuments, findDiscrepancies, toJson } from '../src/index.js';

const isReleasable = (buffer: ArrayBufferLike): boolean => (buffer as { resizable?: boolean }).resizable === true;

describe('releasableBuffer and releaseBuffer', () => {
  it('make a zeroed buffer of the size asked, and empty it and every view of it', () => {
    const buffer = releasableBuffer(1 << 20);
    expect(RELEASABLE).toBe(true); // Node 20 has resizable buffers
    expect(isReleasable(buffer)).toBe(true);
    const view = new Float64Array(buffer, 8, 1000);
    expect(buffer.byteLength).toBe(1 << 20);
    expect(view.every((x) => x === 0)).toBe(true);
    releaseBuffer(buffer);
    expect(buffer.byteLength).toBe(0);
    expect(view.length).toBe(0);
  });

  it('leave a plain buffer as it is (detaching one would slow every typed array of the process)', () => {
    const buffer = new ArrayBuffer(4096);
    const view = new Uint8Array(buffer);
    view[7] = 7;
    releaseBuffer(buffer);
    expect(buffer.byteLength).toBe(4096);
    expect(view[7]).toBe(7);
  });
});

describe("the CLI reader's large inputs", () => {
  const dir = mkdtempSync(join(tmpdir(), 'bitext-buffers-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('are read into releasable buffers from 1 MiB and given back by releaseInput', async () => {
    const path = join(dir, 'large.txt');
    writeFileSync(path, 'Премьер-министр заявил. '.repeat(30_000));
    const bytes = await readCapped(path);
    expect(bytes.length).toBeGreaterThan(1 << 20);
    expect(new TextDecoder().decode(bytes)).toBe('Премьер-министр заявил. '.repeat(30_000));
    expect(isReleasable(bytes.buffer)).toBe(true);
    releaseInput(bytes);
    expect(bytes.length).toBe(0);
  });

  it('leave small files, other buffers and strings as they are', async () => {
    const path = join(dir, 'small.txt');
    writeFileSync(path, 'short text');
    const bytes = await readCapped(path);
    expect(isReleasable(bytes.buffer)).toBe(false);
    releaseInput(bytes);
    expect(new TextDecoder().decode(bytes)).toBe('short text');
    const pooled = Buffer.from('a pooled buffer shares its memory with others');
    releaseInput(pooled);
    expect(pooled.toString()).toBe('a pooled buffer shares its memory with others');
    expect(() => releaseInput('text')).not.toThrow();
  });
});

describe('align of a pair whose bytes are given back once aligned', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bitext-release-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the JSON the library gives for the same bytes (the checks and the export need nothing of them)', async () => {
    const corpus = (name: string): string => readFileSync(new URL(`../corpus/${name}`, import.meta.url), 'utf8').trim();
    const [ruText, enText] = [corpus('002_6e70b530b08c33a1.txt'), corpus('000_0de97bedda4ecb13.txt')];
    const ru = join(dir, 'ru.txt');
    const en = join(dir, 'en.txt');
    // Repeated until the Russian file passes 1 MiB, so that it is read into a releasable buffer.
    const times = Math.ceil((1 << 20) / Buffer.byteLength(ruText)) + 1;
    writeFileSync(ru, Array(times).fill(ruText).join('\n\n'));
    writeFileSync(en, Array(times).fill(enText).join('\n\n'));
    const out: string[] = [];
    const io: CliIO = { stdout: (text) => void out.push(text), stderr: () => undefined, readStdin: async () => '', stderrIsTTY: false };
    const code = await runCli(['align', ru, en, '--json'], io);
    const alignment = alignDocuments(readFileSync(ru), readFileSync(en), { ids: [ru, en] });
    expect(code).toBe(0);
    expect(out.join('')).toBe(toJson(alignment, findDiscrepancies(alignment)));
  }, 60_000);
});
