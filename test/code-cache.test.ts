/**
 * The executable's code cache (src/cli/code-cache.ts): where it lives, when it is written and that nothing about
 * it can break a run; and the published layout (dist/cli.js starting dist/cli-main.cjs) built and run for real.
 */
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type Options } from 'tsup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeCacheFolder, codeCacheName, requireWithCodeCache } from '../src/cli/code-cache.js';
import tsupConfig from '../tsup.config.js';
import { ROOT, spawnCli } from './cli-harness.js';

const dir = mkdtempSync(join(tmpdir(), 'bitext-code-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A small CommonJS script in a fresh folder, with a fresh cache folder beside it. */
function script(name: string, body = 'module.exports = { answer: 6 * 7, file: __filename };'): { path: string; cache: string } {
  const folder = join(dir, name);
  mkdirSync(folder, { recursive: true });
  const path = join(folder, 'bundle.cjs');
  writeFileSync(path, body);
  return { path, cache: join(folder, 'cache') };
}

/**
 * `requireWithCodeCache(path, cache)` in a fresh process, its result as JSON: within one process V8 compiles a
 * source once and answers from its own in-memory cache after, whatever code cache it is handed.
 */
function inChild(path: string, cache: string | undefined): Promise<unknown> {
  const code = `const { requireWithCodeCache } = require(${JSON.stringify(join(dir, 'code-cache.cjs'))});
process.stdout.write(JSON.stringify(requireWithCodeCache(${JSON.stringify(path)}, ${JSON.stringify(cache)})));`;
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['-e', code], { encoding: 'utf8' }, (error, stdout, stderr) => (error ? reject(new Error(stderr)) : resolve(JSON.parse(stdout))));
  });
}

beforeAll(async () => {
  await build({ entry: { 'code-cache': join(ROOT, 'src/cli/code-cache.ts') }, outDir: dir, format: ['cjs'], outExtension: () => ({ js: '.cjs' }), target: 'node20', silent: true, config: false });
}, 60_000);

const cacheFiles = (folder: string): string[] => (existsSync(folder) ? readdirSync(folder).filter((f) => f.endsWith('.bin')) : []);

describe('codeCacheFolder', () => {
  it('is bitext-align under XDG_CACHE_HOME, else LOCALAPPDATA, else ~/.cache; none when disabled', () => {
    expect(codeCacheFolder({ XDG_CACHE_HOME: '/x' }, '/home/u')).toBe(join('/x', 'bitext-align'));
    expect(codeCacheFolder({ LOCALAPPDATA: '/l' }, '/home/u')).toBe(join('/l', 'bitext-align'));
    expect(codeCacheFolder({}, '/home/u')).toBe(join('/home/u', '.cache', 'bitext-align'));
    expect(codeCacheFolder({}, '')).toBeUndefined();
    expect(codeCacheFolder({ XDG_CACHE_HOME: '/x', NODE_DISABLE_COMPILE_CACHE: '1' }, '/home/u')).toBeUndefined();
  });
});

describe('codeCacheName', () => {
  it('changes with the bundle bytes, even at the same length, and with the runtime, and only then', () => {
    const bundle = Buffer.from('module.exports = 1;');
    const name = codeCacheName(bundle, 'v8 a');
    expect(codeCacheName(Buffer.from('module.exports = 1;'), 'v8 a')).toBe(name);
    expect(codeCacheName(Buffer.from('module.exports = 2;'), 'v8 a')).not.toBe(name);
    expect(codeCacheName(bundle, 'v8 b')).not.toBe(name);
    expect(name).toMatch(/^cli-[\w-]+\.bin$/);
  });
});

