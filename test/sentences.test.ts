import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { alignDocuments } from '../src/align/align.js';
import { alignSentences } from '../src/sentences/align.js';
import { splitSentences } from '../src/sentences/split.js';
import type { SentenceSplitter } from '../src/sentences/types.js';

const corpus = (name: string): string => readFileSync(new URL(`../corpus/${name}`, import.meta.url), 'utf8');
const RU_SEED = corpus('002_6e70b530b08c33a1.txt');
const EN_SEED = corpus('000_0de97bedda4ecb13.txt');

const texts = (text: string, lang: 'ru' | 'en'): string[] => splitSentences(text, lang).map((s) => s.text);

describe('splitSentences: Russian', () => {
  it.each([
    ['plain sentences', 'Первое предложение. Второе! Третье? Четвёртое…', ['Первое предложение.', 'Второе!', 'Третье?', 'Четвёртое…']],
    ['г. after a year ends a sentence before a capital', 'Это было в 2023 г. Потом всё изменилось.', ['Это было в 2023 г.', 'Потом всё изменилось.']],
    ['г. before a city name does not', 'Встреча прошла в г. Баку. Она была долгой.', ['Встреча прошла в г. Баку.', 'Она была долгой.']],
    ['г. after a postal code is a city', 'Адрес: 350000, г. Краснодар, ул. Красная. Пишите.', ['Адрес: 350000, г. Краснодар, ул. Красная.', 'Пишите.']],
    ['гг. after a range of years', 'Рост был в 2020–2021 гг. Затем спад.', ['Рост был в 2020–2021 гг.', 'Затем спад.']],
    ['млрд. and млн. inside a sentence', 'Торговля превысила 4,3 млрд. долларов, или 400 млн. рублей в месяц.', ['Торговля превысила 4,3 млрд. долларов, или 400 млн. рублей в месяц.']],
    ['млрд. at the end of a sentence', 'Оборот составил 4,3 млрд. В 2024 году он вырастет.', ['Оборот составил 4,3 млрд.', 'В 2024 году он вырастет.']],
    ['тыс. inside a sentence', 'Пришли 10 тыс. человек.', ['Пришли 10 тыс. человек.']],
    ['т.е. and т. е. never end a sentence', 'Это, т.е. Москва, и это, т. е. Баку, рядом.', ['Это, т.е. Москва, и это, т. е. Баку, рядом.']],
    ['т.д. ends one before a capital', 'Заводы, фабрики и т.д. Всё это работает.', ['Заводы, фабрики и т.д.', 'Всё это работает.']],
    ['им., ул., проф. before names', 'Театр им. Пушкина на ул. Тверской. Выступил проф. Иванов.', ['Театр им. Пушкина на ул. Тверской.', 'Выступил проф. Иванов.']],
    ['др. at the end of a sentence', 'Россия, Китай и др. Переговоры продолжатся.', ['Россия, Китай и др.', 'Переговоры продолжатся.']],
    ['initials', 'Премьер М. Мишустин и А.Н. Асадов встретились. Они говорили час.', ['Премьер М. Мишустин и А.Н. Асадов встретились.', 'Они говорили час.']],
    ['decimal figures', 'Рост составил 4.3 процента. Это много.', ['Рост составил 4.3 процента.', 'Это много.']],
    ['closing quote after the full stop', 'Он сказал: «Мы готовы.» Затем ушёл.', ['Он сказал: «Мы готовы.»', 'Затем ушёл.']],
    ['full stop after the closing quote', 'Это был формат «один на один». Потом — расширенный.', ['Это был формат «один на один».', 'Потом — расширенный.']],
    ['question inside a quote followed by the speaker', '«Когда?» — спросил он. — Завтра.', ['«Когда?» — спросил он.', '— Завтра.']],
    ['a sentence opening with a figure', 'Встреча завершилась. 5 марта подписали документы.', ['Встреча завершилась.', '5 марта подписали документы.']],
    ['a headline without a full stop runs on (known limit)', 'Заголовок без точки Первое предложение.', ['Заголовок без точки Первое предложение.']],
  ])('%s', (_name, text, expected) => {
    expect(texts(text, 'ru')).toEqual(expected);
  });
});

