/**
 * Entity anchors: the names in a text, keyed so that the Russian and English versions of one name meet.
 *
 * A name is a gazetteer name (Германия/Germany, азербайджано-/Azerbaijani, США/US — any capitalisation
 * where the gazetteer allows it), an acronym (ТАСС, EAEU, COP29), or a capitalised word that is not a common
 * word: not sentence-initial, or sentence-initial but confirmed (the same key capitalised mid-sentence
 * elsewhere in the text) or name-shaped (a surname ending, a common first name). Function words, titles,
 * months and other lexicon words are not names. Every word of a multi-word name gives its own anchor
 * (Али Асадов → `ali`, `asado`), so a patronymic or a first name present in one version only costs one
 * anchor, not the match; a gazetteer name spanning several words ("Caspian Sea") is one anchor.
 */
import type { Anchor, Lang } from '../types.js';
import { gazetteerFor, idsForWordKey, type Gazetteer, type GlossaryEntry } from './gazetteer.js';
import { termLengthAt } from './lexicon.js';
import { shareWeights } from './shapes.js';
import {
  alternativeKeys, tokenize, wordKey, type Token, type WordKey,
} from './translit.js';

/** A user glossary entry: all forms (either language) name the same thing. */
export type { GlossaryEntry } from './gazetteer.js';

/** Options of {@link extractEntities} and {@link textMentions}. */
export interface EntityOptions {
  /** Names to add to (or replace in) the built-in gazetteer. */
  glossary?: GlossaryEntry[];
}

/** Weight of a name or acronym. */
export const NAME_WEIGHT = 1;

// ---------------------------------------------------------------------------------------------------------
// Word lists
// ---------------------------------------------------------------------------------------------------------

// Capitalised English words that are not names: function words, pronouns, sentence adverbs, forms of address.
// Titles, months, weekdays and institutions are lexicon terms and are excluded through the lexicon.
const EN_STOP = new Set(`
a an the this that these those there here it its it's i me my mine we us our ours you your yours he him his
she her hers they them their theirs who whom whose which what whatever whoever when where why how whether
and but or nor so yet for if then than because while although though unless until since as once
of in on at by to from with without within into onto upon over under about above below after before during
through throughout across along among amongst around against between beyond behind beside besides despite
toward towards via per near off out up down like unlike except including regarding concerning following
be is are was were been being am do does did done have has had having can could will would shall should may
might must ought not no yes yeah ok okay oh ah well also too very just only even still already again ever
never always often sometimes usually now today tonight yesterday tomorrow then soon later earlier recently
currently previously finally first second third last next another other others some any many much more most
few fewer less least several all both each every either neither none nothing something anything everything
someone anyone everyone somebody anybody everybody nobody one ones such same own
however therefore moreover furthermore meanwhile nevertheless nonetheless otherwise instead indeed
actually basically certainly clearly obviously perhaps maybe probably possibly apparently hopefully luckily
unfortunately fortunately interestingly importantly notably additionally similarly likewise accordingly
consequently thus hence overall altogether anyway according due thanks please hello hi hey dear
mr mrs ms miss dr st sir general madam madame mme mlle lady gentlemen ladies mister messrs jr sr esq
let lets let's here's there's what's that's who's
inc ltd llc plc corp gmbh
`.trim().split(/\s+/));

// Capitalised Russian words that are not names: pronouns, conjunctions, particles, sentence adverbs.
const RU_STOP = new Set(`
я мы ты вы он она оно они это этот эта эти этого этой этим том тот та то те таких такой такая такие так
но и а в во на с со у о об обо к ко по из за от до для как что кто где когда куда откуда зачем почему
чем чего вот там тут здесь все всё весь вся всех всем уже еще ещё даже если или ни не нет да же ли бы
его ее её их им ему ей мне нам вам меня нас вас себя свой своей свои мой моя мои наш наша наши ваш
ваша ваши сам сама сами само самый каждый другой другие иной который которая которое которые чтобы
потому поэтому однако также тоже кроме через после перед между около при без под над про среди
ведь пусть лишь только уж вообще конечно кстати впрочем итак сейчас теперь тогда сначала потом
затем наконец кажется может можно нужно надо нельзя очень много мало более менее больше меньше
сколько столько снова опять всего почти около примерно спасибо здравствуйте ну ой ах эх увы
один одна одно одни два две три четыре пять шесть семь восемь девять десять
сегодня вчера завтра ранее позже далее также тем хотя пока ибо причем притом зато либо
господин госпожа г-н г-жа уважаемый уважаемые дорогие
`.trim().split(/\s+/));

