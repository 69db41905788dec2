// X.509 certificates (RFC 5280) as far as a timestamp token's verifier needs them: names,
// validity, keys, the CA and usage extensions, and signatures by ECDSA, RSA (Web Crypto) and
// SM2 with SM3 (GM/T 0010: under the default user ID).
import { bytesFromBigInt, decodeUtf8, fromBase64, ownBuffer } from './bytes.js';
import {
  DerError,
  Tag,
  childrenOf,
  contextConstructed,
  expectTag,
  readAlgorithm,
  readBitString,
  readBoolean,
  readDer,
  readInteger,
  readOid,
  readTime,
  sequenceOf,
  type DerElement,
} from './der.js';
import type { Hashes } from './hashing.js';
import { defaultSm2UserId, verifySm2 } from './sm2.js';

export const Oid = {
  ecPublicKey: '1.2.840.10045.2.1',
  p256: '1.2.840.10045.3.1.7',
  p384: '1.3.132.0.34',
  sm2Curve: '1.2.156.10197.1.301',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRsa: '1.2.840.113549.1.1.11',
  sha384WithRsa: '1.2.840.113549.1.1.12',
  sha512WithRsa: '1.2.840.113549.1.1.13',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  ecdsaWithSha384: '1.2.840.10045.4.3.3',
  ecdsaWithSha512: '1.2.840.10045.4.3.4',
  sm2WithSm3: '1.2.156.10197.1.501',
  sha1: '1.3.14.3.2.26',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
  sm3: '1.2.156.10197.1.401',
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  extKeyUsage: '2.5.29.37',
  subjectKeyIdentifier: '2.5.29.14',
  timeStamping: '1.3.6.1.5.5.7.3.8',
} as const;

export type KeyAlgorithm = 'p256' | 'p384' | 'sm2' | 'rsa' | 'other';

export interface Certificate {
  readonly raw: Uint8Array;
  readonly tbs: Uint8Array;
  readonly serial: bigint;
  readonly issuer: Uint8Array;
  readonly subject: Uint8Array;
  /** The subject as RFC 4514 writes it, e.g. "CN=Independent TSA". */
  readonly subjectText: string;
  readonly notBeforeMs: number;
  readonly notAfterMs: number;
  readonly spki: Uint8Array;
  readonly keyAlgorithm: KeyAlgorithm;
  /** The subjectPublicKey bits: an EC point 0x04 ‖ x ‖ y, or an RSA key. */
  readonly publicKey: Uint8Array;
  readonly signatureAlgorithm: string;
  readonly signature: Uint8Array;
  readonly basicConstraints: { readonly ca: boolean; readonly pathLength: bigint | undefined } | undefined;
  /** KeyUsage bits (bit 0 = digitalSignature … bit 5 = keyCertSign), when the extension is there. */
  readonly keyUsage: Uint8Array | undefined;
  readonly extendedKeyUsage: { readonly critical: boolean; readonly purposes: readonly string[] } | undefined;
  readonly subjectKeyId: Uint8Array | undefined;
}

const attributeNames: Readonly<Record<string, string>> = {
  '2.5.4.3': 'CN',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.5': 'SERIALNUMBER',
  '1.2.840.113549.1.9.1': 'E',
};

function directoryString(element: DerElement): string {
  switch (element.tag) {
    case Tag.utf8String:
    case Tag.printableString:
    case Tag.ia5String:
      return decodeUtf8(element.contents) ?? '';
    case Tag.teletexString:
      return String.fromCharCode(...element.contents);
    case Tag.bmpString: {
      let text = '';
      for (let i = 0; i + 1 < element.contents.length; i += 2) text += String.fromCharCode((element.contents[i]! << 8) | element.contents[i + 1]!);
      return text;
    }
    default:
      throw new DerError(`a name attribute of tag 0x${element.tag.toString(16)}`);
  }
}

/** RFC 4514: the last RDN first, attributes as TYPE=value, joined by ", ". */
export function nameText(name: DerElement): string {
  const rdns = sequenceOf(name, 'Name').map((rdn) =>
    sequenceOf(rdn, 'RelativeDistinguishedName', Tag.set)
      .map((attribute) => {
        const [type, value] = sequenceOf(attribute, 'AttributeTypeAndValue');
        const oid = readOid(type, 'attribute type');
        if (value === undefined) throw new DerError('attribute value missing');
        const text = directoryString(value);
        return `${attributeNames[oid] ?? oid}=${text.replace(/([,+"\\<>;])/g, '\\$1')}`;
      })
      .join('+'),
  );
  return rdns.reverse().join(', ');
}

function keyAlgorithmOf(spki: DerElement): { keyAlgorithm: KeyAlgorithm; publicKey: Uint8Array } {
  const [algorithm, key] = sequenceOf(spki, 'SubjectPublicKeyInfo');
  const { oid, parameters } = readAlgorithm(algorithm, 'subjectPublicKeyInfo algorithm');
  const publicKey = readBitString(key, 'subjectPublicKey').bytes;
  if (oid === Oid.rsaEncryption) return { keyAlgorithm: 'rsa', publicKey };
  if (oid !== Oid.ecPublicKey || parameters?.tag !== Tag.oid) return { keyAlgorithm: 'other', publicKey };
  const curve = readOid(parameters, 'namedCurve');
  const keyAlgorithm: KeyAlgorithm = curve === Oid.p256 ? 'p256' : curve === Oid.p384 ? 'p384' : curve === Oid.sm2Curve ? 'sm2' : 'other';
  return { keyAlgorithm, publicKey };
}

