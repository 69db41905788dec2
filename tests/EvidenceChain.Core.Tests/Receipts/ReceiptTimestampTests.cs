using EvidenceChain.Core.Checkpoints;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Notes;
using EvidenceChain.Core.Proofs;
using EvidenceChain.Core.Receipts;
using EvidenceChain.Core.Tests.Support;
using EvidenceChain.Timestamping;

namespace EvidenceChain.Core.Tests.Receipts;

/// <summary>
/// The receipt's rfc3161 entries (receipt.md §Timestamps): a deposit's checkpoint (size 11) and a later
/// one (size 15), stamped by real TSAs (<see cref="TestTsa"/>), each token's imprint the hash of the
/// stamped checkpoint's text.
/// </summary>
public sealed class ReceiptTimestampTests : IDisposable
{
    private const ulong ReceiptSize = 11;
    private const ulong LaterSize = 15;
    private readonly ExampleLog _log = new(TestKeys.Origin);
    private readonly Receipt _receipt;

    public ReceiptTimestampTests()
    {
        byte[] deposit = ExampleLog.Deposit().Encode();
        for (int i = 0; i < (int)LaterSize; i++)
        {
            _log.Append(i == 5 ? deposit : (ExampleLog.Deposit() with { ReceivedAtMs = ExampleLog.ReceivedAtMs + i }).Encode());
            if (_log.Tree.TreeSize == ReceiptSize)
            {
                _receipt = new Receipt(_log.Proof(5, deposit).Format(), ExampleLog.Opening(), null);
            }
        }

        _receipt ??= null!;
    }

    private Checkpoint CheckpointAt(ulong treeSize) => new(_log.Origin, treeSize, _log.Tree.RootAt(treeSize));

    private string NoteAt(ulong treeSize, params NoteSigner[] signers) =>
        SignedNote.Sign(CheckpointAt(treeSize).ToNoteText(), signers.Length == 0 ? [_log.Ed25519, _log.Sm2] : signers);

    /// <summary>A token over the receipt's own checkpoint: no note, no proof.</summary>
    private TimestampSection OverOwn(TestTsa tsa, TimestampHash hash = TimestampHash.Sha256) =>
        new("tsa-own", ReceiptSize, null, [], tsa.Stamp(CheckpointAt(ReceiptSize).ToNoteText(), hash));

    /// <summary>A token over the later checkpoint, carried signed, with the consistency proof from the receipt's.</summary>
    private TimestampSection OverLater(TestTsa tsa) =>
        new("tsa-later", LaterSize, NoteAt(LaterSize), _log.Tree.ConsistencyProof(ReceiptSize, LaterSize), tsa.Stamp(CheckpointAt(LaterSize).ToNoteText()));

    private ReceiptReport Verify(TimestampTrust? trust, params TimestampSection[] entries) =>
        ReceiptVerifier.Verify(_receipt.WithTimestamps(entries).ToJson(), _log.TrustedKeys, evidence: null, trust);

    [Fact]
    public void Verify_TokenOverTheReceiptsCheckpoint_ValidWithTheTsasTime()
    {
        ReceiptReport report = Verify(TestTsa.Ecdsa.Trust(), OverOwn(TestTsa.Ecdsa));

        Assert.True(report.IsValid, report.Verdict.ToString());
        Assert.Contains(ReceiptCheck.Timestamps, report.Passed);
        ReceiptTimestamp timestamp = Assert.Single(report.VerifiedTimestamps);
        Assert.Equal(("tsa-own", ReceiptSize), (timestamp.Authority, timestamp.TreeSize));
        Assert.Equal(TestTsa.Now, timestamp.Token.GenTime);
        Assert.Equal(TestTsa.Accuracy, timestamp.Token.Accuracy);
        Assert.Equal("CN=Independent TSA", timestamp.Token.TsaName);
        Assert.False(timestamp.Token.IsOperatorTsa);
        Assert.DoesNotContain(report.NotChecked, n => n.Item == UncheckedItem.TrustedTime);
    }

