import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { franc, francAll } from 'franc';
import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../src/text/language.js';
import { bestLanguage, rankLanguages } from '../src/text/trigrams.js';

const LATIN = ['eng', 'fra', 'deu', 'spa', 'ita', 'por', 'nld', 'pol', 'ces', 'tur', 'azj', 'uzn', 'ron', 'swe', 'fin', 'hun'];
const CYRILLIC = ['rus', 'ukr', 'bel', 'bul', 'mkd', 'srp', 'kaz', 'kir', 'tgk', 'mon'];
const corpusDir = new URL('../corpus/', import.meta.url);
const corpus = readdirSync(corpusDir).map((name) => readFileSync(new URL(name, corpusDir), 'utf8'));
const FRENCH =
  'Le Premier ministre a rencontré la délégation. Les parties ont discuté des questions de coopération commerciale et économique et ont noté la croissance des échanges entre les deux pays.';
const GERMAN =
  'Der Ministerpräsident traf die Delegation. Die Seiten erörterten Fragen der wirtschaftlichen Zusammenarbeit und stellten fest, dass der Handel zwischen den beiden Ländern gewachsen ist.';
const DUTCH =
  'De minister-president ontmoette de delegatie. De partijen bespraken de economische samenwerking en stelden vast dat de handel tussen de twee landen is gegroeid.';
const OTHERS = [
  'El presidente del Gobierno se reunió con la delegación. Las partes discutieron la cooperación económica y comercial.',
  'Il presidente del Consiglio ha incontrato la delegazione. Le parti hanno discusso della cooperazione economica.',
  'O primeiro-ministro reuniu-se com a delegação. As partes discutiram a cooperação económica e comercial.',
  'Premier spotkał się z delegacją. Strony omówiły współpracę gospodarczą i handlową między obydwoma krajami.',
  'Předseda vlády se setkal s delegací. Strany jednaly o hospodářské a obchodní spolupráci obou zemí.',
  'Başbakan heyetle görüştü. Taraflar iki ülke arasındaki ekonomik ve ticari işbirliğini ele aldı.',
  'Statsministern träffade delegationen. Parterna diskuterade det ekonomiska samarbetet mellan länderna.',
  'Pääministeri tapasi valtuuskunnan. Osapuolet keskustelivat maiden välisestä taloudellisesta yhteistyöstä.',
  'Putin meets Erdogan in Sochi. Gas deal signed. Oil prices rise 3% on OPEC cuts. Ruble gains against dollar.',
];
const samples = [
  ...corpus.flatMap((text) => [text, text.slice(0, 1500), text.slice(200, 400), text.replace(/[\u0400-\u04FF]+/g, ' ')]),
  FRENCH,
  GERMAN,
  DUTCH,
  ...OTHERS,
  'Прем’єр-міністр України провів зустріч з делегацією. Сторони обговорили питання співробітництва.',
  'Премиерът се срещна с делегацията. Страните обсъдиха въпроси на търговското сътрудничество.',
  'שלום עולם, זהו טקסט בעברית בלבד', '12345 67890', '', 'short',
  // Lower case turns İ into two code units: the cleaned sample is longer than franc's 2 048.
  'İ'.repeat(2100), 'İstanbul İzmir '.repeat(150), 'Ab'.repeat(1100),
  // Other scripts, and characters outside the BMP (surrogate pairs: franc's expressions match some of them whole).
  'Καλημέρα κόσμε, αυτό είναι ένα ελληνικό κείμενο για δοκιμή', 'مرحبا بالعالم هذا نص عربي للاختبار',
  'नमस्ते दुनिया यह हिंदी पाठ है', 'こんにちは世界、これは日本語のテキストです。漢字も',
  'Привет 😀 мир и 你好世界 𠀀𠀁𠀂 текст, ещё текст', '𠀀𠀁𠀂𠀃 𠀄𠀅 CJK extension B only', 'a lone \uD800 surrogate in the text, and \uDC00 another',
];

describe('rankLanguages (franc with lazily built tables)', () => {
  it('ranks exactly as franc does, with any candidate list (none: all of the script)', () => {
    for (const text of samples) {
      for (const only of [LATIN, CYRILLIC, ['srp', 'mkd'], ['fra', 'eng'], []]) {
        expect(rankLanguages(text, only)).toEqual(francAll(text, { only, minLength: 10 }));
        expect(bestLanguage(text, only)).toBe(franc(text, { only, minLength: 10 }));
      }
    }
  });

  it('agrees with franc on arbitrary strings', () => {
    const letters = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzéàüабвгдеёжзыэіїє .,!?0123456789\n'.split(''));
    fc.assert(
      fc.property(fc.array(letters, { maxLength: 300 }), (chars) => {
        const text = chars.join('');
        expect(rankLanguages(text, LATIN)).toEqual(francAll(text, { only: LATIN, minLength: 10 }));
        expect(rankLanguages(text, CYRILLIC)).toEqual(francAll(text, { only: CYRILLIC, minLength: 10 }));
      }),
      { numRuns: 300 },
    );
  });

  it('picks the script as franc does on arbitrary Unicode (any script, pairs and lone surrogates)', () => {
    const bmpUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));
    const text = fc.oneof(fc.string({ unit: 'binary', minLength: 10, maxLength: 200 }), fc.string({ unit: bmpUnit, minLength: 10, maxLength: 200 }));
    fc.assert(
      fc.property(text, (text) => {
        expect(rankLanguages(text, [])).toEqual(francAll(text, { minLength: 10 }));
      }),
      { numRuns: 300 },
    );
  });
});

describe('plainly English text skips the trigram comparison without changing the verdict', () => {
  it('still names French, German and Dutch, and finds no third language in English', () => {
    const third = (text: string): string | undefined => detectLanguage(text).warnings.find((w) => w.code === 'third-language')?.message;
    expect(third(FRENCH)).toMatch(/French/);
    expect(third(GERMAN)).toMatch(/German/);
    expect(third(DUTCH)).toMatch(/Dutch/);
    const english = 'The Prime Minister met the delegation of the Republic, and the two sides discussed the growth of trade and the plans to extend it.';
    expect(third(english.repeat(3))).toBeUndefined();
  });
});
