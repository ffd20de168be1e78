/**
 * Name matching across scripts for the discrepancy check: is a word of one version a spelling of a name of the
 * other? Anchor keys (see translit.ts) already meet for romanised Russian names (Асадов/Asadov); English names in
 * Russian practical transcription do not romanise back to their spelling (Джордж/George, Хью/Hugh,
 * Макгрегор/McGregor, Лэнг/Lang, Бидейл Гарби/Bdale Garbee), so this module compares them three ways:
 *
 * - a **first-name variant table** (Ian = Иэн = Йен, Catherine = Кэтрин = Екатерина, Hugh = Хью …), for short
 *   names whose letters say too little;
 * - a **consonant skeleton**: the folded Latin form without vowels, doubled letters and h, computed for the
 *   Russian word with and without its case ending (Макгрегором → makgregor → mkgrgr) and for the English word as
 *   spelled and as pronounced in the common transcription rules (gh silent, g before e/i/y and -dge as дж, Mc as
 *   Мак, -ew as -ью);
 * - Jaro–Winkler similarity of the folded forms, for the rest.
 *
 * A capitalised Latin word made of pinyin syllables is also read in the Palladius system Russian writes Chinese
 * names in (Xinjiang = Синьцзян, Wuhan = Ухань; see pinyin.ts).
 *
 * {@link nameSimilarity} says how sure the match is, in [0, 1].
 */
import JaroWinkler from 'natural/lib/natural/distance/jaro-winkler_distance.js';
import { palladiusReadings } from './pinyin.js';
import { foldLatin, scriptOf, toLatin } from './translit.js';

/** Longest word compared (longer tokens are not names; also bounds the work per word). */
const MAX_WORD = 40;

// Russian case endings, longest first: a transcribed name declines like a noun (Макгрегором, Лэнгу, Кэтрин).
// -ов/-ев/-ин are left on: they make surnames of first names (Петров is not Пётр, Иванов is not Иван).
const RU_ENDINGS = ['ами', 'ями', 'ого', 'его', 'ому', 'ему', 'ым', 'им', 'ом', 'ем', 'ой', 'ей', 'ах', 'ях', 'а', 'я',
  'у', 'ю', 'е', 'ы', 'и'];

/**
 * First names whose two spellings share too few consonants for the skeleton (or none): each group lists the
 * English forms, the practical transcriptions and the native Russian form where documents use it.
 */
const FIRST_NAME_GROUPS: string[][] = [
  ['ian', 'иэн', 'йен', 'ян', 'иан'],
  ['catherine', 'katherine', 'kathryn', 'catharine', 'кэтрин', 'кэтрин', 'кэтрин', 'екатерина', 'катрин', 'кейт', 'kate'],
  ['hugh', 'хью', 'хьюго', 'hugo'],
  ['john', 'джон', 'иоанн', 'иван', 'ivan'],
  ['jean', 'жан'],
  ['joan', 'джоан'],
  ['james', 'джеймс', 'яков'],
  ['george', 'джордж', 'георгий', 'жорж'],
  ['joseph', 'джозеф', 'иосиф', 'josef'],
  ['jacob', 'jakob', 'якоб', 'яков', 'джейкоб'],
  ['eugene', 'юджин', 'евгений'],
  ['jeremy', 'джереми'],
  ['joe', 'джо'],
  ['joey', 'джоуи'],
  ['leo', 'лео', 'лев'],
  ['ioan', 'иоан'],
  ['owen', 'оуэн'],
  ['ewan', 'euan', 'юэн'],
  ['andrew', 'эндрю', 'андрей', 'andrei', 'andrey'],
  ['matthew', 'мэтью', 'матвей', 'мэттью'],
  ['stephen', 'steven', 'стивен', 'стефан', 'степан'],
  ['thomas', 'tom', 'томас', 'том', 'фома'],
  ['peter', 'piotr', 'pyotr', 'petr', 'питер', 'петр', 'пётр', 'петер'],
  ['paul', 'пол', 'павел', 'пауль'],
  ['michael', 'mike', 'майкл', 'майк', 'михаил', 'михаэль', 'mikhail'],
  ['mary', 'мэри', 'мария', 'maria'],
  ['elizabeth', 'элизабет', 'елизавета', 'элизабeт'],
  ['william', 'уильям', 'вильям', 'вильгельм'],
  ['charles', 'чарльз', 'шарль', 'карл', 'karl'],
  ['henry', 'генри', 'генрих', 'heinrich'],
  ['edward', 'эдвард', 'эдуард'],
  ['david', 'дэвид', 'давид'],
  ['daniel', 'дэниел', 'даниэль', 'даниил'],
  ['anthony', 'antony', 'энтони', 'антоний', 'антон'],
  ['nicholas', 'nicolas', 'николас', 'николай', 'nikolai'],
  ['alexander', 'александр', 'alexandr', 'aleksandr'],
  ['helen', 'хелен', 'елена', 'elena', 'yelena'],
  ['anne', 'ann', 'anna', 'энн', 'анна'],
  ['sean', 'шон'],
  ['ewe', 'ю'],
  ['isaac', 'айзек', 'исаак'],
  ['ivy', 'айви'],
  ['eve', 'ив', 'ева'],
  ['ai', 'ай'],
  ['ray', 'рэй', 'рей'],
  ['timothy', 'tim', 'тимоти', 'тим', 'тимофей'],
  // Regnal names, which Russian gives in its own forms.
  ['louis', 'людовик', 'луи'],
  ['pius', 'пий'],
  ['roy', 'рой'],
  ['guy', 'гай'],
  ['joy', 'джой'],
  ['amy', 'эми', 'эйми'],
  ['eli', 'илай', 'эли'],
  ['ira', 'айра'],
  ['ada', 'ада'],
];

