/**
 * An intern table of word spellings, looked up by a range of a text without cutting the word out of it, and side
 * tables keyed by the entries' dense ids.
 *
 * Why: most words of a long text are repeats. A `Map` keyed by the word needs a fresh substring per occurrence (an
 * allocation, then a hash of it); here the tokenizer hashes the range it just read and compares code units in place,
 * so a repeat costs no allocation. Each entry gets a small integer id, so other modules can keep per-spelling facts
 * in plain arrays (see {@link PerWord}) instead of more string-keyed maps.
 */

/** Hash of the empty word: the start of {@link hashStep}. */
export const HASH_SEED = 0x811c9dc5 | 0;

/**
 * The hash `h` of a word extended by one code unit (FNV-1a, as a signed 32-bit integer: a small integer for V8,
 * never a boxed number). For a tokenizer hashing as it reads.
 */
export function hashStep(h: number, unit: number): number {
  return Math.imul(h ^ unit, 0x01000193);
}

/** Hash of `text[start, end)` by code unit: the key {@link WordTable} is probed with. */
export function hashRange(text: string, start: number, end: number): number {
  let h = HASH_SEED;
  for (let i = start; i < end; i++) h = hashStep(h, text.charCodeAt(i));
  return h;
}

/**
 * Open-addressing hash table of entries keyed by their `text`. Entries are never removed one by one: when the
 * table reaches its limit it is emptied whole and its {@link WordTable.epoch} moves on, which tells side tables
 * that the ids they hold are stale.
 */
export class WordTable<T extends { readonly text: string }> {
  private entries: T[] = [];
  /**
   * Per slot, two integers side by side: the hash and the entry's index plus one (0 = empty); the entry's offset and
   * length are in `spans`. A probe reads typed arrays, not scattered objects. (Four integers a slot, the offset and
   * length beside the hash, measured no faster: the table is twice the size.)
   */
  private slots: Int32Array;
  private mask: number;
  /** Every entry's code units, end to end: comparing a text range with a typed array beats comparing strings. */
  private units = new Uint16Array(1 << 16);
  private used = 0;
  /** Per entry index plus one: offset and length of its code units in `units`. */
  private spans = new Int32Array(1 << 12);
  /** Bumped on every reset; ids are only meaningful within one epoch. */
  epoch = 0;

  constructor(private readonly limit: number, capacity = 4096) {
    this.slots = new Int32Array(capacity * SLOT);
    this.mask = capacity - 1;
  }

  /** Number of entries. */
  get size(): number {
    return this.entries.length;
  }

  /** The entry whose text is `text[start, end)` (`hash` = {@link hashRange} of it), if present. */
  find(text: string, start: number, end: number, hash: number): T | undefined {
    const { slots, mask, units } = this;
    const length = end - start;
    for (let s = hash & mask; ; s = (s + 1) & mask) {
      const ref = slots[2 * s + 1]!;
      if (ref === 0) return undefined;
      if (slots[2 * s] === hash && this.spans[2 * ref + 1] === length) {
        const offset = this.spans[2 * ref]!;
        let i = 0;
        while (i < length && units[offset + i] === text.charCodeAt(start + i)) i++;
        if (i === length) return this.entries[ref - 1];
      }
    }
  }

  /** Add the entry `make(id)` under `hash` (its text must not be present yet) and return it. */
  add(hash: number, make: (id: number) => T): T {
    if (this.entries.length >= this.limit) this.reset();
    if ((this.entries.length + 1) * 2 > this.mask + 1) this.grow();
    const entry = make(this.entries.length);
    const text = entry.text;
    if (this.used + text.length > this.units.length) {
      const units = new Uint16Array(Math.max(this.units.length * 2, this.used + text.length));
      units.set(this.units);
      this.units = units;
    }
    const offset = this.used;
    for (let i = 0; i < text.length; i++) this.units[this.used++] = text.charCodeAt(i);
    this.entries.push(entry);
    const ref = this.entries.length;
    if (2 * ref + 2 > this.spans.length) {
      const spans = new Int32Array(this.spans.length * 2);
      spans.set(this.spans);
      this.spans = spans;
    }
    this.spans[2 * ref] = offset;
    this.spans[2 * ref + 1] = text.length;
    this.place(hash, ref);
    return entry;
  }

  private place(hash: number, ref: number): void {
    const { slots, mask } = this;
    let s = hash & mask;
    while (slots[s * SLOT + 1] !== 0) s = (s + 1) & mask;
    slots[s * SLOT] = hash;
    slots[s * SLOT + 1] = ref;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    this.mask = (this.mask + 1) * 2 - 1;
    for (let at = 0; at < old.length; at += SLOT) if (old[at + 1] !== 0) this.place(old[at]!, old[at + 1]!);
  }

  private reset(): void {
    this.entries = [];
    this.used = 0;
    this.slots.fill(0);
    this.epoch++;
  }
}

/** Integers per slot of a {@link WordTable}. */
const SLOT = 2;

/**
 * A side table: one value per entry of a {@link WordTable}, kept in an array indexed by the entry's id, emptied
 * when the table is reset. For per-spelling facts that another module computes lazily (a gazetteer's candidate
 * phrases of a word, a lexicon's phrases starting with it).
 */
export class PerWord<T> {
  private values: Array<T | undefined> = [];
  private epoch: number;

  constructor(private readonly table: WordTable<{ readonly text: string }>) {
    this.epoch = table.epoch;
  }

  /** The value stored for entry `id`, if any. */
  get(id: number): T | undefined {
    if (this.epoch !== this.table.epoch) {
      this.values = [];
      this.epoch = this.table.epoch;
    }
    return this.values[id];
  }

  /** Store the value of entry `id` (call right after a {@link PerWord.get} of the same id). */
  set(id: number, value: T): T {
    // Filled up to `id` so the array stays dense (a far write would turn it into a slow dictionary).
    while (this.values.length < id) this.values.push(undefined);
    this.values[id] = value;
    return value;
  }
}
