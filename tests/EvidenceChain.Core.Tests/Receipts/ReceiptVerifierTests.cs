using EvidenceChain.Core.Checkpoints;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Leaves;
using EvidenceChain.Core.Notes;
using EvidenceChain.Core.Proofs;
using EvidenceChain.Core.Receipts;
using EvidenceChain.Core.Tests.Support;

namespace EvidenceChain.Core.Tests.Receipts;

public class ReceiptVerifierTests
{
    /// <summary>A log of 11 leaves whose leaf 5 is the example deposit, with a promise for batch 4..7.</summary>
    private static (ExampleLog Log, Receipt Receipt) Build(TreeHash treeHash = TreeHash.Sha256)
    {
        var log = new ExampleLog(TestKeys.Origin with { TreeHash = treeHash }, randomSm2Nonce: true);
        var leaves = new List<byte[]>();
        for (int i = 0; i < 11; i++)
        {
            byte[] leaf = i == 5
                ? ExampleLog.Deposit().Encode()
                : (ExampleLog.Deposit() with { ReceivedAtMs = ExampleLog.ReceivedAtMs + i }).Encode();
            leaves.Add(leaf);
            log.Append(leaf);
        }

        PromiseSection promise = log.PromiseFor(leaves[4..8], 1, ExampleLog.ReceivedAtMs);
        var receipt = new Receipt(log.Proof(5, leaves[5]).Format(), ExampleLog.Opening(), promise);
        return (log, receipt);
    }

    [Theory]
    [InlineData(TreeHash.Sha256)]
    [InlineData(TreeHash.Sm3)]
    public void Verify_CompleteReceipt_ValidWithEveryCheck(TreeHash treeHash)
    {
        (ExampleLog log, Receipt receipt) = Build(treeHash);
        using (log)
        {
            ReceiptReport report = ReceiptVerifier.Verify(receipt.ToJson(), log.TrustedKeys, ExampleLog.Evidence());

            Assert.True(report.IsValid, report.Verdict.ToString());
            Assert.Equal(Enum.GetValues<ReceiptCheck>().Where(c => c is not (ReceiptCheck.Anchors or ReceiptCheck.Timestamps)), report.Passed);
            Assert.Equal(2, report.SignedBy.Count);
            Assert.Equal(5UL, report.LeafIndex);
            Assert.Equal(11UL, report.Checkpoint!.TreeSize);
            Assert.Equal(ExampleLog.Deposit(), report.Deposit);
            Assert.Equal(ExampleLog.Opening(), report.Depositor);
            Assert.Equal(
                [UncheckedItem.LogConsistency, UncheckedItem.TrustedTime],
                report.NotChecked.Select(n => n.Item));
        }
    }

    [Fact]
    public void Verify_EveryCharacterOfProofChanged_Invalid()
    {
        (ExampleLog log, Receipt receipt) = Build();
        using (log)
        {
            string proof = receipt.TlogProof;
            var accepted = new List<int>();
            for (int i = 0; i < proof.Length; i++)
            {
                char replacement = proof[i] switch
                {
                    '\n' => ' ',
                    'A' => 'B',
                    _ => 'A',
                };
                string tampered = string.Concat(proof.AsSpan(0, i), replacement.ToString(), proof.AsSpan(i + 1));
                ReceiptReport report = ReceiptVerifier.Verify((receipt with { TlogProof = tampered }).ToJson(), log.TrustedKeys, ExampleLog.Evidence());
                if (report.IsValid)
                {
                    accepted.Add(i);
                }
            }

            Assert.Empty(accepted);
        }
    }

    [Fact]
    public void Verify_KeysOfAnotherLog_ReturnsNoTrustedSignature()
    {
        (ExampleLog log, Receipt receipt) = Build();
        using var other = new ExampleLog(TestKeys.Origin with { LogId = "ffffffffffffffffffffffffffffffff" });
        using (log)
        {
            ReceiptReport report = ReceiptVerifier.Verify(receipt.ToJson(), other.TrustedKeys, ExampleLog.Evidence());

            Assert.Equal(VerificationFailure.NoTrustedSignature, report.Verdict.Failure);
            Assert.Equal([ReceiptCheck.ReceiptFormat], report.Passed);
        }
    }

    [Fact]
    public void Verify_SameKeysListedTwice_Valid()
    {
        (ExampleLog log, Receipt receipt) = Build();
        using (log)
        {
            var twice = log.TrustedKeys.Concat(log.TrustedKeys.Select(k => NoteVerifierKey.Parse(k.ToVerifierKey()))).ToList();

            ReceiptReport report = ReceiptVerifier.Verify(receipt.ToJson(), twice, ExampleLog.Evidence());

            Assert.True(report.IsValid, report.Verdict.ToString());
            Assert.Equal(2, report.SignedBy.Distinct().Count());
        }
    }

