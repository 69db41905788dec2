// C2SP signed notes (https://c2sp.org/signed-note) and verifier keys, with the two signature types
// of checkpoint.md: Ed25519 (type 0x01, Web Crypto) and SM2 with SM3 (type 0xff + identifier).
// Keys come only from the verifier's own configuration, never from what it checks.
import { bytesEqual, decodeUtf8, fromBase64, ownBuffer, toHex, utf8 } from './bytes.js';
import { failure, success, type Outcome } from './failures.js';
import type { Hashes } from './hashing.js';
import { isSm2PublicKey, verifySm2Raw } from './sm2.js';

export interface VerifierKey {
  readonly name: string;
  /** The first 4 bytes of SHA-256(name ‖ 0x0A ‖ encoding). */
  readonly id: Uint8Array;
  readonly algorithm: 'ed25519' | 'sm2-sm3';
  /** Ed25519: the 32-byte key; SM2: the 65-byte point 0x04 ‖ x ‖ y. */
  readonly publicKey: Uint8Array;
  /** SM2 only: the user ID its signatures are made under. */
  readonly userId: Uint8Array;
  /** SHA-256 of the public key encoding, hex: the fingerprint checkpoint.md says to show. */
  readonly fingerprint: string;
}

export interface TrustedKeys {
  readonly keys: readonly VerifierKey[];
  /** Well-formed key lines of algorithms this verifier does not know, said in the report. */
  readonly ignored: readonly string[];
}

/** Trust input the verifier cannot use at all: a wrong file, not a wrong receipt. */
export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: string };

const ed25519Type = 0x01;
const sm2Type = 0xff;
const sm2Identifier = utf8('evidencechain/sm2-sm3/v1');

/** Reads a C2SP verifier keys file: one `name+keyid+base64(encoding)` per line. */
export function parseVerifierKeys(text: string, hashes: Hashes): Parsed<TrustedKeys> {
  const keys: VerifierKey[] = [];
  const ignored: string[] = [];
  const lines = text.split('\n').map((line) => line.replace(/\r$/, '')).filter((line) => line.trim() !== '');
  for (const [index, line] of lines.entries()) {
    const where = `verifier key line ${index + 1}`;
    // The key's base64 may itself hold '+': split at the first two only.
    const first = line.indexOf('+');
    const second = line.indexOf('+', first + 1);
    if (first < 0 || second < 0) return { ok: false, problem: `${where} is not name+keyid+key` };
    const name = line.slice(0, first);
    const idHex = line.slice(first + 1, second);
    const keyBase64 = line.slice(second + 1);
    const encoding = fromBase64(keyBase64);
    if (name === '' || /\s/.test(name) || !/^[0-9a-f]{8}$/.test(idHex) || encoding === null || encoding.length === 0) {
      return { ok: false, problem: `${where} is not name+keyid+key` };
    }
    const id = hashes.sha256(utf8(name), new Uint8Array([0x0a]), encoding).subarray(0, 4);
    if (toHex(id) !== idHex) return { ok: false, problem: `${where}: key ID ${idHex} is not ${toHex(id)}, the one its name and key give` };
    const fingerprint = toHex(hashes.sha256(encoding));
    if (encoding[0] === ed25519Type) {
      if (encoding.length !== 33) return { ok: false, problem: `${where}: an Ed25519 key is 32 bytes` };
      keys.push({ name, id, algorithm: 'ed25519', publicKey: encoding.slice(1), userId: new Uint8Array(), fingerprint });
    } else if (encoding[0] === sm2Type && bytesEqual(encoding.subarray(1, 1 + sm2Identifier.length), sm2Identifier)) {
      const sm2 = readSm2Encoding(encoding);
      if (sm2 === null) return { ok: false, problem: `${where}: not an SM2 key as checkpoint.md encodes it (type, user ID, point on sm2p256v1)` };
      keys.push({ name, id, algorithm: 'sm2-sm3', publicKey: sm2.point, userId: sm2.userId, fingerprint });
    } else {
      ignored.push(`${name}+${idHex} (an algorithm this verifier does not know)`);
    }
  }
  if (keys.length === 0) return { ok: false, problem: 'the verifier keys file holds no Ed25519 or SM2 key' };
  return { ok: true, value: { keys, ignored } };
}

