import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/types.js';
import { builtinIds } from '../../src/anchors/gazetteer.js';
import { GAZETTEER } from '../../src/anchors/gazetteer-data.js';
import { collectMentionedKeys, extractEntities, mentionedKeys, nameKey, textMentions } from '../../src/anchors/names.js';

/** Keys of the entities of a text, in order. */
const keys = (text: string, lang: Lang): string[] => extractEntities(text, lang).map((a) => a.key);
/** Surfaces of the entities of a text, in order. */
const surfaces = (text: string, lang: Lang): string[] => extractEntities(text, lang).map((a) => a.surface);
/** The key of the single entity a short phrase must give. */
const only = (text: string, lang: Lang): string => {
  const found = keys(text, lang);
  expect(new Set(found).size, `${text}: ${found.join(', ')}`).toBe(1);
  return found[0]!;
};

describe('Russian and English names get the same key', () => {
  // Each row: phrases (language tagged) that must all give one and the same entity key. Phrases are placed
  // mid-sentence, where a capital letter means a name.
  const rows: Array<[string, Array<[Lang, string]>]> = [
    ['Asadov', [['ru', 'Асадов'], ['ru', 'Асадова'], ['ru', 'Асадовым'], ['en', 'Asadov']]],
    ['Mishustin', [['ru', 'Мишустина'], ['ru', 'Мишустиным'], ['en', 'Mishustin']]],
    ['Mikhail', [['ru', 'Михаил'], ['ru', 'Михаилу'], ['en', 'Mikhail'], ['en', 'Mihail']]],
    ['Sergei', [['ru', 'Сергей'], ['ru', 'Сергея'], ['en', 'Sergei'], ['en', 'Sergey']]],
    ['Dmitry', [['ru', 'Дмитрий'], ['en', 'Dmitry'], ['en', 'Dmitriy']]],
    ['Aliyev', [['ru', 'Алиев'], ['ru', 'Алиеву'], ['en', 'Aliyev'], ['en', 'Aliev']]],
    ['Baku', [['ru', 'Баку'], ['en', 'Baku']]],
    ['Stavropol', [['ru', 'Ставропольском крае'], ['ru', 'Ставрополе'], ['en', 'Stavropol']]],
    ['CIS', [['ru', 'СНГ'], ['en', 'CIS'], ['en', 'Commonwealth of Independent States'], ['ru', 'государствами Содружества'], ['en', 'the Commonwealth states']]],
    ['UN', [['ru', 'ООН'], ['ru', 'Организации Объединенных Наций'], ['en', 'UN'], ['en', 'U.N.'], ['en', 'United Nations']]],
    ['EAEU', [['ru', 'ЕАЭС'], ['en', 'EAEU'], ['en', 'Eurasian Economic Union']]],
    ['BRICS', [['ru', 'БРИКС'], ['en', 'BRICS']]],
    ['North-South', [['ru', 'Север-Юг'], ['ru', 'Север – Юг'], ['en', 'North-South']]],
    ['Caspian Sea', [['ru', 'Каспийское море'], ['ru', 'Каспийского моря'], ['en', 'Caspian Sea']]],
    ['Russia', [['ru', 'Россия'], ['ru', 'России'], ['ru', 'Российская Федерация'], ['ru', 'Российской Федерации'],
      ['ru', 'РФ'], ['ru', 'российский'], ['ru', 'российско-'], ['en', 'Russia'], ['en', 'Russian Federation'],
      ['en', 'Russian'], ['en', "Russia's"]]],
    ['Azerbaijan', [['ru', 'Азербайджан'], ['ru', 'Азербайджана'], ['ru', 'азербайджанский'], ['ru', 'Азербайджанской'],
      ['ru', 'азербайджано-'], ['en', 'Azerbaijan'], ['en', 'Azerbaijani'], ['en', 'Republic of Azerbaijan']]],
    ['US', [['ru', 'США'], ['ru', 'Соединенных Штатов'], ['ru', 'американский'], ['en', 'US'], ['en', 'U.S.'],
      ['en', 'USA'], ['en', 'United States'], ['en', 'American']]],
    ['Germany', [['ru', 'Германии'], ['ru', 'немецкий'], ['en', 'Germany'], ['en', 'German']]],
    ['Georgia', [['ru', 'Грузия'], ['ru', 'грузинский'], ['ru', 'Джорджия'], ['en', 'Georgia'], ['en', 'Georgian']]],
    ['Kremlin', [['ru', 'Кремль'], ['ru', 'Кремля'], ['ru', 'кремлевский'], ['en', 'Kremlin']]],
    ['Beijing', [['ru', 'Пекин'], ['ru', 'Пекином'], ['en', 'Beijing']]],
    ['State Duma', [['ru', 'Госдума'], ['ru', 'Госдумы'], ['ru', 'Государственной думы'], ['en', 'State Duma']]],
    ['TASS', [['ru', 'ТАСС'], ['en', 'TASS']]],
    ['NATO', [['ru', 'НАТО'], ['en', 'NATO']]],
  ];
  it.each(rows)('%s', (_name, phrases) => {
    const found = phrases.map(([lang, phrase]) => only(`Об этом говорили ${phrase} вчера`.replace(/^Об этом говорили/,
      lang === 'ru' ? 'Об этом говорили' : 'This was said by'), lang));
    expect(new Set(found).size, found.join(' ')).toBe(1);
  });

  it('nameKey gives the same key without the prefix', () => {
    expect(nameKey('Асадова', 'ru')).toBe('asado');
    expect(nameKey('Asadov', 'en')).toBe('asado');
    expect(nameKey('Каспийское море', 'ru')).toBe(nameKey('Caspian Sea', 'en'));
    expect(nameKey('азербайджанский', 'ru')).toBe(nameKey('Azerbaijani', 'en'));
    expect(nameKey('Ставропольском крае', 'ru')).toBe(nameKey('Stavropol', 'en'));
    expect(nameKey('Нижней Саксонии', 'ru')).toBe(nameKey('Niedersachsen', 'en'));
    expect(nameKey('Республика Сербская', 'ru')).toBe(nameKey('Republika Srpska', 'en'));
    expect(nameKey('индийских', 'ru')).toBe(nameKey('Indic', 'en'));
    // Irregular cases listed where the inflector cannot derive them ("День" → "Дня"), acronyms of either language.
    expect(keys('накануне Дня Победы', 'ru')).toEqual(['ent:Victory_Day']);
    expect(keys('На ЧМ-2022 он провел 7 матчей.', 'ru')).toContain('ent:World_Cup');
    expect(nameKey('СПбГУ', 'ru')).toBe(nameKey('Saint Petersburg State University', 'en'));
    expect(nameKey('Второй мировой войны', 'ru')).toBe(nameKey('WW2', 'en'));
    expect(nameKey('Заполярье', 'ru')).toBe(nameKey('Arctic', 'en'));
    // Russian gives UTC and GMT as Greenwich time: "указаны по Гринвичу" = "are in UTC".
    expect(keys('Все моменты указаны по Гринвичу.', 'ru')).toEqual(['ent:Greenwich']);
    expect(keys('All times are in UTC, not GMT.', 'en')).toEqual(['ent:Greenwich', 'ent:Greenwich']);
    expect(`ent:${nameKey('Асадова', 'ru')}`).toBe(keys('встреча с Асадовой', 'ru')[0]);
  });
});