/** Common first names (lower case): a sentence-initial word that is one of them is a name without confirmation. */
export const FIRST_NAMES = new Set(`
александр алексей анатолий андрей антон аркадий артем артур борис вадим валентин валерий василий виктор
виталий владимир владислав вячеслав геннадий георгий глеб григорий денис дмитрий евгений егор иван игорь
илья кирилл константин леонид максим марат матвей михаил никита николай олег павел петр роман руслан
сергей станислав степан тимур федор эдуард юрий ярослав ильхам рамзан мухаммед али лев
алла алина алиса анастасия анна валентина валерия вера виктория галина дарья евгения екатерина елена
елизавета жанна зоя ирина карина ксения лариса лидия любовь людмила маргарита марина мария надежда
наталья наталия нина оксана ольга полина светлана софия софья тамара татьяна юлия яна вера надежда любовь
john james michael david robert richard joseph thomas charles christopher daniel matthew anthony donald
steven stephen paul andrew george kevin brian edward ronald timothy jason jeffrey ryan jacob nicholas
eric jonathan larry justin scott brandon raymond gregory benjamin samuel patrick alexander jack dennis
jerry tyler aaron henry jose douglas peter adam nathan walter kyle harold carl jeremy gerald keith roger
arthur lawrence sean albert ethan jesse bruce ralph noah dylan eugene wayne alan juan louis russell gabriel
philip harry vincent boris emmanuel angela nancy hillary theresa boris xi recep ilham vladimir sergei
sergey dmitry dmitri mikhail nikolai alexei alexey andrei andrey igor yuri yury oleg pavel ivan kirill
maxim roman ruslan tatiana tatyana elena yelena olga natalia natalya irina svetlana maria marina anna
mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa betty margaret sandra
ashley kimberly emily donna michelle dorothy carol amanda melissa deborah stephanie rebecca sharon laura
cynthia kathleen amy helen brenda pamela nicole emma samantha katherine christine rachel catherine
carolyn janet ruth heather diane virginia julie victoria olivia kelly christina lauren joan evelyn judith
megan andrea hannah martha jacqueline gloria teresa alice julia denise diana natalie sophia charlotte
`.trim().split(/\s+/));

// Surname endings: a sentence-initial word ending so is name-shaped (Мишустин is confirmed by the -ин only
// when long enough; Russian nouns in -ина/-ова are common, so feminine forms need more letters).
const RU_SURNAME = /(?:[^ч]ов|ев|ёв|ин|ын|ова|ева|ская|ский|цкий|цкая|енко|ук|юк|швили|дзе|ян|янц|вич|ович|евич|ных|ских)$/;
const RU_NOT_SURNAME = /(?:ческий|ческая|ина|ова|ева)$/;
const EN_SURNAME = /(?:ov|ova|ev|eva|sky|ski|skiy|skii|enko|yan|shvili|dze|vich|vych|ovic|evic|ko|uk|yuk|ian)$/;

// A capitalised word built on a lexicon stem but shaped like a surname: Белов, Голубев, Зимин.
const SURNAME_ON_STEM = /^[А-ЯЁ][а-яё]+(?:ов|ев|ин)$/;

const PATRONYMIC = /(?:ович|евич|овна|евна|ична|инична|ьич)$/;

/** Does a (lower-case) Russian word end like a patronymic (-ович, -евна)? Surnames may too (Абрамович). */
export function hasPatronymicEnding(norm: string): boolean {
  return PATRONYMIC.test(norm);
}

