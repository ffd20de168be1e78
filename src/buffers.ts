/**
 * Giving a large buffer's memory back as soon as a run is done with it, not when the garbage collector next finds
 * it unreferenced (for the few large buffers a run holds past their use: a search's DP tables, 16 MB for a 5 MB
 * pair, and the bytes of a large input once parsed). Two ways, by how the buffer was made:
 *
 * - {@link releasableBuffer}: an ES2024 resizable `ArrayBuffer` (Node 20 has them; the TypeScript library here is
 *   ES2022), shrunk to nothing at once. V8 maps it itself, so glibc's malloc thresholds (see align/dp.ts) do not
 *   apply, and shrinking unmaps its pages. It is made exactly as long as asked: shrinking touches every page of its
 *   length first (measured: a 32 MiB buffer holding 16 MB peaked 15 MB higher as it shrank). Typed arrays over one
 *   are a little slower in V8's optimised code, so hot tables are not made this way.
 * - a plain buffer is detached by transferring it (`structuredClone`, no copy) to a clone nothing references, whose
 *   memory goes at the next minor collection, within a few megabytes of allocation.
 */

interface ResizableArrayBuffer extends ArrayBuffer {
  readonly resizable: boolean;
  resize(byteLength: number): void;
}

const Resizable = ArrayBuffer as unknown as new (byteLength: number, options: { maxByteLength: number }) => ResizableArrayBuffer;

/** Does this runtime make resizable buffers? Without them {@link releasableBuffer} is a plain one. */
const RESIZABLE = typeof (ArrayBuffer.prototype as Partial<ResizableArrayBuffer>).resize === 'function';

/** A zeroed buffer of `byteLength` bytes whose memory {@link releaseBuffer} gives back at once. */
export function releasableBuffer(byteLength: number): ArrayBuffer {
  return RESIZABLE ? new Resizable(byteLength, { maxByteLength: byteLength }) : new ArrayBuffer(byteLength);
}

/** Was `buffer` made by {@link releasableBuffer} (where the runtime has resizable buffers)? */
export function isReleasable(buffer: ArrayBufferLike): boolean {
  return (buffer as Partial<ResizableArrayBuffer>).resizable === true;
}

/**
 * Give `buffer`'s memory back (see the module comment). Only for a buffer the caller made and owns whole (never a
 * pooled one that other views share); every view of it is empty afterwards.
 */
export function releaseBuffer(buffer: ArrayBuffer): void {
  if (isReleasable(buffer)) (buffer as ResizableArrayBuffer).resize(0);
  else if (typeof structuredClone === 'function' && buffer.byteLength > 0) structuredClone(buffer, { transfer: [buffer] });
}
