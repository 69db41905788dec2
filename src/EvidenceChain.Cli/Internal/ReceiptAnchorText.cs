using EvidenceChain.Cli.Offline.Internal;
using EvidenceChain.Core.Receipts;

namespace EvidenceChain.Cli.Internal;

/// <summary>
/// What <c>receipt</c> prints about chain anchors, once per language, beside <see cref="OnlineText"/>
/// (whose error prefix and lines it shares) and the report's anchor state names in <see cref="ReportText"/>.
/// Chinese is the default. Tests check that both languages have every sentence and that they differ.
/// </summary>
internal sealed class ReceiptAnchorText
{
    public static ReceiptAnchorText Chinese { get; } = new()
    {
        Waiting = (state, seconds) => $"正在等待覆盖本次存证的区块链锚定达到“{state}”（最多 {seconds} 秒）……",
        Landed = (state, chainId, contract, treeSize, transaction, blockNumber, blockHash, blockTime) =>
            $"区块链锚定：{state}，链 ID {chainId}，合约 {contract}，树大小 {treeSize}；交易 {transaction}，区块 {blockNumber}（{blockHash}，{blockTime} UTC）；区块证明已离线核验",
        Pending = (state, chainId, contract, treeSize) => $"区块链锚定：{state}，链 ID {chainId}，合约 {contract}，树大小 {treeSize}；尚未进入区块",
        Lost = (state, chainId, contract, treeSize) => $"区块链锚定：{state}，链 ID {chainId}，合约 {contract}，树大小 {treeSize}；承载它的链已被重置，它不再证明任何事",
        NoAnchorYet = "尚无区块链锚定覆盖本回执的检查点",
        CheckOnChain = "要确认锚定区块位于链的规范历史上并已最终确认，请用您信任的以太坊节点核验：evidencechain verify 回执 --file 内容 --salt 盐文件 --rpc 节点地址",
        AnchoredCheckpoint = (anchored, old) => $"回执改为针对已锚定的检查点（树大小 {anchored}）；原回执的检查点（树大小 {old}）是它的延续（一致性证明已核验）",
        TimedOut = (state, seconds, command) => $"{seconds} 秒内没有覆盖本次存证的锚定达到“{state}”；回执已按现有情况写入。请稍后运行：{command}",
        AnchoringOff = (url, state) => $"服务器 {url} 未在任何链上锚定其日志，无法等待锚定达到“{state}”",
        UntilStates = new Dictionary<AnchorState, string>
        {
            [AnchorState.Included] = "已上链",
            [AnchorState.Final] = "已最终确认",
        },
    };

    public static ReceiptAnchorText English { get; } = new()
    {
        Waiting = (state, seconds) => $"waiting up to {seconds} s for a chain anchor covering the deposit to be {state}…",
        Landed = (state, chainId, contract, treeSize, transaction, blockNumber, blockHash, blockTime) =>
            $"anchor: {state} on chain {chainId}, contract {contract}, tree size {treeSize}: transaction {transaction}, block {blockNumber} ({blockHash}, {blockTime} UTC); block proof verified offline",
        Pending = (state, chainId, contract, treeSize) => $"anchor: {state} on chain {chainId}, contract {contract}, tree size {treeSize}: not in a block yet",
        Lost = (state, chainId, contract, treeSize) => $"anchor: {state} on chain {chainId}, contract {contract}, tree size {treeSize}: the chain that held it was reset, so it proves nothing",
        NoAnchorYet = "no chain anchor covers this receipt's checkpoint yet",
        CheckOnChain = "to confirm that the anchor's block is canonical and final, verify with an Ethereum node you trust: evidencechain verify RECEIPT --file CONTENT --salt SALTFILE --rpc URL",
        AnchoredCheckpoint = (anchored, old) => $"the receipt now proves against the anchored checkpoint of tree size {anchored}; the old receipt's checkpoint of tree size {old} extends it (consistency proof verified)",
        TimedOut = (state, seconds, command) => $"no anchor covering the deposit was {state} within {seconds} s; the receipt was written with what there is. Later, run: {command}",
        AnchoringOff = (url, state) => $"the server at {url} anchors its log on no chain, so there is no anchor to wait for until it is {state}",
        UntilStates = new Dictionary<AnchorState, string>
        {
            [AnchorState.Included] = "included",
            [AnchorState.Final] = "final",
        },
    };

    /// <summary>(state name, seconds).</summary>
    public required Func<string, int, string> Waiting { get; init; }

    /// <summary>(state name, chain id, contract, anchored tree size, transaction hash, block number, block hash, block time).</summary>
    public required Func<string, long, string, ulong, string, ulong, string, string, string> Landed { get; init; }

    /// <summary>(state name, chain id, contract, anchored tree size).</summary>
    public required Func<string, long, string, ulong, string> Pending { get; init; }

    /// <summary>(state name, chain id, contract, anchored tree size).</summary>
    public required Func<string, long, string, ulong, string> Lost { get; init; }

    public required string NoAnchorYet { get; init; }

    public required string CheckOnChain { get; init; }

    /// <summary>(the anchored checkpoint's tree size, the old receipt's larger one).</summary>
    public required Func<ulong, ulong, string> AnchoredCheckpoint { get; init; }

    /// <summary>(state name, seconds waited, the command line to run later).</summary>
    public required Func<string, int, string, string> TimedOut { get; init; }

    /// <summary>(server address, state name).</summary>
    public required Func<string, string, string> AnchoringOff { get; init; }

    /// <summary>The states <c>--until</c> accepts, as the waiting and time-out lines name them.</summary>
    public required IReadOnlyDictionary<AnchorState, string> UntilStates { get; init; }

    /// <summary>The table for a <c>--lang</c> value; Chinese unless English is asked for.</summary>
    public static ReceiptAnchorText For(string? languageCode) => languageCode == ReportText.EnglishCode ? English : Chinese;

    public string UntilState(AnchorState state) => UntilStates.TryGetValue(state, out string? name) ? name : state.ToString();
}
