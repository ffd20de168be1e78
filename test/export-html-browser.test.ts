/**
 * The HTML report in a real browser: Chromium, headless, dumps the DOM it built from the report, and the rows
 * must be there; then, driven over the DevTools protocol (test/chromium.ts), the issue list's filters are
 * clicked and what is shown is checked. Skipped when /usr/bin/chromium is absent (.ci/run installs it).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { alignDocuments } from '../src/align/align.js';
import { findDiscrepancies } from '../src/check/discrepancies.js';
import { REPORT_SCRIPT, toHtml } from '../src/export/html.js';
import { CHROMIUM, HEADLESS_FLAGS, openPage, removeProfile } from './chromium.js';

const corpus = (name: string): string => readFileSync(new URL(`../corpus/${name}`, import.meta.url), 'utf8');

/** Run headless Chromium on a file and return the DOM it built, serialised. */
function dumpDom(file: string): string {
  const profile = mkdtempSync(join(tmpdir(), 'bitext-chromium-'));
  try {
    return execFileSync(
      CHROMIUM,
      [...HEADLESS_FLAGS, `--user-data-dir=${profile}`, '--dump-dom', pathToFileURL(file).href],
      { encoding: 'utf8', timeout: 90_000, stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 * 1024 * 1024 },
    );
  } finally {
    removeProfile(profile);
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
      // The hostile ids stay text: no script element but the report's own, no event-handler attribute, the title unchanged.
      expect(dom.split('<script').length - 1).toBe(1);
      expect(dom).toContain(REPORT_SCRIPT.slice(0, 40));
      expect(dom).not.toMatch(/<[^>]*\sonmouseover=/i);
      expect(dom).not.toContain('pwned</title>');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the issue list of the HTML report in headless Chromium', () => {
  it.skipIf(!existsSync(CHROMIUM))('filters by kind and severity when a box is clicked, and links to the paragraphs', async () => {
    const ru = corpus('002_6e70b530b08c33a1.txt');
    const en = corpus('000_0de97bedda4ecb13.txt').replace('4.3', '4.8');
    const alignment = alignDocuments(ru, en, { ids: ['ru.txt', 'en.txt'] });
    const discrepancies = findDiscrepancies(alignment);
    const dir = mkdtempSync(join(tmpdir(), 'bitext-report-'));
    const file = join(dir, 'report.html');
    writeFileSync(file, toHtml(alignment, discrepancies));
    const page = await openPage(pathToFileURL(file).href);
    try {
      const visible = (): Promise<string[]> =>
        page.evaluate(`[...document.querySelectorAll('tr.issue')].filter((r) => r.offsetParent !== null).map((r) => r.dataset.kind + '/' + r.dataset.severity)`);
      const count = (): Promise<string> => page.evaluate(`document.getElementById('issue-count').textContent`);
      const click = (filter: string, value: string): Promise<void> =>
        page.evaluate(`document.querySelector('.filters input[data-filter="${filter}"][value="${value}"]').click()`);
      const total = discrepancies.length;
      expect(await visible()).toHaveLength(total);
      expect(await count()).toBe(`${total} of ${total} shown`);
      // Untick "name missing": those rows are hidden, the rest stay.
      await click('kind', 'entity-missing');
      const names = discrepancies.filter((d) => d.kind === 'entity-missing').length;
      expect(names).toBeGreaterThan(0);
      expect(await visible()).toHaveLength(total - names);
      expect((await visible()).some((row) => row.startsWith('entity-missing'))).toBe(false);
      expect(await count()).toBe(`${total - names} of ${total} shown`);
      // Untick "warning" too: only the error (the changed figure) is left.
      await click('severity', 'warning');
      expect(await visible()).toEqual(['number-mismatch/error']);
      // Its link jumps to the Russian paragraph that holds the figure.
      const d = discrepancies.find((x) => x.kind === 'number-mismatch')!;
      const target = await page.evaluate<string>(`(() => { const a = document.querySelector('tr.issue.error a'); a.click(); return location.hash; })()`);
      expect(target).toBe(`#ru-p${d.ru[0] + 1}`);
      expect(await page.evaluate<string>(`document.querySelector(':target').textContent`)).toContain('4,3 млрд');
      // Tick both again: everything is back.
      await click('kind', 'entity-missing');
      await click('severity', 'warning');
      expect(await visible()).toHaveLength(total);
    } finally {
      await page.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
