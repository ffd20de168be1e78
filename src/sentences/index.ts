/**
 * Sentence splitting and sentence alignment.
 */
export { splitSentences } from './split.js';
export { alignSentences, DEFAULT_SENTENCE_COST_MODEL, defaultSplitter } from './align.js';
export type * from './types.js';