describe('what is and is not a name', () => {
  it('skips sentence-initial function words, months, weekdays and titles in English', () => {
    const text = 'The President of Azerbaijan met Prime Minister Mikhail Mishustin in July. On Monday, ' +
      'Mr Asadov said: "We agree." In May the Ministry of Economy and Governor Smith spoke.';
    const found = surfaces(text, 'en');
    expect(found).toEqual(['Azerbaijan', 'Mikhail', 'Mishustin', 'Asadov', 'Smith']);
  });

  it('skips the company suffix after a name', () => {
    const found = surfaces('They met Apple Inc. and the heads of Sony Corp and Acme GmbH in Paris.', 'en');
    expect(found).toContain('Apple');
    expect(found).toContain('Sony');
    for (const suffix of ['Inc', 'Corp', 'GmbH']) expect(found).not.toContain(suffix);
  });

  it('skips sentence-initial words and lower-case words in Russian, keeps gazetteer adjectives', () => {
    const text = 'В понедельник премьер-министр Михаил Мишустин провел встречу в Баку. Вчера стороны обсудили ' +
      'азербайджано-российское сотрудничество и торговлю в июле.';
    expect(surfaces(text, 'ru')).toEqual(['Михаил', 'Мишустин', 'Баку', 'азербайджано', 'российское']);
  });

  it('keeps a sentence-initial name confirmed elsewhere in the text or shaped like one', () => {
    expect(surfaces('Кронштадт принял парад. Парад прошел в Кронштадте.', 'ru')).toEqual(['Кронштадт', 'Кронштадте']);
    expect(surfaces('Парад прошел. Потом все ушли.', 'ru')).toEqual([]);
    expect(surfaces('Мишустин заявил о планах.', 'ru')).toEqual(['Мишустин']); // surname shape
    expect(surfaces('Vladimir said so.', 'en')).toEqual(['Vladimir']); // known first name
    expect(surfaces('Speaking at the forum, he left.', 'en')).toEqual([]);
  });

  it('keeps acronyms anywhere, Latin words in Russian text, hyphenated parts separately', () => {
    expect(surfaces('АЗЕРТАДЖ сообщает, что ЛДПР и COP29 обсудили.', 'ru')).toEqual(['АЗЕРТАДЖ', 'ЛДПР', 'COP29']);
    expect(keys('Об этом пишет Financial Times, а также iPhone.', 'ru')).toEqual(['ent:Financial_Times', 'ent:ifon']);
    const parts = extractEntities('the Azerbaijan-Russia talks', 'en');
    expect(parts.map((a) => a.key)).toEqual(['ent:Azerbaijan', 'ent:Russia']);
  });

  it('drops a patronymic between a first name and a surname', () => {
    expect(surfaces('заявил Михаил Владимирович Мишустин.', 'ru')).toEqual(['Михаил', 'Мишустин']);
    expect(surfaces('заявил Роман Абрамович.', 'ru')).toEqual(['Роман', 'Абрамович']);
    expect(surfaces('сказала Вера Павловна.', 'ru')).toEqual(['Вера', 'Павловна']);
  });

  it('treats Title Case headlines like sentence starts', () => {
    expect(surfaces('Putin Meets Aliyev to Discuss Trade', 'en')).toEqual(['Aliyev']);
    expect(surfaces('Putin Meets Aliyev to Discuss Trade. Then Putin left.', 'en')).toEqual(['Putin', 'Aliyev', 'Putin']);
  });

  it('does not read common words as countries', () => {
    expect(keys('they roasted a turkey and bought china; us too', 'en')).toEqual([]);
    expect(keys('груз доставили, кубы сложили', 'ru')).toEqual([]);
    expect(keys('встретился с Поляковым', 'ru')).toEqual(['ent:polia']); // a surname, not the Poles
  });
});