// ---------------------------------------------------------------------------------------------------------
// Per-spelling facts
// ---------------------------------------------------------------------------------------------------------

/** What this module asks about a word, the same for every occurrence of its spelling. */
export interface NameFacts {
  /** A function word, pronoun or address of its script: never a name. */
  stop: boolean;
  /** One of {@link FIRST_NAMES}. */
  firstName: boolean;
  /** A sentence-initial word that needs no confirmation: a first name or a surname shape. */
  nameShaped: boolean;
  /** A Russian surname built on a common stem (Белов, Зимин). */
  surnameOnStem: boolean;
  /** Ends like a patronymic (-ович, -евна). */
  patronymicEnding: boolean;
  /** A Latin word with a capital after its first letter (iPhone). */
  innerCapital: boolean;
}

// The facts objects, one per combination of facts: shared by every word, so the few of them stay in cache.
const factsByBits = new Map<number, NameFacts>();

/** The word's {@link NameFacts}, kept on its word record (every token is asked about, and most are repeats). */
function factsOf(t: Token): NameFacts {
  const hit = t.info.nameFacts;
  if (hit !== undefined) return hit;
  const { norm, script } = t.info;
  const stopScript = script === 'lat' ? 'lat' : 'cyr';
  const facts: NameFacts = {
    stop: isStopWord(norm, stopScript),
    firstName: FIRST_NAMES.has(norm),
    nameShaped: looksLikeName(norm, stopScript),
    surnameOnStem: script === 'cyr' && SURNAME_ON_STEM.test(t.text),
    patronymicEnding: PATRONYMIC.test(norm),
    innerCapital: script === 'lat' && /[A-Z]/.test(t.text.slice(1)),
  };
  const bits = Object.values(facts).reduce((n: number, fact) => n * 2 + (fact ? 1 : 0), 0);
  let shared = factsByBits.get(bits);
  if (shared === undefined) factsByBits.set(bits, (shared = facts));
  return (t.info.nameFacts = shared);
}

/** The word's key and folded form (computed on first need: only name candidates have one). */
function keyOf(t: Token): WordKey {
  return (t.info.nameKey ??= wordKey(t.text.replace(/\./g, '')));
}

// ---------------------------------------------------------------------------------------------------------
// Sentence shape
// ---------------------------------------------------------------------------------------------------------

/** Shape of a sentence: plain, Title Case (a headline) or ALL CAPS. */
const Shape = { Plain: 0, Title: 1, Caps: 2 } as const;

/**
 * The running word counts of one sentence, for its shape: is it written in Title Case (a headline: every word
 * capitalised but function words) or in ALL CAPS? There capitals say nothing, so capitalised words need
 * confirmation like sentence-initial ones. Counted in the same pass that finds the candidates, whose doubt is
 * settled when their sentence ends (one pass over the tokens, not two).
 */
class SentenceCount {
  private words = 0;
  private upper = 0;
  private notTitle = false;

  add(t: Token): void {
    const { script, letters, allCaps, capitalised } = t.info;
    if (letters < 2 || script === 'none') return;
    this.words++;
    if (allCaps) this.upper++;
    // (Once a sentence is known not to be a headline, its words' stop-word facts are not asked for.)
    else if (!this.notTitle && !capitalised && !factsOf(t).stop) this.notTitle = true;
  }

