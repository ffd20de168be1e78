/** Spawning the real program from source (no build needed), shared by the CLI tests. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** What a run of the program gave: its exit code (null when it was killed), both streams and its wall time. */
export interface SpawnOutcome {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/**
 * Run `bitext-align ARGV` as a child process with `stdin` on its standard input and colour off; killed after
 * `timeout` ms (default 60 s; code null then).
 */
export function spawnCli(argv: string[], options: { stdin?: Uint8Array | string; timeout?: number } = {}): Promise<SpawnOutcome> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'src/cli/bin.ts'), ...argv],
      {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: options.timeout ?? 60_000,
        killSignal: 'SIGKILL',
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, NO_COLOR: '1' },
      },
      (error, stdout, stderr) => {
        const code = error ? ((error as { code?: unknown }).code ?? null) : 0;
        resolve({ code: typeof code === 'number' ? code : null, stdout, stderr, ms: performance.now() - started });
      },
    );
    child.stdin?.end(options.stdin ?? '');
  });
}
