// key-statement.md §Compromise and §What a verifier says about a receipt, over the conformance folder
// (tests/vectors/receipts): a successor log's key pair is made here (Ed25519 with node:crypto, SM2 on
// @noble/curves, user ID 1234567812345678, encodings per checkpoint.md), compromise statements naming
// the folder's log and its keys (log.vkeys) are signed with it, and the folder's receipts are judged
// against them by verifyReceipt, as `evidencechain verify --compromise` judges them: offline, then again
// with the anchors a trusted node confirmed (assessCompromises), as the page does after its node check
// and the CLI with --rpc.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, generateKeyPairSync, randomBytes, sign as signEd25519 } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { weierstrass } from '@noble/curves/abstract/weierstrass.js';
import { assessCompromise, assessCompromises, loadHashes, parseVerifierKeys, sm2UserHash, timestampProofMs, verifyKeyCompromise, verifyReceipt } from '../dist/verifier.mjs';

const folder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../tests/vectors/receipts');
const read = (name) => readFileSync(path.join(folder, name), 'utf8');
const manifest = JSON.parse(read('manifest.json'));
const hashes = await loadHashes();

const compromisedOrigin = 'notary.example.cn/evidencechain/000102030405060708090a0b0c0d0e0f/sha256';
const successorOrigin = 'notary.example.cn/evidencechain/f0e0d0c0b0a090807060504030201000/sha256';
const [compromisedEd25519, compromisedSm2] = read('log.vkeys').split('\n').filter((line) => line !== '');

// sm2p256v1 (GB/T 32918.5), to sign as the successor's notary would; the verifier only verifies.
const n = 0xfffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123n;
const Sm2Point = weierstrass({
  p: 0xfffffffeffffffffffffffffffffffffffffffff00000000ffffffffffffffffn,
  n,
  h: 1n,
  a: 0xfffffffeffffffffffffffffffffffffffffffff00000000fffffffffffffffcn,
  b: 0x28e9fa9e9d9f5e344d5a9e4bcf6509a7f39789f515ab8f92ddbcbd414d940e93n,
  Gx: 0x32c4ae2c1f1981195f9904466a39c9948fe30bbff2660be1715a4589334c74c7n,
  Gy: 0xbc3736a2f4f6779c59bdcee36b692153d0a9877cc62a474002df32e52139f0a0n,
});
const sm2UserId = Buffer.from('1234567812345678');
const big = (bytes) => BigInt('0x' + Buffer.from(bytes).toString('hex'));
const bytes32 = (value) => Buffer.from(value.toString(16).padStart(64, '0'), 'hex');
const mod = (value) => ((value % n) + n) % n;
function inverse(value) {
  let [a, b, x, y] = [mod(value), n, 1n, 0n];
  while (b !== 0n) {
    const q = a / b;
    [a, b, x, y] = [b, a - q * b, y, x - q * y];
  }
  return mod(x);
}

/** A note signer: its C2SP verifier key line, and its signature line over a note text. */
function verifierKey(name, encoding) {
  const keyId = createHash('sha256').update(Buffer.concat([Buffer.from(name + '\n'), encoding])).digest().subarray(0, 4);
  return { line: `${name}+${keyId.toString('hex')}+${encoding.toString('base64')}`, keyId };
}

function ed25519Signer(name) {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x, 'base64url');
  const { line, keyId } = verifierKey(name, Buffer.concat([Buffer.from([0x01]), raw]));
  return { line, signatureLine: (text) => `— ${name} ${Buffer.concat([keyId, signEd25519(null, Buffer.from(text), privateKey)]).toString('base64')}` };
}

