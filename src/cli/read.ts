/**
 * Reading input files for the CLI: bytes read with a hard cap (a device or a FIFO reports size 0 to `stat`, so
 * the cap is on the bytes actually read, not on what `stat` says), and directory walks that visit each real
 * path once (a symlink loop such as `dot -> .` is followed no further) and skip what is not a regular file (a
 * FIFO would block the run forever, a device never ends), saying so.
 */
import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { open, readdir, realpath, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { releasableBuffer, releaseBuffer } from '../buffers.js';
import { InputError } from '../errors.js';
import { decodeText, DEFAULT_MAX_INPUT_SIZE, type DecodeOptions } from '../text/decode.js';
import { normalizeLang } from '../text/language.js';
import type { CollectionItem } from './fingerprints.js';

/** Bytes read per call while streaming a file. */
const CHUNK_SIZE = 1 << 16;
/**
 * Size from which a regular file is read into a {@link releasableBuffer}: the command that reads it can give the
 * bytes back once they are parsed ({@link releaseInput}). Below it they weigh little next to the process itself.
 */
const RELEASABLE_FILE_BYTES = 1 << 20;

/** A file that could not be taken, with the reason (reported at the end of the run). */
export interface SkippedPath {
  path: string;
  message: string;
}

/** A note about the walk that is not an error (a path reached twice through links). */
export interface WalkNote {
  path: string;
  message: string;
}

/**
 * Read a file's bytes, at most `maxBytes` of them: a regular file over the limit is refused from its size, before
 * it is read; anything else (a device, a FIFO, `/dev/stdin`) is read in chunks and refused as soon as it passes
 * the limit, so `/dev/zero` costs `maxBytes` of memory, not all of it.
 *
 * @throws {InputError} `unreadable` (missing, a directory, no permission), `too-large`
 */
export async function readCapped(path: string, maxBytes = DEFAULT_MAX_INPUT_SIZE): Promise<Uint8Array> {
  // A regular file (nearly every input) is read synchronously: the five thread-pool round trips of an open, stat,
  // read, read, close cost more than the read itself (232 development files: 30–100 ms against 2 ms). `stat`
  // first, as opening a FIFO would block until a writer comes.
  let isRegular = false;
  try {
    isRegular = statSync(path).isFile();
  } catch {
    // Left to the general path, which names the error.
  }
  if (isRegular) return readRegularFileSync(path, maxBytes);
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw unreadable(path, error);
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) {
      throw new InputError('unreadable', `cannot read ${path}: it is a directory; give a file (to pair the documents of a directory, use \`bitext-align pair ${path}\`)`, {
        source: path,
      });
    }
    if (info.isFile() && info.size > maxBytes) throw tooLarge(path, info.size, maxBytes, false);
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      // Never ask for more than one byte past the limit: that byte is what proves the input too large.
      const want = Math.min(CHUNK_SIZE, maxBytes + 1 - total);
      const buffer = new Uint8Array(want);
      let bytesRead: number;
      try {
        ({ bytesRead } = await handle.read(buffer, 0, want, null));
      } catch (error) {
        throw unreadable(path, error);
      }
      if (bytesRead === 0) break;
      chunks.push(bytesRead === want ? buffer : buffer.subarray(0, bytesRead));
      total += bytesRead;
      if (total > maxBytes) throw tooLarge(path, total, maxBytes, true);
    }
    const bytes = new Uint8Array(total);
    let at = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, at);
      at += chunk.length;
    }
    return bytes;
  } finally {
    await handle.close();
  }
}

/** {@link readCapped} of a regular file, synchronously: refused from its size, then read to its end, capped (it may grow meanwhile). */
function readRegularFileSync(path: string, maxBytes: number): Uint8Array {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw unreadable(path, error);
  }
  try {
    const size = fstatSync(fd).size;
    if (size > maxBytes) throw tooLarge(path, size, maxBytes, false);
    // One byte more than the size, so that the read which finds the end has room: a file that grew shows it.
    let buffer = new Uint8Array(size + 1 >= RELEASABLE_FILE_BYTES ? releasableBuffer(size + 1) : new ArrayBuffer(size + 1));
    let total = 0;
    for (;;) {
      if (total === buffer.length) {
        const grown = new Uint8Array(Math.min(2 * buffer.length, maxBytes + 1));
        grown.set(buffer);
        buffer = grown;
      }
      let bytesRead: number;
      try {
        bytesRead = readSync(fd, buffer, total, buffer.length - total, null);
      } catch (error) {
        throw unreadable(path, error);
      }
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > maxBytes) throw tooLarge(path, total, maxBytes, true);
    }
    return buffer.subarray(0, total);
  } finally {
    closeSync(fd);
  }
}

/**
 * Give back the memory of bytes {@link readCapped} read, once nothing reads them again (the parsed documents hold
 * their own text): a 5 MB pair's bytes otherwise stayed to the end of the run, under the checks' and the export's
 * memory. Does nothing for a string or small input.
 */
export function releaseInput(input: Uint8Array | string): void {
  if (typeof input !== 'string') releaseBuffer(input.buffer);
}

/** A file read and decoded (UTF-8, UTF-16 or the given encoding), capped like {@link readCapped}. */
export async function readTextFile(path: string, options: { maxInputSize?: number; encoding?: DecodeOptions['encoding'] } = {}): Promise<string> {
  const bytes = await readCapped(path, options.maxInputSize);
  return decodeText(bytes, { source: path, maxInputSize: options.maxInputSize, encoding: options.encoding }).text;
}