describe('splitSentences: English', () => {
  it.each([
    ['titles', 'Mr. Smith met Mrs. Jones and Dr. Brown. They talked.', ['Mr. Smith met Mrs. Jones and Dr. Brown.', 'They talked.']],
    ['U.S. before a name', 'U.S. President Joe Biden spoke. He left.', ['U.S. President Joe Biden spoke.', 'He left.']],
    ['U.S. at the end of a sentence', 'Trade grew in the U.S. The rest fell.', ['Trade grew in the U.S.', 'The rest fell.']],
    ['months and numbers', 'On Jan. 5 and Feb. 10 the No. 1 team won. It was St. Petersburg.', ['On Jan. 5 and Feb. 10 the No. 1 team won.', 'It was St. Petersburg.']],
    ['e.g. and i.e.', 'Some cities, e.g. Moscow, i.e. Russia, grew. Others did not.', ['Some cities, e.g. Moscow, i.e. Russia, grew.', 'Others did not.']],
    ['decimals', 'Trade exceeded 4.3 billion US dollars. That is a record.', ['Trade exceeded 4.3 billion US dollars.', 'That is a record.']],
    ['initials', 'A. Smith and J.R. Tolkien wrote. Nobody read.', ['A. Smith and J.R. Tolkien wrote.', 'Nobody read.']],
    ['quotes after the full stop', 'He said, "We are ready." Then he left.', ['He said, "We are ready."', 'Then he left.']],
    ['brackets after the full stop', 'It grew (by 11 percent.) Then it fell.', ['It grew (by 11 percent.)', 'Then it fell.']],
    ['Inc. before a name', 'Apple Inc. CEO Tim Cook spoke at 10 a.m. Moscow time.', ['Apple Inc. CEO Tim Cook spoke at 10 a.m. Moscow time.']],
    ['a list marker is not a sentence', '1. The first point. 2. The second point.', ['1. The first point.', '2. The second point.']],
    ['lower case after a full stop', 'The rate is approx. two percent. Fine.', ['The rate is approx. two percent.', 'Fine.']],
    ['exclamation and question marks', 'Really? Yes! Wow...', ['Really?', 'Yes!', 'Wow...']],
  ])('%s', (_name, text, expected) => {
    expect(texts(text, 'en')).toEqual(expected);
  });
});

describe('splitSentences: offsets', () => {
  it('gives spans into the text, in order, covering every non-space character', () => {
    const text = '  Первое предложение.   Второе,  с пробелами!  Третье  ';
    const spans = splitSentences(text, 'ru');
    let covered = '';
    let last = 0;
    for (const span of spans) {
      expect(text.slice(span.start, span.end)).toBe(span.text);
      expect(span.start).toBeGreaterThanOrEqual(last);
      expect(text.slice(last, span.start).trim()).toBe('');
      expect(span.text).toBe(span.text.trim());
      covered += span.text;
      last = span.end;
    }
    expect(text.slice(last).trim()).toBe('');
    expect(covered.replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
    expect(spans.map((s) => s.text)).toEqual(['Первое предложение.', 'Второе,  с пробелами!', 'Третье']);
  });

  it('returns nothing for white space', () => {
    expect(splitSentences('   ', 'en')).toEqual([]);
    expect(splitSentences('', 'ru')).toEqual([]);
  });
});

describe('alignSentences on the seed pair', () => {
  const alignment = alignDocuments(RU_SEED, EN_SEED);
  const result = alignSentences(alignment);

  it('puts every sentence in exactly one link, in document order', () => {
    for (const side of ['ru', 'en'] as const) {
      const seen = result.links.flatMap((link) => link[side]);
      expect(seen).toEqual(result.sentences[side].map((s) => s.index));
    }
  });

  it('keeps sentence links inside their paragraph link', () => {
    for (const link of result.links) {
      const paragraphLink = alignment.links[link.paragraphLink];
      for (const k of link.ru) expect(paragraphLink.ru).toContain(result.sentences.ru[k].paragraph);
      for (const k of link.en) expect(paragraphLink.en).toContain(result.sentences.en[k].paragraph);
      expect(link.score).toBeGreaterThanOrEqual(0);
      expect(link.score).toBeLessThanOrEqual(paragraphLink.score);
    }
  });

  it('gives source offsets that hold the sentence text', () => {
    for (const side of ['ru', 'en'] as const) {
      const doc = alignment[side];
      for (const sentence of result.sentences[side]) {
        const paragraph = doc.paragraphs[sentence.paragraph];
        expect(paragraph.clean.slice(sentence.cleanStart, sentence.cleanEnd)).toBe(sentence.text);
        const source = doc.source.slice(sentence.start, sentence.end);
        // The source holds the same words, with line breaks and broken-word hyphens where the clean text has none.
        const letters = (text: string): string => text.replace(/[\s\u00AD-]/g, '');
        expect(letters(source)).toBe(letters(sentence.text));
      }
    }
  });

  it('pairs the trade sentence with its translation', () => {
    const ru = result.sentences.ru.find((s) => s.text.includes('4,3 млрд'))!;
    const en = result.sentences.en.find((s) => s.text.includes('4.3 billion'))!;
    const link = result.links.find((l) => l.ru.includes(ru.index))!;
    expect(link.en).toEqual([en.index]);
    expect(link.ru).toEqual([ru.index]);
  });

  it('uses a custom splitter', () => {
    const whole: SentenceSplitter = (paragraph) => [{ start: 0, end: paragraph.clean.length, text: paragraph.clean }];
    const perParagraph = alignSentences(alignment, { splitter: whole });
    expect(perParagraph.sentences.ru).toHaveLength(alignment.ru.paragraphs.length);
    expect(perParagraph.sentences.en).toHaveLength(alignment.en.paragraphs.length);
  });

  it('leaves the sentences of a one-sided paragraph link one-sided', () => {
    alignment.links.forEach((link, k) => {
      if (link.ru.length && link.en.length) return;
      const sentenceLinks = result.links.filter((l) => l.paragraphLink === k);
      expect(sentenceLinks.length).toBeGreaterThan(0);
      for (const l of sentenceLinks) expect(l.ru.length === 0 || l.en.length === 0).toBe(true);
    });
  });
});
