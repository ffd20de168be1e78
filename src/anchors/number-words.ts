/**
 * Data tables for the figure extractor ({@link ./numbers.ts}): number words, month names, scale words, units,
 * currencies and comparators, Russian and English side by side. Tables only; the rules that use them live in
 * numbers.ts. Regular-expression fragments here are matched with the `u` flag, at a fixed position (sticky),
 * and must stay free of nested quantifiers.
 *
 * Russian words are listed with `е` for `ё`: lookups fold `ё` first, as the matching form of the text does.
 */
import type { Lang, Qualifier } from '../types.js';

/**
 * How a cardinal number word combines with its neighbours: `unit` 1–9 (and 1.5), `teen` 10–19, `ten` 20–90,
 * `hundreds` a whole Russian hundred (сто…девятьсот), `hundred` the English multiplier, `solo` a word that
 * never combines (ноль, дважды, twice, dozen).
 */
export type CardinalRole = 'unit' | 'teen' | 'ten' | 'hundreds' | 'hundred' | 'solo';

/** A cardinal number word: its value and how it combines. */
export interface CardinalWord {
  value: number;
  role: CardinalRole;
}

/** Expand `{ value: 'form form …' }` into a lookup map with one role. */
function forms(role: CardinalRole, table: Record<number, string>): Array<[string, CardinalWord]> {
  const out: Array<[string, CardinalWord]> = [];
  for (const [value, list] of Object.entries(table)) {
    for (const form of list.split(' ')) out.push([form, { value: Number(value), role }]);
  }
  return out;
}

/**
 * Cardinal number words, every case form, lower case, ё folded to е, with the Russian collective numerals
 * ("четверо погибли" = "four killed"). "семью" (also "family") is left out; scale words (тысяча, million) are
 * not here: they are matched by {@link SCALES} and {@link BARE_SCALES}.
 */
export const CARDINAL_WORDS: Record<Lang, Map<string, CardinalWord>> = {
  ru: new Map([
    ...forms('solo', {
      0: 'ноль нуль ноля нуля',
      2: 'дважды двое двоих двоим двоими вдвое',
      3: 'трижды трое троих троим троими втрое',
      4: 'четверо четверых четверым четверыми вчетверо',
      5: 'пятеро пятерых пятерым впятеро',
      6: 'шестеро шестерых',
      7: 'семеро семерых',
      8: 'восьмеро восьмерых',
      9: 'девятеро девятерых',
      10: 'десятеро десятерых вдесятеро',
    }),
    ...forms('unit', {
      1: 'один одна одно одного одной одному одним одном одну одни одних одними одною',
      1.5: 'полтора полторы полутора',
      2: 'два две двух двум двумя',
      3: 'три трех трем тремя',
      4: 'четыре четырех четырем четырьмя',
      5: 'пять пяти пятью',
      6: 'шесть шести шестью',
      7: 'семь семи',
      8: 'восемь восьми восемью восьмью',
      9: 'девять девяти девятью',
    }),
    ...forms('teen', {
      10: 'десять десяти десятью',
      11: 'одиннадцать одиннадцати одиннадцатью',
      12: 'двенадцать двенадцати двенадцатью',
      13: 'тринадцать тринадцати тринадцатью',
      14: 'четырнадцать четырнадцати четырнадцатью',
      15: 'пятнадцать пятнадцати пятнадцатью',
      16: 'шестнадцать шестнадцати шестнадцатью',
      17: 'семнадцать семнадцати семнадцатью',
      18: 'восемнадцать восемнадцати восемнадцатью',
      19: 'девятнадцать девятнадцати девятнадцатью',
    }),
    ...forms('ten', {
      20: 'двадцать двадцати двадцатью',
      30: 'тридцать тридцати тридцатью',
      40: 'сорок сорока',
      50: 'пятьдесят пятидесяти пятьюдесятью',
      60: 'шестьдесят шестидесяти шестьюдесятью',
      70: 'семьдесят семидесяти семьюдесятью',
      80: 'восемьдесят восьмидесяти восемьюдесятью',
      90: 'девяносто девяноста',
    }),
    ...forms('hundreds', {
      100: 'сто ста',
      200: 'двести двухсот двумстам двумястами двухстах',
      300: 'триста трехсот тремстам тремястами трехстах',
      400: 'четыреста четырехсот четыремстам четырьмястами четырехстах',
      500: 'пятьсот пятисот пятистам пятьюстами пятистах',
      600: 'шестьсот шестисот шестистам шестьюстами шестистах',
      700: 'семьсот семисот семистам семьюстами семистах',
      800: 'восемьсот восьмисот восьмистам восемьюстами восьмистах',
      900: 'девятьсот девятисот девятистам девятьюстами девятистах',
    }),
  ]),
  en: new Map([
    ...forms('solo', { 0: 'zero', 2: 'twice', 3: 'thrice', 12: 'dozen' }),
    ...forms('unit', { 1: 'one', 2: 'two', 3: 'three', 4: 'four', 5: 'five', 6: 'six', 7: 'seven', 8: 'eight', 9: 'nine' }),
    ...forms('teen', {
      10: 'ten', 11: 'eleven', 12: 'twelve', 13: 'thirteen', 14: 'fourteen', 15: 'fifteen', 16: 'sixteen',
      17: 'seventeen', 18: 'eighteen', 19: 'nineteen',
    }),
    ...forms('ten', { 20: 'twenty', 30: 'thirty', 40: 'forty', 50: 'fifty', 60: 'sixty', 70: 'seventy', 80: 'eighty', 90: 'ninety' }),
    ...forms('hundred', { 100: 'hundred' }),
  ]),
};

