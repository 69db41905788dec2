// The content hasher (commitment.md §Units): the same unit digests however the file is cut into
// pieces, chunk boundaries in the right places, and the units roots of commitment.md's example.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createContentHasher, loadHashes, partyCommitment, readSaltFile, unitsRoots } from '../dist/verifier.mjs';
import { ascii, hex, toHex } from './vectors.mjs';

const chunk = 65_536;

function pseudoRandomFile(length) {
  const bytes = new Uint8Array(length);
  let state = 0x9e3779b9;
  for (let i = 0; i < length; i++) {
    state = (state * 1_103_515_245 + 12_345) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
}

async function digestsOf(file, chunkSize, pieceSizes) {
  const hasher = await createContentHasher(chunkSize);
  let offset = 0;
  for (let i = 0; offset < file.length; i++) {
    const size = pieceSizes[i % pieceSizes.length];
    hasher.update(file.subarray(offset, offset + size));
    offset += size;
  }
  return hasher.finish();
}

const comparable = (digests) => digests.units.map((u) => [u.path, u.offsetBytes, u.lengthBytes, toHex(u.sha256), toHex(u.sm3)]);

test('uneven pieces give the digests of one piece, unchunked and chunked', async () => {
  const file = pseudoRandomFile(3 * chunk + 1234);
  for (const chunkSize of [0, chunk]) {
    const whole = await digestsOf(file, chunkSize, [file.length]);
    for (const pieces of [[1], [7, 65_535, 3, 100_000], [chunk], [chunk + 1, 2]]) {
      assert.deepEqual(comparable(await digestsOf(file, chunkSize, pieces)), comparable(whole), `chunk ${chunkSize}, pieces ${pieces}`);
    }
  }
});

test('chunks cover the file in order, the last one shorter, each hashed alone', async () => {
  const file = pseudoRandomFile(3 * chunk + 1234);
  const { units, chunkSizeBytes } = await digestsOf(file, chunk, [10_000]);
  assert.equal(chunkSizeBytes, chunk);
  assert.deepEqual(units.map((u) => [u.offsetBytes, u.lengthBytes]), [[0, chunk], [chunk, chunk], [2 * chunk, chunk], [3 * chunk, 1234]]);
  for (const unit of units) {
    const bytes = file.subarray(unit.offsetBytes, unit.offsetBytes + unit.lengthBytes);
    assert.equal(toHex(unit.sha256), createHash('sha256').update(bytes).digest('hex'));
    assert.equal(toHex(unit.sm3), createHash('sm3').update(bytes).digest('hex'));
  }
});

test('a file of whole chunks has no empty last unit; an empty file is one unit of length 0', async () => {
  assert.deepEqual((await digestsOf(pseudoRandomFile(2 * chunk), chunk, [chunk])).units.map((u) => u.lengthBytes), [chunk, chunk]);
  for (const chunkSize of [0, chunk]) {
    const { units } = await digestsOf(new Uint8Array(), chunkSize, [1]);
    assert.deepEqual(units.map((u) => [u.offsetBytes, u.lengthBytes]), [[0, 0]]);
    assert.equal(toHex(units[0].sha256), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  }
});

test('a chunk size commitment.md does not allow is a programming error', async () => {
  for (const size of [1, 65_535, 100_000, 2 ** 31]) await assert.rejects(createContentHasher(size), RangeError);
});

test("commitment.md's worked example: units roots and party commitments of 'hello, court\\n'", async () => {
  const hashes = await loadHashes();
  const hasher = await createContentHasher(0);
  hasher.update(ascii('hello, court\n'));
  const masterSalt = Uint8Array.from({ length: 32 }, (_, i) => i);
  const roots = unitsRoots(hashes, masterSalt, hasher.finish().units);
  assert.equal(toHex(roots.sha256), 'ca16efa8263fd55fba3cad585c6fac10039775838e5e27f298846b377667a9cc');
  assert.equal(toHex(roots.sm3), 'fa1c42cac6bdae23c62adce03ef9015ea66b93ecd386747b10949a5d14d2fac2');
  const partySalt = hex('16157b7e22a5ed8db5398959f568e0cf4f4924afa36fcc17db015fda32a831df');
  const fingerprint = hex('f1cde99f5266a116e0235e170f3fcd1a679732480eb5c1ecf4f179d02c72fbb8');
  assert.equal(toHex(partyCommitment(hashes.sha256, partySalt, fingerprint)), '27ce22a20ca69b296cc5facbdeeb8f841e4a9f9b9d984226f5a5d964b1aff4ab');
  assert.equal(toHex(partyCommitment(hashes.sm3, partySalt, fingerprint)), 'dbc76124fd54a4f1ec5f37b9e4eb78ae74a7e1491850f4c3b1a356a9129764f6');
});

test('salt files: the format is required, unknown members are ignored', () => {
  const good = { format: 'evidencechain-salt/v1', master_salt: '00'.repeat(32), chunk_size_bytes: 0, unit_count: 1, later: true };
  assert.equal(readSaltFile(JSON.stringify(good)).ok, true);
  for (const bad of [{ ...good, format: 'evidencechain-salt/v2' }, { ...good, master_salt: '00'.repeat(31) }, { ...good, chunk_size_bytes: 1000 }, { ...good, unit_count: 0 }]) {
    const outcome = readSaltFile(JSON.stringify(bad));
    assert.equal(outcome.ok, false);
    assert.equal(outcome.failure.name, 'MalformedSaltFile');
  }
});
