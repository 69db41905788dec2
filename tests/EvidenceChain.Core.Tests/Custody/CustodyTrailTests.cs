using EvidenceChain.Core.Custody;
using EvidenceChain.Core.Proofs;
using EvidenceChain.Core.Tests.Support;

namespace EvidenceChain.Core.Tests.Custody;

/// <summary>A party's custody trail verifies offline against a signed checkpoint, and fails on any change.</summary>
public sealed class CustodyTrailTests : IDisposable
{
    private const string Owner = "fedcba9876543210fedcba9876543210";
    private readonly ExampleLog _log = new();

    [Fact]
    public void Verify_TrailOfIncludedRecords_Valid()
    {
        CustodyTrail trail = TrailWithOneEvent(out CustodyRecord record);
        Assert.True(CustodyTrail.TryParse(trail.ToJson(), out CustodyTrail? parsed).IsValid);

        Verdict verdict = parsed!.Verify(_log.TrustedKeys, out _, out IReadOnlyList<CustodyRecord> records);

        Assert.True(verdict.IsValid, verdict.ToString());
        Assert.Equal(record.Encode(), Assert.Single(records).Encode());
    }

    [Fact]
    public void Verify_AlteredRecord_FailsInclusion()
    {
        CustodyTrail trail = TrailWithOneEvent(out CustodyRecord record);
        byte[] altered = (record with { Detail = "receipt read by nobody" }).Encode();
        var forged = trail with { Events = [trail.Events[0] with { Record = altered }] };

        Verdict verdict = forged.Verify(_log.TrustedKeys, out _, out _);

        Assert.Equal(VerificationFailure.RootMismatch, verdict.Failure);
    }

    [Fact]
    public void Verify_SomeoneElsesTrail_Refused()
    {
        CustodyTrail trail = TrailWithOneEvent(out _) with { PartyId = "00000000000000000000000000000001" };

        Assert.Equal(VerificationFailure.RecordNotOfParty, trail.Verify(_log.TrustedKeys, out _, out _).Failure);
    }

    [Fact]
    public void Verify_CheckpointNotSignedByTheLog_Refused()
    {
        CustodyTrail trail = TrailWithOneEvent(out _);
        using var stranger = new EvidenceChain.Core.Notes.Ed25519NoteSigner(_log.Origin.ToString(), new byte[32]);

        Assert.False(trail.Verify([stranger.Verifier], out _, out _).IsValid);
    }

    [Fact]
    public void TryParse_NotATrail_Malformed()
    {
        Assert.Equal(VerificationFailure.MalformedTrail, CustodyTrail.TryParse("{\"format\":\"other\"}", out _).Failure);
        Assert.Equal(VerificationFailure.MalformedTrail, CustodyTrail.TryParse("[]", out _).Failure);
    }

    public void Dispose() => _log.Dispose();

    private CustodyTrail TrailWithOneEvent(out CustodyRecord record)
    {
        _log.Append(ExampleLog.Deposit().Encode());
        record = CustodyRecordTests.Example();
        ulong index = _log.Append(record.ToLeaf().Encode());
        _log.Append(ExampleLog.Deposit().Encode());
        return new CustodyTrail(Owner, _log.CheckpointNote(), [new CustodyTrailEvent(index, record.Encode(), _log.Tree.InclusionProof(index, _log.Tree.TreeSize))]);
    }
}
