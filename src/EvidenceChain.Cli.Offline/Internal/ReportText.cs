using System.Globalization;
using EvidenceChain.Core.KeyStatements;
using EvidenceChain.Core.Leaves;
using EvidenceChain.Core.Proofs;
using EvidenceChain.Core.Receipts;

namespace EvidenceChain.Cli.Offline.Internal;

/// <summary>
/// Every sentence the offline commands print, once per language: the report a court clerk reads and
/// the one-line errors (the online commands keep theirs in the executable's <c>OnlineText</c>).
/// Chinese is the default. Details that come from Core or the OS stay in English and are printed
/// beside the localized sentence, labelled as such, so an expert sees exactly what failed.
/// Tests check that every enum value has a sentence in both languages.
/// </summary>
internal sealed class ReportText
{
    public const string ChineseCode = "zh";
    public const string EnglishCode = "en";

    public static ReportText Chinese { get; } = new()
    {
        Title = "EvidenceChain 存证回执核验报告",
        VerdictLabel = "结论：",
        Valid = "有效",
        Invalid = "无效",
        ReasonLabel = "原因：",
        DetailLabel = "技术细节（英文）：",
        HintLabel = "说明：",
        Stopped = "核验在第一处不符时停止，其后的检查未进行。",
        ContentMatchesSaltFile = "内容与盐文件相符，但回执记录的是另一次存证（回执与内容不对应）。",
        ContentDiffersFromSaltFile = "内容与盐文件的记载不符：文件被改动、改名、增加或删除，或盐文件不属于这次存证。",
        InputsHeading = "核验材料",
        ReceiptFileLabel = "回执文件：",
        ContentFileLabel = "存证内容（单个文件）：",
        ContentDirectoryLabel = "存证内容（目录）：",
        SaltFileLabel = "盐文件：",
        CertificateFileLabel = "存证证书（PDF）：",
        ProofFileLabel = "证书的证明文件：",
        SigningRootsLabel = "受信任的公证处签名根证书（--signing-root）：",
        TrustedKeys = (count, sources) => $"受信任公钥：{count} 个（来源：{sources}）",
        FactsHeading = "存证事实",
        OriginLabel = "日志：",
        TreeSizeLabel = "检查点树大小：",
        LeafIndexLabel = "叶索引：",
        ReceivedAtLabel = "受理时间（UTC，公证处声明）：",
        ContentKindLabel = "内容类别：",
        UnitCountLabel = "单元数：",
        RootLabel = "检查点根哈希（base64）：",
        DepositorLabel = "存证人公钥指纹（SHA-256）：",
        TimeOutOfRange = ms => $"{ms} 毫秒（超出日历范围）",
        BlockTimeOutOfRange = seconds => $"{seconds} 秒（超出日历范围）",
        RpcNodeLabel = "用于核验锚定区块的以太坊节点（--rpc）：",
        AnchorHeading = "区块链锚定（EVM 链；以下哈希和地址可在任何以太坊客户端或区块浏览器中查询）",
        AnchorStatusLabel = "公证处声明的锚定状态：",
        ChainIdLabel = "链 ID：",
        ContractLabel = "锚定合约地址：",
        LogIdLabel = "日志 ID（日志名称的 SHA-256）：",
        AnchoredTreeSizeLabel = "锚定的检查点树大小：",
        AnchoredRootLabel = "锚定的检查点根哈希（十六进制）：",
        TransactionHashLabel = "交易哈希：",
        BlockNumberLabel = "区块号：",
        BlockHashLabel = "区块哈希：",
        BlockTimeLabel = "区块时间（UTC，取自已核验的区块头）：",
        TsaRootsLabel = "受信任的时间戳机构根证书（--tsa-root）：",
        OperatorTsaLabel = "运营方自己的时间戳机构证书（--operator-tsa）：",
        TimestampHeading = "可信时间戳（RFC 3161 时间戳令牌，已用您信任的根证书离线核验）",
        GenTimeLabel = "时间（UTC，取自已核验令牌的 genTime）：",
        Accuracy = seconds => seconds is null ? "（令牌未声明精度）" : $" ± {seconds} 秒",
        TimeSourceLabel = "时间来源：",
        IndependentTsa = "独立的时间戳机构",
        OperatorTsa = "运营方自己的时间戳机构——运营方时间，不独立",
        TsaNameLabel = "时间戳机构（证书主体）：",
        TsaCertificateLabel = "时间戳机构证书指纹（SHA-256）：",
        StampedTreeSizeLabel = "所盖检查点的树大小：",
        AuthorityLabel = "公证处对该机构的称呼（仅为标签）：",
        AnchorStates = new Dictionary<AnchorState, string>
        {
            [AnchorState.Pending] = "待上链",
            [AnchorState.Included] = "已上链，尚未最终确认",
            [AnchorState.Final] = "已最终确认",
            [AnchorState.Lost] = "已丢失",
        },
        CanonicalAtFinalized = (endpoint, chainId, blockNumber, finalized) =>
            $"锚定区块 {blockNumber} 位于以太坊节点 {endpoint} 的规范链上（链 ID {chainId}），区块哈希与回执一致，且不高于该节点的最终确认区块 {finalized}",
        CanonicalAtDepth = (endpoint, chainId, blockNumber, head, depthMin) =>
            $"锚定区块 {blockNumber} 位于以太坊节点 {endpoint} 的规范链上（链 ID {chainId}），区块哈希与回执一致；该节点没有最终确认区块标记，按深度判断：低于链头区块 {head} 至少 {depthMin} 个区块",
        NoProvenAnchorForRpc = endpoint => $"已指定 --rpc {endpoint}，但回执中没有经离线核验的锚定，未向该节点查询",
        ChainNodeUnreachable = (endpoint, detail) => $"无法连接以太坊节点 {endpoint}：{detail}（请检查 --rpc）",
        ChainNodeFailed = (endpoint, detail) => $"以太坊节点 {endpoint} 的应答无法使用：{detail}",
        CanonicalityFailures = new Dictionary<CanonicalityFailure, string>
        {
            [CanonicalityFailure.None] = "无",
            [CanonicalityFailure.AnchorChainIdMismatch] = "您信任的以太坊节点属于另一条链，与锚定所在的链不符",
            [CanonicalityFailure.AnchorBlockMissing] = "您信任的以太坊节点的链上没有锚定所在的区块",
            [CanonicalityFailure.AnchorBlockHashMismatch] = "锚定所在的区块不在您信任的以太坊节点的规范链上（同一高度的区块哈希不同）",
            [CanonicalityFailure.AnchorBlockNotFinal] = "锚定所在的区块尚未最终确认，仍可能被链重组撤销；请稍后再核验",
        },
        ChecksHeading = "已通过的核验",
        SignersHeading = "签署检查点的受信任公钥（指纹为公钥编码的 SHA-256）",
        NotCheckedHeading = "未核验的事项",
        CompromiseHeading = "密钥泄露声明",
        CompromiseFindingText = (finding, statement) => finding.Finding switch
        {
            CompromiseFinding.FrozenCheckpoint => $"回执的检查点正是日志 {statement.Origin} 冻结时的检查点（已在链上锚定），不受泄露影响。",
            CompromiseFinding.ProvenBefore => $"独立证据证明该记录在密钥泄露时刻 {KeyStatementText.FormatTime(statement.CompromisedAtMs)} 之前已在日志中：{finding.ProvenBy}，不晚于 {KeyStatementText.FormatTime(finding.ProvenBeforeMs!.Value)}。",
            CompromiseFinding.NotProvenBefore => $"警告：回执的检查点由自 {KeyStatementText.FormatTime(statement.CompromisedAtMs)} 起视为已泄露的密钥签署，且回执中没有任何独立证据（外部时间戳或链上锚定）证明它早于该时刻；它可能是伪造的。日志已冻结于检查点 {statement.FrozenTreeSize}，后继日志为 {statement.Successor}。" + (finding.UnconfirmedAnchors > 0 ? $"回执中的 {finding.UnconfirmedAnchors} 个链上锚定未经您信任的节点确认（--rpc），离线核验的区块头可被任意伪造，故不计为时间证据。" : string.Empty),
            CompromiseFinding.ForkOfFrozen => $"警告：回执的检查点与冻结检查点 {statement.FrozenTreeSize} 大小相同但根不同：这是用已泄露密钥签署的另一段历史，不是公证处的日志。",
            _ => "",
        },
        HashingProgress = "正在计算哈希",
        ErrorPrefix = "错误：",
        UsageError = message => $"错误：{message}（用法见 --help）",
        Checks = new Dictionary<ReceiptCheck, string>
        {
            [ReceiptCheck.ReceiptFormat] = "回执格式正确，版本受支持",
            [ReceiptCheck.CheckpointSignatures] = "检查点上的签名经受信任公钥验证有效",
            [ReceiptCheck.CheckpointFormat] = "检查点格式正确，日志名称与受信任公钥一致",
            [ReceiptCheck.Inclusion] = "存证记录包含在检查点所签的日志中（Merkle 包含证明）",
            [ReceiptCheck.LeafFormat] = "该日志记录是格式正确的存证记录",
            [ReceiptCheck.UnitsRootSha256] = "内容与存证记录中的 SHA-256 承诺一致",
            [ReceiptCheck.UnitsRootSm3] = "内容与存证记录中的 SM3 承诺一致",
            [ReceiptCheck.DepositorOpening] = "回执披露的存证人与存证记录中的存证人承诺一致",
            [ReceiptCheck.Promise] = "受理承诺由日志公钥签署，且包含本次存证",
            [ReceiptCheck.Anchors] = "区块链锚定有效：锚定的检查点是回执检查点的延续（一致性证明），区块头哈希与收据的 Merkle-Patricia 证明表明该区块含有锚定合约记录此检查点的事件",
            [ReceiptCheck.Timestamps] = "可信时间戳有效：每个 RFC 3161 时间戳令牌都由可追溯到您信任的根证书的时间戳机构签署，所盖的是回执的检查点或其延续（一致性证明）",
        },
        NotChecked = new Dictionary<UncheckedItem, Func<string, string>>
        {
            [UncheckedItem.Content] = _ => "未提供内容和盐文件，未重新计算内容承诺",
            [UncheckedItem.DepositorOpening] = _ => "回执未披露存证人，未核验存证人身份",
            [UncheckedItem.Promise] = _ => "回执未附受理承诺，未核验",
            [UncheckedItem.Anchors] = detail => $"区块链锚定未核验（尚未上链、已丢失或类型未知）。英文说明：{detail}",
            [UncheckedItem.Timestamps] = detail => $"时间戳未核验（类型未知，或 v1 回执未规定其格式）。英文说明：{detail}",
            [UncheckedItem.UnknownSignatures] = keys => $"检查点上来自非受信任公钥的签名已忽略：{keys}",
            [UncheckedItem.UnknownMembers] = names => $"回执中本版本不认识的字段已忽略：{names}",
            [UncheckedItem.MissingAlgorithm] = algorithm => $"未提供受信任的 {algorithm} 公钥，未核验 {algorithm} 签名",
            [UncheckedItem.LogConsistency] = _ => "未核验公证处是否向所有人展示同一份日志（需要见证人联署或后续的一致性证明）",
            [UncheckedItem.TrustedTime] = _ => "受理时间是公证处自己的声明，未经独立时间戳机构的可信时间戳核验",
            [UncheckedItem.AnchorCanonicality] = _ => "未核验锚定区块是否位于链的规范历史上并已最终确认（需用 --rpc 指定您信任的以太坊节点，而非公证处的节点）",
            [UncheckedItem.TimestampTrust] = count => $"回执含 {count} 个 RFC 3161 时间戳令牌，因未提供受信任的时间戳机构根证书而未核验（请用 --tsa-root 指定您信任的根证书）",
        },
        Failures = new Dictionary<VerificationFailure, string>
        {
            [VerificationFailure.None] = "无",
            [VerificationFailure.IndexOutOfRange] = "叶索引超出检查点的树大小",
            [VerificationFailure.WrongProofLength] = "包含证明的长度不对",
            [VerificationFailure.RootMismatch] = "包含证明算出的根哈希与检查点不符",
            [VerificationFailure.SizeDecreased] = "日志大小减小了",
            [VerificationFailure.EmptyTreeHasNoProof] = "空日志不可能包含任何记录",
            [VerificationFailure.MalformedNote] = "签名文本格式错误",
            [VerificationFailure.NoTrustedSignature] = "检查点缺少受信任公钥的签名",
            [VerificationFailure.BadSignature] = "签名无效（所签内容被改动，或签名是伪造的）",
            [VerificationFailure.OriginMismatch] = "检查点所属的日志与受信任公钥不符",
            [VerificationFailure.MalformedCheckpoint] = "检查点格式错误",
            [VerificationFailure.TreeHashMismatch] = "日志的哈希算法不符",
            [VerificationFailure.MalformedPromise] = "受理承诺格式错误",
            [VerificationFailure.MalformedReceipt] = "回执文件格式错误",
            [VerificationFailure.UnsupportedVersion] = "回执或记录的版本不受本核验程序支持",
            [VerificationFailure.UnexpectedLeafType] = "该日志记录不是存证记录",
            [VerificationFailure.MalformedLeaf] = "存证记录格式错误",
            [VerificationFailure.CommitmentMismatch] = "内容与存证记录中的承诺不符",
            [VerificationFailure.PartyCommitmentMismatch] = "回执披露的存证人与存证记录不符",
            [VerificationFailure.MalformedSaltFile] = "盐文件格式错误",
            [VerificationFailure.UnitCountMismatch] = "内容的单元数与存证记录不符",
            [VerificationFailure.AnchorOfAnotherLog] = "区块链锚定属于另一个日志",
            [VerificationFailure.AnchorInconsistent] = "锚定的检查点不是回执检查点的延续（一致性证明不成立）",
            [VerificationFailure.AnchorProofInvalid] = "锚定的区块证明无效（区块头、收据证明或锚定事件与回执不符）",
            [VerificationFailure.MalformedTrail] = "保管记录清单格式错误",
            [VerificationFailure.MalformedRecord] = "保管事件记录格式错误",
            [VerificationFailure.RecordNotOfParty] = "保管事件未涉及该清单所属的参与方",
            [VerificationFailure.MalformedStatement] = "记录对账单格式错误",
            [VerificationFailure.AccountHistoryBroken] = "账户记录不连续，或余额与其中的转账不符",
            [VerificationFailure.TimestampCheckpointInvalid] = "时间戳所盖的检查点未能用日志的受信任公钥验证，或属于另一个日志",
            [VerificationFailure.TimestampInconsistent] = "时间戳所盖的检查点不是回执检查点的延续（树更小、树大小不符或一致性证明不成立）",
            [VerificationFailure.TimestampUntrustedTsa] = "时间戳令牌的签发机构不能追溯到您信任的时间戳机构根证书",
            [VerificationFailure.TimestampImprintMismatch] = "时间戳令牌所盖的不是该检查点（例如是另一个根哈希）",
            [VerificationFailure.TimestampTokenInvalid] = "时间戳令牌无效（格式错误、签名不成立、证书不是时间戳专用或在盖章时间不在有效期内，或摘要算法不是 SHA-256 或 SM3）",
            [VerificationFailure.CertificateSignatureInvalid] = "证书 PDF 的电子签名无效：签名后文件被改动过，或从未签名",
            [VerificationFailure.MalformedCertificateProof] = "证书的证明文件格式错误",
            [VerificationFailure.CertificateNotRecorded] = "日志中没有这份证书 PDF 的签发记录（记录证明不成立，或记录的是另一份 PDF）：这不是公证处签发的那份文件",
            [VerificationFailure.CertificateOfAnotherLog] = "证书的签发记录与其回执属于不同的日志",
            [VerificationFailure.MalformedKeyStatement] = "密钥声明的格式不正确",
            [VerificationFailure.CertificateOfAnotherDeposit] = "证书是为另一次存证签发的，与证明文件中的回执不符",
            [VerificationFailure.CertificateSignerNotTrusted] = "签名人的证书不是您信任的签名根证书，也不是由其签发，或在证书签发时不在有效期内",
        },
        ContentKinds = new Dictionary<ContentKind, string>
        {
            [ContentKind.TradeSecret] = "商业秘密",
            [ContentKind.Copyright] = "著作权作品",
            [ContentKind.Data] = "数据",
            [ContentKind.Document] = "文件",
        },
        Problems = new Dictionary<InputProblem, Func<string, string, string>>
        {
            [InputProblem.FileNotFound] = (path, _) => $"找不到文件 {path}",
            [InputProblem.DirectoryNotFound] = (path, _) => $"找不到目录 {path}",
            [InputProblem.IsADirectory] = (path, _) => $"{path} 是目录，不是文件",
            [InputProblem.NotADirectory] = (path, _) => $"{path} 不是目录",
            [InputProblem.SymbolicLink] = (path, target) => $"{path} 是指向 {target} 的符号链接；存证内容不得包含或经由链接",
            [InputProblem.SpecialFile] = (path, _) => $"{path} 是特殊文件（管道、套接字或设备），不能作为存证内容",
            [InputProblem.Unreadable] = (path, detail) => $"无法读取 {path}：{detail}",
            [InputProblem.ChangedWhileReading] = (path, _) => $"{path} 在读取过程中发生了变化，请在没有程序写入时重试",
            [InputProblem.PathNotCommittable] = (path, detail) => $"路径 {path} 无法存证：{detail}",
            [InputProblem.ContentNotPlannable] = (path, detail) => $"{path} 无法划分为存证单元：{detail}",
            [InputProblem.FileTooLarge] = (path, limit) => $"{path} 过大（上限 {limit} 字节），不是所需的文件",
            [InputProblem.SaltFileMalformed] = (path, detail) => $"{path} 不是有效的盐文件：{detail}",
            [InputProblem.KeyMalformed] = (value, detail) => $"“{value}”既不是验证公钥字符串，也不是公钥文件：{detail}",
            [InputProblem.KeyFileLineMalformed] = (line, detail) => $"{line} 不是有效的验证公钥：{detail}",
            [InputProblem.TrustFileNotFound] = (path, source) => $"找不到受信任公钥文件 {path}（由 {source} 指定）",
            [InputProblem.NoTrustedKey] = (_, defaultPath) =>
                $"没有受信任的公钥：请用 --key 或 --trust 指定，或设置 EVIDENCECHAIN_TRUST，或写入 {defaultPath}（回执中的公钥从不被信任）",
            [InputProblem.FileTypeUnknown] = (path, _) => $"本程序只能在 Linux（需 statx）和 Windows 上区分普通文件与管道、设备，无法检查 {path}",
            [InputProblem.RpcAddressInvalid] = (value, _) => $"“{value}”不是以太坊节点的 JSON-RPC 地址：应为 http://主机:端口 或 https://主机:端口/路径",
            [InputProblem.CertificateFileMalformed] = (path, detail) => $"{path} 不是 PEM 证书文件：{detail}",
            [InputProblem.CertificateProofNotFound] = (path, _) => $"找不到证书的证明文件 {path}：公证处随证书一同交付此文件，请将其放在证书 PDF 旁，或用 --proof 指定",
            [InputProblem.ReceiptNeedsContent] = (path, _) => $"{path} 是回执：回执须对照存证内容核验，请用 --file 或 --dir 指定内容，并用 --salt 指定盐文件",
            [InputProblem.OptionNeedsCertificate] = (option, path) => $"{option} 只用于核验存证证书 PDF，而 {path} 是回执",
            [InputProblem.CompromiseStatementInvalid] = (path, detail) => $"{path} 不是可用的密钥泄露声明：{detail}（声明须由您信任的后继日志公钥签署，请用 --key 或 --trust 提供）",
        },
    };

