using System.Security.Cryptography;
using CsCheck;
using EvidenceChain.Core.Access;
using EvidenceChain.Core.Commitments;
using EvidenceChain.Core.Custody;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Leaves;
using EvidenceChain.Core.Tests.Support;

namespace EvidenceChain.Core.Tests.Custody;

/// <summary>Custody records: one canonical encoding, strict decoding, and the leaf that commits to them.</summary>
public class CustodyRecordTests
{
    private const string Office = "0123456789abcdef0123456789abcdef";
    private const string Owner = "fedcba9876543210fedcba9876543210";

    private static readonly Gen<CustodyRecord> s_records =
        Gen.Select(
            Gen.Byte.Array[CustodyRecord.NonceLengthBytes],
            Gen.Long[0, long.MaxValue],
            Gen.Enum<CustodyAction>().Where(a => a is not (CustodyAction.Disclosed or CustodyAction.VaultStored)),
            Gen.Enum<PartyRole>(),
            Gen.Bool,
            Gen.Byte.Array[16].Array[0, 13],
            Gen.Enum<CustodySubjectKind>(),
            Gen.Char['a', 'z'].Array[0, 100])
        .Select((nonce, time, action, role, anonymous, concerned, kind, detail) => new CustodyRecord(
            nonce,
            time,
            action,
            anonymous ? 0 : role,
            anonymous ? null : Party(Office),
            [.. concerned.Select(id => Party(Convert.ToHexStringLower(id)))],
            kind,
            new byte[kind == CustodySubjectKind.Party ? 16 : 32],
            new string(detail)));

    [Fact]
    public void Encode_Decode_RoundTripsEveryRecord() =>
        s_records.Sample(
            record =>
            {
                byte[] bytes = record.Encode();
                Assert.True(CustodyRecord.TryDecode(bytes, out CustodyRecord? decoded, out string reason), reason);
                Assert.Equal(bytes, decoded!.Encode());
                Assert.Equal(record.ToLeaf().Encode(), decoded.ToLeaf().Encode());
            },
            iter: Soak.PropertyIterations);

    [Fact]
    public void TryDecode_AnyOtherBytes_Refused()
    {
        byte[] bytes = Example().Encode();
        Assert.False(CustodyRecord.TryDecode([.. bytes, 0], out _, out string trailing));
        Assert.Contains("follow", trailing, StringComparison.Ordinal);
        Assert.False(CustodyRecord.TryDecode(bytes[..^1], out _, out _));

        byte[] unknownAction = (byte[])bytes.Clone();
        unknownAction[31 + 32 + 8] = 200;
        Assert.False(CustodyRecord.TryDecode(unknownAction, out _, out string why));
        Assert.Contains("action", why, StringComparison.Ordinal);

        byte[] otherMagic = (byte[])bytes.Clone();
        otherMagic[0] ^= 1;
        Assert.False(CustodyRecord.TryDecode(otherMagic, out _, out _));
    }

    [Fact]
    public void ToLeaf_CommitsToTheRecordAndHidesItsParties()
    {
        CustodyRecord record = Example();
        byte[] bytes = record.Encode();
        RecordLeaf leaf = record.ToLeaf();

        Assert.Equal(LeafType.CustodyEvent, leaf.Type);
        Assert.Equal(record.RecordedAtMs, leaf.RecordedAtMs);
        Assert.Equal(Digest.Read(SHA256.HashData(bytes)), leaf.Record.Sha256);
        Assert.Equal(Sm3.HashData(bytes), leaf.Record.Sm3);
        Assert.Equal(2, leaf.Parties.Count);

        // The leaf names no party in the clear: neither id appears in its bytes.
        byte[] leafBytes = leaf.Encode();
        Assert.Equal(-1, leafBytes.AsSpan().IndexOf(Convert.FromHexString(Office)));
        Assert.Equal(-1, leafBytes.AsSpan().IndexOf(Convert.FromHexString(Owner)));

        // The same party under another salt is another commitment.
        CustodyParty resalted = Party(Office) with { Salt = DerivedSalt.FromBytes(new byte[32]) };
        Assert.NotEqual(Party(Office).Commitment(), resalted.Commitment());
    }

    [Fact]
    public void Create_InvalidRecords_Refused()
    {
        RandomSource random = RandomNumberGenerator.Fill;
        Assert.Throws<ArgumentException>(() => CustodyRecord.Create(random, 1, CustodyAction.ReceiptRead, PartyRole.Court, null, [], CustodySubjectKind.Deposit, new byte[32], "actor missing"));
        Assert.Throws<ArgumentException>(() => CustodyRecord.Create(random, 1, CustodyAction.ReceiptRead, 0, null, [], CustodySubjectKind.Party, new byte[32], "party ids are 16 bytes"));
        Assert.Throws<ArgumentException>(() => CustodyRecord.Create(random, 1, CustodyAction.ReceiptRead, 0, null, [], CustodySubjectKind.Deposit, new byte[32], "line\nbreak"));
        Assert.Throws<ArgumentException>(() => CustodyRecord.Create(random, 1, CustodyAction.ReceiptRead, 0, null, [.. Enumerable.Repeat(Party(Owner), 15)], CustodySubjectKind.Deposit, new byte[32], "too many"));
    }

