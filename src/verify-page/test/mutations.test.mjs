// Rules the conformance folder does not exercise, each by one change to a sound receipt of it
// (v2-every-proof), so that each check can be seen to fail on its own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createContentHasher, verifyReceipt } from '../dist/verifier.mjs';

const folder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../tests/vectors/receipts');
const read = (name) => readFileSync(path.join(folder, name), 'utf8');
const trust = {
  logKeys: read('log.vkeys'),
  tsaRoots: ['tsa-root.pem', 'tsa-root-sm2.pem', 'operator-tsa-root.pem'].map(read),
  operatorTsa: [read('operator-tsa.pem')],
};
const sound = () => JSON.parse(read('v2-every-proof.receipt.json'));
const flipBase64 = (text) => text.replace(/[A-Za-z]/, (c) => (c === 'A' ? 'B' : 'A'));

async function verdictOf(receipt, trustOverride = {}) {
  const hasher = await createContentHasher(0);
  hasher.update(new Uint8Array(readFileSync(path.join(folder, 'hello-court.txt'))));
  const report = await verifyReceipt(JSON.stringify(receipt), { ...trust, ...trustOverride }, { units: hasher.finish(), saltJson: read('hello-court.salt.json') });
  return report.verdict === 'invalid' ? report.failure.name : report.verdict;
}

test('the sound receipt is valid (the baseline of every mutation)', async () => {
  assert.equal(await verdictOf(sound()), 'valid');
});

test('a checkpoint without its SM2 line: NoTrustedSignature (a trusted SM2 key must sign)', async () => {
  const receipt = sound();
  receipt.tlog_proof = receipt.tlog_proof.replace(/\u2014 \S+ q1po\S+\n/, '');
  assert.equal(await verdictOf(receipt), 'NoTrustedSignature');
});

test('a checkpoint signature changed: BadSignature', async () => {
  const receipt = sound();
  receipt.tlog_proof = receipt.tlog_proof.replace(/(\u2014 \S+ iEFRH)(\S+)/, (_, head, rest) => head + flipBase64(rest));
  assert.equal(await verdictOf(receipt), 'BadSignature');
});

test('a line added to the checkpoint text after signing: BadSignature (signatures are checked before the text is read)', async () => {
  const receipt = sound();
  receipt.tlog_proof = receipt.tlog_proof.replace('=\n\n\u2014', '=\nextension\n\n\u2014');
  assert.equal(await verdictOf(receipt), 'BadSignature');
});

test('the depositor opening of another key: PartyCommitmentMismatch', async () => {
  const receipt = sound();
  receipt.depositor_opening.key_fingerprint = '00'.repeat(32);
  assert.equal(await verdictOf(receipt), 'PartyCommitmentMismatch');
});

test("the promise's batch proof changed: RootMismatch", async () => {
  const receipt = sound();
  receipt.promise.batch_proof[0] = flipBase64(receipt.promise.batch_proof[0]);
  assert.equal(await verdictOf(receipt), 'RootMismatch');
});

test('an anchor of another log: AnchorOfAnotherLog', async () => {
  const receipt = sound();
  receipt.anchors[0].log_id = '0x' + '11'.repeat(32);
  assert.equal(await verdictOf(receipt), 'AnchorOfAnotherLog');
});

test("an anchor whose consistency proof is changed: AnchorInconsistent", async () => {
  const receipt = sound();
  receipt.anchors[0].consistency_proof[1] = flipBase64(receipt.anchors[0].consistency_proof[1]);
  assert.equal(await verdictOf(receipt), 'AnchorInconsistent');
});

test('an anchor claiming another block time than its header: AnchorProofInvalid', async () => {
  const receipt = sound();
  receipt.anchors[0].block_time += 1;
  assert.equal(await verdictOf(receipt), 'AnchorProofInvalid');
});

test("a pending anchor is not checked, so a broken one does not fail the receipt", async () => {
  const receipt = sound();
  receipt.anchors[0].status = 'pending';
  receipt.anchors[0].block_time += 1;
  assert.equal(await verdictOf(receipt), 'valid');
});

test("a timestamp entry's tree size not its checkpoint's: TimestampInconsistent", async () => {
  const receipt = sound();
  receipt.timestamps[1].tree_size = 14;
  assert.equal(await verdictOf(receipt), 'TimestampInconsistent');
});

test('a timestamp over a checkpoint that does not verify: TimestampCheckpointInvalid', async () => {
  const receipt = sound();
  receipt.timestamps[1].checkpoint = receipt.timestamps[1].checkpoint.replace('\n15\n', '\n16\n');
  assert.equal(await verdictOf(receipt), 'TimestampCheckpointInvalid');
});

test('a token that is not DER: TimestampTokenInvalid', async () => {
  const receipt = sound();
  receipt.timestamps[0].token = 'AAAA';
  assert.equal(await verdictOf(receipt), 'TimestampTokenInvalid');
});

test("a token's signature byte changed: TimestampTokenInvalid", async () => {
  const receipt = sound();
  const der = Buffer.from(receipt.timestamps[0].token, 'base64');
  der[der.length - 5] ^= 1;
  receipt.timestamps[0].token = der.toString('base64');
  assert.equal(await verdictOf(receipt), 'TimestampTokenInvalid');
});

test('a v1 receipt does not check its timestamps', async () => {
  const receipt = sound();
  receipt.format = 'evidencechain-receipt/v1';
  receipt.timestamps[0].token = 'AAAA';
  assert.equal(await verdictOf(receipt), 'valid');
});

test('a keys file that does not parse is unusable input, not a verdict on the receipt', async () => {
  assert.equal(await verdictOf(sound(), { logKeys: 'not a key' }), 'unusable-input');
});
