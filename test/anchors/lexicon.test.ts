import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/types.js';
import { LEXICON } from '../../src/anchors/lexicon-data.js';
import { englishStem, extractTerms, isTermWord, TERM_WEIGHT } from '../../src/anchors/lexicon.js';

const keys = (text: string, lang: Lang): string[] => extractTerms(text, lang).map((a) => a.key);

describe('Russian and English words of one concept get the same term key', () => {
  const rows: Array<[string, string[], string[]]> = [
    ['government', ['правительство', 'Правительства', 'правительственный'], ['government', 'governments']],
    ['prime_minister', ['премьер-министр', 'премьер-министра', 'премьер'], ['prime minister', 'Prime Minister', 'premier']],
    ['president', ['президент', 'президентом', 'президентский'], ['president', 'presidential']],
    ['minister', ['министр', 'министров'], ['minister', 'ministers']],
    ['chairman', ['председатель', 'председателем'], ['chairman']],
    ['meeting', ['встреча', 'встречи', 'встречу'], ['meeting', 'meetings']],
    ['trade', ['торговля', 'торговли', 'торговый'], ['trade', 'trading']],
    ['cooperation', ['сотрудничество', 'сотрудничества', 'сотрудничеством'], ['cooperation', 'co-operation']],
    ['agreement', ['соглашение', 'соглашения', 'договор'], ['agreement', 'treaty']],
    ['transport', ['транспорт', 'транспортного'], ['transport', 'transportation']],
    ['investment', ['инвестиции', 'инвестиций', 'инвестор'], ['investment', 'investments', 'investor']],
    ['police', ['полиция', 'полиции', 'полицейский'], ['police', 'policeman']],
    ['court', ['суд', 'суда', 'судебный'], ['court', 'courts']],
    ['war', ['война', 'войны', 'военные'], ['war', 'wars', 'military']],
    ['vaccine', ['вакцина', 'вакцины', 'вакцинация'], ['vaccine', 'vaccination']],
    ['hospital', ['больница', 'больницу', 'госпиталь'], ['hospital', 'hospitals']],
    ['school', ['школа', 'школе', 'школьный'], ['school', 'schools']],
    ['monday', ['понедельник', 'понедельника'], ['Monday']],
    ['wednesday', ['среду'], ['Wednesday']],
    ['july', ['июль', 'июля', 'июле'], ['July']],
    ['may', ['мая', 'май'], ['May']],
    ['january', ['января', 'январе'], ['January']],
    ['article', ['статья', 'статьи', 'статьёй', 'статей'], ['Article', 'articles']],
    ['clause', ['подпункт', 'подпункта'], ['Clause', 'subparagraph']],
    ['charter', ['Устав', 'Уставе', 'уставных'], ['Charter', 'statutes']],
    ['universal', ['Всеобщую', 'всеобщего', 'универсальный'], ['Universal']],
    ['laboratory', ['Лаборатории', 'лабораторный'], ['Lab', 'laboratories']],
    ['photo', ['Фотографии', 'фото', 'снимков'], ['Pictures', 'photographs']],
    ['head', ['Глава', 'главы'], ['CHAPTER', 'head']],
    ['circle', ['Круга', 'кругу'], ['Circle', 'circles']],
    ['stadium', ['стадионе', 'арене'], ['Stadium', 'arena']],
  ];
  it.each(rows)('%s', (id, ru, en) => {
    for (const w of ru) expect(keys(`и ${w} и`, 'ru'), w).toEqual([`term:${id}`]);
    for (const w of en) expect(keys(`and ${w} and`, 'en'), w).toEqual([`term:${id}`]);
  });
});

it('the verb "стать" (become) is not the noun "статья" (article), nor a percentage point or a settlement a clause', () => {
  expect(keys('может стать лучше', 'ru')).toEqual([]);
  expect(keys('на 0,5 процентного пункта в населённом пункте', 'ru')).not.toContain('term:clause');
});