  /** The shape of the sentence counted, and a fresh start for the next. */
  close(): number {
    const { words, upper, notTitle } = this;
    this.words = 0;
    this.upper = 0;
    this.notTitle = false;
    if (words >= 3 && upper / words >= 0.7) return Shape.Caps;
    if (words >= 4 && !notTitle) return Shape.Title;
    return Shape.Plain;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Candidates
// ---------------------------------------------------------------------------------------------------------

interface Candidate {
  index: number;
  key: string;
  name: string;
  /** Needs another, mid-sentence mention of the same key (or a name shape) to count (settled with its sentence). */
  doubtful: boolean;
  /** Written in capitals (an acronym unless its whole sentence is). */
  upper: boolean;
  /** First word of its sentence. */
  initial: boolean;
  /** A first name or a surname shape: needs no confirmation. */
  nameShaped: boolean;
}

/** Does a candidate need confirmation, in a sentence of this shape? */
function isDoubtful(c: Candidate, shape: number): boolean {
  const acronym = c.upper && shape !== Shape.Caps;
  return !acronym && (c.initial || shape !== Shape.Plain) && !c.nameShaped;
}

function isStopWord(lower: string, script: 'cyr' | 'lat'): boolean {
  return script === 'lat' ? EN_STOP.has(lower) : RU_STOP.has(lower);
}

/** Is a word in the position of a patronymic (Михаил Владимирович Мишустин, Мишустин Михаил Владимирович)? */
function isPatronymic(tokens: readonly Token[], i: number, facts: NameFacts): boolean {
  if (!facts.patronymicEnding) return false;
  const capAt = (k: number): boolean => k >= 0 && k < tokens.length && tokens[k]!.info.capitalised;
  const prevJoined = i > 0 && tokens[i]!.joined && capAt(i - 1);
  if (!prevJoined) return false;
  const nextJoined = i + 1 < tokens.length && tokens[i + 1]!.joined && capAt(i + 1);
  const prevPrevJoined = i > 1 && tokens[i - 1]!.joined && capAt(i - 2);
  return nextJoined || prevPrevJoined;
}

/** A sentence-initial word that needs no confirmation: a first name or a surname shape. */
function looksLikeName(lower: string, script: 'cyr' | 'lat'): boolean {
  if (FIRST_NAMES.has(lower)) return true;
  if (script === 'cyr') return lower.length >= 5 && RU_SURNAME.test(lower) && !RU_NOT_SURNAME.test(lower);
  return lower.length >= 5 && EN_SURNAME.test(lower);
}

/** The name candidate at token `i`, if it is one (its doubt settled later, see {@link isDoubtful}). */
function candidateAt(tokens: readonly Token[], i: number, facts: NameFacts): Candidate | undefined {
  const t = tokens[i]!;
  const { script, letters, allCaps } = t.info;
  if (t.end - t.start > 40 || letters < 2 || script === 'none') return undefined;
  if (facts.stop) return undefined;
  if (script === 'cyr' && isPatronymic(tokens, i, facts)) return undefined;
  const { key, name } = keyOf(t);
  return { index: i, key, name, doubtful: true, upper: allCaps, initial: t.initial, nameShaped: facts.nameShaped };
}

// ---------------------------------------------------------------------------------------------------------
// Extraction
// ---------------------------------------------------------------------------------------------------------

interface Hit {
  start: number;
  end: number;
  key: string;
  name: string;
  weight: number;
}

/** Gazetteer names and name candidates of a token list, in order. */
function scan(tokens: readonly Token[], lang: Lang, gazetteer: Gazetteer): Array<Hit | Candidate> {
  const out: Array<Hit | Candidate> = [];
  const count = new SentenceCount();
  let sentence = tokens.length > 0 ? tokens[0]!.sentence : 0;
  /** Index in `out` of the current sentence's first item. */
  let open = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.sentence !== sentence) {
      open = settle(out, open, count.close());
      sentence = t.sentence;
    }
    // Every token is counted once, the ones a match spans too: those are joined to the one before, so they are
    // in the same sentence.
    count.add(t);
    const m = gazetteer.match(tokens, i);
    if (m !== undefined) {
      const last = tokens[i + m.length - 1]!;
      out.push({ start: t.start, end: last.end, key: m.id, name: m.name, weight: m.weight });
      for (let k = 1; k < m.length; k++) count.add(tokens[i + k]!);
      i += m.length - 1;
      continue;
    }
    // Common words capitalised by position or style: titles, months, institutions (lexicon terms). Russian
    // surnames built on a common stem (Белов, Черных) keep their name reading.
    // Only capitalised words can be names; Latin words inside Russian text are names even when written in
    // lower case with an inner capital (iPhone).
    if (!t.info.capitalised && !t.info.allCaps && !(lang === 'ru' && t.info.script === 'lat' && factsOf(t).innerCapital)) continue;
    const facts = factsOf(t);
    // First names that are also common words (Вера, Роман, Надежда) stay names.
    const term = facts.firstName ? 0 : termLengthAt(tokens, i);
    if (term > 1 || (term === 1 && !facts.surnameOnStem)) {
      for (let k = 1; k < term; k++) count.add(tokens[i + k]!);
      i += term - 1;
      continue;
    }
    const c = candidateAt(tokens, i, facts);
    if (c !== undefined) out.push(c);
  }
  settle(out, open, count.close());
  return out;
}

