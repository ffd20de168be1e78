/**
 * Every public type of bitext-align in one place: the plain data each pipeline stage produces, and the
 * options each stage takes, with their defaults.
 *
 * Offsets are UTF-16 code-unit offsets (JavaScript string indices) into `Document.source`, the text as it
 * was given (after byte decoding), so `doc.source.slice(start, end)` always gives back what was written.
 */

/** The two languages this library pairs. Adding a language means adding tables, not editing the aligner. */
export type Lang = 'ru' | 'en';

/** A span of a document's source text. */
export interface Span {
  /** Offset of the first code unit in `Document.source`. */
  start: number;
  /** Offset one past the last code unit in `Document.source`. */
  end: number;
}

/**
 * One logical paragraph. A paragraph is a block separated by blank lines, except that a word broken by a
 * hyphen at the end of a block and continued in lower case at the start of the next is rejoined, and those
 * blocks form one paragraph.
 */
export interface Paragraph extends Span {
  /** 0-based position in the document. */
  index: number;
  /** Exactly `source.slice(start, end)`: the paragraph as written, line breaks and broken words included. */
  text: string;
  /**
   * The paragraph repaired for reading, matching and export: broken words rejoined, line breaks and runs of
   * white space folded to one space, NFC, no-break/thin spaces as spaces, soft hyphens removed, typographic
   * quotes and dashes kept as written.
   */
  clean: string;
  /**
   * Where `clean` and `text` drift apart: `[cleanOffset, sourceOffset]` breakpoints, sorted. A clean offset
   * `i` maps to `sourceOffset + (i - cleanOffset)` of the last breakpoint at or before `i`. The first
   * breakpoint is always `[0, start]` (a second one at clean offset 0 follows when the paragraph opens with
   * something `clean` leaves out, such as a soft hyphen). Use {@link toSourceOffset} rather than reading this
   * directly.
   */
  shifts: Array<[number, number]>;
  /** What survives translation in this paragraph, in text order, offsets into `Document.source`. */
  anchors: Anchor[];
}

/** Facts about a document found in its text or given by the caller. */
export interface DocumentMeta {
  /** Publication date, ISO `YYYY-MM-DD`, from a leading `date …` line, a dateline or the `date` option. */
  date?: string;
  /** Place named in a dateline ("BAKU, Azerbaijan, November 14."), as written. */
  place?: string;
  /** A headline: a first paragraph that is short and has no final full stop. */
  title?: string;
  /** Spans of the source that are metadata rather than body text (a `date …` line, a dateline). */
  spans: Span[];
}

/** A parsed, anchored document: the unit every later stage works on. */
export interface Document {
  /** Caller's identifier (a file path, a database key); not interpreted. */
  id?: string;
  /** The document's language, detected or given. */
  lang: Lang;
  /** How `lang` was decided. */
  langSource: 'option' | 'detected';
  /** The text as given (after byte decoding): every offset points into it. */
  source: string;
  paragraphs: Paragraph[];
  meta: DocumentMeta;
  /** Things worth knowing that did not stop the analysis (mixed languages, no anchors, …). */
  warnings: Warning[];
}

/** A documented, non-fatal condition. The analysis went on; the result may be less reliable. */
export interface Warning {
  /**
   * Stable identifier: `control-characters`, `encoding`, `markup`, `mixed-language`, `third-language`,
   * `language-contradicted`, `no-anchors` (documents); `language-assumed`, `length-ratio`, `band-limit`,
   * `unrelated-documents`, `paragraphing` (alignments).
   */
  code: string;
  /** One line a person can act on. */
  message: string;
}

/** Kinds of anchor. `number`, `year`, `ordinal` and `date` are figures; `entity` and `term` are words. */
export type AnchorKind = 'number' | 'year' | 'ordinal' | 'date' | 'entity' | 'term';

/** How a figure is qualified ("более 11 процентов" = "more than 11 percent"). Kept, never required to match. */
export type Qualifier = 'approx' | 'over' | 'under' | 'at-least' | 'at-most';

/**
 * Something that survives translation, with a language-neutral `key`: equal keys on the two sides are an
 * agreement ("4,3 млрд" and "4.3 billion" both have key `num:4300000000`).
 */
