import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/anchors/translit.js';
import { TokenWindow } from '../../src/check/token-window.js';

describe('TokenWindow', () => {
  it('finds the paragraphs it holds and reuses the oldest slot for a new one', () => {
    const window = new TokenWindow(2);
    const a = window.take(7, 3);
    expect(window.find(7)).toBe(a);
    const b = window.take(8, 1);
    expect(window.find(8)).toBe(b);
    expect(window.find(7)).toBe(a);
    // A third paragraph takes the oldest slot (paragraph 7's); the one taken just before stays.
    const c = window.take(9, 2);
    expect(c).toBe(a);
    expect(window.find(7)).toBeUndefined();
    expect(window.find(8)).toBe(b);
    expect(c).toMatchObject({ index: 9, count: 2 });
  });

  it('grows a slot for a long paragraph', () => {
    const window = new TokenWindow(1);
    const slot = window.take(0, 1000);
    expect(slot.starts.length).toBeGreaterThanOrEqual(1000);
    expect(slot.flags.length).toBeGreaterThanOrEqual(1000);
  });

  it('keeps a token as its spelling facts: the text of a token is its spelling', () => {
    // paragraphTokens in entities.ts relies on it to keep infos only.
    for (const t of tokenize("Russia's Vladimir Putin met U.S. officials — Москва, 5 мая")) expect(t.text).toBe(t.info.text);
  });
});
