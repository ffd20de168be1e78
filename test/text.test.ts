import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../src/text/decode.js';
import { detectLanguage } from '../src/text/language.js';
import { findMetadata } from '../src/text/metadata.js';
import { cleanSpan, foldForMatching, toSourceOffset, toSourceSpan } from '../src/text/normalize.js';
import { readerParagraphs, splitParagraphs } from '../src/text/paragraphs.js';
import { InputError } from '../src/errors.js';
import { parseDocument } from '../src/document.js';

const corpus = (name: string): string => readFileSync(new URL(`../corpus/${name}`, import.meta.url), 'utf8');
const RU_SEED = corpus('002_6e70b530b08c33a1.txt');
const EN_SEED = corpus('000_0de97bedda4ecb13.txt');

describe('decodeText', () => {
  const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

  it('reads UTF-8 with and without a byte-order mark', () => {
    expect(decodeText(utf8('Привет, мир')).text).toBe('Привет, мир');
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Привет')])).text).toBe('Привет');
  });

  it('reads UTF-16 little- and big-endian with a byte-order mark', () => {
    const le = new Uint8Array([0xff, 0xfe, 0x1f, 0x04, 0x40, 0x04]); // "Пр"
    const be = new Uint8Array([0xfe, 0xff, 0x04, 0x1f, 0x04, 0x40]);
    expect(decodeText(le).text).toBe('Пр');
    expect(decodeText(be).text).toBe('Пр');
  });

  it.each([
    ['invalid UTF-8 (cp1251 bytes)', new Uint8Array([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]), 'not-utf8'],
    ['binary bytes with NUL', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a]), 'binary'],
    ['an empty file', new Uint8Array(), 'empty'],
    ['white space only', utf8(' \n\t\n  '), 'empty'],
    ['punctuation only', utf8('... --- !!!'), 'empty'],
  ])('refuses %s with a typed error', (_name, bytes, code) => {
    expect(() => decodeText(bytes)).toThrowError(InputError);
    try {
      decodeText(bytes);
    } catch (error) {
      expect((error as InputError).code).toBe(code);
      expect((error as InputError).message.length).toBeGreaterThan(20);
    }
  });

  it('refuses NUL characters in a string and text over the size limit', () => {
    expect(() => decodeText('abc\u0000def')).toThrowError(/NUL/);
    expect(() => decodeText('a'.repeat(101), { maxInputSize: 100 })).toThrowError(/maxInputSize/);
  });

  it('warns about exactly the control characters U+0001–U+0008, U+000E–U+001F and U+007F, and refuses NUL', () => {
    const text = 'Текст. '.repeat(200);
    for (let code = 0; code < 0x10000; code++) {
      const ch = String.fromCharCode(code);
      if (code === 0) {
        expect(() => decodeText(text + ch)).toThrowError(/NUL/);
        continue;
      }
      const control = code <= 0x08 || (code >= 0x0e && code <= 0x1f) || code === 0x7f;
      const warned = decodeText(text + ch).warnings.some((w) => w.code === 'control-characters');
      if (warned !== control) throw new Error(`U+${code.toString(16)}: warned ${warned}`);
    }
  });

  it('warns about scattered control characters instead of refusing', () => {
    const { warnings } = decodeText(`${'Текст. '.repeat(200)}\u0007`);
    expect(warnings.map((w) => w.code)).toEqual(['control-characters']);
  });
});