    [Fact]
    public void Disclosed_RoundTripsItsSection_AndRefusesOneWithoutIt()
    {
        var disclosure = new CustodyDisclosure(new DigestPair(Digest.Read(new byte[32]), Digest.Read(Enumerable.Repeat((byte)7, 32).ToArray())), 6, [1, 3]);
        CustodyRecord record = Example() with { Action = CustodyAction.Disclosed, Disclosure = disclosure };
        byte[] bytes = record.Encode();
        Assert.Equal(Example().Encode().Length + 32 + 32 + 4 + 2 + 8, bytes.Length);
        Assert.True(CustodyRecord.TryDecode(bytes, out CustodyRecord? decoded, out string reason), reason);
        Assert.Equal(disclosure.PackageDigest, decoded!.Disclosure!.PackageDigest);
        Assert.Equal(6u, decoded.Disclosure.UnitCount);
        Assert.Equal([1u, 3u], decoded.Disclosure.UnitIndexes);
        Assert.Equal(bytes, decoded.Encode());

        Assert.False(CustodyRecord.TryDecode(bytes[..^1], out _, out _));
        Assert.False(CustodyRecord.TryDecode([.. bytes, 0], out _, out _));
        byte[] outOfRange = (byte[])bytes.Clone();
        outOfRange[^1] = 6;
        Assert.False(CustodyRecord.TryDecode(outOfRange, out _, out string why));
        Assert.Contains("not below the unit count", why, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => (Example() with { Action = CustodyAction.Disclosed }).Encode());
        Assert.Throws<InvalidOperationException>(() => (Example() with { Disclosure = disclosure }).Encode());
        Assert.Throws<InvalidOperationException>(() => (record with { Disclosure = disclosure with { UnitIndexes = [3, 1] } }).Encode());
    }

    [Fact]
    public void VaultStored_RoundTripsItsSection_AndRefusesOneWithoutItOrWithOthersNamed()
    {
        var vault = new CustodyVaultObject(new DigestPair(Digest.Read(Enumerable.Repeat((byte)1, 32).ToArray()), Digest.Read(Enumerable.Repeat((byte)2, 32).ToArray())), 1_000_047, 3);
        CustodyRecord record = Example() with { Action = CustodyAction.VaultStored, Concerned = [], VaultObject = vault };
        byte[] bytes = record.Encode();
        Assert.Equal((Example() with { Concerned = [] }).Encode().Length + 32 + 32 + 8 + 4, bytes.Length);
        Assert.True(CustodyRecord.TryDecode(bytes, out CustodyRecord? decoded, out string reason), reason);
        Assert.Equal(vault, decoded!.VaultObject);
        Assert.Equal(bytes, decoded.Encode());
        CustodyRecord whole = record with { VaultObject = vault with { UnitIndex = CustodyVaultObject.WholeDeposit } };
        Assert.True(CustodyRecord.TryDecode(whole.Encode(), out CustodyRecord? wholeDecoded, out _));
        Assert.Equal(CustodyVaultObject.WholeDeposit, wholeDecoded!.VaultObject!.UnitIndex);

        Assert.False(CustodyRecord.TryDecode(bytes[..^1], out _, out _));
        Assert.False(CustodyRecord.TryDecode([.. bytes, 0], out _, out _));
        Assert.Throws<InvalidOperationException>(() => (record with { VaultObject = null }).Encode());
        Assert.Throws<InvalidOperationException>(() => (Example() with { VaultObject = vault }).Encode());
        Assert.Throws<InvalidOperationException>(() => (record with { Concerned = [Party(Owner)] }).Encode());
        Assert.Throws<InvalidOperationException>(() => (record with { VaultObject = vault with { CiphertextLengthBytes = 0 } }).Encode());
        Assert.Throws<InvalidOperationException>(() => (record with { VaultObject = vault with { UnitIndex = UnitPlan.UnitCountMax } }).Encode());
    }

    internal static CustodyRecord Example() => new(
        Enumerable.Range(0, 32).Select(i => (byte)i).ToArray(),
        1_764_400_000_000,
        CustodyAction.ReceiptRead,
        PartyRole.NotaryOffice,
        Party(Office),
        [Party(Owner)],
        CustodySubjectKind.Deposit,
        Hex.Bytes("093b06b1bff347ed8ac0419fffe6e37888ad9f47fd23e51f7ced6bb5134c0137"),
        "receipt of leaf 0 read by a party of role NotaryOffice");

    internal static CustodyParty Party(string id) => new(id, DerivedSalt.FromBytes(SHA256.HashData(Convert.FromHexString(id))));
}
