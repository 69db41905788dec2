using System.Text;
using System.Text.Json;
using EvidenceChain.Chain.Ethereum.Internal;
using EvidenceChain.Chain.Ethereum.Proofs;
using EvidenceChain.Core.Anchors;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Testing;
using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Web3;
using Newtonsoft.Json.Linq;

namespace EvidenceChain.Chain.Ethereum.Tests;

/// <summary>
/// Receipt proofs built from a real anvil node of each test's own and verified by Core alone. The
/// chain is made deterministic (a fixed genesis time, 12 seconds per block, transactions from
/// anvil's unlocked development accounts with fixed gas), so the same run always gives the same
/// block, and the block captured for Core's tests (fixtures/anvil-anchor-block.json) is compared
/// byte for byte; EVIDENCECHAIN_WRITE_FIXTURES=1 rewrites it after a deliberate change.
/// </summary>
public sealed class ReceiptProofTests : IDisposable
{
    private const long GenesisTimestampSeconds = 1_700_000_000;
    private const int BlockIntervalSeconds = 12;
    private const string LegacyGasPrice = "0x77359400";
    private const string Gas = "0x30000";

    private const string MaxFeePerGas = "0xb2d05e00";
    private const string MaxPriorityFeePerGas = "0x3b9aca00";

    // anvil's development accounts 0 to 5 (published test keys; unlocked on anvil).
    private static readonly string[] s_accounts =
    [
        "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266",
        "0x70997970c51812dc3a010c7d01b50e0d17dc79c8",
        "0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc",
        "0x90f79bf6eb2c4f870365e785982e1f101e93b906",
        "0x15d34aaf54267db7d7c367839aaf71a00a2c6a65",
        "0x9965507d1a55bcc2695c58ba16fb37d819b0a4dc",
    ];

    private static readonly JsonSerializerOptions s_indented = new() { WriteIndented = true };

    private static readonly Digest s_logA = Sha256("log A");
    private static readonly Digest s_logB = Sha256("log B");

