/**
 * Which of the two languages a text is in. The script decides first (Cyrillic vs Latin letters: trivial and
 * reliable even for a headline); then letters and words (ы э for Russian, і ў ә for its neighbours; `the` and
 * no diacritics for English) or, when they cannot decide, franc's trigrams check among languages of that script
 * that a long enough text is Russian or English and not, say, Ukrainian or French (reported as a warning).
 */
import { bestLanguage, rankLanguages } from './trigrams.js';
import type { Lang, Warning } from '../types.js';

/** English names of the two languages, for messages. */
export const LANGUAGE_NAME: Readonly<Record<Lang, string>> = { ru: 'Russian', en: 'English' };

/**
 * A language label as callers write it, normalised: language tags are case-insensitive (BCP 47), so `RU`, `Ru`,
 * `ru-RU`, `en-GB`, `en_US` are accepted as `ru` / `en`; anything else (`de`, `rus`, `''`, a number) is
 * undefined. The one place that reads a `lang` option, a `langs` entry or a `--lang-a` flag.
 */
export function normalizeLang(value: unknown): Lang | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^(ru|en)(?:[-_][a-z0-9]{1,8})*$/i.exec(value);
  return match ? (match[1].toLowerCase() as Lang) : undefined;
}

/**
 * A warning when the language given for a text contradicts its script: Latin letters in a text said to be
 * Russian, or Cyrillic in one said to be English (labels swapped, or the wrong file), or undefined when the
 * script agrees or the text has too few letters to tell.
 */
export function contradictedLanguage(text: string, lang: Lang): Warning | undefined {
  const { cyrillic, latin } = countSample(text, Math.min(text.length, SAMPLE_LENGTH), 0);
  const letters = cyrillic + latin;
  if (letters < CONTRADICTION_MIN_LETTERS) return undefined;
  const own = lang === 'ru' ? cyrillic : latin;
  if (own / letters >= 1 - MIXED_SHARE) return undefined;
  if (proseLanguage(text, Math.min(text.length, SAMPLE_LENGTH)) === lang) return undefined;
  const script = lang === 'ru' ? 'Latin' : 'Cyrillic';
  return {
    code: 'language-contradicted',
    message: `the text is given as ${LANGUAGE_NAME[lang]} but ${Math.round(((letters - own) / letters) * 100)}% of its letters are ${script}: the language labels may be swapped; it is read as ${LANGUAGE_NAME[lang]} as told`,
  };
}

/** Script of each code unit below U+0500 for {@link countSample}: 1 Cyrillic, 2 Latin, 0 neither. */
const SCRIPT_OF = new Uint8Array(0x500);
for (let code = 0; code < SCRIPT_OF.length; code++) {
  if (code >= 0x0400) SCRIPT_OF[code] = 1;
  else if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || (code >= 0xc0 && code <= 0x24f)) SCRIPT_OF[code] = 2;
}

/** What {@link countSample} counts. */
interface SampleCounts {
  /** Cyrillic letters (U+0400–U+04FF) of the sample. */
  cyrillic: number;
  /** Latin letters (A–Z, a–z, U+00C0–U+024F) of the sample. */
  latin: number;
  /** The Cyrillic letters of the sample's head, by {@link CYRILLIC_MARK} class. */
  head: MarkCounts;
}

/**
 * Cyrillic and Latin letters of the first `length` code units of `text`, and the marked Cyrillic letters of the
 * first `headLength` of them (what {@link cyrillicLanguage} reads), in one pass. (The functions here read a
 * prefix in place rather than a slice of it: V8 reads a sliced string's code units through its parent,
 * noticeably slower in loops like these.)
 */
