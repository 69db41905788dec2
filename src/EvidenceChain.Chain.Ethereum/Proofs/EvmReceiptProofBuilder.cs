using EvidenceChain.Core.Anchors;
using EvidenceChain.Core.Hashing;
using Nethereum.JsonRpc.Client;
using Nethereum.Web3;
using Newtonsoft.Json.Linq;

namespace EvidenceChain.Chain.Ethereum.Proofs;

/// <summary>
/// Builds the offline proof that a mined transaction's receipt is in its block, from the standard
/// JSON-RPC methods only (eth_getTransactionReceipt, eth_getBlockByHash, eth_getBlockReceipts, with
/// eth_getTransactionReceipt per transaction where eth_getBlockReceipts is missing). It re-encodes
/// the header and every receipt itself and checks both against the chain before returning: the
/// header must hash to the block hash and the receipts trie must have the header's receiptsRoot,
/// so a proof it returns verifies, and a node that answers inconsistently is caught here rather
/// than by a court. Core's <see cref="EvmAnchorProof"/> verifies the result.
/// </summary>
public static class EvmReceiptProofBuilder
{
    private const int MethodNotFound = -32601;

    /// <summary>Fetches the block of <paramref name="transactionHash"/> and its receipts from the node at <paramref name="rpc"/> and proves the transaction's receipt.</summary>
    /// <exception cref="EvmReceiptProofException">The transaction is not mined, or the node's block or receipts do not hash to what the chain commits to.</exception>
    public static Task<EvmReceiptProof> BuildAsync(Uri rpc, string transactionHash, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rpc);
        ArgumentNullException.ThrowIfNull(transactionHash);
        return BuildAsync(new Web3(rpc.ToString()).Client, transactionHash, cancellationToken);
    }

    internal static async Task<EvmReceiptProof> BuildAsync(IClient client, string transactionHash, CancellationToken cancellationToken)
    {
        JObject receipt = await CallAsync<JObject>(client, "eth_getTransactionReceipt", [transactionHash], cancellationToken).ConfigureAwait(false)
            ?? throw new EvmReceiptProofException($"Transaction {transactionHash} has no receipt: it is not mined (or the node does not know it).");
        string blockHash = JsonRpcHex.String(receipt, "blockHash", "the transaction's receipt");
        JObject block = await CallAsync<JObject>(client, "eth_getBlockByHash", [blockHash, false], cancellationToken).ConfigureAwait(false)
            ?? throw new EvmReceiptProofException($"Block {blockHash} of transaction {transactionHash} is unknown to the node: it may have been reorganized away.");
        JArray receipts = await BlockReceiptsAsync(client, block, cancellationToken).ConfigureAwait(false);
        return Build(block, receipts, transactionHash);
    }

    /// <summary>The pure part: encodes and checks what the node returned, then proves the receipt.</summary>
    internal static EvmReceiptProof Build(JObject block, JArray receipts, string transactionHash)
    {
        string blockHashHex = JsonRpcHex.String(block, "hash", "the block");
        Digest blockHash = Digest.Read(JsonRpcHex.Data(blockHashHex, "the block hash"));
        byte[] header = EvmHeaderRlp.Encode(block);
        Digest headerHash = Digest.Read(Nethereum.Util.Sha3Keccack.Current.CalculateHash(header));
        if (headerHash != blockHash)
        {
            string unknown = string.Join(", ", EvmHeaderRlp.UnknownMembers(block));
            throw new EvmReceiptProofException(
                $"The header encoded from block {blockHashHex} hashes to 0x{headerHash.ToHex()}, not to the block hash. "
                + (unknown.Length > 0 ? $"The block has members this encoder does not know ({unknown}): a new fork may have added header fields." : "The node's block JSON is inconsistent."));
        }

        JArray transactions = block["transactions"] as JArray ?? throw new EvmReceiptProofException("The block has no transactions array.");
        if (receipts.Count != transactions.Count)
        {
            throw new EvmReceiptProofException($"Block {blockHashHex} has {transactions.Count} transactions but the node returned {receipts.Count} receipts.");
        }

        var encoded = new List<byte[]>(receipts.Count);
        ulong? index = null;
        for (int i = 0; i < receipts.Count; i++)
        {
            var receipt = (JObject)receipts[i];
            string hash = JsonRpcHex.String(receipt, "transactionHash", "a receipt");
            if (JsonRpcHex.UInt64(JsonRpcHex.String(receipt, "transactionIndex", "a receipt"), "transactionIndex") != (ulong)i
                || !string.Equals(hash, TransactionHash(transactions[i]), StringComparison.OrdinalIgnoreCase))
            {
                throw new EvmReceiptProofException($"Receipt {i} of block {blockHashHex} is not the receipt of the block's transaction {i}.");
            }

            if (string.Equals(hash, transactionHash, StringComparison.OrdinalIgnoreCase))
            {
                index = (ulong)i;
            }

            encoded.Add(EvmReceiptRlp.Encode(receipt));
        }

        if (index is null)
        {
            throw new EvmReceiptProofException($"Transaction {transactionHash} is not in block {blockHashHex}.");
        }

        var trie = new ReceiptsTrie(encoded);
        Digest receiptsRoot = Digest.Read(JsonRpcHex.Data(JsonRpcHex.String(block, "receiptsRoot", "the block"), "receiptsRoot"));
        Digest trieRoot = Digest.Read(trie.RootHash);
        if (trieRoot != receiptsRoot)
        {
            throw new EvmReceiptProofException($"The {encoded.Count} receipts of block {blockHashHex} make a trie with root 0x{trieRoot.ToHex()}, but the header's receiptsRoot is 0x{receiptsRoot.ToHex()}.");
        }

        ulong number = JsonRpcHex.UInt64(JsonRpcHex.String(block, "number", "the block"), "number");
        return new EvmReceiptProof(transactionHash, blockHash, number, header, index.Value, trie.Proof(index.Value), encoded.Count);
    }

    /// <summary>All receipts of the block, in transaction order.</summary>
    internal static async Task<JArray> BlockReceiptsAsync(IClient client, JObject block, CancellationToken cancellationToken)
    {
        string blockHash = JsonRpcHex.String(block, "hash", "the block");
        try
        {
            return await CallAsync<JArray>(client, "eth_getBlockReceipts", [blockHash], cancellationToken).ConfigureAwait(false)
                ?? throw new EvmReceiptProofException($"The node has no receipts for block {blockHash}.");
        }
        catch (RpcResponseException e) when (e.RpcError?.Code == MethodNotFound)
        {
            return await ReceiptsOneByOneAsync(client, block, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>For nodes without eth_getBlockReceipts (standard since 2023, not everywhere): one eth_getTransactionReceipt per transaction.</summary>
    internal static async Task<JArray> ReceiptsOneByOneAsync(IClient client, JObject block, CancellationToken cancellationToken)
    {
        var receipts = new JArray();
        foreach (JToken transaction in block["transactions"] as JArray ?? [])
        {
            string hash = TransactionHash(transaction);
            receipts.Add(await CallAsync<JObject>(client, "eth_getTransactionReceipt", [hash], cancellationToken).ConfigureAwait(false)
                ?? throw new EvmReceiptProofException($"The node has no receipt for transaction {hash} of block {JsonRpcHex.String(block, "hash", "the block")}."));
        }

        return receipts;
    }

    // The block was asked for with transaction hashes only, but a full transaction object is taken too.
    private static string TransactionHash(JToken transaction) =>
        transaction is JObject full ? JsonRpcHex.String(full, "hash", "a transaction") : (string?)transaction ?? string.Empty;

    private static async Task<T?> CallAsync<T>(IClient client, string method, object[] parameters, CancellationToken cancellationToken)
        where T : class
    {
        cancellationToken.ThrowIfCancellationRequested();
        T? result = await client.SendRequestAsync<T>(new RpcRequest(1, method, parameters), null).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return result;
    }
}
