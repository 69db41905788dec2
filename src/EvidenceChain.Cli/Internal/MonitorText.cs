namespace EvidenceChain.Cli.Internal;

/// <summary>
/// Every sentence <c>monitor</c> prints, once per language, beside <see cref="OnlineText"/> (whose
/// server messages and the report's error prefix it shares). Chinese is the default. Roots are
/// printed in full (hex), so an alarm line can be compared with a block explorer as it stands.
/// </summary>
internal sealed class MonitorText
{
    public static MonitorText Chinese { get; } = new()
    {
        Heading = origin => $"监控日志：{origin}",
        LogIdLine = logId => $"日志标识（起源的 SHA-256）：{logId}",
        ContractPinned = (contract, chainId, rpc) => $"锚定合约：{contract}，链 {chainId}（{rpc}；由 --contract 指定）",
        ContractFromServer = (contract, chainId, rpc) => $"锚定合约：{contract}，链 {chainId}（{rpc}；取自服务器，建议用 --contract 固定）",
        ServerNamesOtherContract = contract => $"注意：服务器声称锚定在合约 {contract}；按 --contract 监控指定的合约",
        Resumed = (treeSize, blockNumber, path) => $"从状态文件 {path} 继续：树大小 {treeSize} 的已核验锚定（区块 {blockNumber}）仍在链上",
        Anchor = (treeSize, root, blockNumber, transaction) => $"树大小 {treeSize} 的锚定（根 {root}，区块 {blockNumber}，交易 {transaction}）",
        FirstAnchor = anchor => $"{anchor}：首个检查的锚定",
        AnchorVerified = (anchor, previousTreeSize) => $"{anchor}：是树大小 {previousTreeSize} 的锚定的延续（一致性证明已核验）",
        CheckpointExtends = (checkpointTreeSize, anchorTreeSize) => $"服务器的最新签名检查点（树大小 {checkpointTreeSize}）是树大小 {anchorTreeSize} 的锚定的延续（一致性证明已核验）",
        CheckpointIsAnchored = treeSize => $"服务器的最新签名检查点（树大小 {treeSize}）就是最后一个锚定",
        CheckpointKeysFromServer = "注意：检查点签名是用服务器公布的公钥核验的；请用公证处另行公布的公钥（--key 或 --trust）获得独立的信任。",
        Summary = (count, firstTreeSize, lastTreeSize, fromBlock, toBlock) => $"一致：区块 {fromBlock} 至 {toBlock} 中新核验 {count} 个锚定（树大小 {firstTreeSize} 至 {lastTreeSize}）",
        SummaryNoNew = (treeSize, fromBlock, toBlock) => $"一致：区块 {fromBlock} 至 {toBlock} 中没有新的锚定；最后核验的锚定为树大小 {treeSize}",
        SummaryNone = (fromBlock, toBlock) => $"区块 {fromBlock} 至 {toBlock} 中还没有这个日志的锚定",
        StateSaved = path => $"状态：{path}",
        Waiting = seconds => $"{seconds} 秒后再次检查（Ctrl+C 结束）",
        Retrying = seconds => $"；{seconds} 秒后重试",
        AlarmLine = (sentence, name, detail) => $"发现不一致：{sentence} [{name}]（技术细节：{detail}）",
        AnchorsInconsistent = (anchor, previous) => $"链上{anchor}不是{previous}的延续：日志被改写或分叉了",
        AnchorBeyondLog = (anchor, checkpointTreeSize) => $"链上{anchor}的树大小超过了日志最新签名检查点的树大小 {checkpointTreeSize}：锚定的树不是这个日志的",
        CheckpointInconsistent = (checkpointTreeSize, checkpointRoot, anchor) => $"服务器的最新签名检查点（树大小 {checkpointTreeSize}，根 {checkpointRoot}）不是链上{anchor}的延续：日志被改写或分叉了",
        VerifiedAnchorMissing = (anchor, path) => $"以前核验过的{anchor}（状态文件 {path}）已不在链上",
        VerifiedAnchorChanged = (anchor, chainRoot, path) => $"以前核验过的{anchor}（状态文件 {path}）在链上变成了根 {chainRoot}",
        LogIdMismatch = (serverLogId, logId) => $"服务器说链上的日志标识是 {serverLogId}，但其起源的 SHA-256 是 {logId}",
        TreeSizeRepeated = (anchor, previous) => $"链上有两个同一树大小的锚定：{previous}和{anchor}",
        Problems = new Dictionary<MonitorProblem, Func<string, string, string>>
        {
            [MonitorProblem.RpcAddressInvalid] = (value, _) => $"“{value}”不是链的 RPC 地址：应为 http://主机:端口 或 https://…",
            [MonitorProblem.ContractAddressInvalid] = (value, _) => $"“{value}”不是合约地址：应为 0x 加 40 位十六进制数",
            [MonitorProblem.ContractUnknown] = (server, _) => $"服务器 {server} 没有说明锚定在哪个合约上；请用 --contract 0x… 指定",
            [MonitorProblem.ContractNotFound] = (contract, chain) => $"链 {chain} 上的 {contract} 处没有合约；请检查 --contract 和 --rpc",
            [MonitorProblem.NotAnAnchorContract] = (contract, detail) => $"{contract} 不是 EvidenceAnchor 合约：{detail}；请检查 --contract",
            [MonitorProblem.ChainMismatch] = (rpc, detail) => $"{rpc} 上的链不是服务器锚定的链：{detail}；请检查 --rpc",
            [MonitorProblem.GenesisMismatch] = (rpc, detail) => $"{rpc} 上的链与服务器锚定的链创世区块不同：{detail}；请检查 --rpc",
            [MonitorProblem.AnchorKindUnsupported] = (kind, _) => $"服务器锚定在“{kind}”类型的链上；本命令只读取 evm 链",
            [MonitorProblem.ChainUnreadable] = (rpc, detail) => $"无法读取 {rpc} 上的链：{detail}（请检查 --rpc）",
            [MonitorProblem.EventsIncomplete] = (rpc, detail) => $"{rpc} 返回的锚定事件不完整：{detail}",
            [MonitorProblem.StateFileMalformed] = (path, detail) => $"{path} 不是监控状态文件：{detail}",
            [MonitorProblem.StateOfAnotherLog] = (path, detail) => $"状态文件 {path} 属于另一个日志、链或合约（{detail}）；请用 --state 另选文件",
        },
    };

