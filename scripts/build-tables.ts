/**
 * Precompute the built-in name and term tables at build time (`npm run tables`, run by `npm run build`): the
 * gazetteer's word matchers with their generated inflections, its word-key index, and the lexicon's word specs
 * with their Porter stems, written into src/anchors/tables-data.ts. A one-shot run then reads them instead of
 * generating them. A test checks that the file matches the data (test/anchors/tables.test.ts).
 *
 *   npx tsx scripts/build-tables.ts          # write the file
 *   npx tsx scripts/build-tables.ts --check  # exit 1 when the file is out of date
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tablesSource } from '../src/anchors/tables.js';

const path = fileURLToPath(new URL('../src/anchors/tables-data.ts', import.meta.url));
const source = tablesSource();
const current = (() => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
})();
if (process.argv.includes('--check')) {
  if (current !== source) {
    process.stderr.write('src/anchors/tables-data.ts is out of date: run `npm run tables`\n');
    process.exit(1);
  }
} else if (current !== source) {
  writeFileSync(path, source);
}