export interface Anchor extends Span {
  kind: AnchorKind;
  /**
   * Language-neutral identity.
   * - number: `num:<value>` (value after scale words: 4,3 млрд → `num:4300000000`)
   * - year: `year:<yyyy>`; ordinal: `ord:<n>`; date: `date:<MM>-<DD>` (the year, when written, is its own anchor)
   * - entity: `ent:<id>` (gazetteer id, or a folded Latin prefix of the name: Асадова, Asadov → `ent:asado`)
   * - term: `term:<concept>` (bilingual lexicon concept)
   */
  key: string;
  /** As written in the source (`source.slice(start, end)`). */
  surface: string;
  /** Prior strength in (0, 1]: digits and names 1, spelled-out numbers and lexicon terms less. */
  weight: number;
  /** Figures: the canonical numeric value (after scale words). */
  value?: number;
  /** Figures: unit when stated: `percent`, `usd`, `eur`, `rub`, `azn`, … (ISO 4217 lower case for money). */
  unit?: string;
  /** Figures: a comparator word in front of the figure. */
  qualifier?: Qualifier;
  /** Figures: written in digits or spelled out. Only digit figures are checked for discrepancies. */
  written?: 'digits' | 'words';
  /** Entities: the full folded Latin form ("asadov"), for messages and fuzzy matching. */
  name?: string;
}

/** One alignment bead: a group of Russian paragraphs and a group of English paragraphs that translate each other. */
export interface Link {
  /** Russian paragraph indices, ascending, contiguous; empty for an English paragraph with no counterpart. */
  ru: number[];
  /** English paragraph indices, ascending, contiguous; empty for a Russian paragraph with no counterpart. */
  en: number[];
  /**
   * Confidence in [0, 1]: how much better this bead is than the alternatives the aligner considered.
   * For a one-sided link, the confidence that the paragraph really has no counterpart.
   */
  score: number;
  /** Anchors behind the decision. */
  evidence: LinkEvidence;
}

/** Which anchors a link's two sides share and which one side has alone. */
export interface LinkEvidence {
  shared: AnchorMatch[];
  ruOnly: Anchor[];
  enOnly: Anchor[];
}

/** An agreement: a Russian and an English anchor with the same key. */
export interface AnchorMatch {
  key: string;
  kind: AnchorKind;
  ru: Anchor;
  en: Anchor;
}

/** The paragraph alignment of one Russian and one English document. */
export interface Alignment {
  ru: Document;
  en: Document;
  /** In document order; every paragraph of both documents in exactly one link. */
  links: Link[];
  warnings: Warning[];
}

/** Severity, as translation-QA tools grade it. */
export type Severity = 'error' | 'warning' | 'info';

interface DiscrepancyBase {
  /**
   * Russian paragraph indices involved: the paragraph that holds a figure or name, or, on the side that lacks
   * it, every paragraph of the link that should have held it.
   */
  ru: number[];
  /** English paragraph indices involved, likewise. */
  en: number[];
  severity: Severity;
  /** One line a person can act on; it numbers paragraphs as a reader counts them (¶1 is the first, index 0). */
  message: string;
}

/** A coverage gap: a paragraph with no counterpart in the other version. */
export interface UnmatchedParagraph extends DiscrepancyBase {
  kind: 'unmatched-paragraph';
  /** The side that has the paragraph. */
  side: Lang;
  /** The paragraph's span in its document. */
  span: Span;
  /** The figures and names the missing paragraph carries (what the other version lacks). */
  anchors: Anchor[];
}

/** The same quantity with a different value (4,3 млрд vs 4.4 billion). */
export interface NumberMismatch extends DiscrepancyBase {
  kind: 'number-mismatch';
  /** The Russian figure as written. */
  ruValue: string;
  /** The English figure as written. */
  enValue: string;
  ruAnchor: Anchor;
  enAnchor: Anchor;
  /**
   * What differs: the value (4,3 vs 4.8), the unit or currency of the same value (5 млн рублей vs 5 million
   * dollars, 5 км vs 5 m, 45 % vs 45), or two figures that swapped the words they belong to (export 5 / import 3
   * vs export 3 / import 5). @default 'value'
   */
  reason?: 'value' | 'unit' | 'swapped';
  /** `reason: 'unit'`: the Russian figure's unit (`none` when it has none). */
  ruUnit?: string;
  /** `reason: 'unit'`: the English figure's unit (`none` when it has none). */
  enUnit?: string;
}

/** A figure present in one version only. */
export interface NumberMissing extends DiscrepancyBase {
  kind: 'number-missing';
  /** The side that has the figure. */
  side: Lang;
  /** The figure as written. */
  value: string;
  anchor: Anchor;
}

