// Key compromise statements (key-statement.md §Compromise): a signed note, signed by the successor
// log's keys, saying that a log's keys must be taken as in other hands from a given time, that the
// log is frozen at its last checkpoint anchored final, and which log carries on. And what such a
// statement means for a receipt that verified (§What a verifier says about a receipt).
import { fromBase64, isoTime, parseDecimal, toBase64 } from './bytes.js';
import { algorithmNotSigned, treeHashOfOrigin } from './checkpoint.js';
import { failure, success, type Outcome } from './failures.js';
import type { Hashes } from './hashing.js';
import { parseVerifierKeys, verifySignedNote, type TrustedKeys, type VerifierKey } from './note.js';
import type { ProvenAnchor } from './evm-anchor.js';
import type { Sentence, ValidReport } from './report.js';
import type { ShownTimestamp } from './timestamps.js';

export interface KeyCompromise {
  /** The compromised log. */
  readonly origin: string;
  /** From when its keys must be taken as in other hands (Unix ms, UTC): the notary's statement. */
  readonly compromisedAtMs: number;
  /** The compromised log's last checkpoint anchored final. */
  readonly frozenSize: bigint;
  readonly frozenRoot: Uint8Array;
  /** The compromised log's keys: one Ed25519, then one SM2, both named by the origin. */
  readonly compromisedKeys: readonly VerifierKey[];
  /** The log that carries on, with another log id. */
  readonly successor: string;
}

export const keyCompromiseHeader = 'evidencechain/key-compromise/v1';

const timePattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.(\d{3})Z$/;

/** yyyy-MM-ddTHH:mm:ss.fffZ exactly (key-statement.md), a real date; null otherwise. */
function parseTime(text: string): number | null {
  if (!timePattern.test(text)) return null;
  const ms = Date.parse(text);
  // Date.parse rolls 2026-02-30 over into March; a time that does not print back as given is not one.
  return Number.isFinite(ms) && isoTime(ms) === text ? ms : null;
}

const logIdOf = (origin: string): string => origin.split('/')[2]!;

const malformed = (detail: string) => failure('MalformedKeyStatement', detail);

/** Parses the text of a compromise note that already verified (§Compromise, exactly seven lines). */
export function parseKeyCompromise(text: string, hashes: Hashes): Outcome<KeyCompromise> {
  const lines = text.split('\n');
  if (lines.length !== 8 || lines[7] !== '' || lines[0] !== keyCompromiseHeader) {
    return malformed(`a compromise is the line ${keyCompromiseHeader}, the origin, compromised-at, frozen, two keys and the successor`);
  }
  const [, origin, atLine, frozenLine, key1, key2, successorLine] = lines as [string, string, string, string, string, string, string];
  if (treeHashOfOrigin(origin) === null) return malformed(`${JSON.stringify(origin)} is not an EvidenceChain origin`);
  const compromisedAtMs = atLine.startsWith('compromised-at ') ? parseTime(atLine.slice('compromised-at '.length)) : null;
  if (compromisedAtMs === null) return malformed(`${JSON.stringify(atLine)} is not 'compromised-at yyyy-MM-ddTHH:mm:ss.fffZ'`);
  const frozen = frozenLine.split(' ');
  const frozenSize = frozen.length === 3 && frozen[0] === 'frozen' ? parseDecimal(frozen[1]!) : null;
  const frozenRoot = frozen.length === 3 ? fromBase64(frozen[2]!) : null;
  if (frozenSize === null || frozenSize > 2n ** 63n - 1n || frozenRoot === null || frozenRoot.length !== 32) {
    return malformed(`${JSON.stringify(frozenLine)} is not 'frozen TREE_SIZE BASE64_ROOT'`);
  }
  if (!key1.startsWith('key ') || !key2.startsWith('key ')) return malformed("the compromised keys are two lines 'key KEY'");
  const keys: VerifierKey[] = [];
  for (const line of [key1, key2]) {
    const parsed = parseVerifierKeys(line.slice('key '.length), hashes);
    if (!parsed.ok) return malformed(`${JSON.stringify(line)}: ${parsed.problem}`);
    if (parsed.value.keys.length !== 1 || parsed.value.ignored.length !== 0) return malformed(`${JSON.stringify(line)} is not one Ed25519 or SM2 verifier key`);
    keys.push(parsed.value.keys[0]!);
  }
  if (keys[0]!.algorithm !== 'ed25519' || keys[1]!.algorithm !== 'sm2-sm3') return malformed('a key pair is one Ed25519 key and then one SM2 key');
  if (keys.some((key) => key.name !== origin)) return malformed(`a key of the pair is not named by the log's origin ${origin}`);
  const successor = successorLine.startsWith('successor ') ? successorLine.slice('successor '.length) : '';
  if (treeHashOfOrigin(successor) === null) return malformed(`${JSON.stringify(successorLine)} is not 'successor ORIGIN'`);
  if (logIdOf(successor) === logIdOf(origin)) return malformed('the successor must be a new log, with a new log id');
  return success({ origin, compromisedAtMs, frozenSize, frozenRoot, compromisedKeys: keys, successor });
}

