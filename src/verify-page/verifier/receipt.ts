// verifyReceipt: the whole offline check of a receipt (receipt.md), in the order it prescribes —
// the checkpoint's signatures before anything they cover, the leaf's inclusion before its
// contents, then the depositor's evidence, the promise, the anchors and the timestamp tokens.
// The first broken rule is the verdict.
import { bytesEqual, fromHex, isoTime, toBase64, toHex, utf8 } from './bytes.js';
import { verifyCheckpoint, type Checkpoint } from './checkpoint.js';
import { DerError } from './der.js';
import { partyCommitment, readSaltFile, unitsRoots } from './commitments.js';
import type { ContentDigests } from './content-hasher.js';
import { verifyEvmAnchor, type ProvenAnchor } from './evm-anchor.js';
import { failure, success, type Outcome } from './failures.js';
import { loadHashes, treeHashOf, type Hashes } from './hashing.js';
import { parseDepositLeaf, type DepositLeaf } from './leaf.js';
import { assessCompromises, termsOf, verifyKeyCompromise, type CompromiseTerms } from './key-compromise.js';
import { leafHash, verifyInclusion } from './merkle.js';
import { parseVerifierKeys, type TrustedKeys } from './note.js';
import { verifyPromise } from './promise.js';
import { invalidReport, notCheckedSentences as say, type Report, type Sentence } from './report.js';
import type { TsaTrust } from './rfc3161.js';
import { verifyTimestampEntry, type ShownTimestamp } from './timestamps.js';
import { parseTlogProof } from './tlog-proof.js';
import { parseCertificate, pemCertificates, type Certificate } from './x509.js';

/** What the verifier trusts: chosen by the person verifying, never taken from the receipt. */
export interface VerificationTrust {
  /** The log's C2SP verifier keys file (name+keyid+base64 lines). */
  readonly logKeys: string;
  /** TSA root certificates (PEM); none: tokens are not checked and no TSA time is shown. */
  readonly tsaRoots: readonly string[];
  /** The operator's own TSA certificates (PEM): their tokens verify but are operator time. */
  readonly operatorTsa: readonly string[];
  /**
   * Key compromise statements (key-statement.md §Compromise), each with where it came from (a file
   * name, the server's address): each must verify with `logKeys`, which must hold the successor's.
   */
  readonly compromiseStatements?: readonly { readonly source: string; readonly note: string }[];
}

/** The depositor's evidence: the content's unit digests (createContentHasher) and the salt file's text. */
export interface Evidence {
  readonly units: ContentDigests;
  readonly saltJson: string;
}

const receiptBytesMax = 1024 * 1024;
const receiptFormatPattern = /^evidencechain-receipt\/v(\d+)$/;
const knownMembers = ['format', 'tlog_proof', 'depositor_opening', 'promise', 'anchors', 'timestamps'];

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

export async function verifyReceipt(receiptJson: string, trust: VerificationTrust, evidence?: Evidence): Promise<Report> {
  const hashes = await loadHashes();
  const keys = parseVerifierKeys(trust.logKeys, hashes);
  if (!keys.ok) return { verdict: 'unusable-input', problem: keys.problem };
  const tsaTrust = readTsaTrust(trust);
  if (!tsaTrust.ok) return { verdict: 'unusable-input', problem: tsaTrust.problem };
  const notChecked: Sentence[] = [];
  if (keys.value.ignored.length > 0) notChecked.push(say.ignoredTrustedKeys(keys.value.ignored));
  // A statement that does not verify is a trust input that cannot be used, as `verify --compromise` says: never skipped.
  const statements: CompromiseTerms[] = [];
  for (const { source, note } of trust.compromiseStatements ?? []) {
    const statement = await verifyKeyCompromise(note, keys.value, hashes);
    if (!statement.ok) {
      const { name, detail } = statement.failure;
      return { verdict: 'unusable-input', problem: `${source} is not a usable key compromise statement: ${name}: ${detail} (it must be signed by the successor log's keys, which you trust)` };
    }
    statements.push(termsOf(statement.value));
  }

  const outcome = await verifyInOrder(receiptJson, keys.value, tsaTrust.value, evidence, hashes, notChecked);
  if (!outcome.ok) return invalidReport(outcome.failure);
  if (outcome.value.verdict !== 'valid') return outcome.value;
  const valid = { ...outcome.value, compromiseStatements: statements };
  // Offline no anchor is confirmed by a node: the page assesses again with the ones its node check confirmed.
  return { ...valid, compromise: assessCompromises(statements, valid, []) };
}