/** A name present in one version only. */
export interface EntityMissing extends DiscrepancyBase {
  kind: 'entity-missing';
  /** The side that has the name. */
  side: Lang;
  /** The name as written. */
  value: string;
  anchor: Anchor;
  /**
   * How sure the check is, in [0, 1]: that the word is a name, times that the other version does not name it
   * (a weak transcription match lowers it). Only warnings at or above `CheckOptions.minEntityConfidence` are reported.
   */
  confidence: number;
}

/**
 * A word that mixes Latin and Cyrillic letters that look alike ("Mоscow" with a Cyrillic о): a homoglyph, which
 * search, spell checking and name matching miss. Reported once per word; names are matched as `intended` reads.
 */
export interface MixedScript extends DiscrepancyBase {
  kind: 'mixed-script';
  /** The side whose paragraph holds the word. */
  side: Lang;
  /** The word as written. */
  value: string;
  /** The word with its look-alike letters in its main script ("Moscow"). */
  intended: string;
  /** The script of the look-alike letters. */
  foreign: 'latin' | 'cyrillic';
  /** The word's span in its document. */
  span: Span;
}

/** What differs between the two versions, discriminated by `kind`. Agreements are never reported. */
export type Discrepancy = UnmatchedParagraph | NumberMismatch | NumberMissing | EntityMissing | MixedScript;

/** Every discrepancy kind. */
export type DiscrepancyKind = Discrepancy['kind'];

/** A user glossary entry: every form (in either language) names the same thing. */
export interface GlossaryEntry {
  /** Stable identifier; becomes the anchor key `ent:<id>`. */
  id: string;
  /** Forms in either language, as written ("Ставрополь", "Stavropol"); Russian forms match any case ending. */
  forms: string[];
}

/** A user lexicon entry: a concept with its Russian and English stems or words. */
export interface LexiconEntry {
  /** Stable identifier; becomes the anchor key `term:<id>`. */
  id: string;
  /** Russian stems or words ("сотрудничеств"). */
  ru: string[];
  /** English stems or words ("cooperat"). */
  en: string[];
}

/** Options for {@link extractAnchors}. */
export interface AnchorOptions {
  /** Document date (ISO `YYYY-MM-DD`), to resolve "today"/"сегодня". @default undefined (relative dates are skipped) */
  date?: string;
  /** Names to add to (or override in) the built-in gazetteer. @default [] */
  glossary?: GlossaryEntry[];
  /** Concepts to add to the built-in bilingual lexicon. @default [] */
  lexicon?: LexiconEntry[];
  /**
   * Order of numeric slash dates ("03/05/2024"): `dmy` or `mdy`. @default the order the text's own dates show (a
   * part above 12 is the day), else `mdy` in English and `dmy` in Russian; `parseDocument` reads it off the whole
   * document
   */
  dateOrder?: 'dmy' | 'mdy';
}

/** Options for {@link parseDocument}. */
export interface ParseOptions extends Omit<AnchorOptions, 'date'> {
  /** Identifier carried into results (a file path, a database key). @default undefined */
  id?: string;
  /** The document's language; skips detection. @default detected from the text */
  lang?: Lang;
  /** Publication date (ISO `YYYY-MM-DD`); wins over a date found in the text. @default found in the text */
  date?: string;
  /**
   * How the text is read and its paragraphs delimited (CLI `--input-format text|html|auto`):
   * - `auto`: HTML when the text has the structure of HTML (it opens with `<!DOCTYPE html>` or `<html>`, or it
   *   holds block tags (an end tag among them) and most of its lines start with a tag, or it opens with a block tag and ends with a
   *   tag; a few tags quoted in prose are not enough), else as `text`;
   * - `text`: never HTML; paragraphs by blank lines when the text has them, else one per line when most lines
   *   end a sentence, else by indented first lines when some lines (not all) are indented, else one block;
   * - `html`: HTML (block tags cut paragraphs; tags left out of `clean`, character references decoded);
   * - `blank-line`, `line`, `indent`: plain text cut that one way.
   * @default 'auto'
   */
  paragraphs?: 'auto' | 'text' | 'html' | 'blank-line' | 'line' | 'indent';
  /** Largest input accepted, in bytes or characters: a finite number greater than 0. @default 50_000_000 */
  maxInputSize?: number;
  /**
   * Encoding of byte input: `auto`, `utf-8`, `utf-16le`, `utf-16be`, `windows-1251`, `koi8-r` or `cp866`
   * (see {@link DecodeOptions.encoding}; CLI `--encoding`). `auto` reads UTF-8 and UTF-16 and never guesses a
   * legacy encoding, but its `not-utf8` error names the likeliest one. @default 'auto'
   */
  encoding?: string;
}

