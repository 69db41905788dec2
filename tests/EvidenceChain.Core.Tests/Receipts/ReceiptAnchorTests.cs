using EvidenceChain.Core.Anchors;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Proofs;
using EvidenceChain.Core.Receipts;
using EvidenceChain.Core.Tests.Anchors;
using EvidenceChain.Core.Tests.Support;

namespace EvidenceChain.Core.Tests.Receipts;

/// <summary>
/// The receipt's evm anchors: a deposit's checkpoint (size 11) anchored later at size 15, proven by a
/// synthetic block whose receipts trie holds the contract's Anchored event.
/// </summary>
public sealed class ReceiptAnchorTests : IDisposable
{
    private const ulong ReceiptSize = 11;
    private const ulong AnchoredSize = 15;
    private readonly ExampleLog _log = new(TestKeys.Origin);
    private readonly Receipt _receipt;

    public ReceiptAnchorTests()
    {
        byte[] deposit = ExampleLog.Deposit().Encode();
        for (int i = 0; i < (int)AnchoredSize; i++)
        {
            _log.Append(i == 5 ? deposit : (ExampleLog.Deposit() with { ReceivedAtMs = ExampleLog.ReceivedAtMs + i }).Encode());
            if (_log.Tree.TreeSize == ReceiptSize)
            {
                _receipt = new Receipt(_log.Proof(5, deposit).Format(), ExampleLog.Opening(), null);
            }
        }

        _receipt ??= null!;
    }

    private Digest LogId => _log.Origin.OriginHash;

    /// <summary>An anchor of (size, root) landed in a synthetic block, with the consistency proof from the receipt's checkpoint.</summary>
    private EvmAnchorSection Landed(ulong treeSize = AnchoredSize, Digest? root = null, Digest? eventRoot = null, Digest? logId = null, AnchorState status = AnchorState.Final)
    {
        Digest anchoredRoot = root ?? _log.Tree.RootAt(treeSize);
        byte[] receipt = SyntheticBlock.Receipt(2, true, SyntheticBlock.AnchoredLog(logId: logId ?? LogId, treeSize: treeSize, root: eventRoot ?? anchoredRoot));
        EvmAnchorEvidence block = SyntheticBlock.AnchorBlock(4, 2, receipt);
        var landing = new EvmLanding("0x" + new string('a', 64), 2, SyntheticBlock.Number, "0x" + block.BlockHash.ToHex(), SyntheticBlock.TimestampSeconds, 0, block.HeaderRlp, block.ProofNodes);
        Digest[] consistency = treeSize <= ReceiptSize ? [] : _log.Tree.ConsistencyProof(ReceiptSize, treeSize);
        return new EvmAnchorSection(status, 31337, "0x" + Convert.ToHexStringLower(SyntheticBlock.Contract), logId ?? LogId, treeSize, anchoredRoot, consistency, landing);
    }

    private ReceiptReport Verify(params EvmAnchorSection[] anchors) =>
        ReceiptVerifier.Verify(_receipt.WithEvmAnchors(anchors).ToJson(), _log.TrustedKeys, evidence: null);

    [Fact]
    public void Verify_LandedAnchorOfALaterCheckpoint_ValidAndReported()
    {
        ReceiptReport report = Verify(Landed());

        Assert.True(report.IsValid, report.Verdict.ToString());
        Assert.Contains(ReceiptCheck.Anchors, report.Passed);
        EvmAnchorSection verified = Assert.Single(report.VerifiedAnchors);
        Assert.Equal(AnchoredSize, verified.TreeSize);
        Assert.Contains(report.NotChecked, n => n.Item == UncheckedItem.AnchorCanonicality);
    }

    [Fact]
    public void Verify_AnchorOfTheReceiptsOwnCheckpoint_ValidWithoutConsistencyProof()
    {
        ReceiptReport report = Verify(Landed(treeSize: ReceiptSize));

        Assert.True(report.IsValid, report.Verdict.ToString());
        Assert.Single(report.VerifiedAnchors);
    }

    [Fact]
    public void Verify_AnchoredRootNotAnExtensionOfTheReceipts_AnchorInconsistent()
    {
        // A forked log: the anchored root at size 15 is not the tree the receipt's checkpoint grows into.
        Digest forked = Sm3.HashData("forked"u8);
        ReceiptReport report = Verify(Landed(root: forked));

        Assert.Equal(VerificationFailure.AnchorInconsistent, report.Verdict.Failure);
        Assert.Empty(report.VerifiedAnchors);
    }

