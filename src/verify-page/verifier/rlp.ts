// Ethereum's RLP (Yellow Paper, Appendix B), decoding only: block headers, trie nodes, receipts.
// Canonical encodings only (no leading zeroes in lengths, single bytes below 0x80 unwrapped), so
// one value has one encoding, as for the hashes computed over them.

export type RlpItem = Uint8Array | RlpItem[];

export class RlpError extends Error {}

function readLength(bytes: Uint8Array, offset: number, count: number): number {
  if (offset + count > bytes.length) throw new RlpError('truncated length');
  if (bytes[offset] === 0) throw new RlpError('length with a leading zero');
  let length = 0;
  for (let i = 0; i < count; i++) length = length * 256 + bytes[offset + i]!;
  if (length < 56) throw new RlpError('long form for a short length');
  return length;
}

function decodeAt(bytes: Uint8Array, offset: number): { item: RlpItem; next: number } {
  const prefix = bytes[offset];
  if (prefix === undefined) throw new RlpError('truncated item');
  if (prefix < 0x80) return { item: bytes.subarray(offset, offset + 1), next: offset + 1 };
  if (prefix < 0xc0) {
    const short = prefix <= 0xb7;
    const lengthBytes = short ? 0 : prefix - 0xb7;
    const length = short ? prefix - 0x80 : readLength(bytes, offset + 1, lengthBytes);
    const start = offset + 1 + lengthBytes;
    if (start + length > bytes.length) throw new RlpError('truncated string');
    if (length === 1 && bytes[start]! < 0x80) throw new RlpError('a single byte below 0x80 must stand alone');
    return { item: bytes.subarray(start, start + length), next: start + length };
  }
  const short = prefix <= 0xf7;
  const lengthBytes = short ? 0 : prefix - 0xf7;
  const length = short ? prefix - 0xc0 : readLength(bytes, offset + 1, lengthBytes);
  const start = offset + 1 + lengthBytes;
  const end = start + length;
  if (end > bytes.length) throw new RlpError('truncated list');
  const items: RlpItem[] = [];
  let position = start;
  while (position < end) {
    const { item, next } = decodeAt(bytes, position);
    if (next > end) throw new RlpError('list member overruns the list');
    items.push(item);
    position = next;
  }
  return { item: items, next: end };
}

/** Decodes exactly one item filling `bytes`; throws RlpError otherwise. */
export function decodeRlp(bytes: Uint8Array): RlpItem {
  const { item, next } = decodeAt(bytes, 0);
  if (next !== bytes.length) throw new RlpError('bytes after the item');
  return item;
}

export function asList(item: RlpItem | undefined, what: string): RlpItem[] {
  if (!Array.isArray(item)) throw new RlpError(`${what} is not a list`);
  return item;
}

export function asBytes(item: RlpItem | undefined, what: string): Uint8Array {
  if (!(item instanceof Uint8Array)) throw new RlpError(`${what} is not a byte string`);
  return item;
}

/** A big-endian unsigned integer without leading zeroes (0 is the empty string). */
export function asInteger(item: RlpItem | undefined, what: string): bigint {
  const bytes = asBytes(item, what);
  if (bytes.length > 0 && bytes[0] === 0) throw new RlpError(`${what} has a leading zero`);
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  return value;
}

/** RLP of an unsigned integer: the key of a transaction's receipt in the receipts trie. */
export function encodeRlpInteger(value: bigint): Uint8Array {
  if (value === 0n) return new Uint8Array([0x80]);
  const bytes: number[] = [];
  for (let rest = value; rest > 0n; rest >>= 8n) bytes.unshift(Number(rest & 0xffn));
  if (bytes.length === 1 && bytes[0]! < 0x80) return new Uint8Array(bytes);
  if (bytes.length > 55) throw new RlpError('integer too large');
  return new Uint8Array([0x80 + bytes.length, ...bytes]);
}
