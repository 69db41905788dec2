// commitment.md: unit salts and party salt from the master salt, unit commitments, the two units
// roots, party commitments, and the depositor's salt file.
import { concatBytes, fromHex, u16, u64, utf8 } from './bytes.js';
import { failure, success, type Outcome } from './failures.js';
import type { HashFunction, Hashes } from './hashing.js';
import { MerkleRootBuilder } from './merkle.js';
import { isChunkSize, type UnitDigest } from './content-hasher.js';

export interface SaltFile {
  readonly masterSalt: Uint8Array;
  readonly chunkSizeBytes: number;
  readonly unitCount: number;
}

const saltFileFormat = 'evidencechain-salt/v1';
const unitCountMax = 1_048_576;

/** commitment.md §Salt file: reject an unknown format, ignore unknown members. */
export function readSaltFile(json: string): Outcome<SaltFile> {
  let file: unknown;
  try {
    file = JSON.parse(json);
  } catch {
    return failure('MalformedSaltFile', 'not JSON');
  }
  if (typeof file !== 'object' || file === null) return failure('MalformedSaltFile', 'not a JSON object');
  const { format, master_salt: masterSaltHex, chunk_size_bytes: chunkSizeBytes, unit_count: unitCount } = file as Record<string, unknown>;
  if (format !== saltFileFormat) return failure('MalformedSaltFile', `format ${JSON.stringify(format)}, this verifier knows ${saltFileFormat}`);
  const masterSalt = typeof masterSaltHex === 'string' && /^[0-9a-f]{64,128}$/.test(masterSaltHex) ? fromHex(masterSaltHex) : null;
  if (masterSalt === null) return failure('MalformedSaltFile', 'master_salt is not 32 to 64 bytes of lowercase hex');
  if (typeof chunkSizeBytes !== 'number' || !isChunkSize(chunkSizeBytes)) return failure('MalformedSaltFile', `chunk_size_bytes ${JSON.stringify(chunkSizeBytes)}: 0, or a power of two from 65536 to 1073741824`);
  if (typeof unitCount !== 'number' || !Number.isInteger(unitCount) || unitCount < 1 || unitCount > unitCountMax) {
    return failure('MalformedSaltFile', `unit_count ${JSON.stringify(unitCount)}: from 1 to ${unitCountMax}`);
  }
  return success({ masterSalt, chunkSizeBytes, unitCount });
}

/** unit_salt(i) = HMAC-SHA256(master_salt, "evidencechain/v1/unit-salt" ‖ u64(i)). */
export function unitSalt(hashes: Hashes, masterSalt: Uint8Array, unitIndex: number): Uint8Array {
  return hashes.hmacSha256(masterSalt, utf8('evidencechain/v1/unit-salt'), u64(BigInt(unitIndex)));
}

/** party_salt = HMAC-SHA256(master_salt, "evidencechain/v1/party-salt"). */
export function partySalt(hashes: Hashes, masterSalt: Uint8Array): Uint8Array {
  return hashes.hmacSha256(masterSalt, utf8('evidencechain/v1/party-salt'));
}

/**
 * C_H(i) = H(0x02 ‖ unit_salt(i) ‖ u64(offset) ‖ u64(length) ‖ u16(len(path)) ‖ path ‖ H(c)).
 * The 0x02 prefix keeps a commitment from ever being read as an RFC 9162 leaf or node input.
 */
export function unitCommitment(hash: HashFunction, salt: Uint8Array, unit: UnitDigest, contentDigest: Uint8Array): Uint8Array {
  const path = utf8(unit.path);
  return hash(
    new Uint8Array([0x02]),
    salt,
    u64(BigInt(unit.offsetBytes)),
    u64(BigInt(unit.lengthBytes)),
    u16(path.length),
    path,
    contentDigest,
  );
}

export interface UnitsRoots {
  readonly sha256: Uint8Array;
  readonly sm3: Uint8Array;
}

/** units_root_H = MTH_H(C_H(0), …, C_H(n−1)), for SHA-256 and SM3 alike. */
export function unitsRoots(hashes: Hashes, masterSalt: Uint8Array, units: readonly UnitDigest[]): UnitsRoots {
  const sha256Tree = new MerkleRootBuilder(hashes.sha256);
  const sm3Tree = new MerkleRootBuilder(hashes.sm3);
  units.forEach((unit, index) => {
    const salt = unitSalt(hashes, masterSalt, index);
    sha256Tree.push(unitCommitment(hashes.sha256, salt, unit, unit.sha256));
    sm3Tree.push(unitCommitment(hashes.sm3, salt, unit, unit.sm3));
  });
  return { sha256: sha256Tree.root(), sm3: sm3Tree.root() };
}

/** P_H = H(0x03 ‖ party_salt ‖ key_fingerprint). */
export function partyCommitment(hash: HashFunction, salt: Uint8Array, keyFingerprint: Uint8Array): Uint8Array {
  return hash(concatBytes(new Uint8Array([0x03]), salt, keyFingerprint));
}
