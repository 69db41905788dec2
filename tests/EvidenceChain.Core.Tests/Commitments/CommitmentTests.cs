using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using EvidenceChain.Core.Commitments;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Merkle;
using EvidenceChain.Core.Proofs;

namespace EvidenceChain.Core.Tests.Commitments;

public class CommitmentTests
{
    private static readonly MasterSalt s_salt = MasterSalt.FromBytes(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray());

    [Fact]
    public void DeriveUnitSalt_IsHmacSha256OfLabelAndIndex()
    {
        byte[] message = [.. "evidencechain/v1/unit-salt"u8, 0, 0, 0, 0, 0, 0, 1, 2];

        Assert.Equal(HMACSHA256.HashData(s_salt.Bytes, message), s_salt.DeriveUnitSalt(258).Value.ToArray());
        Assert.Equal(HMACSHA256.HashData(s_salt.Bytes, "evidencechain/v1/party-salt"u8), s_salt.DerivePartySalt().Value.ToArray());
        Assert.NotEqual(s_salt.DeriveUnitSalt(0), s_salt.DeriveUnitSalt(1));
    }

    [Theory]
    [InlineData(TreeHash.Sha256)]
    [InlineData(TreeHash.Sm3)]
    public void UnitCommitment_EqualsPreimageWrittenByHand(TreeHash hash)
    {
        var unit = new UnitDescriptor("合同/part 1.pdf", 65536, 300);
        byte[] content = Encoding.UTF8.GetBytes("content");
        Digest contentDigest = hash == TreeHash.Sha256 ? Digest.Read(SHA256.HashData(content)) : Sm3.HashData(content);
        DerivedSalt salt = s_salt.DeriveUnitSalt(4);
        byte[] path = Encoding.UTF8.GetBytes(unit.Path);
        byte[] preimage =
        [
            0x02, .. salt.Value.ToArray(),
            0, 0, 0, 0, 0, 1, 0, 0,
            0, 0, 0, 0, 0, 0, 1, 44,
            0, (byte)path.Length, .. path,
            .. contentDigest.ToArray(),
        ];
        byte[] expected = hash == TreeHash.Sha256 ? SHA256.HashData(preimage) : Sm3.HashData(preimage).ToArray();

        Assert.Equal(expected, UnitCommitment.Compute(hash, salt, unit, contentDigest).ToArray());
    }

    [Fact]
    public void UnitCommitment_AnyFieldChanged_Differs()
    {
        Digest content = Sm3.HashData("x"u8);
        DerivedSalt salt = s_salt.DeriveUnitSalt(0);
        var unit = new UnitDescriptor("a", 0, 1);
        Digest original = UnitCommitment.Compute(TreeHash.Sha256, salt, unit, content);

        Assert.NotEqual(original, UnitCommitment.Compute(TreeHash.Sha256, s_salt.DeriveUnitSalt(1), unit, content));
        Assert.NotEqual(original, UnitCommitment.Compute(TreeHash.Sha256, salt, unit with { Path = "b" }, content));
        Assert.NotEqual(original, UnitCommitment.Compute(TreeHash.Sha256, salt, unit with { OffsetBytes = 1 }, content));
        Assert.NotEqual(original, UnitCommitment.Compute(TreeHash.Sha256, salt, unit with { LengthBytes = 2 }, content));
        Assert.NotEqual(original, UnitCommitment.Compute(TreeHash.Sha256, salt, unit, Sm3.HashData("y"u8)));
    }

    [Theory]
    [InlineData("a/b.txt", "a/b.txt")]
    [InlineData("cafe\u0301.txt", "caf\u00e9.txt")]
    public void TryNormalizePath_Valid_Normalized(string input, string expected)
    {
        Assert.True(UnitPlan.TryNormalizePath(input, out string normalized, out _));
        Assert.Equal(expected, normalized);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/abs")]
    [InlineData("a//b")]
    [InlineData("a/./b")]
    [InlineData("../b")]
    [InlineData("a/")]
    [InlineData("a\tb")]
    [InlineData("a\\b.txt")]
    public void TryNormalizePath_Invalid_RefusedWithReason(string input)
    {
        Assert.False(UnitPlan.TryNormalizePath(input, out _, out string reason));
        Assert.NotEmpty(reason);
    }

    [Fact]
    public void IsNfcWithoutTables_EveryCharacterItAccepts_IsAStarterNfcLeavesAlone()
    {
        // What NFC may join to the character before it: every later character of a canonical decomposition in the BMP.
        // ICU answers here; the court's file, which has no ICU, relies on the ranges these checks hold.
        var joiners = new HashSet<char>();
        char[] bmp = [.. Enumerable.Range(0, 0x10000).Select(code => (char)code).Where(c => !char.IsSurrogate(c))];
        foreach (char c in bmp.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.OtherNotAssigned))
        {
            joiners.UnionWith(c.ToString().Normalize(NormalizationForm.FormD).Skip(1));
        }

        char[] accepted = [.. bmp.Where(c => UnitPlan.IsNfcWithoutTables(c.ToString()))];

        Assert.Superset(new HashSet<char>("az09 .-_é中文の가ガＡ、"), new HashSet<char>(accepted));
        Assert.All(accepted, c =>
        {
            Assert.True(c.ToString().IsNormalized(NormalizationForm.FormC));
            Assert.DoesNotContain(c, joiners);
            Assert.False(CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark);
        });
        Assert.False(UnitPlan.IsNfcWithoutTables("cafe\u0301.txt"));
        Assert.False(UnitPlan.IsNfcWithoutTables("\U0001F600.bin"));
    }

