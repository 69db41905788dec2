// The `rfc3161` entries of a v2 receipt (receipt.md §Timestamps): the stamped checkpoint, its
// consistency with the receipt's, then the token over the checkpoint's text.
import { bytesEqual, fromBase64, utf8 } from './bytes.js';
import { verifyCheckpoint, type Checkpoint } from './checkpoint.js';
import { failure, success, type Outcome } from './failures.js';
import { treeHashOf, type Hashes } from './hashing.js';
import { verifyConsistency } from './merkle.js';
import type { TrustedKeys } from './note.js';
import { imprintAlgorithmOf, verifyToken, type TsaTrust } from './rfc3161.js';

export interface ShownTimestamp {
  /** The notary's label for the TSA: for people, never trusted. */
  readonly authority: string;
  readonly treeSize: number;
  /** genTime as yyyy-MM-ddTHH:mm:ss.fffZ. */
  readonly genTime: string;
  readonly accuracyMs: number | null;
  /** The signer certificate's subject: who signed, as far as its chain to a trusted root says. */
  readonly tsa: string;
  /** `operator`: the notary's own TSA, its time no stronger than the log's. */
  readonly source: 'independent' | 'operator';
}

const authorityLengthMax = 256;

/** Verifies one `rfc3161` entry against the receipt's verified checkpoint and the leaf's index. */
export async function verifyTimestampEntry(
  entry: Record<string, unknown>,
  receiptCheckpoint: Checkpoint,
  leafIndex: bigint,
  logKeys: TrustedKeys,
  tsaTrust: TsaTrust,
  hashes: Hashes,
): Promise<Outcome<ShownTimestamp>> {
  const { authority, tree_size: treeSize, checkpoint: note, consistency_proof: proofList, token: tokenBase64 } = entry;
  if (typeof authority !== 'string' || authority.length < 1 || authority.length > authorityLengthMax) return failure('MalformedReceipt', 'a timestamp entry has no authority label of 1 to 256 characters');
  if (typeof treeSize !== 'number' || !Number.isSafeInteger(treeSize) || treeSize < 0) return failure('MalformedReceipt', `timestamp ${authority}: tree_size is not a tree size`);
  const proof = Array.isArray(proofList) ? proofList.map((hash) => (typeof hash === 'string' ? fromBase64(hash) : null)) : null;
  if (proof === null || proof.some((hash) => hash === null || hash.length !== 32)) return failure('MalformedReceipt', `timestamp ${authority}: consistency_proof is not a list of base64 hashes`);
  if (note !== undefined && typeof note !== 'string') return failure('MalformedReceipt', `timestamp ${authority}: checkpoint is not a string`);

  // 1. The stamped checkpoint: the receipt's own, or a note that verifies exactly as it does.
  let stamped = receiptCheckpoint;
  if (note === undefined) {
    if (BigInt(treeSize) !== receiptCheckpoint.size) return failure('TimestampInconsistent', `timestamp ${authority} stamps the receipt's own checkpoint of ${receiptCheckpoint.size} leaves but says ${treeSize}`);
  } else {
    const verified = await verifyCheckpoint(note, logKeys, hashes);
    if (!verified.ok) return failure('TimestampCheckpointInvalid', `timestamp ${authority}: ${verified.failure.name}: ${verified.failure.detail}`);
    if (verified.value.origin !== receiptCheckpoint.origin) return failure('TimestampCheckpointInvalid', `timestamp ${authority} stamps a checkpoint of ${verified.value.origin}`);
    stamped = verified.value;
    if (stamped.size !== BigInt(treeSize)) return failure('TimestampInconsistent', `timestamp ${authority} says ${treeSize} leaves, its checkpoint has ${stamped.size}`);
  }

  // 2. The stamped tree holds the leaf and is a prefix or an extension of the receipt's.
  if (stamped.size <= leafIndex) return failure('TimestampInconsistent', `timestamp ${authority} stamps ${stamped.size} leaves, which do not hold leaf ${leafIndex}`);
  const [smaller, larger] = stamped.size <= receiptCheckpoint.size ? [stamped, receiptCheckpoint] : [receiptCheckpoint, stamped];
  const consistent = verifyConsistency(treeHashOf(hashes, receiptCheckpoint.treeHash), smaller.size, larger.size, smaller.root, larger.root, proof as Uint8Array[]);
  if (!consistent.ok) return failure('TimestampInconsistent', `timestamp ${authority}, from ${smaller.size} leaves to ${larger.size}: ${consistent.failure.detail}`);

  // 3. The token, over H(text) with the algorithm its imprint names.
  const tokenDer = typeof tokenBase64 === 'string' ? fromBase64(tokenBase64) : null;
  if (tokenDer === null) return failure('TimestampTokenInvalid', `timestamp ${authority}: token is not base64`);
  const algorithm = imprintAlgorithmOf(tokenDer);
  const text = utf8(stamped.text);
  const expectedImprint = algorithm === 'sha256' ? hashes.sha256(text) : algorithm === 'sm3' ? hashes.sm3(text) : new Uint8Array();
  const token = await verifyToken(tokenDer, expectedImprint, tsaTrust, hashes);
  if (!token.ok) return failure(token.failure.name, `timestamp ${authority}: ${token.failure.detail}`);

  const signer = token.value.signer;
  return success({
    authority,
    treeSize,
    genTime: new Date(token.value.genTimeMs).toISOString(),
    accuracyMs: token.value.accuracyMs,
    tsa: signer.subjectText,
    source: tsaTrust.operator.some((certificate) => bytesEqual(certificate.raw, signer.raw)) ? 'operator' : 'independent',
  });
}
