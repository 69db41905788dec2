using EvidenceChain.Core.Proofs;
using EvidenceChain.Core.Receipts;
using EvidenceChain.Core.Tests.Support;

namespace EvidenceChain.Core.Tests.Receipts;

/// <summary>
/// Receipt versions (receipt.md §Versions): v1 receipts verify forever, so one written by the v1 code is kept
/// byte for byte in tests/vectors/receipts/ and checked here; new receipts are v2, whose rfc3161 entries are
/// specified and checked.
/// </summary>
public sealed class ReceiptVersionTests
{
    private static string V1Receipt() => File.ReadAllText(RepoPaths.Vector(Path.Combine("receipts", "v1-hello-court.receipt.json")));

    [Fact]
    public void Verify_V1ReceiptOfTheDocsExample_StillValid()
    {
        using var log = new ExampleLog();

        ReceiptReport report = ReceiptVerifier.Verify(V1Receipt(), log.TrustedKeys, ExampleLog.Evidence());

        Assert.True(report.IsValid, report.Verdict.ToString());
        Assert.Contains(ReceiptCheck.Promise, report.Passed);
    }

    [Fact]
    public void Verify_V1ReceiptWithTsaTrustGiven_StillValid()
    {
        using var log = new ExampleLog();

        ReceiptReport report = ReceiptVerifier.Verify(V1Receipt(), log.TrustedKeys, ExampleLog.Evidence(), TestTsa.Ecdsa.Trust());

        Assert.True(report.IsValid, report.Verdict.ToString());
        Assert.Contains(report.NotChecked, n => n.Item == UncheckedItem.TrustedTime);
    }

    [Fact]
    public void TryParse_V1Receipt_KeepsTheFormatItWasReadIn_ToJsonWritesV2()
    {
        Assert.True(Receipt.TryParse(V1Receipt(), out Receipt? receipt).IsValid);

        Assert.Equal(Receipt.FormatV1, receipt!.Format);
        Assert.Contains($"\"format\": \"{Receipt.FormatV2}\"", receipt.ToJson(), StringComparison.Ordinal);
        Assert.True(Receipt.TryParse(receipt.ToJson(), out Receipt? rewritten).IsValid);
        Assert.Equal(Receipt.FormatV2, rewritten!.Format);
    }

    [Fact]
    public void Verify_MalformedRfc3161EntryInV2_MalformedReceipt()
    {
        Assert.True(Receipt.TryParse(V1Receipt(), out Receipt? receipt).IsValid);
        string json = receipt!.ToJson().Replace("\"timestamps\": []", "\"timestamps\": [{\"type\": \"rfc3161\"}]", StringComparison.Ordinal);
        using var log = new ExampleLog();

        ReceiptReport report = ReceiptVerifier.Verify(json, log.TrustedKeys, ExampleLog.Evidence());

        Assert.Equal(VerificationFailure.MalformedReceipt, report.Verdict.Failure);
    }
}