describe('foldForMatching', () => {
  it('folds typographic variants one for one, keeping offsets', () => {
    const text = '«Север\u2013Юг»\u00A04,3\u202Fмлрд — ёлка’s';
    const folded = foldForMatching(text);
    expect(folded).toBe('"Север-Юг" 4,3 млрд - елка\'s');
    expect(folded.length).toBe(text.length);
  });

  it('folds exactly these code units and keeps every other one (its table read as the list it was built from)', () => {
    const folds: Array<[RegExp, string]> = [
      [/[\u00A0\u2007\u2009\u200A\u202F\u2002\u2003]/, ' '],
      [/[\u00AB\u00BB\u201C-\u201F]/, '"'],
      [/[\u2018\u2019\u201A\u02BC]/, "'"],
      [/[\u2010-\u2015\u2212]/, '-'],
      [/\u0451/, '\u0435'],
      [/\u0401/, '\u0415'],
    ];
    const all: string[] = [];
    const expected: string[] = [];
    for (let code = 0; code < 0x10000; code++) {
      const ch = String.fromCharCode(code);
      all.push(ch);
      expected.push(folds.find(([pattern]) => pattern.test(ch))?.[1] ?? ch);
    }
    expect(foldForMatching(all.join(''))).toBe(expected.join(''));
    const plain = 'Премьер-министр встретился с делегацией.';
    expect(foldForMatching(plain)).toBe(plain);
  });
});

