/**
 * Regenerate the README's picture, docs/report-seed.png, from the current output: the HTML report of the seed
 * pair as `bitext-align align corpus/002_… corpus/000_… --format html` writes it, shot by headless Chromium.
 * Run: npx tsx scripts/report-screenshot.ts [--width 1280] [--height 1700]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { runCli } from '../src/cli/run.js';

const CHROMIUM = '/usr/bin/chromium';
const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({ options: { width: { type: 'string', default: '1280' }, height: { type: 'string', default: '1700' } } });
if (!existsSync(CHROMIUM)) {
  console.error(`${CHROMIUM} is missing: apt-get install chromium`);
  process.exit(2);
}
process.chdir(root);
const dir = mkdtempSync(join(tmpdir(), 'bitext-shot-'));
try {
  const html = join(dir, 'report.html');
  const code = await runCli(['align', 'corpus/002_6e70b530b08c33a1.txt', 'corpus/000_0de97bedda4ecb13.txt', '--format', 'html', '-o', html], {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    readStdin: async () => '',
  });
  if (code !== 0) process.exit(code);
  const png = join(root, 'docs', 'report-seed.png');
  const profile = join(dir, 'profile');
  execFileSync(
    CHROMIUM,
    ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', `--user-data-dir=${profile}`, `--window-size=${values.width},${values.height}`, `--screenshot=${png}`, pathToFileURL(html).href],
    { stdio: ['ignore', 'ignore', 'pipe'], timeout: 90_000 },
  );
  console.log(`wrote ${png}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
