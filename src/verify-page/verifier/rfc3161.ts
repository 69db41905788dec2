// RFC 3161 time-stamp tokens: CMS SignedData (RFC 5652) over a TSTInfo, checked as
// docs/timestamping.md §The verifier orders it, against TSA roots the verifier chose. The chain is
// judged at the token's genTime, not now: a token stays evidence after its TSA certificate expires.
import { bytesEqual, toHex } from './bytes.js';
import {
  DerError,
  Tag,
  childrenOf,
  contextConstructed,
  contextPrimitive,
  expectTag,
  hasNoParameters,
  readAlgorithm,
  readDer,
  readInteger,
  readOid,
  readTime,
  sequenceOf,
  type DerElement,
} from './der.js';
import { failure, success, type Outcome } from './failures.js';
import type { Hashes } from './hashing.js';
import { Oid, digestByOid, isCertificateAuthority, parseCertificate, verifySignature, type Certificate } from './x509.js';

const tokenBytesMax = 65_536;
const chainLengthMax = 6;

const CmsOid = {
  signedData: '1.2.840.113549.1.7.2',
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificate: '1.2.840.113549.1.9.16.2.12',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
} as const;

/** The imprint algorithms receipt.md §Timestamps allows, whatever the log's tree hash. */
export type ImprintAlgorithm = 'sha256' | 'sm3';

export interface VerifiedToken {
  readonly genTimeMs: number;
  /** The stated accuracy in milliseconds (microseconds rounded up); null when the token states none. */
  readonly accuracyMs: number | null;
  readonly serial: bigint;
  readonly policy: string;
  readonly signer: Certificate;
}

export interface TsaTrust {
  readonly roots: readonly Certificate[];
  /** The operator's own TSA certificates: its tokens verify, but are operator time. */
  readonly operator: readonly Certificate[];
}

interface SignedToken {
  readonly certificates: readonly Certificate[];
  readonly issuer: Uint8Array | undefined;
  readonly serial: bigint | undefined;
  readonly subjectKeyId: Uint8Array | undefined;
  readonly digestAlgorithm: string;
  readonly signedAttributes: DerElement;
  readonly signatureAlgorithm: string;
  readonly signature: Uint8Array;
  readonly content: Uint8Array;
}

const invalid = (detail: string) => failure<never>('TimestampTokenInvalid', detail);

/** The imprint algorithm the token names, read before verification so the caller can compute H(text). */
export function imprintAlgorithmOf(tokenDer: Uint8Array): ImprintAlgorithm | 'other' | null {
  try {
    const tstInfo = readTstInfo(readSignedToken(tokenDer).content);
    return tstInfo.imprintAlgorithm === Oid.sha256 ? 'sha256' : tstInfo.imprintAlgorithm === Oid.sm3 ? 'sm3' : 'other';
  } catch (error) {
    if (error instanceof DerError) return null;
    throw error;
  }
}

/**
 * Verifies a token over `expectedImprint` (H(text) under the algorithm the token names) in the
 * order of docs/timestamping.md §The verifier; the first broken rule is the failure.
 */