describe('cleanSpan and offsets', () => {
  it('folds white space runs, drops soft hyphens and maps every clean offset back', () => {
    const source = 'ab  cd\n\nef\u00ADgh\u00A0ij';
    const { clean, shifts } = cleanSpan(source, 0, source.length);
    expect(clean).toBe('ab cd efgh\u00A0ij');
    const paragraph = { shifts };
    for (let k = 0; k < clean.length; k++) {
      const at = toSourceOffset(paragraph, k);
      if (clean[k] !== ' ') expect(source[at]).toBe(clean[k]);
    }
  });

  it('copies runs with lone spaces whole, ending a run before the base of a combining sequence', () => {
    const cases: Array<[string, string, Array<[number, number]>]> = [
      ['a b\u0301c d', 'a b\u0301c d', [[0, 0]]],
      ['ab \u0301c', 'ab \u0301c', [[0, 0]]],
      ['x y\u0301', 'x \u00FD', [[0, 0], [3, 4]]],
      ['Ещё и\u0306 e\u0301t\u00E9 \u05D0\u0591b', 'Ещё й été \u05D0\u0591b', [[0, 0], [5, 6], [7, 9]]],
      ['a \u2009b  c\u00ADc', 'a b cc', [[0, 0], [2, 3], [4, 6], [5, 8]]],
      ['ab\u0483 cd', 'ab\u0483 cd', [[0, 0]]],
      ['α β\u0301 γ', 'α β\u0301 γ', [[0, 0]]],
    ];
    for (const [source, clean, shifts] of cases) expect(cleanSpan(source, 0, source.length)).toEqual({ clean, shifts });
    const html = 'ab\u0301<i>cd e</i>f\u0301';
    expect(cleanSpan(html, 0, html.length, [{ start: 3, end: 6 }, { start: 10, end: 14 }])).toEqual({ clean: 'ab\u0301cd ef\u0301', shifts: [[0, 0], [3, 6], [7, 14]] });
  });

  it('gives white space folded to one space, trimmed, and NFC for any mix of letters, spaces and marks', async () => {
    const fc = (await import('fast-check')).default;
    const unit = fc.constantFrom('a', 'e', 'и', 'ж', '\u0301', '\u0306', ' ', ' ', '\n', '.');
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 30 }), (units) => {
        const source = units.join('');
        const expected = source.replace(/[ \n]+/g, ' ').replace(/^ | $/g, '').normalize('NFC');
        expect(cleanSpan(source, 0, source.length).clean).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('composes combining sequences (NFC) and maps them to their source span', () => {
    const source = 'Йо и\u0306 ok'; // "й" written as и + combining breve
    const { clean, shifts } = cleanSpan(source, 0, source.length);
    expect(clean).toBe('Йо й ok');
    expect(toSourceSpan({ shifts }, 5, 7)).toEqual({ start: 6, end: 8 });
  });
});

describe('splitParagraphs', () => {
  it('rejoins words broken across blocks on the typeset Russian seed: 15 paragraphs', () => {
    const { paragraphs } = splitParagraphs(RU_SEED);
    expect(paragraphs).toHaveLength(15);
    expect(paragraphs[0].clean).toBe('Приоритеты сотрудничества');
    expect(paragraphs[6].clean).toMatch(/^Подчеркнув важность поступательного развития торгово-экономического сотрудничества/);
    expect(paragraphs[8].clean).toContain('совместных проектов');
    expect(paragraphs[10].clean).toContain('автодорожной и железнодорожной');
    expect(paragraphs[14].clean).toMatch(/^По итогам встречи/);
  });

  it('keeps start/end offsets that slice back to each paragraph, and clean offsets that map into it', () => {
    for (const source of [RU_SEED, EN_SEED]) {
      for (const paragraph of splitParagraphs(source).paragraphs) {
        expect(source.slice(paragraph.start, paragraph.end)).toBe(paragraph.text);
        expect(toSourceOffset(paragraph, 0)).toBe(paragraph.start);
        expect(toSourceOffset(paragraph, paragraph.clean.length - 1)).toBe(paragraph.end - 1);
      }
    }
  });

  it('keeps the hyphen of a compound the text also writes whole', () => {
    const source = 'торгово-экономического.\n\nразвитие торгово-\nэкономических связей и поступа-\nтельного развития';
    const { paragraphs } = splitParagraphs(source);
    expect(paragraphs[1].clean).toBe('развитие торгово-экономических связей и поступательного развития');
  });

  it('does not join a block ending in a dash before a capitalised block', () => {
    const { paragraphs } = splitParagraphs('Первый абзац —\n\nВторой абзац.');
    expect(paragraphs).toHaveLength(2);
  });

  it('reads one paragraph per line when the text has no blank lines and lines end sentences', () => {
    const source = corpus('001_80e862e7debd282d.txt');
    const { paragraphs, mode } = splitParagraphs(source);
    expect(mode).toBe('line');
    expect(paragraphs).toHaveLength(11);
  });

  it('joins hard-wrapped lines of one paragraph', () => {
    const { paragraphs, mode } = splitParagraphs('This is a long sentence that\nwraps onto the next line and\nends here.\n\nSecond.');
    expect(mode).toBe('blank-line');
    expect(paragraphs.map((p) => p.clean)).toEqual(['This is a long sentence that wraps onto the next line and ends here.', 'Second.']);
  });

  it('handles Windows line endings and a paragraph separator character', () => {
    const { paragraphs } = splitParagraphs('Один.\r\n\r\nДва,\r\nтри.\u2029Четыре.');
    expect(paragraphs.map((p) => p.clean)).toEqual(['Один.', 'Два, три.', 'Четыре.']);
  });
});

describe('findMetadata', () => {
  it('reads a leading date line as the date and keeps it out of the body', () => {
    const { paragraphs } = splitParagraphs(EN_SEED);
    const meta = findMetadata(EN_SEED, paragraphs);
    expect(meta.date).toBe('2024-03-05');
    expect(EN_SEED.slice(meta.spans[0].start, meta.spans[0].end)).toBe('date 2024-03-05');
  });

  it('reads English and Russian datelines as place and month-day', () => {
    const en = corpus('001_80e862e7debd282d.txt');
    const meta = findMetadata(en, splitParagraphs(en).paragraphs);
    expect(meta.place).toBe('BAKU, Azerbaijan');
    expect(meta.date).toBe('--11-14');
    const ru = 'МОСКВА, 5 марта 2024 года. /ТАСС/. Премьер-министр провёл встречу.';
    const ruMeta = findMetadata(ru, splitParagraphs(ru).paragraphs);
    expect(ruMeta.place).toBe('МОСКВА');
    expect(ruMeta.date).toBe('2024-03-05');
  });

  it('takes a date line and a dateline together, the date line winning', () => {
    const text = corpus('003_053d4edee1c29480.txt');
    const meta = findMetadata(text, splitParagraphs(text).paragraphs);
    expect(meta.date).toBe('2021-05-20');
    expect(meta.place).toBe('BAKU, Azerbaijan');
  });

  it('reads a short first paragraph without a full stop as the headline; a caller date wins', () => {
    const meta = findMetadata(RU_SEED, splitParagraphs(RU_SEED).paragraphs, { date: '2024-03-05' });
    expect(meta.title).toBe('Приоритеты сотрудничества');
    expect(meta.date).toBe('2024-03-05');
  });
});

describe('detectLanguage', () => {
  it('tells Russian from English, even for a headline', () => {
    expect(detectLanguage(RU_SEED).lang).toBe('ru');
    expect(detectLanguage(EN_SEED).lang).toBe('en');
    expect(detectLanguage('Премьер').lang).toBe('ru');
    expect(detectLanguage('Prime Minister met his counterpart').lang).toBe('en');
  });

  it('finds no language in figures only', () => {
    expect(detectLanguage('2024 — 4,3 — 11%').lang).toBeUndefined();
  });

  it('warns when a Cyrillic text is not Russian, or a Latin one not English', () => {
    const ukrainian =
      'Прем’єр-міністр України провів зустріч з делегацією. Сторони обговорили питання торговельно-економічного співробітництва і відзначили зростання товарообігу між країнами.';
    expect(detectLanguage(ukrainian).warnings.map((w) => w.code)).toContain('third-language');
    const french =
      'Le Premier ministre a rencontré la délégation. Les parties ont discuté des questions de coopération commerciale et économique et ont noté la croissance des échanges entre les deux pays.';
    expect(detectLanguage(french).warnings.map((w) => w.code)).toContain('third-language');
    expect(detectLanguage(RU_SEED).warnings).toEqual([]);
    expect(detectLanguage(EN_SEED).warnings).toEqual([]);
  });

  it('names other Latin-script languages, and finds none in English however few `the`s it has', () => {
    const third = (text: string): string | undefined => detectLanguage(text).warnings.find((w) => w.code === 'third-language')?.message;
    const others: Array<[string, string]> = [
      ['El presidente del Gobierno se reunió con la delegación. Las partes discutieron la cooperación económica y comercial y señalaron el crecimiento del comercio entre los dos países.', 'Spanish'],
      ['Il presidente del Consiglio ha incontrato la delegazione. Le parti hanno discusso della cooperazione economica e commerciale e hanno notato la crescita degli scambi tra i due paesi.', 'Italian'],
      ['O primeiro-ministro reuniu-se com a delegação. As partes discutiram a cooperação económica e comercial e notaram o crescimento do comércio entre os dois países.', 'Portuguese'],
      ['Premier spotkał się z delegacją. Strony omówiły współpracę gospodarczą i handlową oraz odnotowały wzrost wymiany handlowej między obydwoma krajami.', 'Polish'],
      ['Der Ministerpräsident traf die Delegation. Die Seiten erörterten Fragen der wirtschaftlichen Zusammenarbeit und stellten fest, dass der Handel zwischen den beiden Ländern gewachsen ist.', 'German'],
    ];
    for (const [text, name] of others) expect(third(text)).toMatch(name);
    // Headlines and short news items: few `the`s, so the trigram comparison decides, and finds English.
    const headlines = 'Putin meets Erdogan in Sochi. Gas deal signed. Oil prices rise 3% on OPEC cuts. Moscow stocks close higher. Ruble gains against dollar and euro. Central Bank keeps key rate at 16%. Gazprom shares up 2%.';
    expect(third(headlines)).toBeUndefined();
    expect(third(`${headlines} Встреча прошла в Сочи.`)).toBeUndefined();
  });

  it('warns about mixed scripts', () => {
    const mixed = 'Встреча прошла в Баку. The meeting was held in Baku and the sides discussed trade.';
    expect(detectLanguage(mixed).warnings.map((w) => w.code)).toContain('mixed-language');
  });

  it('reads a text of mixed script in the language of its sentences, not of its tables', () => {
    // A Russian release note: more Latin letters (package names, advisories, URLs) than Cyrillic.
    const rows = ['DSA 140 | libpng, libpng3', 'DSA 196 | bind9, bind9-host', 'DSA 203 | smb2www', 'DSA 215 | cyrus-imapd', 'DSA 216 | fetchmail-ssl',
      'DSA 220 | squirrelmail', 'DSA 221 | mhonarc', 'DSA 222 | xpdf-reader', 'DSA 224 | canna', 'DSA 225 | tomcat4', 'DSA 227 | openldap2'];
    const release = [
      'Это второе обновление Debian GNU/Linux 3.0, в основном состоящее из исправлений безопасности.',
      'Обновление до новой редакции по сети делается с помощью apt-get, см. https://www.debian.org/distrib/ftplist для списка зеркал.',
      'В эту редакцию включены следующие обновления, связанные с безопасностью:',
      ...rows,
      ...rows,
    ].join('\n\n');
    const guess = detectLanguage(release);
    expect(guess.lang).toBe('ru');
    expect(guess.confidence).toBeLessThan(0.5);
    expect(guess.warnings.find((w) => w.code === 'mixed-language')?.message).toMatch(/\(\d+% Cyrillic\); read as Russian, the language of its sentences$/);
    // Given as Russian, even with four times the rows (under 20 % Cyrillic), it is no contradiction.
    const contradicted = (text: string): boolean => parseDocument(text, { lang: 'ru' }).warnings.some((w) => w.code === 'language-contradicted');
    const longer = [release, ...rows, ...rows, ...rows, ...rows].join('\n\n');
    expect(detectLanguage(longer).confidence).toBeLessThan(0.2);
    expect(contradicted(longer)).toBe(false);
    expect(contradicted(['Обновления безопасности', ...rows, ...rows, ...rows, ...rows].join('\n\n'))).toBe(true);
    // Without sentences to read, the script most of the text is in decides.
    expect(detectLanguage(['Обновления безопасности', ...rows].join('\n\n')).lang).toBe('en');
  });
});

describe('character classes of the clean-text loop', () => {
  it('read every code unit as the regular expressions do', async () => {
    const { isCombiningCode, isSpaceCode } = await import('../src/text/normalize.js');
    for (let code = 0; code < 0x10000; code++) {
      const ch = String.fromCharCode(code);
      if (isSpaceCode(code) !== (/\s/.test(ch) || ch === '\uFEFF')) throw new Error(`space U+${code.toString(16)}`);
      if (isCombiningCode(code) !== (code >= 0x300 && /\p{M}/u.test(ch))) throw new Error(`mark U+${code.toString(16)}`);
    }
  });
});

describe('hyphenated compounds found in one pass', () => {
  it('match what the regular expression finds', async () => {
    const fc = (await import('fast-check')).default;
    const { hyphenatedCompounds, isLetterCode } = await import('../src/text/paragraphs.js');
    for (let code = 0; code < 0x110000; code += code < 0x10000 ? 1 : 37) {
      if (code >= 0xd800 && code < 0xe000) continue;
      if (isLetterCode(code) !== /\p{L}/u.test(String.fromCodePoint(code))) throw new Error(`letter U+${code.toString(16)}`);
    }
    const viaRegex = (source: string): Set<string> =>
      new Set([...source.matchAll(/(\p{L}+)[-\u2010\u2011](\p{L}{1,3})/gu)].map((m) => `${m[1].toLowerCase()}-${m[2].toLowerCase()}`));
    const unit = fc.constantFrom('a', 'B', 'я', 'Ж', 'é', '-', '\u2010', '\u2011', ' ', '1', '.', '𝐀', '\u0301', 'ß');
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 40 }), (units) => {
        const text = units.join('');
        expect([...hyphenatedCompounds(text)].sort()).toEqual([...viaRegex(text)].sort());
      }),
      { numRuns: 2000 },
    );
    expect([...hyphenatedCompounds('торгово-экономического и северо-восточно-западный')]).toEqual(['торгово-эко', 'северо-вос', 'точно-зап']);
  });
});

describe('readerParagraphs: paragraph numbers as a reader counts them', () => {
  it.each<[number[], string]>([
    [[], ''],
    [[0], '1'],
    [[2, 3], '3+4'],
    [[2, 3, 4], '3–5'],
    [[0, 1, 2, 3, 7], '1–4+8'],
    [[0, 2, 4], '1+3+5'],
    [[5, 6, 9, 10, 11], '6+7+10–12'],
  ])('%j → %s', (indices, expected) => expect(readerParagraphs(indices)).toBe(expected));
});