/** Parses one DER certificate; throws DerError if it is not one. */
export function parseCertificate(raw: Uint8Array): Certificate {
  const certificate = readDer(raw);
  const [tbsElement, signatureAlgorithm, signatureValue, ...extra] = sequenceOf(certificate, 'Certificate');
  if (extra.length > 0) throw new DerError('Certificate: too many members');
  const tbs = sequenceOf(tbsElement, 'TBSCertificate');
  let index = 0;
  if (tbs[0]?.tag === contextConstructed(0)) index++;
  const serial = readInteger(tbs[index++], 'serialNumber');
  index++; // the signature algorithm, repeated from outside the signed part
  const issuer = tbs[index++]!;
  const [notBefore, notAfter] = sequenceOf(tbs[index++], 'Validity');
  const subject = tbs[index++];
  const spki = tbs[index++];
  if (issuer === undefined || subject === undefined || spki === undefined) throw new DerError('TBSCertificate: members missing');
  const { keyAlgorithm, publicKey } = keyAlgorithmOf(spki);

  let basicConstraints: Certificate['basicConstraints'];
  let keyUsage: Uint8Array | undefined;
  let extendedKeyUsage: Certificate['extendedKeyUsage'];
  let subjectKeyId: Uint8Array | undefined;
  const extensions = tbs.slice(index).find((element) => element.tag === contextConstructed(3));
  for (const extension of extensions ? sequenceOf(childrenOf(extensions)[0], 'Extensions') : []) {
    const members = sequenceOf(extension, 'Extension');
    const oid = readOid(members[0], 'extnID');
    const critical = members.length === 3 ? readBoolean(members[1], 'critical') : false;
    const value = readDer(members[members.length - 1]!.contents);
    if (oid === Oid.basicConstraints) {
      const fields = childrenOf(value);
      const ca = fields[0]?.tag === Tag.boolean ? readBoolean(fields[0], 'cA') : false;
      const pathField = fields.find((field) => field.tag === Tag.integer);
      basicConstraints = { ca, pathLength: pathField ? readInteger(pathField, 'pathLenConstraint') : undefined };
    } else if (oid === Oid.keyUsage) {
      keyUsage = readBitString(value, 'keyUsage').bytes;
    } else if (oid === Oid.extKeyUsage) {
      extendedKeyUsage = { critical, purposes: childrenOf(value).map((purpose) => readOid(purpose, 'KeyPurposeId')) };
    } else if (oid === Oid.subjectKeyIdentifier) {
      subjectKeyId = expectTag(value, Tag.octetString, 'subjectKeyIdentifier').contents;
    }
  }

  return {
    raw,
    tbs: tbsElement!.raw,
    serial,
    issuer: issuer.raw,
    subject: subject.raw,
    subjectText: nameText(subject),
    notBeforeMs: readTime(notBefore, 'notBefore'),
    notAfterMs: readTime(notAfter, 'notAfter'),
    spki: spki.raw,
    keyAlgorithm,
    publicKey,
    signatureAlgorithm: readAlgorithm(signatureAlgorithm, 'signatureAlgorithm').oid,
    signature: readBitString(signatureValue, 'signatureValue').bytes,
    basicConstraints,
    keyUsage,
    extendedKeyUsage,
    subjectKeyId,
  };
}

/** Every CERTIFICATE block of a PEM text, as DER; null if a block is not base64. */
export function pemCertificates(pem: string): Uint8Array[] | null {
  const blocks = [...pem.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)];
  const certificates: Uint8Array[] = [];
  for (const block of blocks) {
    const der = fromBase64(block[1]!.replace(/\s+/g, ''));
    if (der === null) return null;
    certificates.push(der);
  }
  return certificates;
}

/** A bit of a KeyUsage or similar BIT STRING, numbered from the first byte's top bit. */
export function bitSet(bits: Uint8Array, bit: number): boolean {
  return ((bits[bit >> 3] ?? 0) & (0x80 >> (bit & 7))) !== 0;
}

const keyCertSignBit = 5;

export function isCertificateAuthority(certificate: Certificate): boolean {
  return certificate.basicConstraints?.ca === true && (certificate.keyUsage === undefined || bitSet(certificate.keyUsage, keyCertSignBit));
}

