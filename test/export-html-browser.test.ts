/**
 * The HTML report in a real browser: Chromium, headless, dumps the DOM it built from the report, and the rows
 * must be there. Skipped when /usr/bin/chromium is absent (CI installs it only if .ci/run does).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { alignDocuments } from '../src/align/align.js';
import { findDiscrepancies } from '../src/check/discrepancies.js';
import { toHtml } from '../src/export/html.js';

const CHROMIUM = '/usr/bin/chromium';
const corpus = (name: string): string => readFileSync(new URL(`../corpus/${name}`, import.meta.url), 'utf8');

/** Run headless Chromium on a file and return the DOM it built, serialised. */
function dumpDom(file: string): string {
  const profile = mkdtempSync(join(tmpdir(), 'bitext-chromium-'));
  try {
    return execFileSync(
      CHROMIUM,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        `--user-data-dir=${profile}`,
        '--dump-dom',
        pathToFileURL(file).href,
      ],
      { encoding: 'utf8', timeout: 90_000, stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 * 1024 * 1024 },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

describe('HTML report in headless Chromium', () => {
  it.skipIf(!existsSync(CHROMIUM))('renders the seed pair with one row per link and no injected markup', () => {
    const alignment = alignDocuments(corpus('002_6e70b530b08c33a1.txt'), corpus('000_0de97bedda4ecb13.txt'), {
      ids: ['002 <script>document.title="pwned"</script>', '000" onmouseover="x'],
    });
    const html = toHtml(alignment, findDiscrepancies(alignment));
    const dir = mkdtempSync(join(tmpdir(), 'bitext-report-'));
    try {
      const file = join(dir, 'report.html');
      writeFileSync(file, html);
      const dom = dumpDom(file);
      const rows = dom.match(/<tr class="link[^"]*" id="link-\d+"/g) ?? [];
      expect(rows).toHaveLength(alignment.links.length);
      alignment.links.forEach((_, k) => expect(dom).toContain(`id="link-${k + 1}"`));
      expect(dom).toContain('Приоритеты сотрудничества');
      expect(dom).toContain('4.3 billion US dollars');
      // The hostile ids stay text: no script element, no event-handler attribute, the title unchanged.
      expect(dom).not.toMatch(/<script/i);
      expect(dom).not.toMatch(/<[^>]*\sonmouseover=/i);
      expect(dom).not.toContain('pwned</title>');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
