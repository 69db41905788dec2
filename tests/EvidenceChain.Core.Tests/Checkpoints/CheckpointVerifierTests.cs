using EvidenceChain.Core.Checkpoints;
using EvidenceChain.Core.Notes;
using EvidenceChain.Core.Proofs;
using EvidenceChain.Core.Tests.Support;

namespace EvidenceChain.Core.Tests.Checkpoints;

/// <summary>
/// checkpoint.md §Verification step 2: every trusted line verifies, and each algorithm among the log's
/// trusted keys signed. The rotation tests trust both generations of keys (§Key rotation): the first pair
/// of <see cref="ExampleLog"/> and the rotated pair of <see cref="TestKeys"/>.
/// </summary>
public sealed class CheckpointVerifierTests : IDisposable
{
    private readonly ExampleLog _log = new(randomSm2Nonce: true);
    private readonly Ed25519NoteSigner _newEd25519 = TestKeys.RotatedEd25519(TestKeys.Origin.ToString());
    private readonly Sm2NoteSigner _newSm2 = TestKeys.RotatedSm2(TestKeys.Origin.ToString());

    public CheckpointVerifierTests() => _log.Append(ExampleLog.Deposit().Encode());

    private NoteVerifier[] OldKeys => [_log.Ed25519.Verifier, _log.Sm2.Verifier];

    private NoteVerifier[] NewKeys => [_newEd25519.Verifier, _newSm2.Verifier];

    private NoteVerifier[] AllKeys => [.. OldKeys, .. NewKeys];

    [Fact]
    public void Verify_RotationCheckpointSignedByBothPairs_TrustingAllFour_ValidSignedByAllFour()
    {
        string note = _log.CheckpointNote(_log.Ed25519, _log.Sm2, _newEd25519, _newSm2);

        Verdict verdict = CheckpointVerifier.Verify(note, AllKeys, out VerifiedCheckpoint? verified);

        Assert.True(verdict.IsValid, verdict.ToString());
        Assert.Equal(AllKeys, verified!.SignedBy);
        Assert.Empty(verified.UnknownSignatures);
    }

    [Fact]
    public void Verify_NewPairOnly_TrustingAllFour_ValidSignedByTheNewPair()
    {
        Verdict verdict = CheckpointVerifier.Verify(_log.CheckpointNote(_newEd25519, _newSm2), AllKeys, out VerifiedCheckpoint? verified);

        Assert.True(verdict.IsValid, verdict.ToString());
        Assert.Equal(NewKeys, verified!.SignedBy);
    }

    [Fact]
    public void Verify_OldPairOnly_TrustingAllFourOrTheOldPair_ValidSignedByTheOldPair()
    {
        string note = _log.CheckpointNote(_log.Ed25519, _log.Sm2);

        Verdict all = CheckpointVerifier.Verify(note, AllKeys, out VerifiedCheckpoint? withAll);
        Verdict old = CheckpointVerifier.Verify(note, OldKeys, out VerifiedCheckpoint? withOld);

        Assert.True(all.IsValid, all.ToString());
        Assert.Equal(OldKeys, withAll!.SignedBy);
        Assert.True(old.IsValid, old.ToString());
        Assert.Equal(OldKeys, withOld!.SignedBy);
    }

    [Fact]
    public void Verify_Ed25519LinesOnly_TrustingBothAlgorithms_NoTrustedSignatureNamingSm2()
    {
        string note = _log.CheckpointNote(_log.Ed25519, _newEd25519);

        Verdict verdict = CheckpointVerifier.Verify(note, AllKeys, out VerifiedCheckpoint? verified);

        Assert.Equal(VerificationFailure.NoTrustedSignature, verdict.Failure);
        Assert.StartsWith("no trusted SM2 key of ", verdict.Detail, StringComparison.Ordinal);
        Assert.Contains($"{_log.Sm2.KeyId:x8}, {_newSm2.KeyId:x8}", verdict.Detail, StringComparison.Ordinal);
        Assert.Null(verified);
    }

    [Fact]
    public void Verify_NewEd25519LineOverAnotherCheckpoint_OldPairSound_BadSignature()
    {
        string note = _log.CheckpointNote(_log.Ed25519, _log.Sm2, _newSm2);
        string otherText = new Checkpoint(_log.Origin, 2, _log.Tree.Root).ToNoteText();
        string wrongLine = SignedNote.Sign(otherText, _newEd25519)[(otherText.Length + 1)..];

        Verdict verdict = CheckpointVerifier.Verify(note + wrongLine, AllKeys, out VerifiedCheckpoint? verified);

        Assert.Equal(VerificationFailure.BadSignature, verdict.Failure);
        Assert.Contains($"{_newEd25519.KeyId:x8}", verdict.Detail, StringComparison.Ordinal);
        Assert.Null(verified);
    }

    [Fact]
    public void Verify_RotationCheckpoint_TrustingTheEd25519KeysOnly_ValidSm2LinesUnknown()
    {
        string note = _log.CheckpointNote(_log.Ed25519, _log.Sm2, _newEd25519, _newSm2);

        Verdict verdict = CheckpointVerifier.Verify(note, [_log.Ed25519.Verifier, _newEd25519.Verifier], out VerifiedCheckpoint? verified);

        Assert.True(verdict.IsValid, verdict.ToString());
        Assert.Equal(2, verified!.SignedBy.Count);
        Assert.Equal([_log.Sm2.KeyId, _newSm2.KeyId], verified.UnknownSignatures.Select(s => s.KeyId));
    }

    [Fact]
    public void Verify_BothKeysTrustedAndSigned_ValidWithBoth()
    {
        Verdict verdict = CheckpointVerifier.Verify(_log.CheckpointNote(), _log.TrustedKeys, out VerifiedCheckpoint? verified);

        Assert.True(verdict.IsValid, verdict.ToString());
        Assert.Equal(1UL, verified!.Checkpoint.TreeSize);
        Assert.Equal(_log.TrustedKeys, verified.SignedBy);
    }

    [Fact]
    public void Verify_TrustedSm2KeyDidNotSign_NoTrustedSignature()
    {
        Verdict verdict = CheckpointVerifier.Verify(_log.CheckpointNote(_log.Ed25519), _log.TrustedKeys, out VerifiedCheckpoint? verified);

        Assert.Equal(VerificationFailure.NoTrustedSignature, verdict.Failure);
        Assert.Contains("SM2", verdict.Detail, StringComparison.Ordinal);
        Assert.Null(verified);
    }

    [Fact]
    public void Verify_KeysOfAnotherLogAlsoTrusted_Ignored()
    {
        using var other = new ExampleLog(TestKeys.Origin with { LogId = "ffffffffffffffffffffffffffffffff" }, randomSm2Nonce: true);

        Verdict verdict = CheckpointVerifier.Verify(_log.CheckpointNote(), [.. _log.TrustedKeys, .. other.TrustedKeys], out VerifiedCheckpoint? verified);

        Assert.True(verdict.IsValid, verdict.ToString());
        Assert.Equal(2, verified!.SignedBy.Count);
    }

    public void Dispose()
    {
        _log.Dispose();
        _newEd25519.Dispose();
        _newSm2.Dispose();
    }
}
