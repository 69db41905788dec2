// Merkle-Patricia trie proofs (Yellow Paper, Appendix D): from a trie root down to the value
// stored under a key, through the proof's nodes, root first. Each node is taken only if it is
// what its parent references: keccak-256 of its RLP, or, for a node under 32 bytes, the RLP itself
// embedded in the parent.
import { keccak_256 } from '@noble/hashes/sha3.js';
import { bytesEqual } from './bytes.js';
import { RlpError, asBytes, decodeRlp, type RlpItem } from './rlp.js';

export class TrieProofError extends Error {}

function nibblesOf(bytes: Uint8Array): number[] {
  const nibbles: number[] = [];
  for (const byte of bytes) nibbles.push(byte >> 4, byte & 0x0f);
  return nibbles;
}

/** A hex-prefix encoded path (Appendix C): its nibbles, and whether it ends in a leaf. */
function decodeHexPrefix(encoded: Uint8Array): { nibbles: number[]; leaf: boolean } {
  const all = nibblesOf(encoded);
  const flag = all[0];
  if (flag === undefined || flag > 3) throw new TrieProofError('malformed hex-prefix path');
  const odd = (flag & 1) === 1;
  if (!odd && all[1] !== 0) throw new TrieProofError('malformed hex-prefix padding');
  return { nibbles: all.slice(odd ? 1 : 2), leaf: (flag & 2) === 2 };
}

/**
 * The value stored under `key` in the trie of root `root`, proven by `proof`; throws
 * TrieProofError (or RlpError) if the proof does not lead there, or shows the key absent.
 */
export function verifyTrieProof(root: Uint8Array, key: Uint8Array, proof: readonly Uint8Array[]): Uint8Array {
  const path = nibblesOf(key);
  let position = 0;
  let expected: { hash: Uint8Array } | { inline: RlpItem } = { hash: root };
  let nodeIndex = 0;
  // Every node of the proof must be on the path: a proof is exactly the nodes from root to value.
  const found = (value: Uint8Array) => {
    if (value.length === 0) throw new TrieProofError('the key is not in the trie');
    if (nodeIndex !== proof.length) throw new TrieProofError(`${proof.length - nodeIndex} proof nodes after the value`);
    return value;
  };
  for (;;) {
    let node: RlpItem;
    if ('hash' in expected) {
      const encoded = proof[nodeIndex++];
      if (encoded === undefined) throw new TrieProofError('the proof ends before the value');
      if (!bytesEqual(keccak_256(encoded), expected.hash)) throw new TrieProofError(`proof node ${nodeIndex - 1} is not the node its parent references`);
      node = decodeRlp(encoded);
    } else {
      node = expected.inline;
    }
    if (!Array.isArray(node)) throw new TrieProofError('a trie node is not a list');

    let next: RlpItem | undefined;
    if (node.length === 17) {
      if (position === path.length) return found(asBytes(node[16], 'branch value'));
      next = node[path[position++]!];
    } else if (node.length === 2) {
      const { nibbles, leaf } = decodeHexPrefix(asBytes(node[0], 'node path'));
      const segment = path.slice(position, position + nibbles.length);
      if (segment.length !== nibbles.length || segment.some((nibble, i) => nibble !== nibbles[i])) throw new TrieProofError('the key is not in the trie');
      position += nibbles.length;
      if (leaf) {
        if (position !== path.length) throw new TrieProofError('a leaf ends before the key');
        return found(asBytes(node[1], 'leaf value'));
      }
      next = node[1];
    } else {
      throw new TrieProofError(`a trie node of ${node.length} members`);
    }

    if (next === undefined) throw new TrieProofError('malformed node');
    if (Array.isArray(next)) expected = { inline: next };
    else if (next.length === 32) expected = { hash: next };
    else throw new TrieProofError('the key is not in the trie');
  }
}

export { RlpError };