function sm2Signer(name) {
  const d = mod(big(randomBytes(32))) || 1n;
  const point = Sm2Point.BASE.multiply(d).toBytes(false);
  const encoding = Buffer.concat([Buffer.from([0xff]), Buffer.from('evidencechain/sm2-sm3/v1'), Buffer.from([0x00, sm2UserId.length]), sm2UserId, point]);
  const { line, keyId } = verifierKey(name, encoding);
  // GB/T 32918.2 §6.1: e = SM3(Z_A ‖ M); (x1, y1) = [k]G; r = e + x1; s = (1 + d)⁻¹ (k − r d).
  const signature = (text) => {
    const e = big(hashes.sm3(sm2UserHash(hashes.sm3, point, sm2UserId), Buffer.from(text)));
    for (;;) {
      const k = mod(big(randomBytes(32)));
      if (k === 0n) continue;
      const r = mod(e + Sm2Point.BASE.multiply(k).x);
      if (r === 0n || r + k === n) continue;
      const s = mod(inverse(1n + d) * (k - r * d));
      if (s !== 0n) return Buffer.concat([bytes32(r), bytes32(s)]);
    }
  };
  return { line, signatureLine: (text) => `— ${name} ${Buffer.concat([keyId, signature(text)]).toString('base64')}` };
}

const successorEd25519 = ed25519Signer(successorOrigin);
const successorSm2 = sm2Signer(successorOrigin);
const successorKeys = `${successorEd25519.line}\n${successorSm2.line}\n`;

function statementText({ origin = compromisedOrigin, at, frozenSize = 3, frozenRoot = Buffer.alloc(32, 7).toString('base64'), keys = [compromisedEd25519, compromisedSm2], successor = successorOrigin }) {
  return (
    'evidencechain/key-compromise/v1\n' +
    `${origin}\n` +
    `compromised-at ${at}\n` +
    `frozen ${frozenSize} ${frozenRoot}\n` +
    keys.map((key) => `key ${key}\n`).join('') +
    `successor ${successor}\n`
  );
}

const signNote = (text, signers = [successorEd25519, successorSm2]) => `${text}\n${signers.map((signer) => signer.signatureLine(text) + '\n').join('')}`;
const statement = (fields, signers) => signNote(statementText(fields), signers);

/** The manifest case's receipt and trust, the successor's keys added, judged with the statements. */
async function judge(caseName, statements, { logKeys = read('log.vkeys') + successorKeys } = {}) {
  const testCase = manifest.cases.find((candidate) => candidate.name === caseName);
  const trust = {
    logKeys,
    tsaRoots: testCase.tsa_roots.map(read),
    operatorTsa: testCase.operator_tsa.map(read),
    compromiseStatements: statements.map((note, index) => ({ source: `statement ${index + 1}`, note })),
  };
  return verifyReceipt(read(testCase.receipt), trust);
}

/**
 * The findings for the case's receipt: offline (no anchor confirmed), or with every anchor of the
 * report confirmed by a trusted node (`confirmed: 'all'`), or with the given anchors confirmed.
 */
async function findingOf(caseName, fields, { confirmed = [] } = {}) {
  const report = await judge(caseName, [statement(fields)]);
  assert.equal(report.verdict, 'valid', JSON.stringify(report));
  if (confirmed === 'all') return assessCompromises(report.compromiseStatements, report, report.anchors);
  return confirmed.length === 0 ? report.compromise : assessCompromises(report.compromiseStatements, report, confirmed);
}

const confirmed = { confirmed: 'all' };

const receiptCheckpoint = (name) => {
  const proof = JSON.parse(read(name)).tlog_proof;
  const [, size, root] = proof.slice(proof.indexOf('\n\n') + 2).split('\n');
  return { size: Number(size), root };
};

test('a statement signed by both successor keys verifies and reads as written', async () => {
  const keys = parseVerifierKeys(successorKeys, hashes);
  const outcome = await verifyKeyCompromise(statement({ at: '2024-01-01T00:00:00.000Z', frozenSize: 9 }), keys.value, hashes);
  assert.ok(outcome.ok, outcome.ok ? '' : JSON.stringify(outcome.failure));
  assert.equal(outcome.value.origin, compromisedOrigin);
  assert.equal(outcome.value.successor, successorOrigin);
  assert.equal(outcome.value.compromisedAtMs, Date.UTC(2024, 0, 1));
  assert.equal(outcome.value.frozenSize, 9n);
  assert.deepEqual(outcome.value.compromisedKeys.map((key) => key.algorithm), ['ed25519', 'sm2-sm3']);
});