/** Russian adjective endings, used to spell out every form of an ordinal stem. */
const RU_ADJ_ENDINGS = ['ый', 'ой', 'ий', 'ая', 'ое', 'ые', 'ого', 'ому', 'ым', 'ом', 'ую', 'ых', 'ыми'];
/** "третий" declines with a soft sign. */
const RU_TRETIY_ENDINGS = ['ий', 'ья', 'ье', 'ьи', 'ьего', 'ьему', 'ьим', 'ьем', 'ью', 'ьей', 'ьих', 'ьими'];

/** Plural forms, left out of the Russian tens: "девяностые", "двадцатых годов" are decades, not ordinals. */
const RU_PLURAL_ENDINGS = new Set(['ые', 'ых', 'ыми']);

/**
 * Spelled-out ordinals 1–19 and the tens 20–90 (weak anchors), every form, lower case. Compounds ("двадцать
 * первый", "twenty-first", "сто двадцать пятая") are read from a cardinal and one of these (numbers.ts).
 */
export const ORDINAL_WORDS: Record<Lang, Map<string, number>> = {
  ru: new Map([
    ...(
      [
        ['перв', 1], ['втор', 2], ['четверт', 4], ['пят', 5], ['шест', 6], ['седьм', 7], ['восьм', 8], ['девят', 9], ['десят', 10],
        ['одиннадцат', 11], ['двенадцат', 12], ['тринадцат', 13], ['четырнадцат', 14], ['пятнадцат', 15], ['шестнадцат', 16],
        ['семнадцат', 17], ['восемнадцат', 18], ['девятнадцат', 19],
      ] as const
    ).flatMap(([stem, n]) => RU_ADJ_ENDINGS.map((e): [string, number] => [stem + e, n])),
    ...RU_TRETIY_ENDINGS.map((e): [string, number] => ['трет' + e, 3]),
    ...(
      [['двадцат', 20], ['тридцат', 30], ['сороков', 40], ['пятидесят', 50], ['шестидесят', 60], ['семидесят', 70], ['восьмидесят', 80], ['девяност', 90]] as const
    ).flatMap(([stem, n]) => RU_ADJ_ENDINGS.filter((e) => !RU_PLURAL_ENDINGS.has(e)).map((e): [string, number] => [stem + e, n])),
  ]),
  en: new Map(
    [
      'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth',
      'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth',
    ].map((w, i): [string, number] => [w, i + 1]).concat(
      ['twentieth', 'thirtieth', 'fortieth', 'fiftieth', 'sixtieth', 'seventieth', 'eightieth', 'ninetieth'].map((w, i): [string, number] => [w, 20 + 10 * i]),
    ),
  ),
};