describe('requireWithCodeCache', () => {
  it('runs the script as require would, writes the cache once and reads it after', async () => {
    const { path, cache } = script('once');
    expect(await inChild(path, cache)).toEqual({ answer: 42, file: path });
    const [file] = cacheFiles(cache);
    expect(file).toBeDefined();
    // Backdate the file: a second run that rewrote it would give it a new time.
    const backdated = new Date('2020-01-01T00:00:00Z');
    utimesSync(join(cache, file!), backdated, backdated);
    expect(await inChild(path, cache)).toEqual({ answer: 42, file: path });
    expect(cacheFiles(cache)).toEqual([file]);
    expect(statSync(join(cache, file!)).mtimeMs).toBe(backdated.getTime());
  });

  it('replaces a cache V8 rejects (garbage, truncated) and still runs the script', async () => {
    const { path, cache } = script('rejected');
    await inChild(path, cache);
    const file = join(cache, cacheFiles(cache)[0]!);
    for (const bad of [Buffer.from('not a code cache'), readFileSync(file).subarray(0, 40)]) {
      writeFileSync(file, bad);
      expect(await inChild(path, cache)).toEqual({ answer: 42, file: path });
      expect(readFileSync(file).length).toBeGreaterThan(bad.length);
    }
  });

  it('runs a rebuilt script of the same length and time as rebuilt, not the code cached for the old one', async () => {
    const { path, cache } = script('rebuilt', 'module.exports = { answer: 1 };');
    const time = new Date('1985-10-26T08:15:00Z'); // what npm gives every file it installs
    utimesSync(path, time, time);
    expect(await inChild(path, cache)).toEqual({ answer: 1 });
    writeFileSync(path, 'module.exports = { answer: 2 };');
    utimesSync(path, time, time);
    expect(await inChild(path, cache)).toEqual({ answer: 2 });
  });

  it('runs without a cache when the folder cannot be made or written', () => {
    const { path } = script('unwritable');
    const blocker = join(dir, 'unwritable', 'a-file');
    writeFileSync(blocker, '');
    expect(requireWithCodeCache(path, join(blocker, 'cache'))).toEqual({ answer: 42, file: path });
    if (process.getuid?.() !== 0) {
      // (root writes through permissions, so this half runs only as another user)
      const locked = join(dir, 'unwritable', 'locked');
      mkdirSync(locked, { mode: 0o500 });
      expect(requireWithCodeCache(path, locked)).toEqual({ answer: 42, file: path });
      chmodSync(locked, 0o700);
    }
  });

  it('writes nothing with no folder, and lets the script require and throw as a module would', () => {
    const { path, cache } = script('plain', "const { join } = require('node:path'); module.exports = join('a', 'b');");
    expect(requireWithCodeCache(path, undefined)).toBe(join('a', 'b'));
    expect(cacheFiles(cache)).toEqual([]);
    const failing = script('throws', "throw new Error('from the script');");
    expect(() => requireWithCodeCache(failing.path, failing.cache)).toThrow('from the script');
  });

  it('keeps the eight newest cache files of the folder', () => {
    const { path, cache } = script('pruned');
    mkdirSync(cache, { recursive: true });
    for (let k = 0; k < 12; k++) {
      const old = join(cache, `cli-old-${k}.bin`);
      writeFileSync(old, '');
      utimesSync(old, new Date(1e12 + k * 1000), new Date(1e12 + k * 1000));
    }
    requireWithCodeCache(path, cache);
    const kept = cacheFiles(cache);
    expect(kept).toHaveLength(8);
    expect(kept).toContain(codeCacheName(readFileSync(path)));
    expect(kept).toContain('cli-old-11.bin');
    expect(kept).not.toContain('cli-old-4.bin');
  });
});

describe('the published executable (dist/cli.js and dist/cli-main.cjs, built by tsup.config.ts)', () => {
  const out = join(dir, 'dist');
  const cache = join(dir, 'xdg');
  const seeds = ['002_6e70b530b08c33a1.txt', '000_0de97bedda4ecb13.txt'].map((name) => join(ROOT, 'corpus', name));

  beforeAll(async () => {
    // The two executable builds of the project's own config, into a folder of their own.
    const configs = (Array.isArray(tsupConfig) ? tsupConfig : [tsupConfig]) as Options[];
    for (const config of configs.filter((c) => JSON.stringify(c.entry).includes('cli'))) {
      await build({ ...config, outDir: out, dts: false, sourcemap: false, clean: false, onSuccess: undefined, silent: true, config: false });
    }
    chmodSync(join(out, 'cli.js'), 0o755);
  }, 120_000);

  function runBuilt(argv: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      execFile(process.execPath, [join(out, 'cli.js'), ...argv], { encoding: 'utf8', maxBuffer: 1 << 26, env: { ...process.env, NO_COLOR: '1', XDG_CACHE_HOME: cache, ...env } }, (error, stdout, stderr) => {
        resolve({ code: error ? Number((error as { code?: unknown }).code) : 0, stdout, stderr });
      });
    });
  }

  it('writes what the program from source writes, with the cache cold, warm and off', async () => {
    const expected = await spawnCli(['align', ...seeds, '--json']);
    expect(expected.code).toBe(0);
    const cold = await runBuilt(['align', ...seeds, '--json']);
    expect(cacheFiles(join(cache, 'bitext-align'))).toHaveLength(1);
    const warm = await runBuilt(['align', ...seeds, '--json']);
    const off = await runBuilt(['align', ...seeds, '--json'], { NODE_DISABLE_COMPILE_CACHE: '1' });
    for (const run of [cold, warm, off]) {
      expect(run.code).toBe(0);
      expect(run.stdout).toBe(expected.stdout);
    }
    expect(cacheFiles(join(cache, 'bitext-align'))).toHaveLength(1);
  }, 120_000);

  it('starts its worker threads from the executable (`--pairs --jobs 2`)', async () => {
    const list = join(dir, 'pairs.tsv');
    writeFileSync(list, `${Array.from({ length: 6 }, () => seeds.join('\t')).join('\n')}\n`);
    const one = await runBuilt(['align', '--pairs', list, '--json', '--jobs', '1']);
    const two = await runBuilt(['align', '--pairs', list, '--json', '--jobs', '2']);
    expect(one.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    expect(two.stdout.trim().split('\n')).toHaveLength(6);
  }, 120_000);
});