function readTsaTrust(trust: VerificationTrust): { ok: true; value: TsaTrust } | { ok: false; problem: string } {
  const read = (pems: readonly string[], what: string): Certificate[] | string => {
    const certificates: Certificate[] = [];
    for (const [index, pem] of pems.entries()) {
      const blocks = pemCertificates(pem);
      if (blocks === null || blocks.length === 0) return `${what} ${index + 1} holds no PEM certificate`;
      try {
        certificates.push(...blocks.map(parseCertificate));
      } catch (error) {
        if (error instanceof DerError) return `${what} ${index + 1} is not an X.509 certificate: ${error.message}`;
        throw error;
      }
    }
    return certificates;
  };
  const roots = read(trust.tsaRoots, 'TSA root');
  if (typeof roots === 'string') return { ok: false, problem: roots };
  const operator = read(trust.operatorTsa, 'operator TSA certificate');
  if (typeof operator === 'string') return { ok: false, problem: operator };
  return { ok: true, value: { roots, operator } };
}

async function verifyInOrder(
  receiptJson: string,
  keys: TrustedKeys,
  tsaTrust: TsaTrust,
  evidence: Evidence | undefined,
  hashes: Hashes,
  notChecked: Sentence[],
): Promise<Outcome<Report>> {
  // The file and its version: a major version this verifier does not know is refused, not guessed at.
  const receiptBytes = utf8(receiptJson).length;
  if (receiptBytes > receiptBytesMax) return failure('MalformedReceipt', `${receiptBytes} bytes, at most ${receiptBytesMax}`);
  let receipt: unknown;
  try {
    receipt = JSON.parse(receiptJson);
  } catch {
    return failure('MalformedReceipt', 'not JSON');
  }
  if (!isObject(receipt)) return failure('MalformedReceipt', 'not a JSON object');
  const version = typeof receipt.format === 'string' ? receiptFormatPattern.exec(receipt.format)?.[1] : undefined;
  if (version === undefined) return failure('MalformedReceipt', `format ${JSON.stringify(receipt.format)} is not evidencechain-receipt/vN`);
  if (version !== '1' && version !== '2') return failure('UnsupportedVersion', `${receipt.format}: this verifier knows v1 and v2`);
  for (const member of Object.keys(receipt)) if (!knownMembers.includes(member)) notChecked.push(say.unknownMember({ zh: '回执', en: 'the receipt' }, member));
  if (typeof receipt.tlog_proof !== 'string') return failure('MalformedReceipt', 'tlog_proof is not a string');

  // The proof: checkpoint signatures, then the leaf's inclusion, then the leaf's layout.
  const proof = parseTlogProof(receipt.tlog_proof);
  if (!proof.ok) return proof;
  const checkpoint = await verifyCheckpoint(proof.value.checkpointNote, keys, hashes);
  if (!checkpoint.ok) return checkpoint;
  if (checkpoint.value.unknownSignatures.length > 0) notChecked.push(say.unknownCheckpointSignatures(checkpoint.value.unknownSignatures));
  const treeHash = treeHashOf(hashes, checkpoint.value.treeHash);
  const leafHashValue = leafHash(treeHash, proof.value.leaf);
  const included = verifyInclusion(treeHash, proof.value.index, checkpoint.value.size, leafHashValue, proof.value.inclusionProof, checkpoint.value.root);
  if (!included.ok) return included;
  const leaf = parseDepositLeaf(proof.value.leaf);
  if (!leaf.ok) return leaf;

  // The depositor's content and salt file against the units roots in the leaf.
  if (evidence === undefined) notChecked.push(say.noEvidence());
  else {
    const content = checkContent(evidence, leaf.value, hashes);
    if (!content.ok) return content;
  }

  // The depositor opening against both party commitments.
  let depositorKeyFingerprint: string | null = null;
  if (receipt.depositor_opening === undefined) notChecked.push(say.noDepositorOpening());
  else {
    const opening = checkDepositorOpening(receipt.depositor_opening, leaf.value, hashes, notChecked);
    if (!opening.ok) return opening;
    depositorKeyFingerprint = opening.value;
  }

  // The notary's promise: its signature, its origin, the leaf in its batch.
  let promiseTime: string | null = null;
  if (receipt.promise === undefined) notChecked.push(say.noPromise());
  else {
    const promise = await verifyPromise(receipt.promise, checkpoint.value.origin, treeHash, leafHashValue, keys, hashes);
    if (!promise.ok) return promise;
    promiseTime = isoTime(promise.value.acceptedAtMs);
  }

  const anchors = checkAnchors(receipt.anchors, checkpoint.value, hashes, notChecked);
  if (!anchors.ok) return anchors;

  const timestamps = await checkTimestamps(receipt.timestamps, version === '1' ? 1 : 2, checkpoint.value, proof.value.index, keys, tsaTrust, hashes, notChecked);
  if (!timestamps.ok) return timestamps;

  return success({
    verdict: 'valid',
    receiptVersion: version === '1' ? 1 : 2,
    log: {
      origin: checkpoint.value.origin,
      treeSize: checkpoint.value.size.toString(),
      leafIndex: proof.value.index.toString(),
      root: toBase64(checkpoint.value.root),
      signedBy: checkpoint.value.signers.map((key) => key.fingerprint),
    },
    logTime: isoTime(leaf.value.receivedAtMs),
    promiseTime,
    contentChecked: evidence !== undefined,
    depositorKeyFingerprint,
    timestamps: timestamps.value,
    anchors: anchors.value,
    notChecked,
    compromiseStatements: [],
    compromise: [],
  });
}