/** Russian month stems with their declension: soft (январь), hard (март), or май. */
const RU_MONTHS: Array<[string, 'soft' | 'hard' | 'may']> = [
  ['январ', 'soft'], ['феврал', 'soft'], ['март', 'hard'], ['апрел', 'soft'], ['ма', 'may'], ['июн', 'soft'],
  ['июл', 'soft'], ['август', 'hard'], ['сентябр', 'soft'], ['октябр', 'soft'], ['ноябр', 'soft'], ['декабр', 'soft'],
];
const RU_MONTH_ENDINGS = { soft: ['ь', 'я', 'ю', 'ем', 'е'], hard: ['', 'а', 'у', 'ом', 'е'], may: ['й', 'я', 'ю', 'ем', 'е'] };

/** Every case form of a month name → month 1–12. Russian lower case; English as capitalised (case matters). */
export const MONTH_WORDS: Record<Lang, Map<string, number>> = {
  ru: new Map(RU_MONTHS.flatMap(([stem, type], i) => RU_MONTH_ENDINGS[type].map((e): [string, number] => [stem + e, i + 1]))),
  en: new Map(
    ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'].map(
      (m, i): [string, number] => [m, i + 1],
    ),
  ),
};

/** Month names as they follow a day ("5 марта", "5 March", "5 Mar."): the genitive in Russian, names and abbreviations in English. */
export const DAY_MONTH_PATTERN: Record<Lang, string> = {
  ru: 'января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря',
  en: 'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec',
};

/** Month number of a date-pattern month word (full name, genitive or abbreviation). */
export function monthOf(word: string, lang: Lang): number | undefined {
  const lower = word.toLowerCase();
  if (lang === 'ru') return MONTH_WORDS.ru.get(lower);
  const i = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].indexOf(lower.slice(0, 3));
  return i < 0 ? undefined : i + 1;
}

/**
 * Words that are a number by themselves: "сутки" is 24 hours ("за сутки" = "in the past 24 hours"). Weak, and
 * not read after a number ("двое суток", "5 суток" count days).
 */
export const NUMBER_NOUNS: Record<Lang, Map<string, number>> = {
  ru: new Map(['сутки', 'суток', 'суткам', 'сутками', 'сутках'].map((w): [string, number] => [w, 24])),
  en: new Map(),
};

/** Russian collective numerals ("двое суток"): they count, so the noun after them is no number. */
export const COLLECTIVE_WORDS = new Set(['двое', 'трое', 'четверо', 'пятеро', 'шестеро', 'семеро', 'несколько', 'нескольких', 'полторы']);

/** Words for a day relative to the document date, as an offset in days. */
export const RELATIVE_DAYS: Record<Lang, Map<string, number>> = {
  ru: new Map([['позавчера', -2], ['вчера', -1], ['сегодня', 0], ['завтра', 1], ['послезавтра', 2]]),
  en: new Map([['yesterday', -1], ['today', 0], ['tomorrow', 1]]),
};

/** A scale word after a number: the power of ten it multiplies by. */
export interface ScaleEntry {
  /** Regular-expression source, matched right after the number (or after its separator). */
  pattern: string;
  pow: number;
  /** Only written straight after the digits ("10k", "$5bn"), never after a space. */
  attachedOnly?: boolean;
  /** Only a scale after a currency sign ("$3.5m", "$5M", "£5 m"); otherwise the letter is a unit ("2 m" = metres). */
  needsCurrency?: boolean;
}

