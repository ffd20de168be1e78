/**
 * Pairing accuracy on the development collection and the seed corpus:
 * `npx tsx bench/eval-pair.ts [--options '{"threshold":0.2}'] [--errors]`.
 * Prints the README's table row, the safe threshold range (the score gap between the lowest right pair and the
 * highest wrong one), the seeds' result, and timings.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fingerprintInput, isPairingError, pairFingerprints, scoreCandidates } from '../src/index.js';
import type { Fingerprint, PairingError, PairOptions } from '../src/index.js';
import { requireDevRoot, loadPairing } from './dev.js';
import { evaluatePairing, PAIRING_HEADER, pairingRow, thresholdRange, type PairingGold } from './pairing-task.js';

const args = process.argv.slice(2);
const optionsArg = args.indexOf('--options');
const options: PairOptions = optionsArg >= 0 ? JSON.parse(args[optionsArg + 1]) : {};

const root = requireDevRoot();
const task = loadPairing(root);
const gold: PairingGold = { files: task.files.map((file) => basename(file)), pairs: task.pairs, unpaired: task.unpaired, roles: task.roles };
const texts = task.files.map((file) => ({ id: basename(file), text: readFileSync(file, 'utf8') }));

const t0 = performance.now();
const fingerprints: Fingerprint[] = [];
const errors: PairingError[] = [];
for (const input of texts) {
  const result = fingerprintInput(input, options);
  if (isPairingError(result)) errors.push(result);
  else fingerprints.push(result);
}
const t1 = performance.now();
const pairing = pairFingerprints(fingerprints, options, errors);
const t2 = performance.now();

const report = evaluatePairing(pairing, gold);
console.log(PAIRING_HEADER);
console.log(pairingRow('bitext-align', report));
const range = thresholdRange(scoreCandidates(fingerprints, { ...options, threshold: 0 }), gold);
const f = (x: number | undefined): string => (x === undefined ? '–' : x.toFixed(3));
console.log(
  `threshold range: lowest right pair ${f(range.lowestTrue)}, highest wrong pair made without threshold ${f(range.highestFalse)}, gap ${f(range.gap)}; highest wrong candidate ${f(range.highestFalseCandidate)}`,
);
console.log(`time: parse + fingerprint ${(t1 - t0).toFixed(0)} ms (${texts.length} files), index + pair ${(t2 - t1).toFixed(0)} ms`);

if (args.includes('--errors')) {
  const reasons = new Map(pairing.unpaired.map((entry) => [entry.id, entry]));
  const scores = new Map(pairing.pairs.map((pair) => [`${pair.ru}|${pair.en}`, pair]));
  for (const [ru, en] of report.wrong) {
    const pair = scores.get(`${ru}|${en}`);
    console.log(`wrong  ${ru} ${en} ${gold.roles[en]?.role} score ${pair?.score}`, JSON.stringify(pair?.evidence));
  }
  for (const [ru, en] of report.missed) console.log(`missed ${ru} ${en}`, JSON.stringify(reasons.get(ru)), JSON.stringify(reasons.get(en)));
}

// The seed corpus: exactly the pair 002 ↔ 000, and 001, 003, 004 unpaired.
const corpus = resolve(import.meta.dirname, '../corpus');
const seedFiles = readdirSync(corpus).filter((name) => name.endsWith('.txt')).sort();
const seeds = pairFingerprints(
  seedFiles.flatMap((name) => {
    const result = fingerprintInput({ id: name, text: readFileSync(join(corpus, name), 'utf8') }, options);
    return isPairingError(result) ? [] : [result];
  }),
  options,
);
const seedPairs = seeds.pairs.map((pair) => `${pair.ru.slice(0, 3)}↔${pair.en.slice(0, 3)} (${pair.score})`).join(', ');
const seedOk = seeds.pairs.length === 1 && seeds.pairs[0].ru.startsWith('002') && seeds.pairs[0].en.startsWith('000');
console.log(
  `seeds: ${seedOk ? 'exact' : 'WRONG'} — pairs ${seedPairs || 'none'}; unpaired ${seeds.unpaired.map((u) => `${u.id.slice(0, 3)} ${u.reason}${u.best ? ` (best ${u.best.id.slice(0, 3)} ${u.best.score})` : ''}`).join(', ')}`,
);
