// A strict DER reader (X.690 §10) for the certificates and CMS structures of timestamp tokens:
// definite, minimal lengths and low tag numbers only. DER only, because the fields a token's
// signature does not cover (SignedData's outer layers) must have a single encoding — a token
// that is also a log leaf must hash one way (timestamping.md §The verifier, step 1).
// Every element keeps its raw bytes: signatures are over exactly the bytes received.
import { bigIntFromBytes, decodeUtf8 } from './bytes.js';

export class DerError extends Error {}

export interface DerElement {
  /** The identifier octet: class, constructed bit and tag number. */
  readonly tag: number;
  /** The contents octets. */
  readonly contents: Uint8Array;
  /** Identifier, length and contents: the element exactly as encoded. */
  readonly raw: Uint8Array;
}

export const Tag = {
  boolean: 0x01,
  integer: 0x02,
  bitString: 0x03,
  octetString: 0x04,
  null: 0x05,
  oid: 0x06,
  utf8String: 0x0c,
  printableString: 0x13,
  teletexString: 0x14,
  ia5String: 0x16,
  utcTime: 0x17,
  generalizedTime: 0x18,
  bmpString: 0x1e,
  sequence: 0x30,
  set: 0x31,
} as const;

/** [n] with the constructed bit: an EXPLICIT tag, or an IMPLICIT one over a SEQUENCE or SET. */
export const contextConstructed = (n: number) => 0xa0 | n;
/** [n] primitive: an IMPLICIT tag over a primitive type. */
export const contextPrimitive = (n: number) => 0x80 | n;

function readElement(bytes: Uint8Array, offset: number): { element: DerElement; next: number } {
  const tag = bytes[offset];
  if (tag === undefined) throw new DerError('truncated: no tag');
  if ((tag & 0x1f) === 0x1f) throw new DerError('high tag numbers are not used here');
  let position = offset + 1;
  const first = bytes[position++];
  if (first === undefined) throw new DerError('truncated: no length');
  let length = first;
  if (first === 0x80) throw new DerError('indefinite length is BER, not DER');
  if (first > 0x80) {
    const count = first & 0x7f;
    if (count > 4) throw new DerError('length too large');
    length = 0;
    for (let i = 0; i < count; i++) {
      const byte = bytes[position++];
      if (byte === undefined) throw new DerError('truncated length');
      if (i === 0 && byte === 0) throw new DerError('length not minimal');
      length = length * 256 + byte;
    }
    if (length < 0x80) throw new DerError('length not minimal');
  }
  const end = position + length;
  if (end > bytes.length) throw new DerError('truncated contents');
  return { element: { tag, contents: bytes.subarray(position, end), raw: bytes.subarray(offset, end) }, next: end };
}

/** Exactly one element filling `bytes`. */
export function readDer(bytes: Uint8Array): DerElement {
  const { element, next } = readElement(bytes, 0);
  if (next !== bytes.length) throw new DerError('bytes after the element');
  return element;
}

/** The elements a constructed element's contents hold, in order. */
export function childrenOf(element: DerElement): DerElement[] {
  if ((element.tag & 0x20) === 0) throw new DerError(`tag 0x${element.tag.toString(16)} is not constructed`);
  const children: DerElement[] = [];
  let offset = 0;
  while (offset < element.contents.length) {
    const { element: child, next } = readElement(element.contents, offset);
    children.push(child);
    offset = next;
  }
  return children;
}

export function expectTag(element: DerElement | undefined, tag: number, what: string): DerElement {
  if (element === undefined) throw new DerError(`${what} is missing`);
  if (element.tag !== tag) throw new DerError(`${what}: tag 0x${element.tag.toString(16)}, expected 0x${tag.toString(16)}`);
  return element;
}

/** The children of a SEQUENCE (or another constructed tag) that must be there. */
export function sequenceOf(element: DerElement | undefined, what: string, tag: number = Tag.sequence): DerElement[] {
  return childrenOf(expectTag(element, tag, what));
}

