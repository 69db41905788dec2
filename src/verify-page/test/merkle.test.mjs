// RFC 9162 trees, inclusion and consistency proofs against tests/vectors/rfc9162-vectors.json:
// the classic 8-leaf tree (roots of every size, every proof) and transparency-dev/merkle's probes,
// each a mutated proof that must fail (or a sound one that must pass).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadHashes, merkleRoot, verifyConsistency, verifyInclusion } from '../dist/verifier.mjs';
import { hex, readVectors, toHex } from './vectors.mjs';

const vectors = readVectors('rfc9162-vectors.json');
const tree = vectors.rfc6962_8leaf;
const leaves = tree.leaf_inputs_hex.map(hex);

test('roots of the 8-leaf tree at every size, the empty one included', async () => {
  const { sha256 } = await loadHashes();
  for (const { tree_size: size, root } of tree.roots) assert.equal(toHex(merkleRoot(sha256, leaves.slice(0, size))), root, `size ${size}`);
});

const inclusionHolds = async (v) => {
  const { sha256 } = await loadHashes();
  return verifyInclusion(sha256, BigInt(v.leaf_index), BigInt(v.tree_size), hex(v.leaf_hash), v.proof.map(hex), hex(v.root)).ok;
};
const consistencyHolds = async (v) => {
  const { sha256 } = await loadHashes();
  return verifyConsistency(sha256, BigInt(v.first), BigInt(v.second), hex(v.first_root), hex(v.second_root), v.proof.map(hex)).ok;
};

test('every inclusion proof of the 8-leaf tree verifies', async () => {
  for (const v of tree.inclusion) assert.equal(await inclusionHolds(v), true, v.id);
});

test('every consistency proof of the 8-leaf tree verifies', async () => {
  for (const v of tree.consistency) assert.equal(await consistencyHolds(v), true, v.id);
});

test('transparency-dev/merkle inclusion probes', async () => {
  for (const v of vectors.probes.inclusion) assert.equal(await inclusionHolds(v), !v.want_error, `${v.id}: ${v.desc}`);
});

test('transparency-dev/merkle consistency probes', async () => {
  for (const v of vectors.probes.consistency) assert.equal(await consistencyHolds(v), !v.want_error, `${v.id}: ${v.desc}`);
});

test('a proof longer than 64 hashes is refused before any hashing', async () => {
  const { sha256 } = await loadHashes();
  const long = Array.from({ length: 65 }, () => new Uint8Array(32));
  const outcome = verifyInclusion(sha256, 0n, 2n ** 62n, new Uint8Array(32), long, new Uint8Array(32));
  assert.equal(outcome.ok, false);
  assert.equal(outcome.failure.name, 'WrongProofLength');
});
