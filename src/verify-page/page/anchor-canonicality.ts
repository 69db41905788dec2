// Whether the blocks of a receipt's proven anchors are on the canonical chain of an Ethereum node the
// user trusts, and final: what no verifier can know offline (docs/formats/receipt.md §Anchors: a block
// header names no chain, and a block with a valid hash may have been left behind by the chain).
//
// The questions and their order are those of `evidencechain verify --rpc URL [--depth N]`, asked only
// after every offline check held; for each anchor in turn, stopping at the first "no":
//   1. eth_chainId is the anchor's chain id, else AnchorChainIdMismatch;
//   2. the node's canonical block at the anchor's number exists, else AnchorBlockMissing, and has
//      exactly the anchor's block hash, else AnchorBlockHashMismatch;
//   3. it is final: at or below the node's `finalized` block when the node knows that tag, else at
//      least `depthBlocks` blocks below its head (the CLI's default, 12), else AnchorBlockNotFinal.
// A "no" is a finding about the receipt. A node that cannot be reached, or answers other than with
// JSON-RPC 2.0 of the expected shape, is "could not check": nothing is judged, the offline verdict stands.
//
// This is page code, not verifier/ (which has no network, by rule): the page passes `fetch`, the node
// tests a scripted one. Everything sent is built here from the anchors' chain ids and block numbers —
// four read-only JSON-RPC methods — so nothing of the evidence file can be in a request.
import type { Sentence } from '../verifier/index.js';

/** What the node is asked about: one anchor proven offline. */
export interface AnchorBlock {
  readonly chainId: number;
  readonly blockNumber: number;
  /** 0x-hex, as the receipt and the verifier give it. */
  readonly blockHash: string;
}

/** The part of `fetch` this module uses, so the tests can script a node's answers. */
export type FetchLike = (url: string, init: RpcRequestInit) => Promise<{ readonly status: number; text(): Promise<string> }>;

export interface RpcRequestInit {
  readonly method: 'POST';
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly credentials: 'omit';
  readonly cache: 'no-store';
  readonly redirect: 'error';
  readonly referrerPolicy: 'no-referrer';
  readonly signal: AbortSignal;
}

/** Blocks below the head that count as final on a node without a `finalized` block (the CLI's `--depth` default). */
export const depthBlocksDefault = 12;

/** How long one JSON-RPC call may take before the node counts as unreachable. */
export const callTimeoutMilliseconds = 15_000;

/** The largest answer read: a block without its transactions is a few kilobytes, tens with many transaction hashes. */
export const answerLengthMaxCharacters = 4 * 1024 * 1024;

/** The anchors asked about at most in one check: a receipt has one per chain the notary anchors on. */
export const anchorCountMax = 64;

/** The rules a node's answer can show broken, named and numbered as the CLI names them (CanonicalityFailure). */
export const canonicalityFailureNumbers = {
  AnchorChainIdMismatch: 1,
  AnchorBlockMissing: 2,
  AnchorBlockHashMismatch: 3,
  AnchorBlockNotFinal: 4,
} as const;

export type CanonicalityFailureName = keyof typeof canonicalityFailureNumbers;

/** The sentences `evidencechain verify --rpc` prints for the same findings. */
export const canonicalityFailureSentences: Readonly<Record<CanonicalityFailureName, Sentence>> = {
  AnchorChainIdMismatch: {
    zh: '您信任的以太坊节点属于另一条链，与锚定所在的链不符',
    en: "the Ethereum node you trust serves another chain than the anchor's",
  },
  AnchorBlockMissing: {
    zh: '您信任的以太坊节点的链上没有锚定所在的区块',
    en: 'the chain of the Ethereum node you trust has no block where the anchor says it landed',
  },
  AnchorBlockHashMismatch: {
    zh: '锚定所在的区块不在您信任的以太坊节点的规范链上（同一高度的区块哈希不同）',
    en: "the anchor's block is not on the canonical chain of the Ethereum node you trust (another block has that number)",
  },
  AnchorBlockNotFinal: {
    zh: '锚定所在的区块尚未最终确认，仍可能被链重组撤销；请稍后再核验',
    en: "the anchor's block is not final yet and could still be reorganized away; verify again later",
  },
};

/** Why an anchor's block counts as final. */
export type Finality =
  | { readonly by: 'finalized'; readonly finalizedNumber: number }
  | { readonly by: 'depth'; readonly depthBlocks: number; readonly headNumber: number };

