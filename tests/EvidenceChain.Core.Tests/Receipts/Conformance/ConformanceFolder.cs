using System.Text;
using EvidenceChain.Core.Checkpoints;
using EvidenceChain.Core.Commitments;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Notes;
using EvidenceChain.Core.Proofs;
using EvidenceChain.Core.Receipts;
using EvidenceChain.Core.Tests.Anchors;
using EvidenceChain.Core.Tests.Support;
using EvidenceChain.Timestamping;

namespace EvidenceChain.Core.Tests.Receipts.Conformance;

/// <summary>
/// Generates tests/vectors/receipts/: the trust inputs, the receipts (valid ones of each kind, invalid ones
/// named for what is wrong) and the manifest saying what each must give. The expected results are stated
/// from how each file was made, never read back from the verifier. The frozen v1 receipt and the README are
/// not generated. Everything is fixed (keys, salts, times, the SM2 nonce) except the TSAs: their keys and
/// ECDSA/SM2 signatures are random, so the PEM files and the tokens differ on every run.
/// </summary>
internal static class ConformanceFolder
{
    public const string LogKeys = "log.vkeys";
    public const string RotatedLogKeys = "log-rotated.vkeys";
    public const string Content = "hello-court.txt";
    public const string Salt = "hello-court.salt.json";
    public const string WrongSalt = "invalid-wrong-salt.salt.json";
    public const string TsaRoot = "tsa-root.pem";
    public const string TsaRootSm2 = "tsa-root-sm2.pem";
    public const string OperatorTsaRoot = "operator-tsa-root.pem";
    public const string OperatorTsa = "operator-tsa.pem";
    public const string V1Receipt = "v1-hello-court.receipt.json";
    public const string ReceiptSuffix = ".receipt.json";

    private const string Description =
        "Receipt conformance cases for any evidencechain verifier: verify each case's receipt with exactly the inputs it names "
        + "(files of this folder, never anything from the receipt) and give the result 'expect' says: 'valid', or the name of the "
        + "first rule broken (VerificationFailure). A valid case also lists the times the report must show. See README.md.";

    private static readonly string[] s_tsaRoots = [TsaRoot, TsaRootSm2, OperatorTsaRoot];

    public static string Directory { get; } = Path.Combine(RepoPaths.Root, "tests", "vectors", "receipts");

