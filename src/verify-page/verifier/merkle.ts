// RFC 9162 §2.1 Merkle trees: leaf hash H(0x00 ‖ leaf), node hash H(0x01 ‖ left ‖ right), the odd
// node promoted, never duplicated; inclusion (§2.1.3.2) and consistency (§2.1.4.2) verification.
// Sizes and indices are bigints: a tree may hold up to 2^63 − 1 leaves (log.md §Limits).
import { bytesEqual, toHex } from './bytes.js';
import { failure, success, type Outcome } from './failures.js';
import type { HashFunction } from './hashing.js';

/** log.md §Limits: a proof of more hashes than this cannot be for any tree we keep. */
export const proofLengthMax = 64;

const leafPrefix = new Uint8Array([0x00]);
const nodePrefix = new Uint8Array([0x01]);

export function leafHash(hash: HashFunction, leaf: Uint8Array): Uint8Array {
  return hash(leafPrefix, leaf);
}

export function nodeHash(hash: HashFunction, left: Uint8Array, right: Uint8Array): Uint8Array {
  return hash(nodePrefix, left, right);
}

const isOdd = (value: bigint) => (value & 1n) === 1n;

/** Every hash of a proof, its leaf hash and its roots are 32 bytes (SHA-256 and SM3 alike). */
const hashBytes = 32;
function wrongHashLength(hashes: readonly Uint8Array[]): Outcome<void> | null {
  const wrong = hashes.find((hash) => hash.length !== hashBytes);
  return wrong === undefined ? null : failure('RootMismatch', `a hash of ${wrong.length} bytes, not ${hashBytes}`);
}

/**
 * RFC 9162 §2.1.3.2: does `proof` lead from `leafHashValue` at `leafIndex` to `root` of a tree of
 * `treeSize` leaves?
 */
