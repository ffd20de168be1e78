import { defineConfig, type Options } from 'tsup';

// The library is built twice (ESM + CJS) with type declarations. The CLI is one CommonJS script (cli-main.cjs,
// the library inside it), which the executable (cli.js, given its shebang after the build) compiles through a
// V8 code cache (src/cli/code-cache.ts): a script can be, an ES module graph cannot on Node 20.
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

// What every build that bundles the library shares.
const library = {
  sourcemap: true,
  target: 'node20',
  noExternal: bundled,
  external: ['mammoth', 'unpdf'],
  esbuildOptions,
} satisfies Options;

export default defineConfig([
  { ...library, entry: { index: 'src/index.ts' }, format: ['esm'], dts: { entry: { index: 'src/index.ts' } }, clean: true },
  { ...library, entry: { index: 'src/index.ts' }, format: ['cjs'], dts: { entry: { index: 'src/index.ts' } } },
  {
    // The CLI's main module as one script. `import.meta.url` (the corpus and the worker script are found beside
    // it) is the script's own file URL, made by pathToFileURL: tsup's shim writes `file:${path}`, which a path
    // with `#` or `%` in it breaks.
    ...library,
    entry: { 'cli-main': 'src/cli/main.ts' },
    format: ['cjs'],
    outExtension: () => ({ js: '.cjs' }),
    banner: { js: 'const __bundleUrl = require("node:url").pathToFileURL(__filename).href;' },
    define: { 'import.meta.url': '__bundleUrl' },
  },
  {
    // The executable: node built-ins only, the bundle read at run time; given its shebang and execute bit after
    // the build.
    entry: { cli: 'src/cli/launch.ts' },
    format: ['esm'],
    sourcemap: true,
    target: 'node20',
    onSuccess: 'node scripts/shebang.mjs dist/cli.js',
  },
]);
