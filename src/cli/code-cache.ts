/**
 * A V8 code cache for the CLI bundle (dist/cli-main.cjs, the library and the CLI in one script of about 1 MB).
 * Node 20 compiles a script afresh at every start: with the cache a one-shot `align` of the 9 KB seed pair takes
 * 1.70 → 1.60 G instructions and `--version` 0.82 → 0.71 G (callgrind).
 * The cache is what V8 serialises of the compiled script (`Script#createCachedData`), kept per user in
 * `$XDG_CACHE_HOME/bitext-align` (else `~/.cache/bitext-align`), one file per content of the bundle and per
 * runtime (V8 version and Node options: V8 rejects a cache made under other flags). By content, not by size and
 * modification time: npm gives every file it installs the same time, and V8 itself checks only the source's
 * length, so another build of the same size would run the old build's code. Node 22's
 * `module.enableCompileCache()` does the same for every module; this is it for one script, on Node 20 too.
 *
 * The cache is an optimisation only: a folder that cannot be written, a file that cannot be read or a cache V8
 * rejects each leave the run as it was without one. NODE_DISABLE_COMPILE_CACHE=1 (Node's own switch for its
 * compile cache) turns it off.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { constants, Script } from 'node:vm';
import { crc32 } from 'node:zlib';

/** Cache files kept in the folder: the newest, one per bundle build and runtime (installs side by side, Node versions). */
const KEEP_FILES = 8;

/**
 * The folder the cache is kept in: `$XDG_CACHE_HOME/bitext-align`, else `%LOCALAPPDATA%\bitext-align`, else
 * `~/.cache/bitext-align`; undefined when NODE_DISABLE_COMPILE_CACHE is set or no home is known.
 */
export function codeCacheFolder(env: Record<string, string | undefined> = process.env, home: string = safeHomedir()): string | undefined {
  if (env.NODE_DISABLE_COMPILE_CACHE) return undefined;
  const base = env.XDG_CACHE_HOME || env.LOCALAPPDATA || (home ? join(home, '.cache') : undefined);
  return base ? join(base, 'bitext-align') : undefined;
}

/**
 * The cache file's name: the bundle's length and CRC-32 (another build gets another cache; what Node's own compile
 * cache checks a file by, 0.4 ms for the 1 MB bundle, where loading node:crypto for a stronger hash costs 28 M
 * instructions, a twentieth of node's start) and a CRC-32 of the runtime V8 checks a cache against (its version,
 * the process's Node options).
 */
export function codeCacheName(bundle: Uint8Array, runtime: string = runtimeKey()): string {
  const hex = (n: number): string => n.toString(16).padStart(8, '0');
  return `cli-${bundle.length}-${hex(crc32(bundle))}-${hex(crc32(runtime))}.bin`;
}

/**
 * Compile and run the CommonJS script at `path` as `require` would and return its exports, with its compiled
 * code read from and written to a cache in `folder` (none when undefined). A cache is written when there was
 * none or V8 rejected it, right after the script's top level ran: before the caller sets V8 flags, which would
 * make V8 reject the cache at the next start.
 */
export function requireWithCodeCache(path: string, folder: string | undefined): unknown {
  const bytes = readFileSync(path);
  const source = bytes.toString('utf8');
  const file = folder !== undefined ? join(folder, codeCacheName(bytes)) : undefined;
  const cachedData = file !== undefined ? readIfPresent(file) : undefined;
  const script = new Script(Module.wrap(source), {
    filename: path,
    cachedData,
    // The bundle imports optional packages (mammoth, unpdf) with import(): resolved as for any module.
    importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const module = new Module(path);
  module.filename = path;
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(module.exports, module.exports, createRequire(path), module, path, dirname(path));
  module.loaded = true;
  if (file !== undefined && folder !== undefined && (cachedData === undefined || script.cachedDataRejected === true)) {
    writeCache(folder, file, script.createCachedData());
  }
  return module.exports;
}

function readIfPresent(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined; // none yet, or unreadable: compiled from source
  }
}

/** Write the cache whole or not at all (a temporary file renamed), then keep the folder to {@link KEEP_FILES}. */
function writeCache(folder: string, file: string, data: Buffer): void {
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, data, { mode: 0o600 });
    renameSync(temporary, file);
    const caches = readdirSync(folder)
      .filter((name) => name.startsWith('cli-') && name.endsWith('.bin'))
      .map((name) => ({ path: join(folder, name), mtimeMs: statSync(join(folder, name)).mtimeMs }))
      .sort((a, b) => b.mtimeMs - a.mtimeMs);
    for (const old of caches.slice(KEEP_FILES)) rmSync(old.path, { force: true });
  } catch {
    // A read-only or full disk, a folder raced away: the next run compiles from source again.
  }
}

function runtimeKey(): string {
  return [process.versions.v8, process.arch, ...process.execArgv, process.env.NODE_OPTIONS ?? ''].join('\u0000');
}

function safeHomedir(): string {
  try {
    return homedir();
  } catch {
    return '';
  }
}