/** Scale words, most specific first. Matched case-insensitively unless attached-only ("10k", "10K"). */
export const SCALES: Record<Lang, ScaleEntry[]> = {
  ru: [
    { pattern: 'квадриллион[а-яё]*', pow: 15 },
    { pattern: 'трлн\\.?|триллион[а-яё]*', pow: 12 },
    { pattern: 'млрд\\.?|миллиард[а-яё]*', pow: 9 },
    { pattern: 'млн\\.?|миллион[а-яё]*', pow: 6 },
    { pattern: 'тыс\\.?|тысяч[а-яё]*', pow: 3 },
  ],
  en: [
    { pattern: 'quadrillions?', pow: 15 },
    { pattern: 'trillions?|tn|trn|tln', pow: 12 },
    { pattern: 'billions?|bn|bln', pow: 9 },
    { pattern: 'millions?|mn|mln', pow: 6 },
    { pattern: 'thousands?', pow: 3 },
    { pattern: '[kK]', pow: 3, attachedOnly: true },
    { pattern: 'm', pow: 6, needsCurrency: true },
  ],
};

/**
 * Scale words standing alone as a number ("на миллион" = "per million", "до тысячи МРП" = "up to 1000",
 * "более сотни" = "more than a hundred"): singular forms only, since plurals ("тысячи людей", "thousands")
 * mean "many"; "сотни" and "тысячи", genitive singular and plural alike, are read as a number only after a word
 * that governs a genitive (numbers.ts). Values are powers of ten.
 */
export const BARE_SCALES: Record<Lang, Map<string, number>> = {
  ru: new Map([
    ...['сотня', 'сотни', 'сотню', 'сотне', 'сотней'].map((w): [string, number] => [w, 2]),
    ...['тысяча', 'тысячи', 'тысячу', 'тысяче', 'тысячей', 'тысячею'].map((w): [string, number] => [w, 3]),
    ...['миллион', 'миллиона', 'миллиону', 'миллионом', 'миллионе'].map((w): [string, number] => [w, 6]),
    ...['миллиард', 'миллиарда', 'миллиарду', 'миллиардом', 'миллиарде'].map((w): [string, number] => [w, 9]),
    ...['триллион', 'триллиона', 'триллиону', 'триллионом', 'триллионе'].map((w): [string, number] => [w, 12]),
  ]),
  en: new Map([['thousand', 3], ['million', 6], ['billion', 9], ['trillion', 12]]),
};

/** Half a scale in one Russian word ("полмиллиона" = "half a million"); English is read as "half a(n) <scale>". */
export const HALF_SCALES: Record<Lang, Map<string, number>> = {
  ru: new Map([['полтысячи', 3], ['полмиллиона', 6], ['полмиллиарда', 9], ['полтриллиона', 12]]),
  en: new Map(),
};

/** The number stems a {@link COMPOUND_NUMBER} word starts with: genitive stems (and "тысяче-"), English cardinals. */
export const COMPOUND_STEMS: Record<Lang, readonly string[]> = {
  ru: [
    'двух', 'трех', 'четырех', 'пяти', 'шести', 'семи', 'восьми', 'девяти', 'десяти', 'одиннадцати', 'двенадцати',
    'пятнадцати', 'двадцати', 'тридцати', 'сорока', 'пятидесяти', 'шестидесяти', 'семидесяти', 'восьмидесяти',
    'девяноста', 'сто', 'двухсот', 'трехсот', 'пятисот', 'тысяче',
  ],
  en: ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'hundred'],
};

/**
 * Compound adjectives that start with a number: Russian genitive stem + a counted noun stem ("четырехлетний" =
 * "four-year", "трехкратный" = "threefold", "пятиэтажный" = "five-storey"), English "-fold". The stem's value
 * comes from {@link CARDINAL_WORDS} (or {@link BARE_SCALES} for "тысяче-").
 */