// v2-every-proof: an anchor in block 1234567 of chain 31337 (2023-11-14T22:13:20Z), independent
// tokens of 2026-06-01T12:00:00Z ± 1 s.
test('every proof, compromised after the anchor, its block confirmed: proven older, by the anchor, its block time plus 999 ms', async () => {
  const [finding] = await findingOf('v2-every-proof', { at: '2024-01-01T00:00:00.000Z' }, confirmed);
  assert.equal(finding.finding, 'proven-older');
  assert.equal(finding.warning, false);
  assert.equal(finding.provenBefore, '2023-11-14T22:13:20.999Z');
  assert.equal(finding.provenBy.en, 'anchor in block 1234567 of chain 31337');
  assert.equal(finding.unconfirmedAnchors, 0);
  assert.match(finding.sentence.en, /^Independent evidence proves the leaf was in the log before the keys were compromised at 2024-01-01T00:00:00.000Z/);
});

test('every proof, compromised after the anchor, no node: not proven older, the anchor named as unconfirmed', async () => {
  // A block header checked offline proves no time: anyone can make one with any time in it.
  const [finding] = await findingOf('v2-every-proof', { at: '2024-01-01T00:00:00.000Z' });
  assert.equal(finding.finding, 'not-proven-older');
  assert.equal(finding.warning, true);
  assert.equal(finding.unconfirmedAnchors, 1);
  assert.match(finding.sentence.en, new RegExp(`its successor is ${successorOrigin}\\. Its 1 chain anchor\\(s\\) count only once a node you trust confirms them: a block header checked offline can be made with any time in it\\.$`));
  assert.match(finding.sentence.zh, /^警告：.*回执中的 1 个链上锚定未经您信任的节点确认，离线核验的区块头可被任意伪造，故不计为时间证据。$/);
});

test('every proof, no node, compromised after its tokens: proven older by a token, the anchor still unconfirmed', async () => {
  const [finding] = await findingOf('v2-every-proof', { at: '2030-01-01T00:00:00.000Z' });
  assert.equal(finding.finding, 'proven-older');
  assert.equal(finding.provenBefore, '2026-06-01T12:00:01.000Z');
  assert.match(finding.provenBy.en, /^timestamp by /);
  assert.equal(finding.unconfirmedAnchors, 1);
});

test('a confirmed anchor of another block does not confirm the receipt\'s: not proven older', async () => {
  const report = await judge('v2-every-proof', [statement({ at: '2024-01-01T00:00:00.000Z' })]);
  const [anchor] = report.anchors;
  const otherBlock = { ...anchor, blockHash: '0x' + 'ab'.repeat(32) };
  const [finding] = assessCompromises(report.compromiseStatements, report, [otherBlock]);
  assert.equal(finding.finding, 'not-proven-older');
  assert.equal(finding.unconfirmedAnchors, 1);
});

test('every proof, confirmed, compromised at the anchor block time plus 999 ms exactly: not proven older (before means before)', async () => {
  const [finding] = await findingOf('v2-every-proof', { at: '2023-11-14T22:13:20.999Z' }, confirmed);
  assert.equal(finding.finding, 'not-proven-older');
});

test('every proof, confirmed, compromised a millisecond later: proven older', async () => {
  const [finding] = await findingOf('v2-every-proof', { at: '2023-11-14T22:13:21.000Z' }, confirmed);
  assert.equal(finding.finding, 'proven-older');
});

test('every proof, confirmed, compromised before all its evidence: not proven older, with the warning and no clause about anchors', async () => {
  const [finding] = await findingOf('v2-every-proof', { at: '2023-01-01T00:00:00.000Z' }, confirmed);
  assert.equal(finding.finding, 'not-proven-older');
  assert.equal(finding.warning, true);
  assert.equal(finding.unconfirmedAnchors, 0);
  assert.match(finding.sentence.zh, /^警告：.*后继日志为 [^。]*。$/);
  assert.match(finding.sentence.en, new RegExp(`^WARNING: .*its successor is ${successorOrigin}\\.$`));
});

