import { describe, expect, it } from 'vitest';
import { canonicalNumber, extractFigures, formatDecimal, splitRun } from '../../src/anchors/numbers.js';
import type { Anchor, Lang } from '../../src/types.js';

/** The fields a table row checks; anything left out is not checked. */
type Expected = Partial<Pick<Anchor, 'kind' | 'key' | 'surface' | 'unit' | 'qualifier' | 'written'>>;
type Row = [text: string, expected: Expected[]];

const CONTEXT = { date: '2024-03-01' };

/** Run the extractor and keep only the checked fields of each anchor, for readable diffs. */
function check(lang: Lang, text: string, expected: Expected[]): void {
  const got = extractFigures(text, lang, CONTEXT);
  const picked = got.map((a, i) => {
    const want = expected[i] ?? {};
    return Object.fromEntries(Object.keys(want).map((k) => [k, a[k as keyof Anchor]]));
  });
  expect(picked, `${lang}: ${text}\n${JSON.stringify(got.map((a) => [a.key, a.surface]))}`).toEqual(expected);
}

const num = (key: string, surface?: string, extra: Expected = {}): Expected => ({
  kind: 'number',
  key: `num:${key}`,
  ...(surface === undefined ? {} : { surface }),
  ...extra,
});

const RU: Array<[rule: string, rows: Row[]]> = [
  ['separators', [
    ['4,3', [num('4.3', '4,3')]],
    ['1 000 000 человек', [num('1000000', '1 000 000')]],
    ['1\u00A0000 и 2\u2009500 и 3\u202F000', [num('1000', '1\u00A0000'), num('2500', '2\u2009500'), num('3000', '3\u202F000')]],
    ['1 000,5', [num('1000.5', '1 000,5')]],
    ['2.5 раза', [num('2.5', '2.5')]],
    ['1,234', [num('1.234')]],
    ['1,000,000 рублей', [num('1000000', '1,000,000 рублей', { unit: 'rub' })]],
    ['в 2019 2020 годах', [{ kind: 'year', key: 'year:2019', surface: '2019' }, { kind: 'year', key: 'year:2020' }]],
    ['Сегодня мы используем 2 048 или 4 096 бит', [{ key: 'date:03-01' }, num('2048', '2 048'), num('4096', '4 096')]],
    ['0,001 секунды', [num('0.001', '0,001')]],
  ]],
  ['scale words', [
    ['4,3 млрд долларов США', [num('4300000000', '4,3 млрд долларов США', { unit: 'usd' })]],
    ['10 тысяч человек', [num('10000', '10 тысяч')]],
    ['639 тысяч', [num('639000', '639 тысяч')]],
    ['15,5 миллиона', [num('15500000', '15,5 миллиона')]],
    ['4 тыс. афер', [num('4000', '4 тыс.')]],
    ['1,5 тыс. жителей', [num('1500', '1,5 тыс.')]],
    ['812,5 тысячи', [num('812500', '812,5 тысячи')]],
    ['8 МЛН', [num('8000000', '8 МЛН')]],
    ['$3 трлн.', [num('3000000000000', '$3 трлн.', { unit: 'usd' })]],
    ['40 квадриллионов лет', [num('40000000000000000', '40 квадриллионов')]],
  ]],
  ['percent and points', [
    ['11 процентов', [num('11', '11 процентов', { unit: 'percent' })]],
    ['12,5 %', [num('12.5', '12,5 %', { unit: 'percent' })]],
    ['5-процентный рост', [num('5', '5-процентный', { unit: 'percent' })]],
    ['0,25 процентного пункта', [num('0.25', '0,25 процентного пункта', { unit: 'pp' })]],
    ['на 2 п.п.', [num('2', '2 п.п.', { unit: 'pp' })]],
  ]],
  ['currency', [
    ['$680 млн', [num('680000000', '$680 млн', { unit: 'usd' })]],
    ['100 $', [num('100', '100 $', { unit: 'usd' })]],
    ['300 000 евро', [num('300000', '300 000 евро', { unit: 'eur' })]],
    ['500 руб.', [num('500', '500 руб.', { unit: 'rub' })]],
    ['50 манатов', [num('50', '50 манатов', { unit: 'azn' })]],
    ['10 юаней', [num('10', undefined, { unit: 'cny' })]],
    ['7 фунтов стерлингов', [num('7', '7 фунтов стерлингов', { unit: 'gbp' })]],
    ['20 гривен', [num('20', undefined, { unit: 'uah' })]],
    ['2 млн тенге', [num('2000000', '2 млн тенге', { unit: 'kzt' })]],
    ['38 и 40 долларов', [num('38', '38', { unit: 'usd' }), num('40', '40 долларов', { unit: 'usd' })]],
  ]],
  ['other units', [
    ['150 км/ч', [num('150', '150 км/ч', { unit: 'kmh' })]],
    ['663 километров', [num('663', undefined, { unit: 'km' })]],
    ['250 кг и 2 м', [num('250', '250 кг', { unit: 'kg' }), num('2', '2 м', { unit: 'm' })]],
    ['40 кв. м', [num('40', '40 кв. м', { unit: 'm2' })]],
    ['5 тонн', [num('5', undefined, { unit: 't' })]],
    ['+22°С', [num('22', '22°С', { unit: 'deg' })]],
    ['25 градусов', [num('25', '25 градусов', { unit: 'deg' })]],
    ['5-10 м/с', [num('5', '5', { unit: 'mps' }), num('10', '10 м/с', { unit: 'mps' })]],
    ['750 мм', [num('750', '750')]],
    ['100 миль', [num('100', '100 миль', { unit: 'mi' })]],
    ['32 Гбайта и 1 ТБ', [num('32', '32 Гбайта', { unit: 'gb' }), num('1', '1 ТБ', { unit: 'tb' })]],
    ['более 4.0 Тбит/с', [num('4', '4.0 Тбит/с', { unit: 'tbps', qualifier: 'over' })]],
    ['1,6 ГГц и 800 МГц', [num('1.6', '1,6 ГГц', { unit: 'ghz' }), num('800', '800 МГц', { unit: 'mhz' })]],
    // "фут" takes its own endings only: футбол is no unit.
    ['5 футболистов', [num('5', '5')]],
    ['5 милиционеров', [num('5', '5')]],
  ]],
  ['qualifiers', [
    ['более чем на 11 процентов', [num('11', '11 процентов', { qualifier: 'over' })]],
    ['свыше 639 тысяч', [num('639000', '639 тысяч', { qualifier: 'over' })]],
    ['около 800 убежищ', [num('800', '800', { qualifier: 'approx' })]],
    ['почти 3 тыс.', [num('3000', undefined, { qualifier: 'approx' })]],
    ['не менее 13 человек', [num('13', '13', { qualifier: 'at-least' })]],
    ['по меньшей мере 13', [num('13', undefined, { qualifier: 'at-least' })]],
    ['не более 5', [num('5', undefined, { qualifier: 'at-most' })]],
    ['менее 5%', [num('5', undefined, { qualifier: 'under' })]],
    ['до 25 градусов', [num('25', undefined, { qualifier: 'at-most' })]],
    ['от 150 до 250 литров', [num('150', '150', { qualifier: undefined }), num('250', '250', { qualifier: undefined })]],
  ]],
  ['years', [
    ['в 2023 году', [{ kind: 'year', key: 'year:2023', surface: '2023 году' }]],
    ['2023 г.', [{ kind: 'year', key: 'year:2023', surface: '2023 г.' }]],
    ['в 2023-м', [{ kind: 'year', key: 'year:2023', surface: '2023-м' }]],
    ['в 1712 году', [{ kind: 'year', key: 'year:1712' }]],
    ['в 2000 году', [{ kind: 'year', key: 'year:2000' }]],
    ['около 2000 человек', [num('2000', '2000', { qualifier: 'approx' })]],
    ['2000 человек', [num('2000')]],
    ['в 1990-х', [{ kind: 'year', key: 'year:1990', surface: '1990-х' }]],
    ['в 90-е годы', [{ kind: 'year', key: 'year:1990', surface: '90-е годы' }]],
    ['2019–2021 гг.', [{ kind: 'year', key: 'year:2019' }, { kind: 'year', key: 'year:2021', surface: '2021 гг.' }]],
    ['с 2015 по 2017 год', [{ key: 'year:2015' }, { key: 'year:2017' }]],
    ['в сезоне-2019/20', [{ key: 'year:2019', surface: '2019' }, { key: 'year:2020', surface: '20' }]],
    ['ЧМ-2018', [{ kind: 'year', key: 'year:2018', surface: '2018' }]],
    ['4411 умерших', [num('4411')]],
  ]],
  ['ordinals', [
    ['12-го', [{ kind: 'ordinal', key: 'ord:12', surface: '12-го' }]],
    ['29-й', [{ kind: 'ordinal', key: 'ord:29' }]],
    ['3-я', [{ kind: 'ordinal', key: 'ord:3' }]],
    ['1-м', [{ kind: 'ordinal', key: 'ord:1' }]],
    ['21-е', [{ kind: 'ordinal', key: 'ord:21' }]],
    ['под общим 42-м номером', [{ kind: 'ordinal', key: 'ord:42' }]],
    ['200-летие открытия', [{ kind: 'ordinal', key: 'ord:200', surface: '200-летие' }]],
    ['в XXI веке', [{ kind: 'ordinal', key: 'ord:21', surface: 'XXI' }]],
    ['в ХХ веке (кириллицей)', [{ kind: 'ordinal', key: 'ord:20' }]],
    ['XXI', []],
    ['пятый', [{ kind: 'ordinal', key: 'ord:5', written: 'words' }]],
    ['третьего', [{ kind: 'ordinal', key: 'ord:3', written: 'words' }]],
    ['Шестнадцатая конференция', [{ kind: 'ordinal', key: 'ord:16', surface: 'Шестнадцатая', written: 'words' }]],
    ['в двадцать первом веке', [{ kind: 'ordinal', key: 'ord:21', surface: 'двадцать первом', written: 'words' }]],
    ['сто двадцать пятая годовщина', [{ kind: 'ordinal', key: 'ord:125', surface: 'сто двадцать пятая' }]],
    ['сороковой день', [{ kind: 'ordinal', key: 'ord:40' }]],
    // Plural tens are decades, not ordinals; a unit after a unit is a fraction, not one ordinal.
    ['в девяностые годы', []],
    ['пять третьих', [num('5'), { kind: 'ordinal', key: 'ord:3' }]],
    ['24-летний футболист', [num('24', '24')]],
    ['5-ти', [num('5', '5-ти')]],
  ]],
  ['dates', [
    ['5 марта', [{ kind: 'date', key: 'date:03-05', surface: '5 марта' }]],
    ['5 марта 2024 года', [{ kind: 'date', key: 'date:03-05', surface: '5 марта' }, { kind: 'year', key: 'year:2024', surface: '2024 года' }]],
    ['5-го марта', [{ kind: 'date', key: 'date:03-05', surface: '5-го марта' }]],
    ['до пятнадцатого апреля', [{ kind: 'date', key: 'date:04-15', surface: 'пятнадцатого апреля', written: 'words' }]],
    ['Первое мая', [{ kind: 'date', key: 'date:05-01', surface: 'Первое мая' }]],
    ['тридцать первого декабря', [{ kind: 'date', key: 'date:12-31', surface: 'тридцать первого декабря' }]],
    ['сорокового декабря', [{ kind: 'ordinal', key: 'ord:40' }, { kind: 'date', key: 'date:12' }]],
    ['05.03.2024', [{ kind: 'date', key: 'date:03-05', surface: '05.03' }, { kind: 'year', key: 'year:2024', surface: '2024' }]],
    ['2024-03-05', [{ kind: 'year', key: 'year:2024' }, { kind: 'date', key: 'date:03-05', surface: '03-05' }]],
    ['25-26 июля', [{ key: 'date:07-25', surface: '25' }, { key: 'date:07-26', surface: '26 июля' }]],
    ['21 и 22 июля', [{ key: 'date:07-21' }, { key: 'date:07-22' }]],
    ['в марте', [{ kind: 'date', key: 'date:03', written: 'words' }]],
    // A timeline quoted in English inside Russian text keeps English month names before the day.
    ['Sep 28 01:33 Линус Торвальдс выпускает ядро', [{ kind: 'date', key: 'date:09-28', surface: 'Sep 28' }, { key: 'time:01:33' }]],
    ['вышел Debian 5 и May 5', [{ key: 'num:5' }, { key: 'date:05-05', surface: 'May 5' }]],
    ['в октябре 2017 года', [{ key: 'date:10' }, { key: 'year:2017' }]],
    ['сегодня и вчера', [{ key: 'date:03-01', written: 'words' }, { key: 'date:02-29', written: 'words' }]],
    ['завтра', [{ key: 'date:03-02' }]],
  ]],
  ['spelled-out numbers', [
    ['двух стран', [num('2', 'двух', { written: 'words' })]],
    ['две', [num('2')]],
    ['трёх', [num('3')]],
    ['двадцать пять', [num('25', 'двадцать пять')]],
    ['сто двадцать', [num('120')]],
    ['два миллиона', [num('2000000', 'два миллиона')]],
    ['около четырех тысяч военнослужащих', [num('4000', 'четырех тысяч', { qualifier: 'approx' })]],
    ['полтора миллиона', [num('1500000')]],
    ['более двух с половиной миллионов тенге', [num('2500000', 'двух с половиной миллионов тенге', { unit: 'kzt', qualifier: 'over' })]],
    ['восемь килограммов', [num('8', 'восемь килограммов', { unit: 'kg' })]],
    ['до тысячи МРП', [num('1000', 'тысячи', { qualifier: 'at-most' })]],
    ['15 убийств на миллион', [num('15'), num('1000000', 'миллион')]],
    ['тысячи людей', []],
    ['дважды', [num('2')]],
    ['вдвое больше', [num('2', 'вдвое')]],
    ['за последние сутки', [num('24', 'сутки', { written: 'words' })]],
    ['двое суток', [num('2', 'двое')]],
    ['Четверо погибли', [num('4', 'Четверо')]],
    ['четырехлетний ребенок', [num('4', 'четырехлетний')]],
    ['трёхкратный рост', [num('3')]],
    ['более сотни россиян', [num('100', 'сотни', { qualifier: 'over' })]],
    // The same forms as plurals mean many ("thousands of people"), as English has no figure there either.
    ['Тысячи людей вышли на улицы', []],
    ['собрала сотни участников', []],
    ['из тысячи опрошенных', [num('1000', 'тысячи')]],
    ['почти полтриллиона долларов', [num('500000000000', 'полтриллиона долларов', { unit: 'usd', qualifier: 'approx' })]],
    ['с семью', []],
  ]],
  ['identifiers and times', [
    ['COVID-19', [num('19', 'COVID-19', { unit: 'code' })]],
    ['Су-57 и МС-21', [num('57', 'Су-57', { unit: 'code' }), num('21', 'МС-21', { unit: 'code' })]],
    ['ВАЗ-21083', [num('21083', 'ВАЗ-21083', { unit: 'code' })]],
    ['сети 5G', [num('5', '5G', { unit: 'code' })]],
    ['+7 495 123-45-67', [num('74951234567', '+7 495 123-45-67', { unit: 'code' })]],
    ['8 (800) 555-35-35', [num('88005553535', '8 (800) 555-35-35', { unit: 'code' })]],
    ['тел. 123-45-67', [num('1234567', '123-45-67', { unit: 'code' })]],
    ['рост на +1 000 000 000', [num('1000000000', '1 000 000 000')]],
    ['в 18:30', [{ kind: 'number', key: 'time:18:30', surface: '18:30', unit: 'code' }]],
    ['в 17 часов 47 минут', [{ key: 'time:17:47', surface: '17 часов 47 минут', unit: 'code' }]],
    ['в 3.45 по Гринвичу', [{ key: 'time:03:45', surface: '3.45' }]],
    ['с 9.00 до 18.00', [{ key: 'time:09:00' }, { key: 'time:18:00' }]],
    ['в 9 вечера', [{ key: 'time:21:00', surface: '9 вечера' }]],
    ['в 2 часа ночи', [{ key: 'time:02:00', surface: '2 часа ночи' }]],
    ['в 11 ночи', [{ key: 'time:23:00' }]],
    ['в 12 ночи', [{ key: 'time:00:00' }]],
    ['приблизительно в 17 часов', [{ key: 'time:17:00', surface: '17 часов' }]],
    ['в 2 часа', [{ key: 'time:02:00' }]],
    // Durations, not times: no "в" right before the hour, or more hours than a day has.
    ['до 24 часов', [{ key: 'num:24' }]],
    ['Сергеев 17 часов ждал', [{ key: 'num:17' }]],
    ['в 24 часа', [{ key: 'num:24' }]],
    // A ratio, days and nights are not times.
    ['в 2.50 раза', [num('2.5', '2.50')]],
    ['всего за 4 дня', [num('4')]],
    ['провели 3 ночи в отеле', [num('3')]],
    ['со счетом 1:0', [num('1'), num('0')]],
  ]],
  ['ranges and signs', [
    ['5-7', [num('5', '5'), num('7', '7')]],
    ['25–30 миллиардов', [num('25000000000', '25'), num('30000000000', '30 миллиардов')]],
    ['4,5-5,5%', [num('4.5', '4,5', { unit: 'percent' }), num('5.5', '5,5%', { unit: 'percent' })]],
    ['от 150 000 до 2 млн', [num('150000'), num('2000000')]],
    ['5 млрд-10 млрд', [num('5000000000', '5 млрд'), num('10000000000', '10 млрд')]],
    // Centuries: the near end of a range takes the century word of the far one.
    ['в XVII-XIX веках', [{ key: 'ord:17' }, { key: 'ord:19' }]],
    ['XVIII и XIX вв.', [{ key: 'ord:18' }, { key: 'ord:19' }]],
    ['Людовик XIV', []],
    // A unit written after the near end closes it: no scale is shared across "to".
    ['выросли на 15,7 процента до 4,2 трлн рублей', [num('15.7', '15,7 процента', { unit: 'percent' }), num('4200000000000', '4,2 трлн рублей', { unit: 'rub' })]],
    ['от 3 долларов до 5 млн долларов', [num('3', '3 долларов', { unit: 'usd' }), num('5000000', '5 млн долларов', { unit: 'usd' })]],
    ['от 3 до 5 млн долларов', [num('3000000', '3', { unit: 'usd' }), num('5000000', '5 млн долларов', { unit: 'usd' })]],
    ['-5 градусов', [num('-5', '-5 градусов', { unit: 'deg' })]],
    ['минус 120', [num('-120', 'минус 120')]],
    ['до -15С ночью', [num('-15', '-15С', { unit: 'deg' })]],
    ['шифр 150С', [num('150', '150С', { unit: 'code' })]],
    ['в 2021 - 2022 годах', [{ key: 'year:2021' }, { key: 'year:2022' }]],
    ['примерно 1/2 площади', [num('0.5', '1/2', { qualifier: 'approx' })]],
  ]],
];

