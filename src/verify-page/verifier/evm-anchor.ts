// EVM anchors (receipt.md §Anchors): a checkpoint recorded by the EvidenceAnchor contract, proven
// offline from the block header and the Merkle-Patricia proof of the transaction's receipt.
// Offline this proves "the block with this hash holds the anchor"; whether that block is on the
// canonical chain, and which chain it is, needs a node the verifier trusts.
import { keccak_256 } from '@noble/hashes/sha3.js';
import { bytesEqual, fromBase64, fromHex0x, toHex, utf8 } from './bytes.js';
import type { Checkpoint } from './checkpoint.js';
import { failure, success, type Outcome } from './failures.js';
import { treeHashOf, type Hashes } from './hashing.js';
import { verifyConsistency } from './merkle.js';
import { TrieProofError, verifyTrieProof } from './mpt.js';
import { RlpError, asBytes, asInteger, asList, decodeRlp, encodeRlpInteger } from './rlp.js';

export interface ProvenAnchor {
  readonly type: 'evm';
  readonly chainId: number;
  readonly treeSize: number;
  readonly blockNumber: number;
  /** The block's time from the verified header, as yyyy-MM-ddTHH:mm:ss.fffZ. */
  readonly blockTime: string;
  readonly blockHash: string;
  readonly contract: string;
}

// contracts/EvidenceAnchor.sol:
// event Anchored(bytes32 indexed logId, uint64 indexed treeSize, bytes32 root, address indexed notary, uint64 timestamp)
const anchoredTopic = keccak_256(utf8('Anchored(bytes32,uint64,bytes32,address,uint64)'));

// Header fields by position, the same in every fork (later forks only append).
const headerReceiptsRoot = 5;
const headerNumber = 8;
const headerTimestamp = 11;

interface EvmAnchorEntry {
  readonly chainId: number;
  readonly contract: Uint8Array;
  readonly logId: Uint8Array;
  readonly treeSize: number;
  readonly root: Uint8Array;
  readonly consistencyProof: Uint8Array[];
  readonly transactionIndex: number;
  readonly blockNumber: number;
  readonly blockHash: Uint8Array;
  readonly blockTime: number;
  readonly blockHeader: Uint8Array;
  readonly receiptProof: Uint8Array[];
}

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

function readEntry(entry: Record<string, unknown>): EvmAnchorEntry | null {
  const hex = (value: unknown, length?: number) => {
    const bytes = typeof value === 'string' ? fromHex0x(value) : null;
    return bytes !== null && (length === undefined || bytes.length === length) ? bytes : null;
  };
  const consistencyProof = Array.isArray(entry.consistency_proof)
    ? entry.consistency_proof.map((hash) => (typeof hash === 'string' ? fromBase64(hash) : null))
    : null;
  const receiptProof = Array.isArray(entry.receipt_proof) ? entry.receipt_proof.map((node) => hex(node)) : null;
  const contract = hex(entry.contract, 20);
  const logId = hex(entry.log_id, 32);
  const root = hex(entry.root, 32);
  const blockHash = hex(entry.block_hash, 32);
  const blockHeader = hex(entry.block_header);
  const { chain_id: chainId, tree_size: treeSize, transaction_index: transactionIndex, block_number: blockNumber, block_time: blockTime } = entry;
  if (
    contract === null || logId === null || root === null || blockHash === null || blockHeader === null ||
    consistencyProof === null || consistencyProof.some((hash) => hash === null || hash.length !== 32) ||
    receiptProof === null || receiptProof.some((node) => node === null) ||
    !isCount(chainId) || !isCount(treeSize) || !isCount(transactionIndex) || !isCount(blockNumber) || !isCount(blockTime)
  ) {
    return null;
  }
  return {
    chainId, contract, logId, treeSize, root, transactionIndex, blockNumber, blockHash, blockTime, blockHeader,
    consistencyProof: consistencyProof as Uint8Array[],
    receiptProof: receiptProof as Uint8Array[],
  };
}