/** Settle the doubt of the candidates in `out` from `from` on, all of one sentence of this shape; the new start. */
function settle(out: ReadonlyArray<Hit | Candidate>, from: number, shape: number): number {
  for (let k = from; k < out.length; k++) {
    const x = out[k]!;
    if (isCandidate(x)) x.doubtful = isDoubtful(x, shape);
  }
  return out.length;
}

function isCandidate(x: Hit | Candidate): x is Candidate {
  return 'doubtful' in x;
}

/**
 * Named entities in `text`, in text order, offsets relative to `text` (`text.slice(start, end) === surface`):
 * kind `entity`, key `ent:<gazetteer id>` or `ent:<folded Latin prefix>` (Асадова, Asadov → `ent:asado`),
 * `name` the full folded form (or the gazetteer's English name), weight 1 for names and acronyms, less for
 * adjectives and very frequent country names.
 */
export function extractEntities(text: string, lang: Lang, options?: EntityOptions): Anchor[] {
  const tokens = tokenize(text);
  const items = scan(tokens, lang, gazetteerFor(options?.glossary));
  const confirmed = new Set<string>();
  for (const x of items) if (isCandidate(x) && !x.doubtful) confirmed.add(x.key);
  const out: Anchor[] = [];
  for (const x of items) {
    if (isCandidate(x)) {
      if (x.doubtful && !confirmed.has(x.key)) continue;
      const t = tokens[x.index]!;
      out.push({ kind: 'entity', key: entityKey(x.key), start: t.start, end: t.end, surface: t.text, weight: NAME_WEIGHT,
        name: x.name });
    } else {
      out.push({ kind: 'entity', key: entityKey(x.key), start: x.start, end: x.end, surface: text.slice(x.start, x.end),
        weight: x.weight, name: x.name });
    }
  }
  return out;
}

// Name anchors as made above, fields in the same order (see shapes.ts).
shareWeights({ kind: 'entity', key: '', start: 0, end: 0, surface: '', weight: NAME_WEIGHT, name: '' });

// Anchor keys by name key: a text names few entities many times, and one string per key spares a new string per
// anchor (and hashing it again wherever anchors are grouped by key). Emptied whole past the limit.
const entityKeys = new Map<string, string>();
const ENTITY_KEYS_LIMIT = 100_000;

/** The anchor key `ent:<key>`, one string per key. */
function entityKey(key: string): string {
  let known = entityKeys.get(key);
  if (known === undefined) {
    if (entityKeys.size >= ENTITY_KEYS_LIMIT) entityKeys.clear();
    known = `ent:${key}`;
    entityKeys.set(key, known);
  }
  return known;
}

/**
 * Language-neutral key of one word or name (without the `ent:` prefix): the gazetteer id when the input
 * starts with a gazetteer name ("Каспийское море" → `Caspian_Sea`, "азербайджанский" → `Azerbaijan`,
 * "Ставропольском крае" → `Stavropol`), else the folded prefix of its first word ("Асадова" → `asado`,
 * "Asadov" → `asado`).
 */
export function nameKey(word: string, _lang: Lang): string {
  const tokens = tokenize(word);
  if (tokens.length === 0) return '';
  const m = gazetteerFor().match(tokens, 0);
  if (m !== undefined) return m.id;
  return wordKey(tokens[0]!.text.replace(/\./g, '')).key;
}

