/**
 * bitext-align: pair, align and check Russian and English versions of the same report.
 *
 * Pipeline: text → {@link parseDocument} → {@link alignDocuments} → {@link findDiscrepancies} → exports;
 * collections → {@link pairDocuments}.
 */
export type * from './types.js';
export { InputError, isInputError, type InputErrorCode, type SafeResult } from './errors.js';

export { parseDocument, safeParseDocument } from './document.js';
export { decodeText, DEFAULT_MAX_INPUT_SIZE, type DecodeOptions, type DecodedText } from './text/decode.js';
export { detectLanguage, type LanguageGuess } from './text/language.js';
export { splitParagraphs, type ParagraphOptions, type ParagraphSplit, type BareParagraph } from './text/paragraphs.js';
export { foldForMatching, toCleanOffset, toSourceOffset, toSourceSpan } from './text/normalize.js';

export { extractAnchors } from './anchors/extract.js';
export { extractFigures } from './anchors/numbers.js';
export { extractEntities, nameKey } from './anchors/names.js';
export { extractTerms } from './anchors/lexicon.js';

export { alignDocuments, safeAlignDocuments, alignParagraphs, linkEvidence, type AlignInput } from './align/align.js';
export { DEFAULT_COST_MODEL } from './align/model.js';
export { DEFAULT_LENGTH_MODEL, lengthCost } from './align/length.js';
export {
  solveBeads,
  solveBeadsInBand,
  MAX_WIDENED_BAND_CELLS,
  type BeadShape,
  type BeadProblem,
  type BeadSolution,
  type PathStep,
  type SolveOptions,
} from './align/dp.js';

export { findDiscrepancies, type CheckOptions } from './check/discrepancies.js';

export { splitSentences, alignSentences, DEFAULT_SENTENCE_COST_MODEL } from './sentences/index.js';
export type { Sentence, SentenceSpan, SentenceLink, SentenceAlignment, SentenceCostModel, SentenceSplitter, SentenceAlignOptions } from './sentences/types.js';

export {
  exportAlignment,
  EXPORT_FORMATS,
  toJson,
  toJsonReport,
  toJsonl,
  jsonlLines,
  toTmx,
  tmxOpen,
  tmxUnits,
  tmxClose,
  toTsv,
  tsvLines,
  toMoses,
  mosesLines,
  toHtml,
  toXliff,
  xliffOpen,
  xliffFile,
  xliffClose,
  issueRows,
  filterIssues,
  countIssues,
  issuesToDelimited,
  issuesToJsonl,
  parseIgnoreFile,
  formatIgnoreFile,
  ISSUE_COLUMNS,
  formatSideBySide,
  filterLinks,
  keepLink,
  exportRows,
  escapeXml,
  escapeHtml,
  oneLine,
} from './export/index.js';
export type {
  ExportFormat,
  ExportOptions,
  ExportFilter,
  RowOptions,
  ExportRow,
  TmxOptions,
  TsvOptions,
  JsonOptions,
  JsonlOptions,
  TextReportOptions,
  HtmlReportOptions,
  XliffOptions,
  IssueRow,
  IssueFilter,
  JsonReport,
  JsonParagraph,
  JsonLink,
  JsonDiscrepancy,
  JsonlRecord,
} from './export/index.js';

export { VERSION } from './version.js';

export {
  pairDocuments,
  pairDocumentsSync,
  pairFingerprints,
  fingerprintInput,
  fingerprintDocument,
  isPairingError,
  scoreCandidates,
  resolvePairOptions,
  DEFAULT_PAIR_OPTIONS,
  DEFAULT_PAIR_MODEL,
  DEFAULT_PAIR_THRESHOLD,
  KIND_WEIGHTS,
  type PairModel,
  type ResolvedPairOptions,
  type ScoredCandidate,
} from './pair/index.js';
export type * from './pair/types.js';