function countSample(text: string, length: number, headLength: number): SampleCounts {
  const byClass = new Array<number>(MARK_CLASSES.length).fill(0);
  let cyrillic = 0;
  let latin = 0;
  let k = 0;
  // Tables and additions instead of range tests: letters and spaces alternate unpredictably, and mispredicted
  // branches were most of the cost of this loop (the first pass over every text). Marked letters are rare,
  // so their branch is predicted.
  for (const stop = Math.min(headLength, length); k < stop; k++) {
    const code = text.charCodeAt(k);
    if (code < 0x500) {
      const script = SCRIPT_OF[code]!;
      cyrillic += script & 1;
      latin += script >> 1;
      const mark = CYRILLIC_MARK[code]!;
      if (mark !== 0) byClass[mark]++;
    }
  }
  const headCyrillic = cyrillic;
  for (; k < length; k++) {
    const code = text.charCodeAt(k);
    if (code < 0x500) {
      const script = SCRIPT_OF[code]!;
      cyrillic += script & 1;
      latin += script >> 1;
    }
  }
  const [, russian, serbianMacedonian, belarusian, kazakh, kyrgyz, ukrainian] = byClass as [number, number, number, number, number, number, number];
  return { cyrillic, latin, head: { cyrillic: headCyrillic, russian, serbianMacedonian, belarusian, kazakh, kyrgyz, ukrainian } };
}

/** Short words that make up much of Russian prose (about 15 % of its words) and are no English word. */
const RUSSIAN_FUNCTION_WORDS = new Set(['и', 'в', 'во', 'на', 'с', 'со', 'по', 'не', 'что', 'для', 'от', 'о', 'об', 'к', 'из', 'за', 'у', 'как', 'а', 'это']);
/** Short words that make up much of English prose (about 20 % of its words) and are no Russian word. */
const ENGLISH_FUNCTION_WORDS = new Set(['the', 'of', 'and', 'to', 'in', 'is', 'for', 'that', 'with', 'on', 'as', 'by', 'be', 'are', 'was']);
/**
 * Share of Cyrillic letters at or above which a text mostly in Latin letters has its sentences read: English
 * texts of the development sets hold at most 2.5 % (a Russian name or title left untranslated), Russian ones
 * there at least 41 %, but a Russian release note with longer package tables goes lower.
 */
const CYRILLIC_IN_LATIN_SHARE = 0.05;
/** Function words of one language at or above which, and at least twice those of the other, its prose decides. */
const PROSE_MIN_WORDS = 5;

/**
 * The language of a text's prose, read from its function words (the first `length` code units), or undefined
 * when neither language has clearly more of them. For a text of mixed script: a Russian release note or
 * advisory can hold more Latin letters than Cyrillic (tables of package names, URLs, commands, all in
 * Latin), while its sentences are Russian; English text seldom holds much Cyrillic. Of the 867 texts of the
 * development sets and the pairing collection, these words name the language of 863, three are too short to
 * tell, and the last is a Russian text filed as English (dev23's same-language case).
 */
function proseLanguage(text: string, length: number): Lang | undefined {
  let ru = 0;
  let en = 0;
  for (const [word] of text.slice(0, length).toLowerCase().matchAll(/[a-z\u0430-\u044f\u0451]+/g)) {
    if (RUSSIAN_FUNCTION_WORDS.has(word)) ru++;
    else if (ENGLISH_FUNCTION_WORDS.has(word)) en++;
  }
  if (ru >= PROSE_MIN_WORDS && ru >= 2 * en) return 'ru';
  if (en >= PROSE_MIN_WORDS && en >= 2 * ru) return 'en';
  return undefined;
}

/** The other language of the pair. */
export function otherLang(lang: Lang): Lang {
  return lang === 'ru' ? 'en' : 'ru';
}

/** What {@link detectLanguage} found. */
export interface LanguageGuess {
  /** The language, or undefined when the text has too few Cyrillic or Latin letters to tell. */
  lang?: Lang;
  /** Share of the text's letters in the chosen language's script, in [0, 1]. */
  confidence: number;
  warnings: Warning[];
}

