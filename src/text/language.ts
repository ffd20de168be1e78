/**
 * Which of the two languages a text is in. The script decides first (Cyrillic vs Latin letters: trivial and
 * reliable even for a headline); franc then checks, among languages of that script, that a long enough text
 * is Russian or English and not, say, Ukrainian or French, which is reported as a warning.
 */
import { franc } from 'franc';
import type { Lang, Warning } from '../types.js';

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
const FRANC_SAMPLE_LENGTH = 4_000;
/** Fewer letters than this and the script ratio alone decides (franc needs more text). */
const FRANC_MIN_LETTERS = 120;
/** Below this share of one script the text is mixed and says so in a warning. */
const MIXED_SHARE = 0.8;
/** Fewer Cyrillic plus Latin letters than this and the language is undetected. */
const MIN_LETTERS = 3;

/** Candidate languages franc compares for each script (ISO 639-3). */
const CYRILLIC_CANDIDATES = ['rus', 'ukr', 'bel', 'bul', 'mkd', 'srp', 'kaz', 'kir', 'tgk', 'mon'];
const LATIN_CANDIDATES = ['eng', 'fra', 'deu', 'spa', 'ita', 'por', 'nld', 'pol', 'ces', 'tur', 'azj', 'uzn', 'ron', 'swe', 'fin', 'hun'];
const LANGUAGE_NAMES: Record<string, string> = {
  ukr: 'Ukrainian', bel: 'Belarusian', bul: 'Bulgarian', mkd: 'Macedonian', srp: 'Serbian', kaz: 'Kazakh',
  kir: 'Kyrgyz', tgk: 'Tajik', mon: 'Mongolian', fra: 'French', deu: 'German', spa: 'Spanish', ita: 'Italian',
  por: 'Portuguese', nld: 'Dutch', pol: 'Polish', ces: 'Czech', tur: 'Turkish', azj: 'Azerbaijani', uzn: 'Uzbek',
  ron: 'Romanian', swe: 'Swedish', fin: 'Finnish', hun: 'Hungarian',
};

/** Guess whether `text` is Russian or English. Never throws. */
export function detectLanguage(text: string): LanguageGuess {
  const sample = text.length > SAMPLE_LENGTH ? text.slice(0, SAMPLE_LENGTH) : text;
  let cyrillic = 0;
  let latin = 0;
  for (let k = 0; k < sample.length; k++) {
    const code = sample.charCodeAt(k);
    if (code >= 0x0400 && code <= 0x04ff) cyrillic++;
    else if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || (code >= 0xc0 && code <= 0x24f)) latin++;
  }
  const letters = cyrillic + latin;
  const warnings: Warning[] = [];
  if (letters < MIN_LETTERS) return { confidence: 0, warnings };

  const lang: Lang = cyrillic >= latin ? 'ru' : 'en';
  const confidence = Math.max(cyrillic, latin) / letters;
  if (confidence < MIXED_SHARE) {
    warnings.push({
      code: 'mixed-language',
      message: `the text mixes Cyrillic and Latin script (${Math.round(confidence * 100)}% ${lang === 'ru' ? 'Cyrillic' : 'Latin'}); read as ${lang === 'ru' ? 'Russian' : 'English'}`,
    });
  }
  if (Math.max(cyrillic, latin) >= FRANC_MIN_LETTERS) {
    // franc reads at most 2 048 characters; give it that much of the text in the chosen script.
    const head = sample.slice(0, FRANC_SAMPLE_LENGTH);
    const scriptOnly = lang === 'ru' ? head.replace(/[A-Za-z\u00C0-\u024F]+/g, ' ') : head.replace(/[\u0400-\u04FF]+/g, ' ');
    const candidates = lang === 'ru' ? CYRILLIC_CANDIDATES : LATIN_CANDIDATES;
    const found = franc(scriptOnly, { only: candidates, minLength: 10 });
    const expected = lang === 'ru' ? 'rus' : 'eng';
    if (found !== 'und' && found !== expected) {
      warnings.push({
        code: 'third-language',
        message: `the text looks like ${LANGUAGE_NAMES[found] ?? found}, not ${lang === 'ru' ? 'Russian' : 'English'}; it is read as ${lang === 'ru' ? 'Russian' : 'English'}, so expect weaker results (pass \`lang\` to silence this)`,
      });
    }
  }
  return { lang, confidence, warnings };
}
