/**
 * The gazetteer: names whose translation is not a transliteration (Германия/Germany, США/US,
 * азербайджано-/Azerbaijani), matched in running text with Russian inflection, English plurals and
 * multi-word names, and extendable by a user glossary.
 *
 * Data lives in gazetteer-data.ts; this module turns each form into word-by-word matchers. Russian
 * inflected forms are generated from the nominative once, so matching a word is a set lookup.
 */
import type { GlossaryEntry } from '../types.js';
import { GAZETTEER, PERSON_IDS, type GazetteerRecord } from './gazetteer-data.js';
import { GAZETTEER_PHRASES, GAZETTEER_WORD_KEYS } from './tables-data.js';
import {
  isAllCaps, isCapitalised, normalizeWord, perWord, scriptOf, tokenize, wordKey, type Token,
} from './translit.js';

/** A user glossary entry: all forms (either language) name the same thing (the type lives in types.ts). */
export type { GlossaryEntry };

/** Weight of adjectives, demonyms and compound parts ("азербайджанский", "Azerbaijani"). */
export const ADJECTIVE_WEIGHT = 0.6;

/** A gazetteer hit: which entry, how strong, how many tokens it spans. */
export interface GazetteerMatch {
  id: string;
  weight: number;
  /** Number of tokens the match covers (1 for a single word). */
  length: number;
  /** Canonical English name for messages ("Azerbaijan"). */
  name: string;
}

/** Finds gazetteer names at token positions. */
export interface Gazetteer {
  /** The longest name starting at token `i`, if any. */
  match(tokens: readonly Token[], i: number): GazetteerMatch | undefined;
  /** Could a name of two or more words start at this token? A quick test before {@link Gazetteer.match}. */
  startsLongName(token: Token): boolean;
}

// ---------------------------------------------------------------------------------------------------------
// Inflection
// ---------------------------------------------------------------------------------------------------------

const ADJ_ENDINGS = ['ий', 'ый', 'ой', 'ая', 'яя', 'ое', 'ее', 'ые', 'ие', 'ого', 'его', 'ому', 'ему', 'ым', 'им',
  'ом', 'ем', 'ую', 'юю', 'ей', 'ых', 'их', 'ыми', 'ими', 'ою', 'ею'];

// Endings by the shape of the nominative; a superset of the real paradigm is harmless (the extra forms are
// not words), a missing form costs a match.
const PARADIGMS: Array<[string, number, string[]]> = [
  // [nominative ending, letters to drop, endings to add]
  ['анин', 2, ['ин', 'ина', 'ину', 'ином', 'ине', 'е', '', 'ам', 'ами', 'ах']],
  ['янин', 2, ['ин', 'ина', 'ину', 'ином', 'ине', 'е', '', 'ам', 'ами', 'ах']],
  ['ец', 2, ['ец', 'ца', 'цу', 'цем', 'цом', 'це', 'цы', 'цев', 'цам', 'цами', 'цах']],
  ['ия', 2, ['ия', 'ии', 'ию', 'ией', 'иею', 'ий', 'иям', 'иями', 'иях']],
  ['ья', 2, ['ья', 'ьи', 'ью', 'ьей', 'ьею', 'ей', 'ьям', 'ьями', 'ьях']],
  ['ье', 2, ['ье', 'ья', 'ью', 'ьем', 'ьи', 'ий', 'ьям', 'ьями', 'ьях']],
  ['а', 1, ['а', 'ы', 'и', 'е', 'у', 'ой', 'ою', 'ам', 'ами', 'ах', '']],
  ['я', 1, ['я', 'и', 'е', 'ю', 'ей', 'ею', 'ям', 'ями', 'ях', 'ь']],
  ['ь', 1, ['ь', 'я', 'ю', 'ем', 'е', 'и', 'ей', 'ью', 'ям', 'ями', 'ях']],
  ['й', 1, ['й', 'я', 'ю', 'ем', 'е', 'и', 'ев', 'ям', 'ями', 'ях']],
  ['о', 1, ['о', 'а', 'у', 'ом', 'е', 'ы', 'ам', 'ами', 'ах']],
  ['е', 1, ['е', 'я', 'а', 'ю', 'у', 'ем', 'ом', 'и', 'ей', 'ям', 'ями', 'ях']],
  ['ы', 1, ['ы', 'ов', 'ам', 'ами', 'ах']],
  ['и', 1, ['и', 'ов', 'ей', 'ев', 'ам', 'ям', 'ами', 'ями', 'ах', 'ях']],
];

