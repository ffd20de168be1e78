/**
 * The CLI as an ES module entry: {@link main} run at once. What runs from source (`node --import tsx
 * src/cli/bin.ts`, the tests) and what a single-file build of the CLI starts from; the published executable is
 * launch.ts, which runs the same {@link main} out of a compiled-once bundle.
 */
import { main } from './main.js';

await main();