export async function verifyToken(tokenDer: Uint8Array, expectedImprint: Uint8Array, trust: TsaTrust, hashes: Hashes): Promise<Outcome<VerifiedToken>> {
  // 1. One DER ContentInfo of SignedData, one signer with signed attributes, over a TSTInfo.
  if (tokenDer.length > tokenBytesMax) return invalid(`${tokenDer.length} bytes, at most ${tokenBytesMax}`);
  let token: SignedToken;
  try {
    token = readSignedToken(tokenDer);
  } catch (error) {
    if (error instanceof DerError) return invalid(`not a DER time-stamp token: ${error.message}`);
    throw error;
  }

  // 2. The certificate the signer info names, carried in the token.
  const signer = token.certificates.find((certificate) =>
    token.subjectKeyId === undefined
      ? bytesEqual(certificate.issuer, token.issuer!) && certificate.serial === token.serial
      : certificate.subjectKeyId !== undefined && bytesEqual(certificate.subjectKeyId, token.subjectKeyId),
  );
  if (signer === undefined) return invalid("the token does not carry its signer's certificate");

  // 3. A chain to one of the verifier's roots, every link's signature checked, every issuer a CA.
  const chain = await chainToRoot(signer, token.certificates, trust.roots, hashes);
  if (!chain.ok) return chain;

  // 4. The signed attributes bind the content, and the signature over them verifies.
  const attributes = readAttributes(token.signedAttributes);
  if (attributes === null) return invalid('the signed attributes are malformed');
  const contentType = attributes.get(CmsOid.contentType);
  const messageDigest = attributes.get(CmsOid.messageDigest);
  const contentDigest = await digestByOid(token.digestAlgorithm, token.content, hashes);
  if (contentDigest === null) return invalid(`the digest algorithm ${token.digestAlgorithm} is not supported`);
  try {
    if (contentType === undefined || readOid(contentType, 'content-type') !== CmsOid.tstInfo) return invalid('the content-type attribute is not id-ct-TSTInfo');
    if (messageDigest === undefined || !bytesEqual(expectTag(messageDigest, Tag.octetString, 'message-digest').contents, contentDigest)) {
      return invalid('the message-digest attribute is not the digest of the TSTInfo');
    }
  } catch (error) {
    if (error instanceof DerError) return invalid(error.message);
    throw error;
  }
  // The signature is over the attributes' DER as a SET (RFC 5652 §5.4), not their [0] IMPLICIT tag.
  const signedBytes = new Uint8Array(token.signedAttributes.raw);
  signedBytes[0] = Tag.set;
  if (!(await verifySignature(signer, token.signatureAlgorithm, token.digestAlgorithm, signedBytes, token.signature, hashes))) {
    return invalid(`the signature (${token.signatureAlgorithm}) does not verify with ${signer.subjectText}'s key`);
  }

  // 5. A version 1 TSTInfo.
  let tstInfo: TstInfo;
  try {
    tstInfo = readTstInfo(token.content);
  } catch (error) {
    if (error instanceof DerError) return invalid(`not a version 1 TSTInfo: ${error.message}`);
    throw error;
  }

  // 6. The signing-certificate attribute names this certificate: otherwise a second certificate
  // for the same key, with other extensions or another subject, could be swapped in.
  const binding = await checkCertificateBinding(attributes, signer, hashes);
  if (binding !== null) return invalid(binding);

  // 7. RFC 3161 §2.3: extended key usage present, critical, and timeStamping alone.
  const usage = signer.extendedKeyUsage;
  if (usage === undefined || !usage.critical || usage.purposes.length !== 1 || usage.purposes[0] !== Oid.timeStamping) {
    return invalid(`${signer.subjectText}'s certificate is not a TSA's: its extended key usage is not critical timeStamping alone`);
  }

  // 8. Every certificate on the chain valid at genTime, the root included.
  const expired = chain.value.find((certificate) => tstInfo.genTimeMs < certificate.notBeforeMs || tstInfo.genTimeMs > certificate.notAfterMs);
  if (expired) return invalid(`${expired.subjectText}'s certificate was not valid at genTime ${new Date(tstInfo.genTimeMs).toISOString()}`);

  // 9. The token dates the expected imprint, under SHA-256 or SM3 with absent or NULL parameters.
  if ((tstInfo.imprintAlgorithm !== Oid.sha256 && tstInfo.imprintAlgorithm !== Oid.sm3) || !tstInfo.imprintParametersAbsentOrNull) {
    return invalid(`the imprint algorithm ${tstInfo.imprintAlgorithm} is neither SHA-256 nor SM3`);
  }
  if (!bytesEqual(tstInfo.imprint, expectedImprint)) {
    return failure('TimestampImprintMismatch', `the token dates ${toHex(tstInfo.imprint)}, the stamped checkpoint's text hashes to ${toHex(expectedImprint)}`);
  }
  return success({ genTimeMs: tstInfo.genTimeMs, accuracyMs: tstInfo.accuracyMs, serial: tstInfo.serial, policy: tstInfo.policy, signer });
}

