using System.Globalization;
using EvidenceChain.Chain.Ethereum.Internal;
using EvidenceChain.Core.Hashing;
using Nethereum.ABI.FunctionEncoding;
using Nethereum.Contracts;
using Nethereum.JsonRpc.Client;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Web3;

namespace EvidenceChain.Chain.Ethereum;

/// <summary>
/// Reads a log's anchors from the EvidenceAnchor contract, without an account: what a monitor that
/// holds no key needs. Anchored events are fetched with <c>eth_getLogs</c> over block ranges of at
/// most <see cref="BlockRangeMaxBlocks"/> blocks (public nodes refuse larger ones), filtered by the
/// contract's address, the Anchored signature (topic 0) and the log id (topic 1).
/// </summary>
/// <remarks>
/// The topics are written out here rather than built by Nethereum's <c>CreateFilterInput(byte[])</c>:
/// with Nethereum.Contracts 6.1.0 a byte array there binds to the overload that takes a list of
/// alternatives, so each of the 32 bytes becomes its own padded topic (0x…01, 0x…02, …) and the
/// filter selects none of the log's events (<c>CreateFilterInput&lt;byte[]&gt;</c> would work). Every log
/// the node returns is checked against the filter anyway: a node that hands back another log's
/// events, or another contract's, is refused with <see cref="ChainReadException"/> rather than
/// believed. Nethereum types do not leave this class.
/// </remarks>
public sealed class AnchorEventReader : IDisposable
{
    /// <summary>The largest block range asked for in one <c>eth_getLogs</c>.</summary>
    public const ulong BlockRangeMaxBlocks = 10_000;

    /// <summary>One RPC call may take this long; a node that is slower is treated as unreachable.</summary>
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    private static readonly string s_anchoredTopic = "0x" + EventExtensions.GetEventABI<AnchoredEvent>().Sha3Signature.ToLowerInvariant();

    private readonly HttpClient _http;
    private readonly Web3 _web3;

    /// <param name="rpc">The node's JSON-RPC address.</param>
    /// <param name="contractAddress">The EvidenceAnchor contract: 0x and 40 hex digits.</param>
    public AnchorEventReader(Uri rpc, string contractAddress)
    {
        ArgumentNullException.ThrowIfNull(rpc);
        ArgumentNullException.ThrowIfNull(contractAddress);
        if (!IsAddress(contractAddress))
        {
            throw new ArgumentException($"'{contractAddress}' is not an address (0x and 40 hex digits).", nameof(contractAddress));
        }

        Rpc = rpc;
        ContractAddress = contractAddress.ToLowerInvariant();
        _http = new HttpClient { Timeout = CallTimeout };
        _web3 = new Web3(new RpcClient(rpc, _http, null, null, null));
    }

    public Uri Rpc { get; }

    /// <summary>The contract's address, lowercase.</summary>
    public string ContractAddress { get; }

    /// <summary>Whether <paramref name="text"/> is an address: 0x and 40 hex digits (any case).</summary>
    public static bool IsAddress(string text) =>
        text is { Length: 42 } && text.StartsWith("0x", StringComparison.Ordinal) && text.AsSpan(2).ContainsAnyExcept(HexDigits) is false;

    /// <summary>The chain's id (<c>eth_chainId</c>).</summary>
    public Task<ulong> ChainIdAsync(CancellationToken cancellationToken) =>
        CallAsync(async () => ToUInt64((await _web3.Eth.ChainId.SendRequestAsync().ConfigureAwait(false)).Value), "eth_chainId", cancellationToken);

    /// <summary>The number of the newest block.</summary>
    public Task<ulong> BlockNumberAsync(CancellationToken cancellationToken) =>
        CallAsync(async () => ToUInt64((await _web3.Eth.Blocks.GetBlockNumber.SendRequestAsync().ConfigureAwait(false)).Value), "eth_blockNumber", cancellationToken);

    /// <summary>The hash of the canonical block at <paramref name="blockNumber"/> (0x, lowercase), or null if the chain is shorter.</summary>
    public Task<string?> BlockHashAsync(ulong blockNumber, CancellationToken cancellationToken) =>
        CallAsync(
            async () =>
            {
                BlockWithTransactionHashes? block = await _web3.Eth.Blocks.GetBlockWithTransactionsHashesByNumber
                    .SendRequestAsync(new BlockParameter(blockNumber)).ConfigureAwait(false);
                return block?.BlockHash?.ToLowerInvariant();
            },
            "eth_getBlockByNumber",
            cancellationToken);

