/**
 * One scaling measurement in a process of its own, so its peak RSS is its own:
 * `scale-worker.ts align <paragraphs>` aligns two documents of about that many paragraphs each, built by
 * concatenating development cases; prints `{"ms", "peakRssMb", "paragraphs"}` as the last line.
 */
import { alignDocuments, parseDocument } from '../src/index.js';
import { requireDevRoot, loadCases } from './dev.js';
import { medianMs, peakRssKiB, rssMegabytes } from './measure.js';

const [task, sizeArg] = process.argv.slice(2);
const size = Number(sizeArg);
const root = requireDevRoot();

if (task === 'align') {
  const cases = loadCases(root);
  const ruParts: string[] = [];
  const enParts: string[] = [];
  let paragraphs = 0;
  for (let k = 0; paragraphs < size; k++) {
    const c = cases[k % cases.length];
    ruParts.push(c.ru.trim());
    enParts.push(c.en.trim());
    paragraphs += c.paragraphs.ru;
  }
  const ru = parseDocument(ruParts.join('\n\n'), { lang: 'ru' });
  const en = parseDocument(enParts.join('\n\n'), { lang: 'en' });
  const runs = size >= 10_000 ? 1 : 3;
  const ms = medianMs(() => alignDocuments(ru, en), runs, size >= 10_000 ? 0 : 1);
  const peakRssMb = rssMegabytes(peakRssKiB());
  console.log(JSON.stringify({ ms, peakRssMb, paragraphs: ru.paragraphs.length + en.paragraphs.length }));
} else {
  throw new Error(`unknown task ${task}`);
}
