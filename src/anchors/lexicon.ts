/**
 * Term anchors: frequent news content words (government/правительство, trade/торговля, July/июль) matched
 * on stems and keyed by a bilingual concept, so "сотрудничества" and "cooperation" both give
 * `term:cooperation`. Weak evidence (weight {@link TERM_WEIGHT}); many shared terms make two paragraphs likely
 * translations of each other.
 *
 * Russian words match a stem plus an inflectional ending; English words match on their Porter stem.
 */
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import type { Anchor, Lang, LexiconEntry } from '../types.js';
import { gazetteerFor } from './gazetteer.js';
import { LEXICON, type LexiconRecord } from './lexicon-data.js';
import { shareWeights } from './shapes.js';
import { LEXICON_SPECS } from './tables-data.js';
import { isCapitalised, normalizeWord, perWord, scriptOf, tokenize, type Script, type Token } from './translit.js';

/** A user lexicon concept (the type lives in types.ts). */
export type { LexiconEntry };

/** Options of {@link extractTerms}. */
export interface TermOptions {
  /**
   * Extra concepts, merged over the built-in lexicon (an entry with a built-in id replaces it). Written as in
   * lexicon-data.ts; unmarked words are also read leniently (see `userRecord`).
   */
  lexicon?: LexiconEntry[];
}

/** Weight of a term anchor: weak evidence next to figures and names. */
export const TERM_WEIGHT = 0.3;

// Russian inflectional endings a stem may take (nouns, adjectives, participles).
const RU_ENDINGS = new Set([
  '', 'а', 'я', 'о', 'е', 'ы', 'и', 'у', 'ю', 'ь', 'й',
  'ом', 'ем', 'ой', 'ей', 'ою', 'ею', 'ам', 'ям', 'ами', 'ями', 'ах', 'ях', 'ов', 'ев',
  'ий', 'ый', 'ая', 'яя', 'ое', 'ее', 'ые', 'ие', 'ого', 'его', 'ому', 'ему', 'ым', 'им', 'ую', 'юю', 'ых', 'их',
  'ыми', 'ими',
  'ия', 'ии', 'ию', 'ией', 'иям', 'иями', 'иях', 'ие', 'ием',
  'ье', 'ья', 'ьи', 'ью', 'ьей', 'ьем', 'ьям', 'ьями', 'ьях', 'ьё',
]);

/** Longest remainder a `stem*` takes. */
const MAX_STAR_TAIL = 5;
/** Longest Russian ending in {@link RU_ENDINGS}. */
const MAX_ENDING = 4;

// How a word spec matches: stem + ending, prefix, exact word, English Porter stem.
const Kind = { Stem: 0, Star: 1, Exact: 2, English: 3 } as const;
type SpecKind = (typeof Kind)[keyof typeof Kind];

interface WordSpec {
  kind: SpecKind;
  /** Russian stem, exact word, or English Porter stem. */
  key: string;
  /** English: the word must be capitalised in the text ("May"). */
  cap: boolean;
}

/** A lexicon phrase: a concept and the word specs of one of its forms. */
export interface TermPhrase {
  id: string;
  words: WordSpec[];
  /** 0 for a user entry, 1 for a built-in one: on equal length the user's concept wins. */
  rank: number;
  /** The first word must be capitalised ("May"), unless case is ignored. */
  capitalFirst: boolean;
  /** The key of its anchors, `term:<id>` (built once, not per anchor). */
  anchorKey: string;
}

const stemCache = new Map<string, string>();

/** Longer "words" are not stemmed: the Porter stemmer's regular expressions are quadratic in the word's length. */
const MAX_STEMMED_LENGTH = 64;

/** Porter stem of a lower-case English word (cached); a word over 64 characters is its own stem. */
export function englishStem(word: string): string {
  if (word.length > MAX_STEMMED_LENGTH) return word;
  let s = stemCache.get(word);
  if (s === undefined) {
    s = PorterStemmer.stem(word);
    if (stemCache.size >= 100_000) stemCache.clear();
    stemCache.set(word, s);
  }
  return s;
}

