/**
 * The figure and name checks end to end on one-paragraph pairs: every wrong-figure class is a number-mismatch
 * (the unit classes with both units in the message), equivalent forms stay quiet, a homoglyph is one warning.
 */
import { describe, expect, it } from 'vitest';
import { alignDocuments, findDiscrepancies } from '../../src/index.js';
import type { Anchor, NumberMismatch } from '../../src/types.js';
import { FigureIndex, ordinalForNumber, sameFigure } from '../../src/check/figures.js';
import fc from 'fast-check';

const check = (ru: string, en: string) =>
  findDiscrepancies(alignDocuments(ru, en, { langs: ['ru', 'en'] }), { kinds: ['number-mismatch', 'number-missing', 'entity-missing', 'mixed-script'] });
const mismatches = (ru: string, en: string) => check(ru, en).filter((d): d is NumberMismatch => d.kind === 'number-mismatch');

describe('wrong figures are flagged (RU form → EN form)', () => {
  const units: Array<[string, string, string, string]> = [
    ['Компания получила 5 млн рублей прибыли.', 'The company made a profit of 5 million dollars.', 'rub', 'usd'],
    ['Проект стоил 5 млн долларов.', 'The project cost €5 million.', 'usd', 'eur'],
    ['Дорога длиной 5 км открыта.', 'A road 5 m long is open.', 'km', 'm'],
    ['Рост составил 45 % за год.', 'Growth was 45 over the year.', 'percent', 'none'],
    ['Посылка весит 250 килограммов.', 'The parcel weighs 250 g.', 'kg', 'g'],
    ['Площадь парка составляет 64 800 кв. км.', 'The park covers 64,800 square metres.', 'km2', 'm2'],
  ];
  for (const [ru, en, ruUnit, enUnit] of units) {
    it(`${ru} → ${en}`, () => {
      const found = mismatches(ru, en);
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ reason: 'unit', ruUnit, enUnit });
      expect(found[0].message).toContain(ruUnit === 'none' ? 'no unit' : ruUnit);
      expect(found[0].message).toContain(enUnit === 'none' ? 'no unit' : enUnit);
    });
  }
  it('two wrong figures are paired in their text order, not by which values are nearer', () => {
    // 15 is nearer 44 than 14 is; the translation keeps its figures in order.
    const found = mismatches('Форум Норд 14 завершил работу, объявлены даты форума Норд 15.', 'Nord 44 closes and Nord 45 dates are announced.');
    expect(found.map((d) => [d.ruValue, d.enValue])).toEqual([['14', '44'], ['15', '45']]);
  });
  it('a figure spelled out with a scale word against a digit one of another value', () => {
    const found = mismatches('Блогеру грозит штраф до двух с половиной миллионов тенге.', 'The blogger faces a fine of up to 3.5 million tenge.');
    expect(found.map((d) => [d.ruValue, d.enValue])).toEqual([['двух с половиной миллионов тенге', '3.5 million tenge']]);
  });
  it('figures the translation reordered are still paired', () => {
    const found = mismatches('Выпущено 310 тонн стали и 4,5 млн тонн угля.', 'It produced 4.8 million tonnes of coal and 320 tonnes of steel.');
    expect(found.map((d) => [d.ruValue, d.enValue]).sort()).toEqual([['310 тонн', '320 tonnes'], ['4,5 млн тонн', '4.8 million tonnes']]);
  });
  it('a long account number with one digit changed (exact, not floating point)', () => {
    const found = mismatches('Номер счёта 12345678901234567890 указан в договоре.', 'Account number 12345678901234567891 is in the contract.');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ ruValue: '12345678901234567890', enValue: '12345678901234567891' });
  });
  it('two figures swapped across sentences, every other figure in place', () => {
    const found = mismatches(
      'В 2019 году в городе жили 120 тысяч человек. Через год их стало 135 тысяч.',
      'In 2019 the city had 135,000 inhabitants. A year later it had 120,000.',
    );
    expect(found.map((d) => d.reason)).toEqual(['swapped', 'swapped']);
  });
  it('two figures exchanged inside one sentence, every other figure in place', () => {
    const found = mismatches('Среди новых случаев 49,2% приходится на возраст от 18 до 45 лет, 30,6% на возраст от 46 до 65 лет.', 'Among the new cases, 30.6% are people aged 18 to 45, 49.2% are aged 46 to 65.');
    expect(found.map((d) => d.reason)).toEqual(['swapped', 'swapped']);
  });
  it('a figure that counts the same word in both versions has not moved (a reordered clause)', () => {
    const found = mismatches('Он провёл четыре сезона, сыграл 103 матча и забил 37 мячей.', 'He spent four seasons, scoring 37 goals in 103 matches.');
    expect(found).toEqual([]);
  });
  it('a value written twice is not ordered (its pairs by value are arbitrary)', () => {
    const found = mismatches('Обновление получат компьютеры с Windows 10 версии 1809, поддержка которых истекает через 10 дней.', 'Computers with Windows 10 version 1809 will get the update, whose support ends in 10 days.');
    expect(found).toEqual([]);
  });
  it('two figures of one sentence in another order are a reordering, not a swap', () => {
    const found = mismatches('Для взлома 426-битного ключа потребуется 40 квадриллионов лет.', 'It would take 40 quadrillion years to break a 426-bit key.');
    expect(found).toEqual([]);
  });
  it('a number noun says what its partner counts: «сутки» is 24 hours', () => {
    const swapped = mismatches('За последние сутки умерли 13 пациентов. Общее число умерших достигло 4411.', 'In the past 4411 hours, 13 patients died. The total number of deaths reached 24.');
    expect(swapped.map((d) => [d.reason, d.ruValue, d.enValue])).toEqual([['swapped', 'сутки', '4411'], ['swapped', '4411', '24']]);
    // The phrase of time moves freely: its place says nothing.
    expect(mismatches('За последние сутки зарегистрировано 181 ДТП.', '181 road incidents were reported in the past 24 hours.')).toEqual([]);
  });
  it('two figures swapped on top of a reordered clause (the figure counting the same word is left out of the order)', () => {
    const found = mismatches('30-летний футболист провёл четыре сезона, сыграл 103 матча и забил 37 мячей.', '37-year-old footballer spent four seasons, scoring 30 goals in 103 matches.');
    expect(found.map((d) => [d.reason, d.ruValue, d.enValue])).toEqual([['swapped', '30', '37'], ['swapped', '37', '30']]);
    expect(mismatches('30-летний футболист провёл четыре сезона, сыграл 103 матча и забил 37 мячей.', '30-year-old footballer spent four seasons, scoring 37 goals in 103 matches.')).toEqual([]);
  });
  it('figures whose words cross are swapped though one version states a unit the other leaves to a compound', () => {
    const ru = 'Теперь ему грозит до 10 лет тюрьмы и 150 тыс. евро штрафа.';
    const found = mismatches(ru, "He now faces up to 150,000 years' imprisonment and a 10-euro fine.");
    expect(found.map((d) => d.reason)).toEqual(['swapped', 'swapped']);
    expect(mismatches(ru, "He now faces up to 10 years' imprisonment and a 150,000-euro fine.")).toEqual([]);
  });
  it('two figures whose roles crossed (the word each counts, a compound modifier) are swapped, whatever their order', () => {
    const found = mismatches('Для взлома 426-битного ключа потребуется 40 квадриллионов лет.', 'It would take 426 years to break a 40 quadrillion-bit key.');
    expect(found.map((d) => [d.reason, d.ruValue, d.enValue])).toEqual([['swapped', '426', '40 quadrillion'], ['swapped', '40 квадриллионов', '426']]);
  });
  it('two figures swapped between export and import', () => {
    const found = mismatches('Экспорт составил 5 млрд долларов, импорт составил 3 млрд долларов.', 'Exports reached 3 billion dollars, imports reached 5 billion dollars.');
    expect(found.map((d) => d.reason)).toEqual(['swapped', 'swapped']);
  });
});

