using Grpc.Core;

namespace EvidenceChain.Cli.Internal;

/// <summary>
/// Every sentence the online commands print, once per language, beside the offline commands'
/// <c>ReportText</c> (whose labels and error prefix they reuse). Chinese is the default; the
/// server's own messages stay in English and are printed beside the localized sentence. The
/// salt-file warning is printed in both languages whatever <c>--lang</c> says: losing the salt file
/// is the one mistake nobody can undo. Tests check that every problem has a sentence in both languages.
/// </summary>
internal sealed class OnlineText
{
    public static OnlineText Chinese { get; } = new()
    {
        Server = url => $"服务器：{url}",
        Content = (path, kind) => $"存证内容：{path}（{kind}）",
        DepositorKeyCreated = path => $"已生成存证人私钥 {path}（权限 0600）。请备份：它证明这些存证出自您。",
        SaltFileWritten = path => $"盐文件：{path}（仅本人可读写，权限 0600）",
        SaltWarning = path => $"警告：请妥善保管盐文件 {path}，另行备份，不要随回执交给他人。盐文件一旦丢失，任何人（包括公证处）都无法再证明这次存证。",
        Accepted = (id, index) => $"已受理：存证编号 {id}，叶索引 {index}",
        PromiseSaved = path => $"受理承诺：{path}（已用日志公钥核验）",
        Waiting = seconds => $"正在等待存证纳入签名检查点（最多 {seconds} 秒）……",
        Included = treeSize => $"已纳入检查点：树大小 {treeSize}",
        ReceiptSaved = path => $"回执：{path}",
        ReceiptUpdated = path => $"已更新回执：{path}",
        WaitTimedOut = (seconds, command) => $"{seconds} 秒内存证尚未纳入检查点（已受理，受理承诺已保存）。请稍后运行：{command}",
        NotYetIncluded = "已受理，尚未纳入检查点；请稍后重试。",
        NotInRestoredLog = (id, index, path) => $"存证 {id}（叶索引 {index}）已被本日志受理，但现在不在日志中：它是在存储最近一次备份之后受理的，恢复后的日志中没有它。请用 `evidencechain deposit …` 重新提交（{path} 证明公证处曾受理它）。",
        VerifiedWithLogKeys = "回执已用服务器公布的公钥核验通过：",
        LogKeysNotIndependent = "注意：这些公钥取自服务器本身，不构成独立的信任。请用公证处另行公布的公钥核验（--key 或 --trust）。",
        VerifiedWithTrustedKeys = sources => $"回执已用您信任的公钥核验通过（来源：{sources}）：",
        OpeningAdded = salt => $"已在回执中披露存证人（依据盐文件 {salt} 和存证人私钥）",
        OpeningKept = "保留了回执中原有的存证人披露",
        NoOpeningWithoutSalt = "回执未披露存证人：没有盐文件（--salt）",
        NoOpeningWithoutKey = path => $"回执未披露存证人：找不到存证人私钥 {path}",
        LogGrew = (oldSize, newSize) => $"日志从树大小 {oldSize} 一致地增长到 {newSize}（一致性证明已核验）",
        LogUnchanged = treeSize => $"检查点未变（树大小 {treeSize}）",
        CheckpointHeading = (url, treeSize) => $"服务器 {url} 的最新检查点（树大小 {treeSize}）：",
        CheckpointVerified = "核验通过：检查点由以下受信任公钥签署：",
        CheckpointNotVerified = "未核验：没有受信任的公钥（--key 或 --trust）。",
        CheckpointSaved = path => $"检查点已保存：{path}",
        ProofHeading = (first, second, count) => $"从树大小 {first} 到 {second} 的一致性证明（{count} 个哈希，base64）：",
        ConsistencyVerified = (first, second, sources) => $"核验通过：树大小 {second} 的检查点是树大小 {first} 的检查点的延续（检查点：{sources}，均由受信任公钥签署）",
        TheServersLatest = "服务器的最新检查点",
        NotAnExtension = "后一检查点的日志不是前一检查点日志的延续：日志被改写或分叉了",
        LogInfoFrom = url => $"服务器 {url} 公布的日志信息",
        PromiseFrom = url => $"服务器 {url} 给出的受理承诺",
        ReceiptFrom = url => $"服务器 {url} 给出的回执",
        ReceiptWithTrustedKeys = "回执（用您信任的公钥核验）",
        CheckpointFrom = url => $"服务器 {url} 的检查点",
        CheckpointFile = path => $"检查点文件 {path}",
        ConsistencyProofFrom = url => $"服务器 {url} 给出的一致性证明",
        DoesNotVerify = (subject, sentence, name, detail) => $"{subject}未通过核验：{sentence} [{name}]（技术细节：{detail}）",
        ServerUnreachable = (url, detail) => $"无法连接服务器 {url}：{detail}（请检查 --server 或 EVIDENCECHAIN_SERVER）",
        ServerFailed = (url, code, detail) => $"服务器 {url} 拒绝或未能处理请求（{code}）：{detail}",
        NotAuthenticated = (url, detail) => $"服务器 {url} 未认可您的身份（UNAUTHENTICATED）：{detail}（请检查 --cert 和 --cert-key）",
        PermissionDenied = (url, detail) => $"服务器 {url} 不允许此操作（PERMISSION_DENIED）：{detail}",
        SaltFileKept = path => $"；盐文件 {path} 已保留，以防服务器其实已受理；确认未受理后可删除它再重新存证",
        SaltFileRemoved = path => $"；未存证，刚写入的盐文件 {path} 已删除",
        UpdateHint = path => $"；要更新它，请运行 evidencechain receipt {path}，或用 --out 另选文件",
        AcceptedRunReceiptLater = command => $"；存证已受理，受理承诺已保存，稍后请运行：{command}",
        Problems = new Dictionary<OnlineProblem, Func<string, string, string>>
        {
            [OnlineProblem.ServerAddressInvalid] = (value, _) => $"“{value}”不是服务器地址：应为 http://主机:端口 或 https://主机:端口",
            [OnlineProblem.DepositorKeyOpenToOthers] = (path, mode) => $"存证人私钥 {path} 可被其他用户读取或修改（权限 {mode}），不予使用；请执行 chmod 600 {path}",
            [OnlineProblem.DepositorKeyMalformed] = (path, detail) => $"{path} 不是存证人私钥文件（应为一行 base64，32 字节）：{detail}",
            [OnlineProblem.DepositFileExists] = (path, _) => $"{path} 已存在；为免覆盖以往存证的文件，本次未存证。请用 --out 另选目录，或先移走该文件",
            [OnlineProblem.OutputFileExists] = (path, hint) => $"{path} 已存在，不予覆盖{hint}",
            [OnlineProblem.OutputInsideContent] = (path, directory) => $"输出目录 {path} 位于存证目录 {directory} 之内，写入会改变存证内容；请另选 --out",
            [OnlineProblem.OutputDirectoryNotFound] = (path, _) => $"找不到输出目录 {path}",
            [OnlineProblem.Unwritable] = (path, detail) => $"无法写入 {path}：{detail}",
            [OnlineProblem.DepositIdMalformed] = (value, _) => $"“{value}”既不是存证编号（64 位小写十六进制），也不是回执文件",
            [OnlineProblem.LeafIndexMalformed] = (value, _) => $"“{value}”不是叶索引（十进制数）",
            [OnlineProblem.ReceiptFileMalformed] = (path, detail) => $"{path} 不是有效的回执文件：{detail}",
            [OnlineProblem.CheckpointSizeMismatch] = (path, size) => $"检查点文件 {path} 的树大小是 {size}，与命令行给出的树大小不符",
            [OnlineProblem.NewCheckpointNeeded] = (size, _) => $"要核验到树大小 {size}，请用 --new-checkpoint 给出该大小的检查点（不给时，新检查点是服务器的最新检查点，NEW 应为 0）",
            [OnlineProblem.CaNeeded] = (url, _) => $"服务器 {url} 使用 https：请用 --ca 或 EVIDENCECHAIN_CA 给出部署 CA 证书，用于核验服务器证书",
            [OnlineProblem.CertificateKeyNeeded] = (path, _) => $"给出了证书 {path}，但没有其私钥：请用 --cert-key 或 EVIDENCECHAIN_KEY 给出",
            [OnlineProblem.CertificateNeeded] = (path, _) => $"给出了私钥 {path}，但没有其证书：请用 --cert 或 EVIDENCECHAIN_CERT 给出",
            [OnlineProblem.CaFileNotCa] = (path, subject) => $"{path} 不是 CA 证书（{subject}）：--ca 应为部署 CA 证书 ca.crt.pem",
            [OnlineProblem.ServerCertificateRefused] = (url, detail) => $"不信任服务器 {url} 的证书，未发送任何请求：{detail}（--ca 是否为本部署的 CA 证书？）",
            [OnlineProblem.PartyIdMalformed] = (value, _) => $"“{value}”不是参与方编号（32 位小写十六进制）",
            [OnlineProblem.PublicKeyMalformed] = (value, _) => $"“{value}”不是存证人公钥（64 位十六进制，32 字节 Ed25519 公钥）",
            [OnlineProblem.FingerprintMalformed] = (value, _) => $"“{value}”不是指纹（64 位十六进制 SHA-256）",
            [OnlineProblem.KeySourceNeeded] = (_, _) => "请给出 --key-file、--public-key 或 --sm2 三者之一",
            [OnlineProblem.DepositorKeyNotFound] = (path, _) => $"找不到存证人私钥 {path}",
            [OnlineProblem.Sm2KeyOpenToOthers] = (path, mode) => $"SM2 请求私钥 {path} 可被其他用户读取或修改（权限 {mode}），不予使用；请执行 chmod 600 {path}",
            [OnlineProblem.Sm2KeyMalformed] = (path, detail) => $"{path} 不是 SM2 请求私钥文件（应为一行 base64，32 字节）：{detail}",
            [OnlineProblem.Sm2PublicKeyMalformed] = (value, _) => $"“{value}”不是 SM2 公钥（130 位十六进制的非压缩点 04‖x‖y，或含此十六进制或 PEM 公钥的文件）",
            [OnlineProblem.UserIdWithoutSm2] = (_, _) => "--user-id 只用于 SM2 公钥（--sm2）",
            [OnlineProblem.UserIdTooLong] = (length, _) => $"SM2 用户标识最多 255 字节，这里是 {length} 字节",
            [OnlineProblem.LocatorMalformed] = (value, _) => $"“{value}”既不是公开凭证（32 位小写十六进制），也不是凭证编号（64 位小写十六进制）",
            [OnlineProblem.AccountIdMalformed] = (value, _) => $"“{value}”不是账户编号（32 位小写十六进制）",
            [OnlineProblem.IncidentIdMalformed] = (value, _) => $"“{value}”不是银行异常编号（32 位小写十六进制）",
            [OnlineProblem.PaymentOrderMalformed] = (value, _) => $"“{value}”不是付款指令：应为 转账编号,收款账号,收款人名称（转账编号为 32 位小写十六进制，名称不含逗号）",
            [OnlineProblem.DateMalformed] = (value, _) => $"“{value}”不是日期（YYYY-MM-DD）",
            [OnlineProblem.InterestClaimMalformed] = (value, _) => $"“{value}”不是计息子账户：应为 子账户,收款账户（利息归收款人）或 子账户,self（利息归本子账户），账户为 32 位小写十六进制",
            [OnlineProblem.TransferIdMalformed] = (value, _) => $"“{value}”不是转账编号（32 位小写十六进制）",
            [OnlineProblem.StatementFileTooLarge] = (path, length) => $"银行对账单 {path} 有 {length} 字节，超过上限 8,388,608 字节，未读取",
            [OnlineProblem.CaseIdMalformed] = (value, _) => $"“{value}”不是案件编号（32 位小写十六进制，不为全 0 或全 f）",
            [OnlineProblem.CaseEventUnknown] = (value, names) => $"“{value}”不是案件事件：应为 {names} 之一，或其编号",
            [OnlineProblem.ArtefactTypeUnknown] = (value, names) => $"“{value}”不是证据类型：应为 {names} 之一，或其编号",
            [OnlineProblem.CaseKeyOpenToOthers] = (path, mode) => $"签名私钥 {path} 可被其他用户读取或修改（权限 {mode}），不予使用；请执行 chmod 600 {path}",
            [OnlineProblem.CaseKeyMalformed] = (path, detail) => $"{path} 不是签名私钥文件（应为一行 base64，32 字节 Ed25519 种子）：{detail}",
            [OnlineProblem.ArtefactInvalid] = (_, detail) => $"无法据此出具证据：{detail}",
            [OnlineProblem.ConditionsFileMalformed] = (path, detail) => $"{path} 不是条件集 JSON 文件（见 docs/service.md）：{detail}",
            [OnlineProblem.PayeeMalformed] = (value, _) => $"“{value}”不是收款账户：应为 账号,户名（户名不含逗号）",
            [OnlineProblem.ApprovalMessageMalformed] = (path, detail) => $"{path} 不是付款审批消息（一行 base64，由 case propose --out 保存），不予签署：{detail}",
            [OnlineProblem.ApprovalFileMalformed] = (path, detail) => $"{path} 不是审批文件（由 case approve 写出的 JSON）：{detail}",
            [OnlineProblem.CaseEventRefused] = (rule, detail) => $"服务器不会执行此事件：{rule}：{detail}",
            [OnlineProblem.PlanFileMalformed] = (path, detail) => $"{path} 不是分配方案或债权分级 JSON 文件（见 docs/service.md）：{detail}",
            [OnlineProblem.AssetIdMalformed] = (id, _) => $"资产编号 {id} 无效：应为 32 位小写十六进制数字，且不能全为 0 或全为 f",
            [OnlineProblem.PledgeIdMalformed] = (id, _) => $"质押编号 {id} 无效：应为 32 位小写十六进制数字，且不能全为 0 或全为 f",
            [OnlineProblem.PledgeEventUnknown] = (name, detail) => $"没有名为 {name} 的质押事件；可用：{detail}",
            [OnlineProblem.PledgeCommandFileMalformed] = (path, detail) => $"{path} 不是质押事件字段 JSON 文件（见 docs/pledges.md §CLI）：{detail}",
            [OnlineProblem.PledgeMessageMalformed] = (path, detail) => $"{path} 不是质押事件签名消息（一行 base64，由 pledge propose --out 保存），不予签署：{detail}",
            [OnlineProblem.PledgeSignatureFileMalformed] = (path, detail) => $"{path} 不是签名文件（由 pledge sign 写出的 JSON）：{detail}",
            [OnlineProblem.PledgeEventRefused] = (rule, detail) => $"服务器不会执行此质押事件：{rule}：{detail}",
            [OnlineProblem.EncumbranceFileMalformed] = (path, detail) => $"{path} 不是权利负担声明文件（由 pledge statement -o 保存）：{detail}",
        },
    };

