using EvidenceChain.Core.Checkpoints;
using EvidenceChain.Core.Proofs;
using EvidenceChain.Core.Tests.Support;

namespace EvidenceChain.Core.Tests.Checkpoints;

public class CheckpointVerifierTests
{
    [Fact]
    public void Verify_BothKeysTrustedAndSigned_ValidWithBoth()
    {
        using var log = new ExampleLog(randomSm2Nonce: true);
        log.Append(ExampleLog.Deposit().Encode());

        Verdict verdict = CheckpointVerifier.Verify(log.CheckpointNote(), log.TrustedKeys, out VerifiedCheckpoint? verified);

        Assert.True(verdict.IsValid, verdict.ToString());
        Assert.Equal(1UL, verified!.Checkpoint.TreeSize);
        Assert.Equal(log.TrustedKeys, verified.SignedBy);
    }

    [Fact]
    public void Verify_TrustedSm2KeyDidNotSign_NoTrustedSignature()
    {
        using var log = new ExampleLog(randomSm2Nonce: true);
        log.Append(ExampleLog.Deposit().Encode());

        Verdict verdict = CheckpointVerifier.Verify(log.CheckpointNote(log.Ed25519), log.TrustedKeys, out VerifiedCheckpoint? verified);

        Assert.Equal(VerificationFailure.NoTrustedSignature, verdict.Failure);
        Assert.Null(verified);
    }

    [Fact]
    public void Verify_KeysOfAnotherLogAlsoTrusted_Ignored()
    {
        using var log = new ExampleLog(randomSm2Nonce: true);
        using var other = new ExampleLog(TestKeys.Origin with { LogId = "ffffffffffffffffffffffffffffffff" }, randomSm2Nonce: true);
        log.Append(ExampleLog.Deposit().Encode());

        Verdict verdict = CheckpointVerifier.Verify(log.CheckpointNote(), [.. log.TrustedKeys, .. other.TrustedKeys], out VerifiedCheckpoint? verified);

        Assert.True(verdict.IsValid, verdict.ToString());
        Assert.Equal(2, verified!.SignedBy.Count);
    }
}