export type CanonicalityOutcome =
  /** Every anchor's block is on the node's canonical chain with the receipt's hash, and final; `finality[i]` is anchor i's. */
  | { readonly state: 'canonical'; readonly node: string; readonly chainId: number; readonly finality: readonly Finality[] }
  /** Anchor `anchorIndex` broke `failure`; the anchors before it held (`finality`), those after it were not asked about. */
  | {
      readonly state: 'not-canonical';
      readonly node: string;
      readonly anchorIndex: number;
      readonly finality: readonly Finality[];
      readonly failure: { readonly name: CanonicalityFailureName; readonly number: number; readonly zh: string; readonly en: string; readonly detail: string };
    }
  /** The node could not be reached or answered unusably (English, technical): nothing judged. */
  | { readonly state: 'could-not-check'; readonly node: string; readonly problem: string };

/** Hosts a node may be reached on over plain http: this computer only. Anywhere else, anyone on the way could answer for the node. */
const loopbackHosts = new Set(['127.0.0.1', 'localhost']);

/**
 * The node's URL as the page will call it, or why it cannot be used: http(s) only, plain http only to
 * this computer (the page's Content-Security-Policy allows no more), no user name or password in it.
 */
export function readNodeUrl(input: string): { readonly ok: true; readonly url: string } | { readonly ok: false; readonly problem: Sentence } {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return { ok: false, problem: { zh: '这不是一个网址。', en: 'This is not a URL.' } };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, problem: { zh: '节点网址须以 https:// 开头（本机节点可用 http://）。', en: 'The node URL must start with https:// (http:// for a node on this computer).' } };
  }
  if (url.protocol === 'http:' && !loopbackHosts.has(url.hostname)) {
    return {
      ok: false,
      problem: {
        zh: '只有本机（127.0.0.1 或 localhost）上的节点可用 http://；其他节点须用 https://，否则途中任何人都能冒充节点作答。',
        en: 'Only a node on this computer (127.0.0.1 or localhost) may use http://; any other needs https://, or anyone on the way could answer for it.',
      },
    };
  }
  if (url.username !== '' || url.password !== '') {
    return { ok: false, problem: { zh: '节点网址中不能含用户名或密码。', en: 'The node URL must not hold a user name or password.' } };
  }
  return { ok: true, url: url.href };
}

/** A "could not check" with what went wrong; thrown inside this module only, returned as a value. */
class UnusableNode extends Error {}

interface RpcAnswer {
  readonly result: unknown;
  /** The node's JSON-RPC error, when it answered with one instead of a result. */
  readonly error: { readonly code: number; readonly message: string } | null;
}

/**
 * Asks the node at `nodeUrl` (from {@link readNodeUrl}) about each anchor, in the order and with the
 * rules of the header comment. `anchors` are the ones the offline verifier proved, at most
 * {@link anchorCountMax}; call only when the offline verdict is valid.
 */