const GROUP_OF = new Map<string, number>();
FIRST_NAME_GROUPS.forEach((group, k) => {
  for (const form of group) {
    const list = GROUP_OF.get(form);
    if (list === undefined) GROUP_OF.set(form, k);
  }
});

const groupCache = new Map<string, number | undefined>();

/** The first-name variant group of a word (any case ending), if it is in the table. */
export function firstNameGroup(word: string): number | undefined {
  if (word.length > MAX_WORD) return undefined;
  // Cached per spelling: the checks ask it of every word they compare, and the answer costs a normalisation.
  if (groupCache.has(word)) return groupCache.get(word);
  let group: number | undefined;
  for (const stem of ruStems(normal(word))) {
    group = GROUP_OF.get(stem);
    if (group !== undefined) break;
  }
  if (groupCache.size >= 100_000) groupCache.clear();
  groupCache.set(word, group);
  return group;
}

// Central European letters Russian transcribes as hushing sounds (Milinković = Милинкович, Šeško = Шешко).
const HUSHING: Record<string, string> = { 'ć': 'ch', 'č': 'ch', 'š': 'sh', 'ž': 'zh', 'ś': 'sh', 'ź': 'zh', 'ł': 'l' };

function normal(word: string): string {
  const lower = word.toLowerCase().replace(/ё/g, 'е');
  if (scriptOf(lower) !== 'lat') return lower;
  return lower.replace(/[ćčšžśźł]/g, (c) => HUSHING[c]!).normalize('NFD').replace(/\p{M}/gu, '');
}

/** Case endings of a noun in -й (Рей → Рея, Рею, Реем, Рее), and the vowels such a stem ends in. */
const SOFT_ENDINGS = new Set(['я', 'ю', 'ем', 'е']);
const VOWELS = new Set([...'аеёиоуыэюя']);

/** A Russian word and its stems without one case ending (the stem keeps at least two letters). */
function ruStems(lower: string): string[] {
  if (scriptOf(lower) !== 'cyr') return [lower];
  const out = [lower];
  for (const ending of RU_ENDINGS) {
    if (lower.length >= ending.length + 2 && lower.endsWith(ending)) {
      const stem = lower.slice(0, -ending.length);
      out.push(stem);
      // A name in -й after a vowel declines -я, -ю, -ем, -е (Рей: Рея, Рею; Гай: Гая; Андрей: Андреем).
      if (SOFT_ENDINGS.has(ending) && VOWELS.has(stem[stem.length - 1]!)) out.push(`${stem}й`);
    }
  }
  return out;
}

