// The rules a receipt can break, named and numbered as the conformance manifest names them
// (src/EvidenceChain.Core/Proofs/VerificationFailure.cs: the numbers are stable, never reused).
// Each has one short sentence in Chinese and in English for the report.

export const failureNumbers = {
  IndexOutOfRange: 1,
  WrongProofLength: 2,
  RootMismatch: 3,
  SizeDecreased: 4,
  EmptyTreeHasNoProof: 5,
  MalformedNote: 20,
  NoTrustedSignature: 21,
  BadSignature: 22,
  OriginMismatch: 23,
  MalformedCheckpoint: 24,
  TreeHashMismatch: 25,
  MalformedPromise: 26,
  MalformedReceipt: 40,
  UnsupportedVersion: 41,
  UnexpectedLeafType: 42,
  MalformedLeaf: 43,
  CommitmentMismatch: 44,
  PartyCommitmentMismatch: 45,
  MalformedSaltFile: 46,
  UnitCountMismatch: 47,
  AnchorOfAnotherLog: 60,
  AnchorInconsistent: 61,
  AnchorProofInvalid: 62,
  TimestampCheckpointInvalid: 90,
  TimestampInconsistent: 91,
  TimestampUntrustedTsa: 92,
  TimestampImprintMismatch: 93,
  TimestampTokenInvalid: 94,
  MalformedKeyStatement: 110,
} as const;

export type FailureName = keyof typeof failureNumbers;

/** A broken rule and what exactly was found (English, technical: hashes, sizes, positions). */
export interface Failure {
  readonly name: FailureName;
  readonly detail: string;
}

/** A step's outcome: its value, or the rule it found broken. Failures are values, never exceptions. */
export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failure: Failure };

export function success<T>(value: T): Outcome<T> {
  return { ok: true, value };
}

export function failure<T = never>(name: FailureName, detail: string): Outcome<T> {
  return { ok: false, failure: { name, detail } };
}

export const failureSentences: Readonly<Record<FailureName, { readonly zh: string; readonly en: string }>> = {
  IndexOutOfRange: { zh: '证明中的叶子序号超出了树的大小。', en: 'The proof names a leaf beyond the tree.' },
  WrongProofLength: { zh: '证明的哈希个数与树的形状不符。', en: 'The proof has the wrong number of hashes for the tree.' },
  RootMismatch: { zh: '由证明算出的树根与签名检查点的树根不一致。', en: 'The proof does not lead to the signed root.' },
  SizeDecreased: { zh: '后一棵树比前一棵小，日志不可能缩小。', en: 'The later tree is smaller than the earlier one: a log never shrinks.' },
  EmptyTreeHasNoProof: { zh: '空树没有一致性证明。', en: 'An empty tree has no consistency proof.' },
  MalformedNote: { zh: '签名记录的格式不正确。', en: 'The signed note is malformed.' },
  NoTrustedSignature: { zh: '检查点没有受信任公证密钥的签名。', en: 'The checkpoint is not signed by the trusted notary keys.' },
  BadSignature: { zh: '受信任密钥的签名验证失败。', en: 'A signature by a trusted key does not verify.' },
  OriginMismatch: { zh: '检查点属于另一个日志。', en: 'The checkpoint belongs to another log.' },
  MalformedCheckpoint: { zh: '检查点的正文格式不正确。', en: 'The checkpoint text is malformed.' },
  TreeHashMismatch: { zh: '日志的树哈希算法与预期不符。', en: "The log's tree hash is not the one expected." },
  MalformedPromise: { zh: '公证承诺的格式不正确。', en: "The notary's promise is malformed." },
  MalformedReceipt: { zh: '回执文件的格式不正确。', en: 'The receipt file is malformed.' },
  UnsupportedVersion: { zh: '回执的格式版本不受支持。', en: 'The receipt format version is not supported.' },
  UnexpectedLeafType: { zh: '日志叶子不是存证叶子。', en: 'The log leaf is not a deposit leaf.' },
  MalformedLeaf: { zh: '日志叶子的编码不正确。', en: 'The log leaf is malformed.' },
  CommitmentMismatch: { zh: '文件与盐值算出的承诺与日志记录不一致：不是存证的内容。', en: 'The file and salt do not give the committed units roots: this is not the deposited content.' },
  PartyCommitmentMismatch: { zh: '存证人身份承诺与日志记录不一致。', en: "The depositor opening does not match the leaf's party commitments." },
  MalformedSaltFile: { zh: '盐值文件的格式不正确。', en: 'The salt file is malformed.' },
  UnitCountMismatch: { zh: '存证单元的个数与日志记录不一致。', en: 'The number of units differs from the leaf.' },
  AnchorOfAnotherLog: { zh: '区块链锚定属于另一个日志。', en: 'The chain anchor is of another log.' },
  AnchorInconsistent: { zh: '锚定的检查点与回执的检查点不一致。', en: "The anchored checkpoint does not extend the receipt's." },
  AnchorProofInvalid: { zh: '区块链锚定的区块或收据证明不成立。', en: "The anchor's block header or receipt proof does not hold." },
  TimestampCheckpointInvalid: { zh: '时间戳所盖的检查点验证失败或属于另一个日志。', en: 'The checkpoint a timestamp carries does not verify, or is of another log.' },
  TimestampInconsistent: { zh: '时间戳所盖的检查点与回执的检查点不一致。', en: "The stamped checkpoint does not extend or precede the receipt's." },
  TimestampUntrustedTsa: { zh: '时间戳机构不在受信任的根证书之下。', en: 'The timestamp authority does not chain to a trusted root.' },
  TimestampImprintMismatch: { zh: '时间戳所证明的不是该检查点。', en: 'The timestamp token dates something other than the stamped checkpoint.' },
  TimestampTokenInvalid: { zh: '时间戳令牌无效。', en: 'The timestamp token is invalid.' },
  MalformedKeyStatement: { zh: '密钥声明的格式不正确。', en: 'The key statement is malformed.' },
};