/** commitment.md §Units roots: recompute both roots from the unit digests and the master salt. */
function checkContent(evidence: Evidence, leaf: DepositLeaf, hashes: Hashes): Outcome<void> {
  const salt = readSaltFile(evidence.saltJson);
  if (!salt.ok) return salt;
  // The page cuts the file with the salt file's chunk size; another size is the page's mistake.
  if (salt.value.chunkSizeBytes !== evidence.units.chunkSizeBytes) {
    throw new RangeError(`the content was cut in chunks of ${evidence.units.chunkSizeBytes} bytes, the salt file says ${salt.value.chunkSizeBytes}`);
  }
  if (salt.value.unitCount !== leaf.unitCount) return failure('UnitCountMismatch', `the salt file has ${salt.value.unitCount} units, the leaf ${leaf.unitCount}`);
  const unitCount = evidence.units.units.length;
  if (unitCount !== leaf.unitCount) return failure('UnitCountMismatch', `the content makes ${unitCount} units, the leaf has ${leaf.unitCount}`);
  const roots = unitsRoots(hashes, salt.value.masterSalt, evidence.units.units);
  if (!bytesEqual(roots.sha256, leaf.unitsRootSha256)) {
    return failure('CommitmentMismatch', `the SHA-256 units root is ${toHex(roots.sha256)}, the leaf commits to ${toHex(leaf.unitsRootSha256)}`);
  }
  if (!bytesEqual(roots.sm3, leaf.unitsRootSm3)) {
    return failure('CommitmentMismatch', `the SM3 units root is ${toHex(roots.sm3)}, the leaf commits to ${toHex(leaf.unitsRootSm3)}`);
  }
  return success(undefined);
}

/** commitment.md §Party commitments: P_H = H(0x03 ‖ party_salt ‖ key_fingerprint) for both hashes. */
function checkDepositorOpening(opening: unknown, leaf: DepositLeaf, hashes: Hashes, notChecked: Sentence[]): Outcome<string> {
  if (!isObject(opening)) return failure('MalformedReceipt', 'depositor_opening is not an object');
  const fingerprint = typeof opening.key_fingerprint === 'string' ? fromHex(opening.key_fingerprint) : null;
  const salt = typeof opening.party_salt === 'string' ? fromHex(opening.party_salt) : null;
  if (fingerprint === null || fingerprint.length !== 32 || salt === null || salt.length !== 32) {
    return failure('MalformedReceipt', 'depositor_opening needs key_fingerprint and party_salt, 32 bytes of hex each');
  }
  for (const member of Object.keys(opening)) {
    if (member !== 'key_fingerprint' && member !== 'party_salt') notChecked.push(say.unknownMember({ zh: '存证人开启值', en: 'depositor_opening' }, member));
  }
  if (!bytesEqual(partyCommitment(hashes.sha256, salt, fingerprint), leaf.depositorSha256)) {
    return failure('PartyCommitmentMismatch', "the opening does not give the leaf's SHA-256 depositor commitment");
  }
  if (!bytesEqual(partyCommitment(hashes.sm3, salt, fingerprint), leaf.depositorSm3)) {
    return failure('PartyCommitmentMismatch', "the opening does not give the leaf's SM3 depositor commitment");
  }
  return success(toHex(fingerprint));
}

