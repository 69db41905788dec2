// checkpoint.md §Verification step 2 after a planned key rotation (§Key rotation): every trusted line
// verifies, and each algorithm among the log's trusted keys must have signed, whichever generation.
// The notes are the conformance folder's rotation checkpoint (size 11, both pairs) and the new pair's
// checkpoint (size 15), with signature lines taken out or swapped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadHashes, parseVerifierKeys, toHex, verifyCheckpoint } from '../dist/verifier.mjs';

const folder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../tests/vectors/receipts');
const read = (name) => readFileSync(path.join(folder, name), 'utf8');
const hashes = await loadHashes();

function keysOf(name) {
  const parsed = parseVerifierKeys(read(name), hashes);
  assert.ok(parsed.ok, parsed.problem);
  return parsed.value;
}

const firstPair = keysOf('log.vkeys');
const bothGenerations = keysOf('log-rotated.vkeys');
const [oldEd25519, oldSm2, newEd25519, newSm2] = bothGenerations.keys.map((key) => toHex(key.id));

function noteOf(receiptName) {
  const proof = JSON.parse(read(receiptName)).tlog_proof;
  return proof.slice(proof.indexOf('\n\n') + 2);
}

const rotation = noteOf('v2-rotation-checkpoint.receipt.json');
const newPairOnly = noteOf('v2-rotated-new-keys.receipt.json');

const problemOf = (outcome) => (outcome.ok ? undefined : `${outcome.failure.name}: ${outcome.failure.detail}`);

/** The note's signature lines by key ID (hex). */
function linesOf(note) {
  const lines = note.slice(note.lastIndexOf('\n\n') + 2, -1).split('\n');
  return new Map(lines.map((line) => [Buffer.from(line.split(' ')[2], 'base64').subarray(0, 4).toString('hex'), line]));
}

/** The note's text with the given signature lines. */
function withLines(note, lines) {
  return note.slice(0, note.lastIndexOf('\n\n') + 2) + lines.map((line) => line + '\n').join('');
}

test('the rotation checkpoint has four lines, one per key of both generations', () => {
  assert.deepEqual([...linesOf(rotation).keys()], [oldEd25519, oldSm2, newEd25519, newSm2]);
});

test('the rotation checkpoint, trusting both generations: valid, no line unknown', async () => {
  const outcome = await verifyCheckpoint(rotation, bothGenerations, hashes);
  assert.ok(outcome.ok, problemOf(outcome));
  assert.deepEqual(outcome.value.unknownSignatures, []);
});

test("the rotation checkpoint, trusting the first pair only: valid, the new pair's lines unknown", async () => {
  const outcome = await verifyCheckpoint(rotation, firstPair, hashes);
  assert.ok(outcome.ok, problemOf(outcome));
  assert.equal(outcome.value.unknownSignatures.length, 2);
});

test('the new pair alone, trusting both generations: valid; trusting the first pair only: NoTrustedSignature', async () => {
  assert.ok((await verifyCheckpoint(newPairOnly, bothGenerations, hashes)).ok);
  const outcome = await verifyCheckpoint(newPairOnly, firstPair, hashes);
  assert.equal(outcome.ok, false);
  assert.equal(outcome.failure.name, 'NoTrustedSignature');
});

test('an Ed25519 line of one generation and an SM2 line of the other: valid (each algorithm signed)', async () => {
  const lines = linesOf(rotation);
  const outcome = await verifyCheckpoint(withLines(rotation, [lines.get(oldEd25519), lines.get(newSm2)]), bothGenerations, hashes);
  assert.ok(outcome.ok, problemOf(outcome));
});

test('both Ed25519 lines and no SM2 line, trusting both generations: NoTrustedSignature naming SM2', async () => {
  const lines = linesOf(rotation);
  const outcome = await verifyCheckpoint(withLines(rotation, [lines.get(oldEd25519), lines.get(newEd25519)]), bothGenerations, hashes);
  assert.equal(outcome.ok, false);
  assert.equal(outcome.failure.name, 'NoTrustedSignature');
  assert.match(outcome.failure.detail, /^no trusted SM2 key signed/);
});

test("the new Ed25519 key's line over another checkpoint, the first pair sound: BadSignature", async () => {
  const lines = linesOf(rotation);
  const overSize15 = linesOf(newPairOnly).get(newEd25519);
  const note = withLines(rotation, [lines.get(oldEd25519), lines.get(oldSm2), overSize15, lines.get(newSm2)]);
  const outcome = await verifyCheckpoint(note, bothGenerations, hashes);
  assert.equal(outcome.ok, false);
  assert.equal(outcome.failure.name, 'BadSignature');
});