function readSignedToken(tokenDer: Uint8Array): SignedToken {
  const [contentType, explicitContent, ...rest] = sequenceOf(readDer(tokenDer), 'ContentInfo');
  if (rest.length > 0 || readOid(contentType, 'contentType') !== CmsOid.signedData) throw new DerError('not a ContentInfo of SignedData');
  const [signedData, ...moreContent] = childrenOf(expectTag(explicitContent, contextConstructed(0), 'content'));
  if (moreContent.length > 0) throw new DerError('ContentInfo: more than one content');
  const members = sequenceOf(signedData, 'SignedData');
  if (readInteger(members[0], 'SignedData version') !== 3n) throw new DerError('SignedData version is not 3');
  const digestAlgorithms = sequenceOf(members[1], 'digestAlgorithms', Tag.set).map((algorithm) => readAlgorithm(algorithm, 'digestAlgorithm').oid);
  const [eContentType, eContentExplicit, ...eRest] = sequenceOf(members[2], 'encapContentInfo');
  if (eRest.length > 0 || readOid(eContentType, 'eContentType') !== CmsOid.tstInfo) throw new DerError('the encapsulated content is not a TSTInfo');
  const [eContent, ...moreEContent] = childrenOf(expectTag(eContentExplicit, contextConstructed(0), 'eContent'));
  if (moreEContent.length > 0) throw new DerError('more than one eContent');
  const content = expectTag(eContent, Tag.octetString, 'eContent').contents;

  let index = 3;
  const certificates: Certificate[] = [];
  if (members[index]?.tag === contextConstructed(0)) {
    for (const certificate of childrenOf(members[index]!)) certificates.push(parseCertificate(certificate.raw));
    index++;
  }
  if (members[index]?.tag === contextConstructed(1)) index++; // CRLs: revocation is not checked (timestamping.md)
  const signerInfos = sequenceOf(members[index], 'signerInfos', Tag.set);
  if (members.length !== index + 1) throw new DerError('SignedData: members after signerInfos');
  if (signerInfos.length !== 1) throw new DerError(`${signerInfos.length} signer infos, a token has exactly one`);

  const info = sequenceOf(signerInfos[0], 'SignerInfo');
  const version = readInteger(info[0], 'SignerInfo version');
  const sid = info[1];
  let issuer: Uint8Array | undefined;
  let serial: bigint | undefined;
  let subjectKeyId: Uint8Array | undefined;
  if (version === 1n && sid?.tag === Tag.sequence) {
    const [issuerName, serialNumber] = sequenceOf(sid, 'IssuerAndSerialNumber');
    issuer = expectTag(issuerName, Tag.sequence, 'issuer').raw;
    serial = readInteger(serialNumber, 'serialNumber');
  } else if (version === 3n && sid?.tag === contextPrimitive(0)) {
    subjectKeyId = sid.contents;
  } else {
    throw new DerError('the SignerInfo version does not match its signer identifier (RFC 5652 §5.3)');
  }
  const digestAlgorithm = readAlgorithm(info[2], 'SignerInfo digestAlgorithm').oid;
  if (digestAlgorithms.length !== 1 || digestAlgorithms[0] !== digestAlgorithm) throw new DerError("digestAlgorithms is not exactly the signer's");
  const signedAttributes = expectTag(info[3], contextConstructed(0), 'signedAttrs');
  const signatureAlgorithm = readAlgorithm(info[4], 'signatureAlgorithm').oid;
  const signature = expectTag(info[5], Tag.octetString, 'signature').contents;
  if (info.length > 7 || (info.length === 7 && info[6]!.tag !== contextConstructed(1))) throw new DerError('SignerInfo: unexpected members');
  return { certificates, issuer, serial, subjectKeyId, digestAlgorithm, signedAttributes, signatureAlgorithm, signature, content };
}

/** Each signed attribute's single value by type; null if one is malformed, repeated or multi-valued. */
function readAttributes(signedAttributes: DerElement): Map<string, DerElement> | null {
  try {
    const attributes = new Map<string, DerElement>();
    for (const attribute of childrenOf(signedAttributes)) {
      const [type, values, ...rest] = sequenceOf(attribute, 'Attribute');
      const oid = readOid(type, 'attrType');
      const valueList = sequenceOf(values, 'attrValues', Tag.set);
      if (rest.length > 0 || valueList.length !== 1 || attributes.has(oid)) return null;
      attributes.set(oid, valueList[0]!);
    }
    return attributes;
  } catch (error) {
    if (error instanceof DerError) return null;
    throw error;
  }
}

/** The signer's chain up to a trusted root, signer first; a pinned root may be the signer itself. */
async function chainToRoot(signer: Certificate, carried: readonly Certificate[], roots: readonly Certificate[], hashes: Hashes): Promise<Outcome<Certificate[]>> {
  const chain: Certificate[] = [signer];
  for (;;) {
    const current = chain[chain.length - 1]!;
    if (roots.some((root) => bytesEqual(root.raw, current.raw))) return success(chain);
    if (chain.length >= chainLengthMax) break;
    let issuer: Certificate | undefined;
    for (const candidate of [...roots, ...carried]) {
      if (chain.includes(candidate) || !bytesEqual(candidate.subject, current.issuer)) continue;
      if (await verifySignature(candidate, current.signatureAlgorithm, undefined, current.tbs, current.signature, hashes)) {
        issuer = candidate;
        break;
      }
    }
    if (issuer === undefined) break;
    // Every issuer a CA, and no more CAs below it than its path length allows.
    const casBelow = BigInt(chain.length - 1);
    if (!isCertificateAuthority(issuer) || (issuer.basicConstraints?.pathLength !== undefined && casBelow > issuer.basicConstraints.pathLength)) {
      return failure('TimestampUntrustedTsa', `${issuer.subjectText} is not a CA that may issue ${current.subjectText}`);
    }
    chain.push(issuer);
  }
  return failure('TimestampUntrustedTsa', `${signer.subjectText} does not chain to any of the ${roots.length} TSA roots given`);
}