export const COMPOUND_NUMBER: Record<Lang, RegExp> = {
  ru: new RegExp(
    `^(${COMPOUND_STEMS.ru.join('|')})(?:летн|дневн|месячн|недельн|часов|минутн|секундн|кратн|этажн|комнатн|местн|процентн|сторонн|разов|километров|метров|тонн|серийн|томн|годичн|литров|граммов|килограммов|балльн|очков)\\p{L}*$`,
    'u',
  ),
  en: new RegExp(`^(${COMPOUND_STEMS.en.join('|')})fold$`, 'u'),
};

/** A unit after a number (or after its scale word). */
export interface UnitEntry {
  /** Regular-expression source. */
  pattern: string;
  /** `percent`, `pp`, ISO 4217 lower case for money, or a short unit code (`km`, `kg`, `deg`…). */
  unit: string;
  /** Match case-sensitively (short abbreviations: "м" metres vs "М." an initial). */
  caseSensitive?: boolean;
  /** May be joined by a hyphen, as in compound adjectives ("5-процентный", "5-percent"). */
  hyphen?: boolean;
  /** A symbol: no word boundary needed after it. */
  symbol?: boolean;
}

/**
 * Units after a number, first match wins: percentage points before percent, km/h and km² before km, m² before m,
 * mph before miles.
 */