/**
 * Opens a compromise note with the verifier's trusted keys (every trusted line must verify), reads it,
 * then requires the successor's keys by the checkpoint rule: at least one trusted key named by the
 * successor signed, and for each algorithm among the successor's trusted keys, one of them did. The
 * compromised keys' signatures would prove nothing, and are not asked for.
 */
export async function verifyKeyCompromise(note: string, trusted: TrustedKeys, hashes: Hashes): Promise<Outcome<KeyCompromise>> {
  const opened = await verifySignedNote(note, trusted, hashes);
  if (!opened.ok) return opened;
  const parsed = parseKeyCompromise(opened.value.text, hashes);
  if (!parsed.ok) return parsed;
  const { successor } = parsed.value;
  const signers = opened.value.signers.filter((key) => key.name === successor);
  if (signers.length === 0) return failure('NoTrustedSignature', `no trusted key of the successor log ${successor} signed the statement`);
  const unsigned = algorithmNotSigned(successor, trusted, signers);
  if (unsigned !== null) return failure('NoTrustedSignature', `no trusted ${unsigned.name} key of the successor log signed the compromise statement (trusted ones: fingerprint ${unsigned.fingerprints.join(', ')})`);
  return parsed;
}

/**
 * What judging a receipt needs of a statement that verified, as plain data: a report carries these to
 * the page, which judges again after its node check, and a report stays printable as JSON.
 */
export interface CompromiseTerms {
  readonly origin: string;
  readonly compromisedAtMs: number;
  /** Decimal. */
  readonly frozenSize: string;
  /** Base64, as the report gives the receipt's root. */
  readonly frozenRoot: string;
  /** The compromised keys' fingerprints (VerifierKey.fingerprint). */
  readonly compromisedKeys: readonly string[];
  readonly successor: string;
}

export function termsOf(statement: KeyCompromise): CompromiseTerms {
  return {
    origin: statement.origin,
    compromisedAtMs: statement.compromisedAtMs,
    frozenSize: statement.frozenSize.toString(),
    frozenRoot: toBase64(statement.frozenRoot),
    compromisedKeys: statement.compromisedKeys.map((key) => key.fingerprint),
    successor: statement.successor,
  };
}

export type CompromiseFindingName = 'frozen-checkpoint' | 'proven-older' | 'not-proven-older' | 'fork';

/** What a compromise statement means for a receipt it affects (not-affected statements are not listed). */
export interface CompromiseFinding {
  readonly finding: CompromiseFindingName;
  /** not-proven-older and fork: the receipt must not be relied on without more evidence. */
  readonly warning: boolean;
  readonly origin: string;
  readonly successor: string;
  readonly compromisedAt: string;
  readonly frozenSize: string;
  /** proven-older: the earliest time the leaf is independently proven to have been in the log. */
  readonly provenBefore: string | null;
  /** proven-older: what proves it. */
  readonly provenBy: Sentence | null;
  /**
   * proven-older and not-proven-older: the receipt's verified anchors that counted for nothing because no
   * node the user trusts confirmed their blocks (CompromiseAssessment.UnconfirmedAnchors); 0 otherwise.
   */
  readonly unconfirmedAnchors: number;
  readonly sentence: Sentence;
}