const anchorMembers = [
  'type', 'status', 'chain_id', 'contract', 'log_id', 'tree_size', 'root', 'consistency_proof', 'transaction_hash',
  'transaction_index', 'block_number', 'block_hash', 'block_time', 'log_index', 'block_header', 'receipt_proof',
];

/** receipt.md §Anchors: `included` and `final` evm entries are proven; the rest are said not checked. */
function checkAnchors(section: unknown, checkpoint: Checkpoint, hashes: Hashes, notChecked: Sentence[]): Outcome<ProvenAnchor[]> {
  if (section === undefined) return success([]);
  if (!Array.isArray(section)) return failure('MalformedReceipt', 'anchors is not a list');
  const proven: ProvenAnchor[] = [];
  for (const [index, entry] of section.entries()) {
    if (!isObject(entry) || typeof entry.type !== 'string') return failure('MalformedReceipt', `anchor ${index + 1} has no type`);
    if (entry.type !== 'evm') {
      notChecked.push(say.unknownAnchorType(index, entry.type));
      continue;
    }
    if (entry.status !== 'included' && entry.status !== 'final') {
      notChecked.push(say.anchorNotLanded(index, String(entry.status)));
      continue;
    }
    for (const member of Object.keys(entry)) if (!anchorMembers.includes(member)) notChecked.push(say.unknownMember({ zh: `第 ${index + 1} 个锚定`, en: `anchor ${index + 1}` }, member));
    const anchor = verifyEvmAnchor(entry, checkpoint, hashes);
    if (!anchor.ok) return anchor;
    proven.push(anchor.value);
    notChecked.push(say.anchorCanonicality(anchor.value));
  }
  return success(proven);
}

const timestampMembers = ['type', 'authority', 'tree_size', 'checkpoint', 'consistency_proof', 'token'];

/** receipt.md §Timestamps and §Versions: v2 `rfc3161` entries, and only when TSA roots are given. */
async function checkTimestamps(
  section: unknown,
  version: 1 | 2,
  checkpoint: Checkpoint,
  leafIndex: bigint,
  keys: TrustedKeys,
  tsaTrust: TsaTrust,
  hashes: Hashes,
  notChecked: Sentence[],
): Promise<Outcome<ShownTimestamp[]>> {
  if (section === undefined) return success([]);
  if (!Array.isArray(section)) return failure('MalformedReceipt', 'timestamps is not a list');
  if (section.length === 0) return success([]);
  if (version === 1) {
    notChecked.push(say.v1Timestamps(section.length));
    return success([]);
  }
  const shown: ShownTimestamp[] = [];
  const tokens: Json[] = [];
  for (const [index, entry] of section.entries()) {
    if (!isObject(entry) || typeof entry.type !== 'string') return failure('MalformedReceipt', `timestamp ${index + 1} has no type`);
    if (entry.type === 'rfc3161') tokens.push(entry);
    else notChecked.push(say.unknownTimestampType(index, entry.type));
  }
  if (tokens.length === 0) return success([]);
  if (tsaTrust.roots.length === 0) {
    notChecked.push(say.noTsaRoots(tokens.length));
    return success([]);
  }
  for (const [index, entry] of tokens.entries()) {
    for (const member of Object.keys(entry)) if (!timestampMembers.includes(member)) notChecked.push(say.unknownMember({ zh: `第 ${index + 1} 个时间戳`, en: `timestamp ${index + 1}` }, member));
    const verified = await verifyTimestampEntry(entry, checkpoint, leafIndex, keys, tsaTrust, hashes);
    if (!verified.ok) return verified;
    shown.push(verified.value);
    if (verified.value.source === 'operator') notChecked.push(say.operatorTime(verified.value.authority));
  }
  notChecked.push(say.tsaRevocation());
  return success(shown);
}

