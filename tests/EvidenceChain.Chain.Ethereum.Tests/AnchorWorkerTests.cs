using EvidenceChain.Core.Checkpoints;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Merkle;
using EvidenceChain.Engine.Anchoring;
using EvidenceChain.Engine.Ports;
using EvidenceChain.Storage.LiteDb;
using EvidenceChain.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace EvidenceChain.Chain.Ethereum.Tests;

/// <summary>The anchoring worker with a real LiteDB store and a real anvil node of its own.</summary>
public sealed class AnchorWorkerTests : IDisposable
{
    private static readonly LogOrigin s_origin = new("notary.example.cn", "000102030405060708090a0b0c0d0e0f", TreeHash.Sha256);
    private readonly AnvilProcess _anvil = AnvilProcess.Start();
    private readonly string _directory = Directory.CreateTempSubdirectory("evidencechain-anchor-").FullName;
    private readonly LiteDbLogStore _store;
    private readonly CompactRange _tree = new();
    private readonly MerkleHasher _hasher = MerkleHasher.Create(TreeHash.Sha256);
    private EthereumAnchorChain? _chain;

    public AnchorWorkerTests()
    {
        _store = LiteDbLogStore.Open(_directory);
        _store.CreateIdentity(new LogIdentity(s_origin.ToString(), 0));
    }

    private static Digest LogId => s_origin.OriginHash;

    [Fact]
    public async Task Step_NewCheckpoint_RecordedPendingThenIncludedThenFinal()
    {
        (EvidenceAnchorContract contract, AnchorWorker worker) = await SetUpAsync();
        StoredCheckpoint checkpoint = SignLeaves(5);

        await worker.StepAsync(CancellationToken.None);
        StoredAnchor included = Assert.Single(_store.ReadAnchors());
        await _anvil.MineAsync(3);
        await worker.StepAsync(CancellationToken.None);
        StoredAnchor final = Assert.Single(_store.ReadAnchors());

        Assert.Equal(AnchorStatus.Included, included.Status);
        Assert.Equal(checkpoint.Root, included.Root);
        Assert.Equal(AnchorStatus.Final, final.Status);
        Assert.Equal(checkpoint.Root, await contract.RootAtAsync(LogId, 5, CancellationToken.None));
    }

    [Fact]
    public async Task Step_CheckpointsFasterThanAnchors_OnlyTheLatestIsAnchored()
    {
        (EvidenceAnchorContract contract, AnchorWorker worker) = await SetUpAsync();
        SignLeaves(3);
        SignLeaves(4);
        StoredCheckpoint latest = SignLeaves(2);

        await worker.StepAsync(CancellationToken.None);

        StoredAnchor anchor = Assert.Single(_store.ReadAnchors());
        Assert.Equal(9UL, anchor.TreeSize);
        Assert.Equal(latest.Root, anchor.Root);
        Assert.Equal(9UL, await contract.LatestTreeSizeAsync(LogId, CancellationToken.None));
    }

    [Fact]
    public async Task Step_NewCheckpointWithinTheInterval_WaitsForTheNextAnchorWhileTheFirstIsFollowed()
    {
        (_, AnchorWorker worker) = await SetUpAsync(new AnchorOptions { Interval = TimeSpan.FromHours(1) });
        SignLeaves(3);
        await worker.StepAsync(CancellationToken.None);
        SignLeaves(2);
        await _anvil.MineAsync(3);

        await worker.StepAsync(CancellationToken.None);

        StoredAnchor only = Assert.Single(_store.ReadAnchors());
        Assert.Equal(3UL, only.TreeSize);
        Assert.Equal(AnchorStatus.Final, only.Status);
    }

