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

/** The token ids of one document's paragraphs, flat: paragraph p's are `ids[first[p]] … ids[first[p + 1] - 1]`. */
interface SideTokens {
  first: Int32Array;
  ids: Int32Array;
}

/**
 * The ids of some paragraphs in a packed side (paragraph `p`'s ids are `ids[first[p]]` up to `ids[first[p + 1]]`),
 * as a set: what a bead's paragraphs hold, for the split rule of identical tokens and of anchors alike.
 */
export function idsOfParagraphs(first: Int32Array, ids: Int32Array, paragraphs: readonly number[]): Set<number> {
  const found = new Set<number>();
  for (const p of paragraphs) for (let k = first[p]; k < first[p + 1]; k++) found.add(ids[k]);
  return found;
}

/**
 * Prefix sums over paragraphs of `value` of their entries: paragraph p's entries are `[first[p], first[p + 1])`
 * (the packing of anchor and token ids alike). Entry `out[p]` sums the paragraphs before p.
 */
export function paragraphPrefix(first: Int32Array, value: (entry: number) => number): Float64Array {
  const paragraphs = first.length - 1;
  const out = new Float64Array(paragraphs + 1);
  for (let p = 0; p < paragraphs; p++) {
    let sum = 0;
    for (let k = first[p]; k < first[p + 1]; k++) sum += value(k);
    out[p + 1] = out[p] + sum;
  }
  return out;
}

/** Pack per-paragraph token ids into one array (one typed array per paragraph cost some 100 bytes each). */
function packTokens(paragraphs: number[][]): SideTokens {
  const first = new Int32Array(paragraphs.length + 1);
  paragraphs.forEach((ids, p) => (first[p + 1] = first[p] + ids.length));
  const ids = new Int32Array(first[paragraphs.length]);
  paragraphs.forEach((tokens, p) => ids.set(tokens, first[p]));
  return { first, ids };
}

/** Precomputed identical-token sets of a document pair, and the rarity-weighted overlap of two groups. */
export class IdenticalEvidence {
  private readonly ru: SideTokens;
  private readonly en: SideTokens;
  private readonly idf: Float64Array;
  /** Scratch marks per token id, so that a group comparison takes time linear in its tokens. */
  private readonly mark: Int32Array;
  private stamp = 0;
  /** Per side, prefix sums over paragraphs of their tokens' IDF (see {@link upperShared}). */
  private readonly ruUpper: Float64Array;
  private readonly enUpper: Float64Array;

  constructor(ruParagraphs: readonly Paragraph[], enParagraphs: readonly Paragraph[]) {
    const ids = new Map<string, number>();
    const intern = (tokens: string[]): number[] =>
      tokens.map((token) => {
        let id = ids.get(token);
        if (id === undefined) {
          id = ids.size;
          ids.set(token, id);
        }
        return id;
      });
    // Only tokens a Russian paragraph holds can be shared; English tokens are kept only when so.
    this.ru = packTokens(ruParagraphs.map((paragraph) => intern(identicalTokens(paragraph.clean))));
    const known = ids.size;
    this.en = packTokens(enParagraphs.map((paragraph) => identicalTokens(paragraph.clean).map((t) => ids.get(t) ?? -1).filter((id) => id >= 0 && id < known)));
    const frequency = new Float64Array(known);
    for (const side of [this.ru, this.en]) for (const id of side.ids) frequency[id]++;
    const paragraphs = ruParagraphs.length + enParagraphs.length;
    this.idf = frequency.map((df) => Math.log((paragraphs + 1) / (df + 0.5)));
    this.mark = new Int32Array(known);
    const idf = this.idf;
    this.ruUpper = paragraphPrefix(this.ru.first, (k) => idf[this.ru.ids[k]]);
    this.enUpper = paragraphPrefix(this.en.first, (k) => idf[this.en.ids[k]]);
  }

  /** At least {@link shared} of Russian [ruStart, ruEnd) against English [enStart, enEnd), and of any split of them; constant time. */
  upperShared(ruStart: number, ruEnd: number, enStart: number, enEnd: number): number {
    return Math.min(this.ruUpper[ruEnd] - this.ruUpper[ruStart], this.enUpper[enEnd] - this.enUpper[enStart]);
  }

  /** Rarity-weighted sum of the distinct tokens both Russian [ruStart, ruEnd) and English [enStart, enEnd) hold. */
  shared(ruStart: number, ruEnd: number, enStart: number, enEnd: number): number {
    if (this.idf.length === 0) return 0;
    const stamp = ++this.stamp;
    const { mark, idf } = this;
    const ru = this.ru.ids;
    for (let k = this.ru.first[ruStart]; k < this.ru.first[ruEnd]; k++) mark[ru[k]] = stamp;
    const en = this.en.ids;
    let sum = 0;
    for (let k = this.en.first[enStart]; k < this.en.first[enEnd]; k++) {
      const id = en[k];
      if (mark[id] === stamp) {
        sum += idf[id];
        mark[id] = 0; // count each token once per bead
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
    const otherTokens = idsOfParagraphs(other.first, other.ids, side === 'ru' ? bead.en : bead.ru);
    const sameTokens = idsOfParagraphs(own.first, own.ids, side === 'ru' ? bead.ru : bead.en);
    let gain = 0;
    for (let k = own.first[index]; k < own.first[index + 1]; k++) {
      const id = own.ids[k];
      if (otherTokens.has(id) && !sameTokens.has(id)) gain += this.idf[id];
    }
    return gain;
  }
}