    [Fact]
    public void Verify_OnlyEd25519Trusted_ValidAndSaysSm2NotChecked()
    {
        (ExampleLog log, Receipt receipt) = Build();
        using (log)
        {
            ReceiptReport report = ReceiptVerifier.Verify(receipt.ToJson(), [log.Ed25519.Verifier], ExampleLog.Evidence());

            Assert.True(report.IsValid, report.Verdict.ToString());
            Assert.Contains((UncheckedItem.MissingAlgorithm, "SM2"), report.NotChecked);
            Assert.Contains(report.NotChecked, n => n.Item == UncheckedItem.UnknownSignatures);
        }
    }

    [Fact]
    public void Verify_CheckpointWithoutSm2LineButSm2Trusted_ReturnsNoTrustedSignature()
    {
        (ExampleLog log, Receipt receipt) = Build();
        using (log)
        {
            var deposit = ExampleLog.Deposit().Encode();
            string note = log.CheckpointNote(log.Ed25519);
            var onlyEd = receipt with { TlogProof = log.Proof(5, deposit, note).Format() };

            ReceiptReport report = ReceiptVerifier.Verify(onlyEd.ToJson(), log.TrustedKeys, ExampleLog.Evidence());

            Assert.Equal(VerificationFailure.NoTrustedSignature, report.Verdict.Failure);
            Assert.Contains("SM2", report.Verdict.Detail, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Verify_OtherContent_ReturnsCommitmentMismatch()
    {
        (ExampleLog log, Receipt receipt) = Build();
        using (log)
        {
            var wrong = new DepositEvidence(new DigestPair(ExampleLog.UnitsRoot().Sha256, Sm3.HashData("x"u8)), 1);

            ReceiptReport sm3Wrong = ReceiptVerifier.Verify(receipt.ToJson(), log.TrustedKeys, wrong);
            ReceiptReport countWrong = ReceiptVerifier.Verify(receipt.ToJson(), log.TrustedKeys, ExampleLog.Evidence() with { UnitCount = 2 });

            Assert.Equal(VerificationFailure.CommitmentMismatch, sm3Wrong.Verdict.Failure);
            Assert.Contains(ReceiptCheck.UnitsRootSha256, sm3Wrong.Passed);
            Assert.Equal(VerificationFailure.UnitCountMismatch, countWrong.Verdict.Failure);
        }
    }

    [Fact]
    public void Verify_NoEvidence_ValidButContentNotChecked()
    {
        (ExampleLog log, Receipt receipt) = Build();
        using (log)
        {
            ReceiptReport report = ReceiptVerifier.Verify(receipt.ToJson(), log.TrustedKeys, evidence: null);

            Assert.True(report.IsValid);
            Assert.Contains(report.NotChecked, n => n.Item == UncheckedItem.Content);
            Assert.DoesNotContain(ReceiptCheck.UnitsRootSha256, report.Passed);
        }
    }

    [Fact]
    public void Verify_OpeningChanged_ReturnsPartyCommitmentMismatch()
    {
        (ExampleLog log, Receipt receipt) = Build();
        using (log)
        {
            var opening = receipt.Depositor! with { KeyFingerprint = Sm3.HashData("someone else"u8) };

            ReceiptReport report = ReceiptVerifier.Verify((receipt with { Depositor = opening }).ToJson(), log.TrustedKeys, ExampleLog.Evidence());

            Assert.Equal(VerificationFailure.PartyCommitmentMismatch, report.Verdict.Failure);
        }
    }

    [Fact]
    public void Verify_PromiseTampered_Invalid()
    {
        (ExampleLog log, Receipt receipt) = Build();
        using (log)
        {
            PromiseSection promise = receipt.Promise!;
            Receipt wrongIndex = receipt with { Promise = promise with { BatchIndex = 2 } };
            Receipt wrongNote = receipt with { Promise = promise with { Note = promise.Note.Replace("\n4\n", "\n5\n", StringComparison.Ordinal) } };
            Receipt wrongProof = receipt with { Promise = promise with { BatchProof = [.. promise.BatchProof.Reverse()] } };

            Assert.Equal(VerificationFailure.RootMismatch, ReceiptVerifier.Verify(wrongIndex.ToJson(), log.TrustedKeys, null).Verdict.Failure);
            Assert.Equal(VerificationFailure.BadSignature, ReceiptVerifier.Verify(wrongNote.ToJson(), log.TrustedKeys, null).Verdict.Failure);
            Assert.Equal(VerificationFailure.RootMismatch, ReceiptVerifier.Verify(wrongProof.ToJson(), log.TrustedKeys, null).Verdict.Failure);
        }
    }

    [Fact]
    public void Verify_ReceiptForRecordLeaf_ReturnsUnexpectedLeafType()
    {
        using var log = new ExampleLog();
        byte[] custody = new RecordLeaf(LeafType.CustodyEvent, 1, 0, new DigestPair(Sm3.HashData("a"u8), Sm3.HashData("b"u8)), []).Encode();
        log.Append(custody);
        var receipt = new Receipt(log.Proof(0, custody).Format(), null, null);

        ReceiptReport report = ReceiptVerifier.Verify(receipt.ToJson(), log.TrustedKeys, null);

        Assert.Equal(VerificationFailure.UnexpectedLeafType, report.Verdict.Failure);
        Assert.Contains(ReceiptCheck.Inclusion, report.Passed);
    }

    [Fact]
    public void Verify_LaterSectionsAndUnknownMembers_ValidAndReported()
    {
        (ExampleLog log, Receipt receipt) = Build();
        using (log)
        {
            string json = receipt.ToJson()
                .Replace("\"anchors\": []", "\"anchors\": [{\"type\": \"ethereum\"}]", StringComparison.Ordinal)
                .Replace("\"timestamps\": []", "\"timestamps\": [{\"type\": \"opentimestamps\"}, {\"type\": \"roughtime\"}], \"future\": 1", StringComparison.Ordinal);

            ReceiptReport report = ReceiptVerifier.Verify(json, log.TrustedKeys, ExampleLog.Evidence());

            Assert.True(report.IsValid, report.Verdict.ToString());
            Assert.Contains((UncheckedItem.Anchors, "1 anchor(s) of a kind this verifier does not know"), report.NotChecked);
            Assert.Contains((UncheckedItem.Timestamps, "2 timestamp entr(ies) of a kind this verifier does not know"), report.NotChecked);
            Assert.Contains((UncheckedItem.UnknownMembers, "future"), report.NotChecked);
        }
    }

    [Fact]
    public void Receipt_OpeningAddedToAReceiptWithLaterSections_KeepsThem()
    {
        (ExampleLog log, Receipt receipt) = Build();
        using (log)
        {
            string json = (receipt with { Depositor = null }).ToJson()
                .Replace("\"anchors\": []", "\"anchors\": [{\"type\": \"evm\", \"block\": 7}]", StringComparison.Ordinal)
                .Replace("\"timestamps\": []", "\"timestamps\": [], \"future\": {\"x\": [1, 2]}", StringComparison.Ordinal);
            Assert.True(Receipt.TryParse(json, out Receipt? parsed).IsValid);

            string rewritten = (parsed! with { Depositor = ExampleLog.Opening() }).ToJson();

            Assert.True(Receipt.TryParse(rewritten, out Receipt? again).IsValid);
            Assert.Equal(1, again!.AnchorCount);
            Assert.Equal(["future"], again.UnknownMembers);
            Assert.Contains("\"block\": 7", rewritten, StringComparison.Ordinal);
            Assert.Equal(ExampleLog.Opening(), again.Depositor);
        }
    }

    [Theory]
    [InlineData("{\"format\": \"evidencechain-receipt/v3\", \"tlog_proof\": \"x\"}", VerificationFailure.UnsupportedVersion)]
    [InlineData("{\"format\": \"evidencechain-receipt/v1\", \"format\": \"evidencechain-receipt/v1\", \"tlog_proof\": \"x\"}", VerificationFailure.MalformedReceipt)]
    [InlineData("{\"format\": \"evidencechain-receipt/v1\"}", VerificationFailure.MalformedReceipt)]
    [InlineData("[]", VerificationFailure.MalformedReceipt)]
    [InlineData("not json", VerificationFailure.MalformedReceipt)]
    [InlineData("{\"format\": \"evidencechain-receipt/v1\", \"tlog_proof\": \"c2sp.org/tlog-proof@v1\\nindex 0\\n\\nx\"}", VerificationFailure.MalformedReceipt)]
    public void Verify_MalformedReceipt_Rejected(string json, VerificationFailure expected)
    {
        using var log = new ExampleLog();

        Assert.Equal(expected, ReceiptVerifier.Verify(json, log.TrustedKeys, null).Verdict.Failure);
    }

    [Fact]
    public void Verify_CheckpointOriginDiffersFromKeyName_ReturnsOriginMismatch()
    {
        using var log = new ExampleLog();
        byte[] leaf = ExampleLog.Deposit().Encode();
        log.Append(leaf);
        LogOrigin elsewhere = TestKeys.Origin with { Host = "elsewhere.example" };
        string note = SignedNote.Sign(new Checkpoint(elsewhere, log.Tree.TreeSize, log.Tree.Root).ToNoteText(), log.Ed25519, log.Sm2);
        var receipt = new Receipt(log.Proof(0, leaf, note).Format(), null, null);

        Assert.Equal(VerificationFailure.OriginMismatch, ReceiptVerifier.Verify(receipt.ToJson(), log.TrustedKeys, null).Verdict.Failure);
    }

    [Fact]
    public void Receipt_RoundTrip_Equal()
    {
        (ExampleLog log, Receipt receipt) = Build();
        using (log)
        {
            Assert.True(Receipt.TryParse(receipt.ToJson(), out Receipt? parsed).IsValid);
            Assert.Equal(receipt.TlogProof, parsed!.TlogProof);
            Assert.Equal(receipt.Depositor, parsed.Depositor);
            Assert.Equal(receipt.Promise!.BatchProof, parsed.Promise!.BatchProof);
            Assert.DoesNotContain(Convert.ToHexStringLower(ExampleLog.Salt.Bytes), receipt.ToJson(), StringComparison.Ordinal);
        }
    }
}