describe('anchors', () => {
  const samples: Array<[Lang, string]> = [
    ['ru', 'Президент Азербайджана Ильхам Алиев встретился в Баку с председателем Правительства Российской Федерации ' +
      'Михаилом Мишустиным. Стороны обсудили азербайджано-российское сотрудничество в рамках СНГ и ЕАЭС, коридор ' +
      '«Север – Юг» и Каспийское море.\n\nВ июле ТАСС сообщил об этом.'],
    ['en', "President of Azerbaijan Ilham Aliyev met Russian Prime Minister Mikhail Mishustin in Baku. The sides " +
      "discussed Azerbaijani-Russian cooperation within the CIS and the EAEU, the North–South corridor and the " +
      "Caspian Sea. In July, TASS reported this; the U.S. and the UN's envoy O'Brien said nothing."],
  ];

  it.each(samples)('%s: offsets slice back, kind and weights are set', (lang, text) => {
    const found = extractEntities(text, lang);
    expect(found.length).toBeGreaterThan(8);
    let last = -1;
    for (const a of found) {
      expect(text.slice(a.start, a.end)).toBe(a.surface);
      expect(a.kind).toBe('entity');
      expect(a.key.startsWith('ent:')).toBe(true);
      expect(a.weight).toBeGreaterThan(0);
      expect(a.weight).toBeLessThanOrEqual(1);
      expect(a.name).toBeTruthy();
      expect(a.start).toBeGreaterThan(last);
      last = a.start;
    }
  });

  it('both versions share their keys', () => {
    const ru = new Set(keys(samples[0]![1], 'ru'));
    const en = new Set(keys(samples[1]![1], 'en'));
    for (const k of ['ent:Azerbaijan', 'ent:ilh', 'ent:aliev', 'ent:Baku', 'ent:Russia', 'ent:miail', 'ent:mishu',
      'ent:CIS', 'ent:EAEU', 'ent:North_South', 'ent:Caspian_Sea', 'ent:TASS']) {
      expect(ru.has(k), k).toBe(true);
      expect(en.has(k), k).toBe(true);
    }
  });

  it('gives names weight 1 and adjectives less', () => {
    const [country, adjective] = extractEntities('Азербайджан и азербайджанский', 'ru');
    expect(country!.weight).toBe(1);
    expect(adjective!.weight).toBeLessThan(1);
  });
});