export function verifyInclusion(
  hash: HashFunction,
  leafIndex: bigint,
  treeSize: bigint,
  leafHashValue: Uint8Array,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): Outcome<void> {
  if (leafIndex >= treeSize) return failure('IndexOutOfRange', `leaf index ${leafIndex} in a tree of ${treeSize} leaves`);
  if (proof.length > proofLengthMax) return failure('WrongProofLength', `${proof.length} hashes, at most ${proofLengthMax}`);
  const malformed = wrongHashLength([leafHashValue, root, ...proof]);
  if (malformed) return malformed;
  let fn = leafIndex;
  let sn = treeSize - 1n;
  let r = leafHashValue;
  for (const p of proof) {
    if (sn === 0n) return failure('WrongProofLength', `${proof.length} hashes is too many for leaf ${leafIndex} of ${treeSize}`);
    if (isOdd(fn) || fn === sn) {
      r = nodeHash(hash, p, r);
      if (!isOdd(fn)) {
        while (!isOdd(fn) && fn !== 0n) {
          fn >>= 1n;
          sn >>= 1n;
        }
      }
    } else {
      r = nodeHash(hash, r, p);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  if (sn !== 0n) return failure('WrongProofLength', `${proof.length} hashes is too few for leaf ${leafIndex} of ${treeSize}`);
  if (!bytesEqual(r, root)) return failure('RootMismatch', `the proof leads to ${toHex(r)}, the root is ${toHex(root)}`);
  return success(undefined);
}

const isPowerOfTwo = (value: bigint) => value > 0n && (value & (value - 1n)) === 0n;

/**
 * RFC 9162 §2.1.4.2: does `proof` show that the tree (`firstSize`, `firstRoot`) is a prefix of
 * (`secondSize`, `secondRoot`)? Equal sizes need an empty proof and equal roots; a proof from the
 * empty tree is refused (as transparency-dev/merkle does: there is nothing to prove).
 */
export function verifyConsistency(
  hash: HashFunction,
  firstSize: bigint,
  secondSize: bigint,
  firstRoot: Uint8Array,
  secondRoot: Uint8Array,
  proof: readonly Uint8Array[],
): Outcome<void> {
  if (secondSize < firstSize) return failure('SizeDecreased', `from ${firstSize} leaves to ${secondSize}`);
  if (proof.length > proofLengthMax) return failure('WrongProofLength', `${proof.length} hashes, at most ${proofLengthMax}`);
  if (firstSize === 0n) return failure('EmptyTreeHasNoProof', `from the empty tree to ${secondSize} leaves`);
  // Equal sizes compare the roots as opaque bytes; only a proof to fold needs 32-byte hashes.
  if (firstSize === secondSize) {
    if (proof.length !== 0) return failure('WrongProofLength', `${proof.length} hashes between two trees of ${firstSize} leaves`);
    if (!bytesEqual(firstRoot, secondRoot)) return failure('RootMismatch', `two trees of ${firstSize} leaves with roots ${toHex(firstRoot)} and ${toHex(secondRoot)}`);
    return success(undefined);
  }
  if (proof.length === 0) return failure('WrongProofLength', `no hashes from ${firstSize} leaves to ${secondSize}`);
  const malformed = wrongHashLength([firstRoot, secondRoot, ...proof]);
  if (malformed) return malformed;

  const path = isPowerOfTwo(firstSize) ? [firstRoot, ...proof] : [...proof];
  let fn = firstSize - 1n;
  let sn = secondSize - 1n;
  while (isOdd(fn)) {
    fn >>= 1n;
    sn >>= 1n;
  }
  let fr = path[0]!;
  let sr = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0n) return failure('WrongProofLength', `${proof.length} hashes is too many from ${firstSize} leaves to ${secondSize}`);
    if (isOdd(fn) || fn === sn) {
      fr = nodeHash(hash, c, fr);
      sr = nodeHash(hash, c, sr);
      if (!isOdd(fn)) {
        while (!isOdd(fn) && fn !== 0n) {
          fn >>= 1n;
          sn >>= 1n;
        }
      }
    } else {
      sr = nodeHash(hash, sr, c);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  if (sn !== 0n) return failure('WrongProofLength', `${proof.length} hashes is too few from ${firstSize} leaves to ${secondSize}`);
  if (!bytesEqual(fr, firstRoot)) return failure('RootMismatch', `the proof gives the first root ${toHex(fr)}, it is ${toHex(firstRoot)}`);
  if (!bytesEqual(sr, secondRoot)) return failure('RootMismatch', `the proof gives the second root ${toHex(sr)}, it is ${toHex(secondRoot)}`);
  return success(undefined);
}

/**
 * The RFC 9162 §2.1.1 root MTH over leaves pushed one at a time, holding only one subtree root per
 * level (at most 64), so a deposit of a million units needs no list of them. The stack keeps
 * complete subtrees of strictly decreasing size; the root folds them right to left, which is
 * MTH's split at the largest power of two below n.
 */
export class MerkleRootBuilder {
  private readonly stack: { size: bigint; hash: Uint8Array }[] = [];
  private leafCount = 0n;

  constructor(private readonly hash: HashFunction) {}

  /** Appends a leaf input (hashed here as H(0x00 ‖ leaf)). */
  push(leaf: Uint8Array): void {
    let node = { size: 1n, hash: leafHash(this.hash, leaf) };
    while (this.stack.length > 0 && this.stack[this.stack.length - 1]!.size === node.size) {
      const left = this.stack.pop()!;
      node = { size: left.size * 2n, hash: nodeHash(this.hash, left.hash, node.hash) };
    }
    this.stack.push(node);
    this.leafCount++;
  }

  get size(): bigint {
    return this.leafCount;
  }

  root(): Uint8Array {
    if (this.stack.length === 0) return this.hash();
    let root = this.stack[this.stack.length - 1]!.hash;
    for (let i = this.stack.length - 2; i >= 0; i--) root = nodeHash(this.hash, this.stack[i]!.hash, root);
    return root;
  }
}

export function merkleRoot(hash: HashFunction, leaves: readonly Uint8Array[]): Uint8Array {
  const builder = new MerkleRootBuilder(hash);
  for (const leaf of leaves) builder.push(leaf);
  return builder.root();
}
