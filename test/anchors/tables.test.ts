import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tablesSource } from '../../src/anchors/tables.js';

describe('precomputed tables', () => {
  it('tables-data.ts is current for the gazetteer and lexicon data (else run `npm run tables`)', () => {
    const file = readFileSync(new URL('../../src/anchors/tables-data.ts', import.meta.url), 'utf8');
    expect(file === tablesSource()).toBe(true);
  });
});
