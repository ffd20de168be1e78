import { defineConfig } from 'tsup';

// The library is built twice (ESM + CJS) with type declarations; the CLI once (ESM, with a shebang).
// Bundled, so that the package has no runtime dependencies:
// - franc (and its own dependencies) and iuliia: franc is ESM-only, and bundling keeps the CommonJS build loadable;
// - natural: only two of its files are imported (the Porter stemmer and Jaro–Winkler, see src/anchors/natural.d.ts);
//   as a dependency it would bring 80 MB of database drivers and a wordnet with it.
// mammoth and unpdf (.docx and .pdf input) stay external: optional peer dependencies, imported by the CLI only
// when such a file is read.
const bundled = ['franc', 'trigram-utils', 'n-gram', 'collapse-white-space', 'iuliia', /^natural(\/|$)/];

export default defineConfig([
  {
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    noExternal: bundled,
  },
  {
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    sourcemap: true,
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
    noExternal: bundled,
    external: ['mammoth', 'unpdf'],
  },
]);
