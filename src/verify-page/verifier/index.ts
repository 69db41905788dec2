// The verifier's public API, for the verification page's Web Worker and for the tests. Pure: no
// DOM, no Node APIs, no network; Web Crypto (globalThis.crypto.subtle) and WebAssembly hashers.
export { verifyReceipt, type Evidence, type VerificationTrust } from './receipt.js';
export { createContentHasher, type ContentDigests, type ContentHasher, type UnitDigest } from './content-hasher.js';
export { readSaltFile, type SaltFile } from './commitments.js';
export type { InvalidReport, Report, Sentence, UnusableInputReport, ValidReport } from './report.js';
// The page replaces the canonicality sentences once a node the user trusts answered for the anchors.
export { notCheckedSentences } from './report.js';
export type { ShownTimestamp } from './timestamps.js';
export type { ProvenAnchor } from './evm-anchor.js';
export { failureNumbers, failureSentences, type FailureName } from './failures.js';
// Building blocks the unit tests check against published vectors.
export { loadHashes, type Hashes } from './hashing.js';
export { merkleRoot, verifyConsistency, verifyInclusion, leafHash } from './merkle.js';
export { verifySm2Raw, sm2UserHash } from './sm2.js';
export { unitsRoots, partyCommitment } from './commitments.js';
// The auditor's page: checkpoints verified with the auditor's keys, consistency between two of them.
export { parseVerifierKeys, type TrustedKeys, type VerifierKey } from './note.js';
export { verifyCheckpoint, type Checkpoint } from './checkpoint.js';
// Key compromise statements (key-statement.md): verified with the user's keys, and what one means for a receipt.
export { assessCompromise, assessCompromises, keyCompromiseHeader, parseKeyCompromise, termsOf, timestampProofMs, verifyKeyCompromise, type CompromiseFinding, type CompromiseTerms, type KeyCompromise } from './key-compromise.js';
export { treeHashOf } from './hashing.js';
export { fromBase64, toHex } from './bytes.js';