function tooLarge(path: string, size: number, maxBytes: number, streamed: boolean): InputError {
  const what = streamed ? `more than ${maxBytes.toLocaleString('en-US')} bytes were read` : `input is ${size.toLocaleString('en-US')} bytes`;
  return new InputError('too-large', `${what}, more than the limit of ${maxBytes.toLocaleString('en-US')}; split it, or raise --max-input-size`, {
    source: path,
  });
}

/** An `unreadable` error naming the path and the reason. */
export function unreadable(path: string, error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException)?.code;
  const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (error as Error)?.message ?? String(error);
  return new InputError('unreadable', `cannot read ${path}: ${reason}`, { cause: error });
}

/** File name endings a directory walk takes (and files without one). */
const COLLECTION_EXTENSIONS = ['.txt', '.md', '.jsonl', ''];

/** What {@link collectItems} found. */
export interface Collection {
  items: CollectionItem[];
  /** Paths that could not be taken: missing, not a regular file, unlistable, a bad JSONL file or line. */
  failures: SkippedPath[];
  /** Paths reached a second time (through a symlink, or named twice) and not read again. */
  notes: WalkNote[];
}

/** Options of {@link collectItems}. */
export interface CollectOptions {
  /** Reads standard input for the path `-`. */
  readStdin(): Promise<string>;
  /** Largest file accepted, in bytes. @default DEFAULT_MAX_INPUT_SIZE */
  maxInputSize?: number;
  /** Encoding of the files (`--encoding`). @default detected */
  encoding?: DecodeOptions['encoding'];
}

/**
 * The documents named on the command line: files, directories (recursive; .txt, .md, .jsonl and files without
 * an extension) and JSONL files (`-` for JSONL on stdin). Files are listed, not read: reading is left to the
 * fingerprinting, one at a time. Each real path is visited once: a directory or file reached again through a
 * symlink (or named twice) is noted and skipped, so a link loop ends. Inside a directory, what is not a regular
 * file or a directory (a FIFO, a socket, a device) is skipped and reported, as is a path that does not exist.
 */
export async function collectItems(paths: string[], options: CollectOptions): Promise<Collection> {
  const items: CollectionItem[] = [];
  const failures: SkippedPath[] = [];
  const notes: WalkNote[] = [];
  const visited = new Map<string, string>();
  const addJsonl = (text: string, path: string): void => {
    text.split(/\r?\n/).forEach((line, k) => {
      if (!line.trim()) return;
      try {
        const record = JSON.parse(line) as { id?: unknown; text?: unknown; lang?: unknown; date?: unknown };
        if (typeof record.text !== 'string') throw new Error('no "text" string');
        const lang = normalizeLang(record.lang);
        // A label that is not a language this tool reads is an error, not a silent fall back to detection.
        if (record.lang !== undefined && record.lang !== null && !lang) throw new Error(`"lang" must be "ru" or "en", not ${JSON.stringify(record.lang)}`);
        items.push({
          id: typeof record.id === 'string' ? record.id : `${path}:${k + 1}`,
          text: record.text,
          lang,
          date: typeof record.date === 'string' ? record.date : undefined,
        });
      } catch (error) {
        failures.push({ path: `${path}:${k + 1}`, message: `not a JSON line with a "text" field and a valid "lang" (${(error as Error).message})` });
      }
    });
  };
  /** False (with a note) when `path` leads to a real path already visited. */
  const firstVisit = async (path: string): Promise<boolean> => {
    let real: string;
    try {
      real = await realpath(path);
    } catch {
      return true; // stat succeeded, so this is a race; let the read report it
    }
    const earlier = visited.get(real);
    if (earlier !== undefined) {
      notes.push({ path, message: `the same ${real === path ? 'path' : `file or directory as ${earlier}`}; not read twice` });
      return false;
    }
    visited.set(real, path);
    return true;
  };
  const visit = async (path: string, inWalk: boolean): Promise<void> => {
    if (path === '-') return addJsonl(await options.readStdin(), 'stdin');
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      failures.push({ path, message: code === 'ENOENT' ? 'no such file or directory' : code === 'ELOOP' ? 'a symbolic link that loops' : (error as Error).message });
      return;
    }
    if (info.isDirectory()) {
      if (!(await firstVisit(path))) return;
      let listed;
      try {
        listed = await readdir(path, { withFileTypes: true });
      } catch (error) {
        // A directory that cannot be listed (no permission) is one bad input, not a crash of the whole run.
        failures.push({ path, message: `cannot list the directory: ${(error as Error).message}` });
        return;
      }
      const entries = listed.filter((entry) => !entry.name.startsWith('.'));
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const entry of entries) {
        if (entry.isDirectory() || COLLECTION_EXTENSIONS.includes(extname(entry.name))) await visit(join(path, entry.name), true);
      }
      return;
    }
    // Named on the command line, a FIFO or device is what the user asked for (`pair <(cmd)`), and its read is
    // capped; met in a walk, it would block the run (a FIFO nobody writes) or never end (a device).
    if (!info.isFile() && inWalk) {
      failures.push({ path, message: `not a regular file (${fileKind(info)}): not read` });
      return;
    }
    if (!(await firstVisit(path))) return;
    if (extname(path) === '.jsonl') {
      try {
        addJsonl(await readTextFile(path, options), path);
      } catch (error) {
        failures.push({ path, message: (error as Error).message });
      }
      return;
    }
    items.push({ id: path, path });
  };
  for (const path of paths) await visit(path, false);
  return { items, failures, notes };
}

function fileKind(info: Awaited<ReturnType<typeof stat>>): string {
  if (info.isFIFO()) return 'a FIFO';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  return 'not a file';
}