// A Russian adjective of a name (прусский, кембриджского): the stem without -ск-/-цк- and the ending.
const RU_NAME_ADJECTIVE = /(?:ск|цк)(?:ий|ый|ой|ая|ое|ие|ые|ого|ому|им|ым|ом|ую|их|ых|ими|ыми)$/;

/** Latin readings of a Russian word: with and without its case ending; Г read as H (Гамбург = Hamburg). */
function ruReadings(lower: string): string[] {
  const stems = ruStems(lower);
  if (RU_NAME_ADJECTIVE.test(lower)) stems.push(lower.replace(RU_NAME_ADJECTIVE, ''));
  const out = stems.map(toLatin);
  if (lower.startsWith('г')) out.push(...stems.map((stem) => 'h' + toLatin(stem.slice(1))));
  return out;
}

/**
 * Spellings of an English (Latin) word as a Russian transcriber hears it: silent gh, soft g, Mc, -ew. Readings only
 * exact and skeleton matches may use (not Jaro–Winkler similarity, where they would cost more than they find) go
 * to `extra`.
 */
function enPronunciations(lower: string, extra: string[]): string[] {
  const out = [lower];
  const spoken = lower
    .replace(/^mc/, 'mak')
    .replace(/(?<=.)gh/g, '')
    .replace(/dge/g, 'j')
    .replace(/ge$/, 'j')
    .replace(/g(?=[eiy])/g, 'j')
    .replace(/ew$/, 'iu')
    .replace(/^wh/, 'u')
    .replace(/^kn/, 'n')
    .replace(/^wr/, 'r')
    .replace(/^chr/, 'kr');
  if (spoken !== lower) out.push(spoken);
  // German and Scottish ch is х (Fuchs = Фукс/Фухс), w after a vowel у (Cape Town = Кейптаун).
  const german = spoken.replace(/ch/g, 'h').replace(/(?<=[aeiou])w/g, 'u').replace(/z/g, 'ts');
  if (german !== spoken) out.push(german);
  // Readings for exact and skeleton matches only (not the slower similarity): German v before o is ф (Vogt =
  // Фогт, Volker); j is ж in French and Tibetan names (Jospin = Жоспен, Dorji = Доржи), х in Spanish ones (Junta =
  // Хунта); c before a, o, u or a consonant is к (Carl = Карл, Scott = Скотт), ck one к.
  if (/^vo/.test(german)) extra.push(german.replace(/^v/, 'f'));
  if (lower.includes('j')) extra.push(lower.replace(/j/g, 'zh'), lower.replace(/j/g, 'h'));
  const hard = spoken.replace(/ck/g, 'k').replace(/c(?![eiyh])/g, 'k');
  if (hard !== spoken) extra.push(hard);
  // Italian c before e and i is ч, z is ц (Vincenzo = Винченцо); Latin c before e, i, y is ц (Center = Центр).
  const italian = lower.replace(/c(?=[ei])/g, 'ch').replace(/z/g, 'ts');
  if (italian !== lower) out.push(italian);
  const latin = lower.replace(/c(?=[eiy])/g, 'ts');
  if (latin !== lower) out.push(latin);
  // A plural or possessive of a name (the Tatooines = Татуин, Kennedys, the Alps = Альпах): without its s.
  if (/[^s]s$/.test(lower) && lower.length >= 4) out.push(lower.slice(0, -1));
  // A demonym or adjective of a name (Prussian = прусский): its stem.
  const stem = /^(.{3,}?)(?:ian|ean|ish|ese)$/.exec(lower);
  if (stem) out.push(stem[1]!);
  return out;
}

/** Consonant skeleton of a folded Latin form: vowels and h (but an initial one) dropped, doubled letters single. */
export function skeletonOf(folded: string): string {
  return (folded.slice(0, 1).replace(/[aeiou]/, '') + folded.slice(1).replace(/[aeiouh]/g, '')).replace(/([a-z])\1+/g, '$1');
}