    public static ReportText English { get; } = new()
    {
        Title = "EvidenceChain deposit receipt verification report",
        VerdictLabel = "Verdict: ",
        Valid = "valid",
        Invalid = "invalid",
        ReasonLabel = "Reason: ",
        DetailLabel = "Technical detail: ",
        HintLabel = "Note: ",
        Stopped = "Verification stops at the first failure; the checks after it were not run.",
        ContentMatchesSaltFile = "The content matches its salt file, but the receipt is for a different deposit.",
        ContentDiffersFromSaltFile = "The content is not what the salt file was made for: a file was changed, renamed, added or removed, or the salt file belongs to another deposit.",
        InputsHeading = "Inputs",
        ReceiptFileLabel = "receipt file: ",
        ContentFileLabel = "deposited content (one file): ",
        ContentDirectoryLabel = "deposited content (directory): ",
        SaltFileLabel = "salt file: ",
        CertificateFileLabel = "deposit certificate (PDF): ",
        ProofFileLabel = "the certificate's proof file: ",
        SigningRootsLabel = "the notary's signing roots you trust (--signing-root): ",
        TrustedKeys = (count, sources) => $"trusted keys: {count} (from {sources})",
        FactsHeading = "Facts",
        OriginLabel = "log: ",
        TreeSizeLabel = "checkpoint tree size: ",
        LeafIndexLabel = "leaf index: ",
        ReceivedAtLabel = "accepted at (UTC, the notary's claim): ",
        ContentKindLabel = "content kind: ",
        UnitCountLabel = "units: ",
        RootLabel = "checkpoint root (base64): ",
        DepositorLabel = "depositor's key fingerprint (SHA-256): ",
        TimeOutOfRange = ms => $"{ms} ms (outside the calendar)",
        BlockTimeOutOfRange = seconds => $"{seconds} s (outside the calendar)",
        RpcNodeLabel = "Ethereum node trusted for the anchors' blocks (--rpc): ",
        AnchorHeading = "Chain anchor (EVM; look the hashes and addresses up in any Ethereum client or explorer)",
        AnchorStatusLabel = "status the notary claims: ",
        ChainIdLabel = "chain id: ",
        ContractLabel = "anchor contract: ",
        LogIdLabel = "log id (SHA-256 of the origin): ",
        AnchoredTreeSizeLabel = "anchored checkpoint tree size: ",
        AnchoredRootLabel = "anchored checkpoint root (hex): ",
        TransactionHashLabel = "transaction hash: ",
        BlockNumberLabel = "block number: ",
        BlockHashLabel = "block hash: ",
        BlockTimeLabel = "block time (UTC, from the verified block header): ",
        TsaRootsLabel = "TSA roots you trust (--tsa-root): ",
        OperatorTsaLabel = "the operator's own TSA certificates (--operator-tsa): ",
        TimestampHeading = "Trusted time (RFC 3161 timestamp token, verified offline under a TSA root you trust)",
        GenTimeLabel = "time (UTC, the verified token's genTime): ",
        Accuracy = seconds => seconds is null ? " (the token states no accuracy)" : $" ± {seconds} s",
        TimeSourceLabel = "time source: ",
        IndependentTsa = "independent TSA",
        OperatorTsa = "the operator's own TSA: operator time, not independent",
        TsaNameLabel = "TSA (its certificate's subject): ",
        TsaCertificateLabel = "TSA certificate fingerprint (SHA-256): ",
        StampedTreeSizeLabel = "timestamped checkpoint tree size: ",
        AuthorityLabel = "the notary's name for this TSA (a label only): ",
        AnchorStates = new Dictionary<AnchorState, string>
        {
            [AnchorState.Pending] = "pending",
            [AnchorState.Included] = "included (in a block, not yet final)",
            [AnchorState.Final] = "final",
            [AnchorState.Lost] = "lost",
        },
        CanonicalAtFinalized = (endpoint, chainId, blockNumber, finalized) =>
            $"canonicality checked against {endpoint} (chain id {chainId}, finalized block {finalized}): the anchor's block {blockNumber} is on its canonical chain with the receipt's hash, and final",
        CanonicalAtDepth = (endpoint, chainId, blockNumber, head, depthMin) =>
            $"canonicality checked against {endpoint} (chain id {chainId}, no finalized block, head block {head}): the anchor's block {blockNumber} is on its canonical chain with the receipt's hash, and at least {depthMin} blocks below the head",
        NoProvenAnchorForRpc = endpoint => $"--rpc {endpoint} was given, but the receipt has no anchor proven offline, so the node was not asked",
        ChainNodeUnreachable = (endpoint, detail) => $"cannot reach the Ethereum node at {endpoint}: {detail} (check --rpc)",
        ChainNodeFailed = (endpoint, detail) => $"the Ethereum node at {endpoint} gave an answer that cannot be used: {detail}",
        CanonicalityFailures = new Dictionary<CanonicalityFailure, string>
        {
            [CanonicalityFailure.None] = "none",
            [CanonicalityFailure.AnchorChainIdMismatch] = "the Ethereum node you trust serves another chain than the anchor's",
            [CanonicalityFailure.AnchorBlockMissing] = "the chain of the Ethereum node you trust has no block where the anchor says it landed",
            [CanonicalityFailure.AnchorBlockHashMismatch] = "the anchor's block is not on the canonical chain of the Ethereum node you trust (another block has that number)",
            [CanonicalityFailure.AnchorBlockNotFinal] = "the anchor's block is not final yet and could still be reorganized away; verify again later",
        },
        ChecksHeading = "Checks passed",
        SignersHeading = "Trusted keys that signed the checkpoint (fingerprint: SHA-256 of the public key encoding)",
        NotCheckedHeading = "Not checked",
        CompromiseHeading = "Key compromise statement",
        CompromiseFindingText = (finding, statement) => finding.Finding switch
        {
            CompromiseFinding.FrozenCheckpoint => $"The receipt's checkpoint is the one log {statement.Origin} was frozen at (anchored on a chain): the compromise does not touch it.",
            CompromiseFinding.ProvenBefore => $"Independent evidence proves the leaf was in the log before the keys were compromised at {KeyStatementText.FormatTime(statement.CompromisedAtMs)}: {finding.ProvenBy}, by {KeyStatementText.FormatTime(finding.ProvenBeforeMs!.Value)}.",
            CompromiseFinding.NotProvenBefore => $"WARNING: the receipt's checkpoint is signed with keys compromised from {KeyStatementText.FormatTime(statement.CompromisedAtMs)}, and nothing independent in it (an outside timestamp or a chain anchor) proves it existed before then; it may be forged. The log is frozen at checkpoint {statement.FrozenTreeSize}; its successor is {statement.Successor}." + (finding.UnconfirmedAnchors > 0 ? $" Its {finding.UnconfirmedAnchors} chain anchor(s) count only once a node you trust confirms them (--rpc): a block header checked offline can be made with any time in it." : string.Empty),
            CompromiseFinding.ForkOfFrozen => $"WARNING: the receipt's checkpoint has the frozen checkpoint's size {statement.FrozenTreeSize} but another root: a second history signed with the compromised keys, not the notary's log.",
            _ => "",
        },
        HashingProgress = "hashing",
        ErrorPrefix = "error: ",
        UsageError = message => $"error: {message} (see --help)",
        Checks = new Dictionary<ReceiptCheck, string>
        {
            [ReceiptCheck.ReceiptFormat] = "the receipt is well formed and its version is supported",
            [ReceiptCheck.CheckpointSignatures] = "the checkpoint's signatures verify with the trusted keys",
            [ReceiptCheck.CheckpointFormat] = "the checkpoint is well formed and names the trusted keys' log",
            [ReceiptCheck.Inclusion] = "the deposit record is in the log the checkpoint signs (Merkle inclusion proof)",
            [ReceiptCheck.LeafFormat] = "the log entry is a well-formed deposit record",
            [ReceiptCheck.UnitsRootSha256] = "the content matches the deposit record's SHA-256 commitment",
            [ReceiptCheck.UnitsRootSm3] = "the content matches the deposit record's SM3 commitment",
            [ReceiptCheck.DepositorOpening] = "the depositor the receipt names matches the deposit record's depositor commitment",
            [ReceiptCheck.Promise] = "the acceptance promise is signed by the log's key and covers this deposit",
            [ReceiptCheck.Anchors] = "the chain anchor holds: its checkpoint extends the receipt's (consistency proof), and the block header's hash and the receipt's Merkle-Patricia proof show the anchor contract's event for that checkpoint in the block",
            [ReceiptCheck.Timestamps] = "the timestamps hold: each RFC 3161 token is signed by a TSA that chains to a root you trust, and dates the receipt's checkpoint or a later one that extends it (consistency proof)",
        },
        NotChecked = new Dictionary<UncheckedItem, Func<string, string>>
        {
            [UncheckedItem.Content] = _ => "no content and salt file were given, so the content commitments were not recomputed",
            [UncheckedItem.DepositorOpening] = _ => "the receipt does not name the depositor, so who made the deposit was not checked",
            [UncheckedItem.Promise] = _ => "the receipt carries no acceptance promise, so none was checked",
            [UncheckedItem.Anchors] = detail => $"chain anchor not checked (pending, lost, or of an unknown kind): {detail}",
            [UncheckedItem.Timestamps] = detail => $"timestamp entries not checked (of an unknown kind, or in a v1 receipt, which does not specify them): {detail}",
            [UncheckedItem.UnknownSignatures] = keys => $"signatures on the checkpoint from keys that are not trusted were ignored: {keys}",
            [UncheckedItem.UnknownMembers] = names => $"receipt members this version does not know were ignored: {names}",
            [UncheckedItem.MissingAlgorithm] = algorithm => $"no trusted {algorithm} key was given, so the {algorithm} signature was not checked",
            [UncheckedItem.LogConsistency] = _ => "that the notary shows everyone the same log was not checked (this needs witness cosignatures or a later consistency proof)",
            [UncheckedItem.TrustedTime] = _ => "the acceptance time is the notary's own claim; no timestamp of an independent TSA was verified",
            [UncheckedItem.AnchorCanonicality] = _ => "that the anchor's block is on the chain's canonical history and final was not checked (give --rpc with an Ethereum node you trust, not the notary's)",
            [UncheckedItem.TimestampTrust] = count => $"the receipt has {count} RFC 3161 timestamp token(s), not checked because no TSA root was given (give the roots you trust with --tsa-root)",
        },
        Failures = new Dictionary<VerificationFailure, string>
        {
            [VerificationFailure.None] = "none",
            [VerificationFailure.IndexOutOfRange] = "the leaf index is outside the checkpoint's tree",
            [VerificationFailure.WrongProofLength] = "the inclusion proof has the wrong length",
            [VerificationFailure.RootMismatch] = "the inclusion proof does not lead to the checkpoint's root",
            [VerificationFailure.SizeDecreased] = "the log's size decreased",
            [VerificationFailure.EmptyTreeHasNoProof] = "an empty log cannot contain any record",
            [VerificationFailure.MalformedNote] = "the signed note is malformed",
            [VerificationFailure.NoTrustedSignature] = "the checkpoint lacks a signature from a trusted key",
            [VerificationFailure.BadSignature] = "a signature does not verify (the signed text was changed, or the signature is forged)",
            [VerificationFailure.OriginMismatch] = "the checkpoint's log is not the trusted keys' log",
            [VerificationFailure.MalformedCheckpoint] = "the checkpoint is malformed",
            [VerificationFailure.TreeHashMismatch] = "the log's hash algorithm does not match",
            [VerificationFailure.MalformedPromise] = "the acceptance promise is malformed",
            [VerificationFailure.MalformedReceipt] = "the receipt file is malformed",
            [VerificationFailure.UnsupportedVersion] = "the receipt or record has a version this verifier does not support",
            [VerificationFailure.UnexpectedLeafType] = "the log entry is not a deposit record",
            [VerificationFailure.MalformedLeaf] = "the deposit record is malformed",
            [VerificationFailure.CommitmentMismatch] = "the content does not match the deposit record's commitment",
            [VerificationFailure.PartyCommitmentMismatch] = "the depositor the receipt names does not match the deposit record",
            [VerificationFailure.MalformedSaltFile] = "the salt file is malformed",
            [VerificationFailure.UnitCountMismatch] = "the content has a different number of units than the deposit record",
            [VerificationFailure.AnchorOfAnotherLog] = "the chain anchor is of another log",
            [VerificationFailure.AnchorInconsistent] = "the anchored checkpoint does not extend the receipt's (the consistency proof fails)",
            [VerificationFailure.AnchorProofInvalid] = "the anchor's block proof does not hold (the block header, receipt proof or anchor event does not match the receipt)",
            [VerificationFailure.MalformedTrail] = "the custody trail is malformed",
            [VerificationFailure.MalformedRecord] = "a custody record is malformed",
            [VerificationFailure.RecordNotOfParty] = "a custody event does not concern the trail's party",
            [VerificationFailure.MalformedStatement] = "the record statement is malformed",
            [VerificationFailure.AccountHistoryBroken] = "the account's records do not follow on from each other, or a balance does not follow from their transfers",
            [VerificationFailure.TimestampCheckpointInvalid] = "the checkpoint a timestamp dates does not verify with the log's trusted keys, or is of another log",
            [VerificationFailure.TimestampInconsistent] = "the checkpoint a timestamp dates does not extend the receipt's (an older tree, a misstated tree size, or a failing consistency proof)",
            [VerificationFailure.TimestampUntrustedTsa] = "the timestamp token's TSA does not chain to a TSA root you trust",
            [VerificationFailure.TimestampImprintMismatch] = "the timestamp token dates something other than the checkpoint (another root, say)",
            [VerificationFailure.TimestampTokenInvalid] = "the timestamp token is invalid (malformed, a failing signature, a certificate not for timestamping or not valid at the token's time, or an imprint neither SHA-256 nor SM3)",
            [VerificationFailure.CertificateSignatureInvalid] = "the certificate PDF's signature does not verify: the file was changed after it was signed, or it was never signed",
            [VerificationFailure.MalformedCertificateProof] = "the certificate's proof file is malformed",
            [VerificationFailure.CertificateNotRecorded] = "the log has no record of issuing this certificate PDF (the record statement fails, or records another PDF): this is not the file the notary issued",
            [VerificationFailure.CertificateOfAnotherLog] = "the certificate's record and its receipt are in different logs",
            [VerificationFailure.MalformedKeyStatement] = "the key statement is not of the format",
            [VerificationFailure.CertificateOfAnotherDeposit] = "the certificate was issued for another deposit than its proof file's receipt",
            [VerificationFailure.CertificateSignerNotTrusted] = "the signer's certificate is neither one of your signing roots nor issued by one, or was not valid when the certificate was issued",
        },
        ContentKinds = new Dictionary<ContentKind, string>
        {
            [ContentKind.TradeSecret] = "trade secret",
            [ContentKind.Copyright] = "copyright work",
            [ContentKind.Data] = "data",
            [ContentKind.Document] = "document",
        },
        Problems = new Dictionary<InputProblem, Func<string, string, string>>
        {
            [InputProblem.FileNotFound] = (path, _) => $"{path}: no such file",
            [InputProblem.DirectoryNotFound] = (path, _) => $"{path}: no such directory",
            [InputProblem.IsADirectory] = (path, _) => $"{path} is a directory, not a file",
            [InputProblem.NotADirectory] = (path, _) => $"{path} is not a directory",
            [InputProblem.SymbolicLink] = (path, target) => $"{path} is a symbolic link to {target}; deposit content must not contain or go through links",
            [InputProblem.SpecialFile] = (path, _) => $"{path} is a special file (pipe, socket or device) and cannot be deposit content",
            [InputProblem.Unreadable] = (path, detail) => $"cannot read {path}: {detail}",
            [InputProblem.ChangedWhileReading] = (path, _) => $"{path} changed while it was being read; try again when nothing is writing to it",
            [InputProblem.PathNotCommittable] = (path, detail) => $"the path {path} cannot be committed: {detail}",
            [InputProblem.ContentNotPlannable] = (path, detail) => $"{path} cannot be cut into deposit units: {detail}",
            [InputProblem.FileTooLarge] = (path, limit) => $"{path} is too large (at most {limit} bytes) to be the file wanted",
            [InputProblem.SaltFileMalformed] = (path, detail) => $"{path} is not a valid salt file: {detail}",
            [InputProblem.KeyMalformed] = (value, detail) => $"'{value}' is neither a verifier key nor a key file: {detail}",
            [InputProblem.KeyFileLineMalformed] = (line, detail) => $"{line} is not a valid verifier key: {detail}",
            [InputProblem.TrustFileNotFound] = (path, source) => $"the trust file {path} (named by {source}) does not exist",
            [InputProblem.NoTrustedKey] = (_, defaultPath) =>
                $"no trusted key: give --key or --trust, set EVIDENCECHAIN_TRUST, or put keys in {defaultPath} (keys inside a receipt are never trusted)",
            [InputProblem.FileTypeUnknown] = (path, _) => $"this program tells regular files from pipes and devices only on Linux (with statx) and Windows, so it cannot check {path}",
            [InputProblem.RpcAddressInvalid] = (value, _) => $"'{value}' is not the JSON-RPC address of an Ethereum node: give http://host:port or https://host:port/path",
            [InputProblem.CertificateFileMalformed] = (path, detail) => $"{path} is not a PEM certificate file: {detail}",
            [InputProblem.CertificateProofNotFound] = (path, _) => $"the certificate's proof file {path} does not exist: the notary hands it out with the certificate; keep it beside the PDF or give it with --proof",
            [InputProblem.ReceiptNeedsContent] = (path, _) => $"{path} is a receipt: a receipt is verified against the deposited content, so give --file or --dir, and --salt",
            [InputProblem.OptionNeedsCertificate] = (option, path) => $"{option} is for a certificate PDF only, and {path} is a receipt",
            [InputProblem.CompromiseStatementInvalid] = (path, detail) => $"{path} is not a usable key compromise statement: {detail} (it must be signed by the successor log's keys, which you trust with --key or --trust)",
        },
    };

