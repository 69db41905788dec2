using EvidenceChain.Core.Custody;
using EvidenceChain.Core.Proofs;
using EvidenceChain.Core.Records;
using EvidenceChain.Core.Tests.Support;

namespace EvidenceChain.Core.Tests.Custody;

/// <summary>A party's custody trail (a record statement) verifies offline against a signed checkpoint, and fails on any change.</summary>
public sealed class CustodyTrailTests : IDisposable
{
    private const string Owner = "fedcba9876543210fedcba9876543210";
    private readonly ExampleLog _log = new();

    [Fact]
    public void Verify_TrailOfIncludedRecords_Valid()
    {
        RecordStatement trail = TrailWithOneEvent(out CustodyRecord record);
        Assert.True(RecordStatement.TryParse(trail.ToJson(), out RecordStatement? parsed).IsValid);

        Verdict verdict = CustodyTrail.Verify(parsed!, _log.TrustedKeys, out _, out IReadOnlyList<CustodyRecord> records);

        Assert.True(verdict.IsValid, verdict.ToString());
        Assert.Equal(record.Encode(), Assert.Single(records).Encode());
    }

    [Fact]
    public void Verify_AlteredRecord_NotTheOneItsLeafCommitsTo()
    {
        RecordStatement trail = TrailWithOneEvent(out CustodyRecord record);
        byte[] altered = (record with { Detail = "receipt read by nobody" }).Encode();
        RecordStatement forged = trail with { Entries = [trail.Entries[0] with { Record = altered }] };

        Assert.Equal(VerificationFailure.CommitmentMismatch, CustodyTrail.Verify(forged, _log.TrustedKeys, out _, out _).Failure);
    }

    [Fact]
    public void Verify_LeafNotBuiltFromItsRecord_Refused()
    {
        // A leaf that commits to the record's digests but names other parties (a forger who kept the digests).
        RecordStatement trail = TrailWithOneEvent(out CustodyRecord record, leafOf: r => r.ToLeaf() with { Parties = [] });

        Assert.Equal(VerificationFailure.CommitmentMismatch, CustodyTrail.Verify(trail, _log.TrustedKeys, out _, out _).Failure);
    }

    [Fact]
    public void Verify_SomeoneElsesTrail_Refused()
    {
        RecordStatement trail = TrailWithOneEvent(out _) with { Subject = CustodyTrail.SubjectOf("00000000000000000000000000000001") };

        Assert.Equal(VerificationFailure.RecordNotOfParty, CustodyTrail.Verify(trail, _log.TrustedKeys, out _, out _).Failure);
        Assert.Equal(VerificationFailure.MalformedTrail, CustodyTrail.Verify(trail with { Subject = "account:1" }, _log.TrustedKeys, out _, out _).Failure);
    }

    [Fact]
    public void Verify_CheckpointNotSignedByTheLog_Refused()
    {
        RecordStatement trail = TrailWithOneEvent(out _);
        using var stranger = new EvidenceChain.Core.Notes.Ed25519NoteSigner(_log.Origin.ToString(), new byte[32]);

        Assert.False(CustodyTrail.Verify(trail, [stranger.Verifier], out _, out _).IsValid);
    }

    [Fact]
    public void TryParse_NotAStatement_Malformed()
    {
        Assert.Equal(VerificationFailure.MalformedStatement, RecordStatement.TryParse("{\"format\":\"other\"}", out _).Failure);
        Assert.Equal(VerificationFailure.MalformedStatement, RecordStatement.TryParse("[]", out _).Failure);
    }

    public void Dispose() => _log.Dispose();

    private RecordStatement TrailWithOneEvent(out CustodyRecord record, Func<CustodyRecord, EvidenceChain.Core.Leaves.RecordLeaf>? leafOf = null)
    {
        _log.Append(ExampleLog.Deposit().Encode());
        record = CustodyRecordTests.Example();
        byte[] leaf = (leafOf ?? (r => r.ToLeaf()))(record).Encode();
        ulong index = _log.Append(leaf);
        _log.Append(ExampleLog.Deposit().Encode());
        return new RecordStatement(CustodyTrail.SubjectOf(Owner), _log.CheckpointNote(), [new RecordStatementEntry(index, leaf, record.Encode(), _log.Tree.InclusionProof(index, _log.Tree.TreeSize))]);
    }
}