    public static OnlineText English { get; } = new()
    {
        Server = url => $"server: {url}",
        Content = (path, kind) => $"content: {path} ({kind})",
        DepositorKeyCreated = path => $"created the depositor key {path} (mode 0600). Back it up: it shows that these deposits are yours.",
        SaltFileWritten = path => $"salt file: {path} (owner only, mode 0600)",
        SaltWarning = path => $"WARNING: keep the salt file {path} safe and back it up; do not hand it out with the receipt. If it is lost, nobody, the notary included, can ever prove this deposit.",
        Accepted = (id, index) => $"accepted: deposit id {id}, leaf index {index}",
        PromiseSaved = path => $"promise: {path} (verified with the log's keys)",
        Waiting = seconds => $"waiting up to {seconds} s for a signed checkpoint that includes the deposit…",
        Included = treeSize => $"included in the checkpoint of tree size {treeSize}",
        ReceiptSaved = path => $"receipt: {path}",
        ReceiptUpdated = path => $"receipt updated: {path}",
        WaitTimedOut = (seconds, command) => $"the deposit was not in a signed checkpoint within {seconds} s (it is accepted and its promise is saved). Later, run: {command}",
        NotYetIncluded = "accepted, not yet in a checkpoint; try again shortly.",
        NotInRestoredLog = (id, index, path) => $"deposit {id} (leaf index {index}) was acknowledged by this log but is not in it: it was acknowledged after the store's last backup and is not in the restored log. Re-submit it with `evidencechain deposit …` ({path} proves the notary acknowledged it).",
        VerifiedWithLogKeys = "the receipt verifies with the keys the server publishes:",
        LogKeysNotIndependent = "note: these keys came from the server itself, which is not independent trust. Verify with keys the notary publishes elsewhere (--key or --trust).",
        VerifiedWithTrustedKeys = sources => $"the receipt verifies with your trusted keys (from {sources}):",
        OpeningAdded = salt => $"the receipt names the depositor (from the salt file {salt} and the depositor key)",
        OpeningKept = "kept the receipt's depositor opening",
        NoOpeningWithoutSalt = "the receipt does not name the depositor: no salt file (--salt)",
        NoOpeningWithoutKey = path => $"the receipt does not name the depositor: no depositor key at {path}",
        LogGrew = (oldSize, newSize) => $"the log grew consistently from tree size {oldSize} to {newSize} (consistency proof verified)",
        LogUnchanged = treeSize => $"the checkpoint is unchanged (tree size {treeSize})",
        CheckpointHeading = (url, treeSize) => $"latest checkpoint of {url} (tree size {treeSize}):",
        CheckpointVerified = "verified: the checkpoint is signed by these trusted keys:",
        CheckpointNotVerified = "not verified: no trusted key was given (--key or --trust).",
        CheckpointSaved = path => $"checkpoint saved: {path}",
        ProofHeading = (first, second, count) => $"consistency proof from tree size {first} to {second} ({count} {(count == 1 ? "hash" : "hashes")}, base64):",
        ConsistencyVerified = (first, second, sources) => $"verified: the checkpoint of tree size {second} extends the one of tree size {first} (checkpoints: {sources}; both signed by trusted keys)",
        TheServersLatest = "the server's latest checkpoint",
        NotAnExtension = "the later checkpoint's log does not extend the earlier one's: the log was rewritten or forked",
        LogInfoFrom = url => $"the log information published by {url}",
        PromiseFrom = url => $"the promise from {url}",
        ReceiptFrom = url => $"the receipt from {url}",
        ReceiptWithTrustedKeys = "the receipt, checked with your trusted keys,",
        CheckpointFrom = url => $"the checkpoint from {url}",
        CheckpointFile = path => $"the checkpoint file {path}",
        ConsistencyProofFrom = url => $"the consistency proof from {url}",
        DoesNotVerify = (subject, sentence, name, detail) => $"{subject} does not verify: {sentence} [{name}] (detail: {detail})",
        ServerUnreachable = (url, detail) => $"cannot reach the server at {url}: {detail} (check --server or EVIDENCECHAIN_SERVER)",
        ServerFailed = (url, code, detail) => $"the server at {url} refused or failed the request ({code}): {detail}",
        NotAuthenticated = (url, detail) => $"the server at {url} did not accept who you are (UNAUTHENTICATED): {detail} (check --cert and --cert-key)",
        PermissionDenied = (url, detail) => $"the server at {url} does not allow this (PERMISSION_DENIED): {detail}",
        SaltFileKept = path => $"; the salt file {path} is kept in case the server did accept the deposit; once sure it did not, delete it and deposit again",
        SaltFileRemoved = path => $"; nothing was deposited, and the salt file {path} just written was removed",
        UpdateHint = path => $"; to update it, run evidencechain receipt {path}, or choose another file with --out",
        AcceptedRunReceiptLater = command => $"; the deposit is accepted and its promise saved: later, run {command}",
        Problems = new Dictionary<OnlineProblem, Func<string, string, string>>
        {
            [OnlineProblem.ServerAddressInvalid] = (value, _) => $"'{value}' is not a server address: give http://host:port or https://host:port",
            [OnlineProblem.DepositorKeyOpenToOthers] = (path, mode) => $"the depositor key {path} can be read or changed by other users (mode {mode}) and is not used; run chmod 600 {path}",
            [OnlineProblem.DepositorKeyMalformed] = (path, detail) => $"{path} is not a depositor key file (one line of base64, 32 bytes): {detail}",
            [OnlineProblem.DepositFileExists] = (path, _) => $"{path} already exists; nothing was deposited, so that no earlier deposit's file is overwritten. Choose another folder with --out, or move the file away first",
            [OnlineProblem.OutputFileExists] = (path, hint) => $"{path} already exists and is not overwritten{hint}",
            [OnlineProblem.OutputInsideContent] = (path, directory) => $"the output folder {path} is inside the deposited directory {directory}, and writing there would change the content; choose another --out",
            [OnlineProblem.OutputDirectoryNotFound] = (path, _) => $"the output folder {path} does not exist",
            [OnlineProblem.Unwritable] = (path, detail) => $"cannot write {path}: {detail}",
            [OnlineProblem.DepositIdMalformed] = (value, _) => $"'{value}' is neither a deposit id (64 lowercase hex digits) nor a receipt file",
            [OnlineProblem.LeafIndexMalformed] = (value, _) => $"'{value}' is not a leaf index (a decimal number)",
            [OnlineProblem.ReceiptFileMalformed] = (path, detail) => $"{path} is not a valid receipt file: {detail}",
            [OnlineProblem.CheckpointSizeMismatch] = (path, size) => $"the checkpoint file {path} has tree size {size}, not the size given on the command line",
            [OnlineProblem.NewCheckpointNeeded] = (size, _) => $"to verify up to tree size {size}, give a checkpoint of that size with --new-checkpoint (without it the new checkpoint is the server's latest, and NEW must be 0)",
            [OnlineProblem.CaNeeded] = (url, _) => $"the server {url} is https: give the deployment CA certificate with --ca or EVIDENCECHAIN_CA, to check the server's certificate",
            [OnlineProblem.CertificateKeyNeeded] = (path, _) => $"the certificate {path} is given without its private key: give it with --cert-key or EVIDENCECHAIN_KEY",
            [OnlineProblem.CertificateNeeded] = (path, _) => $"the private key {path} is given without its certificate: give it with --cert or EVIDENCECHAIN_CERT",
            [OnlineProblem.CaFileNotCa] = (path, subject) => $"{path} is not a CA certificate ({subject}): --ca takes the deployment CA certificate, ca.crt.pem",
            [OnlineProblem.ServerCertificateRefused] = (url, detail) => $"the server {url} is not trusted, and nothing was sent: {detail} (is --ca this deployment's CA certificate?)",
            [OnlineProblem.PartyIdMalformed] = (value, _) => $"'{value}' is not a party id (32 lowercase hex digits)",
            [OnlineProblem.PublicKeyMalformed] = (value, _) => $"'{value}' is not a depositor public key (64 hex digits, a 32-byte Ed25519 key)",
            [OnlineProblem.FingerprintMalformed] = (value, _) => $"'{value}' is not a fingerprint (64 hex digits of SHA-256)",
            [OnlineProblem.KeySourceNeeded] = (_, _) => "give exactly one of --key-file, --public-key and --sm2",
            [OnlineProblem.DepositorKeyNotFound] = (path, _) => $"there is no depositor key at {path}",
            [OnlineProblem.Sm2KeyOpenToOthers] = (path, mode) => $"the SM2 request key {path} can be read or changed by other users (mode {mode}) and is not used; run chmod 600 {path}",
            [OnlineProblem.Sm2KeyMalformed] = (path, detail) => $"{path} is not an SM2 request key file (one line of base64, 32 bytes): {detail}",
            [OnlineProblem.Sm2PublicKeyMalformed] = (value, _) => $"'{value}' is not an SM2 public key (130 hex digits of the uncompressed point 04‖x‖y, or a file holding them or a PEM public key)",
            [OnlineProblem.UserIdWithoutSm2] = (_, _) => "--user-id is for SM2 public keys (--sm2) only",
            [OnlineProblem.UserIdTooLong] = (length, _) => $"an SM2 user ID has at most 255 bytes, not {length}",
            [OnlineProblem.LocatorMalformed] = (value, _) => $"'{value}' is neither a locator (32 lowercase hex digits) nor a locator id (64 lowercase hex digits)",
            [OnlineProblem.AccountIdMalformed] = (value, _) => $"'{value}' is not a ledger account id (32 lowercase hex digits)",
            [OnlineProblem.IncidentIdMalformed] = (value, _) => $"'{value}' is not a bank incident id (32 lowercase hex digits)",
            [OnlineProblem.PaymentOrderMalformed] = (value, _) => $"'{value}' is not a payment order: give TRANSFER_ID,PAYEE_ACCOUNT,PAYEE_NAME (the transfer id in 32 lowercase hex digits, a name without comma)",
            [OnlineProblem.DateMalformed] = (value, _) => $"'{value}' is not a date (YYYY-MM-DD)",
            [OnlineProblem.InterestClaimMalformed] = (value, _) => $"'{value}' is not an interest claim: give SUB_ACCOUNT,PAYEE (the payee receives its interest) or SUB_ACCOUNT,self (it keeps its own), accounts in 32 lowercase hex digits",
            [OnlineProblem.TransferIdMalformed] = (value, _) => $"'{value}' is not a transfer id (32 lowercase hex digits)",
            [OnlineProblem.StatementFileTooLarge] = (path, length) => $"the bank statement {path} has {length} bytes, more than the 8,388,608 a statement may have; it was not read",
            [OnlineProblem.CaseIdMalformed] = (value, _) => $"'{value}' is not a case id (32 lowercase hex digits, not all 0 and not all f)",
            [OnlineProblem.CaseEventUnknown] = (value, names) => $"'{value}' is not a case event: give one of {names}, or its number",
            [OnlineProblem.ArtefactTypeUnknown] = (value, names) => $"'{value}' is not an artefact type: give one of {names}, or its number",
            [OnlineProblem.CaseKeyOpenToOthers] = (path, mode) => $"the signing key {path} can be read or changed by other users (mode {mode}) and is not used; run chmod 600 {path}",
            [OnlineProblem.CaseKeyMalformed] = (path, detail) => $"{path} is not a signing key file (one line of base64, a 32-byte Ed25519 seed): {detail}",
            [OnlineProblem.ArtefactInvalid] = (_, detail) => $"no artefact can be made of this: {detail}",
            [OnlineProblem.ConditionsFileMalformed] = (path, detail) => $"{path} is not a condition set JSON file (see docs/service.md): {detail}",
            [OnlineProblem.PayeeMalformed] = (value, _) => $"'{value}' is not a payee: give ACCOUNT,NAME (a name without comma)",
            [OnlineProblem.ApprovalMessageMalformed] = (path, detail) => $"{path} is not a payout approval message (one line of base64, as case propose --out saves it), and is not signed: {detail}",
            [OnlineProblem.ApprovalFileMalformed] = (path, detail) => $"{path} is not an approval file (the JSON case approve writes): {detail}",
            [OnlineProblem.CaseEventRefused] = (rule, detail) => $"the server would refuse this event: {rule}: {detail}",
            [OnlineProblem.PlanFileMalformed] = (path, detail) => $"{path} is not a distribution plan or claim tiers JSON file (see docs/service.md): {detail}",
            [OnlineProblem.AssetIdMalformed] = (id, _) => $"the asset id {id} is not 32 lowercase hex digits (nor all zeros or all f)",
            [OnlineProblem.PledgeIdMalformed] = (id, _) => $"the pledge id {id} is not 32 lowercase hex digits (nor all zeros or all f)",
            [OnlineProblem.PledgeEventUnknown] = (name, detail) => $"there is no pledge event {name}; the events are: {detail}",
            [OnlineProblem.PledgeCommandFileMalformed] = (path, detail) => $"{path} is not a pledge event fields JSON file (see docs/pledges.md §CLI): {detail}",
            [OnlineProblem.PledgeMessageMalformed] = (path, detail) => $"{path} is not a pledge event message (one line of base64, as pledge propose --out saves it), and is not signed: {detail}",
            [OnlineProblem.PledgeSignatureFileMalformed] = (path, detail) => $"{path} is not a signature file (the JSON pledge sign writes): {detail}",
            [OnlineProblem.PledgeEventRefused] = (rule, detail) => $"the server would refuse this pledge event: {rule}: {detail}",
            [OnlineProblem.EncumbranceFileMalformed] = (path, detail) => $"{path} is not an encumbrance statement file (as pledge statement -o saves it): {detail}",
        },
    };