const EN: Array<[rule: string, rows: Row[]]> = [
  ['separators', [
    ['1,000', [num('1000', '1,000')]],
    ['4,300,000', [num('4300000', '4,300,000')]],
    ['1,5', [num('1'), num('5')]],
    ['1,234', [num('1234')]],
    ['1,000.5', [num('1000.5')]],
    ['12.5', [num('12.5')]],
    ['On July 26, 106 Russians', [{ key: 'date:07-26' }, num('106', '106')]],
    ['2048 or 4096 bits', [num('2048'), num('4096')]],
    ['300 000 euros', [num('300000', '300 000 euros', { unit: 'eur' })]],
    ['in 2019 100 people', [{ key: 'year:2019' }, num('100')]],
  ]],
  ['scale words', [
    ['4.3 billion US dollars', [num('4300000000', '4.3 billion US dollars', { unit: 'usd' })]],
    ['15.5 million', [num('15500000', '15.5 million')]],
    ['4 thousand', [num('4000', '4 thousand')]],
    ['$3.5m', [num('3500000', '$3.5m', { unit: 'usd' })]],
    ['$5bn', [num('5000000000', '$5bn', { unit: 'usd' })]],
    ['5 bn', [num('5000000000')]],
    ['$1 tln', [num('1000000000000', '$1 tln', { unit: 'usd' })]],
    ['10k', [num('10000', '10k')]],
    ['$10K', [num('10000', '$10K', { unit: 'usd' })]],
    ['$5M', [num('5000000', '$5M', { unit: 'usd' })]],
    ['C$5 million', [num('5000000', 'C$5 million', { unit: 'cad' })]],
    ['HK$3.2bn', [num('3200000000', 'HK$3.2bn', { unit: 'hkd' })]],
    ['5 million Canadian dollars', [num('5000000', '5 million Canadian dollars', { unit: 'cad' })]],
    ['£5 m', [num('5000000', '£5 m', { unit: 'gbp' })]],
    // A glued "m" is a million before a plural noun, else metres.
    ['around 2m people', [num('2000000', '2m', { qualifier: 'approx' })]],
    ['3.5m barrels a day', [num('3500000', '3.5m')]],
    ['a 2m high wall', [num('2', '2m', { unit: 'm' })]],
    ['the 110m hurdles', [num('110', '110m', { unit: 'm' })]],
    ['the 100m final', [num('100', '100m', { unit: 'm' })]],
    ['10 k', [num('10', '10')]],
  ]],
  ['percent and points', [
    ['11 percent', [num('11', '11 percent', { unit: 'percent' })]],
    ['11 per cent', [num('11', '11 per cent', { unit: 'percent' })]],
    ['shares jumped 15pc', [num('15', '15pc', { unit: 'percent' })]],
    ['bought 15 PCs', [num('15', '15')]],
    ['12.5%', [num('12.5', '12.5%', { unit: 'percent' })]],
    ['0.25 percentage points', [num('0.25', '0.25 percentage points', { unit: 'pp' })]],
  ]],
  ['currency', [
    ['$3.5 billion', [num('3500000000', '$3.5 billion', { unit: 'usd' })]],
    ['$680 million', [num('680000000', '$680 million', { unit: 'usd' })]],
    ['US$5', [num('5', 'US$5', { unit: 'usd' })]],
    ['USD 5 million', [num('5000000', 'USD 5 million', { unit: 'usd' })]],
    ['€5', [num('5', '€5', { unit: 'eur' })]],
    ['300,000 euros', [num('300000', undefined, { unit: 'eur' })]],
    ['100 roubles and 5 rubles', [num('100', undefined, { unit: 'rub' }), num('5', undefined, { unit: 'rub' })]],
    ['50 manats', [num('50', undefined, { unit: 'azn' })]],
    ['£7', [num('7', '£7', { unit: 'gbp' })]],
    ['2 1/2 million tenge', [num('2500000', '2 1/2 million tenge', { unit: 'kzt' })]],
    ['$150,000-200,000', [num('150000', '$150,000', { unit: 'usd' }), num('200000', '200,000', { unit: 'usd' })]],
    ['$5-7 million', [num('5000000', '$5', { unit: 'usd' }), num('7000000', '7 million', { unit: 'usd' })]],
    ['$27 and $35 dollars', [num('27', '$27', { unit: 'usd' }), num('35', '$35 dollars', { unit: 'usd' })]],
  ]],
  ['other units', [
    ['150 km/h', [num('150', '150 km/h', { unit: 'kmh' })]],
    ['663 kilometers', [num('663', undefined, { unit: 'km' })]],
    ['8 kg and 8 kilograms', [num('8', '8 kg', { unit: 'kg' }), num('8', '8 kilograms', { unit: 'kg' })]],
    ['2 m long', [num('2', '2 m', { unit: 'm' })]],
    ['30 metres a second', [num('30', '30 metres a second', { unit: 'mps' })]],
    // Imperial units: their own codes, so that a figure converted to metric is no mismatch.
    ['100 miles', [num('100', '100 miles', { unit: 'mi' })]],
    ['32 GB and 1 TB', [num('32', '32 GB', { unit: 'gb' }), num('1', '1 TB', { unit: 'tb' })]],
    ['more than 4.0 Tbps', [num('4', '4.0 Tbps', { unit: 'tbps', qualifier: 'over' })]],
    ['1.6GHz and 800 MHz', [num('1.6', '1.6GHz', { unit: 'ghz' }), num('800', '800 MHz', { unit: 'mhz' })]],
    ['winds of 90mph', [num('90', '90mph', { unit: 'mph' })]],
    ['a 15-foot wave', [num('15', '15-foot', { unit: 'ft' })]],
    ['5,000 acres', [num('5000', '5,000 acres', { unit: 'acre' })]],
    ['40 sq. m', [num('40', undefined, { unit: 'm2' })]],
    ['+22°C', [num('22', '22°C', { unit: 'deg' })]],
    ['25 degrees', [num('25', undefined, { unit: 'deg' })]],
  ]],
  ['qualifiers', [
    ['more than 11 percent', [num('11', '11 percent', { qualifier: 'over' })]],
    ['over 639,000 people', [num('639000', '639,000', { qualifier: 'over' })]],
    ['approximately 800', [num('800', undefined, { qualifier: 'approx' })]],
    ['some 4000 members', [num('4000', undefined, { qualifier: 'approx' })]],
    ['at least 13', [num('13', undefined, { qualifier: 'at-least' })]],
    ['no less than 2 million euros', [num('2000000', '2 million euros', { qualifier: 'at-least' })]],
    ['less than 5', [num('5', undefined, { qualifier: 'under' })]],
    ['at most 5', [num('5', undefined, { qualifier: 'at-most' })]],
    ['up to 5 millimeters', [num('5', undefined, { qualifier: 'at-most' })]],
    ['more than $5 million', [num('5000000', '$5 million', { qualifier: 'over' })]],
  ]],
  ['years', [
    ['in 2023', [{ kind: 'year', key: 'year:2023', surface: '2023' }]],
    ["2023's budget", [{ kind: 'year', key: 'year:2023', surface: "2023's" }]],
    ['the 1990s', [{ kind: 'year', key: 'year:1990', surface: '1990s' }]],
    ["the '90s", [{ kind: 'year', key: 'year:1990', surface: '90s' }]],
    ['in their 30s', [num('30')]],
    ['in 1712', [{ kind: 'year', key: 'year:1712' }]],
    ['in 2000', [{ kind: 'year', key: 'year:2000' }]],
    ['by 2100', [{ kind: 'year', key: 'year:2100' }]],
    ['2000 people', [num('2000')]],
    ['1500 people', [num('1500')]],
    ['2019-2020', [{ key: 'year:2019' }, { key: 'year:2020' }]],
    ['the 2017–18 season', [{ key: 'year:2017', surface: '2017' }, { key: 'year:2018', surface: '18' }]],
    ['from 2012 to 2014', [{ key: 'year:2012' }, { key: 'year:2014' }]],
    ['mid-1990s', [{ key: 'year:1990' }]],
    ['in 1941-45', [{ key: 'year:1941' }, { key: 'year:1945', surface: '45' }]],
    ['1999/00', [{ key: 'year:1999' }, { key: 'year:2000' }]],
  ]],
  ['ordinals', [
    ['12th', [{ kind: 'ordinal', key: 'ord:12', surface: '12th' }]],
    ['1st, 2nd, 3rd, 29th', [{ key: 'ord:1' }, { key: 'ord:2' }, { key: 'ord:3' }, { key: 'ord:29' }]],
    ['the 42nd-overall pick', [{ key: 'ord:42', surface: '42nd' }]],
    ['the 200-year anniversary', [{ kind: 'ordinal', key: 'ord:200', surface: '200-year anniversary' }]],
    ['first and tenth', [{ key: 'ord:1', written: 'words' }, { key: 'ord:10', written: 'words' }]],
    ['the eleventh update', [{ key: 'ord:11', surface: 'eleventh' }]],
    ['the twenty-first century', [{ key: 'ord:21', surface: 'twenty-first', written: 'words' }]],
    ['one hundred and first', [{ key: 'ord:101', surface: 'one hundred and first' }]],
    ['the ninetieth birthday', [{ key: 'ord:90' }]],
    ['0.001 seconds', [num('0.001')]],
    ['34-year-old', [num('34', '34')]],
  ]],
  ['dates', [
    ['March 5', [{ kind: 'date', key: 'date:03-05', surface: 'March 5' }]],
    ['March 5, 2024', [{ key: 'date:03-05', surface: 'March 5' }, { kind: 'year', key: 'year:2024', surface: '2024' }]],
    ['5 March 2024', [{ key: 'date:03-05', surface: '5 March' }, { key: 'year:2024' }]],
    ['Mar. 5', [{ key: 'date:03-05', surface: 'Mar. 5' }]],
    ['February 3rd - 5th', [{ key: 'date:02-03', surface: 'February 3rd' }, { key: 'date:02-05', surface: '5th' }]],
    ['29 SEPTEMBER 2016', [{ key: 'date:09-29', surface: '29 SEPTEMBER' }, { key: 'year:2016' }]],
    ['SEPTEMBER 29', [{ key: 'date:09-29', surface: 'SEPTEMBER 29' }]],
    ['from the 1st to the 5th of March', [{ key: 'date:03-01', surface: '1st' }, { key: 'date:03-05' }]],
    ['between the 21st and the 24th of June', [{ key: 'date:06-21' }, { key: 'date:06-24' }]],
    ['March 5th and 2nd place', [{ key: 'date:03-05' }, { key: 'ord:2' }]],
    ['the 3rd and the 5th were', [{ key: 'ord:3' }, { key: 'ord:5' }]],
    ['August 4th', [{ key: 'date:08-04', surface: 'August 4th' }]],
    ['on the thirty-first of December', [{ kind: 'date', key: 'date:12-31', surface: 'thirty-first of December', written: 'words' }]],
    ['the 5th of March', [{ key: 'date:03-05', surface: '5th of March' }]],
    ['2024-03-05', [{ key: 'year:2024' }, { key: 'date:03-05' }]],
    ['July 25-26', [{ key: 'date:07-25', surface: 'July 25' }, { key: 'date:07-26', surface: '26' }]],
    ['in March', [{ kind: 'date', key: 'date:03', written: 'words' }]],
    ['in May 2019', [{ key: 'date:05' }, { key: 'year:2019' }]],
    ['you may go', []],
    ['December 2000', [{ key: 'date:12' }, { key: 'year:2000' }]],
    ['today, yesterday, tomorrow', [{ key: 'date:03-01' }, { key: 'date:02-29' }, { key: 'date:03-02' }]],
  ]],
  ['spelled-out numbers', [
    ['two countries', [num('2', 'two', { written: 'words' })]],
    ['twenty-five', [num('25', 'twenty-five')]],
    ['one hundred and twenty', [num('120', 'one hundred and twenty')]],
    ['two million', [num('2000000', 'two million')]],
    ['three and a half', [num('3.5', 'three and a half')]],
    ['a million', [num('1000000', 'million')]],
    ['thousands of people', []],
    ['more than a hundred Russians', [num('100', 'hundred', { qualifier: 'over' })]],
    ['half a million dollars', [num('500000', 'half a million dollars', { unit: 'usd' })]],
    ['a threefold rise', [num('3', 'threefold')]],
    ['Four-year-old child', [num('4', 'Four')]],
    ['twice', [num('2')]],
    ['eight kilograms', [num('8', undefined, { unit: 'kg' })]],
  ]],
  ['identifiers and times', [
    ['COVID-19', [num('19', 'COVID-19', { unit: 'code' })]],
    ['G20, A320 and F-16', [num('20', 'G20', { unit: 'code' }), num('320', 'A320', { unit: 'code' }), num('16', 'F-16', { unit: 'code' })]],
    ['At 5:47 PM', [{ key: 'time:17:47', surface: '5:47 PM', unit: 'code' }]],
    ['at 13:50', [{ key: 'time:13:50' }]],
    ['at 11:28 AM', [{ key: 'time:11:28' }]],
    ['at 10 a.m.', [{ key: 'time:10:00', surface: '10 a.m.' }]],
    ['at 3.30pm', [{ key: 'time:15:30', surface: '3.30pm' }]],
    ['up 3.30 percent', [num('3.3', '3.30 percent', { unit: 'percent' })]],
    ['almost double what we achieved', [num('2', 'double')]],
    ['double standards', []],
    ['3D', [num('3', '3D', { unit: 'code' })]],
  ]],
  ['ranges and signs', [
    ['5-7', [num('5'), num('7')]],
    ['25 to 30 billion', [num('25000000000', '25'), num('30000000000', '30 billion')]],
    // A hyphen after the near end's unit or scale joins a range, not an identifier (as in "F-16").
    ['from 5bn-10bn', [num('5000000000', '5bn'), num('10000000000', '10bn')]],
    ['20km-30km', [num('20', '20km', { unit: 'km' }), num('30', '30km', { unit: 'km' })]],
    ['17th-19th century', [{ key: 'ord:17' }, { key: 'ord:19' }]],
    ['17th-19th September', [{ key: 'date:09-17' }, { key: 'date:09-19' }]],
    ['rose 15.7 percent to 4.2 trillion rubles', [num('15.7', '15.7 percent', { unit: 'percent' }), num('4200000000000', '4.2 trillion rubles', { unit: 'rub' })]],
    ['from $3 to 5 million', [num('3000000', '$3', { unit: 'usd' }), num('5000000', '5 million', { unit: 'usd' })]],
    ['3.5-4.5%', [num('3.5', '3.5', { unit: 'percent' }), num('4.5', '4.5%', { unit: 'percent' })]],
    ['60 or 65 percent', [num('60', undefined, { unit: 'percent' }), num('65', undefined, { unit: 'percent' })]],
    ['negative 120', [num('-120', 'negative 120')]],
    ['minus 5 degrees', [num('-5', 'minus 5 degrees', { unit: 'deg' })]],
    // Glued C/F is a temperature only with a sign: unsigned, hex and identifiers write the same.
    ['fell to minus 15C overnight', [num('-15', 'minus 15C', { unit: 'deg' })]],
    ['lows of -3F', [num('-3', '-3F', { unit: 'deg' })]],
    ['seat 15C', [num('15', '15C', { unit: 'code' })]],
    ['the -15Cs', [num('15', '15Cs', { unit: 'code' })]],
    ['−5 degrees', [num('-5', '−5 degrees')]],
  ]],
];