test("an independent token's genTime plus accuracy: proven older just after it, not at it", async () => {
  const [after] = await findingOf('v2-token-own-checkpoint', { at: '2026-06-01T12:00:01.001Z' });
  assert.equal(after.finding, 'proven-older');
  assert.equal(after.provenBefore, '2026-06-01T12:00:01.000Z');
  assert.equal(after.provenBy.en, 'timestamp by CN=Independent TSA (independent-tsa)');
  const [at] = await findingOf('v2-token-own-checkpoint', { at: '2026-06-01T12:00:01.000Z' });
  assert.equal(at.finding, 'not-proven-older');
});

test('an independent token without a stated accuracy bounds nothing: not proven older', async () => {
  // The conformance folder's tokens all state ±1 s, so the report is shown one without (RFC 3161 §2.4.2).
  const report = await judge('v2-token-own-checkpoint', [statement({ at: '2030-01-01T00:00:00.000Z' })]);
  assert.equal(report.compromise[0].finding, 'proven-older');
  const withoutAccuracy = { ...report, timestamps: report.timestamps.map((stamp) => ({ ...stamp, accuracyMs: null })) };
  const finding = assessCompromise(report.compromiseStatements[0], withoutAccuracy, []);
  assert.equal(finding.finding, 'not-proven-older');
  assert.equal(finding.unconfirmedAnchors, 0);
});

test('what a token proves: genTime plus accuracy, only from an independent TSA that states its accuracy', () => {
  const stamp = { source: 'independent', genTime: '2026-06-01T12:00:00.000Z', accuracyMs: 1000 };
  assert.equal(timestampProofMs(stamp), Date.UTC(2026, 5, 1, 12, 0, 1));
  assert.equal(timestampProofMs({ ...stamp, accuracyMs: 0 }), Date.UTC(2026, 5, 1, 12));
  assert.equal(timestampProofMs({ ...stamp, accuracyMs: null }), null);
  assert.equal(timestampProofMs({ ...stamp, source: 'operator' }), null);
});

test("the operator's own token and the leaf's time do not count: not proven older", async () => {
  const [finding] = await findingOf('v2-token-operator-tsa', { at: '2030-01-01T00:00:00.000Z' });
  assert.equal(finding.finding, 'not-proven-older');
});

test('no timestamps, no anchor: not proven older, however late the compromise', async () => {
  const [finding] = await findingOf('v2-no-timestamps', { at: '2030-01-01T00:00:00.000Z' });
  assert.equal(finding.finding, 'not-proven-older');
  assert.equal(finding.frozenSize, '3');
});

test("the frozen size and root are the receipt's checkpoint: frozen checkpoint, not a warning", async () => {
  const { size, root } = receiptCheckpoint('v2-no-timestamps.receipt.json');
  const [finding] = await findingOf('v2-no-timestamps', { at: '2020-01-01T00:00:00.000Z', frozenSize: size, frozenRoot: root });
  assert.equal(finding.finding, 'frozen-checkpoint');
  assert.equal(finding.warning, false);
});

test("the frozen size with another root: a fork, even with confirmed proof older than the compromise", async () => {
  const { size } = receiptCheckpoint('v2-every-proof.receipt.json');
  const [finding] = await findingOf('v2-every-proof', { at: '2030-01-01T00:00:00.000Z', frozenSize: size }, confirmed);
  assert.equal(finding.finding, 'fork');
  assert.equal(finding.warning, true);
  assert.match(finding.sentence.en, /^WARNING: the receipt's checkpoint has the frozen checkpoint's size 11 but another root/);
});

test('a statement of another log: not affected', async () => {
  const other = 'other.example.cn/evidencechain/0123456789abcdef0123456789abcdef/sha256';
  const otherKeys = [ed25519Signer(other).line, sm2Signer(other).line];
  assert.deepEqual(await findingOf('v2-no-timestamps', { origin: other, keys: otherKeys, at: '2030-01-01T00:00:00.000Z' }), []);
});

test("a statement of the log's other key pair (after a rotation): a receipt signed by the first pair is not affected", async () => {
  const [, , newEd25519, newSm2] = read('log-rotated.vkeys').split('\n');
  assert.deepEqual(await findingOf('v2-no-timestamps', { keys: [newEd25519, newSm2], at: '2030-01-01T00:00:00.000Z' }), []);
});