    public required string Title { get; init; }

    public required string VerdictLabel { get; init; }

    public required string Valid { get; init; }

    public required string Invalid { get; init; }

    public required string ReasonLabel { get; init; }

    public required string DetailLabel { get; init; }

    public required string HintLabel { get; init; }

    public required string Stopped { get; init; }

    public required string ContentMatchesSaltFile { get; init; }

    public required string ContentDiffersFromSaltFile { get; init; }

    public required string InputsHeading { get; init; }

    public required string ReceiptFileLabel { get; init; }

    public required string ContentFileLabel { get; init; }

    public required string ContentDirectoryLabel { get; init; }

    public required string SaltFileLabel { get; init; }

    public required string CertificateFileLabel { get; init; }

    public required string ProofFileLabel { get; init; }

    public required string SigningRootsLabel { get; init; }

    /// <summary>(key count, comma-separated sources).</summary>
    public required Func<int, string, string> TrustedKeys { get; init; }

    public required string FactsHeading { get; init; }

    public required string OriginLabel { get; init; }

    public required string TreeSizeLabel { get; init; }

    public required string LeafIndexLabel { get; init; }

    public required string ReceivedAtLabel { get; init; }

    public required string ContentKindLabel { get; init; }

    public required string UnitCountLabel { get; init; }

