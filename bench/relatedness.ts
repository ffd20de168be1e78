/**
 * The unrelated-documents warning measured: relatedness of every pair of dev, dev23 and real/pairs (true
 * translations: no warning should fire), and of shuffled pairs (the Russian of case k with the English of the case
 * half the set further on: not translations; the warning should fire). Run: npx tsx bench/relatedness.ts
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { alignDocuments } from '../src/align/align.js';
import { relatedness, RELATEDNESS_MIN_EVIDENCE, RELATEDNESS_THRESHOLD } from '../src/align/relatedness.js';
import { isInputError } from '../src/errors.js';

const shared = join(import.meta.dirname, '../../shared');
function load(dir: string): Array<{ ru: string; en: string }> {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .filter((id) => existsSync(join(dir, id, 'ru.txt')) && existsSync(join(dir, id, 'en.txt')))
    .map((id) => ({ ru: readFileSync(join(dir, id, 'ru.txt'), 'utf8'), en: readFileSync(join(dir, id, 'en.txt'), 'utf8') }));
}
const sets = { dev: load(join(shared, 'dev/cases')), dev23: load(join(shared, 'dev23/cases')), real: load(join(shared, 'real/pairs')) };

const flagged = (r: { score: number; anchors: number }): boolean => r.anchors >= RELATEDNESS_MIN_EVIDENCE && r.score < RELATEDNESS_THRESHOLD;
console.log(`threshold ${RELATEDNESS_THRESHOLD}, at least ${RELATEDNESS_MIN_EVIDENCE} figures and names on the poorer side`);
console.log('set\tpairs\twarned (true pairs)\tmin score\tshuffled\twarned (shuffled)\tmax score (shuffled, judged)');
for (const [name, cases] of Object.entries(sets)) {
  const measure = (ru: string, en: string) => {
    try {
      const a = alignDocuments(ru, en, { langs: ['ru', 'en'] });
      return relatedness(a.ru, a.en);
    } catch (error) {
      if (isInputError(error)) return undefined;
      throw error;
    }
  };
  const truth = cases.map((c) => measure(c.ru, c.en)).filter((r) => r !== undefined);
  const shuffled = cases.map((c, k) => measure(c.ru, cases[(k + Math.floor(cases.length / 2)) % cases.length].en)).filter((r) => r !== undefined);
  const judged = shuffled.filter((r) => r.anchors >= RELATEDNESS_MIN_EVIDENCE);
  console.log(
    [
      name,
      truth.length,
      truth.filter(flagged).length,
      Math.min(...truth.map((r) => r.score)).toFixed(2),
      shuffled.length,
      `${shuffled.filter(flagged).length} (${judged.length} with enough anchors)`,
      Math.max(...judged.map((r) => r.score)).toFixed(2),
    ].join('\t'),
  );
}
