// The notary's promise (receipt.md §Promise): a signed note over the root of the batch the deposit
// was accepted in, given before any checkpoint holds it, like a CT SCT. It binds the notary to
// integrate the leaf; only the checkpoint proves that it did.
import { fromBase64, parseDecimal } from './bytes.js';
import { failure, success, type Outcome } from './failures.js';
import type { HashFunction, Hashes } from './hashing.js';
import { verifyInclusion } from './merkle.js';
import { verifySignedNote, type TrustedKeys } from './note.js';

export interface VerifiedPromise {
  readonly batchLeafCount: bigint;
  readonly acceptedAtMs: number;
}

const promiseHeader = 'evidencechain/promise/v1';

export async function verifyPromise(
  section: unknown,
  origin: string,
  treeHash: HashFunction,
  leafHashValue: Uint8Array,
  trusted: TrustedKeys,
  hashes: Hashes,
): Promise<Outcome<VerifiedPromise>> {
  if (typeof section !== 'object' || section === null) return failure('MalformedPromise', 'promise is not an object');
  const { note, batch_index: batchIndex, batch_proof: batchProof } = section as Record<string, unknown>;
  if (typeof note !== 'string') return failure('MalformedPromise', 'promise.note is not a string');
  if (typeof batchIndex !== 'number' || !Number.isSafeInteger(batchIndex) || batchIndex < 0) return failure('MalformedPromise', 'promise.batch_index is not a leaf index');
  if (!Array.isArray(batchProof)) return failure('MalformedPromise', 'promise.batch_proof is not a list');
  const proof: Uint8Array[] = [];
  for (const line of batchProof) {
    const hash = typeof line === 'string' ? fromBase64(line) : null;
    if (hash === null || hash.length !== 32) return failure('MalformedPromise', 'promise.batch_proof holds something other than 32-byte base64 hashes');
    proof.push(hash);
  }

  // The signature first, then what it signs.
  const verified = await verifySignedNote(note, trusted, hashes);
  if (!verified.ok) return verified;
  const lines = verified.value.text.slice(0, -1).split('\n');
  if (lines.length !== 5 || lines[0] !== promiseHeader) return failure('MalformedPromise', `the promise text is not the 5 lines of ${promiseHeader}`);
  const [, promiseOrigin, countText, rootText, acceptedText] = lines as [string, string, string, string, string];
  if (promiseOrigin !== origin) return failure('OriginMismatch', `the promise is of the log ${promiseOrigin}, the checkpoint of ${origin}`);
  const foreignSigner = verified.value.signers.find((key) => key.name !== origin);
  if (foreignSigner) return failure('OriginMismatch', `the promise is signed by a key of ${foreignSigner.name}`);
  const batchLeafCount = parseDecimal(countText);
  const batchRoot = fromBase64(rootText);
  const acceptedAtMs = parseDecimal(acceptedText);
  if (batchLeafCount === null || batchLeafCount === 0n || batchRoot === null || batchRoot.length !== 32 || acceptedAtMs === null) {
    return failure('MalformedPromise', 'the promise has no batch size, 32-byte batch root or acceptance time');
  }

  const included = verifyInclusion(treeHash, BigInt(batchIndex), batchLeafCount, leafHashValue, proof, batchRoot);
  if (!included.ok) return failure(included.failure.name, `the promise's batch proof: ${included.failure.detail}`);
  return success({ batchLeafCount, acceptedAtMs: Number(acceptedAtMs) });
}