    public required Func<string, string> Server { get; init; }

    /// <summary>(path, localized content kind).</summary>
    public required Func<string, string, string> Content { get; init; }

    public required Func<string, string> DepositorKeyCreated { get; init; }

    public required Func<string, string> SaltFileWritten { get; init; }

    public required Func<string, string> SaltWarning { get; init; }

    /// <summary>(deposit id, leaf index).</summary>
    public required Func<string, ulong, string> Accepted { get; init; }

    public required Func<string, string> PromiseSaved { get; init; }

    public required Func<int, string> Waiting { get; init; }

    public required Func<ulong, string> Included { get; init; }

    public required Func<string, string> ReceiptSaved { get; init; }

    public required Func<string, string> ReceiptUpdated { get; init; }

    /// <summary>(seconds waited, the <c>receipt</c> command line to run later).</summary>
    public required Func<int, string, string> WaitTimedOut { get; init; }

    public required string NotYetIncluded { get; init; }

    /// <summary>A deposit the file proves acknowledged, which the log no longer holds (restored from an older backup): id, leaf index, the file.</summary>
    public required Func<string, ulong, string, string> NotInRestoredLog { get; init; }

    public required string VerifiedWithLogKeys { get; init; }

    public required string LogKeysNotIndependent { get; init; }

