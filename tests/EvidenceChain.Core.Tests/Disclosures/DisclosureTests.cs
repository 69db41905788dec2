using System.Text;
using EvidenceChain.Core.Commitments;
using EvidenceChain.Core.Disclosures;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Leaves;
using EvidenceChain.Core.Notes;
using EvidenceChain.Core.Receipts;
using EvidenceChain.Core.Tests.Support;

namespace EvidenceChain.Core.Tests.Disclosures;

/// <summary>
/// Partial disclosure (disclosure.md) over two deposits made as the CLI makes them: five files, one
/// unit each, and one file cut into 64 KiB chunks with a short last chunk. The units roots in the leaf
/// come from <see cref="UnitsRoot"/>, not from the builder, so builder and verifier are checked against
/// the code that made real deposits. Every corruption fails with the reason that names it.
/// </summary>
public sealed class DisclosureTests : IDisposable
{
    private const long ChunkSizeBytes = 65536;

    private static readonly MasterSalt s_salt = MasterSalt.FromBytes(Enumerable.Range(100, 32).Select(i => (byte)i).ToArray());

    private readonly ExampleLog _log = new();

    public void Dispose() => _log.Dispose();

    [Fact]
    public void Verify_OneOfFiveFiles_ProvesThatUnitOnly()
    {
        Deposit deposit = DepositFiles();

        DisclosureReport report = Verify(deposit, Build(deposit, 2));

        Assert.True(report.IsValid, report.Verdict.ToString());
        DisclosedUnit unit = Assert.Single(report.ProvenUnits);
        Assert.Equal(new UnitDescriptor("c/secret.txt", 0, (ulong)deposit.UnitBytes[2].Length), unit.Unit);
        Assert.Equal(5u, report.Deposit!.UnitCount);
    }

    [Fact]
    public void Verify_TwoNonAdjacentChunks_ProvesBoth()
    {
        Deposit deposit = DepositChunkedFile();

        DisclosureReport report = Verify(deposit, Build(deposit, 3, 1));

        Assert.True(report.IsValid, report.Verdict.ToString());
        Assert.Equal([1ul, 3ul], report.ProvenUnits.Select(u => u.Index));
        Assert.Equal([ChunkSizeBytes, 3 * ChunkSizeBytes], report.ProvenUnits.Select(u => (long)u.Unit.OffsetBytes));
    }

    [Fact]
    public void Verify_LastShortChunk_Proves()
    {
        Deposit deposit = DepositChunkedFile();

        DisclosureReport report = Verify(deposit, Build(deposit, 4));

        Assert.True(report.IsValid, report.Verdict.ToString());
        Assert.Equal(new UnitDescriptor(string.Empty, 4 * ChunkSizeBytes, 1000), Assert.Single(report.ProvenUnits).Unit);
    }

    [Fact]
    public void Verify_AfterJsonRoundTrip_IsTheSamePackage()
    {
        Deposit deposit = DepositChunkedFile();
        Disclosure built = Build(deposit, 0, 4);

        Assert.True(Disclosure.TryParse(built.ToJson(), out Disclosure? read).IsValid);

        Assert.Equal(built.ToJson(), read!.ToJson());
        Assert.True(Verify(deposit, read).IsValid);
    }

    [Fact]
    public void Verify_TamperedContentByte_ReturnsUnitNotInUnitsTree()
    {
        Deposit deposit = DepositChunkedFile();
        Disclosure disclosure = Build(deposit, 1, 3);
        byte[] tampered = deposit.UnitBytes[3].ToArray();
        tampered[500] ^= 0x01;

        DisclosureReport report = DisclosureVerifier.Verify(disclosure, _log.TrustedKeys, [Content(deposit.UnitBytes[1]), Content(tampered)]);

        Assert.Equal(DisclosureFailure.UnitNotInUnitsTree, report.Verdict.Failure);
        Assert.StartsWith("unit #3 ''@196608+65536, SHA-256:", report.Verdict.Detail, StringComparison.Ordinal);
        Assert.Equal([1ul], report.ProvenUnits.Select(u => u.Index));
    }