    /// <summary>Every generated file by name, the manifest included.</summary>
    public static SortedDictionary<string, string> Generate()
    {
        using var log = new ConformanceLog();
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [LogKeys] = string.Concat(log.TrustedKeys.Select(k => k.ToVerifierKey() + "\n")),
            [RotatedLogKeys] = string.Concat(log.RotatedTrustedKeys.Select(k => k.ToVerifierKey() + "\n")),
            [Content] = Encoding.ASCII.GetString(ExampleLog.Content),
            [Salt] = SaltFileFor(ExampleLog.Salt).ToJson(),
            [WrongSalt] = SaltFileFor(MasterSalt.FromBytes([.. Enumerable.Range(32, 32).Select(i => (byte)i)])).ToJson(),
            [TsaRoot] = TestTsa.Ecdsa.Root.CertificatePem,
            [TsaRootSm2] = TestTsa.Sm2.Root.CertificatePem,
            [OperatorTsaRoot] = TestTsa.Operator.Root.CertificatePem,
            [OperatorTsa] = TestTsa.Operator.Tsa.CertificatePem,
        };
        var cases = new List<ConformanceCase>();
        AddValid(files, cases, log);
        AddInvalid(files, cases, log);
        files[ConformanceManifest.FileName] = new ConformanceManifest(ConformanceManifest.FormatV1, Description, cases).ToJson();
        return files;
    }

    private static void AddValid(SortedDictionary<string, string> files, List<ConformanceCase> cases, ConformanceLog log)
    {
        Receipt receipt = log.Receipt();
        TimestampSection own = log.Stamp("independent-tsa", TestTsa.Ecdsa);
        TimestampSection later = log.Stamp("independent-tsa", TestTsa.Ecdsa, ConformanceLog.LaterSize);
        TimestampSection earlier = log.Stamp("independent-tsa", TestTsa.Ecdsa, ConformanceLog.EarlierSize);
        TimestampSection byOperator = log.Stamp("operator-tsa", TestTsa.Operator);
        TimestampSection national = log.Stamp("national-tsa", TestTsa.Sm2, hash: TimestampHash.Sm3);
        TimestampSection nationalLater = log.Stamp("national-tsa", TestTsa.Sm2, ConformanceLog.LaterSize, TimestampHash.Sm3);
        TimestampSection operatorEarlier = log.Stamp("operator-tsa", TestTsa.Operator, ConformanceLog.EarlierSize);

        cases.Add(Valid(V1Receipt, "v1-hello-court", "A version 1 receipt written by the v1 code (leaf 0 of a one-leaf log), kept unchanged: v1 receipts verify forever.", []));
        cases.Add(Valid(Write(files, "v2-no-timestamps", receipt), "v2-no-timestamps",
            "Leaf 5 of the checkpoint of size 11, with the depositor opening and the notary's promise; no anchor, no timestamp: the only time is the log's own.", []));
        cases.Add(Valid(Write(files, "v2-token-own-checkpoint", receipt.WithTimestamps([own])), "v2-token-own-checkpoint",
            "An independent TSA's token (ECDSA P-256, SHA-256 imprint) over the receipt's own checkpoint.", [Expect(own, TestTsa.Ecdsa)]));
        cases.Add(Valid("v2-token-own-checkpoint" + ReceiptSuffix, "v2-token-own-checkpoint-no-tsa-roots",
            "The same receipt given no TSA roots: valid, its token not checked and no TSA time shown.", []) with { TsaRoots = [], OperatorTsa = [] });
        cases.Add(Valid(Write(files, "v2-token-later-checkpoint", receipt.WithTimestamps([later])), "v2-token-later-checkpoint",
            "A token over the later checkpoint of size 15, carried signed, with the consistency proof from 11 to 15.", [Expect(later, TestTsa.Ecdsa)]));
        cases.Add(Valid(Write(files, "v2-token-earlier-checkpoint", receipt.WithTimestamps([earlier])), "v2-token-earlier-checkpoint",
            "A token over the earlier checkpoint of size 8, which already holds leaf 5, with the consistency proof from 8 to 11.", [Expect(earlier, TestTsa.Ecdsa)]));
        cases.Add(Valid(Write(files, "v2-token-operator-tsa", receipt.WithTimestamps([byOperator])), "v2-token-operator-tsa",
            "A token of the operator's own TSA (operator-tsa.pem): valid, but its time is labelled operator time, not independent.", [Expect(byOperator, TestTsa.Operator)]));
        cases.Add(Valid(Write(files, "v2-token-sm2-sm3", receipt.WithTimestamps([national])), "v2-token-sm2-sm3",
            "An SM2-signed token with an SM3 imprint over the receipt's own checkpoint.", [Expect(national, TestTsa.Sm2)]));
        cases.Add(Valid(Write(files, "v2-anchor-evm", receipt.WithEvmAnchors([log.Anchor()])), "v2-anchor-evm",
            "A final EVM anchor of the checkpoint of size 15 in a synthetic block (header and receipts trie made by hand, not a real chain): proven offline; whether the block is canonical needs a node.", [], [ExpectAnchor()]));
        // Members and entries of kinds a verifier does not know are ignored and reported as not checked (receipt.md §Receipt file).
        Receipt unknownKinds = receipt with
        {
            OtherMembers =
            [
                new("anchors", """[{"type": "judicial-chain", "height": 7}]"""),
                new("timestamps", """[{"type": "opentimestamps", "proof": "AA=="}]"""),
                new("witness_cosignatures", "[]"),
            ],
        };
        cases.Add(Valid(Write(files, "v2-unknown-sections", unknownKinds), "v2-unknown-sections",
            "An anchor and a timestamp entry of kinds no verifier knows yet, and an unknown member: ignored and reported as not checked, so valid, with no anchor or TSA time shown.", []));
        cases.Add(Valid(Write(files, "v2-every-proof", receipt.WithEvmAnchors([log.Anchor()]).WithTimestamps([own, nationalLater, operatorEarlier])), "v2-every-proof",
            "One receipt with every proof: the anchor, an independent token over its own checkpoint, an SM2/SM3 token over the later one and an operator token over the earlier one.",
            [Expect(own, TestTsa.Ecdsa), Expect(nationalLater, TestTsa.Sm2), Expect(operatorEarlier, TestTsa.Operator)], [ExpectAnchor()]));

        // A planned key rotation (checkpoint.md §Key rotation): the verifier trusts both generations of keys.
        // The promise is the one every case carries, signed at acceptance by the first Ed25519 key.
        cases.Add(Valid("v2-no-timestamps" + ReceiptSuffix, "v2-no-timestamps-rotated-keys",
            "The receipt of v2-no-timestamps, signed by the first key pair only, checked trusting both generations of keys (log-rotated.vkeys): receipts from before a rotation keep verifying.", [])
            with { LogKeys = RotatedLogKeys });
        string rotation = log.NoteAt(ConformanceLog.ReceiptSize, log.Ed25519, log.Sm2, log.NewEd25519, log.NewSm2);
        cases.Add(Valid(Write(files, "v2-rotation-checkpoint", log.Receipt(log.Proof(rotation))), "v2-rotation-checkpoint",
            "Leaf 5 of the rotation checkpoint of size 11, signed by both key pairs (four signature lines), checked trusting both generations (log-rotated.vkeys).", [])
            with { LogKeys = RotatedLogKeys });
        string newPair = log.NoteAt(ConformanceLog.LaterSize, log.NewEd25519, log.NewSm2);
        cases.Add(Valid(Write(files, "v2-rotated-new-keys", log.Receipt(log.Proof(newPair, treeSize: ConformanceLog.LaterSize))), "v2-rotated-new-keys",
            "Leaf 5 of the checkpoint of size 15, after the rotation, signed by the new key pair only, checked trusting both generations (log-rotated.vkeys); its promise is from before the rotation, signed by the first Ed25519 key.", [])
            with { LogKeys = RotatedLogKeys });
    }

    private static void AddInvalid(SortedDictionary<string, string> files, List<ConformanceCase> cases, ConformanceLog log)
    {
        Digest[] flippedProof = log.InclusionProof();
        Digest.AsWritableBytes(ref flippedProof[0])[0] ^= 0x01;
        cases.Add(Invalid(files, "invalid-flipped-proof-bit", "One bit of the inclusion proof's first hash flipped.",
            log.Receipt(log.Proof(proof: flippedProof)), VerificationFailure.RootMismatch));

        cases.Add(Invalid("v2-no-timestamps" + ReceiptSuffix, "invalid-wrong-salt",
            "A sound receipt checked with another deposit's salt file (the same content under another master salt): the recomputed commitments differ.",
            VerificationFailure.CommitmentMismatch) with { Salt = WrongSalt });

        using var stranger = new Ed25519NoteSigner(TestKeys.Origin.ToString(), [.. Enumerable.Range(1, 32).Select(i => (byte)i)]);
        cases.Add(Invalid(files, "invalid-checkpoint-unknown-key", "The checkpoint is signed only by a key of the log's name that log.vkeys does not hold.",
            log.Receipt(log.Proof(checkpointNote: log.NoteAt(ConformanceLog.ReceiptSize, stranger))), VerificationFailure.NoTrustedSignature));

        byte[] tamperedLeaf = log.Deposit.ToArray();
        tamperedLeaf[^1] ^= 0x01;
        cases.Add(Invalid(files, "invalid-leaf-tampered", "One bit of the leaf carried in 'extra' flipped: its hash is no longer the one the inclusion proof leads from.",
            log.Receipt(log.Proof(leaf: tamperedLeaf)), VerificationFailure.RootMismatch));

        string unknownVersion = log.Receipt().ToJson().Replace(Receipt.FormatV2, "evidencechain-receipt/v3", StringComparison.Ordinal);
        cases.Add(Invalid(files, "invalid-format-unknown-version", "Format evidencechain-receipt/v3, a major version no verifier knows yet; otherwise the v2 receipt.",
            unknownVersion, VerificationFailure.UnsupportedVersion));

        EvmAnchorSection anchor = log.Anchor(proofOfAnotherBlock: true);
        cases.Add(Invalid(files, "invalid-anchor-proof-for-another-block", "The anchor's receipt proof is the same event's in another block: it does not lead from this block header's receiptsRoot.",
            log.Receipt().WithEvmAnchors([anchor]), VerificationFailure.AnchorProofInvalid));

        var forked = new Checkpoint(TestKeys.Origin, ConformanceLog.ReceiptSize, Sm3.HashData("a forked tree of 11 leaves"u8));
        cases.Add(Invalid(files, "invalid-token-over-another-root", "A trusted TSA's token over a checkpoint of the same origin and size but another root, presented for the receipt's own.",
            log.Receipt().WithTimestamps([new TimestampSection("independent-tsa", ConformanceLog.ReceiptSize, null, [], TestTsa.Ecdsa.Stamp(forked.ToNoteText()))]),
            VerificationFailure.TimestampImprintMismatch));

        cases.Add(Invalid(files, "invalid-token-untrusted-tsa", "A token over the receipt's checkpoint from a TSA under a root none of the given roots is.",
            log.Receipt().WithTimestamps([log.Stamp("unknown-tsa", TestTsa.Untrusted)]), VerificationFailure.TimestampUntrustedTsa));

        TimestampSection later = log.Stamp("independent-tsa", TestTsa.Ecdsa, ConformanceLog.LaterSize);
        Digest[] brokenConsistency = [.. later.ConsistencyProof];
        Digest.AsWritableBytes(ref brokenConsistency[0])[0] ^= 0x01;
        cases.Add(Invalid(files, "invalid-timestamp-inconsistent-proof", "A token over the later checkpoint whose consistency proof from 11 to 15 has one bit flipped.",
            log.Receipt().WithTimestamps([later with { ConsistencyProof = brokenConsistency }]), VerificationFailure.TimestampInconsistent));

        string newEd25519Only = log.NoteAt(ConformanceLog.LaterSize, log.NewEd25519);
        cases.Add(Invalid(files, "invalid-rotated-new-ed25519-only",
            "As v2-rotated-new-keys, but the checkpoint is signed by the new Ed25519 key alone: trusting both generations (log-rotated.vkeys), no trusted SM2 key signed.",
            log.Receipt(log.Proof(newEd25519Only, treeSize: ConformanceLog.LaterSize)), VerificationFailure.NoTrustedSignature) with { LogKeys = RotatedLogKeys });
    }

    private static string Write(SortedDictionary<string, string> files, string name, Receipt receipt) => Write(files, name, receipt.ToJson());

    private static string Write(SortedDictionary<string, string> files, string name, string receiptJson)
    {
        files.Add(name + ReceiptSuffix, receiptJson);
        return name + ReceiptSuffix;
    }

    private static ConformanceCase Valid(string receiptFile, string name, string description, IReadOnlyList<ExpectedTimestamp> timestamps, IReadOnlyList<ExpectedAnchor>? anchors = null) =>
        new(name, description, receiptFile, LogKeys, s_tsaRoots, [OperatorTsa], Content, Salt, ConformanceCase.Valid,
            ConformanceManifest.Instant(DateTimeOffset.FromUnixTimeMilliseconds(ExampleLog.ReceivedAtMs)), timestamps, anchors ?? []);

    private static ConformanceCase Invalid(string receiptFile, string name, string description, VerificationFailure failure) =>
        new(name, description, receiptFile, LogKeys, s_tsaRoots, [OperatorTsa], Content, Salt, failure.ToString());

    private static ConformanceCase Invalid(SortedDictionary<string, string> files, string name, string description, Receipt receipt, VerificationFailure failure) =>
        Invalid(files, name, description, receipt.ToJson(), failure);

    private static ConformanceCase Invalid(SortedDictionary<string, string> files, string name, string description, string receiptJson, VerificationFailure failure) =>
        Invalid(Write(files, name, receiptJson), name, description, failure);

    private static ExpectedTimestamp Expect(TimestampSection entry, TestTsa tsa) =>
        new(entry.Authority, entry.TreeSize, ConformanceManifest.Instant(TestTsa.Now), (long)TestTsa.Accuracy.TotalMilliseconds, tsa.Tsa.Certificate.SubjectDN.ToString(),
            tsa == TestTsa.Operator ? ExpectedTimestamp.Operator : ExpectedTimestamp.Independent);

    private static ExpectedAnchor ExpectAnchor() =>
        new(EvmAnchorSection.Type, ConformanceLog.ChainId, ConformanceLog.LaterSize, SyntheticBlock.Number,
            ConformanceManifest.Instant(DateTimeOffset.FromUnixTimeSeconds((long)SyntheticBlock.TimestampSeconds)));

    /// <summary>The salt file of the example content deposited whole (chunk size 0, one unit) under <paramref name="masterSalt"/>.</summary>
    private static SaltFile SaltFileFor(MasterSalt masterSalt)
    {
        using var units = new UnitsRoot(masterSalt);
        units.Add(new UnitDescriptor(string.Empty, 0, (ulong)ExampleLog.Content.Length), ContentHasher.HashData(ExampleLog.Content));
        return new SaltFile(masterSalt, 0, 1, units.Finish());
    }
}
