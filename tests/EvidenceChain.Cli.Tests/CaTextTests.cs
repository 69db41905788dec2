using EvidenceChain.Certificates;
using EvidenceChain.Cli.Internal;
using EvidenceChain.Cli.Offline.Internal;

namespace EvidenceChain.Cli.Tests;

/// <summary>Every problem the <c>ca</c> commands can report, and every validator failure, has its own sentence in both languages.</summary>
public sealed class CaTextTests
{
    [Theory]
    [InlineData(ReportText.ChineseCode)]
    [InlineData(ReportText.EnglishCode)]
    public void Tables_EveryMember_HasASentence(string language)
    {
        CaText text = CaText.For(language);

        Assert.Equal(Enum.GetValues<CaProblem>().Order(), text.Problems.Keys.Order());
        Assert.Equal(Enum.GetValues<CertificateFileProblem>().Order(), text.FileProblems.Keys.Order());
        Assert.Equal(Enum.GetValues<PartyCertificateFailure>().Order(), text.Failures.Keys.Order());
    }

    [Fact]
    public void Tables_SentencesDifferBetweenLanguages()
    {
        foreach (CaProblem problem in Enum.GetValues<CaProblem>())
        {
            Assert.NotEqual(CaText.Chinese.Describe(problem, "x", "y"), CaText.English.Describe(problem, "x", "y"));
        }

        foreach (CertificateFileProblem problem in Enum.GetValues<CertificateFileProblem>())
        {
            var exception = new CertificateFileException(problem, "x", "y");
            Assert.NotEqual(CaText.Chinese.Describe(exception), CaText.English.Describe(exception));
        }

        foreach (PartyCertificateFailure failure in Enum.GetValues<PartyCertificateFailure>())
        {
            Assert.NotEqual(CaText.Chinese.Failures[failure], CaText.English.Failures[failure]);
        }
    }

    [Fact]
    public void For_AnythingButEnglish_IsChinese()
    {
        Assert.Same(CaText.English, CaText.For("en"));
        Assert.Same(CaText.Chinese, CaText.For("zh"));
        Assert.Same(CaText.Chinese, CaText.For(null));
    }
}