    [Fact]
    public void Verify_WrongUnitSalt_ReturnsUnitNotInUnitsTree()
    {
        Deposit deposit = DepositFiles();
        Disclosure disclosure = Build(deposit, 2);
        Disclosure wrongSalt = disclosure with { Units = [disclosure.Units[0] with { UnitSalt = s_salt.DeriveUnitSalt(3) }] };

        Assert.Equal(DisclosureFailure.UnitNotInUnitsTree, Verify(deposit, wrongSalt).Verdict.Failure);
    }

    [Fact]
    public void Verify_ProofsSwappedBetweenUnits_ReturnsUnitNotInUnitsTree()
    {
        Deposit deposit = DepositFiles();
        Disclosure disclosure = Build(deposit, 1, 3);
        DisclosedUnit first = disclosure.Units[0];
        DisclosedUnit second = disclosure.Units[1];
        Assert.Equal(first.ProofSha256.Count, second.ProofSha256.Count);
        Disclosure swapped = disclosure with { Units = [first with { ProofSha256 = second.ProofSha256 }, second with { ProofSha256 = first.ProofSha256 }] };

        DisclosureReport report = Verify(deposit, swapped);

        Assert.Equal(DisclosureFailure.UnitNotInUnitsTree, report.Verdict.Failure);
        Assert.Contains("computed root", report.Verdict.Detail, StringComparison.Ordinal);
        Assert.Contains(deposit.Leaf.UnitsRoot.Sha256.ToHex(), report.Verdict.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_Sha256AndSm3ProofsSwapped_ReturnsUnitNotInUnitsTree()
    {
        Deposit deposit = DepositChunkedFile();
        DisclosedUnit unit = Build(deposit, 2).Units[0];
        Disclosure swapped = Build(deposit, 2) with { Units = [unit with { ProofSha256 = unit.ProofSm3, ProofSm3 = unit.ProofSha256 }] };

        Assert.Equal(DisclosureFailure.UnitNotInUnitsTree, Verify(deposit, swapped).Verdict.Failure);
    }

    [Fact]
    public void Verify_TruncatedProof_ReturnsWrongProofLength()
    {
        Deposit deposit = DepositFiles();
        DisclosedUnit unit = Build(deposit, 0).Units[0];
        Disclosure truncated = Build(deposit, 0) with { Units = [unit with { ProofSm3 = unit.ProofSm3.Take(1).ToList() }] };

        DisclosureReport report = Verify(deposit, truncated);

        Assert.Equal(DisclosureFailure.WrongProofLength, report.Verdict.Failure);
        Assert.Contains("SM3", report.Verdict.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_IndexOutOfRange_ReturnsUnitIndexOutOfRange()
    {
        Deposit deposit = DepositFiles();
        Disclosure disclosure = Build(deposit, 4);
        Disclosure outOfRange = disclosure with { Units = [disclosure.Units[0] with { Index = 5 }] };

        DisclosureReport report = Verify(deposit, outOfRange);

        Assert.Equal(DisclosureFailure.UnitIndexOutOfRange, report.Verdict.Failure);
        Assert.Contains("index 5 is not below the deposit's 5 units", report.Verdict.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_DuplicatedUnit_ReturnsDuplicateUnit()
    {
        Deposit deposit = DepositFiles();
        Disclosure disclosure = Build(deposit, 1);
        Disclosure duplicated = disclosure with { Units = [disclosure.Units[0], disclosure.Units[0]] };

        DisclosureReport report = DisclosureVerifier.Verify(duplicated, _log.TrustedKeys, [Content(deposit.UnitBytes[1]), Content(deposit.UnitBytes[1])]);

        Assert.Equal(DisclosureFailure.DuplicateUnit, report.Verdict.Failure);
        Assert.Empty(report.ProvenUnits);
    }

    [Fact]
    public void Verify_UnitCountNotTheLeafs_ReturnsUnitCountMismatch()
    {
        Deposit deposit = DepositFiles();

        DisclosureReport report = Verify(deposit, Build(deposit, 1) with { UnitCount = 4 });

        Assert.Equal(DisclosureFailure.UnitCountMismatch, report.Verdict.Failure);
    }

    [Fact]
    public void Verify_ContentOfAnotherLength_ReturnsContentLengthMismatch()
    {
        Deposit deposit = DepositChunkedFile();

        DisclosureReport report = DisclosureVerifier.Verify(Build(deposit, 4), _log.TrustedKeys, [Content(deposit.UnitBytes[4][..999])]);

        Assert.Equal(DisclosureFailure.ContentLengthMismatch, report.Verdict.Failure);
    }

    [Fact]
    public void Verify_ReceiptSignedByAnUntrustedKey_ReturnsReceiptInvalidWithTheReceiptsReason()
    {
        Deposit deposit = DepositFiles();
        using var other = new ExampleLog(TestKeys.Origin with { Host = "other.example" });

        DisclosureReport report = DisclosureVerifier.Verify(Build(deposit, 0), other.TrustedKeys, [Content(deposit.UnitBytes[0])]);

        Assert.Equal(DisclosureFailure.ReceiptInvalid, report.Verdict.Failure);
        Assert.False(report.Receipt.IsValid);
        Assert.Empty(report.ProvenUnits);
    }

    [Fact]
    public void Package_NeverHoldsTheMasterSaltAnotherUnitsSaltOrContent()
    {
        foreach (Deposit deposit in new[] { DepositFiles(), DepositChunkedFile() })
        {
            ulong[] chosen = [1, 3];
            string json = Build(deposit, chosen).ToJson();

            Assert.DoesNotContain(Convert.ToHexStringLower(s_salt.Bytes), json, StringComparison.Ordinal);
            Assert.DoesNotContain(s_salt.DerivePartySalt().ToHex(), json, StringComparison.Ordinal);
            for (ulong i = 0; i < (ulong)deposit.Units.Count; i++)
            {
                Assert.Equal(chosen.Contains(i), json.Contains(s_salt.DeriveUnitSalt(i).ToHex(), StringComparison.Ordinal));
                byte[] bytes = deposit.UnitBytes[(int)i];
                Assert.DoesNotContain(Convert.ToBase64String(bytes[..Math.Min(bytes.Length, 48)]), json, StringComparison.Ordinal);
                Assert.DoesNotContain(Convert.ToHexStringLower(bytes[..Math.Min(bytes.Length, 32)]), json, StringComparison.Ordinal);
            }

            Assert.DoesNotContain("the secret recipe", json, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TryParse_UnknownFormat_ReturnsUnsupportedVersion()
    {
        string json = Build(DepositFiles(), 0).ToJson().Replace(Disclosure.FormatV1, "evidencechain-disclosure/v2", StringComparison.Ordinal);

        Assert.Equal(DisclosureFailure.UnsupportedVersion, Disclosure.TryParse(json, out _).Failure);
    }

    [Theory]
    [InlineData("\"content_file\": \"c/secret.txt\"", "\"content_file\": \"../c/secret.txt\"")]
    [InlineData("\"content_file\": \"c/secret.txt\"", "\"content_file\": \"/etc/passwd\"")]
    [InlineData("\"index\": 2", "\"index\": -2")]
    [InlineData("\"unit_count\": 5", "\"unit_count\": 0")]
    [InlineData("\"format\"", "\"units\": [], \"format\"")]
    public void TryParse_BrokenMember_ReturnsMalformedDisclosure(string member, string broken)
    {
        string json = Build(DepositFiles(), 2).ToJson();
        Assert.Contains(member, json, StringComparison.Ordinal);

        DisclosureVerdict verdict = Disclosure.TryParse(json.Replace(member, broken, StringComparison.Ordinal), out Disclosure? read);

        Assert.Equal(DisclosureFailure.MalformedDisclosure, verdict.Failure);
        Assert.Null(read);
    }

    [Fact]
    public void TryParse_UpperCaseHexSalt_IsMalformed()
    {
        Disclosure disclosure = Build(DepositFiles(), 2);
        string salt = disclosure.Units[0].UnitSalt.ToHex();
        string json = disclosure.ToJson().Replace(salt, salt.ToUpperInvariant(), StringComparison.Ordinal);

        Assert.Equal(DisclosureFailure.MalformedDisclosure, Disclosure.TryParse(json, out _).Failure);
    }

    [Fact]
    public void Build_IndexChosenTwiceOrOutOfRange_Throws()
    {
        Deposit deposit = DepositFiles();

        Assert.Throws<ArgumentException>(() => DisclosureBuilder.Build(deposit.Units, s_salt, deposit.Digests, [1, 1], Name));
        Assert.Throws<ArgumentOutOfRangeException>(() => DisclosureBuilder.Build(deposit.Units, s_salt, deposit.Digests, [5], Name));
        Assert.Throws<ArgumentOutOfRangeException>(() => DisclosureBuilder.Build(deposit.Units, s_salt, deposit.Digests, [], Name));
    }

    [Fact]
    public void Build_RootsAreTheDepositsRoots()
    {
        Deposit deposit = DepositChunkedFile();

        DisclosedUnits units = DisclosureBuilder.Build(deposit.Units, s_salt, deposit.Digests, [0], Name);

        Assert.Equal(deposit.Leaf.UnitsRoot, units.UnitsRoot);
        Assert.Equal(5u, units.UnitCount);
    }

    private static string Name(ulong index, UnitDescriptor unit) => unit.Path.Length == 0 ? $"large.bin@{unit.OffsetBytes}" : unit.Path;

    private static UnitContent Content(byte[] bytes) => new(ContentHasher.HashData(bytes), (ulong)bytes.Length);

    private static Disclosure Build(Deposit deposit, params ulong[] chosen) =>
        Disclosure.Create(deposit.ReceiptJson, DisclosureBuilder.Build(deposit.Units, s_salt, deposit.Digests, chosen, Name));

    private DisclosureReport Verify(Deposit deposit, Disclosure disclosure) =>
        DisclosureVerifier.Verify(disclosure, _log.TrustedKeys, disclosure.Units.Select(u => Content(deposit.UnitBytes[(int)Math.Min(u.Index, (ulong)deposit.Units.Count - 1)])).ToList());

    /// <summary>Five files of a directory, one unit each, "c/secret.txt" third in committed order.</summary>
    private Deposit DepositFiles() => MakeDeposit(
        [
            ("e.txt", Encoding.UTF8.GetBytes("last file\n")),
            ("a.txt", Encoding.UTF8.GetBytes("first file, not disclosed\n")),
            ("c/secret.txt", Encoding.UTF8.GetBytes("the secret recipe: 3 parts sugar\n")),
            ("b.docx", Enumerable.Range(0, 300).Select(i => unchecked((byte)(i * 7))).ToArray()),
            ("d.csv", Encoding.UTF8.GetBytes("id,value\n1,42\n")),
        ],
        chunkSizeBytes: 0);

    /// <summary>A single file of four 64 KiB chunks and a fifth of 1,000 bytes.</summary>
    private Deposit DepositChunkedFile()
    {
        byte[] content = new byte[(4 * ChunkSizeBytes) + 1000];
        new Random(9).NextBytes(content);
        return MakeDeposit([(string.Empty, content)], ChunkSizeBytes);
    }

    private Deposit MakeDeposit(IReadOnlyList<(string Path, byte[] Content)> files, long chunkSizeBytes)
    {
        IReadOnlyList<UnitDescriptor> units = UnitPlan.Plan(files.Select(f => (f.Path, (ulong)f.Content.Length)), chunkSizeBytes);
        byte[][] unitBytes = units
            .Select(u => files.Single(f => f.Path == u.Path).Content.AsSpan(checked((int)u.OffsetBytes), checked((int)u.LengthBytes)).ToArray())
            .ToArray();
        DigestPair[] digests = unitBytes.Select(b => ContentHasher.HashData(b)).ToArray();
        using var unitsRoot = new UnitsRoot(s_salt);
        for (int i = 0; i < units.Count; i++)
        {
            unitsRoot.Add(units[i], digests[i]);
        }

        // Another deposit first, so the receipt's leaf is not the log's only one.
        _log.Append(ExampleLog.Deposit().Encode());
        var leaf = new DepositLeaf(ContentKind.Data, ExampleLog.ReceivedAtMs, (uint)units.Count, unitsRoot.Finish(), ExampleLog.Opening().Commitments());
        byte[] leafBytes = leaf.Encode();
        ulong leafIndex = _log.Append(leafBytes);
        string receipt = new Receipt(_log.Proof(leafIndex, leafBytes).Format(), ExampleLog.Opening(), null).ToJson();
        return new Deposit(units, unitBytes, digests, leaf, receipt);
    }

    private sealed record Deposit(IReadOnlyList<UnitDescriptor> Units, byte[][] UnitBytes, DigestPair[] Digests, DepositLeaf Leaf, string ReceiptJson);
}