/**
 * key-statement.md §What a verifier says about a receipt (CompromiseCheck.Assess): a receipt of the
 * compromised origin whose checkpoint a compromised key signed is, in this order, the frozen checkpoint
 * or a fork of it (whatever else it carries), proven older than the compromise, or not proven older.
 * Only independent evidence proves time: a token from a TSA not the operator's that states its accuracy
 * (genTime + accuracy), or an anchor in `confirmedAnchors` (block time + 999 ms: block times count whole
 * seconds). `confirmedAnchors` are the report's anchors whose blocks a node the user trusts confirmed
 * canonical and final, empty without one: a header checked offline proves no time, since anyone can make
 * one with any time in it. The leaf's own time and the operator's TSA do not count: whoever holds the
 * keys can write them. Null: not affected.
 */
export function assessCompromise(statement: CompromiseTerms, report: ValidReport, confirmedAnchors: readonly ProvenAnchor[]): CompromiseFinding | null {
  if (report.log.origin !== statement.origin) return null;
  if (!statement.compromisedKeys.some((fingerprint) => report.log.signedBy.includes(fingerprint))) return null;
  const base = {
    origin: statement.origin,
    successor: statement.successor,
    compromisedAt: isoTime(statement.compromisedAtMs),
    frozenSize: statement.frozenSize,
  };
  if (report.log.treeSize === statement.frozenSize) {
    // Both decimal without leading zeros, both canonical base64 (toBase64): equal text is equal value.
    const same = report.log.root === statement.frozenRoot;
    const finding = same ? 'frozen-checkpoint' : 'fork';
    return { finding, warning: !same, ...base, provenBefore: null, provenBy: null, unconfirmedAnchors: 0, sentence: sentenceOf(finding, base, null, null, 0) };
  }
  const confirmed = report.anchors.filter((anchor) => confirmedAnchors.some((other) => sameBlock(anchor, other)));
  const unconfirmedAnchors = report.anchors.length - confirmed.length;
  const earliest = earliestProof(report.timestamps, confirmed);
  const proven = earliest !== null && earliest.ms < statement.compromisedAtMs ? earliest : null;
  const finding = proven === null ? 'not-proven-older' : 'proven-older';
  const provenBefore = proven === null ? null : isoTime(proven.ms);
  const provenBy = proven?.by ?? null;
  return {
    finding,
    warning: proven === null,
    ...base,
    provenBefore,
    provenBy,
    unconfirmedAnchors,
    sentence: sentenceOf(finding, base, provenBefore, provenBy, unconfirmedAnchors),
  };
}

/** Each statement's finding for the report, the statements that do not affect it left out. */
export function assessCompromises(statements: readonly CompromiseTerms[], report: ValidReport, confirmedAnchors: readonly ProvenAnchor[]): CompromiseFinding[] {
  return statements.map((statement) => assessCompromise(statement, report, confirmedAnchors)).filter((finding): finding is CompromiseFinding => finding !== null);
}

/** A node confirms a block, so an anchor is confirmed when its chain, number and hash are a confirmed one's. */
function sameBlock(anchor: ProvenAnchor, other: ProvenAnchor): boolean {
  return anchor.chainId === other.chainId && anchor.blockNumber === other.blockNumber && anchor.blockHash.toLowerCase() === other.blockHash.toLowerCase();
}

/**
 * The latest time a token proves (genTime + accuracy), or null when it proves none: a token from the
 * operator's own TSA is the notary's word, and one without a stated accuracy has an unknown error
 * (RFC 3161 §2.4.2), so it bounds nothing.
 */