    public static MonitorText English { get; } = new()
    {
        Heading = origin => $"monitoring log {origin}",
        LogIdLine = logId => $"log id (SHA-256 of the origin): {logId}",
        ContractPinned = (contract, chainId, rpc) => $"anchor contract {contract} on chain {chainId} ({rpc}; pinned with --contract)",
        ContractFromServer = (contract, chainId, rpc) => $"anchor contract {contract} on chain {chainId} ({rpc}; named by the server: pin it with --contract)",
        ServerNamesOtherContract = contract => $"note: the server says it anchors on contract {contract}; monitoring the contract given with --contract",
        Resumed = (treeSize, blockNumber, path) => $"resuming from {path}: the verified anchor of tree size {treeSize} (block {blockNumber}) is still on chain",
        Anchor = (treeSize, root, blockNumber, transaction) => $"tree size {treeSize} (root {root}, block {blockNumber}, transaction {transaction})",
        FirstAnchor = anchor => $"anchor {anchor}: the first one checked",
        AnchorVerified = (anchor, previousTreeSize) => $"anchor {anchor}: extends tree size {previousTreeSize} (consistency proof verified)",
        CheckpointExtends = (checkpointTreeSize, anchorTreeSize) => $"the server's latest signed checkpoint (tree size {checkpointTreeSize}) extends the anchor of tree size {anchorTreeSize} (consistency proof verified)",
        CheckpointIsAnchored = treeSize => $"the server's latest signed checkpoint (tree size {treeSize}) is the last anchored one",
        CheckpointKeysFromServer = "note: the checkpoint's signatures were checked with the keys the server publishes; give the keys the notary publishes elsewhere (--key or --trust) for independent trust.",
        Summary = (count, firstTreeSize, lastTreeSize, fromBlock, toBlock) => count == 1
            ? $"consistent: 1 new anchor verified in blocks {fromBlock} to {toBlock} (tree size {lastTreeSize})"
            : $"consistent: {count} new anchors verified in blocks {fromBlock} to {toBlock} (tree sizes {firstTreeSize} to {lastTreeSize})",
        SummaryNoNew = (treeSize, fromBlock, toBlock) => $"consistent: no new anchors in blocks {fromBlock} to {toBlock}; the last verified anchor is of tree size {treeSize}",
        SummaryNone = (fromBlock, toBlock) => $"no anchor of this log in blocks {fromBlock} to {toBlock} yet",
        StateSaved = path => $"state: {path}",
        Waiting = seconds => $"checking again in {seconds} s (Ctrl+C to stop)",
        Retrying = seconds => $"; retrying in {seconds} s",
        AlarmLine = (sentence, name, detail) => $"INCONSISTENT: {sentence} [{name}] (details: {detail})",
        AnchorsInconsistent = (anchor, previous) => $"the anchor of {anchor} does not extend the anchor of {previous}: the log was rewritten or forked",
        AnchorBeyondLog = (anchor, checkpointTreeSize) => $"the anchor of {anchor} is beyond the log's latest signed checkpoint, of tree size {checkpointTreeSize}: the anchored tree is not this log's",
        CheckpointInconsistent = (checkpointTreeSize, checkpointRoot, anchor) => $"the server's latest signed checkpoint (tree size {checkpointTreeSize}, root {checkpointRoot}) does not extend the anchor of {anchor}: the log was rewritten or forked",
        VerifiedAnchorMissing = (anchor, path) => $"the anchor of {anchor}, verified before (state file {path}), is no longer on chain",
        VerifiedAnchorChanged = (anchor, chainRoot, path) => $"the anchor of {anchor}, verified before (state file {path}), now has root {chainRoot} on chain",
        LogIdMismatch = (serverLogId, logId) => $"the server names the log id {serverLogId} for the chain, but SHA-256 of its origin is {logId}",
        TreeSizeRepeated = (anchor, previous) => $"two anchors of the same tree size on chain: {previous} and {anchor}",
        Problems = new Dictionary<MonitorProblem, Func<string, string, string>>
        {
            [MonitorProblem.RpcAddressInvalid] = (value, _) => $"'{value}' is not a chain RPC address: it should be http://host:port or https://…",
            [MonitorProblem.ContractAddressInvalid] = (value, _) => $"'{value}' is not a contract address: it should be 0x and 40 hex digits",
            [MonitorProblem.ContractUnknown] = (server, _) => $"the server {server} does not say which contract it anchors on; give it with --contract 0x…",
            [MonitorProblem.ContractNotFound] = (contract, chain) => $"there is no contract at {contract} on chain {chain}; check --contract and --rpc",
            [MonitorProblem.NotAnAnchorContract] = (contract, detail) => $"{contract} is not an EvidenceAnchor contract: {detail}; check --contract",
            [MonitorProblem.ChainMismatch] = (rpc, detail) => $"the chain at {rpc} is not the one the server anchors on: {detail}; check --rpc",
            [MonitorProblem.GenesisMismatch] = (rpc, detail) => $"the chain at {rpc} has another genesis block than the one the server anchors on: {detail}; check --rpc",
            [MonitorProblem.AnchorKindUnsupported] = (kind, _) => $"the server anchors on a chain of kind '{kind}'; this command reads evm chains only",
            [MonitorProblem.ChainUnreadable] = (rpc, detail) => $"cannot read the chain at {rpc}: {detail} (check --rpc)",
            [MonitorProblem.EventsIncomplete] = (rpc, detail) => $"the anchor events from {rpc} are incomplete: {detail}",
            [MonitorProblem.StateFileMalformed] = (path, detail) => $"{path} is not a monitor state file: {detail}",
            [MonitorProblem.StateOfAnotherLog] = (path, detail) => $"the state file {path} is of another log, chain or contract ({detail}); choose another with --state",
        },
    };

