using System.Text;
using System.Text.RegularExpressions;
using EvidenceChain.Core.Checkpoints;
using EvidenceChain.Core.Commitments;
using EvidenceChain.Core.Custody;
using EvidenceChain.Core.Deposits;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Leaves;
using EvidenceChain.Core.Merkle;
using EvidenceChain.Core.Notes;
using EvidenceChain.Core.Proofs;
using EvidenceChain.Core.Receipts;
using EvidenceChain.Core.Tests.Custody;
using EvidenceChain.Core.Tests.Support;

namespace EvidenceChain.Core.Tests.Formats;

/// <summary>
/// The worked examples in docs/formats/*.md are compiled here: each block fenced as
/// <c>example:NAME</c> is recomputed from the inputs the document states and must match byte for
/// byte. Set EVIDENCECHAIN_WRITE_DOC_EXAMPLES=1 to rewrite the blocks after a deliberate change.
/// </summary>
public partial class FormatDocExampleTests
{
    private static readonly string[] s_documents = ["log.md", "commitment.md", "leaf.md", "checkpoint.md", "receipt.md", "deposit-request.md", "custody-event.md"];

    [GeneratedRegex("```example:(?<name>[a-z0-9-]+)\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex ExampleBlock();

    public static TheoryData<string> Documents() => new(s_documents);

    [Theory]
    [MemberData(nameof(Documents))]
    public void Examples_InDocument_MatchTheCode(string document)
    {
        string path = RepoPaths.Doc(Path.Combine("formats", document));
        string text = File.ReadAllText(path);
        var blocks = ExampleBlock().Matches(text);
        Assert.NotEmpty(blocks);

        if (Environment.GetEnvironmentVariable("EVIDENCECHAIN_WRITE_DOC_EXAMPLES") == "1")
        {
            File.WriteAllText(path, ExampleBlock().Replace(text, m => $"```example:{m.Groups["name"].Value}\n{Render(m.Groups["name"].Value)}```"));
            return;
        }

        foreach (Match block in blocks)
        {
            Assert.Equal(Render(block.Groups["name"].Value), block.Groups["body"].Value);
        }
    }

    /// <summary>
    /// docs/examples/: the files of the README's walk-through (content, salt file, receipt, the
    /// notary's verifier keys), made from the same inputs as the format examples.
    /// </summary>
    [Fact]
    public void ExampleFiles_MatchTheCode()
    {
        var files = new Dictionary<string, byte[]>
        {
            ["hello-court.txt"] = ExampleLog.Content,
            ["hello-court.salt.json"] = Encoding.UTF8.GetBytes(new SaltFile(ExampleLog.Salt, 0, 1, ExampleLog.UnitsRoot()).ToJson()),
            ["hello-court.receipt.json"] = Encoding.UTF8.GetBytes(ExampleReceipt().ToJson()),
            ["notary.vkeys"] = Encoding.UTF8.GetBytes(VerifierKeys()),
        };
        string folder = RepoPaths.Doc("examples");
        if (Environment.GetEnvironmentVariable("EVIDENCECHAIN_WRITE_DOC_EXAMPLES") == "1")
        {
            Directory.CreateDirectory(folder);
            foreach ((string name, byte[] bytes) in files)
            {
                File.WriteAllBytes(Path.Combine(folder, name), bytes);
            }

            return;
        }

        foreach ((string name, byte[] bytes) in files)
        {
            Assert.Equal(bytes, File.ReadAllBytes(Path.Combine(folder, name)));
        }
    }

    [Fact]
    public void ExampleReceipt_VerifiesWithContentAndSaltFile()
    {
        using ExampleLog log = OneLeafLog();

        ReceiptReport report = ReceiptVerifier.Verify(ExampleReceipt().ToJson(), log.TrustedKeys, ExampleLog.Evidence());

        Assert.True(report.IsValid, report.Verdict.ToString());
        Assert.Contains(ReceiptCheck.Promise, report.Passed);
    }

    private static Receipt ExampleReceipt()
    {
        using ExampleLog log = OneLeafLog();
        byte[] leaf = ExampleLog.Deposit().Encode();
        return new Receipt(log.Proof(0, leaf).Format(), ExampleLog.Opening(), log.PromiseFor([leaf], 0, ExampleLog.ReceivedAtMs));
    }

    [Fact]
    public void Examples_TlogProof_VerifiesAsAReceipt()
    {
        using var log = new ExampleLog();
        var receipt = new Receipt(Render("tlog-proof"), ExampleLog.Opening(), null);

        ReceiptReport report = ReceiptVerifier.Verify(receipt.ToJson(), log.TrustedKeys, ExampleLog.Evidence());

        Assert.True(report.IsValid, report.Verdict.ToString());
    }

    private static string Render(string name) => name switch
    {
        "origin" => TestKeys.Origin + "\n",
        "commitment" => Commitment(),
        "deposit-leaf" => DepositLeafExample(),
        "checkpoint" => OneLeafLog().CheckpointNote(),
        "verifier-keys" => VerifierKeys(),
        "tlog-proof" => TlogProofExample(),
        "timestamp-imprint" => TimestampImprintExample(),
        "deposit-request" => DepositRequestExample(ExampleLog.Request()),
        "deposit-request-v2" => DepositRequestExample(ExampleLog.Request() with { Stamp = new RequestStamp(ExampleLog.ReceivedAtMs, [.. Enumerable.Range(0, 16).Select(i => (byte)i)]) }),
        "custody-event" => CustodyEventExample(),
        _ => throw new InvalidOperationException($"No renderer for example '{name}'."),
    };

    private static string Commitment()
    {
        DerivedSalt unitSalt = ExampleLog.Salt.DeriveUnitSalt(0);
        var unit = new UnitDescriptor(string.Empty, 0, (ulong)ExampleLog.Content.Length);
        DigestPair content = ContentHasher.HashData(ExampleLog.Content);
        DigestPair roots = ExampleLog.UnitsRoot();
        DepositorOpening opening = ExampleLog.Opening();
        DigestPair party = opening.Commitments();
        return Lines(
            ("unit_salt(0)", unitSalt.ToHex()),
            ("C_SHA-256(0)", UnitCommitment.Compute(TreeHash.Sha256, unitSalt, unit, content.Sha256).ToHex()),
            ("C_SM3(0)", UnitCommitment.Compute(TreeHash.Sm3, unitSalt, unit, content.Sm3).ToHex()),
            ("units_root_sha256", roots.Sha256.ToHex()),
            ("units_root_sm3", roots.Sm3.ToHex()),
            ("party_salt", opening.PartySalt.ToHex()),
            ("key_fingerprint", opening.KeyFingerprint.ToHex()),
            ("P_SHA-256", party.Sha256.ToHex()),
            ("P_SM3", party.Sm3.ToHex()));
    }

    private static string CustodyEventExample()
    {
        CustodyRecord record = CustodyRecordTests.Example();
        byte[] bytes = record.Encode();
        byte[] leaf = record.ToLeaf().Encode();
        using var hasher = new Sha256MerkleHasher();
        const string Widest = "leaf_hash (sha256 log)";
        string Wrapped(byte[] value) =>
            string.Join("\n" + new string(' ', Widest.Length + 3), Convert.ToHexStringLower(value).Chunk(64).Select(c => new string(c)));
        return Lines(
            ("record", Wrapped(bytes)),
            ("office P_SHA-256", record.Actor!.Commitment().Sha256.ToHex()),
            ("owner P_SHA-256", record.Concerned[0].Commitment().Sha256.ToHex()),
            ("leaf", Wrapped(leaf)),
            (Widest, hasher.HashLeaf(leaf).ToHex()));
    }

    private static string DepositLeafExample()
    {
        byte[] leaf = ExampleLog.Deposit().Encode();
        string Hex(int from, int to) => Convert.ToHexStringLower(leaf.AsSpan(from, to - from));
        using var hasher = new Sha256MerkleHasher();
        return Lines(
            ("version leaf_type body_length", $"{Hex(0, 1)} {Hex(1, 2)} {Hex(2, 4)}"),
            ("content_kind commitment_scheme", $"{Hex(4, 5)} {Hex(5, 6)}"),
            ("received_at_ms", Hex(6, 14)),
            ("unit_count", Hex(14, 18)),
            ("units_root_sha256", Hex(18, 50)),
            ("units_root_sm3", Hex(50, 82)),
            ("depositor_sha256", Hex(82, 114)),
            ("depositor_sm3", Hex(114, 146)),
            ("leaf_hash (sha256 log)", hasher.HashLeaf(leaf).ToHex()));
    }

    /// <summary>receipt.md §Timestamps: the imprints a TSA is asked to stamp for the one-leaf checkpoint.</summary>
    private static string TimestampImprintExample()
    {
        using ExampleLog log = OneLeafLog();
        byte[] text = Encoding.UTF8.GetBytes(new Checkpoint(log.Origin, log.Tree.TreeSize, log.Tree.Root).ToNoteText());
        return Lines(
            ("SHA-256(text)", Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(text))),
            ("SM3(text)", Sm3.HashData(text).ToHex()));
    }

    private static ExampleLog OneLeafLog()
    {
        var log = new ExampleLog();
        log.Append(ExampleLog.Deposit().Encode());
        return log;
    }

    private static string VerifierKeys()
    {
        using ExampleLog log = OneLeafLog();
        return log.Ed25519.Verifier.ToVerifierKey() + "\n" + log.Sm2.Verifier.ToVerifierKey() + "\n";
    }

    private static string TlogProofExample()
    {
        using ExampleLog log = OneLeafLog();
        TlogProof proof = log.Proof(0, ExampleLog.Deposit().Encode());
        Verdict verdict = TlogProof.TryParse(proof.Format(), out _);
        Assert.True(verdict.IsValid);
        return proof.Format();
    }

    private static string DepositRequestExample(DepositRequest request)
    {
        byte[] message = request.SignedBytes();
        string wrapped = string.Join("\n" + new string(' ', "signed message".Length + 3), Convert.ToHexStringLower(message).Chunk(64).Select(c => new string(c)));
        return Lines(
            ("signed message", wrapped),
            ("signature", Convert.ToHexStringLower(request.Sign(ExampleLog.DepositorSeed))));
    }

    private static string Lines(params (string Label, string Value)[] lines)
    {
        int width = lines.Max(l => l.Label.Length);
        var text = new StringBuilder();
        foreach ((string label, string value) in lines)
        {
            text.Append(label.PadRight(width)).Append(" = ").Append(value).Append('\n');
        }

        return text.ToString();
    }
}