describe('equivalent forms stay quiet (RU form → EN form)', () => {
  const same: Array<[string, string]> = [
    ['Встреча прошла 05.03.2024 в Баку.', 'The meeting took place on March 5, 2024 in Baku.'],
    ['Компания получила 5 млн долларов прибыли.', 'The company made a profit of $5 million.'],
    ['Дорога длиной 5 тыс. км открыта.', 'A road 5,000 km long is open.'],
    ['Рост составил 45 процентов за год.', 'Growth was 45 per cent over the year.'],
    ['Экспорт составил 5 млрд долларов, импорт составил 3 млрд долларов.', 'Exports reached 5 billion dollars, imports reached 3 billion dollars.'],
    ['Доля составила ½ от общего объёма.', 'The share was 0.5 of the total.'],
    ['Бюджет вырос до 10^6 рублей.', 'The budget grew to 1 million rubles.'],
    ['Бюджет вырос до 1 млн рублей.', 'The budget grew to 1e6 rubles.'],
    ['Проголосовали 2/3 жителей.', 'Two-thirds of residents voted.'],
    ['В 90-е годы город рос.', 'In the 1990s the city grew.'],
    ['В 1-м квартале 2024 года выручка выросла.', 'In Q1 2024 revenue grew.'],
    ['Встреча прошла 5 марта 2024 года.', 'The meeting took place on 03/05/2024.'],
    ['Встречи прошли 5 марта 2024 года и 20 марта 2024 года.', 'The meetings took place on 5/3/2024 and 20/3/2024.'],
    // An ordinal for a number of its value: translation turns one into the other.
    ['Инструмент представлен в 58-м выпуске журнала.', 'The tool was presented in issue 58 of the magazine.'],
    ['Подробности см. в 115 номере журнала.', 'For details see the 115th issue of the magazine.'],
    ['Об этом сообщил Пятый канал.', 'Channel 5 reported this.'],
    // English ranges of ordinal days: the month is shared.
    ['Выставка пройдёт 3-5 февраля в Париже.', 'The fair runs February 3rd - 5th in Paris.'],
    ['Выставка пройдёт с 1 по 5 марта в Ганновере.', 'The fair runs from the 1st to the 5th of March in Hanover.'],
    // The same digits in both versions, whatever each language reads into them.
    ['В прошлом году выставку посетило 3,500 человек.', 'Last year the fair was attended by 3,500 visitors.'],
    ['Поддерживается Motorola 68k (m68k).', 'Supported: Motorola 68k (m68k).'],
    // "в 17 часов" is a time of day.
    ['Вход в систему произошёл приблизительно в 17 часов.', 'The login happened at approximately 5pm.'],
  ];
  for (const [ru, en] of same) {
    it(`${ru} = ${en}`, () => expect(check(ru, en).filter((d) => d.kind !== 'entity-missing')).toEqual([]));
  }
});

