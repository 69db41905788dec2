// The page's questions to an Ethereum node about the proven anchors (page/anchor-canonicality.ts), with a
// scripted node: the answers a real node gives (anvil, in tests/EvidenceChain.VerifyPage.Tests, covers the
// canonical, mismatched and unreachable cases end to end) and the ones it cannot be made to give — no
// `finalized` tag, malformed answers, HTTP errors. Each case asserts the outcome and exactly what was sent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkAnchorCanonicality, readNodeUrl } from '../dist/anchor-canonicality.mjs';

const node = 'http://127.0.0.1:8545/';
const hashOf = (n) => '0x' + n.toString(16).padStart(64, '0');
const anchor = { chainId: 31337, blockNumber: 42, blockHash: hashOf(42) };

/** A node whose chain is `blocks` (number → hash), answering as `overrides` says for a method when given. */
function scriptedNode({ chainId = '0x7a69', head = 60, finalized = 50, hashes = {}, overrides = {} } = {}) {
  const sent = [];
  const fetchLike = async (url, init) => {
    const request = JSON.parse(init.body);
    sent.push({ url, method: init.method, contentType: init.headers['Content-Type'], credentials: init.credentials, request });
    const answer = (result) => ({ status: 200, text: async () => JSON.stringify({ jsonrpc: '2.0', id: request.id, result }) });
    const key = request.method === 'eth_getBlockByNumber' ? `eth_getBlockByNumber(${request.params[0]})` : request.method;
    if (key in overrides) return overrides[key](request);
    switch (request.method) {
      case 'eth_chainId':
        return answer(chainId);
      case 'eth_blockNumber':
        return answer('0x' + head.toString(16));
      case 'eth_getBlockByNumber': {
        const tag = request.params[0];
        const number = tag === 'finalized' ? finalized : Number.parseInt(tag, 16);
        if (number === null || number > head) return answer(null);
        return answer({ number: '0x' + number.toString(16), hash: hashes[number] ?? hashOf(number), parentHash: hashOf(number - 1) });
      }
      default:
        throw new Error(`unexpected ${request.method}`);
    }
  };
  return { fetchLike, sent, methods: () => sent.map((s) => (s.request.method === 'eth_getBlockByNumber' ? `eth_getBlockByNumber(${s.request.params[0]})` : s.request.method)) };
}

const rpcError = (code, message) => (request) => ({ status: 200, text: async () => JSON.stringify({ jsonrpc: '2.0', id: request.id, error: { code, message } }) });

test('a block on the chain at or below the finalized block is canonical and final, with only JSON-RPC reads sent', async () => {
  const scripted = scriptedNode();
  const outcome = await checkAnchorCanonicality(node, [anchor], scripted.fetchLike);
  assert.deepEqual(outcome, { state: 'canonical', node, chainId: 31337, finality: [{ by: 'finalized', finalizedNumber: 50 }] });
  assert.deepEqual(scripted.methods(), ['eth_chainId', 'eth_getBlockByNumber(0x2a)', 'eth_getBlockByNumber(finalized)']);
  for (const sent of scripted.sent) {
    assert.equal(sent.url, node);
    assert.equal(sent.method, 'POST');
    assert.equal(sent.contentType, 'application/json');
    assert.equal(sent.credentials, 'omit');
    assert.equal(sent.request.jsonrpc, '2.0');
    assert.deepEqual(Object.keys(sent.request).sort(), ['id', 'jsonrpc', 'method', 'params']);
  }
  assert.deepEqual(scripted.sent[1].request.params, ['0x2a', false]);
});

test('the block hash is compared without regard to letter case', async () => {
  const outcome = await checkAnchorCanonicality(node, [{ ...anchor, blockHash: anchor.blockHash.toUpperCase().replace('0X', '0x') }], scriptedNode().fetchLike);
  assert.equal(outcome.state, 'canonical');
});

test('a node of another chain id: AnchorChainIdMismatch, and nothing more is asked', async () => {
  const scripted = scriptedNode({ chainId: '0x1' });
  const outcome = await checkAnchorCanonicality(node, [anchor], scripted.fetchLike);
  assert.equal(outcome.state, 'not-canonical');
  assert.equal(outcome.failure.name, 'AnchorChainIdMismatch');
  assert.equal(outcome.failure.number, 1);
  assert.match(outcome.failure.detail, /anchor 1 is on chain 31337, but the node at .* serves chain 1$/);
  assert.deepEqual(scripted.methods(), ['eth_chainId']);
});

test('a node whose chain is shorter: AnchorBlockMissing, with its head', async () => {
  const scripted = scriptedNode({ head: 10, finalized: 8 });
  const outcome = await checkAnchorCanonicality(node, [anchor], scripted.fetchLike);
  assert.equal(outcome.failure.name, 'AnchorBlockMissing');
  assert.match(outcome.failure.detail, /has no block 42 \(its head is 10\)/);
});

test('another block at that number: AnchorBlockHashMismatch with both hashes', async () => {
  const outcome = await checkAnchorCanonicality(node, [anchor], scriptedNode({ hashes: { 42: hashOf(4242) } }).fetchLike);
  assert.equal(outcome.failure.name, 'AnchorBlockHashMismatch');
  assert.equal(outcome.failure.number, 3);
  assert.ok(outcome.failure.detail.includes(hashOf(4242)) && outcome.failure.detail.includes(anchor.blockHash));
  assert.match(outcome.failure.zh, /规范链/);
});

