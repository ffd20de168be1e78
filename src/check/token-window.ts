/**
 * The tokens of the last few paragraphs a discrepancy check read, kept in a fixed ring of reused slots.
 *
 * Why slots and not the tokenizer's Token objects: a check reads a link's paragraphs and its neighbours' many
 * times, so it keeps their tokens; kept as objects (some 80 bytes each), they lived just long enough to be
 * promoted out of V8's young generation and piled up in the old one until a full collection (about half of
 * what the check of a 5 MB pair added to its peak memory). A slot holds what the check asks of a token in
 * arrays it fills again for each paragraph it takes, so keeping tokens allocates nothing.
 */
import type { WordInfo } from '../anchors/translit.js';

/** Flag of {@link TokenSlot.flags}: the token is joined to the previous one (see `Token.joined`). */
export const JOINED = 1;
/** Flag of {@link TokenSlot.flags}: the token's capital says nothing about the word (sentence start, heading …). */
export const NEUTRAL = 2;

/** The tokens of one paragraph: token `k` for `k < count` (entries past `count` are left over from another paragraph). */
export interface TokenSlot {
  /** The paragraph held; -1 for none yet. */
  index: number;
  count: number;
  /** Facts of each token's spelling; the spelling itself is `infos[k].text`. */
  infos: WordInfo[];
  /** Start of each token in the text it was read from. */
  starts: Int32Array;
  /** {@link JOINED} and {@link NEUTRAL} of each token. */
  flags: Uint8Array;
}

/**
 * A ring of `size` slots: {@link find} a paragraph's tokens, or {@link take} the oldest slot to fill with another
 * paragraph's. A slot just taken is the last one reused, so it stays valid while up to `size - 1` others are taken.
 */
export class TokenWindow {
  /** The slots made so far (made on first need: a short document's check may take fewer than `size`). */
  private readonly slots: TokenSlot[] = [];
  private readonly size: number;
  private next = 0;

  constructor(size: number) {
    this.size = Math.max(1, size);
  }

  /** The slot holding paragraph `index`, if it is among the recent ones. */
  find(index: number): TokenSlot | undefined {
    for (const slot of this.slots) if (slot.index === index) return slot;
    return undefined;
  }

  /** The oldest slot, emptied and given to paragraph `index`, with room for `count` tokens. */
  take(index: number, count: number): TokenSlot {
    if (this.slots.length < this.size) this.slots.push({ index: -1, count: 0, infos: [], starts: new Int32Array(Math.max(count, 64)), flags: new Uint8Array(Math.max(count, 64)) });
    const slot = this.slots[this.next]!;
    this.next = (this.next + 1) % this.size;
    if (slot.starts.length < count) {
      const room = Math.max(count, slot.starts.length * 2);
      slot.starts = new Int32Array(room);
      slot.flags = new Uint8Array(room);
    }
    slot.index = index;
    slot.count = count;
    return slot;
  }
}