describe('the figure index of a link', () => {
  it('takes, for every scan, the figure a linear first-match scan would take', () => {
    const anchor = fc.record({
      kind: fc.constantFrom('number', 'ordinal', 'year', 'date'),
      value: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }),
      unit: fc.option(fc.constantFrom('km', 'usd', 'code'), { nil: undefined }),
    }).map((a) => ({ ...a, key: `${a.kind}:${a.value ?? 'x'}:${a.unit ?? ''}`, start: 0, end: 1, surface: String(a.value), weight: 1 }) as unknown as Anchor);
    fc.assert(
      fc.property(fc.array(anchor, { maxLength: 30 }), fc.array(anchor, { maxLength: 30 }), (ru, en) => {
        const left = [...en];
        const linear = ru.map((r) => {
          const at = left.findIndex((e) => sameFigure(r, e) || ordinalForNumber(r, e));
          return at < 0 ? undefined : left.splice(at, 1)[0];
        });
        const index = new FigureIndex(en);
        expect(ru.map((r) => index.take(r, (e) => sameFigure(r, e) || ordinalForNumber(r, e)))).toEqual(linear);
        expect(index.left()).toEqual(left);
      }),
      { numRuns: 500 },
    );
  });

  it('pairs the figures that differ in a link of hundreds on each side with those near their place', () => {
    // 300 figures a side that all differ: 90 000 leftover pairs, more than are compared one with another.
    const rows = Array.from({ length: 300 }, (_, k) => k);
    const ru = rows.map((k) => `Строка ${k + 1}: выплачено ${1000 + k * 7} рублей.`).join(' ');
    const en = rows.map((k) => `Row ${k + 1}: paid ${1003 + k * 7} rubles.`).join(' ');
    const found = mismatches(ru, en).map((d) => [d.ruValue, d.enValue]);
    expect(found).toHaveLength(300);
    expect(found).toContainEqual(['1000 рублей', '1003 rubles']);
    expect(found).toContainEqual(['2050 рублей', '2053 rubles']);
  });
});