    public required string RootLabel { get; init; }

    public required string DepositorLabel { get; init; }

    /// <summary>For an acceptance time past year 9999, which the leaf can encode but no calendar shows.</summary>
    public required Func<long, string> TimeOutOfRange { get; init; }

    /// <summary>For a block time past year 9999, which a header can encode but no calendar shows.</summary>
    public required Func<ulong, string> BlockTimeOutOfRange { get; init; }

    public required string RpcNodeLabel { get; init; }

    public required string AnchorHeading { get; init; }

    public required string AnchorStatusLabel { get; init; }

    public required string ChainIdLabel { get; init; }

    public required string ContractLabel { get; init; }

    public required string LogIdLabel { get; init; }

    public required string AnchoredTreeSizeLabel { get; init; }

    public required string AnchoredRootLabel { get; init; }

    public required string TransactionHashLabel { get; init; }

    public required string BlockNumberLabel { get; init; }

    public required string BlockHashLabel { get; init; }

    public required string BlockTimeLabel { get; init; }

    public required IReadOnlyDictionary<AnchorState, string> AnchorStates { get; init; }

    public required string TsaRootsLabel { get; init; }

    public required string OperatorTsaLabel { get; init; }

    public required string TimestampHeading { get; init; }

    public required string GenTimeLabel { get; init; }