/** Letters looked at: the start of the text tells its language. */
const SAMPLE_LENGTH = 20_000;
/** Characters handed to franc (it reads no more than 2 048 itself). */
const FRANC_SAMPLE_LENGTH = 1_500;
/** Fewer letters than this and the script ratio alone decides (franc needs more text). */
const FRANC_MIN_LETTERS = 120;
/** Below this share of one script the text is mixed and says so in a warning. */
const MIXED_SHARE = 0.8;
/** Fewer Cyrillic plus Latin letters than this and the language is undetected. */
const MIN_LETTERS = 3;
/** Fewer letters than this and a given language is not checked against the script (a figure table, a name). */
const CONTRADICTION_MIN_LETTERS = 20;

/** Share of Cyrillic letters that are ы or э at or above which a text is Russian (Russian: about 2.5 %). */
const RUSSIAN_LETTER_SHARE = 0.005;
/** Share of letters foreign to Russian (і ї є ґ ў ј …) above which a Cyrillic text is another language. */
const FOREIGN_LETTER_SHARE = 0.003;
/** franc's relative score of English (1 = as likely as the best) below which another Latin language is named. */
const ENGLISH_MARGIN = 0.85;

/** Candidate languages franc compares for each script (ISO 639-3). */
const CYRILLIC_CANDIDATES = ['rus', 'ukr', 'bel', 'bul', 'mkd', 'srp', 'kaz', 'kir', 'tgk', 'mon'];
const LATIN_CANDIDATES = ['eng', 'fra', 'deu', 'spa', 'ita', 'por', 'nld', 'pol', 'ces', 'tur', 'azj', 'uzn', 'ron', 'swe', 'fin', 'hun'];
const LANGUAGE_NAMES: Record<string, string> = {
  ukr: 'Ukrainian', bel: 'Belarusian', bul: 'Bulgarian', mkd: 'Macedonian', srp: 'Serbian', kaz: 'Kazakh',
  kir: 'Kyrgyz', tgk: 'Tajik', mon: 'Mongolian', fra: 'French', deu: 'German', spa: 'Spanish', ita: 'Italian',
  por: 'Portuguese', nld: 'Dutch', pol: 'Polish', ces: 'Czech', tur: 'Turkish', azj: 'Azerbaijani', uzn: 'Uzbek',
  ron: 'Romanian', swe: 'Swedish', fin: 'Finnish', hun: 'Hungarian',
};

/**
 * Which Cyrillic language other than Russian a text is in, or undefined for Russian. Letters decide first:
 * trigram statistics alone take some Russian news for Bulgarian, while ы and э (about 2.5 % of Russian letters)
 * occur in no other language here but Belarusian, and і ї є ґ ў ј љ њ ћ џ occur in no Russian text. `marks` are
 * the counts of the first `length` code units of `text`; `cyrillicLetters` the Cyrillic letters of the sample.
 */
function cyrillicLanguage(text: string, length: number, cyrillicLetters: number, marks: MarkCounts): string | undefined {
  const letters = Math.max(1, Math.min(cyrillicLetters, marks.cyrillic));
  const russian = marks.russian / letters;
  if (marks.serbianMacedonian / letters > FOREIGN_LETTER_SHARE) return bestLanguage(text.slice(0, length), ['srp', 'mkd']);
  if (marks.belarusian / letters > FOREIGN_LETTER_SHARE) return 'bel';
  // Kazakh writes і too (which alone reads as Ukrainian), but also ә ғ қ ұ, which no other language here has;
  // Kyrgyz has ң ө ү without them.
  if (marks.kazakh / letters > FOREIGN_LETTER_SHARE) return 'kaz';
  if (marks.kyrgyz / letters > FOREIGN_LETTER_SHARE) return 'kir';
  if (marks.ukrainian / letters > FOREIGN_LETTER_SHARE) return 'ukr';
  if (russian >= RUSSIAN_LETTER_SHARE) return undefined;
  const found = bestLanguage(text.slice(0, length).replace(/[A-Za-z\u00C0-\u024F]+/g, ' '), CYRILLIC_CANDIDATES);
  return found === 'rus' || found === 'und' ? undefined : found;
}