test("signed by the successor's Ed25519 key alone while both are trusted: refused, unusable input", async () => {
  const report = await judge('v2-no-timestamps', [statement({ at: '2030-01-01T00:00:00.000Z' }, [successorEd25519])]);
  assert.equal(report.verdict, 'unusable-input');
  assert.match(report.problem, /^statement 1 is not a usable key compromise statement: NoTrustedSignature: no trusted SM2 key of the successor log/);
});

test("the successor's keys not trusted: refused, unusable input, not ignored", async () => {
  const report = await judge('v2-no-timestamps', [statement({ at: '2030-01-01T00:00:00.000Z' })], { logKeys: read('log.vkeys') });
  assert.equal(report.verdict, 'unusable-input');
  assert.match(report.problem, /NoTrustedSignature/);
});

test("signed by a trusted key of another log only, not the successor's: refused", async () => {
  const other = 'other.example.cn/evidencechain/0123456789abcdef0123456789abcdef/sha256';
  const otherEd25519 = ed25519Signer(other);
  const report = await judge('v2-no-timestamps', [statement({ at: '2030-01-01T00:00:00.000Z' }, [otherEd25519])], { logKeys: read('log.vkeys') + successorKeys + otherEd25519.line + '\n' });
  assert.equal(report.verdict, 'unusable-input');
  assert.match(report.problem, /NoTrustedSignature: no trusted key of the successor log/);
});

test('a successor with the same log id as the compromised log: MalformedKeyStatement', async () => {
  // Another tree hash, the same log id: still the same log (log.md), so no successor.
  const sameLogId = compromisedOrigin.replace(/sha256$/, 'sm3');
  const successor = [ed25519Signer(sameLogId), sm2Signer(sameLogId)];
  const note = statement({ at: '2030-01-01T00:00:00.000Z', successor: sameLogId }, successor);
  const report = await judge('v2-no-timestamps', [note], { logKeys: read('log.vkeys') + successor.map((s) => s.line + '\n').join('') });
  assert.equal(report.verdict, 'unusable-input');
  assert.match(report.problem, /MalformedKeyStatement: the successor must be a new log, with a new log id/);
});

test('malformed statements: each line checked', async () => {
  const keys = parseVerifierKeys(successorKeys, hashes).value;
  const cases = [
    ['a time that is not one', statementText({ at: '2026-02-30T00:00:00.000Z' })],
    ['a time without milliseconds', statementText({ at: '2026-02-01T00:00:00Z' })],
    ['a frozen size with a leading zero', statementText({ at: '2026-02-01T00:00:00.000Z', frozenSize: '03' })],
    ['the keys in the wrong order', statementText({ at: '2026-02-01T00:00:00.000Z', keys: [compromisedSm2, compromisedEd25519] })],
    ['the header of a rotation', statementText({ at: '2026-02-01T00:00:00.000Z' }).replace('key-compromise', 'key-rotation')],
    ['an extra line', statementText({ at: '2026-02-01T00:00:00.000Z' }) + 'extra\n'],
  ];
  for (const [what, text] of cases) {
    const outcome = await verifyKeyCompromise(signNote(text), keys, hashes);
    assert.equal(outcome.ok ? 'valid' : outcome.failure.name, 'MalformedKeyStatement', what);
  }
});

test('a signature that does not verify: BadSignature, before the text is read', async () => {
  const keys = parseVerifierKeys(successorKeys, hashes).value;
  const note = statement({ at: '2030-01-01T00:00:00.000Z' }).replace('compromised-at 2030', 'compromised-at 2031');
  const outcome = await verifyKeyCompromise(note, keys, hashes);
  assert.equal(outcome.ok ? 'valid' : outcome.failure.name, 'BadSignature');
});

test('without statements, valid reports list no compromise finding', async () => {
  const report = await judge('v2-every-proof', []);
  assert.equal(report.verdict, 'valid');
  assert.deepEqual(report.compromise, []);
});