    /// <summary>(the token's accuracy in seconds, as text, or null when it states none): what follows genTime.</summary>
    public required Func<string?, string> Accuracy { get; init; }

    public required string TimeSourceLabel { get; init; }

    public required string IndependentTsa { get; init; }

    public required string OperatorTsa { get; init; }

    public required string TsaNameLabel { get; init; }

    public required string TsaCertificateLabel { get; init; }

    public required string StampedTreeSizeLabel { get; init; }

    public required string AuthorityLabel { get; init; }

    /// <summary>(node address, chain id, the anchor's block number, the node's finalized block number).</summary>
    public required Func<string, long, ulong, ulong, string> CanonicalAtFinalized { get; init; }

    /// <summary>(node address, chain id, the anchor's block number, the node's head block number, blocks required below the head).</summary>
    public required Func<string, long, ulong, ulong, ulong, string> CanonicalAtDepth { get; init; }

    /// <summary>(node address): <c>--rpc</c> was given but there was nothing proven to ask about.</summary>
    public required Func<string, string> NoProvenAnchorForRpc { get; init; }

    /// <summary>(node address, what the connection attempt reported).</summary>
    public required Func<string, string, string> ChainNodeUnreachable { get; init; }

    /// <summary>(node address, what was wrong with its answer).</summary>
    public required Func<string, string, string> ChainNodeFailed { get; init; }

