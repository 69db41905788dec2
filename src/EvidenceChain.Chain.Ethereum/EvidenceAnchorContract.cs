using System.Numerics;
using System.Text.Json;
using EvidenceChain.Chain.Ethereum.Internal;
using EvidenceChain.Chain.Ethereum.Proofs;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Engine.Ports;
using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Hex.HexTypes;
using Nethereum.JsonRpc.Client;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Util;
using Nethereum.Web3;
using Nethereum.Web3.Accounts;

namespace EvidenceChain.Chain.Ethereum;

/// <summary>
/// The EvidenceAnchor contract (contracts/EvidenceAnchor.sol) on an EVM chain, through Nethereum:
/// deploy it, allow notaries, publish a log's verifier keys, anchor checkpoint roots and look them
/// up. A call the contract would refuse fails at gas estimation with <see cref="AnchorRejectedException"/>,
/// before anything is sent.
/// </summary>
public sealed class EvidenceAnchorContract
{
    private readonly Web3 _web3;

    private EvidenceAnchorContract(Web3 web3, string address)
    {
        _web3 = web3;
        Address = address;
    }

    public string Address { get; }

    /// <summary>How long a send waits for its receipt before giving up (the anchor then stays pending).</summary>
    public TimeSpan ReceiptTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>The account that signs this instance's transactions.</summary>
    public string Sender => _web3.TransactionManager.Account.Address;

    /// <summary>Deploys the committed build of the contract; the deploying account becomes its owner.</summary>
    public static async Task<(EvidenceAnchorContract Contract, ulong GasUsed)> DeployAsync(Uri rpc, string privateKeyHex, long chainId, CancellationToken cancellationToken)
    {
        Web3 web3 = Connect(rpc, privateKeyHex, chainId);
        TransactionReceipt receipt = await web3.Eth.GetContractDeploymentHandler<EvidenceAnchorDeployment>()
            .SendRequestAndWaitForReceiptAsync(new EvidenceAnchorDeployment { ByteCode = Artifact.Bytecode }, cancellationToken).ConfigureAwait(false);
        EnsureSucceeded(receipt, "deploying EvidenceAnchor");
        return (new EvidenceAnchorContract(web3, receipt.ContractAddress), (ulong)receipt.GasUsed.Value);
    }

    /// <summary>The contract at <paramref name="address"/>, used with the given account.</summary>
    public static EvidenceAnchorContract At(Uri rpc, string privateKeyHex, long chainId, string address) =>
        new(Connect(rpc, privateKeyHex, chainId), address);

    public async Task SetNotaryAsync(string notary, bool allowed, CancellationToken cancellationToken) =>
        EnsureSucceeded(await SendAsync(new SetNotaryFunction { Notary = notary, Allowed = allowed }, cancellationToken).ConfigureAwait(false), "setNotary");

    public async Task SetLogKeysAsync(Digest logId, IReadOnlyList<string> verifierKeys, CancellationToken cancellationToken) =>
        EnsureSucceeded(await SendAsync(new SetLogKeysFunction { LogId = logId.ToArray(), VerifierKeys = [.. verifierKeys] }, cancellationToken).ConfigureAwait(false), "setLogKeys");

    /// <summary>Anchors a checkpoint root and waits for the receipt; returns where it landed.</summary>
    public async Task<AnchorInclusion> AnchorAsync(Digest logId, ulong treeSize, Digest root, CancellationToken cancellationToken)
    {
        TransactionReceipt receipt = await SendAsync(AnchorCall(logId, treeSize, root), cancellationToken).ConfigureAwait(false);
        EnsureSucceeded(receipt, "anchor");
        return ToInclusion(receipt);
    }

    /// <summary>The gas an anchor would use now; fails with <see cref="AnchorRejectedException"/> when the contract would refuse it.</summary>
    public async Task<ulong> EstimateAnchorGasAsync(Digest logId, ulong treeSize, Digest root, CancellationToken cancellationToken)
    {
        try
        {
            var gas = await _web3.Eth.GetContractTransactionHandler<AnchorFunction>()
                .EstimateGasAsync(Address, AnchorCall(logId, treeSize, root)).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            return (ulong)gas.Value;
        }
        catch (SmartContractCustomErrorRevertException e)
        {
            throw Rejection(e);
        }
    }