/** Specs of one written form: a stem, "stem*", "=word", or English words; several words in sequence. */
function specsOf(form: string): WordSpec[] {
  let f = form.trim();
  let kind: SpecKind | undefined;
  if (f.startsWith('=')) {
    kind = Kind.Exact;
    f = f.slice(1);
  } else if (f.endsWith('*')) {
    kind = Kind.Star;
    f = f.slice(0, -1);
  }
  return tokenize(f).map((t) => {
    const norm = normalizeWord(t.text);
    if (scriptOf(norm) === 'cyr') return { kind: kind ?? Kind.Stem, key: norm, cap: false };
    if (kind !== undefined) return { kind, key: norm, cap: false };
    return { kind: Kind.English, key: englishStem(norm), cap: isCapitalised(t.text) && t.text.length > 1 };
  });
}

const NO_PHRASES: readonly TermPhrase[] = [];

class TermIndex {
  private readonly byKey = new Map<string, TermPhrase[]>();
  /** Per word: the phrases whose first word it fits (case aside), longest first. Most words repeat. */
  private readonly starts = perWord<readonly TermPhrase[]>();
  /** Some English form is a prefix ("cooperat*"): English words are then also looked up by their prefixes. */
  private latinPrefixes = false;

  /** `specs`: each record's forms' word specs when already computed (see {@link lexiconSpecRows}). */
  constructor(records: readonly LexiconRecord[], userCount = 0, specs?: readonly SpecRow[][]) {
    for (const [n, r] of records.entries()) {
      const rows = specs?.[n];
      for (const [f, form] of [...r.ru, ...r.en].entries()) {
        const words = rows !== undefined ? rows[f]!.map(([kind, key, cap]) => ({ kind: kind as SpecKind, key, cap: cap === 1 })) : specsOf(form);
        if (words.length === 0) continue;
        if (words[0]!.kind === Kind.Star && scriptOf(words[0]!.key) === 'lat') this.latinPrefixes = true;
        const capitalFirst = words[0]!.kind === Kind.English && words[0]!.cap;
        const phrase = { id: r.id, words, rank: n < userCount ? 0 : 1, capitalFirst, anchorKey: `term:${r.id}` };
        const key = words[0]!.key;
        let list = this.byKey.get(key);
        if (list === undefined) this.byKey.set(key, (list = []));
        list.push(phrase);
      }
    }
    for (const list of this.byKey.values()) list.sort((a, b) => b.words.length - a.words.length);
  }

  /**
   * Keep each spelling's starts on its own word record instead (`WordInfo.termStarts`): the record is in cache
   * already when a token is read, a side table is one more memory load per token. For one index only, the
   * built-in one.
   */
  memoOnWords = false;

  private startsOf(t: Token): readonly TermPhrase[] {
    const norm = t.info.norm;
    let list = this.memoOnWords ? t.info.termStarts : this.starts.get(t.info.id);
    if (list === undefined) {
      const found: TermPhrase[] = [];
      // Longer stems first, so among equally long phrases the most specific stem wins.
      for (const key of candidateKeys(norm, t.info.script, this.latinPrefixes)) {
        for (const phrase of this.byKey.get(key) ?? []) if (fits(phrase.words[0]!, t, true)) found.push(phrase);
      }
      // Longest phrase first; then the user's entries; then (stable) the longer stem.
      // Most words start no phrase: they share one empty list (one object in cache, not one per word).
      list = found.length === 0 ? NO_PHRASES : found.sort((a, b) => b.words.length - a.words.length || a.rank - b.rank);
      if (this.memoOnWords) t.info.termStarts = list;
      else this.starts.set(t.info.id, list);
    }
    return list;
  }