/** Letter classes {@link cyrillicLanguage} reads, upper and lower case; class 0 is every other letter. */
const MARK_CLASSES = ['other', 'russian', 'serbianMacedonian', 'belarusian', 'kazakh', 'kyrgyz', 'ukrainian'] as const;
type MarkCounts = Record<'cyrillic' | Exclude<(typeof MARK_CLASSES)[number], 'other'>, number>;
/** Class of each code unit below U+0500 (0 for all but the marked Cyrillic letters). */
const CYRILLIC_MARK = new Uint8Array(0x500);
for (const [letters, mark] of [
  ['ыэЫЭ', 'russian'],
  ['јљњћџѓќѕЈЉЊЋЏЃЌЅ', 'serbianMacedonian'],
  ['ўЎ', 'belarusian'],
  ['әғқұӘҒҚҰ', 'kazakh'],
  ['ңөүҢӨҮ', 'kyrgyz'],
  ['іїєґІЇЄҐ', 'ukrainian'],
] as const) {
  for (const letter of letters) CYRILLIC_MARK[letter.charCodeAt(0)] = MARK_CLASSES.indexOf(mark);
}

/** Words (runs of Latin letters) at or above which {@link plainlyEnglish} may decide. */
const ENGLISH_MIN_WORDS = 20;
/** Share of words that are `the` at or above which a text may be plainly English (English news: about 6 %). */
const THE_SHARE = 0.03;
/** Share of words that are `the`, `of`, `and` or `to` at or above which a text may be plainly English (about 12 %). */
const FUNCTION_WORD_SHARE = 0.06;
/**
 * Share of Latin letters with a diacritic below which a text may be plainly English: French, German, Spanish,
 * Polish, Czech, Turkish, Romanian, Hungarian and the Nordic languages write far more (1–8 %).
 */
const DIACRITIC_SHARE = 0.005;

/**
 * True when the words alone say a Latin-script text (its first `length` code units) is English, so the trigram comparison can be skipped:
 * `the` is among the commonest words of English and a word of none of the other Latin-script candidates,
 * while they write diacritics that English text does not. A text that mixes English with another language
 * falls short of one of the shares and goes to the trigram comparison.
 */
function plainlyEnglish(text: string, length: number): boolean {
  let words = 0;
  let the = 0;
  let functionWords = 0;
  let letters = 0;
  let diacritics = 0;
  let start = -1;
  for (let k = 0; k <= length; k++) {
    // Past the end reads as a separator, which closes the last word.
    const code = k < length ? text.charCodeAt(k) : 0;
    const kind = code < LATIN_KIND.length ? LATIN_KIND[code]! : 0;
    if (kind !== 0) {
      letters++;
      if (kind === ACCENTED) diacritics++;
      if (start < 0) start = k;
      continue;
    }
    if (start >= 0) {
      words++;
      const length = k - start;
      if (length === 3 && (text.charCodeAt(start) | 0x20) === 0x74 && (text.charCodeAt(start + 1) | 0x20) === 0x68 && (text.charCodeAt(start + 2) | 0x20) === 0x65) {
        the++;
        functionWords++;
      } else if (isOfAndTo(text, start, length)) {
        functionWords++;
      }
      start = -1;
    }
  }
  return (
    words >= ENGLISH_MIN_WORDS &&
    the / words >= THE_SHARE &&
    functionWords / words >= FUNCTION_WORD_SHARE &&
    diacritics / Math.max(1, letters) < DIACRITIC_SHARE
  );
}

/** {@link LATIN_KIND} of a letter with a diacritic (U+00C0–U+024F but × and ÷). */
const ACCENTED = 2;
/**
 * Per code unit below U+0250: 1 for an ASCII letter, {@link ACCENTED} for a Latin letter with a diacritic, 0 for
 * anything else (and anything above). A table read: letters and spaces alternate, and range tests mispredict.
 */
const LATIN_KIND = new Uint8Array(0x250);
for (let code = 0; code < LATIN_KIND.length; code++) {
  if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) LATIN_KIND[code] = 1;
  else if (code >= 0xc0 && code !== 0xd7 && code !== 0xf7) LATIN_KIND[code] = ACCENTED;
}

