/**
 * A table from trigrams (three UTF-16 code units) to small non-negative integers, read without making a string
 * per trigram: franc's comparison looks up every trigram of a text, and slicing each out to look it up in a
 * Map (a new string, hashed) was most of its cost. Open addressing over typed arrays; a trigram's key is the
 * exact number `a·2³² + b·2¹⁶ + c` of its code units.
 */

/** A key no trigram has (keys are non-negative). */
const EMPTY = -1;

/** Trigrams to integers, for at most the number of trigrams it was made for. */
export class TrigramTable {
  private readonly keys: Float64Array;
  private readonly values: Int32Array;
  private readonly mask: number;
  private readonly shift: number;
  /** Trigrams in the table. */
  size = 0;

  /** A table for up to `capacity` trigrams (it is kept at most half full, so probes stay short). */
  constructor(capacity: number) {
    let bits = 4;
    while (1 << bits < 2 * capacity) bits++;
    this.keys = new Float64Array(1 << bits).fill(EMPTY);
    this.values = new Int32Array(1 << bits);
    this.mask = (1 << bits) - 1;
    this.shift = 32 - bits;
  }

  /** The value of the trigram `a b c` (code units), or -1 when the table does not have it. */
  get(a: number, b: number, c: number): number {
    const slot = this.slotOf(a, b, c);
    return this.keys[slot] === EMPTY ? -1 : this.values[slot]!;
  }

  /**
   * Give the trigram `a b c` the value `value` unless it has one already. True when it was added.
   * @throws {RangeError} when the table is full (more trigrams than it was made for).
   */
  add(a: number, b: number, c: number, value: number): boolean {
    const slot = this.slotOf(a, b, c);
    if (this.keys[slot] !== EMPTY) return false;
    if (2 * (this.size + 1) > this.keys.length) throw new RangeError('the trigram table is full');
    this.keys[slot] = keyOf(a, b, c);
    this.values[slot] = value;
    this.size++;
    return true;
  }

  /** Empty the table. */
  clear(): void {
    if (this.size === 0) return;
    this.keys.fill(EMPTY);
    this.size = 0;
  }

  /** Where the trigram is, or the empty slot where it would go (linear probing from its hash). */
  private slotOf(a: number, b: number, c: number): number {
    const key = keyOf(a, b, c);
    // Multiplicative hashing of the three code units; the top bits of the product pick the slot.
    let slot = Math.imul(((a << 16) | b) ^ Math.imul(c, 0x9e3779b1), 0x85ebca6b) >>> this.shift;
    while (this.keys[slot] !== EMPTY && this.keys[slot] !== key) slot = (slot + 1) & this.mask;
    return slot;
  }
}

/** The number that stands for a trigram of code units `a b c` (each 0–0xFFFF): exact in a double. */
function keyOf(a: number, b: number, c: number): number {
  return a * 0x1_0000_0000 + b * 0x1_0000 + c;
}