    /// <summary>Whether any code is deployed at the contract's address (a wrong address holds none).</summary>
    public Task<bool> HasCodeAsync(CancellationToken cancellationToken) =>
        CallAsync(
            async () =>
            {
                string code = await _web3.Eth.GetCode.SendRequestAsync(ContractAddress).ConfigureAwait(false);
                return !string.IsNullOrEmpty(code) && code != "0x";
            },
            "eth_getCode",
            cancellationToken);

    /// <summary>The contract's latest anchored tree size of the log, as of block <paramref name="blockNumber"/> (0: none).</summary>
    public Task<ulong> LatestTreeSizeAsync(Digest logId, ulong blockNumber, CancellationToken cancellationToken) =>
        CallAsync(
            () => _web3.Eth.GetContractQueryHandler<LatestTreeSizeFunction>()
                .QueryAsync<ulong>(ContractAddress, new LatestTreeSizeFunction { LogId = logId.ToArray() }, new BlockParameter(blockNumber)),
            "latestTreeSize",
            cancellationToken);

    /// <summary>The root the contract holds for (log, tree size) as of block <paramref name="blockNumber"/>, or null.</summary>
    public Task<Digest?> RootAtAsync(Digest logId, ulong treeSize, ulong blockNumber, CancellationToken cancellationToken) =>
        CallAsync(
            async () =>
            {
                byte[] root = await _web3.Eth.GetContractQueryHandler<RootAtFunction>()
                    .QueryAsync<byte[]>(ContractAddress, new RootAtFunction { LogId = logId.ToArray(), TreeSize = treeSize }, new BlockParameter(blockNumber)).ConfigureAwait(false);
                return root.Length != Digest.SizeInBytes ? throw new ChainReadException($"rootAt answered {root.Length} bytes, not {Digest.SizeInBytes}")
                    : root.AsSpan().ContainsAnyExcept((byte)0) ? Digest.Read(root) : (Digest?)null;
            },
            "rootAt",
            cancellationToken);

    /// <summary>
    /// Every Anchored event of <paramref name="logId"/> in blocks <paramref name="fromBlock"/> to
    /// <paramref name="toBlock"/> (inclusive), in chain order, read in ranges of at most
    /// <paramref name="blockRangeBlocks"/> blocks.
    /// </summary>
    public async Task<IReadOnlyList<AnchoredEntry>> ReadAnchoredAsync(
        Digest logId,
        ulong fromBlock,
        ulong toBlock,
        ulong blockRangeBlocks,
        CancellationToken cancellationToken)
    {
        if (blockRangeBlocks is 0 or > BlockRangeMaxBlocks)
        {
            throw new ArgumentOutOfRangeException(nameof(blockRangeBlocks), blockRangeBlocks, $"A block range is 1 to {BlockRangeMaxBlocks} blocks.");
        }

        string logIdTopic = "0x" + logId.ToHex();
        var anchors = new List<AnchoredEntry>();
        for (ulong first = fromBlock; first <= toBlock;)
        {
            ulong last = toBlock - first < blockRangeBlocks ? toBlock : first + blockRangeBlocks - 1;
            var filter = new NewFilterInput
            {
                Address = [ContractAddress],
                FromBlock = new BlockParameter(first),
                ToBlock = new BlockParameter(last),
                Topics = [s_anchoredTopic, logIdTopic],
            };
            FilterLog[] logs = await CallAsync(() => _web3.Eth.Filters.GetLogs.SendRequestAsync(filter), "eth_getLogs", cancellationToken).ConfigureAwait(false);
            foreach (FilterLog log in logs.OrderBy(l => ToUInt64(l.BlockNumber.Value)).ThenBy(l => ToUInt64(l.LogIndex.Value)))
            {
                anchors.Add(Read(log, logIdTopic, first, last));
            }

            if (last == toBlock)
            {
                break;
            }

            first = last + 1;
        }

        return anchors;
    }

    public void Dispose() => _http.Dispose();