/** Pairs that must give the same keys, Russian first. */
const EQUIVALENT: Array<[ru: string, en: string]> = [
  ['4,3 млрд долларов США', '4.3 billion US dollars'],
  ['более чем на 11 процентов', 'more than 11 percent'],
  ['5 марта', 'March 5'],
  ['пятнадцатого февраля', 'February 15'],
  ['2 млн человек', '2m people'],
  ['5 млн канадских долларов', 'C$5 million'],
  ['2 млрд австралийских долларов', 'A$2bn'],
  ['двадцать первый век', '21st century'],
  ['шестнадцатая конференция', 'the 16th conference'],
  ['минус 15 градусов', 'minus 15C'],
  ['5 марта 2024 года', 'March 5, 2024'],
  ['5-го марта', '5th of March'],
  ['12-го', '12th'],
  ['в 2023 году', 'in 2023'],
  ['10 тысяч', '10,000'],
  ['639 тысяч', '639,000'],
  ['15,5 миллиона', '15.5 million'],
  ['двух стран', 'two countries'],
  ['1 000 000', '1,000,000'],
  ['12,5%', '12.5%'],
  ['$680 млн', '$680 million'],
  ['0,25 процентного пункта', '0.25 percentage points'],
  ['812,5 тысячи', '812,500'],
  ['1,5 тыс. человек', '1500 people'],
  ['13,3 тысячи', '13,300'],
  ['около четырех тысяч', 'some 4000'],
  ['два миллиона', 'two million'],
  ['более двух с половиной миллионов тенге', 'over 2 1/2 million tenge'],
  ['25–30 миллиардов', '25 to 30 billion'],
  ['4,5-5,5%', '4.5-5.5%'],
  ['в 2021 - 2022 годах', 'in 2021-2022'],
  ['(2017/18)', '(2017–18)'],
  ['в 1990-х', 'in the 1990s'],
  ['в 90-е', "in the '90s"],
  ['в 90-е годы', 'in the 1990s'],
  ['½ суммы', 'half of it: ½'],
  ['доля 0,5', '½ share'],
  ['10^6 рублей', '1 million rubles'],
  ['1 млн рублей', '10⁶ rubles'],
  ['1e6 рублей', 'a million rubles'],
  ['2/3 жителей', 'two-thirds of residents'],
  ['две трети жителей', '2/3 of residents'],
  ['треть бюджета', 'one third of the budget'],
  ['три четверти', 'three quarters'],
  ['в 1-м квартале', 'in Q1'],
  ['во втором полугодии', 'in H2'],
  ['200-летие', '200th anniversary'],
  ['в XXI веке', 'in the 21st century'],
  ['в 17 часов 47 минут', 'at 5:47 PM'],
  ['в 15.30', 'at 3.30pm'],
  ['в 10 утра', 'at 10am'],
  ['вдвое больше', 'twice as many'],
  ['вдвое больше БАК', 'double the size of the LHC'],
  ['COVID-19', 'COVID-19'],
  ['Су-57', 'Su-57'],
  ['150 км/ч', '150 km/h'],
  ['20-25 м/с', '20-25 meters per second'],
  ['90 миль в час', '90 mph'],
  ['10 футов', '10 feet'],
  ['32 Гбайта', '32 GB'],
  ['более 4.0 Тбит/с', 'more than 4.0 Tbps'],
  ['1,6 ГГц', '1.6GHz'],
  ['в 17 часов', 'at 5pm'],
  ['3-5 февраля', 'February 3rd - 5th'],
  ['с 1 по 5 марта', 'from the 1st to the 5th of March'],
  ['30 метров в секунду', '30 m/s'],
  ['8 кг', '8 kilograms'],
  ['+15°С...+17°С', '+15°C...+17°C'],
  ['25-26 июля', 'July 25-26'],
  ['27 июля 2020 г.', 'July 27, 2020'],
  ['в октябре 2017 года', 'in October 2017'],
  ['минус 120', 'negative 120'],
  ['$3 трлн', '$3 tln'],
  ['за сутки', 'in the past 24 hours'],
  ['Четверо погибли', 'Four killed'],
  ['четырехлетний ребенок', 'four-year-old child'],
  ['полмиллиона', 'half a million'],
  ['2 048 или 4 096 бит', '2048 or 4096 bits'],
];

