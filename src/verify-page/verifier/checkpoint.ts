// Checkpoints (checkpoint.md): a C2SP tlog-checkpoint in a signed note, signed by the notary's
// Ed25519 and SM2 keys. The text is read only after the signatures verified.
import { fromBase64, parseDecimal } from './bytes.js';
import { failure, success, type Outcome } from './failures.js';
import type { Hashes, TreeHashName } from './hashing.js';
import { verifySignedNote, type TrustedKeys, type VerifierKey } from './note.js';

export interface Checkpoint {
  readonly origin: string;
  readonly treeHash: TreeHashName;
  readonly size: bigint;
  readonly root: Uint8Array;
  /** The note text: origin, size and root, each line ending in a newline (what a timestamp imprints). */
  readonly text: string;
  /** The trusted keys whose signatures verified (a key compromise statement asks which ones). */
  readonly signers: readonly VerifierKey[];
  readonly unknownSignatures: readonly string[];
}

// log.md §Origin: <host>/evidencechain/<32 lowercase hex>/<sha256|sm3>, at most 320 bytes.
const originPattern = /^[a-z0-9.-]{1,253}\/evidencechain\/[0-9a-f]{32}\/(sha256|sm3)$/;
const originBytesMax = 320;

/** The tree hash an origin names, or null if it is not an origin of log.md's form. */
export function treeHashOfOrigin(origin: string): TreeHashName | null {
  const match = originPattern.exec(origin);
  if (!match || origin.length > originBytesMax) return null;
  return match[1] as TreeHashName;
}

/**
 * checkpoint.md §Verification: the signatures (checkpoint.md §Signed note: a checkpoint carries an
 * Ed25519 and an SM2 line, so for each algorithm among the log's trusted keys one of them must have
 * signed, or it is as bad as no signature; after a key rotation (§Key rotation) the trusted keys span
 * two generations, and either generation's pair, or both, suffices), then the three lines.
 */
export async function verifyCheckpoint(note: string, trusted: TrustedKeys, hashes: Hashes): Promise<Outcome<Checkpoint>> {
  const verified = await verifySignedNote(note, trusted, hashes);
  if (!verified.ok) return verified;
  const { text, signers, unknownSignatures } = verified.value;

  const lines = text.slice(0, -1).split('\n');
  if (lines.length !== 3) return failure('MalformedCheckpoint', `${lines.length} lines of text, a checkpoint has exactly 3 (no extension lines)`);
  const [origin, sizeText, rootText] = lines as [string, string, string];
  const foreignSigner = signers.find((key) => key.name !== origin);
  if (foreignSigner) return failure('OriginMismatch', `the checkpoint names the log ${origin}, its trusted signer is ${foreignSigner.name}`);
  const unsigned = algorithmNotSigned(origin, trusted, signers);
  if (unsigned !== null) return failure('NoTrustedSignature', `no trusted ${unsigned.name} key signed the checkpoint (trusted ones: fingerprint ${unsigned.fingerprints.join(', ')})`);

  const treeHash = treeHashOfOrigin(origin);
  if (treeHash === null) return failure('MalformedCheckpoint', `the origin ${JSON.stringify(origin)} is not host/evidencechain/log-id/tree-hash`);
  const size = parseDecimal(sizeText);
  if (size === null || size > 2n ** 63n - 1n) return failure('MalformedCheckpoint', `the tree size ${JSON.stringify(sizeText)} is not a decimal number`);
  const root = fromBase64(rootText);
  if (root === null || root.length !== 32) return failure('MalformedCheckpoint', `the root ${JSON.stringify(rootText)} is not 32 bytes of base64`);
  return success({ origin, treeHash, size, root, text, signers, unknownSignatures });
}

const algorithmNames: Record<VerifierKey['algorithm'], string> = { ed25519: 'Ed25519', 'sm2-sm3': 'SM2' };

/**
 * The checkpoint rule for the keys named `name` (checkpoint.md §Verification), which a compromise statement's
 * successor keys follow too: for each algorithm among those trusted keys, one of them must be among `signers`.
 * The first algorithm none signed with, with its trusted keys' fingerprints; null when each did.
 */
export function algorithmNotSigned(name: string, trusted: TrustedKeys, signers: readonly VerifierKey[]): { name: string; fingerprints: string[] } | null {
  const keys = trusted.keys.filter((key) => key.name === name);
  for (const algorithm of new Set(keys.map((key) => key.algorithm))) {
    if (signers.some((key) => key.name === name && key.algorithm === algorithm)) continue;
    return { name: algorithmNames[algorithm], fingerprints: keys.filter((key) => key.algorithm === algorithm).map((key) => key.fingerprint) };
  }
  return null;
}
