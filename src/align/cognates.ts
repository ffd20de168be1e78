/**
 * Identical-string evidence, built from the paragraph text alone: words written the same way on both sides of a
 * translation because they were left untranslated — Latin-script identifiers in the Russian text (package
 * names, product names, commands, URLs, e-mail addresses, version strings such as "4.0r1", code). A Russian
 * paragraph seldom holds a Latin-script word that its English counterpart lacks, so each such token shared by a
 * bead is strong evidence, weighted by rarity within the document pair as anchors are.
 */
import type { Paragraph } from '../types.js';

/**
 * A token: a run of Latin letters, digits and the joiners of identifiers (`.`, `_`, `-`, `/`, `:`, `@`, `+`,
 * `#`), starting and ending with a letter or digit, holding at least one Latin letter (figures alone are
 * anchors already) and at least two characters.
 */
const TOKEN = /[A-Za-z0-9](?:[A-Za-z0-9._\-/:@+#]*[A-Za-z0-9+#])?/g;

/** The distinct identical-string tokens of a text, lower-cased. */
export function identicalTokens(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(TOKEN)) {
    const token = match[0].toLowerCase();
    if (token.length >= 2 && /[a-z]/.test(token)) found.add(token);
  }
  return [...found];
}

/** Precomputed identical-token sets of a document pair, and the rarity-weighted overlap of two groups. */
export class IdenticalEvidence {
  private readonly ru: Int32Array[];
  private readonly en: Int32Array[];
  private readonly idf: Float64Array;
  /** Scratch marks per token id, so that a group comparison takes time linear in its tokens. */
  private readonly mark: Int32Array;
  private stamp = 0;

  constructor(ruParagraphs: readonly Paragraph[], enParagraphs: readonly Paragraph[]) {
    const ids = new Map<string, number>();
    const intern = (tokens: string[]): Int32Array =>
      Int32Array.from(tokens, (token) => {
        let id = ids.get(token);
        if (id === undefined) {
          id = ids.size;
          ids.set(token, id);
        }
        return id;
      });
    // Only tokens a Russian paragraph holds can be shared; English tokens are kept only when so.
    this.ru = ruParagraphs.map((paragraph) => intern(identicalTokens(paragraph.clean)));
    const known = ids.size;
    this.en = enParagraphs.map((paragraph) => Int32Array.from(identicalTokens(paragraph.clean).map((t) => ids.get(t) ?? -1).filter((id) => id >= 0 && id < known)));
    const frequency = new Float64Array(known);
    for (const tokens of [...this.ru, ...this.en]) for (const id of tokens) frequency[id]++;
    const paragraphs = this.ru.length + this.en.length;
    this.idf = frequency.map((df) => Math.log((paragraphs + 1) / (df + 0.5)));
    this.mark = new Int32Array(known);
  }

  /** Rarity-weighted sum of the distinct tokens both Russian [ruStart, ruEnd) and English [enStart, enEnd) hold. */
  shared(ruStart: number, ruEnd: number, enStart: number, enEnd: number): number {
    if (this.idf.length === 0) return 0;
    const stamp = ++this.stamp;
    for (let p = ruStart; p < ruEnd; p++) for (const id of this.ru[p]) this.mark[id] = stamp;
    let sum = 0;
    for (let p = enStart; p < enEnd; p++) {
      for (const id of this.en[p]) {
        if (this.mark[id] === stamp) {
          sum += this.idf[id];
          this.mark[id] = 0; // count each token once per bead
        }
      }
    }
    return sum;
  }

  /**
   * What a paragraph left without counterpart would explain if joined to a bead: the rarity-weighted tokens it
   * shares with the bead's other side that the bead's own side lacks.
   */
  explained(side: 'ru' | 'en', index: number, bead: { ru: number[]; en: number[] }): number {
    if (this.idf.length === 0) return 0;
    const own = side === 'ru' ? this.ru : this.en;
    const other = side === 'ru' ? this.en : this.ru;
    const otherTokens = new Set((side === 'ru' ? bead.en : bead.ru).flatMap((k) => [...other[k]]));
    const sameTokens = new Set((side === 'ru' ? bead.ru : bead.en).flatMap((k) => [...own[k]]));
    let gain = 0;
    for (const id of own[index]) if (otherTokens.has(id) && !sameTokens.has(id)) gain += this.idf[id];
    return gain;
  }
}
