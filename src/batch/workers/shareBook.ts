import { checkPackedBook } from '../batchShape.js';
import type { PackedBook } from '../PackedBook.js';

type Typed = Float64Array | Int32Array | Uint8Array;

function shared<T extends Typed>(array: T): T {
  if (array.buffer instanceof SharedArrayBuffer) return array;
  const Ctor = array.constructor as new (buffer: SharedArrayBuffer) => T;
  const copy = new Ctor(new SharedArrayBuffer(array.byteLength));
  copy.set(array as never);
  return copy;
}

/**
 * The book with every column in `SharedArrayBuffer` memory, so posting it to worker threads shares the columns
 * instead of copying them (one copy, made once).
 * @category Batch
 */
export function shareBook(book: PackedBook): PackedBook {
  checkPackedBook(book);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(book)) {
    out[key] = ArrayBuffer.isView(value) ? shared(value as Typed) : value;
  }
  return out as unknown as PackedBook;
}
