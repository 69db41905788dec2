// What the verifier tells a person: the verdict, the times it could prove and from whom, and
// everything it did not check. A failed receipt proves nothing, so its report shows only why.
import type { ProvenAnchor } from './evm-anchor.js';
import type { CompromiseFinding, CompromiseTerms } from './key-compromise.js';
import { failureNumbers, failureSentences, type Failure, type FailureName } from './failures.js';
import type { ShownTimestamp } from './timestamps.js';

export interface Sentence {
  readonly zh: string;
  readonly en: string;
}

export interface ValidReport {
  readonly verdict: 'valid';
  readonly receiptVersion: 1 | 2;
  readonly log: {
    readonly origin: string;
    readonly treeSize: string;
    readonly leafIndex: string;
    /** The checkpoint's root, base64. */
    readonly root: string;
    /** The fingerprints of the trusted keys whose checkpoint signatures verified. */
    readonly signedBy: readonly string[];
  };
  /** The acceptance time in the leaf: the notary's own claim, as yyyy-MM-ddTHH:mm:ss.fffZ. */
  readonly logTime: string;
  /** The acceptance time in the notary's promise, when the receipt carries one. */
  readonly promiseTime: string | null;
  /** Whether the content and salt file were checked against the leaf's units roots. */
  readonly contentChecked: boolean;
  /** The depositor's key fingerprint (hex), when the receipt's opening was checked. */
  readonly depositorKeyFingerprint: string | null;
  readonly timestamps: readonly ShownTimestamp[];
  readonly anchors: readonly ProvenAnchor[];
  readonly notChecked: readonly Sentence[];
  /** The compromise statements given, each verified with the trusted keys (key-statement.md §Compromise). */
  readonly compromiseStatements: readonly CompromiseTerms[];
  /**
   * What each statement means for this receipt, when it affects it (key-statement.md), judged offline:
   * no anchor counts as proof of time until a node the user trusts confirms its block, so a page that
   * asks one assesses again (assessCompromises) with the anchors it confirmed.
   */
  readonly compromise: readonly CompromiseFinding[];
}

export interface InvalidReport {
  readonly verdict: 'invalid';
  readonly failure: {
    readonly name: FailureName;
    readonly number: number;
    readonly zh: string;
    readonly en: string;
    /** What exactly was found (English: hashes, sizes, positions). */
    readonly detail: string;
  };
}

/** The trust inputs could not be used (a keys file or PEM that does not parse): nothing was judged. */
export interface UnusableInputReport {
  readonly verdict: 'unusable-input';
  readonly problem: string;
}

export type Report = ValidReport | InvalidReport | UnusableInputReport;

export function invalidReport(failure: Failure): InvalidReport {
  const sentence = failureSentences[failure.name];
  return { verdict: 'invalid', failure: { name: failure.name, number: failureNumbers[failure.name], zh: sentence.zh, en: sentence.en, detail: failure.detail } };
}

/** The sentences of what a report leaves unchecked, each in Chinese and English. */
export const notCheckedSentences = {
  noEvidence: (): Sentence => ({
    zh: '未提供存证文件和盐值文件：未核对存证的是哪一份内容。',
    en: 'No file and salt file were given: which content was deposited is not checked.',
  }),
  noDepositorOpening: (): Sentence => ({
    zh: '回执中没有存证人身份的开启值：未核对存证人是谁。',
    en: 'The receipt has no depositor opening: who the depositor is is not checked.',
  }),
  noPromise: (): Sentence => ({
    zh: '回执中没有公证承诺。',
    en: "The receipt carries no notary's promise.",
  }),
  unknownCheckpointSignatures: (keys: readonly string[]): Sentence => ({
    zh: `检查点上未受信任密钥的签名未核对：${keys.join('，')}。`,
    en: `Signatures of keys not trusted were not checked: ${keys.join(', ')}.`,
  }),
  ignoredTrustedKeys: (keys: readonly string[]): Sentence => ({
    zh: `未知算法的受信任密钥被忽略：${keys.join('，')}。`,
    en: `Trusted keys of algorithms this verifier does not know were ignored: ${keys.join(', ')}.`,
  }),
  unknownMember: (where: Sentence, member: string): Sentence => ({
    zh: `${where.zh}中的未知成员“${member}”被忽略，未核对。`,
    en: `The unknown member "${member}" of ${where.en} was ignored and not checked.`,
  }),
  unknownAnchorType: (index: number, type: string): Sentence => ({
    zh: `第 ${index + 1} 个锚定的类型“${type}”未知，未核对。`,
    en: `Anchor ${index + 1} is of the unknown type "${type}": not checked.`,
  }),
  anchorNotLanded: (index: number, status: string): Sentence => ({
    zh: `第 ${index + 1} 个锚定的状态为“${status}”，不证明任何事，未核对。`,
    en: `Anchor ${index + 1} is "${status}": it proves nothing and was not checked.`,
  }),
  anchorCanonicality: (anchor: ProvenAnchor): Sentence => ({
    zh: `区块 ${anchor.blockNumber}（${anchor.blockHash}）是否在链 ${anchor.chainId} 的规范链上并已最终确定，需要向您信任的节点（不是公证处的节点）查询：在核验页面填写“您信任的以太坊节点”，或用 evidencechain verify --rpc URL；离线也无法确认链标识。`,
    en: `Whether block ${anchor.blockNumber} (${anchor.blockHash}) is on chain ${anchor.chainId}'s canonical history and final needs a node you trust, not the notary's: name one on the verification page ("Ethereum node you trust"), or use evidencechain verify --rpc URL; offline, the chain id is not pinned either.`,
  }),
  v1Timestamps: (count: number): Sentence => ({
    zh: `版本 1 回执未规定时间戳部分：其中 ${count} 项未核对。`,
    en: `A version 1 receipt leaves its timestamps unspecified: its ${count} entries were not checked.`,
  }),
  noTsaRoots: (count: number): Sentence => ({
    zh: `未提供时间戳机构根证书：${count} 个时间戳令牌未核对，也不显示其时间（可用 evidencechain verify --tsa-root 文件 核对）。`,
    en: `No TSA roots were given: ${count} timestamp tokens were not checked and their times are not shown (check them with evidencechain verify --tsa-root FILE).`,
  }),
  unknownTimestampType: (index: number, type: string): Sentence => ({
    zh: `第 ${index + 1} 个时间戳的类型“${type}”未知，未核对。`,
    en: `Timestamp ${index + 1} is of the unknown type "${type}": not checked.`,
  }),
  tsaRevocation: (): Sentence => ({
    zh: '时间戳机构证书的吊销状态未核对；证书链按令牌的生成时间判断。',
    en: "Revocation of the TSA certificates is not checked; their chains are judged at each token's genTime.",
  }),
  operatorTime: (authority: string): Sentence => ({
    zh: `时间戳“${authority}”来自公证处自己的时间戳机构：是运营方时间，不是独立时间。`,
    en: `Timestamp "${authority}" is from the notary's own TSA: operator time, not independent.`,
  }),
};