    [Fact]
    public void Verify_EventCarriesAnotherRoot_AnchorProofInvalid()
    {
        ReceiptReport report = Verify(Landed(eventRoot: Sm3.HashData("other"u8)));

        Assert.Equal(VerificationFailure.AnchorProofInvalid, report.Verdict.Failure);
        Assert.Contains(nameof(EvmAnchorFailure.RootMismatch), report.Verdict.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_AnchorNamesAnotherLog_AnchorOfAnotherLog()
    {
        ReceiptReport report = Verify(Landed(logId: Sm3.HashData("another log"u8)));

        Assert.Equal(VerificationFailure.AnchorOfAnotherLog, report.Verdict.Failure);
    }

    [Fact]
    public void Verify_AnchorOfAnOlderCheckpoint_AnchorInconsistent()
    {
        ReceiptReport report = Verify(Landed(treeSize: 8));

        Assert.Equal(VerificationFailure.AnchorInconsistent, report.Verdict.Failure);
    }

    [Fact]
    public void Verify_BlockHeaderSwapped_AnchorProofInvalid()
    {
        EvmAnchorSection anchor = Landed();
        EvmAnchorSection other = Landed(treeSize: ReceiptSize);

        ReceiptReport report = Verify(anchor with { Landing = anchor.Landing! with { BlockHeader = other.Landing!.BlockHeader } });

        Assert.Equal(VerificationFailure.AnchorProofInvalid, report.Verdict.Failure);
    }

    [Fact]
    public void Verify_ReceiptClaimsAnotherBlockNumber_AnchorProofInvalid()
    {
        EvmAnchorSection anchor = Landed();

        ReceiptReport report = Verify(anchor with { Landing = anchor.Landing! with { BlockNumber = SyntheticBlock.Number + 1 } });

        Assert.Equal(VerificationFailure.AnchorProofInvalid, report.Verdict.Failure);
    }

    [Theory]
    [InlineData(AnchorState.Pending)]
    [InlineData(AnchorState.Lost)]
    public void Verify_PendingOrLostAnchor_ValidButSaidNotToProveAnything(AnchorState status)
    {
        EvmAnchorSection anchor = Landed() with { Status = status, Landing = null };

        ReceiptReport report = Verify(anchor);

        Assert.True(report.IsValid, report.Verdict.ToString());
        Assert.Empty(report.VerifiedAnchors);
        Assert.DoesNotContain(ReceiptCheck.Anchors, report.Passed);
        Assert.Contains(report.NotChecked, n => n.Item == UncheckedItem.Anchors && n.Detail.Contains(EvmAnchorSection.StatusName(status), StringComparison.Ordinal));
    }

    [Fact]
    public void Verify_FinalAnchorWithoutLanding_MalformedReceipt()
    {
        string json = _receipt.WithEvmAnchors([Landed()]).ToJson();
        string withoutLanding = json.Replace("\"transaction_hash\"", "\"transaction_hash_removed\"", StringComparison.Ordinal);

        ReceiptReport report = ReceiptVerifier.Verify(withoutLanding, _log.TrustedKeys, evidence: null);

        Assert.Equal(VerificationFailure.MalformedReceipt, report.Verdict.Failure);
    }

    [Fact]
    public void Verify_AnyAnchorMemberOfTheWrongType_MalformedReceiptNotACrash()
    {
        string json = _receipt.WithEvmAnchors([Landed()]).ToJson();
        using var document = System.Text.Json.JsonDocument.Parse(json);
        string[] members = [.. document.RootElement.GetProperty("anchors")[0].EnumerateObject().Select(m => m.Name).Where(n => n != "type")];

        Assert.Equal(15, members.Length);
        foreach (string member in members)
        {
            foreach (string wrong in (string[])["\"x\"", "-1", "{}", "null"])
            {
                var node = System.Text.Json.Nodes.JsonNode.Parse(json)!;
                node["anchors"]![0]![member] = System.Text.Json.Nodes.JsonNode.Parse(wrong);

                ReceiptReport report = ReceiptVerifier.Verify(node.ToJsonString(), _log.TrustedKeys, evidence: null);

                Assert.True(report.Verdict.Failure == VerificationFailure.MalformedReceipt, $"{member} = {wrong}: {report.Verdict}");
            }
        }
    }

    [Fact]
    public void WithEvmAnchors_ReplacesEvmEntries_KeepsOtherKindsAndRoundTrips()
    {
        string withOther = _receipt.ToJson().Replace("\"anchors\": []", "\"anchors\": [{\"type\": \"judicial-chain\", \"x\": 1}]", StringComparison.Ordinal);
        Assert.True(Receipt.TryParse(withOther, out Receipt? parsed).IsValid);

        Receipt upgraded = parsed!.WithEvmAnchors([Landed()]).WithEvmAnchors([Landed(), Landed(treeSize: ReceiptSize)]);
        Assert.True(Receipt.TryParse(upgraded.ToJson(), out Receipt? reread).IsValid);

        Assert.True(reread!.TryReadAnchors(out IReadOnlyList<EvmAnchorSection> evm, out int otherKinds, out _));
        Assert.Equal(2, evm.Count);
        Assert.Equal(1, otherKinds);
        Assert.Equal(Landed().Landing!.ReceiptProof, evm[0].Landing!.ReceiptProof);
        Assert.Equal(ExampleLog.Opening(), reread.Depositor);
        ReceiptReport report = ReceiptVerifier.Verify(reread.ToJson(), _log.TrustedKeys, evidence: null);
        Assert.True(report.IsValid, report.Verdict.ToString());
        Assert.Contains(report.NotChecked, n => n.Item == UncheckedItem.Anchors && n.Detail.Contains("kind", StringComparison.Ordinal));
    }

    public void Dispose() => _log.Dispose();
}
