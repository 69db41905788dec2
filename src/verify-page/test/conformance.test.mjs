// Runs every case of tests/vectors/receipts/manifest.json through the TypeScript verifier, with
// exactly the inputs the case names, and asserts the verdict and, for valid cases, the log time,
// the timestamps and the anchors the manifest lists. The files are read here, never by the verifier.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createContentHasher, failureNumbers, readSaltFile, verifyReceipt } from '../dist/verifier.mjs';

const folder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../tests/vectors/receipts');
const read = (name) => readFileSync(path.join(folder, name), 'utf8');
const manifest = JSON.parse(read('manifest.json'));

async function evidenceOf(testCase) {
  const saltJson = read(testCase.salt);
  const salt = readSaltFile(saltJson);
  const hasher = await createContentHasher(salt.ok ? salt.value.chunkSizeBytes : 0);
  hasher.update(new Uint8Array(readFileSync(path.join(folder, testCase.content))));
  return { units: hasher.finish(), saltJson };
}

test('the manifest lists cases', () => {
  assert.equal(manifest.format, 'evidencechain-receipt-conformance/v1');
  assert.ok(manifest.cases.length >= 20);
});

for (const testCase of manifest.cases) {
  test(testCase.name, async () => {
    const trust = {
      logKeys: read(testCase.log_keys),
      tsaRoots: testCase.tsa_roots.map(read),
      operatorTsa: testCase.operator_tsa.map(read),
    };
    const report = await verifyReceipt(read(testCase.receipt), trust, await evidenceOf(testCase));

    if (testCase.expect !== 'valid') {
      assert.equal(report.verdict, 'invalid', `expected ${testCase.expect}, got ${JSON.stringify(report)}`);
      assert.equal(report.failure.name, testCase.expect, report.failure.detail);
      assert.equal(report.failure.number, failureNumbers[testCase.expect]);
      assert.ok(report.failure.zh.length > 0 && report.failure.en.length > 0);
      return;
    }
    assert.equal(report.verdict, 'valid', JSON.stringify(report));
    assert.equal(report.logTime, testCase.log_time);
    assert.deepEqual(
      report.timestamps.map((t) => ({
        authority: t.authority,
        tree_size: t.treeSize,
        gen_time: t.genTime,
        accuracy_ms: t.accuracyMs,
        tsa: t.tsa,
        source: t.source,
      })),
      testCase.timestamps,
    );
    assert.deepEqual(
      report.anchors.map((a) => ({
        type: a.type,
        chain_id: a.chainId,
        tree_size: a.treeSize,
        block_number: a.blockNumber,
        block_time: a.blockTime,
      })),
      testCase.anchors,
    );
  });
}
