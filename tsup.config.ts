import { defineConfig } from 'tsup';

// The library is built twice (ESM + CJS) with type declarations; the CLI once (ESM, sharing chunks with the
// library's ESM build, given its shebang after the build).
// Bundled, so that the package has no runtime dependencies:
// - franc (and its own dependencies) and iuliia: franc is ESM-only, and bundling keeps the CommonJS build loadable;
// - natural: only two of its files are imported (the Porter stemmer and Jaro–Winkler, see src/anchors/natural.d.ts);
//   as a dependency it would bring 80 MB of database drivers and a wordnet with it.
// mammoth and unpdf (.docx and .pdf input) stay external: optional peer dependencies, imported by the CLI only
// when such a file is read.
const bundled = ['franc', 'trigram-utils', 'n-gram', 'collapse-white-space', 'iuliia', /^natural(\/|$)/];
// Non-ASCII text (the Russian tables) written as UTF-8, not as \u escapes: a third of the size to read and parse.
const esbuildOptions = (options: { charset?: string }): void => {
  options.charset = 'utf8';
};

export default defineConfig([
  {
    // ESM: the library and the CLI share their code in chunks (the CLI is not a second copy of the library).
    entry: { index: 'src/index.ts', cli: 'src/cli/main.ts' },
    format: ['esm'],
    splitting: true,
    dts: { entry: { index: 'src/index.ts' } },
    sourcemap: true,
    clean: true,
    target: 'node20',
    noExternal: bundled,
    external: ['mammoth', 'unpdf'],
    esbuildOptions,
    // The shebang only on the executable (a banner would go on every chunk).
    onSuccess: 'node scripts/shebang.mjs dist/cli.js',
  },
  {
    entry: { index: 'src/index.ts' },
    format: ['cjs'],
    dts: { entry: { index: 'src/index.ts' } },
    sourcemap: true,
    target: 'node20',
    noExternal: bundled,
    esbuildOptions,
  },
]);