export const UNITS: Record<Lang, UnitEntry[]> = {
  ru: [
    { pattern: 'п\\. ?п\\.|процентн[а-яё]* пункт[а-яё]*', unit: 'pp' },
    { pattern: '%', unit: 'percent', symbol: true },
    { pattern: 'процент[а-яё]*|проц\\.', unit: 'percent', hyphen: true },
    { pattern: 'канадск[а-яё]* доллар[а-яё]*', unit: 'cad' },
    { pattern: 'австралийск[а-яё]* доллар[а-яё]*', unit: 'aud' },
    { pattern: 'новозеландск[а-яё]* доллар[а-яё]*', unit: 'nzd' },
    { pattern: 'гонконгск[а-яё]* доллар[а-яё]*', unit: 'hkd' },
    { pattern: 'сингапурск[а-яё]* доллар[а-яё]*', unit: 'sgd' },
    { pattern: 'доллар[а-яё]*(?: США)?|долл\\.(?: США)?', unit: 'usd', hyphen: true },
    { pattern: '\\$', unit: 'usd', symbol: true },
    { pattern: 'евро', unit: 'eur' },
    { pattern: '€', unit: 'eur', symbol: true },
    { pattern: 'рубл[а-яё]*|руб\\.?|р\\.', unit: 'rub', hyphen: true },
    { pattern: '₽', unit: 'rub', symbol: true },
    { pattern: 'манат[а-яё]*', unit: 'azn' },
    { pattern: 'юан[а-яё]*', unit: 'cny' },
    { pattern: 'фунт[а-яё]* стерлинг[а-яё]*|фунт[а-яё]*', unit: 'gbp' },
    { pattern: '£', unit: 'gbp', symbol: true },
    { pattern: 'гривн[а-яё]*|гривен', unit: 'uah' },
    { pattern: 'тенге', unit: 'kzt' },
    { pattern: 'км/ч|километр[а-яё]* в час', unit: 'kmh' },
    { pattern: 'кв\\. ?(?:км|километр[а-яё]*)|квадратн[а-яё]* километр[а-яё]*|км²', unit: 'km2' },
    { pattern: 'км|километр[а-яё]*', unit: 'km', hyphen: true },
    { pattern: 'кв\\. ?(?:метр[а-яё]*|м\\.?)|квадратн[а-яё]* метр[а-яё]*|м²', unit: 'm2' },
    { pattern: 'м/с|метр[а-яё]* в секунду', unit: 'mps', caseSensitive: true },
    { pattern: 'м(?!/)|метр[а-яё]*', unit: 'm', caseSensitive: true },
    { pattern: 'кг|килограмм[а-яё]*', unit: 'kg', hyphen: true },
    { pattern: 'грамм[а-яё]*', unit: 'g', hyphen: true },
    { pattern: 'т(?!\\.\\p{L})|тонн[а-яё]*', unit: 't', caseSensitive: true },
    { pattern: '° ?[CСF]?', unit: 'deg', symbol: true },
    { pattern: 'градус[а-яё]*', unit: 'deg', hyphen: true },
    // Imperial units, which translations of English often convert: told apart, "100 миль" is no "160 км" mismatch.
    { pattern: '(?:миль|мил[яиюе]|милям|милями|милях|милей) в час', unit: 'mph' },
    { pattern: 'миль|мил[яиюе]|милям|милями|милях|милей', unit: 'mi' },
    { pattern: 'фут(?:а|ов|ам|ами|ах|у|ом|е|ы)?', unit: 'ft', hyphen: true },
    { pattern: 'дюйм(?:а|ов|ам|ами|ах|у|ом|е|ы)?', unit: 'in', hyphen: true },
    { pattern: 'акр(?:а|ов|ам|ами|ах|у|ом|е|ы)?', unit: 'acre' },
    { pattern: 'галлон(?:а|ов|ам|ами|ах|у|ом|е|ы)?', unit: 'gal' },
    // Computing: sizes, rates and clock speeds, which technical texts carry over as written ("32 Гбайта" = "32 GB").
    { pattern: 'Кбит/с|Кб/с|килобит[а-яё]* в секунду', unit: 'kbps', caseSensitive: true },
    { pattern: 'Мбит/с|Мб/с|мегабит[а-яё]* в секунду', unit: 'mbps', caseSensitive: true },
    { pattern: 'Гбит/с|Гб/с|гигабит[а-яё]* в секунду', unit: 'gbps', caseSensitive: true },
    { pattern: 'Тбит/с|Тб/с|терабит[а-яё]* в секунду', unit: 'tbps', caseSensitive: true },
    { pattern: 'Кбайт[а-яё]*|КБ|Кб|килобайт[а-яё]*', unit: 'kb', caseSensitive: true, hyphen: true },
    { pattern: 'Мбайт[а-яё]*|МБ|Мб|мегабайт[а-яё]*', unit: 'mb', caseSensitive: true, hyphen: true },
    { pattern: 'Гбайт[а-яё]*|ГБ|Гб|гигабайт[а-яё]*', unit: 'gb', caseSensitive: true, hyphen: true },
    { pattern: 'Тбайт[а-яё]*|ТБ|Тб|терабайт[а-яё]*', unit: 'tb', caseSensitive: true, hyphen: true },
    { pattern: 'МГц|мегагерц[а-яё]*', unit: 'mhz', caseSensitive: true },
    { pattern: 'ГГц|гигагерц[а-яё]*', unit: 'ghz', caseSensitive: true },
  ],
  en: [
    { pattern: 'percentage points?|p\\.p\\.|pp', unit: 'pp' },
    { pattern: '%', unit: 'percent', symbol: true },
    { pattern: 'percent|per cent|pct|pc', unit: 'percent', hyphen: true },
    { pattern: 'Canadian dollars?|CAD', unit: 'cad' },
    { pattern: 'Australian dollars?|AUD', unit: 'aud' },
    { pattern: 'New Zealand dollars?|NZD', unit: 'nzd' },
    { pattern: 'Hong Kong dollars?|HKD', unit: 'hkd' },
    { pattern: 'Singapore dollars?|SGD', unit: 'sgd' },
    { pattern: '(?:US|U\\.S\\.) dollars?|dollars?|USD', unit: 'usd', hyphen: true },
    { pattern: '\\$', unit: 'usd', symbol: true },
    { pattern: 'euros?|EUR', unit: 'eur' },
    { pattern: '€', unit: 'eur', symbol: true },
    { pattern: 'ro?ubles?|RUB', unit: 'rub' },
    { pattern: '₽', unit: 'rub', symbol: true },
    { pattern: 'manats?|AZN', unit: 'azn' },
    { pattern: 'yuan|renminbi|CNY', unit: 'cny' },
    { pattern: 'pounds? sterling|pounds?|GBP', unit: 'gbp' },
    { pattern: '£', unit: 'gbp', symbol: true },
    { pattern: 'hryvnias?|hryvnia|UAH', unit: 'uah' },
    { pattern: 'tenge|KZT', unit: 'kzt' },
    { pattern: 'km/h|kph|kilomet(?:er|re)s? (?:per|an) hour', unit: 'kmh' },
    { pattern: 'sq\\. ?(?:kilomet(?:er|re)s?|km)|square kilomet(?:er|re)s?|km²', unit: 'km2' },
    { pattern: 'km|kilomet(?:er|re)s?', unit: 'km', hyphen: true },
    { pattern: 'sq\\. ?(?:met(?:er|re)s?|m\\.?)|square met(?:er|re)s?|m²', unit: 'm2' },
    { pattern: 'm/s|met(?:er|re)s? (?:per|a) second', unit: 'mps', caseSensitive: true },
    { pattern: 'm(?!/)|met(?:er|re)s?', unit: 'm', caseSensitive: true },
    { pattern: 'kg|kilos?|kilogram(?:me)?s?', unit: 'kg', hyphen: true },
    { pattern: 'g(?!\\p{L})|gram(?:me)?s?', unit: 'g', caseSensitive: true },
    { pattern: 'tonnes?|tons?', unit: 't', hyphen: true },
    { pattern: '° ?[CF]?', unit: 'deg', symbol: true },
    { pattern: 'degrees?(?: Celsius| Fahrenheit)?', unit: 'deg', hyphen: true },
    { pattern: 'mph|miles? (?:per|an) hour', unit: 'mph' },
    { pattern: 'miles?', unit: 'mi', hyphen: true },
    { pattern: 'feet|foot|ft', unit: 'ft', hyphen: true },
    { pattern: 'inch(?:es)?', unit: 'in', hyphen: true },
    { pattern: 'acres?', unit: 'acre' },
    { pattern: 'gallons?', unit: 'gal' },
    { pattern: 'kbps|Kbps|kbit/s|Kbit/s|kilobits? per second', unit: 'kbps', caseSensitive: true },
    { pattern: 'Mbps|Mbit/s|Mb/s|megabits? per second', unit: 'mbps', caseSensitive: true },
    { pattern: 'Gbps|Gbit/s|Gb/s|gigabits? per second', unit: 'gbps', caseSensitive: true },
    { pattern: 'Tbps|Tbit/s|Tb/s|terabits? per second', unit: 'tbps', caseSensitive: true },
    { pattern: 'KB|kB|KiB|kilobytes?', unit: 'kb', caseSensitive: true, hyphen: true },
    { pattern: 'MB|MiB|megabytes?', unit: 'mb', caseSensitive: true, hyphen: true },
    { pattern: 'GB|GiB|gigabytes?', unit: 'gb', caseSensitive: true, hyphen: true },
    { pattern: 'TB|TiB|terabytes?', unit: 'tb', caseSensitive: true, hyphen: true },
    { pattern: 'MHz|megahertz', unit: 'mhz', caseSensitive: true },
    { pattern: 'GHz|gigahertz', unit: 'ghz', caseSensitive: true },
  ],
};

