using EvidenceChain.Core.Deposits;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Leaves;
using EvidenceChain.Core.Tests.Support;

namespace EvidenceChain.Core.Tests.Deposits;

public class DepositRequestTests
{
    [Fact]
    public void TryValidate_SignedByDepositor_AcceptedAndLeafEqualsExample()
    {
        DepositRequest request = ExampleLog.Request();
        byte[] signature = request.Sign(ExampleLog.DepositorSeed);
        byte[] publicKey = DepositRequest.PublicKeyOf(ExampleLog.DepositorSeed);

        Assert.Equal(DepositRejection.None, request.TryValidate(publicKey, signature, out _));
        Assert.Equal(ExampleLog.DepositorPublicKey, publicKey);
        Assert.Equal(ExampleLog.Deposit(), Assert.Single(request.ToLeaves(ExampleLog.ReceivedAtMs, publicKey)));
    }

    [Fact]
    public void TryValidate_EntryChangedOrOtherLog_ReturnsBadSignature()
    {
        DepositRequest request = ExampleLog.Request();
        byte[] signature = request.Sign(ExampleLog.DepositorSeed);
        byte[] publicKey = DepositRequest.PublicKeyOf(ExampleLog.DepositorSeed);
        DepositRequest changed = request with { Entries = [request.Entries[0] with { UnitCount = 2 }] };
        DepositRequest otherLog = request with { Origin = TestKeys.Origin with { LogId = "ffffffffffffffffffffffffffffffff" } };

        Assert.Equal(DepositRejection.BadSignature, changed.TryValidate(publicKey, signature, out _));
        Assert.Equal(DepositRejection.BadSignature, otherLog.TryValidate(publicKey, signature, out _));
        Assert.Equal(DepositRejection.BadSignature, request.TryValidate(DepositRequest.PublicKeyOf(TestKeys.Ed25519Seed), signature, out _));
    }

    [Fact]
    public void TryValidate_BadEntries_NameRuleAndEntry()
    {
        DepositEntry good = ExampleLog.Request().Entries[0];
        byte[] publicKey = DepositRequest.PublicKeyOf(ExampleLog.DepositorSeed);
        byte[] signature = new byte[64];

        Assert.Equal(DepositRejection.NoEntries, (ExampleLog.Request() with { Entries = [] }).TryValidate(publicKey, signature, out _));
        Assert.Equal(DepositRejection.TooManyEntries, (ExampleLog.Request() with { Entries = Enumerable.Repeat(good, 1001).ToList() }).TryValidate(publicKey, signature, out _));
        Assert.Equal(DepositRejection.UnknownContentKind, (ExampleLog.Request() with { Entries = [good, good with { Kind = (ContentKind)7 }] }).TryValidate(publicKey, signature, out int entry));
        Assert.Equal(1, entry);
        Assert.Equal(DepositRejection.UnitCountOutOfRange, (ExampleLog.Request() with { Entries = [good with { UnitCount = 0 }] }).TryValidate(publicKey, signature, out _));
        Assert.Equal(DepositRejection.MalformedPublicKey, ExampleLog.Request().TryValidate(new byte[31], signature, out _));
        Assert.Equal(DepositRejection.MalformedSignature, ExampleLog.Request().TryValidate(publicKey, new byte[63], out _));
    }

    [Fact]
    public void SignedBytes_Layout_ContextOriginCountEntries()
    {
        byte[] message = ExampleLog.Request().SignedBytes();
        string prefix = "evidencechain/deposit-request/v1\n" + TestKeys.Origin + "\n";

        Assert.Equal(prefix.Length + 2 + DepositEntry.EncodedLengthBytes, message.Length);
        Assert.Equal(prefix, System.Text.Encoding.ASCII.GetString(message, 0, prefix.Length));
        Assert.Equal([0, 1, (byte)ContentKind.TradeSecret, 0, 0, 0, 1], message[prefix.Length..(prefix.Length + 7)]);
        Assert.Equal(ExampleLog.UnitsRoot().Sha256, Digest.Read(message.AsSpan(prefix.Length + 7, 32)));
    }
}