    public required IReadOnlyDictionary<CanonicalityFailure, string> CanonicalityFailures { get; init; }

    public required string ChecksHeading { get; init; }

    public required string SignersHeading { get; init; }

    public required string NotCheckedHeading { get; init; }

    public required string CompromiseHeading { get; init; }

    /// <summary>What a compromise statement means for the receipt; empty for <see cref="CompromiseFinding.NotAffected"/>.</summary>
    public required Func<CompromiseAssessment, KeyCompromise, string> CompromiseFindingText { get; init; }

    public required string HashingProgress { get; init; }

    public required string ErrorPrefix { get; init; }

    public required Func<string, string> UsageError { get; init; }

    public required IReadOnlyDictionary<ReceiptCheck, string> Checks { get; init; }

    /// <summary>Each item's sentence, given Core's detail for it (an algorithm name, a count, a list).</summary>
    public required IReadOnlyDictionary<UncheckedItem, Func<string, string>> NotChecked { get; init; }

    public required IReadOnlyDictionary<VerificationFailure, string> Failures { get; init; }

    public required IReadOnlyDictionary<ContentKind, string> ContentKinds { get; init; }

    /// <summary>Each problem's sentence, given the subject (a path or value) and the detail.</summary>
    public required IReadOnlyDictionary<InputProblem, Func<string, string, string>> Problems { get; init; }

