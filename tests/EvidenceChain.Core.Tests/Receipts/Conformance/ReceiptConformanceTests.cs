using EvidenceChain.Core.Proofs;
using EvidenceChain.Core.Receipts;

namespace EvidenceChain.Core.Tests.Receipts.Conformance;

/// <summary>
/// Runs the conformance folder tests/vectors/receipts/: every case of its manifest through
/// <see cref="ReceiptVerifier"/> with exactly the inputs the case names, expecting the manifest's result and,
/// for a valid case, the times it lists. A second verifier is held to the same manifest.
/// </summary>
public sealed class ReceiptConformanceTests
{
    private static readonly ConformanceManifest s_manifest = ConformanceManifest.Parse(ConformanceInputs.Read(ConformanceManifest.FileName));

    public static TheoryData<string> CaseNames => [.. s_manifest.Cases.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Verify_ConformanceCase_GivesTheManifestsResult(string name)
    {
        ConformanceCase testCase = s_manifest.Cases.Single(c => c.Name == name);

        ReceiptReport report = ReceiptVerifier.Verify(
            ConformanceInputs.Read(testCase.Receipt),
            ConformanceInputs.Keys(testCase.LogKeys),
            ConformanceInputs.Evidence(testCase.Content, testCase.Salt),
            ConformanceInputs.Trust(testCase.TsaRoots, testCase.OperatorTsa));

        Assert.True(testCase.Expect == (report.IsValid ? ConformanceCase.Valid : report.Verdict.Failure.ToString()), $"{name}: expected {testCase.Expect}, got {report.Verdict}");
        if (report.IsValid)
        {
            Assert.Equal(testCase.LogTime, ConformanceManifest.Instant(DateTimeOffset.FromUnixTimeMilliseconds(report.Deposit!.ReceivedAtMs)));
            Assert.Equal(testCase.Timestamps, report.VerifiedTimestamps.Select(Reported));
            Assert.Equal(testCase.Anchors, report.VerifiedAnchors.Select(Reported));
        }
    }

    [Fact]
    public void Manifest_NamesEveryFileOfTheFolder_AndEachExists()
    {
        string[] present = [.. Directory.EnumerateFiles(ConformanceFolder.Directory).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];
        string[] named = [.. s_manifest.Cases.SelectMany(c => c.FileNames()).Append(ConformanceManifest.FileName).Append("README.md").Distinct().Order(StringComparer.Ordinal)];

        Assert.Equal(named, present);
    }

    [Fact]
    public void Manifest_CasesAreUniqueAndOfBothKinds()
    {
        Assert.Equal(ConformanceManifest.FormatV1, s_manifest.Format);
        Assert.Equal(s_manifest.Cases.Count, s_manifest.Cases.Select(c => c.Name).Distinct().Count());
        Assert.Contains(s_manifest.Cases, c => c.Expect == ConformanceCase.Valid);
        Assert.Contains(s_manifest.Cases, c => c.Expect != ConformanceCase.Valid);
        Assert.All(s_manifest.Cases.Where(c => c.Expect != ConformanceCase.Valid), c => Assert.True(Enum.TryParse<VerificationFailure>(c.Expect, out _), c.Expect));
    }

    private static ExpectedTimestamp Reported(ReceiptTimestamp timestamp) =>
        new(timestamp.Authority, timestamp.TreeSize, ConformanceManifest.Instant(timestamp.Token.GenTime), (long?)timestamp.Token.Accuracy?.TotalMilliseconds, timestamp.Token.TsaName,
            timestamp.Token.IsOperatorTsa ? ExpectedTimestamp.Operator : ExpectedTimestamp.Independent);

    private static ExpectedAnchor Reported(EvmAnchorSection anchor) =>
        new(EvmAnchorSection.Type, anchor.ChainId, anchor.TreeSize, anchor.Landing!.BlockNumber,
            ConformanceManifest.Instant(DateTimeOffset.FromUnixTimeSeconds(checked((long)anchor.Landing.BlockTime))));
}