// Keys mentioned by recent texts: the aligner asks about many keys of the same paragraph in a row.
const mentionCache = new Map<string, Set<string>>();
const MENTION_CACHE_LIMIT = 256;

const wordMentions = new Map<string, readonly string[]>();

/** The `ent:` keys one word mentions: its key, its alternative keys, gazetteer ids sharing them (cached). */
function mentionKeysOf(text: string): readonly string[] {
  let out = wordMentions.get(text);
  if (out === undefined) {
    const word = text.replace(/\./g, '');
    const list: string[] = [];
    for (const key of [wordKey(word).key, ...alternativeKeys(word)]) {
      list.push(`ent:${key}`);
      for (const id of idsForWordKey(key)) list.push(`ent:${id}`);
    }
    out = list;
    if (wordMentions.size >= 200_000) wordMentions.clear();
    wordMentions.set(text, out);
  }
  return out;
}

/**
 * Every entity key a text could be said to mention, with `ent:` prefixes: gazetteer names (with their
 * capitalisation rules), the key of every capitalised word and of every lower-case word of five letters or more and its alternative keys (see
 * `alternativeKeys`), the gazetteer names whose one-word forms fold to the same key as a word
 * ("Moskva" mentions Moscow), and the gazetteer names the last part of a Russian compound carries
 * ("центральноевропейскому" mentions Europe).
 */
export function mentionedKeys(text: string, lang: Lang, options?: EntityOptions): Set<string> {
  const glossary = options?.glossary;
  const cacheable = glossary === undefined || glossary.length === 0;
  const cacheKey = `${lang}\u0000${text}`;
  if (cacheable) {
    const hit = mentionCache.get(cacheKey);
    if (hit !== undefined) return hit;
  }
  const keys = collectMentionedKeys(text, glossary);
  if (cacheable) {
    if (mentionCache.size >= MENTION_CACHE_LIMIT) mentionCache.clear();
    mentionCache.set(cacheKey, keys);
  }
  return keys;
}

/**
 * {@link mentionedKeys} without its cache, for a caller that keeps the answer itself (the discrepancy check asks
 * about each link's text once: cached here, every link's text and keys outlived the young generation).
 */
export function collectMentionedKeys(text: string, glossary?: GlossaryEntry[]): Set<string> {
  const tokens = tokenize(text);
  const gazetteer = gazetteerFor(glossary);
  const keys = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    const m = gazetteer.match(tokens, i);
    if (m !== undefined) keys.add(`ent:${m.id}`);
    const t = tokens[i]!;
    // A short word in lower case is too often a homograph of a name (born = Борн, mark = Марк).
    const lowerShort = !t.info.capitalised && !t.info.allCaps && t.info.letters < 5;
    if (t.info.letters >= 2 && t.text.length <= 40 && t.info.script !== 'none' && !lowerShort) {
      for (const key of mentionKeysOf(t.text)) keys.add(key);
    }
    // A Russian compound names what its last part names (центральноевропейскому = центрально- + европейскому).
    if (t.info.script === 'cyr' && t.text.length >= 9 && t.text.length <= 40) {
      const lower = t.text.toLowerCase();
      for (let c = 3; c <= lower.length - 6; c++) {
        if (lower[c - 1] !== 'о' && lower[c - 1] !== 'е') continue;
        const tail = gazetteer.match(tokenize(lower.slice(c)), 0);
        if (tail !== undefined) keys.add(`ent:${tail.id}`);
      }
    }
  }
  return keys;
}

/**
 * Does any word of `text` (any case, any capitalisation) carry this entity key? Used to check whether a name
 * really is missing from the other version: "Azerbaijani" (`ent:Azerbaijan`) is mentioned by lower-case
 * "азербайджано-российского". `key` may be given with or without its `ent:` prefix.
 */
export function textMentions(text: string, lang: Lang, key: string, options?: EntityOptions): boolean {
  const k = key.startsWith('ent:') ? key : `ent:${key}`;
  return mentionedKeys(text, lang, options).has(k);
}