    /// <summary>One log the node returned, checked against the filter it was asked for, then decoded.</summary>
    private AnchoredEntry Read(FilterLog log, string logIdTopic, ulong firstBlock, ulong lastBlock)
    {
        string Topic(int index) => log.Topics is { } topics && topics.Length > index ? topics[index]?.ToString()?.ToLowerInvariant() ?? string.Empty : string.Empty;

        ulong blockNumber = log.BlockNumber is null ? 0 : ToUInt64(log.BlockNumber.Value);
        if (!string.Equals(log.Address, ContractAddress, StringComparison.OrdinalIgnoreCase)
            || Topic(0) != s_anchoredTopic
            || Topic(1) != logIdTopic
            || log.Removed
            || log.BlockNumber is null || blockNumber < firstBlock || blockNumber > lastBlock
            || string.IsNullOrEmpty(log.TransactionHash) || string.IsNullOrEmpty(log.BlockHash) || log.LogIndex is null)
        {
            throw new ChainReadException(
                $"the node answered eth_getLogs for log {logIdTopic} on {ContractAddress} in blocks {firstBlock} to {lastBlock} "
                + $"with a log that does not match the filter (contract {log.Address}, topics {Topic(0)} {Topic(1)}, block {blockNumber}, removed {log.Removed})");
        }

        EventLog<AnchoredEvent> decoded;
        try
        {
            decoded = new[] { log }.DecodeAllEvents<AnchoredEvent>().Single();
        }
        catch (Exception e) when (e is AbiEncodingException or ArgumentException or InvalidOperationException or FormatException or IndexOutOfRangeException)
        {
            throw new ChainReadException($"the Anchored event in transaction {log.TransactionHash} does not decode: {e.Message}", e);
        }

        if (decoded.Event.Root.Length != Digest.SizeInBytes)
        {
            throw new ChainReadException($"the Anchored event in transaction {log.TransactionHash} carries a root of {decoded.Event.Root.Length} bytes");
        }

        return new AnchoredEntry(
            Digest.Read(decoded.Event.LogId),
            decoded.Event.TreeSize,
            Digest.Read(decoded.Event.Root),
            decoded.Event.Notary.ToLowerInvariant(),
            decoded.Event.Timestamp,
            blockNumber,
            log.BlockHash.ToLowerInvariant(),
            log.TransactionHash.ToLowerInvariant(),
            ToUInt64(log.LogIndex.Value));
    }

    /// <summary>Runs one RPC call; a node that cannot be reached, times out or fails the call becomes a <see cref="ChainReadException"/>.</summary>
    private static async Task<T> CallAsync<T>(Func<Task<T>> call, string method, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            // Nethereum's calls take no token: wait for the call or the caller's cancellation, whichever comes first.
            return await call().WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsChainFailure(e) && !cancellationToken.IsCancellationRequested)
        {
            throw new ChainReadException($"{method} failed: {Innermost(e).Message}", e);
        }
    }

    private static bool IsChainFailure(Exception e) =>
        e is RpcClientUnknownException or RpcClientTimeoutException or RpcResponseException or RpcResponseFormatException
            or HttpRequestException or TaskCanceledException or TimeoutException
            or SmartContractRevertException or SmartContractCustomErrorRevertException or AbiEncodingException
            or FormatException or OverflowException or Newtonsoft.Json.JsonException;

    private static Exception Innermost(Exception exception)
    {
        while (exception.InnerException is not null)
        {
            exception = exception.InnerException;
        }

        return exception;
    }

    private static ulong ToUInt64(System.Numerics.BigInteger value) =>
        value >= 0 && value <= ulong.MaxValue
            ? (ulong)value
            : throw new ChainReadException(string.Create(CultureInfo.InvariantCulture, $"the node answered a number out of range: {value}"));

    private static ReadOnlySpan<char> HexDigits => "0123456789abcdefABCDEF";

    /// <summary>
    /// One Anchored event as the chain holds it: the log id, tree size and root anchored, the notary
    /// account that sent it and the block time it recorded, and where it landed (0x hashes, lowercase).
    /// </summary>
    public sealed record AnchoredEntry(
        Digest LogId,
        ulong TreeSize,
        Digest Root,
        string Notary,
        ulong Timestamp,
        ulong BlockNumber,
        string BlockHash,
        string TransactionHash,
        ulong LogIndex);

    /// <summary>
    /// The chain could not be read: the node is unreachable, timed out, refused the call, or answered
    /// something that is not what was asked for. The message names the call, not the node (whose
    /// address may hold an access key).
    /// </summary>
    public sealed class ChainReadException : Exception
    {
        public ChainReadException(string message)
            : base(message)
        {
        }

        public ChainReadException(string message, Exception inner)
            : base(message, inner)
        {
        }

        public ChainReadException()
        {
        }
    }
}
