/**
 * Sentence splitting and sentence alignment.
 */
export { splitSentences } from './split.js';
export { alignSentences, DEFAULT_SENTENCE_COST_MODEL } from './align.js';
export { defaultSplitter } from './units.js';
export type * from './types.js';
