/**
 * Collection pairing: pair the Russian and English versions of the same report in a collection (see
 * {@link pairDocuments}). Re-exports only.
 */
export type * from './types.js';
export {
  pairDocuments,
  pairDocumentsSync,
  pairFingerprints,
  fingerprintInput,
  isPairingError,
  scoreCandidates,
  resolvePairOptions,
  DEFAULT_PAIR_OPTIONS,
  type ResolvedPairOptions,
  type ScoredCandidate,
} from './pair.js';
export { fingerprintDocument } from './fingerprint.js';
export { DEFAULT_PAIR_MODEL, DEFAULT_PAIR_THRESHOLD, KIND_WEIGHTS, type PairModel } from './model.js';