    private readonly AnvilProcess _anvil = AnvilProcess.Start("--timestamp", GenesisTimestampSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private enum Kind
    {
        LegacyTransfer,
        AccessListTransfer,
        DynamicFeeTransfer,
        Anchor,
        RevertedAnchor,
    }

    private sealed record Sent(Kind Kind, string Hash, Digest LogId, ulong TreeSize, Digest Root);

    private static Digest Sha256(string text) => Digest.Read(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static Digest RootOf(int i) => Sha256("root " + i);

    /// <summary>Deploys the contract (account 0 as notary), then mines one block of <paramref name="kinds"/>, in this order of sending.</summary>
    private async Task<(string Contract, List<Sent> Sent)> MineBlockAsync(IReadOnlyList<Kind> kinds)
    {
        await _anvil.CallAsync("anvil_setBlockTimestampInterval", BlockIntervalSeconds);
        (EvidenceAnchorContract contract, _) = await EvidenceAnchorContract.DeployAsync(_anvil.Rpc, AnvilProcess.DevelopmentPrivateKey, AnvilProcess.ChainId, CancellationToken.None);
        await contract.SetNotaryAsync(contract.Sender, true, CancellationToken.None);
        await _anvil.CallAsync("evm_setAutomine", false);

        var sent = new List<Sent>();
        ulong treeSize = 0;
        for (int i = 0; i < kinds.Count; i++)
        {
            // One sender per kind, each with fixed fees: anvil 1.7 picks a block's transactions by
            // tip and skips a sender's later nonces when an earlier one pays a smaller tip.
            Kind kind = kinds[i];
            var transaction = new Dictionary<string, object> { ["from"] = s_accounts[(int)kind + 1], ["gas"] = Gas };
            Digest logId = default;
            Digest root = default;
            ulong size = 0;
            if (kind is Kind.Anchor or Kind.RevertedAnchor)
            {
                // Anchors alternate between two logs; the reverted one comes from a non-notary.
                logId = sent.Count(s => s.Kind == Kind.Anchor) % 2 == 0 ? s_logA : s_logB;
                size = ++treeSize;
                root = RootOf(i);
                transaction["from"] = kind == Kind.Anchor ? s_accounts[0] : transaction["from"];
                transaction["to"] = contract.Address;
                transaction["data"] = new AnchorFunction { LogId = logId.ToArray(), TreeSize = size, Root = root.ToArray() }.GetCallData().ToHex(true);
            }
            else
            {
                transaction["to"] = s_accounts[i % 2 == 0 ? 4 : 5];
                transaction["value"] = "0x" + (i + 1).ToString("x", System.Globalization.CultureInfo.InvariantCulture);
            }

            if (kind is Kind.LegacyTransfer or Kind.AccessListTransfer)
            {
                transaction["gasPrice"] = LegacyGasPrice;
            }
            else
            {
                transaction["maxFeePerGas"] = MaxFeePerGas;
                transaction["maxPriorityFeePerGas"] = MaxPriorityFeePerGas;
            }

            if (kind == Kind.AccessListTransfer)
            {
                transaction["accessList"] = Array.Empty<object>();
            }

            JsonElement hash = await _anvil.CallAsync("eth_sendTransaction", transaction);
            sent.Add(new Sent(kind, hash.GetString()!, logId, size, root));
        }

        await _anvil.CallAsync("evm_mine");
        return (contract.Address, sent);
    }

    private static readonly Kind[] s_mixedBlock =
    [
        Kind.LegacyTransfer, Kind.DynamicFeeTransfer, Kind.AccessListTransfer, Kind.Anchor, Kind.DynamicFeeTransfer,
        Kind.LegacyTransfer, Kind.RevertedAnchor, Kind.DynamicFeeTransfer, Kind.AccessListTransfer, Kind.LegacyTransfer,
        Kind.DynamicFeeTransfer, Kind.DynamicFeeTransfer, Kind.LegacyTransfer, Kind.Anchor, Kind.AccessListTransfer,
        Kind.DynamicFeeTransfer, Kind.LegacyTransfer, Kind.DynamicFeeTransfer, Kind.AccessListTransfer, Kind.DynamicFeeTransfer,
    ];

    private async Task<JObject> BlockAsync(string blockHash)
    {
        JsonElement block = await _anvil.CallAsync("eth_getBlockByHash", blockHash, false);
        return JObject.Parse(block.GetRawText());
    }

    [Fact]
    public async Task BuildAsync_AnchorAmongManyTransactions_VerifiesWithCoreAtTheBlocksNumberAndTime()
    {
        (string contract, List<Sent> sent) = await MineBlockAsync(s_mixedBlock);
        Sent anchor = sent.First(s => s.Kind == Kind.Anchor);

        EvmReceiptProof proof = await EvmReceiptProofBuilder.BuildAsync(_anvil.Rpc, anchor.Hash, CancellationToken.None);
        EvmAnchorVerdict verdict = EvmAnchorProof.Verify(proof.ToEvidence(contract, anchor.LogId, anchor.TreeSize, anchor.Root));

        JObject block = await BlockAsync("0x" + proof.BlockHash.ToHex());
        Assert.True(verdict.IsValid, verdict.ToString());
        Assert.Equal(s_mixedBlock.Length, proof.ReceiptCount);
        Assert.NotEqual(0UL, proof.TransactionIndex);
        Assert.True(proof.ProofNodes.Count >= 2, "twenty receipts make a trie deeper than one node");
        Assert.Equal(Convert.ToUInt64((string)block["number"]!, 16), verdict.BlockNumber);
        Assert.Equal(Convert.ToUInt64((string)block["timestamp"]!, 16), verdict.BlockTimestampSeconds);
        Assert.Equal(proof.BlockNumber, verdict.BlockNumber);
        CheckFixture(proof, contract, anchor, block);
    }

    [Fact]
    public async Task BuildAsync_EveryTransactionOfTheBlock_ProofReachesItsReceipt()
    {
        (string contract, List<Sent> sent) = await MineBlockAsync(s_mixedBlock);
        Sent anchor = sent.First(s => s.Kind == Kind.Anchor);
        var indices = new HashSet<ulong>();

        foreach (Sent transaction in sent)
        {
            EvmReceiptProof proof = await EvmReceiptProofBuilder.BuildAsync(_anvil.Rpc, transaction.Hash, CancellationToken.None);
            indices.Add(proof.TransactionIndex);
            Sent wanted = transaction.Kind is Kind.Anchor or Kind.RevertedAnchor ? transaction : anchor;
            EvmAnchorVerdict verdict = EvmAnchorProof.Verify(proof.ToEvidence(contract, wanted.LogId, wanted.TreeSize, wanted.Root));

            // A verdict past the trie (an event check, a status) means the proof itself verified.
            EvmAnchorFailure expected = transaction.Kind switch
            {
                Kind.Anchor => EvmAnchorFailure.None,
                Kind.RevertedAnchor => EvmAnchorFailure.TransactionFailed,
                _ => EvmAnchorFailure.NoAnchoredEvent,
            };
            Assert.True(verdict.Failure == expected, $"{transaction.Kind} at {proof.TransactionIndex}: {verdict}");
        }

        Assert.Equal(sent.Count, indices.Count);
    }

    [Fact]
    public async Task BuildAsync_TamperedEvidence_EachRefusedWithItsReason()
    {
        (string contract, List<Sent> sent) = await MineBlockAsync(s_mixedBlock);
        Sent anchor = sent.Last(s => s.Kind == Kind.Anchor);
        EvmReceiptProof proof = await EvmReceiptProofBuilder.BuildAsync(_anvil.Rpc, anchor.Hash, CancellationToken.None);
        EvmAnchorEvidence valid = proof.ToEvidence(contract, anchor.LogId, anchor.TreeSize, anchor.Root);
        byte[] header = valid.HeaderRlp.ToArray();
        header[^3] ^= 1;
        List<byte[]> nodes = valid.ProofNodes.Select(n => n.ToArray()).ToList();
        nodes[^1][40] ^= 1;

        Assert.True(EvmAnchorProof.Verify(valid).IsValid);
        Assert.Equal(EvmAnchorFailure.HeaderHashMismatch, EvmAnchorProof.Verify(valid with { HeaderRlp = header }).Failure);
        Assert.Equal(EvmAnchorFailure.ProofNodeHashMismatch, EvmAnchorProof.Verify(valid with { ProofNodes = nodes }).Failure);
        Assert.Equal(EvmAnchorFailure.ProofIncomplete, EvmAnchorProof.Verify(valid with { ProofNodes = valid.ProofNodes.Take(1).ToList() }).Failure);
        Assert.False(EvmAnchorProof.Verify(valid with { TransactionIndex = valid.TransactionIndex - 1 }).IsValid);
        Assert.Equal(EvmAnchorFailure.NoAnchoredEvent, EvmAnchorProof.Verify(proof.ToEvidence(s_accounts[3], anchor.LogId, anchor.TreeSize, anchor.Root)).Failure);
        Assert.Equal(EvmAnchorFailure.LogIdMismatch, EvmAnchorProof.Verify(valid with { LogId = Sha256("log C") }).Failure);
        Assert.Equal(EvmAnchorFailure.TreeSizeMismatch, EvmAnchorProof.Verify(valid with { TreeSize = anchor.TreeSize + 1 }).Failure);
        Assert.Equal(EvmAnchorFailure.RootMismatch, EvmAnchorProof.Verify(valid with { Root = RootOf(1000) }).Failure);
    }

    [Fact]
    public async Task BuildAsync_BlockOf130Transactions_ProvesTwoByteKeys()
    {
        // RLP(128) = 0x8180: indices from 128 on have two-byte keys and sit deeper in the trie.
        Kind[] kinds = [.. Enumerable.Repeat(Kind.DynamicFeeTransfer, 129), Kind.Anchor];
        (string contract, List<Sent> sent) = await MineBlockAsync(kinds);
        Sent anchor = sent[^1];

        EvmReceiptProof proof = await EvmReceiptProofBuilder.BuildAsync(_anvil.Rpc, anchor.Hash, CancellationToken.None);
        EvmReceiptProof transfer = await EvmReceiptProofBuilder.BuildAsync(_anvil.Rpc, sent[0].Hash, CancellationToken.None);

        Assert.Equal(130, proof.ReceiptCount);
        Assert.True(proof.TransactionIndex >= 128, $"the anchor is at {proof.TransactionIndex}");
        Assert.True(EvmAnchorProof.Verify(proof.ToEvidence(contract, anchor.LogId, anchor.TreeSize, anchor.Root)).IsValid);
        Assert.Equal(EvmAnchorFailure.NoAnchoredEvent, EvmAnchorProof.Verify(transfer.ToEvidence(contract, anchor.LogId, anchor.TreeSize, anchor.Root)).Failure);
    }

    [Fact]
    public async Task BlockReceipts_OneByOne_SameAsEthGetBlockReceipts()
    {
        (_, List<Sent> sent) = await MineBlockAsync(s_mixedBlock[..6]);
        EvmReceiptProof proof = await EvmReceiptProofBuilder.BuildAsync(_anvil.Rpc, sent[0].Hash, CancellationToken.None);
        JObject block = await BlockAsync("0x" + proof.BlockHash.ToHex());
        Nethereum.JsonRpc.Client.IClient client = new Web3(_anvil.Rpc.ToString()).Client;

        JArray all = await EvmReceiptProofBuilder.BlockReceiptsAsync(client, block, CancellationToken.None);
        JArray oneByOne = await EvmReceiptProofBuilder.ReceiptsOneByOneAsync(client, block, CancellationToken.None);

        Assert.Equal(6, all.Count);
        Assert.True(JToken.DeepEquals(all, oneByOne));
    }

    [Fact]
    public async Task AnvilBlock_HasEveryHeaderFieldThroughPrague()
    {
        (_, List<Sent> sent) = await MineBlockAsync(s_mixedBlock[..2]);
        EvmReceiptProof proof = await EvmReceiptProofBuilder.BuildAsync(_anvil.Rpc, sent[0].Hash, CancellationToken.None);
        JObject block = await BlockAsync("0x" + proof.BlockHash.ToHex());

        foreach (string field in new[] { "baseFeePerGas", "withdrawalsRoot", "blobGasUsed", "excessBlobGas", "parentBeaconBlockRoot", "requestsHash" })
        {
            Assert.True(block[field] is not null, field);
        }

        Assert.Empty(EvmHeaderRlp.UnknownMembers(block));
    }

    [Fact]
    public async Task Build_NodeAnswersThatDoNotHash_ThrowsEvmReceiptProofException()
    {
        (_, List<Sent> sent) = await MineBlockAsync(s_mixedBlock[..4]);
        EvmReceiptProof proof = await EvmReceiptProofBuilder.BuildAsync(_anvil.Rpc, sent[1].Hash, CancellationToken.None);
        JObject block = await BlockAsync("0x" + proof.BlockHash.ToHex());
        JArray receipts = await EvmReceiptProofBuilder.BlockReceiptsAsync(new Web3(_anvil.Rpc.ToString()).Client, block, CancellationToken.None);

        JObject withoutRequestsHash = (JObject)block.DeepClone();
        withoutRequestsHash.Remove("requestsHash");
        JObject withFutureField = (JObject)block.DeepClone();
        withFutureField["blockAccessListHash"] = "0x" + new string('1', 64);
        withFutureField["extraData"] = "0x01";
        JObject laterFieldOnly = (JObject)block.DeepClone();
        laterFieldOnly.Remove("withdrawalsRoot");
        JArray changedReceipts = (JArray)receipts.DeepClone();
        changedReceipts[2]["cumulativeGasUsed"] = "0x1";

        Assert.Contains("hashes to", Assert.Throws<EvmReceiptProofException>(() => EvmReceiptProofBuilder.Build(withoutRequestsHash, receipts, sent[1].Hash)).Message);
        Assert.Contains("blockAccessListHash", Assert.Throws<EvmReceiptProofException>(() => EvmReceiptProofBuilder.Build(withFutureField, receipts, sent[1].Hash)).Message);
        Assert.Contains("earlier fork", Assert.Throws<EvmReceiptProofException>(() => EvmReceiptProofBuilder.Build(laterFieldOnly, receipts, sent[1].Hash)).Message);
        Assert.Contains("receiptsRoot", Assert.Throws<EvmReceiptProofException>(() => EvmReceiptProofBuilder.Build(block, changedReceipts, sent[1].Hash)).Message);
        Assert.Contains("not in block", Assert.Throws<EvmReceiptProofException>(() => EvmReceiptProofBuilder.Build(block, receipts, "0x" + new string('2', 64))).Message);
    }

    [Fact]
    public async Task BuildAsync_UnknownTransaction_ThrowsEvmReceiptProofException()
    {
        EvmReceiptProofException e = await Assert.ThrowsAsync<EvmReceiptProofException>(
            () => EvmReceiptProofBuilder.BuildAsync(_anvil.Rpc, "0x" + new string('3', 64), CancellationToken.None));

        Assert.Contains("not mined", e.Message);
    }

    private static void CheckFixture(EvmReceiptProof proof, string contract, Sent anchor, JObject block)
    {
        string path = Path.Combine(ServiceHostProcess.RepoRoot(), "tests", "EvidenceChain.Core.Tests", "Anchors", "fixtures", "anvil-anchor-block.json");
        string json = FixtureJson(proof, contract, anchor, block);
        if (Environment.GetEnvironmentVariable("EVIDENCECHAIN_WRITE_FIXTURES") == "1")
        {
            File.WriteAllText(path, json);
            return;
        }

        Assert.True(File.Exists(path), $"{path} is missing: run this test with EVIDENCECHAIN_WRITE_FIXTURES=1");
        Assert.True(json == File.ReadAllText(path), $"anvil now makes a different block than {path} holds: if that is expected (a new anvil), rerun with EVIDENCECHAIN_WRITE_FIXTURES=1");
    }

    private static string FixtureJson(EvmReceiptProof proof, string contract, Sent anchor, JObject block)
    {
        static string Hex(ReadOnlySpan<byte> bytes) => "0x" + Convert.ToHexStringLower(bytes);
        var fixture = new Dictionary<string, object>
        {
            ["about"] = "EvidenceAnchor anchor in a 20-transaction anvil block (legacy, EIP-2930 and EIP-1559 transfers, a reverted anchor); written by ReceiptProofTests in tests/EvidenceChain.Chain.Ethereum.Tests",
            ["blockHash"] = Hex(Digest.AsBytes(proof.BlockHash)),
            ["blockNumber"] = proof.BlockNumber,
            ["blockTimestampSeconds"] = Convert.ToUInt64((string)block["timestamp"]!, 16),
            ["receiptCount"] = proof.ReceiptCount,
            ["transactionHash"] = proof.TransactionHash,
            ["transactionIndex"] = proof.TransactionIndex,
            ["contractAddress"] = contract.ToLowerInvariant(),
            ["logId"] = Hex(Digest.AsBytes(anchor.LogId)),
            ["treeSize"] = anchor.TreeSize,
            ["root"] = Hex(Digest.AsBytes(anchor.Root)),
            ["headerRlp"] = Hex(proof.HeaderRlp),
            ["proofNodes"] = proof.ProofNodes.Select(n => Hex(n)).ToArray(),
        };
        return JsonSerializer.Serialize(fixture, s_indented) + "\n";
    }

    public void Dispose() => _anvil.Dispose();
}