const keys = (text: string, lang: Lang): string[] => extractFigures(text, lang, CONTEXT).map((a) => a.key);

describe('extractFigures: Russian', () => {
  for (const [rule, rows] of RU) {
    it.each(rows)(`${rule}: %s`, (text, expected) => check('ru', text, expected));
  }
});

describe('extractFigures: English', () => {
  for (const [rule, rows] of EN) {
    it.each(rows)(`${rule}: %s`, (text, expected) => check('en', text, expected));
  }
});

describe('extractFigures: Russian and English agree', () => {
  it.each(EQUIVALENT)('%s = %s', (ru, en) => {
    const ruKeys = keys(ru, 'ru');
    expect(ruKeys.length).toBeGreaterThan(0);
    expect(ruKeys).toEqual(keys(en, 'en'));
  });
});

describe('extractFigures: anchor fields', () => {
  const all = [...RU.flatMap(([, rows]) => rows.map(([t]) => [t, 'ru'] as const)), ...EN.flatMap(([, rows]) => rows.map(([t]) => [t, 'en'] as const))];

  it('every surface is text.slice(start, end), anchors in text order', () => {
    for (const [text, lang] of all) {
      const anchors = extractFigures(text, lang, CONTEXT);
      for (const a of anchors) expect(text.slice(a.start, a.end)).toBe(a.surface);
      for (let i = 1; i < anchors.length; i++) expect(anchors[i].start).toBeGreaterThanOrEqual(anchors[i - 1].start);
    }
  });

  it('weights: digits 1, small bare integers and codes 0.5, words 0.3', () => {
    const w = (text: string, lang: Lang): number[] => extractFigures(text, lang, CONTEXT).map((a) => a.weight);
    expect(w('639 тысяч', 'ru')).toEqual([1]);
    expect(w('5 кораблей', 'ru')).toEqual([0.5]);
    expect(w('5%', 'ru')).toEqual([1]);
    expect(w('COVID-19', 'en')).toEqual([0.5]);
    expect(w('two', 'en')).toEqual([0.3]);
    expect(w('today', 'en')).toEqual([0.5]);
    expect(w('in 2023', 'en')).toEqual([1]);
  });

  it('values and written forms', () => {
    const [a] = extractFigures('4,3 млрд', 'ru');
    expect(a).toMatchObject({ value: 4300000000, written: 'digits' });
    const [b] = extractFigures('two million', 'en');
    expect(b).toMatchObject({ value: 2000000, written: 'words' });
    expect(extractFigures('in 2023', 'en')[0].value).toBe(2023);
  });

  it('relative dates need a document date', () => {
    expect(extractFigures('сегодня', 'ru')).toEqual([]);
    expect(extractFigures('today', 'en', { date: 'not a date' })).toEqual([]);
    expect(extractFigures('вчера', 'ru', { date: '2024-01-01' })[0].key).toBe('date:12-31');
  });

  it('the day of a date is not also a plain number', () => {
    expect(keys('5 марта 2024 года', 'ru')).toEqual(['date:03-05', 'year:2024']);
    expect(keys('March 5, 2024', 'en')).toEqual(['date:03-05', 'year:2024']);
  });

  it('reads text folded for matching (ASCII dashes, plain spaces, е for ё)', () => {
    expect(keys('2019-2021 гг.', 'ru')).toEqual(['year:2019', 'year:2021']);
    expect(keys('трех', 'ru')).toEqual(['num:3']);
    expect(keys('12,5 %', 'ru')).toEqual(['num:12.5']);
  });

  it('empty and figure-free text', () => {
    expect(extractFigures('', 'ru')).toEqual([]);
    expect(extractFigures('Нет чисел.', 'ru')).toEqual([]);
  });
});