/** What {@link nameSimilarity} compares of a word, computed once per spelling. */
interface NameForms {
  /** Folded Latin forms of the word's readings (case endings off, English pronunciations). */
  folded: string[];
  /** Those compared by Jaro–Winkler similarity (not the readings for exact and skeleton matches only). */
  similar: string[];
  /** Their consonant skeletons. */
  skeletons: string[];
  /** A Latin word in -s: the skeleton without the s (see {@link pluralSkeletons}). */
  latinPlural: string | undefined;
  /** A Russian word in -ов/-ев/-ей of five letters or more: the skeleton without that ending. */
  cyrillicPlural: string | undefined;
}

const skeletonCache = new Map<string, NameForms>();

/** Folded forms and consonant skeletons of a word's readings (case endings off, English pronunciations). */
export function nameForms(word: string): NameForms {
  let hit = skeletonCache.get(word);
  if (hit !== undefined) return hit;
  const lower = normal(word.length > MAX_WORD ? word.slice(0, MAX_WORD) : word);
  const extra: string[] = [];
  const readings = scriptOf(lower) === 'cyr' ? ruReadings(lower) : enPronunciations(lower, extra);
  // A Chinese name in pinyin, as Russian writes it (Xinjiang = Синьцзян): capitalised words only.
  if (/^[A-Z][a-z']+$/.test(word)) for (const palladius of palladiusReadings(lower)) readings.push(toLatin(palladius));
  const similar = [...new Set(readings.map(foldLatin).filter((f) => f.length >= 2))];
  const folded = extra.length === 0 ? similar : [...new Set([...similar, ...extra.map(foldLatin).filter((f) => f.length >= 2)])];
  const skeletons = [...new Set(folded.map(skeletonOf))];
  hit = { folded, similar, skeletons, latinPlural: latinPluralSkeleton(word), cyrillicPlural: cyrillicPluralSkeleton(word) };
  if (skeletonCache.size >= 100_000) skeletonCache.clear();
  skeletonCache.set(word, hit);
  return hit;
}

const VOWEL = /^[aeiou]/;

/** The skeleton of a Latin word in -s without the s; undefined for any other word. */
function latinPluralSkeleton(word: string): string | undefined {
  // The cheap test first: most words do not end in s.
  if (!/s$/i.test(word) || scriptOf(word) !== 'lat') return undefined;
  return skeletonOf(foldLatin(word.slice(0, -1)));
}

/** The skeleton of a Russian word in -ов/-ев/-ей (five letters or more) without that ending; undefined for any other word. */
function cyrillicPluralSkeleton(word: string): string | undefined {
  if (scriptOf(word) !== 'cyr') return undefined;
  const ru = normal(word);
  if (!/(?:ов|ев|ей)$/.test(ru) || ru.length < 5) return undefined;
  return skeletonOf(foldLatin(toLatin(ru.slice(0, -2))));
}

/**
 * The shared skeleton of a Latin word in -s and a Russian word in -ов/-ев/-ей without those endings, if equal
 * (read off the words' cached {@link nameForms}: the checks compare each word many times).
 */
function pluralSkeletons(latin: NameForms, cyrillic: NameForms): string | undefined {
  return latin.latinPlural !== undefined && latin.latinPlural === cyrillic.cyrillicPlural ? latin.latinPlural : undefined;
}

/** Do two readings start alike: the same letter, or both a vowel (Georges read "eories" = Джорджс "ioris")? */
function sameOnset(a: readonly string[], b: readonly string[]): boolean {
  for (const x of a) for (const y of b) if (x[0] === y[0] || (VOWEL.test(x) && VOWEL.test(y))) return true;
  return false;
}

/** Whether two lists share an element. */
function shareOne(a: readonly string[], b: readonly string[]): boolean {
  for (const x of a) if (b.includes(x)) return true;
  return false;
}

const letterCounts = new Int32Array(26);

/**
 * `JaroWinkler(x, y) >= threshold` for folded forms (letters a–z), the Jaro–Winkler run only when an upper bound
 * of it reaches the threshold: most pairs the checks compare share too few letters. The bound: Jaro matches pair
 * equal letters, so their number m is at most the letters the two share counted with repeats (c), and Jaro
 * ≤ (c/|x| + c/|y| + 1) / 3; Winkler's prefix boost only grows with Jaro. Same answers as the plain test.
 */
export function similarAtLeast(x: string, y: string, threshold: number): boolean {
  letterCounts.fill(0);
  for (let i = 0; i < x.length; i++) {
    const k = x.charCodeAt(i) - 97;
    if (k < 0 || k > 25) return JaroWinkler(x, y) >= threshold; // not a folded form: no bound
    letterCounts[k]!++;
  }
  let shared = 0;
  for (let i = 0; i < y.length; i++) {
    const k = y.charCodeAt(i) - 97;
    if (k < 0 || k > 25) return JaroWinkler(x, y) >= threshold;
    if (letterCounts[k]! > 0) {
      letterCounts[k]!--;
      shared++;
    }
  }
  if (shared === 0) return false;
  const jaroBound = Math.min(1, (shared / x.length + shared / y.length + 1) / 3);
  let prefix = 0;
  while (prefix < 4 && x[prefix] === y[prefix] && prefix < x.length) prefix++;
  // A hair of slack for rounding: the bound must never reject a pair the plain test keeps.
  if (jaroBound + prefix * 0.1 * (1 - jaroBound) < threshold - 1e-9) return false;
  return JaroWinkler(x, y) >= threshold;
}

/** How sure a match is, by the evidence behind it. */
export const MATCH_CONFIDENCE = {
  /** Same folded spelling. */
  spelling: 1,
  /** Same first-name variant group. */
  variant: 0.9,
  /** Same consonant skeleton of three or more consonants. */
  skeleton: 0.85,
  /** Same two-consonant skeleton and first letter. */
  shortSkeleton: 0.6,
  /** Similar folded spellings and skeletons (Jaro–Winkler ≥ 0.9 and ≥ 0.85, five letters or more). */
  similar: 0.6,
} as const;

/**
 * How sure it is that two words (either script, any case ending) are spellings of one name: 1 for the same
 * folded spelling, {@link MATCH_CONFIDENCE} for the weaker evidence, 0 for no match. Symmetric.
 */
export function nameSimilarity(a: string, b: string): number {
  // Plain loops, no closures or pairs: the checks call this for every name against every word near it.
  if (a.length > MAX_WORD || b.length > MAX_WORD) return 0;
  const fa = nameForms(a);
  const fb = nameForms(b);
  if (shareOne(fa.folded, fb.folded)) return MATCH_CONFIDENCE.spelling;
  const ga = firstNameGroup(a);
  if (ga !== undefined && ga === firstNameGroup(b)) return MATCH_CONFIDENCE.variant;
  let best = 0;
  for (const sa of fa.skeletons) {
    for (const sb of fb.skeletons) {
      if (sa !== sb) continue;
      if (sa.length >= 3) return MATCH_CONFIDENCE.skeleton;
      if (sa.length === 2 && sameOnset(fa.folded, fb.folded)) best = MATCH_CONFIDENCE.shortSkeleton;
    }
  }
  if (best > 0) return best;
  // An English plural against a Russian genitive plural (Netbooks = нетбуков); only then is -ов an ending.
  const plural = pluralSkeletons(fa, fb) ?? pluralSkeletons(fb, fa);
  if (plural !== undefined && plural.length >= 3) return MATCH_CONFIDENCE.skeleton;
  // A name glued to the next word by a lost space (Хиггсадоказывает, Higgsproves): the skeleton starts alike.
  for (const sa of fa.skeletons) {
    for (const sb of fb.skeletons) {
      const short = sa.length <= sb.length ? sa : sb;
      const long = sa.length <= sb.length ? sb : sa;
      if (short.length >= 3 && long.length > short.length + 2 && long.startsWith(short)) best = MATCH_CONFIDENCE.similar;
    }
  }
  if (best > 0) return best;
  for (const x of fa.similar) {
    for (const y of fb.similar) {
      if (x.length >= 5 && y.length >= 5 && similarAtLeast(x, y, 0.9) && similarAtLeast(skeletonOf(x), skeletonOf(y), 0.85)) {
        return MATCH_CONFIDENCE.similar;
      }
    }
  }
  return 0;
}