/** Currency written in front of the number ("$3.5 billion", "USD 5 million", "€5"). Same in both languages. */
export const CURRENCY_PREFIXES: Array<{ pattern: string; unit: string }> = [
  // The other dollars before the US one: "C$5 million" is Canadian.
  { pattern: '(?<!\\p{L})(?:C|CA|Can)\\$', unit: 'cad' },
  { pattern: '(?<!\\p{L})(?:A|AU)\\$', unit: 'aud' },
  { pattern: '(?<!\\p{L})NZ\\$', unit: 'nzd' },
  { pattern: '(?<!\\p{L})HK\\$', unit: 'hkd' },
  { pattern: '(?<!\\p{L})S\\$', unit: 'sgd' },
  { pattern: 'US\\$|\\$', unit: 'usd' },
  { pattern: '€', unit: 'eur' },
  { pattern: '£', unit: 'gbp' },
  { pattern: '₽', unit: 'rub' },
  { pattern: '(?<!\\p{L})(?:USD|EUR|RUB|GBP|CNY|AZN|UAH|KZT)', unit: '' }, // unit: the code itself, lower-cased
];

/**
 * Comparator phrases in front of a figure → qualifier (white space normalised to one space, lower case).
 * Longer phrases win because the matcher takes the leftmost start ("не менее" before "менее").
 */