  /** The longest phrase starting at token `i`, or undefined. */
  match(tokens: readonly Token[], i: number, ignoreCase = false): TermPhrase | undefined {
    const t = tokens[i]!;
    const phrases = this.startsOf(t);
    for (let p = 0; p < phrases.length; p++) {
      const phrase = phrases[p]!;
      // The first word fits case aside (see `startsOf`): only its capital is left to check.
      if (!ignoreCase && phrase.capitalFirst && !t.info.capitalised) continue;
      let ok = i + phrase.words.length <= tokens.length;
      for (let j = 1; ok && j < phrase.words.length; j++) {
        const u = tokens[i + j]!;
        ok = u.joined && fits(phrase.words[j]!, u, ignoreCase);
      }
      if (ok) return phrase;
    }
    return undefined;
  }
}

/** Index keys a word can be found under: its Porter stem (English), or itself and its prefixes (Russian). */
function candidateKeys(norm: string, script: Script, latinPrefixes: boolean): string[] {
  if (script === 'lat' && !latinPrefixes) return [englishStem(norm), norm];
  if (script === 'none') return [];
  const out = script === 'lat' ? [englishStem(norm), norm] : [norm];
  const shortest = Math.max(2, norm.length - MAX_STAR_TAIL);
  for (let len = norm.length - 1; len >= shortest; len--) out.push(norm.slice(0, len));
  return out;
}

// Porter stems by word id: the stemmer's cache is a map keyed by the word, this is an array read.
const stems = perWord<string>();

/** {@link englishStem} of a token's normal form. */
function stemOf(token: Token): string {
  return stems.get(token.info.id) ?? stems.set(token.info.id, englishStem(token.info.norm));
}

function fits(spec: WordSpec, token: Token, ignoreCase: boolean): boolean {
  const norm = token.info.norm;
  switch (spec.kind) {
    case Kind.English:
      return token.info.script === 'lat' && stemOf(token) === spec.key && (ignoreCase || !spec.cap ||
        token.info.capitalised);
    case Kind.Exact:
      return norm === spec.key;
    case Kind.Star:
      return norm.startsWith(spec.key) && norm.length - spec.key.length <= MAX_STAR_TAIL;
    default: {
      if (!norm.startsWith(spec.key)) return false;
      const rest = norm.slice(spec.key.length);
      return rest.length <= MAX_ENDING && RU_ENDINGS.has(rest);
    }
  }
}

/** One form's word specs as plain data, `[kind, key, capitalised (1) or not (0)]` per word. */
export type SpecRow = Array<[number, string, number]>;

/** Word specs of every form (`ru` then `en`) of every record, in order: what scripts/build-tables.ts writes into tables-data.ts. */
export function lexiconSpecRows(records: readonly LexiconRecord[] = LEXICON): Array<[string, SpecRow[]]> {
  return records.map((r): [string, SpecRow[]] =>
    [r.id, [...r.ru, ...r.en].map((form) => specsOf(form).map((w): [number, string, number] => [w.kind, w.key, w.cap ? 1 : 0]))]);
}

/**
 * The built-in index, from the table precomputed at build time; from the data when the table was written for
 * other records (an edited lexicon-data.ts before `npm run tables`).
 */
function builtinTermIndex(): TermIndex {
  const rows = JSON.parse(LEXICON_SPECS) as Array<[string, SpecRow[]]>;
  const fresh = rows.length === LEXICON.length &&
    rows.every(([id, specs], n) => id === LEXICON[n]!.id && specs.length === LEXICON[n]!.ru.length + LEXICON[n]!.en.length);
  const index = new TermIndex(LEXICON, 0, fresh ? rows.map(([, specs]) => specs) : undefined);
  index.memoOnWords = true;
  return index;
}

let builtin: TermIndex | undefined;
const userCache = new WeakMap<readonly LexiconEntry[], TermIndex>();

/**
 * A user entry read leniently, since users write stems and words loosely: an unmarked English word also
 * matches as a prefix ("cooperat" → cooperation), an unmarked Russian word given in full also matches on its
 * stem ("сотрудничество" → сотрудничества).
 */
