/**
 * The fitted cost model's parts on small made-up documents: list beads, identical strings, the split rule for
 * merged beads, per-document shape adaptation, the option checks of the new fields, the lower bounds of bead
 * costs the DP prunes with, and the pairing of omissions that only their figures kept apart.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alignDocuments, findDiscrepancies, parseDocument } from '../src/index.js';
import { identicalTokens } from '../src/align/cognates.js';
import { BeadScorer, FEATURE } from '../src/align/features.js';
import { DEFAULT_LENGTH_MODEL, lengthCost, lengthCostLowerBound } from '../src/align/length.js';
import { beadShapes, DEFAULT_COST_MODEL } from '../src/align/model.js';
import { ROOT } from './cli-harness.js';

const links = (ru: string[], en: string[], cost = {}) => alignDocuments(ru.join('\n\n'), en.join('\n\n'), { cost }).links.map((l) => [l.ru, l.en]);

describe('list beads', () => {
  const ru = [
    'Проект Debian объявил о выпуске новой стабильной версии дистрибутива после двух лет разработки.',
    'В выпуск вошли обновлённые пакеты: GNOME 43, KDE Plasma 5.27, LibreOffice 7.4, GIMP 2.10 и ядро Linux 6.1.',
    'Образы установочных дисков можно загрузить с сайта проекта уже сегодня.',
  ];
  const en = [
    'The Debian project has announced the release of its new stable version after two years of development.',
    'The release includes updated packages:',
    'GNOME 43',
    'KDE Plasma 5.27',
    'LibreOffice 7.4',
    'GIMP 2.10',
    'Linux kernel 6.1',
    'Installation images can be downloaded from the project website starting today.',
  ];
  it('one paragraph written inline faces its six bullet paragraphs in one link, none left without counterpart', () => {
    expect(links(ru, en)).toEqual([
      [[0], [0]],
      [[1], [1, 2, 3, 4, 5, 6]],
      [[2], [7]],
    ]);
  });
  it('without list shapes the bullets cannot all join it', () => {
    const shapes = Object.fromEntries(Object.entries(DEFAULT_COST_MODEL.shapes).filter(([name]) => !/[4-6]/.test(name)));
    expect(links(ru, en, { shapes })).not.toContainEqual([[1], [1, 2, 3, 4, 5, 6]]);
  });
});

describe('a list that continues a sentence', () => {
  const ru = [
    'Выпущена новая версия системы управления базами данных.',
    'Новая версия содержит широкий спектр возможностей, призванных помочь разработчикам и администраторам выпускать приложения, активно работающие с данными. Проект продолжает развивать работу со сложными типами данных, включая более удобный доступ к документам и поддержку несмежных интервалов. Улучшения производительности традиционно присутствуют и в новом выпуске: в этот раз акцент сделан на следующее:',
    'оптимизации производительности для ситуаций с большим количеством соединений,',
    'оптимизации производительности для нагрузок с большой долей модифицирующих запросов,',
    'дальнейшее развитие параллельного выполнения запросов,',
    'многочисленные улучшения логической репликации.',
    'Загрузить новую версию можно уже сегодня на сайте проекта.',
  ];
  const en = [
    'A new version of the database management system is released.',
    'The new version brings a variety of features that help developers and administrators deploy their data-backed applications. The project continues to add innovations on complex data types, including more convenient access to documents and support for noncontiguous ranges. This latest release adds to the trend on improving performance, with advances in connection concurrency, high-write workloads, query parallelism and logical replication.',
    'The new version can be downloaded today from the project website.',
  ];
  it('joins the paragraph its items continue, with no item left as a gap', () => {
    expect(links(ru, en)).toEqual([
      [[0], [0]],
      [[1, 2, 3, 4, 5], [1]],
      [[6], [2]],
    ]);
  });
  it('a paragraph that starts a sentence stays apart', () => {
    const apart = [...ru.slice(0, 2), 'Оптимизации производительности для ситуаций с большим количеством соединений тоже вошли в выпуск.', ...ru.slice(6)];
    expect(links(apart, en)).toContainEqual([[2], []]);
  });
});

describe('identical strings', () => {
  it('are the Latin-script tokens with a letter, lower-cased, once each', () => {
    expect(identicalTokens('Пакет openssl-1.1 и OpenSSL-1.1 на https://www.debian.org/News/ — 2023 г., x')).toEqual(['openssl-1.1', 'https://www.debian.org/news']);
  });
  it('tell which untranslated table row has no counterpart, where length cannot', () => {
    const ru = ['Обновления безопасности в этом выпуске', 'flickcurl | Исправление загрузки токена', 'flightgear | Предотвращение перезаписи', 'ganeti | Поддержка ключей SSH', 'tzdata | Новая версия', 'zsh | Исправление ошибки'];
    const en = ['Security updates in this release', 'flickcurl | Fix token fetching', 'ganeti | Support for SSH keys', 'tzdata | New upstream release', 'zsh | Fix a crash'];
    const expected = [[[0], [0]], [[1], [1]], [[2], []], [[3], [2]], [[4], [3]], [[5], [4]]];
    expect(links(ru, en)).toEqual(expected);
    expect(links(ru, en, { identicalReward: 0 })).not.toEqual(expected);
  });
});

describe('merged beads', () => {
  it('are credited only with the matches their best split explains; matches across it go to `cross`', () => {
    const ru = parseDocument('Встреча в Баку прошла 14 ноября.\n\nВ Баку обсудили 17 проектов.', { lang: 'ru' });
    const en = parseDocument('The meeting in Baku took place on November 14.\n\nBaku discussed 17 projects.', { lang: 'en' });
    const scorer = new BeadScorer(ru.paragraphs, en.paragraphs, DEFAULT_COST_MODEL, true);
    const out = new Float64Array(scorer.weights.length);
    const split = [scorer.features(0, 0, { ru: 1, en: 1 }, new Float64Array(out.length)), scorer.features(1, 1, { ru: 1, en: 1 }, new Float64Array(out.length))];
    const merged = scorer.features(0, 0, { ru: 2, en: 2 }, out);
    expect(merged[FEATURE.shared]).toBeCloseTo(split[0][FEATURE.shared] + split[1][FEATURE.shared], 9);
    expect(merged[FEATURE.cross]).toBeGreaterThanOrEqual(0);
    const cost2x2 = scorer.cost(0, 0, { ru: 2, en: 2 });
    expect(cost2x2).toBeGreaterThan(scorer.cost(0, 0, { ru: 1, en: 1 }) + scorer.cost(1, 1, { ru: 1, en: 1 }));
  });
});

describe('cost options', () => {
  it('refuse a non-number or non-positive value of the new fields', () => {
    for (const cost of [{ lengthWeight: Number.NaN }, { identicalReward: Number.NaN }, { crossReward: Number.NaN }, { shapeAdaptation: 0 }, { shapeAdaptation: -1 }]) {
      expect(() => alignDocuments('Текст 2023 года.', 'Text of 2023.', { cost })).toThrow(/cost\./);
    }
  });
  it('shape adaptation off (Infinity) or strong gives a valid alignment of every paragraph', () => {
    for (const shapeAdaptation of [Infinity, 1]) {
      const result = links(['Первый абзац 2023 года.', 'Второй абзац о 17 проектах.'], ['The first paragraph of 2023.', 'The second paragraph on 17 projects.'], { shapeAdaptation });
      expect(result).toEqual([
        [[0], [0]],
        [[1], [1]],
      ]);
    }
  });
});

describe('lower bounds of bead costs (what lets the DP skip beads that cannot win)', () => {
  const read = (name: string) => parseDocument(readFileSync(join(ROOT, 'corpus', name)));
  const made = (lines: string[]) => parseDocument(lines.join('\n\n'));
  const pairs = [
    [read('002_6e70b530b08c33a1.txt'), read('000_0de97bedda4ecb13.txt')],
    [read('002_6e70b530b08c33a1.txt'), read('001_80e862e7debd282d.txt')],
    [
      made(['Выпуск Debian 12 вышел 10 июня 2023 года.', 'В него вошли 11 089 новых пакетов, GNOME 43 и ядро Linux 6.1.', 'Спасибо всем участникам из Москвы и Казани.', 'Подробности на сайте debian.org.']),
      made(['Debian 12 was released on June 10, 2023.', 'It includes 11,089 new packages,', 'GNOME 43 and the Linux 6.1 kernel.', 'Thanks to all contributors from Moscow and Kazan.', 'See debian.org for details.']),
    ],
  ];

  it('are never above the cost they bound, whatever `above` says', () => {
    let beads = 0;
    for (const [ru, en] of pairs) {
      const scorer = new BeadScorer(ru.paragraphs, en.paragraphs, DEFAULT_COST_MODEL);
      for (const shape of beadShapes(DEFAULT_COST_MODEL)) {
        for (let i = 0; i + shape.ru <= ru.paragraphs.length; i++) {
          for (let j = 0; j + shape.en <= en.paragraphs.length; j++) {
            const cost = scorer.cost(i, j, shape);
            for (const above of [-Infinity, cost - 5, cost, cost + 5, Infinity]) expect(scorer.lowerBound(i, j, shape, above)).toBeLessThanOrEqual(cost + 1e-9);
            beads++;
          }
        }
      }
    }
    expect(beads).toBeGreaterThan(2000);
  });

  it('take a length term never above the length cost, for any lengths and length model', () => {
    const models = [DEFAULT_LENGTH_MODEL, { ...DEFAULT_LENGTH_MODEL, outlierShare: 0 }, { ...DEFAULT_LENGTH_MODEL, outlierScale: 0.5 }, { ratio: 0.8, variance: 6.8 }];
    let checked = 0;
    for (const model of models) {
      for (let ru = 0; ru <= 3000; ru += ru < 40 ? 1 : 37) {
        for (let en = 0; en <= 3000; en += en < 40 ? 1 : 41) {
          expect(lengthCostLowerBound(ru, en, model)).toBeLessThanOrEqual(lengthCost(ru, en, model) + 1e-9);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(40_000);
  });

  it('are the cost itself for a paragraph without counterpart, and no bound when a figure mismatch is rewarded', () => {
    const [ru, en] = pairs[2];
    const scorer = new BeadScorer(ru.paragraphs, en.paragraphs, DEFAULT_COST_MODEL);
    expect(scorer.lowerBound(1, 1, { ru: 1, en: 0 })).toBe(scorer.cost(1, 1, { ru: 1, en: 0 }));
    const rewarded = new BeadScorer(ru.paragraphs, en.paragraphs, { ...DEFAULT_COST_MODEL, figurePenalty: -1 });
    expect(rewarded.lowerBound(1, 1, { ru: 1, en: 2 })).toBe(-Infinity);
  });
});

describe('omissions side by side that only their figures kept apart', () => {
  // A headline whose two figures are both mistranslated (14 → 44, 15 → 45): as a pair it pays both figures'
  // rarity, more than two paragraphs without counterpart cost, so the search leaves the two apart.
  const cities = [['Берлине', 'Berlin'], ['Вене', 'Vienna'], ['Праге', 'Prague'], ['Риге', 'Riga'], ['Осло', 'Oslo'], ['Мадриде', 'Madrid'], ['Лиссабоне', 'Lisbon'], ['Варшаве', 'Warsaw']];
  const ru = ['Форум Норд 14 завершил работу в Портленде, объявлены даты форума Норд 15'];
  const en = ['Nord 44 closes in Portland and Nord 45 dates announced'];
  cities.forEach(([city, english], k) => {
    ru.push(`Участники форума Норд провели в ${city} ${k + 3} встречи и обсудили ${20 + k} докладов о развитии проекта Норд.`);
    en.push(`Nord attendees held ${k + 3} meetings in ${english} and discussed ${20 + k} talks on the development of the Nord project.`);
  });

  it('are linked, and their figures reported as differing', () => {
    const alignment = alignDocuments(ru.join('\n\n'), en.join('\n\n'));
    expect(alignment.links.map((l) => [l.ru, l.en])).toEqual(ru.map((_, k) => [[k], [k]]));
    const found = findDiscrepancies(alignment).filter((d) => d.kind === 'number-mismatch');
    expect(found.map((d) => [d.ru, d.en])).toEqual([[[0], [0]], [[0], [0]]]);
  });

  it('stay apart when they share nothing but their place', () => {
    const ruOther = ['Цены выросли на 17,4% в 2011 году, до 389 рублей за 12 штук, сообщили 27 экспертов.', ru[1]!];
    const enOther = ['Exports fell 6.2% in 1998 to 4,150 tonnes across 73 ports, 58 officials said.', en[1]!];
    expect(links(ruOther, enOther)).toEqual([[[], [0]], [[0], []], [[1], [1]]]);
  });
});