describe('extractTerms', () => {
  const ru = 'Председатель Правительства провел встречу по вопросам торговли и сотрудничества в июле.';
  const en = 'The Prime Minister held a meeting on trade and cooperation in July.';

  it('gives term anchors with exact offsets and a weak weight', () => {
    for (const [text, lang] of [[ru, 'ru'], [en, 'en']] as const) {
      const found = extractTerms(text, lang);
      expect(found.length).toBeGreaterThan(3);
      for (const a of found) {
        expect(a.kind).toBe('term');
        expect(a.weight).toBe(TERM_WEIGHT);
        expect(text.slice(a.start, a.end)).toBe(a.surface);
        expect(a.key).toMatch(/^term:[a-z_]+$/);
      }
    }
  });

  it('reads a multi-word term as one anchor', () => {
    expect(extractTerms(en, 'en').map((a) => a.surface)).toContain('Prime Minister');
    expect(extractTerms('премьер-министра России', 'ru').map((a) => a.surface)).toEqual(['премьер-министра']);
  });

  it('requires capitals where the data has them (May, not may)', () => {
    expect(keys('They may go in May.', 'en')).toEqual(['term:may']);
  });

  it('does not match stems inside unrelated words', () => {
    expect(keys('судьба после поэтому', 'ru')).toEqual([]);
    expect(keys('According to him, the generator is important.', 'en')).toEqual([]);
  });

  it('leaves words inside multi-word names to the name', () => {
    expect(keys('the State Duma voted', 'en')).toEqual(['term:vote']);
    expect(keys('Государственная дума проголосовала', 'ru')).toEqual(['term:vote']);
  });

  it('accepts a user lexicon that adds and overrides concepts, read leniently', () => {
    const lexicon = [
      { id: 'pipeline_gas', ru: ['газопровод'], en: ['gas pipeline'] },
      { id: 'collab', ru: ['сотрудничество'], en: ['cooperat'] },
      { id: 'trade', ru: ['товарооборот'], en: ['turnover'] },
    ];
    expect(extractTerms('новый газопровод', 'ru', { lexicon }).map((a) => a.key)).toEqual(['term:new', 'term:pipeline_gas']);
    expect(extractTerms('the new gas pipeline', 'en', { lexicon }).map((a) => a.key)).toEqual(['term:new', 'term:pipeline_gas']);
    expect(extractTerms('сотрудничества', 'ru', { lexicon }).map((a) => a.key)).toEqual(['term:collab']);
    expect(extractTerms('cooperation', 'en', { lexicon }).map((a) => a.key)).toEqual(['term:collab']);
    expect(extractTerms('trade turnover', 'en', { lexicon }).map((a) => a.key)).toEqual(['term:trade']);
  });

  it('tells single-word terms', () => {
    expect(isTermWord('Министерства')).toBe(true);
    expect(isTermWord('Ministry')).toBe(true);
    expect(isTermWord('Мишустин')).toBe(false);
  });
});

describe('lexicon data', () => {
  it('has a few hundred concepts with unique ids', () => {
    const ids = LEXICON.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThan(250);
    for (const r of LEXICON) {
      expect(r.ru.length, r.id).toBeGreaterThan(0);
      expect(r.en.length, r.id).toBeGreaterThan(0);
    }
  });

  it('gives each Russian stem and each English stem to one concept only', () => {
    const owner = new Map<string, string>();
    for (const r of LEXICON) {
      const forms = [
        ...r.ru.map((f) => `ru:${f}`),
        ...r.en.map((f) => `en:${f.startsWith('=') ? f : f.toLowerCase().split(' ').map(englishStem).join(' ')}`),
      ];
      for (const f of forms) {
        const before = owner.get(f);
        expect(before === undefined || before === r.id, `${f}: ${before} and ${r.id}`).toBe(true);
        owner.set(f, r.id);
      }
    }
  });
});

describe('speed', () => {
  it('is linear on adversarial input', () => {
    const text = 'A-'.repeat(100_000) + 'Б'.repeat(100_000) + ' правительств'.repeat(20_000);
    const t0 = performance.now();
    extractTerms(text, 'ru');
    extractTerms(text, 'en');
    expect(performance.now() - t0).toBeLessThan(3000);
  });
});