describe('the same digits', () => {
  it('are no agreement with a figure that only contains them', () => {
    expect(check('Выставку посетило 16 человек.', 'The fair was attended by 16,600 visitors.').length).toBeGreaterThan(0);
    expect(check('Рост составил 6 процентов.', 'Growth was 6.5 percent.').length).toBeGreaterThan(0);
  });
});

describe('an ordinal and a number', () => {
  it('of different values are no agreement', () => {
    expect(check('Инструмент представлен в 58-м выпуске журнала.', 'The tool was presented in issue 59 of the magazine.').length).toBeGreaterThan(0);
  });
});

describe('scores', () => {
  const swaps = (ru: string, en: string) => check(ru, en).filter((d) => d.kind === 'number-mismatch');
  it('English writes the winner first, Russian the team\'s own score first: no swap', () => {
    expect(swaps('Гости потерпели поражение 0:3.', 'The visitors suffered a 3-0 defeat.')).toEqual([]);
  });
  it('a score the English writes loser first is still a swap', () => {
    expect(swaps('Хозяева одержали победу 2:1.', 'The hosts won a 1-2 victory.')).toHaveLength(2);
  });
});

describe('a figure converted to metric', () => {
  it('is reported missing on each side, not as a figure that differs', () => {
    const found = check('Ураган прошёл 160 километров.', 'The hurricane travelled 100 miles.');
    expect(found.filter((d) => d.kind === 'number-mismatch')).toEqual([]);
    expect(found.filter((d) => d.kind === 'number-missing').map((d) => d.side).sort()).toEqual(['en', 'ru']);
  });
});

describe('numeric dates follow the document\'s own order', () => {
  it('a month-day document: 5/3/2024 is May 3, not March 5', () => {
    const found = check('Встреча прошла 5 марта 2024 года.', 'The meeting took place on 5/3/2024; the next is on 12/20/2024.');
    expect(found.some((d) => d.kind === 'number-mismatch' || d.kind === 'number-missing')).toBe(true);
  });
});

