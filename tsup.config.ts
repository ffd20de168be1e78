import { defineConfig } from 'tsup';

// The library is built twice (ESM + CJS) with type declarations; the CLI once (ESM, with a shebang).
// franc and iuliia are bundled: franc is ESM-only, and bundling keeps the CommonJS build loadable.
// natural stays external: only its deep module paths are imported (see src/anchors/natural.d.ts).
export default defineConfig([
  {
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    noExternal: ['franc', 'trigram-utils', 'n-gram', 'collapse-white-space', 'iuliia'],
  },
  {
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    sourcemap: true,
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
    noExternal: ['franc', 'trigram-utils', 'n-gram', 'collapse-white-space', 'iuliia'],
  },
]);