export const QUALIFIERS: Record<Lang, Record<string, Qualifier>> = {
  ru: {
    'более чем': 'over', 'больше чем': 'over', 'более': 'over', 'больше': 'over', 'свыше': 'over', 'выше': 'over',
    'порядка': 'approx', 'около': 'approx', 'почти': 'approx', 'примерно': 'approx', 'приблизительно': 'approx',
    'ориентировочно': 'approx', 'едва ли не': 'approx',
    'менее чем': 'under', 'меньше чем': 'under', 'менее': 'under', 'меньше': 'under', 'ниже': 'under',
    'не менее': 'at-least', 'не меньше': 'at-least', 'по меньшей мере': 'at-least', 'как минимум': 'at-least',
    'минимум': 'at-least', 'по крайней мере': 'at-least',
    'не более': 'at-most', 'не больше': 'at-most', 'не свыше': 'at-most', 'как максимум': 'at-most',
    'максимум': 'at-most', 'до': 'at-most', 'вплоть до': 'at-most',
  },
  en: {
    'more than': 'over', 'over': 'over', 'above': 'over', 'in excess of': 'over', 'upwards of': 'over', 'well over': 'over',
    'about': 'approx', 'around': 'approx', 'approximately': 'approx', 'nearly': 'approx', 'almost': 'approx',
    'some': 'approx', 'roughly': 'approx', 'an estimated': 'approx', 'close to': 'approx', 'circa': 'approx',
    'less than': 'under', 'fewer than': 'under', 'under': 'under', 'below': 'under',
    'at least': 'at-least', 'no less than': 'at-least', 'not less than': 'at-least', 'no fewer than': 'at-least',
    'a minimum of': 'at-least',
    'at most': 'at-most', 'up to': 'at-most', 'no more than': 'at-most', 'not more than': 'at-most',
    'a maximum of': 'at-most', 'as many as': 'at-most',
  },
};

/** Small words allowed between a comparator and its figure ("более чем на 11%", "почти в 2 раза", "more than a hundred"). */
export const QUALIFIER_LINKS: Record<Lang, string> = { ru: 'на|в|с|до', en: 'by|of|a|an' };

/** Russian year words after a 4-digit number: год in every case, г., гг. */
export const RU_YEAR_WORD = '(?:год(?:а|у|ом|е|ы|ов|ам|ами|ах)?|гг?\\.?)';

/**
 * English prepositions that make a 4-digit number a year when nothing else does: a round one ("in 2000") or one
 * before 1900 ("in 1712"). "by" only for round years from 1900 ("by 2100"): "grew by 1500" is a quantity.
 * Russian needs no list: it marks years with год/г. ("в 2000 раз" is "2000 times").
 */
export const EN_YEAR_PREPOSITIONS = 'in|since|until|till|before|after|during|through';
/** Extra English prepositions for round years from 1900. */
export const EN_ROUND_YEAR_PREPOSITIONS = 'by';

/** Words for a minus in front of a number. */
export const MINUS_WORDS = 'минус|minus|negative';

/** Words joining two figures into a range or list whose last member carries the shared scale and unit. */
export const RANGE_LINKS: Record<Lang, string> = { ru: 'до|по|и|или', en: 'to|and|or|through' };
