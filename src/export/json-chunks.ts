/**
 * `JSON.stringify(value, null, indent)` written in pieces, for reports too large to hold as one string: the
 * JSON of a 5 MB pair is 6–7 M characters, held twice over (the string, then its UTF-8 bytes on the way out)
 * at the very end of a run, when memory is fullest. Streamed, the largest piece is one array element.
 */

/**
 * The text of `JSON.stringify(value, null, indent)`, in order, as pieces whose concatenation is exactly that
 * text. Objects and arrays down to `depth` levels are opened and written key by key, element by element; below
 * that each value is stringified whole. For plain data (no `toJSON`, no cycles), as the reports are.
 */
export function* jsonChunks(value: unknown, indent: number | string = 2, depth = 2): Generator<string> {
  const gap = typeof indent === 'number' ? ' '.repeat(Math.min(10, Math.max(0, Math.floor(indent)))) : indent.slice(0, 10);
  yield* chunksOf(value, gap, '', depth);
}

/**
 * A list whose elements are made only as {@link jsonChunks} writes them, one at a time: a report's long sections
 * (a 5 MB pair's 32 000 paragraphs) are streamed without being built first. Anywhere else in JSON it reads as
 * the array of its elements.
 */
export class LazyList<T> {
  constructor(
    readonly length: number,
    private readonly make: (k: number) => T,
  ) {}

  /** Element `k`, made now. */
  at(k: number): T {
    return this.make(k);
  }

  /** What `JSON.stringify` writes for it: the array of its elements. */
  toJSON(): T[] {
    return Array.from({ length: this.length }, (_, k) => this.make(k));
  }
}

function* chunksOf(value: unknown, gap: string, margin: string, depth: number): Generator<string> {
  if (depth <= 0 || value === null || typeof value !== 'object') {
    yield whole(value, gap, margin);
    return;
  }
  const inner = margin + gap;
  // With no gap, JSON.stringify puts no line breaks and no space after the colon.
  const open = gap ? `\n${inner}` : '';
  const list = value instanceof LazyList ? value : Array.isArray(value) ? value : undefined;
  if (list !== undefined) {
    if (list.length === 0) {
      yield '[]';
      return;
    }
    for (let k = 0; k < list.length; k++) {
      const item: unknown = list instanceof LazyList ? list.at(k) : list[k];
      yield `${k === 0 ? '[' : ','}${open}`;
      yield* chunksOf(item === undefined || typeof item === 'function' || typeof item === 'symbol' ? null : item, gap, inner, depth - 1);
    }
    yield gap ? `\n${margin}]` : ']';
    return;
  }
  let first = true;
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue; // left out, as JSON.stringify does
    yield `${first ? '{' : ','}${open}${JSON.stringify(key)}:${gap ? ' ' : ''}`;
    first = false;
    yield* chunksOf(item, gap, inner, depth - 1);
  }
  yield first ? '{}' : gap ? `\n${margin}}` : '}';
}

/** One value stringified whole at `margin`: its inner lines indented by the margin (strings hold no raw line break). */
function whole(value: unknown, gap: string, margin: string): string {
  const text = JSON.stringify(value, null, gap) ?? 'null';
  return margin && gap ? text.replaceAll('\n', `\n${margin}`) : text;
}