/** The hash a signature algorithm signs with, for those whose OID names both. */
const combinedAlgorithms: Readonly<Record<string, { key: 'ec' | 'rsa' | 'sm2'; hash: 'SHA-256' | 'SHA-384' | 'SHA-512' | 'SM3' }>> = {
  [Oid.ecdsaWithSha256]: { key: 'ec', hash: 'SHA-256' },
  [Oid.ecdsaWithSha384]: { key: 'ec', hash: 'SHA-384' },
  [Oid.ecdsaWithSha512]: { key: 'ec', hash: 'SHA-512' },
  [Oid.sha256WithRsa]: { key: 'rsa', hash: 'SHA-256' },
  [Oid.sha384WithRsa]: { key: 'rsa', hash: 'SHA-384' },
  [Oid.sha512WithRsa]: { key: 'rsa', hash: 'SHA-512' },
  [Oid.sm2WithSm3]: { key: 'sm2', hash: 'SM3' },
};

const digestNames: Readonly<Record<string, 'SHA-256' | 'SHA-384' | 'SHA-512' | 'SM3'>> = {
  [Oid.sha256]: 'SHA-256',
  [Oid.sha384]: 'SHA-384',
  [Oid.sha512]: 'SHA-512',
  [Oid.sm3]: 'SM3',
};

/**
 * Does `signature` by `signer`'s key verify over `message`? `signatureAlgorithm` is a combined
 * OID (ecdsa-with-SHA256, sm2sign-with-sm3, …); CMS may also name the bare key algorithm and
 * leave the hash to its digest algorithm, `digestAlgorithm`. Unknown algorithms do not verify.
 */
export async function verifySignature(
  signer: Certificate,
  signatureAlgorithm: string,
  digestAlgorithm: string | undefined,
  message: Uint8Array,
  signature: Uint8Array,
  hashes: Hashes,
): Promise<boolean> {
  let algorithm = combinedAlgorithms[signatureAlgorithm];
  const bareHash = digestAlgorithm === undefined ? undefined : digestNames[digestAlgorithm];
  if (algorithm === undefined && bareHash !== undefined) {
    if (signatureAlgorithm === Oid.ecPublicKey) algorithm = signer.keyAlgorithm === 'sm2' ? { key: 'sm2', hash: bareHash } : { key: 'ec', hash: bareHash };
    if (signatureAlgorithm === Oid.rsaEncryption) algorithm = { key: 'rsa', hash: bareHash };
  }
  if (algorithm === undefined) return false;
  try {
    if (algorithm.key === 'sm2') {
      if (signer.keyAlgorithm !== 'sm2' || algorithm.hash !== 'SM3') return false;
      const { r, s } = readEcdsaSignature(signature);
      return verifySm2(hashes.sm3, signer.publicKey, defaultSm2UserId, message, r, s);
    }
    if (algorithm.hash === 'SM3') return false;
    if (algorithm.key === 'ec') {
      if (signer.keyAlgorithm !== 'p256' && signer.keyAlgorithm !== 'p384') return false;
      const namedCurve = signer.keyAlgorithm === 'p256' ? 'P-256' : 'P-384';
      const size = signer.keyAlgorithm === 'p256' ? 32 : 48;
      const { r, s } = readEcdsaSignature(signature);
      // Web Crypto takes r ‖ s (IEEE P1363), CMS and X.509 carry DER SEQUENCE { r, s }.
      if (r >= 1n << BigInt(size * 8) || s >= 1n << BigInt(size * 8)) return false;
      const fixed = new Uint8Array([...bytesFromBigInt(r, size), ...bytesFromBigInt(s, size)]);
      const key = await crypto.subtle.importKey('spki', ownBuffer(signer.spki), { name: 'ECDSA', namedCurve }, false, ['verify']);
      return await crypto.subtle.verify({ name: 'ECDSA', hash: algorithm.hash }, key, fixed, ownBuffer(message));
    }
    if (signer.keyAlgorithm !== 'rsa') return false;
    const key = await crypto.subtle.importKey('spki', ownBuffer(signer.spki), { name: 'RSASSA-PKCS1-v1_5', hash: algorithm.hash }, false, ['verify']);
    return await crypto.subtle.verify({ name: 'RSASSA-PKCS1-v1_5' }, key, ownBuffer(signature), ownBuffer(message));
  } catch (error) {
    if (error instanceof DerError || error instanceof DOMException || error instanceof TypeError) return false;
    throw error;
  }
}

function readEcdsaSignature(der: Uint8Array): { r: bigint; s: bigint } {
  const [r, s, ...rest] = sequenceOf(readDer(der), 'ECDSA signature');
  if (rest.length > 0) throw new DerError('ECDSA signature: too many members');
  const rValue = readInteger(r, 'r');
  const sValue = readInteger(s, 's');
  if (rValue <= 0n || sValue <= 0n) throw new DerError('ECDSA signature: not positive');
  return { r: rValue, s: sValue };
}

/** Digest of `data` by a CMS digest algorithm OID; null for algorithms not supported. */
export async function digestByOid(oid: string, data: Uint8Array, hashes: Hashes): Promise<Uint8Array | null> {
  if (oid === Oid.sha256) return hashes.sha256(data);
  if (oid === Oid.sm3) return hashes.sm3(data);
  const webName = oid === Oid.sha1 ? 'SHA-1' : oid === Oid.sha384 ? 'SHA-384' : oid === Oid.sha512 ? 'SHA-512' : null;
  return webName === null ? null : new Uint8Array(await crypto.subtle.digest(webName, ownBuffer(data)));
}

