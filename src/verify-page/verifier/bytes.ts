// Byte helpers over Uint8Array alone (no Buffer: this module runs in a browser worker).
// docs/formats/README.md: integers are big-endian, hex is lowercase, base64 is RFC 4648 §4 with padding.

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  let length = 0;
  for (const part of parts) length += part.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a[i]! ^ b[i]!;
  return difference === 0;
}

export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += byte.toString(16).padStart(2, '0');
  return out;
}

/** Lowercase or uppercase hex of even length; null for anything else. */
export function fromHex(text: string): Uint8Array | null {
  if (text.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(text)) return null;
  const out = new Uint8Array(text.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(text.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** "0x"-prefixed hex, as Ethereum clients print it; null for anything else. */
export function fromHex0x(text: string): Uint8Array | null {
  return text.startsWith('0x') ? fromHex(text.slice(2)) : null;
}

const base64Pattern = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Strict RFC 4648 §4 base64 with padding; null for anything else (whitespace, URL alphabet, no padding). */
export function fromBase64(text: string): Uint8Array | null {
  if (!base64Pattern.test(text)) return null;
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  // atob ignores non-zero bits in the last character's padding; a canonical encoding has none.
  return toBase64(out) === text ? out : null;
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

const utf8Encoder = new TextEncoder();
const strictUtf8Decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function utf8(text: string): Uint8Array {
  return utf8Encoder.encode(text);
}

/** The text of UTF-8 bytes, or null if they are not UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return strictUtf8Decoder.decode(bytes);
  } catch {
    return null;
  }
}

export function u16(value: number): Uint8Array {
  return new Uint8Array([(value >>> 8) & 0xff, value & 0xff]);
}

export function u64(value: bigint): Uint8Array {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, value);
  return out;
}

export function bigIntFromBytes(bytes: Uint8Array): bigint {
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  return value;
}

export function bytesFromBigInt(value: bigint, length: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = length - 1; i >= 0; i--) {
    out[i] = Number(value & 0xffn);
    value >>= 8n;
  }
  return out;
}

/** ASCII decimal without sign or leading zeroes ("0" alone is allowed); null for anything else. */
export function parseDecimal(text: string): bigint | null {
  return /^(?:0|[1-9][0-9]*)$/.test(text) ? BigInt(text) : null;
}

/** Unix milliseconds as the reports and the conformance manifest write times: yyyy-MM-ddTHH:mm:ss.fffZ. */
export function isoTime(unixMilliseconds: number): string {
  return new Date(unixMilliseconds).toISOString();
}

/** A copy on its own ArrayBuffer, the only kind Web Crypto takes. */
export function ownBuffer(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(bytes);
}