/** Checks an `included` or `final` evm entry, in receipt.md's order. */
export function verifyEvmAnchor(entry: Record<string, unknown>, checkpoint: Checkpoint, hashes: Hashes): Outcome<ProvenAnchor> {
  const anchor = readEntry(entry);
  if (anchor === null) return failure('MalformedReceipt', 'an evm anchor entry lacks a member or has one of the wrong form');

  // The contract names the log by SHA-256 of its origin: an anchor of another log proves nothing here.
  const logId = hashes.sha256(utf8(checkpoint.origin));
  if (!bytesEqual(anchor.logId, logId)) return failure('AnchorOfAnotherLog', `log_id 0x${toHex(anchor.logId)}, this log's is 0x${toHex(logId)}`);

  const consistent = verifyConsistency(treeHashOf(hashes, checkpoint.treeHash), checkpoint.size, BigInt(anchor.treeSize), checkpoint.root, anchor.root, anchor.consistencyProof);
  if (!consistent.ok) return failure('AnchorInconsistent', `from the receipt's ${checkpoint.size} leaves to the anchored ${anchor.treeSize}: ${consistent.failure.detail}`);

  const headerHash = keccak_256(anchor.blockHeader);
  if (!bytesEqual(headerHash, anchor.blockHash)) return failure('AnchorProofInvalid', `the header hashes to 0x${toHex(headerHash)}, block_hash is 0x${toHex(anchor.blockHash)}`);
  try {
    const header = asList(decodeRlp(anchor.blockHeader), 'block header');
    const number = asInteger(header[headerNumber], 'header number');
    const timestamp = asInteger(header[headerTimestamp], 'header timestamp');
    if (number !== BigInt(anchor.blockNumber) || timestamp !== BigInt(anchor.blockTime)) {
      return failure('AnchorProofInvalid', `the header is of block ${number} at ${timestamp}, the entry says ${anchor.blockNumber} at ${anchor.blockTime}`);
    }
    const receiptsRoot = asBytes(header[headerReceiptsRoot], 'receiptsRoot');
    const receipt = verifyTrieProof(receiptsRoot, encodeRlpInteger(BigInt(anchor.transactionIndex)), anchor.receiptProof);
    const problem = anchoredLogProblem(receipt, anchor);
    if (problem !== null) return failure('AnchorProofInvalid', problem);
  } catch (error) {
    if (error instanceof RlpError || error instanceof TrieProofError) {
      return failure('AnchorProofInvalid', `the receipt proof does not lead from the header's receiptsRoot to transaction ${anchor.transactionIndex}'s receipt: ${error.message}`);
    }
    throw error;
  }
  return success({
    type: 'evm',
    chainId: anchor.chainId,
    treeSize: anchor.treeSize,
    blockNumber: anchor.blockNumber,
    blockTime: new Date(anchor.blockTime * 1000).toISOString(),
    blockHash: `0x${toHex(anchor.blockHash)}`,
    contract: `0x${toHex(anchor.contract)}`,
  });
}

/** null if the receipt succeeded and holds Anchored(log_id, tree_size, root, …) from the contract. */
function anchoredLogProblem(receiptBytes: Uint8Array, anchor: EvmAnchorEntry): string | null {
  // EIP-2718: a typed receipt is its type byte (below 0x80) then the RLP list; a legacy one is the list.
  const body = receiptBytes[0]! < 0x80 ? receiptBytes.subarray(1) : receiptBytes;
  const [status, , , logs] = asList(decodeRlp(body), 'receipt');
  if (asInteger(status, 'receipt status') !== 1n) return 'the transaction failed (receipt status is not 1)';
  const treeSizeTopic = new Uint8Array(32);
  new DataView(treeSizeTopic.buffer).setBigUint64(24, BigInt(anchor.treeSize));
  for (const log of asList(logs, 'receipt logs')) {
    const [address, topics, data] = asList(log, 'log');
    const topicList = asList(topics, 'log topics').map((topic) => asBytes(topic, 'topic'));
    const dataBytes = asBytes(data, 'log data');
    if (
      bytesEqual(asBytes(address, 'log address'), anchor.contract) &&
      topicList.length === 4 &&
      bytesEqual(topicList[0]!, anchoredTopic) &&
      bytesEqual(topicList[1]!, anchor.logId) &&
      bytesEqual(topicList[2]!, treeSizeTopic) &&
      dataBytes.length === 64 &&
      bytesEqual(dataBytes.subarray(0, 32), anchor.root)
    ) {
      return null;
    }
  }
  return `the receipt holds no Anchored(log_id, ${anchor.treeSize}, root) log of the contract 0x${toHex(anchor.contract)}`;
}