describe('canonical decimals', () => {
  it.each([
    [4.3e9, '4300000000'],
    [0.95, '0.95'],
    [12.5, '12.5'],
    [4.3 * 1e9, '4300000000'],
    [0.1 + 0.2, '0.3'],
    [-5, '-5'],
    [1e21, '1000000000000000000000'],
    [1.5e-7, '0.00000015'],
  ])('canonicalNumber(%s) = %s', (n, s) => expect(canonicalNumber(n)).toBe(s));

  it('strings', () => {
    expect(canonicalNumber('004.300')).toBe('4.3');
    expect(canonicalNumber('-0.50')).toBe('-0.5');
    expect(formatDecimal({ m: 43n, e: 8 })).toBe('4300000000');
    expect(formatDecimal({ m: 5n, e: -3 })).toBe('0.005');
  });

  it('splitRun follows the language', () => {
    const parts = (run: string, lang: Lang): string[] => splitRun(run, 0, lang).map((t) => `${t.int}.${t.frac}`);
    expect(parts('1,234', 'ru')).toEqual(['1.234']);
    expect(parts('1,234', 'en')).toEqual(['1234.']);
    expect(parts('2019 100', 'ru')).toEqual(['2019.', '100.']);
    expect(parts('25 100', 'ru')).toEqual(['25100.']);
  });
});