    public required Func<string, string> Heading { get; init; }

    public required Func<string, string> LogIdLine { get; init; }

    /// <summary>(contract, chain id, RPC address).</summary>
    public required Func<string, ulong, string, string> ContractPinned { get; init; }

    /// <summary>(contract, chain id, RPC address).</summary>
    public required Func<string, ulong, string, string> ContractFromServer { get; init; }

    public required Func<string, string> ServerNamesOtherContract { get; init; }

    /// <summary>(tree size, block number, state file).</summary>
    public required Func<ulong, ulong, string, string> Resumed { get; init; }

    /// <summary>(tree size, root hex, block number, transaction hash): how an anchor is named everywhere.</summary>
    public required Func<ulong, string, ulong, string, string> Anchor { get; init; }

    public required Func<string, string> FirstAnchor { get; init; }

    /// <summary>(the anchor, the previous anchor's tree size).</summary>
    public required Func<string, ulong, string> AnchorVerified { get; init; }

    /// <summary>(checkpoint tree size, last anchor's tree size).</summary>
    public required Func<ulong, ulong, string> CheckpointExtends { get; init; }

    public required Func<ulong, string> CheckpointIsAnchored { get; init; }

    public required string CheckpointKeysFromServer { get; init; }

    /// <summary>(count, first tree size, last tree size, first block, last block).</summary>
    public required Func<int, ulong, ulong, ulong, ulong, string> Summary { get; init; }

