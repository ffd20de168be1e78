/**
 * The published executable (dist/cli.js): runs the CLI bundle (dist/cli-main.cjs) compiled through a V8 code
 * cache (see code-cache.ts), so that a one-shot run does not compile a megabyte of JavaScript again each time.
 * Worker threads load the bundle without the cache: they start under the V8 flags the main thread set, which
 * V8 would reject the cache for.
 */
import { fileURLToPath } from 'node:url';
import { isMainThread } from 'node:worker_threads';
import { codeCacheFolder, requireWithCodeCache } from './code-cache.js';

const bundle = fileURLToPath(new URL('./cli-main.cjs', import.meta.url));
const { main } = requireWithCodeCache(bundle, isMainThread ? codeCacheFolder() : undefined) as { main(): Promise<void> };
await main();
