/**
 * Headless Chromium driven over the DevTools protocol on a pipe (`--remote-debugging-pipe`: file descriptors 3
 * and 4, messages as JSON ended by a NUL byte), with no dependency: open a page, evaluate script in it, close.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';

/** Where Debian installs Chromium. */
export const CHROMIUM = '/usr/bin/chromium';

/**
 * Headless, sandbox-free (CI runs as root), and no background connections: this machine has no network, and
 * Chromium's own connection attempts would otherwise be refused many at a time.
 */
export const HEADLESS_FLAGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Remove a browser profile folder. Chromium's helper processes may still write to it for a moment after the
 * browser exits; it is a temporary folder, so failing to remove it is not a failure of what a test checked.
 */
export function removeProfile(profile: string): void {
  try {
    rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  } catch {
    // left in the system's temporary folder
  }
}

/** A page in a headless browser. */
export interface BrowserPage {
  /** Evaluate an expression in the page; resolves with its value (JSON-serialisable). */
  evaluate<T>(expression: string): Promise<T>;
  /** Stop the browser and remove its profile. */
  close(): Promise<void>;
}

/** Start Chromium headless, open `url`, and wait until the page has loaded. */
export async function openPage(url: string, timeoutMs = 60_000): Promise<BrowserPage> {
  const profile = mkdtempSync(join(tmpdir(), 'bitext-chromium-'));
  const child: ChildProcess = spawn(
    CHROMIUM,
    [...HEADLESS_FLAGS, `--user-data-dir=${profile}`, '--remote-debugging-pipe', 'about:blank'],
    { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] },
  );
  const toBrowser = child.stdio[3] as Writable;
  const fromBrowser = child.stdio[4] as Readable;
  let nextId = 1;
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let buffer = '';
  fromBrowser.setEncoding('utf8');
  fromBrowser.on('data', (chunk: string) => {
    buffer += chunk;
    let end;
    while ((end = buffer.indexOf('\0')) >= 0) {
      const message = JSON.parse(buffer.slice(0, end)) as { id?: number; result?: unknown; error?: { message: string } };
      buffer = buffer.slice(end + 1);
      const waiter = message.id !== undefined ? pending.get(message.id) : undefined;
      if (!waiter) continue;
      pending.delete(message.id!);
      if (message.error) waiter.reject(new Error(message.error.message));
      else waiter.resolve(message.result);
    }
  });
  const send = <T>(method: string, params: object = {}, sessionId?: string): Promise<T> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      toBrowser.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    });
  const close = async (): Promise<void> => {
    // Ask the browser to quit, so that its helper processes go with it; kill it if it does not within 5 s.
    const exited = new Promise((resolve) => (child.exitCode !== null ? resolve(undefined) : child.once('exit', resolve)));
    send('Browser.close').catch(() => undefined);
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
    removeProfile(profile);
  };
  try {
    const { targetId } = await send<{ targetId: string }>('Target.createTarget', { url });
    const { sessionId } = await send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
    const evaluate = async <T>(expression: string): Promise<T> => {
      const { result, exceptionDetails } = await send<{ result: { value: T }; exceptionDetails?: { text: string } }>(
        'Runtime.evaluate',
        { expression, returnByValue: true, awaitPromise: true },
        sessionId,
      );
      if (exceptionDetails) throw new Error(`in the page: ${exceptionDetails.text}`);
      return result.value;
    };
    const started = Date.now();
    while ((await evaluate<string>('document.readyState')) !== 'complete' || (await evaluate<string>('location.href')) === 'about:blank') {
      if (Date.now() - started > timeoutMs) throw new Error(`the page did not load in ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return { evaluate, close };
  } catch (error) {
    await close();
    throw error;
  }
}