    /// <summary>(last verified tree size, first block, last block).</summary>
    public required Func<ulong, ulong, ulong, string> SummaryNoNew { get; init; }

    /// <summary>(first block, last block).</summary>
    public required Func<ulong, ulong, string> SummaryNone { get; init; }

    public required Func<string, string> StateSaved { get; init; }

    public required Func<uint, string> Waiting { get; init; }

    /// <summary>Ends a <c>--watch</c> round's error line: the next round comes anyway.</summary>
    public required Func<uint, string> Retrying { get; init; }

    /// <summary>(sentence, alarm name, technical detail).</summary>
    public required Func<string, string, string, string> AlarmLine { get; init; }

    /// <summary>(the offending anchor, the previous anchor).</summary>
    public required Func<string, string, string> AnchorsInconsistent { get; init; }

    /// <summary>(the offending anchor, the latest checkpoint's tree size).</summary>
    public required Func<string, ulong, string> AnchorBeyondLog { get; init; }

    /// <summary>(checkpoint tree size, checkpoint root, the last anchor).</summary>
    public required Func<ulong, string, string, string> CheckpointInconsistent { get; init; }

    /// <summary>(the anchor from the state file, the state file).</summary>
    public required Func<string, string, string> VerifiedAnchorMissing { get; init; }

    /// <summary>(the anchor from the state file, the root on chain now, the state file).</summary>
    public required Func<string, string, string, string> VerifiedAnchorChanged { get; init; }

    /// <summary>(the server's log id, SHA-256 of the origin).</summary>
    public required Func<string, string, string> LogIdMismatch { get; init; }

    /// <summary>(the second anchor, the first).</summary>
    public required Func<string, string, string> TreeSizeRepeated { get; init; }

    /// <summary>Each problem's sentence, given the subject (a value, address or path) and the detail.</summary>
    public required IReadOnlyDictionary<MonitorProblem, Func<string, string, string>> Problems { get; init; }

    /// <summary>The table for a <c>--lang</c> value; Chinese unless English is asked for.</summary>
    public static MonitorText For(string? languageCode) => languageCode == Offline.Internal.ReportText.EnglishCode ? English : Chinese;

    public string Describe(MonitorProblem problem, string subject, string detail) =>
        Problems.TryGetValue(problem, out Func<string, string, string>? line) ? line(subject, detail) : $"{problem}: {subject} {detail}";

    public string Describe(MonitorAnchor anchor)
    {
        ArgumentNullException.ThrowIfNull(anchor);
        return Anchor(anchor.TreeSize, anchor.Root.ToHex(), anchor.BlockNumber, anchor.TransactionHash);
    }

    public string Describe(MonitorAlarmException alarm)
    {
        ArgumentNullException.ThrowIfNull(alarm);
        return AlarmLine(alarm.Sentence, alarm.Alarm.ToString(), alarm.Detail);
    }
}