    [Fact]
    public void Verify_TokenOverALaterCheckpointWithConsistencyProof_Valid()
    {
        ReceiptReport report = Verify(TestTsa.Ecdsa.Trust(), OverLater(TestTsa.Ecdsa));

        Assert.True(report.IsValid, report.Verdict.ToString());
        Assert.Equal(LaterSize, Assert.Single(report.VerifiedTimestamps).TreeSize);
    }

    [Fact]
    public void Verify_Sm2TokenWithSm3Imprint_Valid()
    {
        ReceiptReport report = Verify(TestTsa.Sm2.Trust(), OverOwn(TestTsa.Sm2, TimestampHash.Sm3));

        Assert.True(report.IsValid, report.Verdict.ToString());
        Assert.Equal("CN=National TSA", Assert.Single(report.VerifiedTimestamps).Token.TsaName);
    }

    [Fact]
    public void Verify_TokensOfTwoTsas_EachVerifiedUnderItsOwnRoot()
    {
        var trust = new TimestampTrust([TestTsa.Ecdsa.Root.Certificate, TestTsa.Sm2.Root.Certificate], []);

        ReceiptReport report = Verify(trust, OverOwn(TestTsa.Ecdsa), OverLater(TestTsa.Sm2));

        Assert.True(report.IsValid, report.Verdict.ToString());
        Assert.Equal(["CN=Independent TSA", "CN=National TSA"], report.VerifiedTimestamps.Select(t => t.Token.TsaName));
    }

    [Fact]
    public void Verify_OperatorsOwnTsa_ValidButLabelledAndTimeStillTheNotarys()
    {
        ReceiptReport report = Verify(TestTsa.Ecdsa.Trust(operatorTsa: true), OverOwn(TestTsa.Ecdsa));

        Assert.True(report.IsValid, report.Verdict.ToString());
        Assert.True(Assert.Single(report.VerifiedTimestamps).Token.IsOperatorTsa);
        Assert.Contains(report.NotChecked, n => n.Item == UncheckedItem.TrustedTime);
    }

    [Fact]
    public void Verify_NoTsaTrustGiven_TokensNotCheckedAndSaidSo()
    {
        TimestampSection broken = OverOwn(TestTsa.Untrusted) with { TokenDer = [0x30, 0x00] };

        ReceiptReport report = Verify(null, OverOwn(TestTsa.Ecdsa), broken);

        Assert.True(report.IsValid, report.Verdict.ToString());
        Assert.DoesNotContain(ReceiptCheck.Timestamps, report.Passed);
        Assert.Empty(report.VerifiedTimestamps);
        Assert.Contains((UncheckedItem.TimestampTrust, "2"), report.NotChecked);
        Assert.Contains(report.NotChecked, n => n.Item == UncheckedItem.TrustedTime);
    }

    [Fact]
    public void Verify_TokenOverAnotherRoot_TimestampImprintMismatch()
    {
        var forked = new Checkpoint(_log.Origin, ReceiptSize, Sm3.HashData("forked"u8));
        TimestampSection entry = OverOwn(TestTsa.Ecdsa) with { TokenDer = TestTsa.Ecdsa.Stamp(forked.ToNoteText()) };

        ReceiptReport report = Verify(TestTsa.Ecdsa.Trust(), entry);

        Assert.Equal(VerificationFailure.TimestampImprintMismatch, report.Verdict.Failure);
        Assert.Contains("tsa-own", report.Verdict.Detail, StringComparison.Ordinal);
        Assert.Empty(report.VerifiedTimestamps);
    }

