/**
 * Safety net for speed work (used by bench/dump-outputs.sh): every text of the development sets and the
 * corpus parsed with detection, one JSON line each with its language, warnings, metadata, paragraph spans
 * and anchors, so a change to parsing or anchor extraction can be checked byte for byte.
 *
 * `npx tsx bench/dump-anchors.ts SHARED_DIR REPO_DIR > anchors.jsonl`
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { safeParseDocument } from '../src/index.js';

const [shared, repo] = process.argv.slice(2);
const files: string[] = [];
const walk = (dir: string): void => {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (name.endsWith('.txt')) files.push(path);
  }
};
for (const dir of ['dev/cases', 'dev23/cases', 'real/pairs', 'dev/pairing/docs', 'real/collection/docs']) walk(join(shared, dir));
walk(join(repo, 'corpus'));
for (const path of files) {
  const result = safeParseDocument(readFileSync(path));
  const name = path.replace(shared, 'SHARED').replace(repo, 'REPO');
  if (!result.success) {
    console.log(JSON.stringify({ file: name, error: result.error.code }));
    continue;
  }
  const doc = result.data;
  console.log(
    JSON.stringify({
      file: name,
      lang: doc.lang,
      meta: doc.meta,
      warnings: doc.warnings,
      paragraphs: doc.paragraphs.map((p) => ({ start: p.start, end: p.end, clean: p.clean, shifts: p.shifts, anchors: p.anchors })),
    }),
  );
}
