using EvidenceChain.Cli.Internal;
using EvidenceChain.Core.Custody;

namespace EvidenceChain.Cli.Tests;

/// <summary>Every custody action the log can hold has a name in both languages, so a trail never prints a bare enum name.</summary>
public sealed class CustodyTextTests
{
    [Fact]
    public void EveryAction_IsNamed_InChineseAndEnglish()
    {
        foreach (CustodyText text in new[] { CustodyText.Chinese, CustodyText.English })
        {
            Assert.Equal(Enum.GetValues<CustodyAction>().Order(), text.Actions.Keys.Order());
            Assert.All(text.Actions.Values, name => Assert.False(string.IsNullOrWhiteSpace(name)));
        }
    }
}