    /// <summary>The table for a <c>--lang</c> value; Chinese unless English is asked for.</summary>
    public static ReportText For(string? languageCode) => languageCode == EnglishCode ? English : Chinese;

    // The lookups below fall back to the enum name, so a value added to Core later still gives a readable
    // report instead of a crash; the tests make sure no value is missing today.
    public string Check(ReceiptCheck check) => Checks.TryGetValue(check, out string? line) ? line : check.ToString();

    public string Failure(VerificationFailure failure) => Failures.TryGetValue(failure, out string? line) ? line : failure.ToString();

    public string Unchecked(UncheckedItem item, string detail) =>
        NotChecked.TryGetValue(item, out Func<string, string>? line) ? line(detail) : $"{item}: {detail}";

    public string CanonicalityFailureText(CanonicalityFailure failure) =>
        CanonicalityFailures.TryGetValue(failure, out string? line) ? line : failure.ToString();

    public string AnchorStateText(AnchorState state) =>
        AnchorStates.TryGetValue(state, out string? name) ? name : state.ToString();

    public string Kind(ContentKind kind) =>
        ContentKinds.TryGetValue(kind, out string? name) ? name : ((byte)kind).ToString(CultureInfo.InvariantCulture);

    public string Describe(InputProblem problem, string subject, string detail) =>
        Problems.TryGetValue(problem, out Func<string, string, string>? line) ? line(subject, detail) : $"{problem}: {subject} {detail}";

    public string Error(InputException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return ErrorPrefix + Describe(exception.Problem, exception.Subject, exception.Detail);
    }
}