    [Fact]
    public async Task Step_PendingAnchorAlreadyOnChain_TakenAsLandedWithoutASecondTransaction()
    {
        // As after a crash between sending and recording: the chain has the anchor, the store says pending.
        (EvidenceAnchorContract contract, AnchorWorker worker) = await SetUpAsync();
        StoredCheckpoint checkpoint = SignLeaves(4);
        _store.SaveAnchor(new StoredAnchor(4, checkpoint.Root, await _chain!.TargetAsync(CancellationToken.None), AnchorStatus.Pending, [], null, null, 0));
        AnchorInclusion earlier = await contract.AnchorAsync(LogId, 4, checkpoint.Root, CancellationToken.None);
        ulong blockBefore = await contract.BlockNumberAsync(CancellationToken.None);

        await worker.StepAsync(CancellationToken.None);

        StoredAnchor anchor = Assert.Single(_store.ReadAnchors());
        Assert.Equal(AnchorStatus.Included, anchor.Status);
        Assert.Equal(earlier.TransactionHash, anchor.Inclusion!.TransactionHash);
        Assert.Equal(blockBefore, await contract.BlockNumberAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Step_AttemptStoredButNeverSent_TheSameTransactionIsSent()
    {
        // As after a crash between storing the signed transaction and broadcasting it.
        (EvidenceAnchorContract contract, AnchorWorker worker) = await SetUpAsync();
        StoredCheckpoint checkpoint = SignLeaves(3);
        AnchorAttempt stored = await _chain!.SignAnchorAsync(LogId, 3, checkpoint.Root, null, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), CancellationToken.None);
        _store.SaveAnchor(new StoredAnchor(3, checkpoint.Root, await _chain.TargetAsync(CancellationToken.None), AnchorStatus.Pending, [stored], null, null, 0));
        ulong nonceBefore = await contract.NonceAsync(pending: false, CancellationToken.None);

        await worker.StepAsync(CancellationToken.None);

        StoredAnchor anchor = Assert.Single(_store.ReadAnchors());
        Assert.Equal(AnchorStatus.Included, anchor.Status);
        Assert.Equal(stored.TransactionHash, anchor.Inclusion!.TransactionHash);
        Assert.Equal(stored, Assert.Single(anchor.Attempts));
        Assert.Equal(nonceBefore + 1, await contract.NonceAsync(pending: false, CancellationToken.None));
    }

    [Fact]
    public async Task Step_TransactionStuck_ReplacedWithHigherFeesAndTheSameNonce()
    {
        var patient = new AnchorOptions { StuckAfter = TimeSpan.FromMilliseconds(300), ReceiptWait = TimeSpan.FromMilliseconds(100) };
        (EvidenceAnchorContract contract, AnchorWorker worker) = await SetUpAsync(patient);
        StoredCheckpoint checkpoint = SignLeaves(5);
        await _anvil.CallAsync("evm_setAutomine", false);

        await worker.StepAsync(CancellationToken.None);
        AnchorAttempt first = Assert.Single(Assert.Single(_store.ReadAnchors()).Attempts);
        await Task.Delay(patient.StuckAfter * 2);
        await worker.StepAsync(CancellationToken.None);
        StoredAnchor replaced = Assert.Single(_store.ReadAnchors());
        await _anvil.MineAsync(1);
        await worker.StepAsync(CancellationToken.None);
        StoredAnchor landed = Assert.Single(_store.ReadAnchors());

        Assert.Equal(AnchorStatus.Pending, replaced.Status);
        Assert.Equal(2, replaced.Attempts.Count);
        AnchorAttempt second = replaced.Attempts[1];
        Assert.Equal(first.Nonce, second.Nonce);
        Assert.True(second.MaxFeePerGas > first.MaxFeePerGas);
        Assert.True(second.MaxPriorityFeePerGas > first.MaxPriorityFeePerGas);
        Assert.Equal(AnchorStatus.Included, landed.Status);
        Assert.Equal(second.TransactionHash, landed.Inclusion!.TransactionHash);
        Assert.Equal(checkpoint.Root, await contract.RootAtAsync(LogId, 5, CancellationToken.None));
    }

    [Fact]
    public async Task Step_AnchorsOfAResetChain_MarkedLostAndTheLatestCheckpointAnchoredAgain()
    {
        (EvidenceAnchorContract contract, AnchorWorker worker) = await SetUpAsync();
        StoredCheckpoint checkpoint = SignLeaves(4);
        AnchorTarget current = await _chain!.TargetAsync(CancellationToken.None);
        var before = new ChainInclusion("0x" + new string('1', 64), 0, 1, "0x" + new string('2', 64), 1, 0);
        _store.SaveAnchor(new StoredAnchor(4, checkpoint.Root, current with { GenesisHash = "0x" + new string('9', 64) }, AnchorStatus.Final, [], before, null, 0));

        await worker.StepAsync(CancellationToken.None);

        IReadOnlyList<StoredAnchor> anchors = _store.ReadAnchors();
        Assert.Equal(2, anchors.Count);
        Assert.Equal(AnchorStatus.Lost, anchors.Single(a => a.Target != current).Status);
        StoredAnchor again = anchors.Single(a => a.Target == current);
        Assert.Equal(AnchorStatus.Included, again.Status);
        Assert.Equal(checkpoint.Root, await contract.RootAtAsync(LogId, 4, CancellationToken.None));
    }

    [Fact]
    public async Task Step_ChainUnreachable_AnchorStaysPendingThenLandsWhenTheChainIsBack()
    {
        (EvidenceAnchorContract contract, AnchorWorker worker) = await SetUpAsync();
        StoredCheckpoint checkpoint = SignLeaves(6);
        var deadChain = new EthereumAnchorChain(
            EvidenceAnchorContract.At(new Uri("http://127.0.0.1:1"), AnvilProcess.DevelopmentPrivateKey, AnvilProcess.ChainId, contract.Address),
            AnvilProcess.ChainId,
            new EthereumAnchorOptions { FinalityDepth = 2 });
        var offline = new AnchorWorker(_store, deadChain, LogId, TimeProvider.System, new AnchorOptions(), NullLogger<AnchorWorker>.Instance);

        await Assert.ThrowsAnyAsync<Exception>(() => offline.StepAsync(CancellationToken.None));
        await worker.StepAsync(CancellationToken.None);

        Assert.Equal(AnchorStatus.Included, Assert.Single(_store.ReadAnchors()).Status);
        Assert.Equal(checkpoint.Root, await contract.RootAtAsync(LogId, 6, CancellationToken.None));
    }

    [Fact]
    public async Task Step_BlockOfTheAnchorReorganizedAway_AnchoredAgain()
    {
        (EvidenceAnchorContract contract, AnchorWorker worker) = await SetUpAsync();
        StoredCheckpoint checkpoint = SignLeaves(7);
        string snapshot = (await _anvil.CallAsync("evm_snapshot")).GetString()!;
        await worker.StepAsync(CancellationToken.None);
        StoredAnchor first = Assert.Single(_store.ReadAnchors());

        // Drop the block that held the anchor and grow a different chain past it.
        await _anvil.CallAsync("evm_revert", snapshot);
        await _anvil.MineAsync(2);
        await worker.StepAsync(CancellationToken.None);
        StoredAnchor again = Assert.Single(_store.ReadAnchors());

        Assert.Equal(AnchorStatus.Included, first.Status);
        Assert.Equal(AnchorStatus.Included, again.Status);
        Assert.NotEqual(first.Inclusion!.BlockHash, again.Inclusion!.BlockHash);

        // The same signed transaction (same nonce) landed again: no second anchor was signed.
        Assert.Equal(first.Inclusion.TransactionHash, again.Inclusion.TransactionHash);
        Assert.Single(again.Attempts);
        Assert.Equal(checkpoint.Root, await contract.RootAtAsync(LogId, 7, CancellationToken.None));
    }

    public void Dispose()
    {
        _hasher.Dispose();
        _store.Dispose();
        _anvil.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task<(EvidenceAnchorContract Contract, AnchorWorker Worker)> SetUpAsync(AnchorOptions? options = null)
    {
        (EvidenceAnchorContract contract, _) = await EvidenceAnchorContract.DeployAsync(_anvil.Rpc, AnvilProcess.DevelopmentPrivateKey, AnvilProcess.ChainId, CancellationToken.None);
        await contract.SetNotaryAsync(contract.Sender, true, CancellationToken.None);
        _chain = new EthereumAnchorChain(contract, AnvilProcess.ChainId, new EthereumAnchorOptions { FinalityDepth = 2 });
        return (contract, new AnchorWorker(_store, _chain, LogId, TimeProvider.System, options ?? new AnchorOptions(), NullLogger<AnchorWorker>.Instance));
    }

    /// <summary>Appends <paramref name="count"/> leaves through the store's own rules and stores a checkpoint over them (the note is not checked by the store).</summary>
    private StoredCheckpoint SignLeaves(int count)
    {
        ulong first = _store.LeafCount;
        var leaves = Enumerable.Range(0, count).Select(i =>
        {
            byte[] leaf = BitConverter.GetBytes(first + (ulong)i);
            return new AcceptedLeaf(leaf, _hasher.HashLeaf(leaf), Sm3.HashData(leaf), 0);
        }).ToList();
        _store.AppendBatch(new AcceptedBatch(_store.NextBatchId, first, 0, "promise", leaves, [new SignedRequest(new byte[32], [1], new byte[64])]));
        var subtrees = new List<SubtreeHash>();
        foreach (AcceptedLeaf leaf in leaves)
        {
            _tree.Append(_hasher, leaf.LeafHash, (level, index, hash) => subtrees.Add(new SubtreeHash(level, index, hash)));
        }

        _store.AppendSubtrees(subtrees, _tree.TreeSize);
        var checkpoint = new StoredCheckpoint(_tree.TreeSize, _tree.Root(_hasher), "checkpoint note", 0);
        _store.AppendCheckpoint(checkpoint);
        return checkpoint;
    }
}