const INDECLINABLE_ENDINGS = ['у', 'ю', 'э'];
const CONSONANT_ENDINGS = ['', 'а', 'у', 'ом', 'ем', 'е', 'ы', 'и', 'ов', 'ей', 'ам', 'ами', 'ах'];

/**
 * Inflected forms of a Russian word given in the nominative (lower case, ё as е): adjectives get the full
 * adjective paradigm plus the compound form in -о (российский → российского, российско), nouns the case
 * endings of their declension. A superset: forms that are not words never occur, so they cost nothing.
 */
export function ruInflections(word: string): string[] {
  const w = word;
  if (w.length > 4) {
    for (const e of ['ий', 'ый', 'ой', 'ая', 'яя', 'ое', 'ее', 'ые', 'ие']) {
      if (w.endsWith(e)) {
        const stem = w.slice(0, -2);
        return [...ADJ_ENDINGS.map((x) => stem + x), stem + 'о'];
      }
    }
  }
  for (const ending of INDECLINABLE_ENDINGS) if (w.endsWith(ending)) return [w];
  for (const [ending, drop, adds] of PARADIGMS) {
    if (w.endsWith(ending) && w.length > ending.length + 1) {
      const stem = w.slice(0, w.length - drop);
      return adds.map((x) => stem + x);
    }
  }
  return CONSONANT_ENDINGS.map((x) => w + x);
}

