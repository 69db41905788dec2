using EvidenceChain.Cli.Internal;
using EvidenceChain.Core.Receipts;

namespace EvidenceChain.Cli.Tests;

/// <summary>What <c>receipt</c> prints about anchors: both languages have every line, and they differ.</summary>
public sealed class AnchorReceiptTextTests
{
    [Fact]
    public void UntilStates_BothStatesTheCommandAccepts_HaveANameInBothLanguages()
    {
        foreach (ReceiptAnchorText text in (ReceiptAnchorText[])[ReceiptAnchorText.Chinese, ReceiptAnchorText.English])
        {
            Assert.Equal([AnchorState.Included, AnchorState.Final], text.UntilStates.Keys.Order());
        }
    }

    [Fact]
    public void Sentences_DifferBetweenLanguages()
    {
        ReceiptAnchorText zh = ReceiptAnchorText.Chinese;
        ReceiptAnchorText en = ReceiptAnchorText.English;

        Assert.NotEqual(zh.Waiting("x", 1), en.Waiting("x", 1));
        Assert.NotEqual(zh.Landed("x", 1, "c", 2, "t", 3, "h", "time"), en.Landed("x", 1, "c", 2, "t", 3, "h", "time"));
        Assert.NotEqual(zh.Pending("x", 1, "c", 2), en.Pending("x", 1, "c", 2));
        Assert.NotEqual(zh.Lost("x", 1, "c", 2), en.Lost("x", 1, "c", 2));
        Assert.NotEqual(zh.NoAnchorYet, en.NoAnchorYet);
        Assert.NotEqual(zh.CheckOnChain, en.CheckOnChain);
        Assert.NotEqual(zh.AnchoredCheckpoint(1, 2), en.AnchoredCheckpoint(1, 2));
        Assert.NotEqual(zh.TimedOut("x", 1, "cmd"), en.TimedOut("x", 1, "cmd"));
        Assert.NotEqual(zh.AnchoringOff("u", "x"), en.AnchoringOff("u", "x"));
        Assert.NotEqual(zh.UntilState(AnchorState.Final), en.UntilState(AnchorState.Final));
    }

    [Fact]
    public void Landed_English_NamesStateChainTransactionAndBlock()
    {
        string line = ReceiptAnchorText.English.Landed("final", 31337, "0x5fbd", 7, "0xfe4a", 42, "0xcee9", "2025-11-29T07:07:40Z");

        Assert.Equal("anchor: final on chain 31337, contract 0x5fbd, tree size 7: transaction 0xfe4a, block 42 (0xcee9, 2025-11-29T07:07:40Z UTC); block proof verified offline", line);
    }
}