    public required Func<string, string> VerifiedWithTrustedKeys { get; init; }

    public required Func<string, string> OpeningAdded { get; init; }

    public required string OpeningKept { get; init; }

    public required string NoOpeningWithoutSalt { get; init; }

    public required Func<string, string> NoOpeningWithoutKey { get; init; }

    public required Func<ulong, ulong, string> LogGrew { get; init; }

    public required Func<ulong, string> LogUnchanged { get; init; }

    public required Func<string, ulong, string> CheckpointHeading { get; init; }

    public required string CheckpointVerified { get; init; }

    public required string CheckpointNotVerified { get; init; }

    public required Func<string, string> CheckpointSaved { get; init; }

    /// <summary>(first tree size, second tree size, hash count).</summary>
    public required Func<ulong, ulong, int, string> ProofHeading { get; init; }

    /// <summary>(first tree size, second tree size, where the checkpoints came from).</summary>
    public required Func<ulong, ulong, string, string> ConsistencyVerified { get; init; }

    public required string TheServersLatest { get; init; }

    /// <summary>What a consistency failure means, instead of the inclusion-proof sentence of the report table.</summary>
    public required string NotAnExtension { get; init; }

    public required Func<string, string> LogInfoFrom { get; init; }

    public required Func<string, string> PromiseFrom { get; init; }

