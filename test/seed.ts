/** The bundled seed pair, read once for the tests that use it: 002 (Russian) and 000 (English). */
import { readFileSync } from 'node:fs';

/** A file of corpus/, as text. */
export const corpus = (name: string): string => readFileSync(new URL(`../corpus/${name}`, import.meta.url), 'utf8');

export const RU = corpus('002_6e70b530b08c33a1.txt');
export const EN = corpus('000_0de97bedda4ecb13.txt');
/** The seed texts cut at blank lines, for tests that rebuild documents from paragraphs. */
export const RU_PARAGRAPHS = RU.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
export const EN_PARAGRAPHS = EN.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
