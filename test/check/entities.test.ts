/**
 * The word-shape rules the name check and the injection benchmark (bench/inject.ts) share: what an acronym is, and
 * where a line of "Label: value" fields puts capitals that say nothing.
 */
import { describe, expect, it } from 'vitest';
import { alignDocuments, findDiscrepancies } from '../../src/index.js';
import { fieldLabelStarts, isAcronym } from '../../src/check/entities.js';

const names = (ru: string, en: string, minEntityConfidence?: number) =>
  findDiscrepancies(alignDocuments(ru, en, { langs: ['ru', 'en'] }), { kinds: ['entity-missing'], minEntityConfidence })
    .map((d) => (d as { value: string }).value);

describe('acronyms', () => {
  const table: Array<[string, boolean]> = [
    ['NATO', true], ['SoC', true], ['DoS', true], ['NGOs', true], ['ВОЗом', true], ['ООН', true],
    ['Marvell', false], ['Riku', false], ['McGregor', false], ['Москва', false], ['Иэн', false],
  ];
  for (const [word, acronym] of table) it(`${word}: ${acronym ? 'an acronym' : 'no acronym'}`, () => expect(isAcronym(word)).toBe(acronym));
});

describe('field labels of a line of "Label: value" fields', () => {
  it('two labels or more make a field list; each label start is found', () => {
    const line = 'Где: Брно Что: Празднование Регистрация: обязательна';
    expect([...fieldLabelStarts(line)]).toEqual([0, line.indexOf('Что'), line.indexOf('Регистрация')]);
  });
  it('one colon in prose is no field list', () => {
    expect(fieldLabelStarts('Об этом заявил Путин: «Мы готовы»').size).toBe(0);
    expect(fieldLabelStarts('Время: 10:30').size).toBe(0);
  });
  it('a field label is no confident name, a name inside a field value still is', () => {
    // «Вход» stands where a cell starts: not reported, though the English has no such field.
    expect(names('Город: Брно Формат: встреча Вход: свободный', 'City: Brno Format: meeting')).toEqual([]);
    expect(names('Где: Брно, у Петра Новака Что: Празднование Регистрация: обязательна', 'Where: Brno What: Celebration Registration: required')).toContain('Петра');
  });
});

describe('first names given as initials, and addresses by name and patronymic', () => {
  it('an initial before the same surname gives the first name, in either direction', () => {
    expect(names('Как сказал В.Путин, объём кредитов увеличился.', 'As Vladimir Putin said, the volume of loans increased.')).toEqual([]);
    expect(names('Как сказал В. В. Путин, объём кредитов увеличился.', 'As Vladimir Putin said, the volume of loans increased.')).toEqual([]);
    expect(names('Как сказал Антон Силуанов, объём кредитов увеличился.', 'As A. Siluanov said, the volume of loans increased.')).toEqual([]);
    // Дж. is one sound (J); the initial itself is no name the English lacks.
    expect(names('Как сказал Дж. Байден, объём кредитов увеличился.', 'As Joe Biden said, the volume of loans increased.')).toEqual([]);
  });
  it('a two-letter name ending a sentence is no initial', () => {
    expect(names('Объём кредитов увеличился.', 'He met Wu. Then the volume of loans increased.')).toEqual(['Wu']);
  });
  it('an initial of another letter, or before another surname, does not give it', () => {
    expect(names('Как сказал А.Путин, объём кредитов увеличился.', 'As Vladimir Putin said, the volume of loans increased.')).toEqual(['Vladimir']);
    expect(names('Как сказал В.Медведев, объём кредитов увеличился.', 'As Vladimir Putin said, the volume of loans increased.')).toContain('Vladimir');
  });
  it('an address by first name and patronymic is rendered by title or surname', () => {
    expect(names('Уважаемый Владимир Владимирович! Объём кредитов увеличился.', 'Mr President, the volume of loans increased.')).toEqual([]);
    expect(names('Хорошо. Марат Шакирзянович, пожалуйста, объём кредитов.', 'Good. Mr Khusnullin, please, the volume of loans.')).toEqual(['Khusnullin']);
    // With the surname after it, it is a full name: the first name is checked as any other.
    expect(names('Как сказал Антон Германович Силуанов, объём кредитов увеличился.', 'As Siluanov said, the volume of loans increased.')).toEqual(['Антон']);
  });
});
