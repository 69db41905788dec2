// SM3, SHA-256, HMAC-SHA256 and SM2 against published vectors (tests/vectors/sm3-vectors.json:
// GB/T 32905-2016 Annex A and the SM2 examples' intermediate values; FIPS 180-2; RFC 4231;
// GB/T 32918.2 Annex A).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createContentHasher, loadHashes, sm2UserHash, verifySm2Raw } from '../dist/verifier.mjs';
import { ascii, hex, readVectors, toHex } from './vectors.mjs';

const sm3Vectors = readVectors('sm3-vectors.json').vectors;
const messageOf = (vector) => (vector.message_repeat ? ascii(vector.message_repeat.unit_ascii.repeat(vector.message_repeat.count)) : hex(vector.message_hex));

for (const vector of sm3Vectors) {
  test(`SM3 ${vector.id} (${vector.origin})`, async () => {
    const { sm3 } = await loadHashes();
    assert.equal(toHex(sm3(messageOf(vector))), vector.digest);
  });
}

test('SM3 of a million "a" streamed in uneven pieces (the content hasher)', async () => {
  const vector = sm3Vectors.find((v) => v.id === 'million-a');
  const message = messageOf(vector);
  const hasher = await createContentHasher(0);
  for (let offset = 0, piece = 1; offset < message.length; offset += piece, piece = (piece * 7 + 3) % 9973) {
    hasher.update(message.subarray(offset, offset + piece));
  }
  const [unit] = hasher.finish().units;
  assert.equal(toHex(unit.sm3), vector.digest);
});

test('SHA-256 "abc" (FIPS 180-2 Appendix B.1)', async () => {
  const { sha256 } = await loadHashes();
  assert.equal(toHex(sha256(ascii('abc'))), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
});

test('HMAC-SHA256 (RFC 4231 test cases 2 and 6: short key, key longer than a block)', async () => {
  const { hmacSha256 } = await loadHashes();
  assert.equal(toHex(hmacSha256(ascii('Jefe'), ascii('what do ya want for nothing?'))), '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  assert.equal(
    toHex(hmacSha256(new Uint8Array(131).fill(0xaa), ascii('Test Using Larger Than Block-Size Key - Hash Key First'))),
    '60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54',
  );
});

// GB/T 32918.2 Annex A on sm2p256v1: the key of private key 3945208f…f7c5b8, ID 1234567812345678,
// message "message digest", nonce 59276e27…c1bc21.
const annexKey = hex('0409f9df311e5421a150dd7d161e4bc5c672179fad1833fc076bb08ff356f35020ccea490ce26775a52dc6ea718cc1aa600aed05fbf35e084a6632f6072da9ad13');
const annexSignature = hex('f5a03b0648d2c4630eeac513e1bb81a15944da3827d5b74143ac7eaceee720b3b1b6aa29df212fd8763182bc0d421ca1bb9038fd1f7f42d4840b69c485bbc1aa');
const defaultId = ascii('1234567812345678');

test('SM2 Z_A of the Annex A key under the default ID (sm3-vectors.json sm2-za-sm2p256v1-default-id)', async () => {
  const { sm3 } = await loadHashes();
  const vector = sm3Vectors.find((v) => v.id === 'sm2-za-sm2p256v1-default-id');
  assert.equal(toHex(sm2UserHash(sm3, annexKey, defaultId)), vector.digest);
});

test('SM2 verifies the GB/T 32918.2 Annex A signature, and refuses it under another ID or message', async () => {
  const { sm3 } = await loadHashes();
  assert.equal(verifySm2Raw(sm3, annexKey, defaultId, ascii('message digest'), annexSignature), true);
  assert.equal(verifySm2Raw(sm3, annexKey, ascii('1234567812345679'), ascii('message digest'), annexSignature), false);
  assert.equal(verifySm2Raw(sm3, annexKey, defaultId, ascii('message digesT'), annexSignature), false);
  const flipped = annexSignature.slice();
  flipped[63] ^= 1;
  assert.equal(verifySm2Raw(sm3, annexKey, defaultId, ascii('message digest'), flipped), false);
});

test("the timestamp imprints of receipt.md's example checkpoint text", async () => {
  const { sha256, sm3 } = await loadHashes();
  const text = ascii('notary.example.cn/evidencechain/000102030405060708090a0b0c0d0e0f/sha256\n1\nCTsGsb/zR+2KwEGf/+bjeIitn0f9I+UffO1rtRNMATc=\n');
  assert.equal(toHex(sha256(text)), '1577f38ccdf163922aa63eee0a1cbc1d8c1059007bf2d6dc9110a0a04925d17d');
  assert.equal(toHex(sm3(text)), '67e2fa76a6d924abcd949289567d56c60cb0de543ff88f0e27a908301bfc78a1');
});