export function readOid(element: DerElement | undefined, what: string): string {
  const contents = expectTag(element, Tag.oid, what).contents;
  if (contents.length === 0 || (contents[contents.length - 1]! & 0x80) !== 0) throw new DerError(`${what}: malformed OID`);
  const arcs: bigint[] = [];
  let value = 0n;
  for (const byte of contents) {
    if (value === 0n && byte === 0x80) throw new DerError(`${what}: OID arc not minimal`);
    value = (value << 7n) | BigInt(byte & 0x7f);
    if ((byte & 0x80) === 0) {
      if (arcs.length === 0) {
        const first = value < 40n ? 0n : value < 80n ? 1n : 2n;
        arcs.push(first, value - first * 40n);
      } else {
        arcs.push(value);
      }
      value = 0n;
    }
  }
  return arcs.join('.');
}

/** An INTEGER's value (two's complement) as a bigint. */
export function readInteger(element: DerElement | undefined, what: string, tag: number = Tag.integer): bigint {
  const contents = expectTag(element, tag, what).contents;
  if (contents.length === 0) throw new DerError(`${what}: empty INTEGER`);
  if (contents.length > 1 && ((contents[0] === 0x00 && (contents[1]! & 0x80) === 0) || (contents[0] === 0xff && (contents[1]! & 0x80) !== 0))) {
    throw new DerError(`${what}: INTEGER not minimal`);
  }
  const unsigned = bigIntFromBytes(contents);
  return (contents[0]! & 0x80) !== 0 ? unsigned - (1n << BigInt(contents.length * 8)) : unsigned;
}

export function readBoolean(element: DerElement | undefined, what: string): boolean {
  const contents = expectTag(element, Tag.boolean, what).contents;
  if (contents.length !== 1 || (contents[0] !== 0x00 && contents[0] !== 0xff)) throw new DerError(`${what}: not a DER BOOLEAN`);
  return contents[0] === 0xff;
}

/** A BIT STRING's bits as bytes; `unusedBits` is the count of padding bits in the last byte. */
export function readBitString(element: DerElement | undefined, what: string): { bytes: Uint8Array; unusedBits: number } {
  const contents = expectTag(element, Tag.bitString, what).contents;
  const unusedBits = contents[0];
  if (unusedBits === undefined || unusedBits > 7 || (contents.length === 1 && unusedBits !== 0)) throw new DerError(`${what}: malformed BIT STRING`);
  return { bytes: contents.subarray(1), unusedBits };
}

/** UTCTime or GeneralizedTime (RFC 5280 §4.1.2.5 forms, in UTC) as Unix milliseconds. */
export function readTime(element: DerElement | undefined, what: string): number {
  if (element === undefined) throw new DerError(`${what} is missing`);
  const text = decodeUtf8(element.contents) ?? '';
  let match: RegExpExecArray | null;
  if (element.tag === Tag.utcTime && (match = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text))) {
    const year = Number(match[1]);
    return Date.UTC(year < 50 ? 2000 + year : 1900 + year, Number(match[2]) - 1, Number(match[3]), Number(match[4]), Number(match[5]), Number(match[6]));
  }
  // GeneralizedTime: a fraction without trailing zeroes (X.690 §11.7); past milliseconds it is cut.
  if (element.tag === Tag.generalizedTime && (match = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\.(\d*[1-9]))?Z$/.exec(text))) {
    const milliseconds = Number(((match[7] ?? '') + '000').slice(0, 3));
    return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), Number(match[4]), Number(match[5]), Number(match[6]), milliseconds);
  }
  throw new DerError(`${what}: not a UTC time`);
}

/** An AlgorithmIdentifier: its OID, and whether its parameters are absent or NULL. */
export function readAlgorithm(element: DerElement | undefined, what: string): { oid: string; parameters: DerElement | undefined } {
  const [oid, parameters, ...rest] = sequenceOf(element, what);
  if (rest.length > 0) throw new DerError(`${what}: too many members`);
  return { oid: readOid(oid, what), parameters };
}

export function hasNoParameters(parameters: DerElement | undefined): boolean {
  return parameters === undefined || (parameters.tag === Tag.null && parameters.contents.length === 0);
}
