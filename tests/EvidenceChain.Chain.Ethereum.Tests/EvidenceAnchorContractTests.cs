using EvidenceChain.Core.Checkpoints;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Testing;

namespace EvidenceChain.Chain.Ethereum.Tests;

/// <summary>The anchor contract on a real anvil node of this class's own.</summary>
public sealed class EvidenceAnchorContractTests : IDisposable
{
    private static readonly LogOrigin s_origin = new("notary.example.cn", "000102030405060708090a0b0c0d0e0f", TreeHash.Sha256);
    private readonly AnvilProcess _anvil = AnvilProcess.Start();

    private static Digest Root(string seed) => Sm3.HashData(System.Text.Encoding.ASCII.GetBytes(seed));

    private async Task<EvidenceAnchorContract> DeployWithNotaryAsync()
    {
        (EvidenceAnchorContract contract, ulong deployGas) = await EvidenceAnchorContract.DeployAsync(_anvil.Rpc, AnvilProcess.DevelopmentPrivateKey, AnvilProcess.ChainId, CancellationToken.None);
        Assert.InRange(deployGas, 100_000UL, 3_000_000UL);
        await contract.SetNotaryAsync(contract.Sender, true, CancellationToken.None);
        return contract;
    }

    [Fact]
    public async Task Anchor_GrowingSizes_FoundByRootAndBySizeWithBlockData()
    {
        EvidenceAnchorContract contract = await DeployWithNotaryAsync();
        Digest logId = s_origin.OriginHash;

        AnchorInclusion first = await contract.AnchorAsync(logId, 10, Root("a"), CancellationToken.None);
        AnchorInclusion second = await contract.AnchorAsync(logId, 25, Root("b"), CancellationToken.None);

        Assert.Equal(logId, first.LogId);
        Assert.Equal(25UL, second.TreeSize);
        Assert.True(second.BlockNumber > first.BlockNumber);
        AnchorRecord? found = await contract.FindByRootAsync(Root("a"), CancellationToken.None);
        Assert.Equal(new AnchorRecord(logId, 10, first.BlockNumber, first.Timestamp), found);
        Assert.Equal(Root("b"), await contract.RootAtAsync(logId, 25, CancellationToken.None));
        Assert.Null(await contract.RootAtAsync(logId, 11, CancellationToken.None));
        Assert.Null(await contract.FindByRootAsync(Root("never"), CancellationToken.None));
        Assert.Equal(25UL, await contract.LatestTreeSizeAsync(logId, CancellationToken.None));

        // Gas per anchor is measured here and recorded in docs/benchmarks.md; the bound keeps a
        // careless storage change from doubling it unnoticed.
        Assert.InRange(second.GasUsed, 21_000UL, 150_000UL);
    }

    [Fact]
    public async Task Anchor_SameRootAgain_RejectedAsRootAlreadyAnchored()
    {
        EvidenceAnchorContract contract = await DeployWithNotaryAsync();
        Digest logId = s_origin.OriginHash;
        await contract.AnchorAsync(logId, 5, Root("x"), CancellationToken.None);

        AnchorRejectedException e = await Assert.ThrowsAsync<AnchorRejectedException>(() => contract.AnchorAsync(logId, 6, Root("x"), CancellationToken.None));

        Assert.Equal(AnchorRejection.RootAlreadyAnchored, e.Rejection);
    }

    [Theory]
    [InlineData(5UL)]
    [InlineData(4UL)]
    public async Task Anchor_TreeSizeNotGrowing_RejectedAsTreeSizeMustGrow(ulong treeSize)
    {
        EvidenceAnchorContract contract = await DeployWithNotaryAsync();
        Digest logId = s_origin.OriginHash;
        await contract.AnchorAsync(logId, 5, Root("first"), CancellationToken.None);

        AnchorRejectedException e = await Assert.ThrowsAsync<AnchorRejectedException>(() => contract.AnchorAsync(logId, treeSize, Root("second"), CancellationToken.None));

        Assert.Equal(AnchorRejection.TreeSizeMustGrow, e.Rejection);
        Assert.Equal(5UL, await contract.LatestTreeSizeAsync(logId, CancellationToken.None));
    }

    [Fact]
    public async Task Anchor_FromAnAddressNotAllowed_RejectedAsNotNotary()
    {
        EvidenceAnchorContract owner = await DeployWithNotaryAsync();
        EvidenceAnchorContract stranger = EvidenceAnchorContract.At(_anvil.Rpc, AnvilProcess.SecondDevelopmentPrivateKey, AnvilProcess.ChainId, owner.Address);

        // The stranger's account is funded, so a refusal is the contract's rule, not a lack of gas.
        Assert.NotEqual("0x0", (await _anvil.CallAsync("eth_getBalance", stranger.Sender, "latest")).GetString());

        AnchorRejectedException e = await Assert.ThrowsAsync<AnchorRejectedException>(() => stranger.AnchorAsync(s_origin.OriginHash, 1, Root("s"), CancellationToken.None));
        AnchorRejectedException notOwner = await Assert.ThrowsAsync<AnchorRejectedException>(() => stranger.SetNotaryAsync(stranger.Sender, true, CancellationToken.None));

        Assert.Equal(AnchorRejection.NotNotary, e.Rejection);
        Assert.Equal(AnchorRejection.NotOwner, notOwner.Rejection);
    }

    [Fact]
    public async Task LogKeys_PublishedByOwner_ReadBack()
    {
        EvidenceAnchorContract contract = await DeployWithNotaryAsync();
        Digest logId = s_origin.OriginHash;
        string[] keys = [s_origin + "+8841511f+AddamAGCsQq31Uv+08lkBzoO4XLz2qYjJa8CGmj3B1Ea", s_origin + "+ab5a6841+/2V2aWRlbmNl"];

        await contract.SetLogKeysAsync(logId, keys, CancellationToken.None);

        Assert.Equal(keys, await contract.LogKeysAsync(logId, CancellationToken.None));
    }

    public void Dispose() => _anvil.Dispose();
}