function userRecord(entry: LexiconEntry): LexiconRecord {
  const plain = (f: string): boolean => !/^=|\*$|\s/.test(f.trim());
  const ru = entry.ru.flatMap((f) => {
    if (!plain(f)) return [f];
    const w = normalizeWord(f.trim());
    for (let k = Math.min(MAX_ENDING, w.length - 4); k >= 1; k--) {
      if (RU_ENDINGS.has(w.slice(-k))) return [f, w.slice(0, -k)];
    }
    return [f];
  });
  const en = entry.en.flatMap((f) => (plain(f) && f.trim().length >= 4 ? [f, `${f.trim().toLowerCase()}*`] : [f]));
  return { id: entry.id, ru, en };
}

function indexFor(lexicon?: readonly LexiconEntry[]): TermIndex {
  builtin ??= builtinTermIndex();
  if (lexicon === undefined || lexicon.length === 0) return builtin;
  let idx = userCache.get(lexicon);
  if (idx === undefined) {
    const replaced = new Set(lexicon.map((e) => e.id));
    idx = new TermIndex([...lexicon.map(userRecord), ...LEXICON.filter((r) => !replaced.has(r.id))], lexicon.length);
    userCache.set(lexicon, idx);
  }
  return idx;
}

/**
 * Lexicon terms in `text` (frequent news content words matched on stems), in text order, offsets relative
 * to `text`: kind `term`, key `term:<concept>`, weight {@link TERM_WEIGHT}. A multi-word term ("prime
 * minister", "премьер-министр") is one anchor. Words inside a multi-word gazetteer name ("State Duma",
 * "Военно-морской флот") are left to the name. `lang` is accepted for symmetry: each word is read by its own
 * script, so an English word quoted in Russian text still matches.
 */
export function extractTerms(text: string, _lang: Lang, options?: TermOptions): Anchor[] {
  const index = indexFor(options?.lexicon);
  const gazetteer = gazetteerFor();
  const tokens = tokenize(text);
  const out: Anchor[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    // (A token's length is end - start: its text is not read, one memory load fewer.)
    if (t.info.letters < 2 || t.end - t.start > 40) continue;
    // Words inside a multi-word name are the name's, not terms: "State Duma" is not the term "state".
    if (gazetteer.startsLongName(t)) {
      const name = gazetteer.match(tokens, i);
      if (name !== undefined && name.length > 1) {
        i += name.length - 1;
        continue;
      }
    }
    const m = index.match(tokens, i);
    if (m === undefined) continue;
    const n = m.words.length;
    const end = tokens[i + n - 1]!.end;
    // A one-word term's surface is its token's spelling, a string the word table holds already.
    out.push({ kind: 'term', key: m.anchorKey, start: t.start, end, surface: n === 1 ? t.text : text.slice(t.start, end),
      weight: TERM_WEIGHT });
    i += n - 1;
  }
  return out;
}

// Term anchors as made above, fields in the same order (see shapes.ts).
shareWeights({ kind: 'term', key: '', start: 0, end: 0, surface: '', weight: TERM_WEIGHT });

/**
 * Length in tokens of the built-in lexicon term starting at token `i` (any capitalisation), 0 if none.
 * Names use it to skip capitalised common words and phrases ("Prime Minister", "Ministry", "Министерства").
 */
export function termLengthAt(tokens: readonly Token[], i: number): number {
  return indexFor().match(tokens, i, true)?.words.length ?? 0;
}

/**
 * Is this single word a built-in lexicon term (any capitalisation)? Names use it to tell a capitalised common
 * word ("Ministry", "Navy Day", "Министерства") from a name.
 */
export function isTermWord(word: string): boolean {
  const tokens = tokenize(word);
  if (tokens.length !== 1) return false;
  const m = indexFor().match(tokens, 0, true);
  return m !== undefined && m.words.length === 1;
}