/** Is the word of `length` letters at `start` "of", "and" or "to" in any case? Read by code unit: no substring. */
function isOfAndTo(text: string, start: number, length: number): boolean {
  const a = text.charCodeAt(start) | 0x20;
  const b = text.charCodeAt(start + 1) | 0x20;
  if (length === 2) return (a === 0x6f && b === 0x66) || (a === 0x74 && b === 0x6f); // of, to
  return length === 3 && a === 0x61 && b === 0x6e && (text.charCodeAt(start + 2) | 0x20) === 0x64; // and
}

/**
 * Which Latin-script language other than English a text is in, or undefined for English: the words decide
 * when they plainly can ({@link plainlyEnglish}), else franc's trigrams, with a margin. Reads the first `length`
 * code units of `text`; `hasCyrillic` says whether the text has any Cyrillic letter (to leave out for franc).
 */
function latinLanguage(text: string, length: number, hasCyrillic: boolean): string | undefined {
  // Cyrillic letters separate words as spaces do, so plainlyEnglish reads the text as franc's input would.
  if (plainlyEnglish(text, length)) return undefined;
  // franc reads the Latin letters only: Cyrillic runs become spaces (a text with none is given as it is).
  const head = text.slice(0, length);
  const scores = rankLanguages(hasCyrillic ? head.replace(/[\u0400-\u04FF]+/g, ' ') : head, LATIN_CANDIDATES);
  const [top] = scores;
  if (!top || top[0] === 'eng' || top[0] === 'und') return undefined;
  const english = scores.find(([code]) => code === 'eng')?.[1] ?? 0;
  return english < ENGLISH_MARGIN ? top[0] : undefined;
}

/** Guess whether `text` is Russian or English. Never throws. */
export function detectLanguage(text: string): LanguageGuess {
  if (typeof text !== 'string') return { confidence: 0, warnings: [] };
  const head = Math.min(text.length, FRANC_SAMPLE_LENGTH);
  const { cyrillic, latin, head: marks } = countSample(text, Math.min(text.length, SAMPLE_LENGTH), head);
  const letters = cyrillic + latin;
  const warnings: Warning[] = [];
  if (letters < MIN_LETTERS) return { confidence: 0, warnings };

  const majority: Lang = cyrillic >= latin ? 'ru' : 'en';
  // A text of mixed script, or a Latin one with more Cyrillic than English text holds, is in the language of its
  // sentences (see proseLanguage); failing that, and for every other text, in the script most of it is in.
  const mixed = Math.max(cyrillic, latin) / letters < MIXED_SHARE || (latin > cyrillic && cyrillic / letters >= CYRILLIC_IN_LATIN_SHARE);
  const lang = mixed ? (proseLanguage(text, Math.min(text.length, SAMPLE_LENGTH)) ?? majority) : majority;
  const confidence = (lang === 'ru' ? cyrillic : latin) / letters;
  if (confidence < MIXED_SHARE) {
    warnings.push({
      code: 'mixed-language',
      message: `the text mixes Cyrillic and Latin script (${Math.round(confidence * 100)}% ${lang === 'ru' ? 'Cyrillic' : 'Latin'}); read as ${LANGUAGE_NAME[lang]}${lang === majority ? '' : ', the language of its sentences'}`,
    });
  }
  if (Math.max(cyrillic, latin) >= FRANC_MIN_LETTERS) {
    // franc reads at most 2 048 characters; give it that much of the text in the chosen script.
    const found = lang === 'ru' ? cyrillicLanguage(text, head, cyrillic, marks) : latinLanguage(text, head, cyrillic > 0);
    if (found) {
      warnings.push({
        code: 'third-language',
        message: `the text looks like ${LANGUAGE_NAMES[found] ?? found}, not ${LANGUAGE_NAME[lang]}; it is read as ${LANGUAGE_NAME[lang]}, so expect weaker results (pass the \`lang\` option to silence this)`,
      });
    }
  }
  return { lang, confidence, warnings };
}