describe('extractFigures: linear time', () => {
  /** A deterministic pseudo-random string over `alphabet`. */
  const noise = (length: number, alphabet: string): string => {
    let seed = 42;
    let out = '';
    for (let i = 0; i < length; i++) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      out += alphabet[(seed >>> 16) % alphabet.length];
    }
    return out;
  };

  it.each([
    ['digits, commas, spaces', noise(200_000, '0123456789,  ')],
    ['three-digit groups', '1' + ' 000'.repeat(50_000) + '1'],
    ['comma groups', '1' + ',000'.repeat(50_000) + '1'],
    ['hyphen chains', '1-'.repeat(100_000)],
    ['identifiers', 'A1'.repeat(100_000)],
    ['words and numbers', 'более 5 млн долларов, двух с половиной тысяч, 5 марта 2024 года; '.repeat(3_000)],
  ])('%s: 200k characters in well under a second', (_name, text) => {
    for (const lang of ['ru', 'en'] as const) {
      extractFigures(text.slice(0, 20_000), lang); // warm the JIT: the budget is for the scan, not for compiling
      const t0 = performance.now();
      extractFigures(text, lang);
      expect(performance.now() - t0).toBeLessThan(1000);
    }
  });
});

describe('fraction words: the first-letter check before the expression', () => {
  it('finds fractions in either case and lets other words through', () => {
    const values = (text: string, lang: 'ru' | 'en') => extractFigures(text, lang).map((a) => a.value);
    expect(values('Two thirds of the budget, a quarter of the staff, One-third of voters.', 'en')).toEqual([values('two thirds', 'en')[0], values('a quarter', 'en')[0], values('one third', 'en')[0]]);
    expect(values('Две трети бюджета, ЧЕТВЕРТЬ сотрудников и Треть избирателей.', 'ru')).toEqual([values('две трети', 'ru')[0], values('четверть', 'ru')[0], values('треть', 'ru')[0]]);
    // The guard reads the denominator's first two letters in any case ("tH", "QU", "ТР", "чЕ").
    expect(values('two tHirds, THREE QUARTERS, a Quarter', 'en')).toEqual([values('two thirds', 'en')[0], values('three quarters', 'en')[0], values('a quarter', 'en')[0]]);
    expect(values('ДВЕ ТРЕТИ, три чЕтверти, ТРЕТЬ', 'ru')).toEqual([values('две трети', 'ru')[0], values('три четверти', 'ru')[0], values('треть', 'ru')[0]]);
    expect(values('Две трети', 'ru')[0]).toBeCloseTo(2 / 3, 3);
    expect(values('two thirds', 'en')[0]).toBeCloseTo(2 / 3, 3);
  });
});
