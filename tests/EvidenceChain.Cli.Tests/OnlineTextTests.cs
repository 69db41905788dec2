using EvidenceChain.Cli.Internal;
using EvidenceChain.Cli.Offline.Internal;

namespace EvidenceChain.Cli.Tests;

/// <summary>Every problem an online command can report has its own sentence in both languages.</summary>
public sealed class OnlineTextTests
{
    [Theory]
    [InlineData(ReportText.ChineseCode)]
    [InlineData(ReportText.EnglishCode)]
    public void Problems_EveryOnlineProblem_HasASentence(string language)
    {
        OnlineText text = OnlineText.For(language);

        Assert.Equal(Enum.GetValues<OnlineProblem>().Order(), text.Problems.Keys.Order());
    }

    [Fact]
    public void Problems_SentencesDifferBetweenLanguages()
    {
        foreach (OnlineProblem problem in Enum.GetValues<OnlineProblem>())
        {
            Assert.NotEqual(OnlineText.Chinese.Describe(problem, "x", "y"), OnlineText.English.Describe(problem, "x", "y"));
        }
    }

    [Fact]
    public void For_AnythingButEnglish_IsChinese()
    {
        Assert.Same(OnlineText.English, OnlineText.For("en"));
        Assert.Same(OnlineText.Chinese, OnlineText.For("zh"));
        Assert.Same(OnlineText.Chinese, OnlineText.For(null));
    }
}
