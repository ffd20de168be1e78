/**
 * Giving a large buffer's memory back as soon as a run is done with it, not when the garbage collector next finds
 * it unreferenced: for the few large buffers a run holds past their use (a long search's DP tables, 16 MB for a
 * 5 MB pair, and the bytes of a large input once parsed).
 *
 * Such a buffer is an ES2024 resizable `ArrayBuffer` (Node 20 has them; the TypeScript library here is ES2022),
 * shrunk to nothing when done. V8 maps it itself, so glibc's malloc thresholds (see align/dp.ts) do not apply, and
 * shrinking unmaps its pages. It is made exactly as long as asked: shrinking touches every page of its length first
 * (measured: a 32 MiB buffer holding 16 MB peaked 15 MB higher as it shrank). Detaching a plain buffer instead (by
 * transferring it) would free its memory too, but the first detach in a process makes V8 check every typed-array
 * access for it from then on: aligning the development cases took 6–8 % longer.
 */

interface ResizableArrayBuffer extends ArrayBuffer {
  readonly resizable: boolean;
  resize(byteLength: number): void;
}

const Resizable = ArrayBuffer as unknown as new (byteLength: number, options: { maxByteLength: number }) => ResizableArrayBuffer;

/** Does this runtime make resizable buffers? Without them a {@link releasableBuffer} is a plain one, never released. */
export const RELEASABLE = typeof (ArrayBuffer.prototype as Partial<ResizableArrayBuffer>).resize === 'function';

/** A zeroed buffer of `byteLength` bytes whose memory {@link releaseBuffer} gives back at once. */
export function releasableBuffer(byteLength: number): ArrayBuffer {
  return RELEASABLE ? new Resizable(byteLength, { maxByteLength: byteLength }) : new ArrayBuffer(byteLength);
}

/**
 * Give `buffer`'s memory back now if it is a {@link releasableBuffer}; any other buffer is left as it is. Every view
 * of it is empty afterwards: call it only when nothing reads the buffer again.
 */
export function releaseBuffer(buffer: ArrayBufferLike): void {
  const resizable = buffer as Partial<ResizableArrayBuffer>;
  if (resizable.resizable === true) resizable.resize!(0);
}