/** English forms of a word: itself and its plural (-s, -es, -y → -ies). */
export function enInflections(word: string): string[] {
  const out = [word, word + 's', word + 'es'];
  if (/[^aeiou]y$/.test(word)) out.push(word.slice(0, -1) + 'ies');
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Phrase index
// ---------------------------------------------------------------------------------------------------------

/** How a word's capitalisation must look: any, capitalised (or all caps), all caps. */
const CaseRule = { Any: 0, Cap: 1, Upper: 2 } as const;
type CaseRule = (typeof CaseRule)[keyof typeof CaseRule];

export interface WordSpec {
  /** Distinct forms (a short list: an array is faster to build than a set and as fast to search). */
  forms: readonly string[];
  rule: CaseRule;
}

export interface Phrase {
  id: string;
  name: string;
  weight: number;
  words: WordSpec[];
}

/** Lookup form of a token: normalised, dots of dotted acronyms dropped ("U.S." → "us"). */
function lookupForm(text: string): string {
  return normalizeWord(text).replace(/\./g, '');
}

function caseRuleOf(word: string): CaseRule {
  if (isAllCaps(word)) return CaseRule.Upper;
  if (isCapitalised(word)) return CaseRule.Cap;
  return CaseRule.Any;
}

/** Word specs of one written form (see gazetteer-data.ts for the notation). */
function specsOf(form: string): WordSpec[] {
  let f = form.trim();
  let exact = false;
  if (f.startsWith('=')) {
    exact = true;
    f = f.slice(1);
  }
  if (f.endsWith('-')) {
    exact = true;
    f = f.slice(0, -1);
  }
  return tokenize(f).map((t, k) => {
    // Only the first word's capitals are required: "Moscow region", "Совет безопасности" are common spellings.
    const written = caseRuleOf(t.text);
    const rule = k === 0 || written === CaseRule.Upper ? written : CaseRule.Any;
    const base = lookupForm(t.text);
    let forms: string[];
    if (exact || rule === CaseRule.Upper || /[0-9]/.test(base)) forms = [base];
    else if (scriptOf(base) === 'cyr') forms = ruInflections(base);
    else if (scriptOf(base) === 'lat') forms = enInflections(base);
    else forms = [base];
    return { forms: [...new Set(forms)], rule };
  });
}

/** The gazetteer phrases a token may start, under each form it is looked up by (see `tokenForms`). */
export interface GazetteerStarts {
  forms: readonly StartForm[];
  /** Some phrase of two or more words is among them. */
  long: boolean;
}

/** One form a token is looked up by, the phrases whose first word has it, and what matching them asks of it. */
export interface StartForm {
  form: string;
  /** Longest first. */
  phrases: readonly Phrase[];
  /**
   * Those of `phrases` whose first word's case rule this spelling can meet (a lower-case "the" never starts
   * "The Hague"): the only ones worth trying, longest first.
   */
  viable: readonly Phrase[];
  /** The acronym read off a declined Cyrillic acronym (МИДа → мид), not the token's own form. */
  acronym: boolean;
  /** Ends like a surname (see `SURNAME_TAIL`). */
  surnameTail: boolean;
}

const NO_STARTS: GazetteerStarts = { forms: [], long: false };

class PhraseIndex {
  private readonly byFirst = new Map<string, Phrase[]>();
  /** Per spelling, its {@link GazetteerStarts}: every token of every text is looked up, most of them repeats. */
  private readonly starts = perWord<GazetteerStarts>();
  /**
   * Keep each spelling's starts on its own word record instead (`WordInfo.gazetteerStarts`): the record is in
   * cache already when a token is read, a side table is one more memory load per token. For one index only, the
   * built-in one.
   */
  memoOnWords = false;

  add(phrase: Phrase): void {
    for (const form of phrase.words[0]!.forms) {
      let list = this.byFirst.get(form);
      if (list === undefined) this.byFirst.set(form, (list = []));
      list.push(phrase);
    }
  }

  /** Sort each candidate list longest first, so the first full match is the longest. */
  seal(): void {
    for (const list of this.byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  }

  /** The phrases `token` may start, by form (the same for every token of the same spelling). */
  startsOf(token: Token): GazetteerStarts {
    const info = token.info;
    const hit = this.memoOnWords ? info.gazetteerStarts : this.starts.get(info.id);
    if (hit !== undefined) return hit;
    const starts = this.startsFresh(token);
    if (this.memoOnWords) info.gazetteerStarts = starts;
    else this.starts.set(info.id, starts);
    return starts;
  }

  private startsFresh(token: Token): GazetteerStarts {
    const out: StartForm[] = [];
    for (const form of tokenForms(token)) {
      const list = this.byFirst.get(form);
      if (list === undefined) continue;
      const acronym = form !== token.info.norm;
      const viable = list.filter((p) => (acronym ? p.words[0]!.rule === CaseRule.Upper : caseMayFit(p.words[0]!.rule, token)));
      if (viable.length > 0) out.push({ form, phrases: list, viable, acronym, surnameTail: SURNAME_TAIL.test(form) });
    }
    if (out.length === 0) return NO_STARTS;
    return { forms: out, long: out.some((f) => f.viable[0]!.words.length > 1) };
  }
}

function recordPhrases(record: GazetteerRecord): Phrase[] {
  const name = record.forms.find((f) => scriptOf(f) === 'lat')?.replace(/^=/, '') ?? record.id.replace(/_/g, ' ');
  const out: Phrase[] = [];
  for (const form of record.forms) {
    out.push({ id: record.id, name, weight: record.weight ?? 1, words: specsOf(form) });
  }
  for (const form of record.adj ?? []) {
    out.push({ id: record.id, name, weight: ADJECTIVE_WEIGHT, words: specsOf(form) });
  }
  return out.filter((p) => p.words.length > 0);
}

function buildIndex(records: readonly GazetteerRecord[]): PhraseIndex {
  const index = new PhraseIndex();
  for (const record of records) for (const phrase of recordPhrases(record)) index.add(phrase);
  index.seal();
  return index;
}

/**
 * One record's phrases with their word matchers computed, as plain data: `[adjective (1) or name (0), words]`,
 * each word `[case rule, stem, endings]`: its forms are `stem` + each ending of `endings` (an index into the
 * table's shared ending lists, which keeps the table small). The built-in gazetteer's are precomputed at build
 * time (tables-data.ts).
 */
export type PhraseRow = [number, Array<[number, string, number]>];

/** The precomputed gazetteer: shared ending lists, and each record's id and rows in data order. */
export interface PhraseTable {
  endings: string[][];
  records: Array<[string, PhraseRow[]]>;
}

/** The table of `records` (what scripts/build-tables.ts writes into tables-data.ts). */
export function gazetteerPhraseRows(records: readonly GazetteerRecord[] = GAZETTEER): PhraseTable {
  const endings: string[][] = [];
  const endingIndex = new Map<string, number>();
  const encode = (forms: readonly string[]): [string, number] => {
    let stem = forms[0] ?? '';
    for (const f of forms) while (!f.startsWith(stem)) stem = stem.slice(0, -1);
    const tails = forms.map((f) => f.slice(stem.length));
    const key = tails.join('\u0000');
    let n = endingIndex.get(key);
    if (n === undefined) {
      endingIndex.set(key, (n = endings.length));
      endings.push(tails);
    }
    return [stem, n];
  };
  const out = records.map((record): [string, PhraseRow[]] => {
    const rows: PhraseRow[] = [];
    const add = (adj: number, form: string): void => {
      const words = specsOf(form);
      if (words.length > 0) rows.push([adj, words.map((w): [number, string, number] => [w.rule, ...encode(w.forms)])]);
    };
    for (const form of record.forms) add(0, form);
    for (const form of record.adj ?? []) add(1, form);
    return [record.id, rows];
  });
  return { endings, records: out };
}

/** The same index as `buildIndex(records)`, from precomputed rows (one list per record, in order). */
function indexFromRows(records: readonly GazetteerRecord[], endings: readonly string[][], rows: readonly PhraseRow[][]): PhraseIndex {
  const index = new PhraseIndex();
  records.forEach((record, n) => {
    const name = record.forms.find((f) => scriptOf(f) === 'lat')?.replace(/^=/, '') ?? record.id.replace(/_/g, ' ');
    for (const [adj, words] of rows[n]!) {
      index.add({
        id: record.id,
        name,
        weight: adj === 1 ? ADJECTIVE_WEIGHT : (record.weight ?? 1),
        words: words.map(([rule, stem, n]) => ({ forms: endings[n]!.map((tail) => stem + tail), rule: rule as CaseRule })),
      });
    }
  });
  index.seal();
  return index;
}

// ---------------------------------------------------------------------------------------------------------
// Matching
// ---------------------------------------------------------------------------------------------------------

// A capitalised word in -ов/-ев/-ин mid-sentence is a surname (Поляков, Чехов), not a demonym's plural.
const SURNAME_TAIL = /(ов|ев|ин|ын)$/;

/** Can a spelling meet this case rule as a phrase's first word (in some position: see {@link caseFits})? */
function caseMayFit(rule: CaseRule, token: Token): boolean {
  return rule === CaseRule.Upper ? token.info.allCaps : rule === CaseRule.Cap ? token.info.capitalised : true;
}

/** Does the first word of a phrase, found under one of its forms, have the case its rule asks for? */
function caseFits(rule: CaseRule, token: Token, surnameTail: boolean): boolean {
  switch (rule) {
    case CaseRule.Upper:
      return token.info.allCaps;
    case CaseRule.Cap:
      return token.info.capitalised;
    default:
      return !(surnameTail && token.info.capitalised && !token.initial && token.info.script === 'cyr');
  }
}

function wordFits(spec: WordSpec, token: Token, form: string, first: boolean): boolean {
  if (!spec.forms.includes(form)) return false;
  switch (spec.rule) {
    case CaseRule.Upper:
      return token.info.allCaps;
    case CaseRule.Cap:
      return token.info.capitalised;
    default:
      return !(first && token.info.capitalised && !token.initial && token.info.script === 'cyr' && SURNAME_TAIL.test(form));
  }
}

/** Forms a token is looked up under: itself, and for a declined Cyrillic acronym (МИДа) the acronym. */
function tokenForms(token: Token): string[] {
  const form = token.info.norm;
  if (token.info.script !== 'cyr' || !token.info.capitalised || token.info.allCaps) return [form];
  const m = /^([А-ЯЁ]{2,})[а-яё]{1,2}$/.exec(token.text);
  return m !== null ? [form, lookupForm(m[1]!)] : [form];
}

function matchIn(index: PhraseIndex, excluded: ReadonlySet<string>, tokens: readonly Token[], i: number):
  GazetteerMatch | undefined {
  const first = tokens[i]!;
  const starts = index.startsOf(first).forms;
  // Indexed loops: most tokens start nothing, and this runs for every token of every text.
  for (let f = 0; f < starts.length; f++) {
    const { form, phrases: list, viable, acronym, surnameTail } = starts[f]!;
    for (let p = 0; p < viable.length; p++) {
      const phrase = viable[p]!;
      if (excluded.size > 0 && excluded.has(phrase.id)) continue;
      const n = phrase.words.length;
      if (i + n > tokens.length) continue;
      // The phrase was found under `form`, so its first word has that form: only its case rule is left to check.
      const head = phrase.words[0]!;
      if (acronym ? head.rule !== CaseRule.Upper : !caseFits(head.rule, first, surnameTail)) continue;
      let ok = true;
      for (let j = 1; j < n && ok; j++) {
        const t = tokens[i + j]!;
        ok = t.joined && wordFits(phrase.words[j]!, t, t.info.norm, false);
      }
      if (ok) {
        const reading = n === 1 ? personOrPlace(list, phrase, excluded, tokens, i, form) : phrase;
        return { id: reading.id, weight: reading.weight, length: n, name: reading.name };
      }
    }
  }
  return undefined;
}

/**
 * A one-word form shared by a person's name and something else («Питер»: Peter, St Petersburg) is the person when
 * a capitalised word (a surname) follows it («Питер Джексон»), else the other («в Питере», «Питер —»).
 */
function personOrPlace(list: readonly Phrase[], found: Phrase, excluded: ReadonlySet<string>, tokens: readonly Token[], i: number, form: string): Phrase {
  const other = list.find((p) => p.words.length === 1 && p.id !== found.id && !excluded.has(p.id) &&
    PERSON_IDS.has(p.id) !== PERSON_IDS.has(found.id) && wordFits(p.words[0]!, tokens[i]!, form, true));
  if (other === undefined) return found;
  const next = tokens[i + 1];
  const surname = next !== undefined && next.joined && next.info.capitalised && !next.info.allCaps && next.info.letters >= 2;
  const person = PERSON_IDS.has(found.id) ? found : other;
  return surname ? person : person === found ? other : found;
}

let builtin: PhraseIndex | undefined;

/** The built-in index, built on first use. */
function builtinIndex(): PhraseIndex {
  if (builtin === undefined) {
    const table = builtinTable();
    builtin = table !== undefined ? indexFromRows(GAZETTEER, table.endings, table.records.map(([, rows]) => rows)) : buildIndex(GAZETTEER);
    builtin.memoOnWords = true;
  }
  return builtin;
}

let tableRead = false;
let table: PhraseTable | undefined;

/**
 * The precomputed table of tables-data.ts, or undefined when it was written for other records (an edited
 * gazetteer-data.ts before `npm run tables`): the index is then built from the data.
 */
function builtinTable(): PhraseTable | undefined {
  if (!tableRead) {
    tableRead = true;
    const read = JSON.parse(GAZETTEER_PHRASES) as PhraseTable;
    const rows = read.records ?? [];
    table = rows.length === GAZETTEER.length && rows.every(([id], n) => id === GAZETTEER[n]!.id) ? read : undefined;
  }
  return table;
}

const NONE: ReadonlySet<string> = new Set();

class MergedGazetteer implements Gazetteer {
  constructor(private readonly user: PhraseIndex | undefined, private readonly overridden: ReadonlySet<string>) {}

  match(tokens: readonly Token[], i: number): GazetteerMatch | undefined {
    const mine = this.user !== undefined ? matchIn(this.user, NONE, tokens, i) : undefined;
    const base = matchIn(builtinIndex(), this.overridden, tokens, i);
    if (mine === undefined) return base;
    if (base === undefined) return mine;
    return base.length > mine.length ? base : mine; // the glossary wins ties
  }

  startsLongName(token: Token): boolean {
    return builtinIndex().startsOf(token).long || (this.user !== undefined && this.user.startsOf(token).long);
  }
}

const defaultGazetteer = new MergedGazetteer(undefined, NONE);
const glossaryCache = new WeakMap<readonly GlossaryEntry[], Gazetteer>();

/**
 * The gazetteer to use: the built-in one, with `glossary` merged over it (a glossary entry whose id is a
 * built-in id replaces that entry; otherwise it adds names; on equal length the glossary wins).
 */
export function gazetteerFor(glossary?: readonly GlossaryEntry[]): Gazetteer {
  if (glossary === undefined || glossary.length === 0) return defaultGazetteer;
  let g = glossaryCache.get(glossary);
  if (g === undefined) {
    const user = buildIndex(glossary.map((e) => ({ id: e.id, forms: e.forms })));
    const builtinIds = new Set(GAZETTEER.map((r) => r.id));
    g = new MergedGazetteer(user, new Set(glossary.map((e) => e.id).filter((id) => builtinIds.has(id))));
    glossaryCache.set(glossary, g);
  }
  return g;
}

let byWordKey: Map<string, string[]> | undefined;

/** Shortest word key trusted to stand for a gazetteer name (shorter keys collide with common words). */
const MIN_TRUSTED_KEY = 4;

/**
 * Built-in gazetteer ids whose one-word forms have this word key: a spelling the data does not list but
 * that folds the same ("Moskva" → Moscow, "Rossiya" → Russia). For mention checks, where leniency is safe.
 */
export function idsForWordKey(key: string): readonly string[] {
  byWordKey ??= new Map(builtinTable() !== undefined ? (JSON.parse(GAZETTEER_WORD_KEYS) as Array<[string, string[]]>) : gazetteerWordKeys());
  return byWordKey.get(key) ?? [];
}

/** The table behind {@link idsForWordKey}, computed from the data (what scripts/build-tables.ts writes). */
export function gazetteerWordKeys(): Array<[string, string[]]> {
  const byKey = new Map<string, string[]>();
  for (const r of GAZETTEER) {
    for (const form of [...r.forms, ...(r.adj ?? [])]) {
      const words = tokenize(form.replace(/^=/, ''));
      if (words.length !== 1 || isAllCaps(words[0]!.text)) continue;
      const k = wordKey(words[0]!.text).key;
      if (k.length < MIN_TRUSTED_KEY) continue;
      const ids = byKey.get(k) ?? [];
      if (!ids.includes(r.id)) ids.push(r.id);
      byKey.set(k, ids);
    }
  }
  return [...byKey];
}

/** Every gazetteer id, built-in (for tests and tools). */
export function builtinIds(): string[] {
  return GAZETTEER.map((r) => r.id);
}