describe('names', () => {
  it('a transcribed name in any case ending is no missing name', () => {
    const found = check('Вчера он встретился с Джеймсом Макгрегором и Томасом Лэнгом в Лондоне.', 'Yesterday he met James McGregor and Thomas Lang in London.');
    expect(found.filter((d) => d.kind === 'entity-missing')).toEqual([]);
  });
  it('a name deleted from one version is reported, with its confidence', () => {
    const found = check('Вчера он встретился с Джеймсом Макгрегором в Лондоне.', 'Yesterday he met James in London.');
    const names = found.filter((d) => d.kind === 'entity-missing');
    expect(names).toHaveLength(1);
    expect(names[0]).toMatchObject({ side: 'ru', value: 'Макгрегором' });
    expect((names[0] as { confidence: number }).confidence).toBeGreaterThanOrEqual(0.75);
  });
  it('a person named in full keeps every part a name, a title before the first name does not', () => {
    const lost = check('Об этом заявил глава компании Эльвира Набиуллина.', 'This was stated by the head of the company, Nabiullina.');
    expect(lost.filter((d) => d.kind === 'entity-missing').map((d) => (d as { value: string }).value)).toEqual(['Эльвира']);
    const title = check('Доклад прочёл исполнительный директор Джон Салливан.', 'The talk was given by Executive Director John Sullivan.');
    expect(title.filter((d) => d.kind === 'entity-missing')).toEqual([]);
  });
  it('a Latin word copied letter for letter into the other version is there, whatever its case', () => {
    const names = (ru: string, en: string) => check(ru, en).filter((d) => d.kind === 'entity-missing').map((d) => (d as { value: string }).value);
    expect(names('Загрузите образ командой rsync -avzP через сервер Skolelinux.', 'Download the image with rsync -avzP from the Skolelinux server.')).toEqual([]);
    expect(names('Используйте /dev/mtdN при прошивке ядра.', 'Use /dev/mtdN when flashing the kernel.')).toEqual([]);
    // Not a word that only resembles it.
    expect(names('Загрузите образ командой rsync -avzP через сервер.', 'Download the image with rsync -avz from the server.')).toEqual(['avzP']);
  });
  it('the unit of a figure is no name, nor a number word that starts a headline', () => {
    const names = (ru: string, en: string) => check(ru, en).filter((d) => d.kind === 'entity-missing');
    expect(names('Хосты получат 32 Гбайта памяти и канал 4 Тбит/с.', 'The hosts get 32 GB of memory and a 4 Tbps link.')).toEqual([]);
    expect(names('Четверо погибли в авиакатастрофе в Альпах.', 'Four killed in plane crash in the Alps.')).toEqual([]);
  });
  it('a short lower-case word is no spelling of a name (born ≠ Борн)', () => {
    const found = check('Премьер-министр Элизабет Борн представила реформу.', 'Prime Minister Elisabeth presented the reform for those born in 1961.');
    expect(found.filter((d) => d.kind === 'entity-missing').map((d) => (d as { value: string }).value)).toEqual(['Борн']);
  });
  it('«Питер» is Peter before a surname and St Petersburg otherwise', () => {
    const names = (ru: string, en: string) => check(ru, en).filter((d) => d.kind === 'entity-missing');
    expect(names('Режиссёр Питер Джексон приехал в Москву.', 'Director Peter Jackson came to Moscow.')).toEqual([]);
    expect(names('Он переехал в Питер в 2010 году.', 'He moved to St Petersburg in 2010.')).toEqual([]);
    const key = (ru: string) => alignDocuments(ru, 'x', { langs: ['ru', 'en'] }).ru.paragraphs[0]!.anchors.find((a) => a.surface.startsWith('Питер'))?.key;
    expect(key('Режиссёр Питер Джексон приехал в Москву.')).toBe('ent:Peter');
    expect(key('Он переехал в Питер в 2010 году.')).toBe('ent:St_Petersburg');
  });
  it('title-case headings and product titles are not names', () => {
    const found = check('PostgreSQL 18 выпущен\n\nГруппа разработчиков выпустила новую версию.', 'PostgreSQL 18 Released\n\nThe Development Group released a new version.');
    expect(found.filter((d) => d.kind === 'entity-missing')).toEqual([]);
  });
  it('a homoglyph is one mixed-script warning, not two different names', () => {
    const found = check('Делегация прибыла в Москву во вторник.', 'The delegation arrived in M\u043escow on Tuesday.');
    expect(found.map((d) => d.kind)).toEqual(['mixed-script']);
    expect(found[0]).toMatchObject({ side: 'en', value: 'M\u043escow', intended: 'Moscow' });
  });
});