    /// <summary>Signs (does not send) an EIP-1559 anchor transaction; returns its raw bytes as 0x-hex and its hash.</summary>
    public async Task<(string SignedTransaction, string TransactionHash)> SignAnchorAsync(
        Digest logId, ulong treeSize, Digest root, ulong nonce, ulong gas, ulong maxFeePerGas, ulong maxPriorityFeePerGas)
    {
        AnchorFunction call = AnchorCall(logId, treeSize, root);
        call.Nonce = nonce;
        call.Gas = gas;
        call.MaxFeePerGas = maxFeePerGas;
        call.MaxPriorityFeePerGas = maxPriorityFeePerGas;
        string signed = (await _web3.Eth.GetContractTransactionHandler<AnchorFunction>().SignTransactionAsync(Address, call).ConfigureAwait(false)).EnsureHexPrefix();
        return (signed, Sha3Keccack.Current.CalculateHashFromHex(signed).EnsureHexPrefix());
    }

    /// <summary>Sends a signed transaction as it is.</summary>
    public async Task SendRawAsync(string signedTransaction, CancellationToken cancellationToken)
    {
        await _web3.Eth.Transactions.SendRawTransaction.SendRequestAsync(signedTransaction).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>
    /// The anchor transaction's receipt: null while it is not in a block, an inclusion when it
    /// succeeded, and a receipt-less reverted result when the contract refused it at execution.
    /// </summary>
    public async Task<(bool Mined, AnchorInclusion? Inclusion)> AnchorReceiptAsync(string transactionHash, CancellationToken cancellationToken)
    {
        TransactionReceipt? receipt = await _web3.Eth.Transactions.GetTransactionReceipt.SendRequestAsync(transactionHash).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        if (receipt?.BlockHash is null)
        {
            return (false, null);
        }

        return receipt.Status?.Value == BigInteger.One ? (true, ToInclusion(receipt)) : (true, null);
    }

    /// <summary>How many transactions of this account are in blocks (<paramref name="pending"/>: also those in the node's pool).</summary>
    public async Task<ulong> NonceAsync(bool pending, CancellationToken cancellationToken)
    {
        var count = await _web3.Eth.Transactions.GetTransactionCount
            .SendRequestAsync(Sender, pending ? BlockParameter.CreatePending() : BlockParameter.CreateLatest()).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return (ulong)count.Value;
    }

    /// <summary>
    /// The latest block's base fee and the node's suggested priority fee, in wei per gas; 1 gwei of
    /// priority where the node has no suggestion (<c>eth_maxPriorityFeePerGas</c> is not in every client).
    /// </summary>
    public async Task<(ulong BaseFee, ulong PriorityFee)> FeesAsync(CancellationToken cancellationToken)
    {
        BlockWithTransactionHashes latest = await _web3.Eth.Blocks.GetBlockWithTransactionsHashesByNumber
            .SendRequestAsync(BlockParameter.CreateLatest()).ConfigureAwait(false);
        BigInteger priority;
        try
        {
            priority = (await _web3.Client.SendRequestAsync<HexBigInteger>("eth_maxPriorityFeePerGas").ConfigureAwait(false)).Value;
        }
        catch (RpcResponseException)
        {
            priority = 1_000_000_000;
        }

        cancellationToken.ThrowIfCancellationRequested();
        return ((ulong)(latest.BaseFeePerGas?.Value ?? BigInteger.Zero), (ulong)priority);
    }

    /// <summary>The block header and the Merkle-Patricia proof of a transaction's receipt in block <paramref name="blockHash"/>.</summary>
    public async Task<InclusionProof> ProveReceiptAsync(string transactionHash, string blockHash, CancellationToken cancellationToken)
    {
        EvmReceiptProof proof = await EvmReceiptProofBuilder.BuildAsync(_web3.Client, transactionHash, cancellationToken).ConfigureAwait(false);
        if (!string.Equals("0x" + proof.BlockHash.ToHex(), blockHash, StringComparison.OrdinalIgnoreCase))
        {
            // The transaction moved to another block since it was seen: the caller follows the reorganization first.
            throw new EvmReceiptProofException($"Transaction {transactionHash} is now in block {proof.BlockHash}, not {blockHash}.");
        }

        return new InclusionProof(proof.HeaderRlp, proof.ProofNodes);
    }

    /// <summary>The hash of block 0: tells a development chain restarted without its state from the one before.</summary>
    public async Task<string> GenesisHashAsync(CancellationToken cancellationToken) =>
        await BlockHashAsync(0, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The chain has no genesis block.");

    /// <summary>Whether the contract's address holds code on this chain.</summary>
    public async Task<bool> HasCodeAsync(CancellationToken cancellationToken)
    {
        string code = await _web3.Eth.GetCode.SendRequestAsync(Address).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return code.RemoveHexPrefix().Length > 0;
    }

    /// <summary>The anchor of <paramref name="root"/>, or null if it was never anchored.</summary>
    public async Task<AnchorRecord?> FindByRootAsync(Digest root, CancellationToken cancellationToken)
    {
        AnchorByRootOutput output = await _web3.Eth.GetContractQueryHandler<AnchorByRootFunction>()
            .QueryDeserializingToObjectAsync<AnchorByRootOutput>(new AnchorByRootFunction { Root = root.ToArray() }, Address).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return output.TreeSize == 0 ? null : new AnchorRecord(Digest.Read(output.LogId), output.TreeSize, output.BlockNumber, output.Timestamp);
    }

    /// <summary>The root anchored for (log, size), or null.</summary>
    public async Task<Digest?> RootAtAsync(Digest logId, ulong treeSize, CancellationToken cancellationToken)
    {
        byte[] root = await _web3.Eth.GetContractQueryHandler<RootAtFunction>()
            .QueryAsync<byte[]>(Address, new RootAtFunction { LogId = logId.ToArray(), TreeSize = treeSize }).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return root.All(b => b == 0) ? null : Digest.Read(root);
    }

    public async Task<ulong> LatestTreeSizeAsync(Digest logId, CancellationToken cancellationToken)
    {
        ulong size = await _web3.Eth.GetContractQueryHandler<LatestTreeSizeFunction>()
            .QueryAsync<ulong>(Address, new LatestTreeSizeFunction { LogId = logId.ToArray() }).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return size;
    }

    /// <summary>The contract's owner, who alone publishes log keys.</summary>
    public async Task<string> OwnerAsync(CancellationToken cancellationToken)
    {
        string owner = await _web3.Eth.GetContractQueryHandler<OwnerFunction>()
            .QueryAsync<string>(Address, new OwnerFunction()).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return owner;
    }

    /// <summary>The verifier keys the owner published for a log.</summary>
    public async Task<IReadOnlyList<string>> LogKeysAsync(Digest logId, CancellationToken cancellationToken)
    {
        List<string> keys = await _web3.Eth.GetContractQueryHandler<LogKeysFunction>()
            .QueryAsync<List<string>>(Address, new LogKeysFunction { LogId = logId.ToArray() }).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return keys;
    }

    /// <summary>The Anchored event of <paramref name="root"/> in block <paramref name="blockNumber"/>, with its transaction and block hash.</summary>
    public async Task<AnchorInclusion?> FindAnchoredEventAsync(Digest root, ulong blockNumber, CancellationToken cancellationToken)
    {
        Event<AnchoredEvent> anchored = _web3.Eth.GetEvent<AnchoredEvent>(Address);
        var block = new BlockParameter(blockNumber);
        List<EventLog<AnchoredEvent>> logs = await anchored.GetAllChangesAsync(anchored.CreateFilterInput(block, block)).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        EventLog<AnchoredEvent>? match = logs.FirstOrDefault(l => l.Event.Root.AsSpan().SequenceEqual(Digest.AsBytes(root)));
        return match is null ? null : new AnchorInclusion(
            match.Log.TransactionHash,
            (ulong)match.Log.TransactionIndex.Value,
            (ulong)match.Log.BlockNumber.Value,
            match.Log.BlockHash,
            (ulong)match.Log.LogIndex.Value,
            0,
            Digest.Read(match.Event.LogId),
            match.Event.TreeSize,
            root,
            match.Event.Timestamp);
    }

    /// <summary>The hash of the canonical block at <paramref name="blockNumber"/>, or null if the chain is shorter.</summary>
    public async Task<string?> BlockHashAsync(ulong blockNumber, CancellationToken cancellationToken)
    {
        BlockWithTransactionHashes? block = await _web3.Eth.Blocks.GetBlockWithTransactionsHashesByNumber
            .SendRequestAsync(new BlockParameter(blockNumber)).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return block?.BlockHash;
    }

    /// <summary>The number of the newest block.</summary>
    public async Task<ulong> BlockNumberAsync(CancellationToken cancellationToken)
    {
        var number = await _web3.Eth.Blocks.GetBlockNumber.SendRequestAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return (ulong)number.Value;
    }

    /// <summary>The chain's finalized block number (the <c>finalized</c> tag).</summary>
    public async Task<ulong> FinalizedBlockNumberAsync(CancellationToken cancellationToken)
    {
        BlockParameter finalized = BlockParameter.CreateLatest();
        finalized.SetValue(BlockParameter.BlockParameterType.finalized);
        BlockWithTransactionHashes block = await _web3.Eth.Blocks.GetBlockWithTransactionsHashesByNumber
            .SendRequestAsync(finalized).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return (ulong)block.Number.Value;
    }

    private async Task<TransactionReceipt> SendAsync<TFunction>(TFunction function, CancellationToken cancellationToken)
        where TFunction : FunctionMessage, new()
    {
        // The nonce comes from the node for every send: after a reorganization an in-memory nonce
        // would run ahead of the chain and the transaction would never be mined.
        if (_web3.TransactionManager.Account.NonceService is { } nonces)
        {
            await nonces.ResetNonceAsync().ConfigureAwait(false);
        }

        // A transaction that is never mined must not hold its caller forever: give up after the
        // timeout; the caller's anchor stays pending and is looked up or sent again later.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ReceiptTimeout);
        try
        {
            return await _web3.Eth.GetContractTransactionHandler<TFunction>()
                .SendRequestAndWaitForReceiptAsync(Address, function, timeout.Token).ConfigureAwait(false);
        }
        catch (SmartContractCustomErrorRevertException e)
        {
            throw Rejection(e);
        }
    }

    private static AnchorFunction AnchorCall(Digest logId, ulong treeSize, Digest root) =>
        new() { LogId = logId.ToArray(), TreeSize = treeSize, Root = root.ToArray() };

    private static AnchorInclusion ToInclusion(TransactionReceipt receipt)
    {
        EventLog<AnchoredEvent> anchored = receipt.DecodeAllEvents<AnchoredEvent>().Single();
        return new AnchorInclusion(
            receipt.TransactionHash,
            (ulong)receipt.TransactionIndex.Value,
            (ulong)receipt.BlockNumber.Value,
            receipt.BlockHash,
            (ulong)anchored.Log.LogIndex.Value,
            (ulong)receipt.GasUsed.Value,
            Digest.Read(anchored.Event.LogId),
            anchored.Event.TreeSize,
            Digest.Read(anchored.Event.Root),
            anchored.Event.Timestamp);
    }

    private static AnchorRejectedException Rejection(SmartContractCustomErrorRevertException e)
    {
        if (e.IsCustomErrorFor<RootAlreadyAnchoredError>())
        {
            RootAlreadyAnchoredError error = e.DecodeError<RootAlreadyAnchoredError>();
            return new AnchorRejectedException(AnchorRejection.RootAlreadyAnchored, $"root {Convert.ToHexStringLower(error.Root)} is already anchored (tree size {error.TreeSize})", e);
        }

        if (e.IsCustomErrorFor<TreeSizeMustGrowError>())
        {
            TreeSizeMustGrowError error = e.DecodeError<TreeSizeMustGrowError>();
            return new AnchorRejectedException(AnchorRejection.TreeSizeMustGrow, $"tree size {error.TreeSize} does not exceed the latest anchored size {error.LatestTreeSize}", e);
        }

        if (e.IsCustomErrorFor<NotNotaryError>())
        {
            return new AnchorRejectedException(AnchorRejection.NotNotary, $"{e.DecodeError<NotNotaryError>().Caller} is not an allowed notary of this contract", e);
        }

        if (e.IsCustomErrorFor<NotOwnerError>())
        {
            return new AnchorRejectedException(AnchorRejection.NotOwner, $"{e.DecodeError<NotOwnerError>().Caller} is not the contract's owner", e);
        }

        return new AnchorRejectedException("the contract refused the call: " + e.Message, e);
    }

    private static void EnsureSucceeded(TransactionReceipt receipt, string what)
    {
        if (receipt.Status?.Value != BigInteger.One)
        {
            throw new InvalidOperationException($"{what} failed in transaction {receipt.TransactionHash}");
        }
    }

    private static Web3 Connect(Uri rpc, string privateKeyHex, long chainId) =>
        new(new Account(privateKeyHex, chainId), rpc.ToString());

    /// <summary>The committed build (contracts/build/EvidenceAnchor.json), embedded at compile time.</summary>
    private static class Artifact
    {
        public static readonly string Bytecode = Load();

        private static string Load()
        {
            using Stream stream = typeof(EvidenceAnchorContract).Assembly.GetManifestResourceStream("EvidenceAnchor.json")
                ?? throw new InvalidOperationException("The contract build is not embedded.");
            using JsonDocument document = JsonDocument.Parse(stream);
            return document.RootElement.GetProperty("bytecode").GetString()!;
        }
    }
}
