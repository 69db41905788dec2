using EvidenceChain.Core.Access;
using EvidenceChain.Core.Commitments;
using EvidenceChain.Core.Deposits;
using EvidenceChain.Core.Signing;
using EvidenceChain.Core.Tests.Support;

namespace EvidenceChain.Core.Tests.Deposits;

/// <summary>Stamped (v2) requests sign their time and nonce; SM2 keys sign requests as Ed25519 keys do, under their user ID.</summary>
public class StampedAndSm2RequestTests
{
    private static readonly RequestStamp s_stamp = new(ExampleLog.ReceivedAtMs, [.. Enumerable.Range(0, 16).Select(i => (byte)i)]);

    [Fact]
    public void TryValidate_StampedRequest_StampIsSigned()
    {
        DepositRequest stamped = ExampleLog.Request() with { Stamp = s_stamp };
        byte[] signature = stamped.Sign(ExampleLog.DepositorSeed);

        Assert.Equal(DepositRejection.None, stamped.TryValidate(ExampleLog.DepositorPublicKey, signature, out _));
        Assert.Equal(DepositRejection.BadSignature, (stamped with { Stamp = s_stamp with { IssuedAtMs = s_stamp.IssuedAtMs + 1 } }).TryValidate(ExampleLog.DepositorPublicKey, signature, out _));
        Assert.Equal(DepositRejection.BadSignature, (stamped with { Stamp = null }).TryValidate(ExampleLog.DepositorPublicKey, signature, out _));
        Assert.Equal(DepositRejection.MalformedStamp, (stamped with { Stamp = s_stamp with { Nonce = new byte[15] } }).TryValidate(ExampleLog.DepositorPublicKey, signature, out _));
    }

    [Fact]
    public void ReplayKey_DependsOnKeyAndNonce()
    {
        var fingerprint = PartyCommitment.FingerprintEd25519(ExampleLog.DepositorPublicKey);

        Assert.Equal(s_stamp.ReplayKey(fingerprint), (s_stamp with { IssuedAtMs = 1 }).ReplayKey(fingerprint));
        Assert.NotEqual(s_stamp.ReplayKey(fingerprint), (s_stamp with { Nonce = new byte[16] }).ReplayKey(fingerprint));
        Assert.NotEqual(s_stamp.ReplayKey(fingerprint), s_stamp.ReplayKey(PartyCommitment.FingerprintEd25519(TestKeys.Ed25519Public)));
    }

    [Fact]
    public void TryValidate_Sm2SignedRequest_AcceptedUnderItsUserIdOnly()
    {
        DepositRequest request = ExampleLog.Request() with { Stamp = s_stamp };
        using var key = new Sm2MemoryKey(TestKeys.Sm2PrivateKey, "Jinan Example Co."u8, System.Security.Cryptography.RandomNumberGenerator.Fill);
        byte[] signature = key.Sign(request.SignedBytes());
        byte[] point = key.PublicKey.ToArray();

        DepositRejection accepted = request.TryValidate(PartyKeyAlgorithm.Sm2, point, "Jinan Example Co."u8, signature, out _, out PartyKey? signer);
        DepositRejection defaultId = request.TryValidate(PartyKeyAlgorithm.Sm2, point, [], signature, out _, out _);
        DepositRejection asEd25519 = request.TryValidate(PartyKeyAlgorithm.Ed25519, point, [], signature, out _, out _);

        Assert.Equal(DepositRejection.None, accepted);
        Assert.Equal(PartyKeyAlgorithm.Sm2, signer!.Algorithm);
        Assert.Equal(DepositRejection.BadSignature, defaultId);
        Assert.Equal(DepositRejection.MalformedPublicKey, asEd25519);
    }
}