describe('textMentions', () => {
  it('finds a name in any case and form', () => {
    const azerbaijani = `ent:${nameKey('Azerbaijani', 'en')}`;
    expect(textMentions('азербайджано-российского стратегического партнерства', 'ru', azerbaijani)).toBe(true);
    expect(textMentions('российского стратегического партнерства', 'ru', azerbaijani)).toBe(false);
    expect(textMentions('встреча с асадовым', 'ru', 'ent:asado')).toBe(true);
    expect(textMentions('встреча с асадовым', 'ru', 'asado')).toBe(true);
    expect(textMentions('a meeting with Mishustin', 'en', 'ent:asado')).toBe(false);
  });

  it('accepts transliterated spellings of gazetteer names and place adjectives', () => {
    expect(textMentions('Vechernyaya Moskva quotes him', 'en', 'ent:Moscow')).toBe(true);
    expect(textMentions('в Тартуском суде', 'ru', `ent:${nameKey('Tartu', 'en')}`)).toBe(true);
  });

  it('lists mentioned keys', () => {
    const found = mentionedKeys('Ставропольском крае', 'ru');
    expect(found.has('ent:Stavropol')).toBe(true);
    expect(found.has('ent:stavr')).toBe(true);
  });
});

describe('collectMentionedKeys', () => {
  it('gives the keys mentionedKeys gives, as a new set each time (no cache)', () => {
    for (const [text, lang] of [['азербайджано-российского партнерства в Ставропольском крае', 'ru'], ['Vechernyaya Moskva quotes Putin', 'en']] as const) {
      const keys = collectMentionedKeys(text);
      expect([...keys].sort()).toEqual([...mentionedKeys(text, lang)].sort());
      expect(collectMentionedKeys(text)).not.toBe(keys);
    }
  });
});

describe('glossary', () => {
  it('adds names and overrides built-in entries', () => {
    const glossary = [
      { id: 'Rustam', forms: ['Рустам', 'Rustam'] },
      { id: 'Baku', forms: ['Баку', 'Baku', 'Бакы'] },
      { id: 'Grand_Kremlin', forms: ['Большой Кремлевский дворец', 'Grand Kremlin Palace'] },
    ];
    expect(keys('сказал Рустамом', 'ru')).toEqual(['ent:rustam'.replace('rustam', 'rusta')]);
    expect(extractEntities('сказал Рустамом', 'ru', { glossary }).map((a) => a.key)).toEqual(['ent:Rustam']);
    expect(extractEntities('приехал в Бакы', 'ru', { glossary }).map((a) => a.key)).toEqual(['ent:Baku']);
    expect(extractEntities('в Большом Кремлевском дворце', 'ru', { glossary }).map((a) => a.key))
      .toEqual(['ent:Grand_Kremlin']);
    expect(extractEntities('at the Grand Kremlin Palace', 'en', { glossary }).map((a) => a.key))
      .toEqual(['ent:Grand_Kremlin']);
    expect(textMentions('в Большом Кремлевском дворце', 'ru', 'ent:Grand_Kremlin', { glossary })).toBe(true);
  });
});

describe('gazetteer data', () => {
  it('has unique ids and a few hundred entries', () => {
    const ids = builtinIds();
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThan(300);
  });

  it('has ids that cannot collide with folded prefix keys (those are lower case)', () => {
    for (const r of GAZETTEER) expect(r.id, r.id).toMatch(/^[A-Z0-9]/);
  });
});

describe('speed', () => {
  it('is linear on adversarial input', () => {
    const text = 'A-'.repeat(100_000) + 'Б'.repeat(100_000) + ' АБВГ'.repeat(20_000) + ' U.S.'.repeat(20_000);
    const t0 = performance.now();
    extractEntities(text, 'en');
    extractEntities(text, 'ru');
    textMentions(text, 'ru', 'ent:x');
    expect(performance.now() - t0).toBeLessThan(3000);
  });

  it('handles a 1 MB text well under a second or two', () => {
    const paragraph = 'Президент Азербайджана Ильхам Алиев встретился в Баку с Михаилом Мишустиным. Стороны обсудили ' +
      'азербайджано-российское сотрудничество, транспортный коридор «Север – Юг» и торговлю в 2024 году. ';
    let text = '';
    let i = 0;
    while (text.length < 1_000_000) text += paragraph.replace('Алиев', `Алиев${(i++).toString(36)}`);
    extractEntities(text.slice(0, 2000), 'ru');
    const t0 = performance.now();
    const found = extractEntities(text, 'ru');
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(found.length).toBeGreaterThan(40_000);
  });
});
