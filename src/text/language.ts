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
  const cyrillic = sample.match(/[\u0400-\u04FF]/g)?.length ?? 0;
  const latin = sample.match(/[A-Za-z\u00C0-\u024F]/g)?.length ?? 0;
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
    const scriptOnly = lang === 'ru' ? sample.replace(/[A-Za-z\u00C0-\u024F]+/g, ' ') : sample.replace(/[\u0400-\u04FF]+/g, ' ');
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