    [Fact]
    public void Verify_TokenFromAnUntrustedTsa_TimestampUntrustedTsa()
    {
        ReceiptReport report = Verify(TestTsa.Ecdsa.Trust(), OverOwn(TestTsa.Untrusted));

        Assert.Equal(VerificationFailure.TimestampUntrustedTsa, report.Verdict.Failure);
        Assert.Contains("CN=Unknown TSA", report.Verdict.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_TokenWithItsSignatureFlipped_TimestampTokenInvalid()
    {
        TimestampSection entry = OverOwn(TestTsa.Ecdsa);
        byte[] token = entry.TokenDer.ToArray();
        token[^1] ^= 0x01;

        ReceiptReport report = Verify(TestTsa.Ecdsa.Trust(), entry with { TokenDer = token });

        Assert.Equal(VerificationFailure.TimestampTokenInvalid, report.Verdict.Failure);
        Assert.Contains(nameof(TimestampFailure.BadSignature), report.Verdict.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_EveryTokenByteFlipped_Invalid()
    {
        TimestampSection entry = OverOwn(TestTsa.Ecdsa);
        TimestampTrust trust = TestTsa.Ecdsa.Trust();
        var accepted = new List<int>();
        for (int i = 0; i < entry.TokenDer.Length; i++)
        {
            byte[] token = entry.TokenDer.ToArray();
            token[i] ^= 0x01;
            if (Verify(trust, entry with { TokenDer = token }).IsValid)
            {
                accepted.Add(i);
            }
        }

        Assert.Empty(accepted);
    }

    [Fact]
    public void Verify_Sha384Imprint_TimestampTokenInvalid()
    {
        ReceiptReport report = Verify(TestTsa.Ecdsa.Trust(), OverOwn(TestTsa.Ecdsa, TimestampHash.Sha384));

        Assert.Equal(VerificationFailure.TimestampTokenInvalid, report.Verdict.Failure);
        Assert.Contains("SHA-384", report.Verdict.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_CarriedCheckpointSignedByAnUnknownKey_TimestampCheckpointInvalid()
    {
        using var stranger = new Ed25519NoteSigner(_log.Origin.ToString(), [.. Enumerable.Range(1, 32).Select(i => (byte)i)]);
        TimestampSection entry = OverLater(TestTsa.Ecdsa) with { CheckpointNote = NoteAt(LaterSize, stranger) };

        ReceiptReport report = Verify(TestTsa.Ecdsa.Trust(), entry);

        Assert.Equal(VerificationFailure.TimestampCheckpointInvalid, report.Verdict.Failure);
        Assert.Contains(nameof(VerificationFailure.NoTrustedSignature), report.Verdict.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_CarriedCheckpointOfAnotherLog_TimestampCheckpointInvalid()
    {
        LogOrigin other = TestKeys.Origin with { Host = "elsewhere.example" };
        using var otherLog = new ExampleLog(other);
        otherLog.Append([1, 2, 3]);
        IReadOnlyList<NoteVerifier> bothLogs = [.. _log.TrustedKeys, .. otherLog.TrustedKeys];
        TimestampSection entry = OverLater(TestTsa.Ecdsa) with { CheckpointNote = otherLog.CheckpointNote() };

        ReceiptReport report = ReceiptVerifier.Verify(_receipt.WithTimestamps([entry]).ToJson(), bothLogs, evidence: null, TestTsa.Ecdsa.Trust());

        Assert.Equal(VerificationFailure.TimestampCheckpointInvalid, report.Verdict.Failure);
        Assert.Contains("elsewhere.example", report.Verdict.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_WrongConsistencyProof_TimestampInconsistent()
    {
        TimestampSection entry = OverLater(TestTsa.Ecdsa);
        Digest[] proof = [.. entry.ConsistencyProof];
        proof[0] = Sm3.HashData("not a node"u8);

        ReceiptReport report = Verify(TestTsa.Ecdsa.Trust(), entry with { ConsistencyProof = proof });

        Assert.Equal(VerificationFailure.TimestampInconsistent, report.Verdict.Failure);
        Assert.Contains(nameof(VerificationFailure.RootMismatch), report.Verdict.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_EarlierCheckpointHoldingTheLeaf_ValidWithTheProofFromItToTheReceipts()
    {
        // The service stamps the earliest checkpoint that holds the leaf: a prefix of the receipt's tree.
        const ulong earlier = 8;
        var entry = new TimestampSection("tsa-earlier", earlier, NoteAt(earlier), _log.Tree.ConsistencyProof(earlier, ReceiptSize), TestTsa.Ecdsa.Stamp(CheckpointAt(earlier).ToNoteText()));

        ReceiptReport report = Verify(TestTsa.Ecdsa.Trust(), entry);

        Assert.True(report.IsValid, report.Verdict.ToString());
        Assert.Equal(earlier, Assert.Single(report.VerifiedTimestamps).TreeSize);
        Assert.Equal(VerificationFailure.TimestampInconsistent, Verify(TestTsa.Ecdsa.Trust(), entry with { ConsistencyProof = [] }).Verdict.Failure);
    }

    [Fact]
    public void Verify_StampedTreeThatDoesNotHoldTheLeaf_TimestampInconsistent()
    {
        // The leaf is at index 5: a tree of 5 leaves ends just before it, whatever the proofs say.
        const ulong before = 5;
        var entry = new TimestampSection("tsa-before", before, NoteAt(before), _log.Tree.ConsistencyProof(before, ReceiptSize), TestTsa.Ecdsa.Stamp(CheckpointAt(before).ToNoteText()));

        ReceiptReport report = Verify(TestTsa.Ecdsa.Trust(), entry);

        Assert.Equal(VerificationFailure.TimestampInconsistent, report.Verdict.Failure);
        Assert.Contains("does not hold the receipt's leaf 5", report.Verdict.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_LaterTreeSizeWithoutItsCheckpoint_TimestampInconsistent()
    {
        ReceiptReport report = Verify(TestTsa.Ecdsa.Trust(), OverLater(TestTsa.Ecdsa) with { CheckpointNote = null });

        Assert.Equal(VerificationFailure.TimestampInconsistent, report.Verdict.Failure);
    }

    [Fact]
    public void Verify_EntryMisstatesItsCheckpointsTreeSize_TimestampInconsistent()
    {
        ReceiptReport report = Verify(TestTsa.Ecdsa.Trust(), OverLater(TestTsa.Ecdsa) with { TreeSize = LaterSize + 1 });

        Assert.Equal(VerificationFailure.TimestampInconsistent, report.Verdict.Failure);
    }

    [Fact]
    public void Verify_AnyTimestampMemberOfTheWrongType_MalformedReceiptNotACrash()
    {
        string json = _receipt.WithTimestamps([OverLater(TestTsa.Ecdsa)]).ToJson();
        using var document = System.Text.Json.JsonDocument.Parse(json);
        // Any string is an authority's label, so that member is left out.
        string[] members = [.. document.RootElement.GetProperty("timestamps")[0].EnumerateObject().Select(m => m.Name).Where(n => n is not ("type" or "authority"))];

        Assert.Equal(4, members.Length);
        foreach (string member in members)
        {
            foreach (string wrong in (string[])["\"x\"", "-1", "{}", "null"])
            {
                var node = System.Text.Json.Nodes.JsonNode.Parse(json)!;
                node["timestamps"]![0]![member] = System.Text.Json.Nodes.JsonNode.Parse(wrong);

                ReceiptReport report = ReceiptVerifier.Verify(node.ToJsonString(), _log.TrustedKeys, evidence: null, TestTsa.Ecdsa.Trust());

                Assert.True(report.Verdict.Failure is VerificationFailure.MalformedReceipt or VerificationFailure.TimestampCheckpointInvalid, $"{member} = {wrong}: {report.Verdict}");
            }
        }
    }

    [Fact]
    public void Verify_V1ReceiptWithTokens_StillValidAndTheEntriesNotChecked()
    {
        TimestampSection broken = OverOwn(TestTsa.Untrusted) with { TokenDer = [0x30, 0x00] };
        string v1 = _receipt.WithTimestamps([broken]).ToJson().Replace(Receipt.FormatV2, Receipt.FormatV1, StringComparison.Ordinal);

        ReceiptReport report = ReceiptVerifier.Verify(v1, _log.TrustedKeys, evidence: null, TestTsa.Ecdsa.Trust());

        Assert.True(report.IsValid, report.Verdict.ToString());
        Assert.Empty(report.VerifiedTimestamps);
        Assert.Contains(report.NotChecked, n => n.Item == UncheckedItem.Timestamps && n.Detail.Contains(Receipt.FormatV1, StringComparison.Ordinal));
    }

    public void Dispose() => _log.Dispose();
}