    [Fact]
    public void Plan_ChunkedFiles_SortedByUtf8PathThenOffset()
    {
        const long chunk = 65536;
        var units = UnitPlan.Plan([("z.bin", 1), ("a.bin", (ulong)chunk * 2 + 5), ("\U0001F600.bin", 0), ("\uFFFD.bin", 3)], chunk);

        Assert.Equal(
            [("a.bin", 0UL, 65536UL), ("a.bin", 65536UL, 65536UL), ("a.bin", 131072UL, 5UL), ("z.bin", 0UL, 1UL), ("\uFFFD.bin", 0UL, 3UL), ("\U0001F600.bin", 0UL, 0UL)],
            units.Select(u => (u.Path, u.OffsetBytes, u.LengthBytes)));
    }

    [Fact]
    public void Plan_BadInput_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => UnitPlan.Plan([("a", 1)], 1000));
        Assert.Throws<ArgumentException>(() => UnitPlan.Plan([("a", 1), ("a", 2)], 0));
        Assert.Throws<ArgumentException>(() => UnitPlan.Plan([], 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => UnitPlan.Plan([("big", (ulong)UnitPlan.ChunkSizeMinBytes * (UnitPlan.UnitCountMax + 1))], UnitPlan.ChunkSizeMinBytes));
    }

    [Fact]
    public void UnitsRoot_OneUnitDisclosed_ProvenAgainstRootWithoutOtherUnits()
    {
        var units = UnitPlan.Plan([("a.txt", 3), ("b.txt", 3), ("c.txt", 3)], 0);
        string[] contents = ["aaa", "bbb", "ccc"];
        using var builder = new UnitsRoot(s_salt);
        for (int i = 0; i < units.Count; i++)
        {
            builder.Add(units[i], ContentHasher.HashData(Encoding.ASCII.GetBytes(contents[i])));
        }

        DigestPair roots = builder.Finish();

        // What a court is shown for b.txt alone: its content, its unit salt, its descriptor and a proof.
        DerivedSalt disclosedSalt = s_salt.DeriveUnitSalt(1);
        using var hasher = new Sha256MerkleHasher();
        var tree = new MerkleTree(hasher);
        for (int i = 0; i < units.Count; i++)
        {
            Digest commitment = UnitCommitment.Compute(TreeHash.Sha256, s_salt.DeriveUnitSalt((ulong)i), units[i], ContentHasher.HashData(Encoding.ASCII.GetBytes(contents[i])).Sha256);
            tree.AppendLeaf(commitment.ToArray());
        }

        Digest disclosed = UnitCommitment.Compute(TreeHash.Sha256, disclosedSalt, units[1], Digest.Read(SHA256.HashData("bbb"u8)));
        Verdict verdict = InclusionProof.Verify(hasher, 1, 3, hasher.HashLeaf(disclosed.ToArray()), tree.InclusionProof(1, 3), roots.Sha256);
        Assert.True(verdict.IsValid, verdict.ToString());
    }

    [Fact]
    public void MasterSalt_WrongLength_Throws()
    {
        Assert.Throws<ArgumentException>(() => MasterSalt.FromBytes(new byte[31]));
        Assert.Throws<ArgumentException>(() => MasterSalt.FromBytes(new byte[65]));
        Assert.Equal(64, MasterSalt.FromBytes(new byte[64]).Bytes.Length);
    }

    [Fact]
    public void PartyCommitment_EqualsPreimageWrittenByHand()
    {
        byte[] publicKey = Enumerable.Repeat((byte)7, 32).ToArray();
        Digest fingerprint = PartyCommitment.FingerprintEd25519(publicKey);
        DerivedSalt salt = s_salt.DerivePartySalt();

        Assert.Equal(SHA256.HashData([0x01, .. publicKey]), fingerprint.ToArray());
        Assert.Equal(SHA256.HashData([0x03, .. salt.Value.ToArray(), .. fingerprint.ToArray()]), PartyCommitment.Compute(TreeHash.Sha256, salt, fingerprint).ToArray());
        Assert.Equal(Sm3.HashData([0x03, .. salt.Value.ToArray(), .. fingerprint.ToArray()]), PartyCommitment.Compute(TreeHash.Sm3, salt, fingerprint));
    }
}
