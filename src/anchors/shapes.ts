/**
 * How anchors hold their weight in memory.
 *
 * A document holds an anchor object per figure, name and term (145 000 for a 5 MB pair), and each anchor's
 * `weight` is one of a few constants (terms 0.3, names 1, …). V8 keeps a number field that has only ever held
 * numbers as a 16-byte box of its own in every object; once the field has held anything else, objects of that
 * shape point at the shared constant instead. Each module that makes anchors passes {@link shareWeights} a
 * sample of the same shape (same fields in the same order) when it loads: measured, the documents of a 5 MB
 * pair take 2.1 MB less. Another engine simply ignores it.
 */

import type { Anchor } from '../types.js';

/** Have `sample`'s `weight` field hold a non-number once (see the module comment); the sample is thrown away. */
export function shareWeights(sample: Anchor): void {
  (sample as { weight: number | undefined }).weight = undefined;
}