export function timestampProofMs(stamp: Pick<ShownTimestamp, 'source' | 'genTime' | 'accuracyMs'>): number | null {
  if (stamp.source !== 'independent' || stamp.accuracyMs === null) return null;
  return Date.parse(stamp.genTime) + stamp.accuracyMs;
}

function earliestProof(timestamps: readonly ShownTimestamp[], confirmedAnchors: readonly ProvenAnchor[]): { ms: number; by: Sentence } | null {
  let earliest: { ms: number; by: Sentence } | null = null;
  const consider = (ms: number, by: Sentence) => {
    if (Number.isFinite(ms) && (earliest === null || ms < earliest.ms)) earliest = { ms, by };
  };
  for (const stamp of timestamps) {
    const ms = timestampProofMs(stamp);
    if (ms === null) continue;
    consider(ms, {
      zh: `时间戳机构 ${stamp.tsa}（${stamp.authority}）的时间戳`,
      en: `timestamp by ${stamp.tsa} (${stamp.authority})`,
    });
  }
  for (const anchor of confirmedAnchors) {
    // A block time counts in whole seconds: the block may come from any moment of its second.
    consider(Date.parse(anchor.blockTime) + 999, {
      zh: `链 ${anchor.chainId} 第 ${anchor.blockNumber} 号区块中的锚定`,
      en: `anchor in block ${anchor.blockNumber} of chain ${anchor.chainId}`,
    });
  }
  return earliest;
}

type Base = { readonly origin: string; readonly successor: string; readonly compromisedAt: string; readonly frozenSize: string };

/** The CLI's sentences (ReportText.CompromiseFindingText), in both languages. */
function sentenceOf(finding: CompromiseFindingName, base: Base, provenBefore: string | null, provenBy: Sentence | null, unconfirmedAnchors: number): Sentence {
  switch (finding) {
    case 'frozen-checkpoint':
      return {
        zh: `回执的检查点正是日志 ${base.origin} 冻结时的检查点（已在链上锚定），不受泄露影响。`,
        en: `The receipt's checkpoint is the one log ${base.origin} was frozen at (anchored on a chain): the compromise does not touch it.`,
      };
    case 'proven-older':
      return {
        zh: `独立证据证明该记录在密钥泄露时刻 ${base.compromisedAt} 之前已在日志中：${provenBy!.zh}，不晚于 ${provenBefore}。`,
        en: `Independent evidence proves the leaf was in the log before the keys were compromised at ${base.compromisedAt}: ${provenBy!.en}, by ${provenBefore}.`,
      };
    case 'not-proven-older':
      return {
        zh: `警告：回执的检查点由自 ${base.compromisedAt} 起视为已泄露的密钥签署，且回执中没有任何独立证据（外部时间戳或链上锚定）证明它早于该时刻；它可能是伪造的。日志已冻结于检查点 ${base.frozenSize}，后继日志为 ${base.successor}。` + (unconfirmedAnchors > 0 ? `回执中的 ${unconfirmedAnchors} 个链上锚定未经您信任的节点确认，离线核验的区块头可被任意伪造，故不计为时间证据。` : ''),
        en: `WARNING: the receipt's checkpoint is signed with keys compromised from ${base.compromisedAt}, and nothing independent in it (an outside timestamp or a chain anchor) proves it existed before then; it may be forged. The log is frozen at checkpoint ${base.frozenSize}; its successor is ${base.successor}.` + (unconfirmedAnchors > 0 ? ` Its ${unconfirmedAnchors} chain anchor(s) count only once a node you trust confirms them: a block header checked offline can be made with any time in it.` : ''),
      };
    case 'fork':
      return {
        zh: `警告：回执的检查点与冻结检查点 ${base.frozenSize} 大小相同但根不同：这是用已泄露密钥签署的另一段历史，不是公证处的日志。`,
        en: `WARNING: the receipt's checkpoint has the frozen checkpoint's size ${base.frozenSize} but another root: a second history signed with the compromised keys, not the notary's log.`,
      };
  }
}