    public required Func<string, string> ReceiptFrom { get; init; }

    public required string ReceiptWithTrustedKeys { get; init; }

    public required Func<string, string> CheckpointFrom { get; init; }

    public required Func<string, string> CheckpointFile { get; init; }

    public required Func<string, string> ConsistencyProofFrom { get; init; }

    /// <summary>(subject, localized failure, stable failure name, Core's detail).</summary>
    public required Func<string, string, string, string, string> DoesNotVerify { get; init; }

    /// <summary>(server address, what the connection attempt reported).</summary>
    public required Func<string, string, string> ServerUnreachable { get; init; }

    /// <summary>(server address, gRPC status code, the server's message).</summary>
    public required Func<string, StatusCode, string, string> ServerFailed { get; init; }

    /// <summary>(server address, the server's reason): the caller's certificate was not accepted.</summary>
    public required Func<string, string, string> NotAuthenticated { get; init; }

    /// <summary>(server address, the server's reason): the caller's party may not do this.</summary>
    public required Func<string, string, string> PermissionDenied { get; init; }

    /// <summary>Appended to a failed deposit's error line when the salt file was already written.</summary>
    public required Func<string, string> SaltFileKept { get; init; }

    /// <summary>Appended to a refused deposit's error line: the server certainly did not accept it.</summary>
    public required Func<string, string> SaltFileRemoved { get; init; }

    /// <summary>Ends the error line of a deposit that was accepted when waiting for its receipt failed.</summary>
    public required Func<string, string> AcceptedRunReceiptLater { get; init; }

    /// <summary>Ends the "already exists" error for a receipt file: how to update it instead.</summary>
    public required Func<string, string> UpdateHint { get; init; }

    /// <summary>Each problem's sentence, given the subject (a path or value) and the detail.</summary>
    public required IReadOnlyDictionary<OnlineProblem, Func<string, string, string>> Problems { get; init; }

    /// <summary>The table for a <c>--lang</c> value; Chinese unless English is asked for.</summary>
    public static OnlineText For(string? languageCode) => languageCode == Offline.Internal.ReportText.EnglishCode ? English : Chinese;

    public string Describe(OnlineProblem problem, string subject, string detail) =>
        Problems.TryGetValue(problem, out Func<string, string, string>? line) ? line(subject, detail) : $"{problem}: {subject} {detail}";
}
