using System.Buffers.Binary;
using EvidenceChain.Core.Hashing;

namespace EvidenceChain.Core.Leaves;

/// <summary>
/// A leaf for a record stored beside the log (leaf.md §Record body): custody events, ledger
/// batches, case transitions, pledge events, timestamp tokens and certificates. It carries the
/// record's digests and its parties' commitments only.
/// </summary>
public sealed record RecordLeaf(
    LeafType Type,
    ushort RecordSchema,
    long RecordedAtMs,
    DigestPair Record,
    IReadOnlyList<DigestPair> Parties)
{
    /// <summary>The most parties one record leaf names: 14 keep it within the 1,024-byte leaf limit (4 + 75 + 64·14 = 975).</summary>
    public const int PartyCountMax = 14;
    private const int FixedLengthBytes = 2 + 8 + (2 * Digest.SizeInBytes) + 1;

    /// <summary>The leaf for a record's canonical bytes: their SHA-256 and SM3, and the parties' commitments.</summary>
    public static RecordLeaf Over(LeafType type, ushort recordSchema, long recordedAtMs, ReadOnlySpan<byte> record, IReadOnlyList<DigestPair> parties) =>
        new(type, recordSchema, recordedAtMs, new DigestPair(Sha256.HashData(record), Sm3.HashData(record)), parties);

    public byte[] Encode()
    {
        if (Type is LeafType.Deposit || !Enum.IsDefined(Type))
        {
            throw Error.OutOfRange(nameof(Type), Type, "A record leaf has one of the record leaf types 2 to 7.");
        }

        if (Parties.Count > PartyCountMax)
        {
            throw Error.OutOfRange(nameof(Parties), Parties.Count, $"A record leaf names at most {PartyCountMax} parties.");
        }

        if (RecordedAtMs < 0)
        {
            throw Error.OutOfRange(nameof(RecordedAtMs), RecordedAtMs, "Times are Unix milliseconds, not before 1970.");
        }

        byte[] leaf = LeafEnvelope.Allocate(Type, FixedLengthBytes + (Parties.Count * 2 * Digest.SizeInBytes), out Span<byte> body);
        BinaryPrimitives.WriteUInt16BigEndian(body, RecordSchema);
        BinaryPrimitives.WriteUInt64BigEndian(body[2..], (ulong)RecordedAtMs);
        Record.Sha256.CopyTo(body[10..]);
        Record.Sm3.CopyTo(body[42..]);
        body[74] = (byte)Parties.Count;
        int at = FixedLengthBytes;
        foreach (DigestPair party in Parties)
        {
            party.Sha256.CopyTo(body[at..]);
            party.Sm3.CopyTo(body[(at + Digest.SizeInBytes)..]);
            at += 2 * Digest.SizeInBytes;
        }

        return leaf;
    }

    internal static bool TryDecodeBody(LeafType type, ReadOnlySpan<byte> body, out RecordLeaf? leaf, out string reason)
    {
        leaf = null;
        if (body.Length < FixedLengthBytes)
        {
            reason = $"a record body has at least {FixedLengthBytes} bytes, this one {body.Length}";
            return false;
        }

        int partyCount = body[74];
        int expected = FixedLengthBytes + (partyCount * 2 * Digest.SizeInBytes);
        if (partyCount > PartyCountMax || body.Length != expected)
        {
            reason = partyCount > PartyCountMax
                ? $"{partyCount} parties; at most {PartyCountMax} are allowed"
                : $"a record body with {partyCount} parties has {expected} bytes, this one {body.Length}";
            return false;
        }

        ulong recordedAt = BinaryPrimitives.ReadUInt64BigEndian(body[2..]);
        if (recordedAt > long.MaxValue)
        {
            reason = "the record time is out of range";
            return false;
        }

        var parties = new DigestPair[partyCount];
        for (int i = 0; i < partyCount; i++)
        {
            int at = FixedLengthBytes + (i * 2 * Digest.SizeInBytes);
            parties[i] = new DigestPair(Digest.Read(body.Slice(at, Digest.SizeInBytes)), Digest.Read(body.Slice(at + Digest.SizeInBytes, Digest.SizeInBytes)));
        }

        leaf = new RecordLeaf(
            type,
            BinaryPrimitives.ReadUInt16BigEndian(body),
            (long)recordedAt,
            new DigestPair(Digest.Read(body[10..42]), Digest.Read(body[42..74])),
            parties);
        reason = string.Empty;
        return true;
    }
}