/** 0xff ‖ "evidencechain/sm2-sm3/v1" ‖ 0x00 ‖ u8(len(user_id)) ‖ user_id ‖ 0x04 ‖ x ‖ y. */
function readSm2Encoding(encoding: Uint8Array): { userId: Uint8Array; point: Uint8Array } | null {
  let offset = 1 + sm2Identifier.length;
  if (encoding[offset] !== 0x00) return null;
  offset++;
  const userIdLength = encoding[offset];
  if (userIdLength === undefined) return null;
  offset++;
  const userId = encoding.slice(offset, offset + userIdLength);
  offset += userIdLength;
  const point = encoding.slice(offset);
  if (userId.length !== userIdLength || !isSm2PublicKey(point)) return null;
  return { userId, point };
}

export interface VerifiedNote {
  /** The note text, each line ending in a newline, without the blank line and signatures. */
  readonly text: string;
  /** The trusted keys whose signatures verified. */
  readonly signers: readonly VerifierKey[];
  /** Signature lines of keys not trusted: ignored, and said in the report. */
  readonly unknownSignatures: readonly string[];
}

const noteBytesMax = 16 * 1024;
const signatureLinesMax = 32;
const signatureLinePattern = /^\u2014 (\S+) (\S+)$/;
// Control characters other than newline, and UTF-16 halves that are not UTF-8.
const forbiddenCharacters = /[\u0000-\u0009\u000b-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * checkpoint.md §Verification steps 1 and 2: split the note, verify every signature line of a
 * trusted key (any failure rejects it), and require at least one. The text is returned only
 * after that, so nothing the signatures cover is read before they are checked.
 */
export async function verifySignedNote(note: string, trusted: TrustedKeys, hashes: Hashes): Promise<Outcome<VerifiedNote>> {
  const noteBytes = utf8(note);
  if (noteBytes.length > noteBytesMax) return failure('MalformedNote', `${noteBytes.length} bytes, at most ${noteBytesMax}`);
  if (forbiddenCharacters.test(note) || decodeUtf8(noteBytes) === null) return failure('MalformedNote', 'a control character or text that is not UTF-8');
  const split = note.lastIndexOf('\n\n');
  if (split < 0 || !note.endsWith('\n')) return failure('MalformedNote', 'no blank line between the text and the signatures');
  const text = note.slice(0, split + 1);
  const lines = note.slice(split + 2, -1).split('\n');
  if (lines.length > signatureLinesMax) return failure('MalformedNote', `${lines.length} signature lines, at most ${signatureLinesMax}`);

  const signers: VerifierKey[] = [];
  const unknownSignatures: string[] = [];
  for (const line of lines) {
    const match = signatureLinePattern.exec(line);
    const blob = match ? fromBase64(match[2]!) : null;
    if (!match || blob === null || blob.length < 5) return failure('MalformedNote', `not a signature line: ${JSON.stringify(line)}`);
    const name = match[1]!;
    const keyId = blob.subarray(0, 4);
    const key = trusted.keys.find((candidate) => candidate.name === name && bytesEqual(candidate.id, keyId));
    if (!key) {
      unknownSignatures.push(`${name}+${toHex(keyId)}`);
      continue;
    }
    if (!(await verifyNoteSignature(key, utf8(text), blob.subarray(4), hashes))) {
      return failure('BadSignature', `the ${key.algorithm} signature of ${name}+${toHex(keyId)} does not verify`);
    }
    if (!signers.includes(key)) signers.push(key);
  }
  if (signers.length === 0) {
    const seen = unknownSignatures.length === 0 ? 'no signature lines' : `only signatures of keys not trusted: ${unknownSignatures.join(', ')}`;
    return failure('NoTrustedSignature', seen);
  }
  return success({ text, signers, unknownSignatures });
}

async function verifyNoteSignature(key: VerifierKey, message: Uint8Array, signature: Uint8Array, hashes: Hashes): Promise<boolean> {
  if (key.algorithm === 'sm2-sm3') return verifySm2Raw(hashes.sm3, key.publicKey, key.userId, message, signature);
  if (signature.length !== 64) return false;
  const publicKey = await crypto.subtle.importKey('raw', ownBuffer(key.publicKey), { name: 'Ed25519' }, false, ['verify']);
  return crypto.subtle.verify({ name: 'Ed25519' }, publicKey, ownBuffer(signature), ownBuffer(message));
}

