using System.Security.Cryptography;
using EvidenceChain.Core.Access;
using EvidenceChain.Core.Custody;
using EvidenceChain.Core.Proofs;
using EvidenceChain.Engine.Custody;
using EvidenceChain.Engine.Queries;
using EvidenceChain.Engine.Tests.Support;

namespace EvidenceChain.Engine.Tests;

/// <summary>Custody events go through the deposits' group commit into the log, and each named party's trail proves them.</summary>
public sealed class CustodyLogTests : IDisposable
{
    private const string Office = "0123456789abcdef0123456789abcdef";
    private const string Owner = "fedcba9876543210fedcba9876543210";
    private const string Stranger = "00000000000000000000000000000001";

    private readonly TestLog _log = new();
    private readonly LogQueries _queries;
    private readonly CustodyLog _custody;

    public CustodyLogTests()
    {
        _queries = new LogQueries(_log.Store, _log.Notary, _log.Sequencer);
        _custody = new CustodyLog(_log.Intake, _queries, _log.Store, TimeProvider.System, RandomNumberGenerator.Fill);
    }

    [Fact]
    public async Task RecordAsync_BesideDeposits_DurableLeavesInTheOwnersTrail()
    {
        Task<Deposits.DepositOutcome> deposit = _log.DepositAsync(3);
        Task<ulong> read = ReadByOffice(1);
        Task<ulong> second = ReadByOffice(2);
        await Task.WhenAll(deposit, read, second);

        Assert.Equal(5UL, _log.Store.LeafCount);
        Assert.NotNull(_log.Store.FindRecord(await read));
        _log.Sequencer.SignPending();

        CustodyTrailPage page = _custody.TrailOf(Owner, 0, 100);

        Assert.Equal([await read, await second], page.Trail.Entries.Select(e => e.LeafIndex).Order());
        Assert.False(page.MorePending);
        Assert.Equal(Math.Max(await read, await second) + 1, page.NextLeafIndex);
        Verdict verdict = CustodyTrail.Verify(page.Trail, _log.Notary.VerifierKeys, out _, out IReadOnlyList<CustodyRecord> records);
        Assert.True(verdict.IsValid, verdict.ToString());
        Assert.All(records, r => Assert.Equal(Office, r.Actor!.PartyId));
        Assert.Equal(2, _custody.TrailOf(Office, 0, 100).Trail.Entries.Count);
        Assert.Empty(_custody.TrailOf(Stranger, 0, 100).Trail.Entries);
    }

    [Fact]
    public async Task TrailOf_EventAfterTheCheckpoint_PendingNotServed()
    {
        await ReadByOffice(0);
        _log.Sequencer.SignPending();
        ulong late = await ReadByOffice(1);

        CustodyTrailPage page = _custody.TrailOf(Owner, 0, 100);

        Assert.Single(page.Trail.Entries);
        Assert.True(page.MorePending);
        Assert.DoesNotContain(page.Trail.Entries, e => e.LeafIndex == late);
    }

    [Fact]
    public async Task FindLeaf_CustodyLeaf_IsNoDeposit()
    {
        ulong index = await ReadByOffice(0);
        _log.Sequencer.SignPending();

        QueryException refused = Assert.Throws<QueryException>(() => _queries.FindLeaf(index));

        Assert.Equal(QueryFailure.NotFound, refused.Failure);
        Assert.Throws<QueryException>(() => _queries.FindLeaf(Core.Hashing.Digest.Read(SHA256.HashData(_log.Store.ReadLeaves(index, 1)[0]))));
    }

    public void Dispose() => _log.Dispose();

    private Task<ulong> ReadByOffice(int leaf) => _custody.RecordAsync(
        CustodyAction.ReceiptRead,
        new Caller(Office, PartyRole.NotaryOffice),
        [Owner],
        CustodySubjectKind.Deposit,
        new byte[32],
        $"receipt of leaf {leaf} read",
        CancellationToken.None);
}