test('a block above the finalized one: AnchorBlockNotFinal, the depth below the head does not count then', async () => {
  const outcome = await checkAnchorCanonicality(node, [anchor], scriptedNode({ head: 100, finalized: 41 }).fetchLike);
  assert.equal(outcome.failure.name, 'AnchorBlockNotFinal');
  assert.match(outcome.failure.detail, /above the node's finalized block 41/);
});

for (const [what, override] of [
  ['answers an error for the finalized tag', rpcError(-32602, "unknown block tag 'finalized'")],
  ['answers null for the finalized tag', (request) => ({ status: 200, text: async () => JSON.stringify({ jsonrpc: '2.0', id: request.id, result: null }) })],
]) {
  test(`a node that ${what}: the depth below its head decides`, async () => {
    const deep = scriptedNode({ head: 54, overrides: { 'eth_getBlockByNumber(finalized)': override } });
    const final = await checkAnchorCanonicality(node, [anchor], deep.fetchLike);
    assert.deepEqual(final.finality, [{ by: 'depth', depthBlocks: 12, headNumber: 54 }]);
    assert.deepEqual(deep.methods(), ['eth_chainId', 'eth_getBlockByNumber(0x2a)', 'eth_getBlockByNumber(finalized)', 'eth_blockNumber']);

    const shallow = await checkAnchorCanonicality(node, [anchor], scriptedNode({ head: 53, overrides: { 'eth_getBlockByNumber(finalized)': override } }).fetchLike);
    assert.equal(shallow.failure.name, 'AnchorBlockNotFinal');
    assert.match(shallow.failure.detail, /11 blocks below the node's head 53, under the 12/);

    const depth3 = await checkAnchorCanonicality(node, [anchor], scriptedNode({ head: 45, overrides: { 'eth_getBlockByNumber(finalized)': override } }).fetchLike, 3);
    assert.deepEqual(depth3.finality, [{ by: 'depth', depthBlocks: 3, headNumber: 45 }]);
  });
}

test('two anchors, the second on another history: the first held, the failure names the second', async () => {
  const second = { chainId: 31337, blockNumber: 45, blockHash: hashOf(9045) };
  const scripted = scriptedNode();
  const outcome = await checkAnchorCanonicality(node, [anchor, second], scripted.fetchLike);
  assert.equal(outcome.anchorIndex, 1);
  assert.deepEqual(outcome.finality, [{ by: 'finalized', finalizedNumber: 50 }]);
  assert.match(outcome.failure.detail, /^anchor 2: /);
  // The chain id and the finalized block are asked once for both.
  assert.deepEqual(scripted.methods(), ['eth_chainId', 'eth_getBlockByNumber(0x2a)', 'eth_getBlockByNumber(finalized)', 'eth_getBlockByNumber(0x2d)']);
});

for (const [what, overrides, expected] of [
  ['is unreachable', { eth_chainId: () => Promise.reject(new TypeError('Failed to fetch')) }, /eth_chainId: no answer from .*TypeError: Failed to fetch/],
  ['answers HTTP 502', { eth_chainId: () => ({ status: 502, text: async () => 'bad gateway' }) }, /eth_chainId: HTTP 502/],
  ['answers HTML', { eth_chainId: () => ({ status: 200, text: async () => '<html>login</html>' }) }, /not JSON/],
  ['answers another request id', { eth_chainId: () => ({ status: 200, text: async () => '{"jsonrpc":"2.0","id":99,"result":"0x7a69"}' }) }, /not a JSON-RPC 2.0 answer to request 1/],
  ['answers an error to eth_chainId', { eth_chainId: rpcError(-32601, 'method not found') }, /error -32601: method not found/],
  ['answers a chain id that is no quantity', { eth_chainId: (r) => ({ status: 200, text: async () => JSON.stringify({ jsonrpc: '2.0', id: r.id, result: 31337 }) }) }, /is not a quantity/],
  ['answers another block than asked', { 'eth_getBlockByNumber(0x2a)': (r) => ({ status: 200, text: async () => JSON.stringify({ jsonrpc: '2.0', id: r.id, result: { number: '0x2b', hash: hashOf(43) } }) }) }, /asked for block 42, the node answered block 43/],
  ['answers a block without a hash', { 'eth_getBlockByNumber(0x2a)': (r) => ({ status: 200, text: async () => JSON.stringify({ jsonrpc: '2.0', id: r.id, result: { number: '0x2a' } }) }) }, /no 32-byte hash/],
  ['answers too much', { eth_chainId: () => ({ status: 200, text: async () => ' '.repeat(4 * 1024 * 1024 + 1) }) }, /over 4194304/],
]) {
  test(`a node that ${what}: could not check, nothing judged`, async () => {
    const outcome = await checkAnchorCanonicality(node, [anchor], scriptedNode({ overrides }).fetchLike);
    assert.equal(outcome.state, 'could-not-check');
    assert.match(outcome.problem, expected);
  });
}

test('the node URL: https anywhere, http only on this computer, no credentials', () => {
  assert.deepEqual(readNodeUrl(' https://eth.example.org/v3/key '), { ok: true, url: 'https://eth.example.org/v3/key' });
  assert.deepEqual(readNodeUrl('http://127.0.0.1:8545'), { ok: true, url: 'http://127.0.0.1:8545/' });
  assert.deepEqual(readNodeUrl('http://localhost:8545'), { ok: true, url: 'http://localhost:8545/' });
  for (const refused of ['http://192.168.1.5:8545', 'ftp://127.0.0.1/', 'not a url', 'https://user:secret@eth.example.org/']) {
    const read = readNodeUrl(refused);
    assert.equal(read.ok, false, refused);
    assert.ok(read.problem.zh.length > 0 && read.problem.en.length > 0);
  }
});

test('no anchors, or a depth below 1, is a programming error', async () => {
  await assert.rejects(checkAnchorCanonicality(node, [], scriptedNode().fetchLike), RangeError);
  await assert.rejects(checkAnchorCanonicality(node, [anchor], scriptedNode().fetchLike, 0), RangeError);
});