/** Parameters of the Gale–Church length model. */
export interface LengthModel {
  /** English characters per Russian character. */
  ratio: number;
  /** Variance of the length difference per character. */
  variance: number;
  /** Share of translations whose length strays more than the variance says (heavy tails). @default 0 */
  outlierShare?: number;
  /** How many times wider the spread of those outliers is. @default 1 */
  outlierScale?: number;
}

/**
 * Tunable parameters of the alignment cost, in nats (lower is better). The defaults are fitted on the gold of the
 * development sets by bench/fit-cost-model.ts (src/align/fitted-model.ts); the values below are rounded.
 */
export interface CostModel {
  /** Length model. @default {ratio: 1.049, variance: 2.1, outlierShare: 0.06, outlierScale: 1.75} */
  length: LengthModel;
  /**
   * Extra cost of each bead shape over 1-1 (the prior −log P(shape) + log P(1-1), refitted), keyed `"<ru>-<en>"`;
   * shapes not listed are not used.
   * @default {'1-1': 0, '2-1': 2.88, '1-2': 3.46, '2-2': 4.16, '3-1': 5.7, '3-2': 5.95, '1-3', '2-3', '4-1' … '6-1', '1-4' … '1-6': 8.14}
   */
  shapes: Record<string, number>;
  /** Cost of a paragraph with no counterpart (a 1-0 or 0-1 bead). @default 3.32 */
  omission: number;
  /** Reward per unit of rarity-weighted shared anchors (nats per unit of IDF). @default 0.95 */
  sharedReward: number;
  /** Penalty per unit of rarity-weighted digit figures on one side of a two-sided bead. @default 0.99 */
  figurePenalty: number;
  /**
   * A paragraph left without counterpart is joined to a neighbouring link when its anchors explain at least
   * this much (rarity-weighted) of that link's other side that the link's own side does not: a condensed
   * translation, not an omission. `Infinity` turns this off. @default 0.45
   */
  absorbThreshold?: number;
  /**
   * Cost per sentence of difference between the two sides of a bead (sentences as the splitter counts them).
   * Each such sentence is a merge or split by the translator, which Gale & Church's sentence beads price at
   * about 2.3 nats (2-1 prior 0.089 against 1-1 0.89); fitted lower here, the splitter erring too.
   * @default 0.88
   */
  sentencePenalty?: number;
  /**
   * Weight of the length cost (the length model's −log tail probability, in nats). 1 reads the length model as
   * a likelihood; less trusts it less (paragraph lengths vary more than the sentence pairs it was fitted on).
   * @default 0.395 (1 when the field is absent from a model given whole, as the sentence model is)
   */
  lengthWeight?: number;
  /**
   * Reward per unit of rarity-weighted identical-string tokens both sides share (untranslated Latin-script
   * words in the Russian: package names, URLs, version strings, code). 0 turns the evidence off. @default 1.0
   * (0 when absent from a model given whole)
   */
  identicalReward?: number;
  /**
   * Reward per unit of rarity-weighted matches of a merged bead (two or more paragraphs on each side) that its
   * best split into two smaller beads does not explain (matches across the inner boundary).
   * @default 0.72 (`sharedReward` when absent from a model given whole)
   */
  crossReward?: number;
  /**
   * Adapt the shape costs to the document (one step of hard EM): after a first alignment, the shape costs move
   * toward the shape frequencies of that alignment, under a Dirichlet prior worth this many beads. Small values
   * trust the document, large ones the model; `Infinity` turns adaptation off. @default 30 (off when absent from a
   * model given whole)
   */
  shapeAdaptation?: number;
}

/** Options for {@link alignDocuments}. */
export interface AlignOptions extends Omit<ParseOptions, 'id' | 'lang' | 'date'> {
  /** Languages of the two inputs, in argument order, when known. @default detected */
  langs?: [Lang | undefined, Lang | undefined];
  /** Identifiers of the two inputs, in argument order (file paths, keys), for messages and exports. */
  ids?: [string | undefined, string | undefined];
  /** Overrides of the alignment cost model (see {@link CostModel}). @default DEFAULT_COST_MODEL */
  cost?: Partial<CostModel>;
  /** Initial half-width of the search band, in paragraphs; widened automatically when too narrow. @default 24 */
  band?: number;
}
