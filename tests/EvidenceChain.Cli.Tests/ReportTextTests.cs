using EvidenceChain.Cli.Offline.Internal;
using EvidenceChain.Core.Leaves;
using EvidenceChain.Core.Proofs;
using EvidenceChain.Core.Receipts;

namespace EvidenceChain.Cli.Tests;

/// <summary>Every value Core can report, and every input problem, has its own sentence in both languages.</summary>
public sealed class ReportTextTests
{
    public static TheoryData<string> Languages => [ReportText.ChineseCode, ReportText.EnglishCode];

    [Theory]
    [MemberData(nameof(Languages))]
    public void Checks_EveryReceiptCheck_HasASentence(string language) =>
        AssertCovers(ReportText.For(language).Checks.Keys, Enum.GetValues<ReceiptCheck>());

    [Theory]
    [MemberData(nameof(Languages))]
    public void NotChecked_EveryUncheckedItem_HasASentence(string language) =>
        AssertCovers(ReportText.For(language).NotChecked.Keys, Enum.GetValues<UncheckedItem>());

    [Theory]
    [MemberData(nameof(Languages))]
    public void Failures_EveryVerificationFailure_HasASentence(string language) =>
        AssertCovers(ReportText.For(language).Failures.Keys, Enum.GetValues<VerificationFailure>());

    [Theory]
    [MemberData(nameof(Languages))]
    public void CanonicalityFailures_EveryCanonicalityFailure_HasASentence(string language) =>
        AssertCovers(ReportText.For(language).CanonicalityFailures.Keys, Enum.GetValues<CanonicalityFailure>());

    [Theory]
    [MemberData(nameof(Languages))]
    public void AnchorStates_EveryAnchorState_HasAName(string language) =>
        AssertCovers(ReportText.For(language).AnchorStates.Keys, Enum.GetValues<AnchorState>());

    [Theory]
    [MemberData(nameof(Languages))]
    public void ContentKinds_EveryContentKind_HasAName(string language) =>
        AssertCovers(ReportText.For(language).ContentKinds.Keys, Enum.GetValues<ContentKind>());

    [Theory]
    [MemberData(nameof(Languages))]
    public void Problems_EveryInputProblem_HasASentence(string language) =>
        AssertCovers(ReportText.For(language).Problems.Keys, Enum.GetValues<InputProblem>());

    [Fact]
    public void Sentences_DifferBetweenLanguages()
    {
        // A sentence copied into the other table by mistake would read the same in both.
        foreach (ReceiptCheck check in Enum.GetValues<ReceiptCheck>())
        {
            Assert.NotEqual(ReportText.Chinese.Check(check), ReportText.English.Check(check));
        }

        foreach (UncheckedItem item in Enum.GetValues<UncheckedItem>())
        {
            Assert.NotEqual(ReportText.Chinese.Unchecked(item, "SM2"), ReportText.English.Unchecked(item, "SM2"));
        }

        foreach (VerificationFailure failure in Enum.GetValues<VerificationFailure>())
        {
            Assert.NotEqual(ReportText.Chinese.Failure(failure), ReportText.English.Failure(failure));
        }

        foreach (CanonicalityFailure failure in Enum.GetValues<CanonicalityFailure>())
        {
            Assert.NotEqual(ReportText.Chinese.CanonicalityFailureText(failure), ReportText.English.CanonicalityFailureText(failure));
        }

        foreach (AnchorState state in Enum.GetValues<AnchorState>())
        {
            Assert.NotEqual(ReportText.Chinese.AnchorStateText(state), ReportText.English.AnchorStateText(state));
        }
    }

    [Fact]
    public void CertificateReportText_EverySentence_DiffersBetweenLanguages()
    {
        var sentences = typeof(CertificateReportText).GetProperties().Where(p => p.PropertyType == typeof(string)).ToList();

        Assert.NotEmpty(sentences);
        foreach (var sentence in sentences)
        {
            string chinese = (string)sentence.GetValue(CertificateReportText.Chinese)!;
            string english = (string)sentence.GetValue(CertificateReportText.English)!;
            Assert.False(chinese.Length == 0 || english.Length == 0 || chinese == english, sentence.Name);
        }
    }

    [Fact]
    public void Unchecked_PendingAnchor_KeepsCoresEnglishDetailBesideTheSentence()
    {
        const string detail = "the anchor of tree size 7 on chain 31337 is pending: not in a block yet";

        Assert.Equal("区块链锚定未核验（尚未上链、已丢失或类型未知）。英文说明：" + detail, ReportText.Chinese.Unchecked(UncheckedItem.Anchors, detail));
        Assert.Equal("chain anchor not checked (pending, lost, or of an unknown kind): " + detail, ReportText.English.Unchecked(UncheckedItem.Anchors, detail));
    }

    [Fact]
    public void Unchecked_MissingSm2_SaysSoPlainly()
    {
        Assert.Equal("未提供受信任的 SM2 公钥，未核验 SM2 签名", ReportText.Chinese.Unchecked(UncheckedItem.MissingAlgorithm, "SM2"));
        Assert.Equal("no trusted SM2 key was given, so the SM2 signature was not checked", ReportText.English.Unchecked(UncheckedItem.MissingAlgorithm, "SM2"));
    }

    [Theory]
    [InlineData(0L, "1970-01-01T00:00:00.000Z")]
    [InlineData(1_764_400_000_123L, "2025-11-29T07:06:40.123Z")]
    [InlineData(253_402_300_799_999L, "9999-12-31T23:59:59.999Z")]
    [InlineData(253_402_300_800_000L, "253402300800000 ms (outside the calendar)")]
    public void FormatTime_UnixMilliseconds_IsIso8601Utc(long unixMs, string expected) =>
        Assert.Equal(expected, ReportWriter.FormatTime(unixMs, ReportText.English));

    [Theory]
    [InlineData(0UL, "1970-01-01T00:00:00Z")]
    [InlineData(1_764_400_060UL, "2025-11-29T07:07:40Z")]
    [InlineData(253_402_300_799UL, "9999-12-31T23:59:59Z")]
    [InlineData(253_402_300_800UL, "253402300800 s (outside the calendar)")]
    [InlineData(ulong.MaxValue, "18446744073709551615 s (outside the calendar)")]
    public void FormatBlockTime_UnixSeconds_IsIso8601Utc(ulong unixSeconds, string expected) =>
        Assert.Equal(expected, ReportWriter.FormatBlockTime(unixSeconds, ReportText.English));

    private static void AssertCovers<T>(IEnumerable<T> mapped, IEnumerable<T> all) =>
        Assert.Empty(all.Except(mapped));
}