/** null if the ESSCertIDv2 (or SHA-1 ESSCertID) attribute names `signer`, else what is wrong. */
async function checkCertificateBinding(attributes: Map<string, DerElement>, signer: Certificate, hashes: Hashes): Promise<string | null> {
  const v2 = attributes.get(CmsOid.signingCertificateV2);
  const v1 = attributes.get(CmsOid.signingCertificate);
  const attribute = v2 ?? v1;
  if (attribute === undefined) return 'no signing-certificate attribute binds the signer certificate';
  try {
    const [certIds] = sequenceOf(attribute, 'SigningCertificate');
    const [first] = sequenceOf(certIds, 'certs');
    const fields = sequenceOf(first, 'ESSCertID');
    let hashAlgorithm = Oid.sha1 as string;
    let index = 0;
    if (v2 !== undefined) {
      hashAlgorithm = fields[0]?.tag === Tag.sequence ? readAlgorithm(fields[index++], 'hashAlgorithm').oid : Oid.sha256;
    }
    const certHash = expectTag(fields[index++], Tag.octetString, 'certHash').contents;
    const expected = await digestByOid(hashAlgorithm, signer.raw, hashes);
    if (expected === null) return `the signing-certificate hash ${hashAlgorithm} is not supported`;
    if (!bytesEqual(certHash, expected)) return 'the signing-certificate attribute names another certificate';
    const issuerSerial = fields[index];
    if (issuerSerial !== undefined) {
      const [generalNames, serial] = sequenceOf(issuerSerial, 'IssuerSerial');
      const names = sequenceOf(generalNames, 'GeneralNames');
      const directoryNames = names.filter((name) => name.tag === contextConstructed(4)).map((name) => childrenOf(name)[0]?.raw);
      if (readInteger(serial, 'serialNumber') !== signer.serial || !directoryNames.some((name) => name !== undefined && bytesEqual(name, signer.issuer))) {
        return "the signing-certificate attribute names another issuer and serial than the signer's";
      }
    }
    return null;
  } catch (error) {
    if (error instanceof DerError) return `the signing-certificate attribute is malformed: ${error.message}`;
    throw error;
  }
}

interface TstInfo {
  readonly policy: string;
  readonly imprintAlgorithm: string;
  readonly imprintParametersAbsentOrNull: boolean;
  readonly imprint: Uint8Array;
  readonly serial: bigint;
  readonly genTimeMs: number;
  readonly accuracyMs: number | null;
}

function readTstInfo(content: Uint8Array): TstInfo {
  const members = sequenceOf(readDer(content), 'TSTInfo');
  if (readInteger(members[0], 'TSTInfo version') !== 1n) throw new DerError('TSTInfo version is not 1');
  const policy = readOid(members[1], 'policy');
  const [algorithm, hashedMessage, ...imprintRest] = sequenceOf(members[2], 'messageImprint');
  if (imprintRest.length > 0) throw new DerError('messageImprint: too many members');
  const { oid: imprintAlgorithm, parameters } = readAlgorithm(algorithm, 'imprint hashAlgorithm');
  const imprint = expectTag(hashedMessage, Tag.octetString, 'hashedMessage').contents;
  const serial = readInteger(members[3], 'serialNumber');
  const genTimeMs = readTime(expectTag(members[4], Tag.generalizedTime, 'genTime'), 'genTime');
  const accuracy = members[5]?.tag === Tag.sequence ? members[5] : undefined;
  return {
    policy,
    imprintAlgorithm,
    imprintParametersAbsentOrNull: hasNoParameters(parameters),
    imprint,
    serial,
    genTimeMs,
    accuracyMs: accuracy === undefined ? null : readAccuracyMs(accuracy),
  };
}

/** Accuracy ::= SEQUENCE { seconds INTEGER OPTIONAL, millis [0] OPTIONAL, micros [1] OPTIONAL } (RFC 3161 §2.4.2). */
function readAccuracyMs(accuracy: DerElement): number {
  let microseconds = 0n;
  for (const field of childrenOf(accuracy)) {
    if (field.tag === Tag.integer) microseconds += readInteger(field, 'seconds') * 1_000_000n;
    else if (field.tag === contextPrimitive(0)) microseconds += readInteger(field, 'millis', contextPrimitive(0)) * 1_000n;
    else if (field.tag === contextPrimitive(1)) microseconds += readInteger(field, 'micros', contextPrimitive(1));
    else throw new DerError('Accuracy: unexpected member');
  }
  // Rounded up: a report must never state a tighter bound than the TSA did.
  return Number((microseconds + 999n) / 1_000n);
}
