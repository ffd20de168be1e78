#!/usr/bin/env node
// `npm start` runs this first: build with tsup only when dist/cli.js is missing or older than a file it is built
// from (src/**, package.json, tsup.config.ts), so that a run after a build starts at once.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const built = join(root, 'dist', 'cli.js');

/** The newest modification time among the files under a path. */
function newest(path) {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), 0);
}

const sources = ['src', 'package.json', 'tsup.config.ts'].map((name) => join(root, name)).filter(existsSync);
if (!existsSync(built) || Math.max(...sources.map(newest)) > statSync(built).mtimeMs) {
  const require = createRequire(join(root, 'package.json'));
  const tsup = require.resolve('tsup/package.json');
  const bin = require(tsup).bin.tsup;
  execFileSync(process.execPath, [join(tsup, '..', bin), '--silent'], { cwd: root, stdio: 'inherit' });
}