export async function checkAnchorCanonicality(
  nodeUrl: string,
  anchors: readonly AnchorBlock[],
  fetchLike: FetchLike,
  depthBlocks: number = depthBlocksDefault,
): Promise<CanonicalityOutcome> {
  if (anchors.length === 0 || anchors.length > anchorCountMax) throw new RangeError(`1 to ${anchorCountMax} anchors, got ${anchors.length}`);
  if (!Number.isSafeInteger(depthBlocks) || depthBlocks < 1) throw new RangeError(`depthBlocks must be a positive integer, got ${depthBlocks}`);
  let nextId = 1;
  const call = async (method: string, params: readonly unknown[]): Promise<RpcAnswer> => {
    const id = nextId++;
    let status: number;
    let body: string;
    try {
      const response = await fetchLike(nodeUrl, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ jsonrpc: '2.0', id, method, params }),
        credentials: 'omit',
        cache: 'no-store',
        redirect: 'error',
        referrerPolicy: 'no-referrer',
        signal: AbortSignal.timeout(callTimeoutMilliseconds),
      });
      status = response.status;
      body = await response.text();
    } catch (error) {
      // The browser says little on purpose (a refused connection, a CORS refusal and a blocked URL all
      // read "Failed to fetch"): name the likely causes.
      const said = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      throw new UnusableNode(`${method}: no answer from ${nodeUrl} (${said}; the node is down, refuses this page's origin (CORS), or took over ${callTimeoutMilliseconds / 1000} s)`);
    }
    if (status !== 200) throw new UnusableNode(`${method}: HTTP ${status} from ${nodeUrl}`);
    if (body.length > answerLengthMaxCharacters) throw new UnusableNode(`${method}: an answer of ${body.length} characters, over ${answerLengthMaxCharacters}`);
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      throw new UnusableNode(`${method}: the answer is not JSON: ${body.slice(0, 120)}`);
    }
    if (!isRecord(parsed) || parsed.jsonrpc !== '2.0' || parsed.id !== id) throw new UnusableNode(`${method}: the answer is not a JSON-RPC 2.0 answer to request ${id}: ${body.slice(0, 120)}`);
    if (isRecord(parsed.error)) {
      const code = typeof parsed.error.code === 'number' ? parsed.error.code : 0;
      const message = typeof parsed.error.message === 'string' ? parsed.error.message : '';
      return { result: null, error: { code, message } };
    }
    if (!('result' in parsed)) throw new UnusableNode(`${method}: the answer has neither result nor error`);
    return { result: parsed.result, error: null };
  };
  const resultOf = async (method: string, params: readonly unknown[]): Promise<unknown> => {
    const answer = await call(method, params);
    if (answer.error !== null) throw new UnusableNode(`${method}: the node answered error ${answer.error.code}: ${answer.error.message}`);
    return answer.result;
  };

  const finality: Finality[] = [];
  try {
    const nodeChainId = quantityOf(await resultOf('eth_chainId', []), 'eth_chainId');
    // Asked once, when the first anchor needs it: null when the node has no finalized block.
    let finalized: { number: bigint } | null | undefined;
    let head: bigint | undefined;
    for (const [index, anchor] of anchors.entries()) {
      const name = `anchor ${index + 1}`;
      const fail = (failureName: CanonicalityFailureName, detail: string): CanonicalityOutcome => {
        const sentence = canonicalityFailureSentences[failureName];
        return {
          state: 'not-canonical',
          node: nodeUrl,
          anchorIndex: index,
          finality,
          failure: { name: failureName, number: canonicalityFailureNumbers[failureName], zh: sentence.zh, en: sentence.en, detail },
        };
      };
      if (nodeChainId !== BigInt(anchor.chainId)) return fail('AnchorChainIdMismatch', `${name} is on chain ${anchor.chainId}, but the node at ${nodeUrl} serves chain ${nodeChainId}`);

      const number = BigInt(anchor.blockNumber);
      const block = await resultOf('eth_getBlockByNumber', [`0x${number.toString(16)}`, false]);
      if (block === null) {
        head ??= quantityOf(await resultOf('eth_blockNumber', []), 'eth_blockNumber');
        return fail('AnchorBlockMissing', `${name}: the node's chain has no block ${anchor.blockNumber} (its head is ${head})`);
      }
      const shown = blockOf(block, 'eth_getBlockByNumber');
      if (shown.number !== number) throw new UnusableNode(`eth_getBlockByNumber: asked for block ${number}, the node answered block ${shown.number}`);
      if (shown.hash !== anchor.blockHash.toLowerCase()) return fail('AnchorBlockHashMismatch', `${name}: the node's block ${anchor.blockNumber} is ${shown.hash}, the receipt's is ${anchor.blockHash}`);

      if (finalized === undefined) {
        // A node that does not know the tag answers with an error or null (pre-merge chains, some
        // development nodes): then the depth below the head decides, as with the CLI.
        const answer = await call('eth_getBlockByNumber', ['finalized', false]);
        finalized = answer.error !== null || answer.result === null ? null : { number: blockOf(answer.result, 'eth_getBlockByNumber(finalized)').number };
      }
      if (finalized !== null) {
        if (number > finalized.number) return fail('AnchorBlockNotFinal', `${name}: block ${anchor.blockNumber} is above the node's finalized block ${finalized.number}`);
        finality.push({ by: 'finalized', finalizedNumber: Number(finalized.number) });
        continue;
      }
      head ??= quantityOf(await resultOf('eth_blockNumber', []), 'eth_blockNumber');
      if (head < number || head - number < BigInt(depthBlocks)) {
        return fail('AnchorBlockNotFinal', `${name}: block ${anchor.blockNumber} is ${head < number ? 0n : head - number} blocks below the node's head ${head}, under the ${depthBlocks} that count as final (the node has no finalized block)`);
      }
      finality.push({ by: 'depth', depthBlocks, headNumber: Number(head) });
    }
    return { state: 'canonical', node: nodeUrl, chainId: Number(nodeChainId), finality };
  } catch (error) {
    if (error instanceof UnusableNode) return { state: 'could-not-check', node: nodeUrl, problem: error.message };
    throw error;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A JSON-RPC quantity (0x-hex, at most 64 bits here: chain ids and block numbers). */
function quantityOf(value: unknown, what: string): bigint {
  if (typeof value !== 'string' || !/^0x[0-9a-fA-F]{1,16}$/.test(value)) throw new UnusableNode(`${what}: ${JSON.stringify(value)?.slice(0, 80)} is not a quantity`);
  return BigInt(value);
}

/** The number and hash of a block object (`eth_getBlockByNumber` without transactions). */
function blockOf(value: unknown, what: string): { number: bigint; hash: string } {
  if (!isRecord(value)) throw new UnusableNode(`${what}: the answer is not a block`);
  const number = quantityOf(value.number, `${what} number`);
  if (typeof value.hash !== 'string' || !/^0x[0-9a-fA-F]{64}$/.test(value.hash)) throw new UnusableNode(`${what}: the block has no 32-byte hash`);
  return { number, hash: value.hash.toLowerCase() };
}
