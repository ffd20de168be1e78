/**
 * Reading the development benchmark (shared/dev, see its README): alignment cases with gold links, omissions
 * and number changes, and the pairing collection.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { GoldMismatch, IndexLink } from './score.js';

/** Where the development set lives: $BITEXT_DEV, else ../shared/dev beside the repository. */
export function devRoot(): string | undefined {
  const candidates = [process.env.BITEXT_DEV, resolve(import.meta.dirname, '../../shared/dev')].filter(Boolean) as string[];
  return candidates.find((dir) => existsSync(join(dir, 'cases')));
}

/** {@link devRoot}, or a message on stderr and exit code 2 for a benchmark script that cannot run without it. */
export function requireDevRoot(): string {
  const root = devRoot();
  if (!root) {
    console.error(
      'the development set was not found: put it at ../shared/dev beside the repository, or point BITEXT_DEV at the folder that holds cases/ and pairing/',
    );
    process.exit(2);
  }
  return root;
}

/** A sentence of the gold, with its id shared by its translation. */
export interface GoldSentence {
  id: number;
  text: string;
}

/** One alignment case. */
export interface DevCase {
  id: string;
  ru: string;
  en: string;
  links: IndexLink[];
  omissions: { ru: number[]; en: number[] };
  mismatches: GoldMismatch[];
  paragraphs: { ru: number; en: number };
  sentences: { ru: GoldSentence[][]; en: GoldSentence[][] };
}

/** Load every case of the development set, sorted by id. */
export function loadCases(root: string): DevCase[] {
  const dir = join(root, 'cases');
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((id) => readCase(dir, id));
}

/** One case folder: ru.txt, en.txt and gold.json (links, omissions, figure mismatches, paragraph counts, sentences). */
function readCase(dir: string, id: string): DevCase {
  const gold = JSON.parse(readFileSync(join(dir, id, 'gold.json'), 'utf8'));
  return {
    id,
    ru: readFileSync(join(dir, id, 'ru.txt'), 'utf8'),
    en: readFileSync(join(dir, id, 'en.txt'), 'utf8'),
    links: gold.links,
    omissions: gold.omissions,
    mismatches: (gold.number_mismatches ?? []).map((item: { ru: number; en: number }) => ({ ru: item.ru, en: item.en })),
    paragraphs: gold.paragraphs,
    sentences: gold.sentences,
  };
}

/** The pairing task: file paths and gold pairs. */
export interface PairingTask {
  files: string[];
  pairs: Array<[string, string]>;
  unpaired: string[];
  roles: Record<string, { lang: 'ru' | 'en'; role: string }>;
}

/** Load the pairing task. */
export function loadPairing(root: string): PairingTask {
  const dir = join(root, 'pairing');
  const gold = JSON.parse(readFileSync(join(dir, 'gold_pairs.json'), 'utf8'));
  const files = readdirSync(join(dir, 'docs')).sort().map((name) => join(dir, 'docs', name));
  return { files, pairs: gold.pairs, unpaired: gold.unpaired, roles: gold.files };
}

/** The three alignment sets the benchmark and the accuracy gate score. */
export type SetName = 'dev' | 'dev23' | 'real';

/**
 * Where each alignment set lives: $BITEXT_DEV, $BITEXT_DEV23, $BITEXT_REAL (the folder holding the pair
 * folders), else beside the development set in ../shared (dev/, dev23/, real/pairs/). Sets not found are left out.
 */
export function setRoots(): Partial<Record<SetName, string>> {
  const dev = devRoot();
  const shared = dev ? dirname(dev) : resolve(import.meta.dirname, '../../shared');
  const found: Partial<Record<SetName, string>> = {};
  if (dev) found.dev = dev;
  const dev23 = process.env.BITEXT_DEV23 ?? join(shared, 'dev23');
  if (existsSync(join(dev23, 'cases'))) found.dev23 = dev23;
  const real = process.env.BITEXT_REAL ?? join(shared, 'real', 'pairs');
  if (existsSync(real)) found.real = real;
  return found;
}

/** Load one set: dev and dev23 keep their cases under cases/, the real pairs one folder per pair. */
export function loadSet(name: SetName, root: string): DevCase[] {
  return name === 'real' ? loadRealPairs(root) : loadCases(root);
}

/**
 * Load the real published pairs (shared/real/pairs/<id>/{ru.txt, en.txt, gold.json}), sorted by id. They have
 * no sentence gold.
 */
export function loadRealPairs(dir: string): DevCase[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'gold.json')))
    .map((entry) => entry.name)
    .sort()
    .map((id) => ({ ...readCase(dir, id), sentences: { ru: [], en: [] } }));
}
