using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using EvidenceChain.Core.Access;
using EvidenceChain.Core.Commitments;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Leaves;

namespace EvidenceChain.Core.Custody;

/// <summary>
/// One custody event (custody-event.md): who did what to which deposit, party, key or certificate,
/// and when. Its canonical bytes are kept beside the log; the log holds a record leaf with their
/// digests and the parties' commitments, so the event is proven by inclusion, not by a log file.
/// </summary>
/// <param name="Nonce">32 random bytes, so a record's digest cannot be confirmed by guessing it.</param>
/// <param name="RecordedAtMs">When the service recorded it, Unix milliseconds, UTC (also in the leaf).</param>
/// <param name="Action">What happened.</param>
/// <param name="ActorRole">The acting party's role, or 0 for an anonymous public reader (a locator read).</param>
/// <param name="Actor">The acting party; null exactly when <paramref name="ActorRole"/> is 0.</param>
/// <param name="Concerned">The other parties the event concerns (a receipt's owner, a registered party).</param>
/// <param name="SubjectKind">What the subject is.</param>
/// <param name="Subject">The subject's bytes: a leaf hash, a party id, a key or certificate fingerprint.</param>
/// <param name="Detail">A short sentence for people (at most 512 bytes of UTF-8, no control characters).</param>
/// <param name="Disclosure">The disclosure section: present exactly when <paramref name="Action"/> is <see cref="CustodyAction.Disclosed"/>.</param>
/// <param name="VaultObject">The vault section: present exactly when <paramref name="Action"/> is <see cref="CustodyAction.VaultStored"/>.</param>
public sealed record CustodyRecord(
    byte[] Nonce,
    long RecordedAtMs,
    CustodyAction Action,
    PartyRole ActorRole,
    CustodyParty? Actor,
    IReadOnlyList<CustodyParty> Concerned,
    CustodySubjectKind SubjectKind,
    byte[] Subject,
    string Detail,
    CustodyDisclosure? Disclosure = null,
    CustodyVaultObject? VaultObject = null)
{
    /// <summary>The record_schema of custody-event leaves.</summary>
    public const ushort Schema = 1;

    public const int NonceLengthBytes = 32;
    public const int DetailLengthMaxBytes = 512;

    private const int PartyBytes = PartyIds.LengthBytes + DerivedSalt.LengthBytes;
    private static readonly byte[] Magic = Encoding.ASCII.GetBytes("evidencechain/custody-event/v1\n");

    /// <summary>A new record with a fresh nonce.</summary>
    public static CustodyRecord Create(
        RandomSource random,
        long recordedAtMs,
        CustodyAction action,
        PartyRole actorRole,
        CustodyParty? actor,
        IReadOnlyList<CustodyParty> concerned,
        CustodySubjectKind subjectKind,
        byte[] subject,
        string detail,
        CustodyDisclosure? disclosure = null,
        CustodyVaultObject? vaultObject = null)
    {
        ArgumentNullException.ThrowIfNull(random);
        byte[] nonce = new byte[NonceLengthBytes];
        random(nonce);
        var record = new CustodyRecord(nonce, recordedAtMs, action, actorRole, actor, concerned, subjectKind, subject, detail, disclosure, vaultObject);
        if (record.Check() is string problem)
        {
            throw new ArgumentException("Not a valid custody record: " + problem);
        }

        return record;
    }

    /// <summary>Every party in leaf order: the actor (if any), then the concerned parties.</summary>
    public IEnumerable<CustodyParty> Parties => Actor is null ? Concerned : Concerned.Prepend(Actor);

    public byte[] Encode()
    {
        if (Check() is string problem)
        {
            throw new InvalidOperationException("Not a valid custody record: " + problem);
        }

        byte[] detail = Encoding.UTF8.GetBytes(Detail);
        int length = Magic.Length + NonceLengthBytes + 8 + 1 + 1 + (Actor is null ? 0 : PartyBytes)
            + 1 + (Concerned.Count * PartyBytes) + 1 + Subject.Length + 2 + detail.Length + (Disclosure?.LengthBytes ?? 0)
            + (VaultObject is null ? 0 : CustodyVaultObject.LengthBytes);
        byte[] bytes = new byte[length];
        var writer = new Writer(bytes);
        writer.Put(Magic);
        writer.Put(Nonce);
        BinaryPrimitives.WriteUInt64BigEndian(writer.Take(8), (ulong)RecordedAtMs);
        writer.Put((byte)Action);
        writer.Put((byte)ActorRole);
        if (Actor is not null)
        {
            writer.Put(Actor);
        }

        writer.Put((byte)Concerned.Count);
        foreach (CustodyParty party in Concerned)
        {
            writer.Put(party);
        }

        writer.Put((byte)SubjectKind);
        writer.Put(Subject);
        BinaryPrimitives.WriteUInt16BigEndian(writer.Take(2), (ushort)detail.Length);
        writer.Put(detail);
        if (Disclosure is not null)
        {
            writer.Put(Digest.AsBytes(Disclosure.PackageDigest.Sha256));
            writer.Put(Digest.AsBytes(Disclosure.PackageDigest.Sm3));
            BinaryPrimitives.WriteUInt32BigEndian(writer.Take(4), Disclosure.UnitCount);
            BinaryPrimitives.WriteUInt16BigEndian(writer.Take(2), (ushort)Disclosure.UnitIndexes.Count);
            foreach (uint index in Disclosure.UnitIndexes)
            {
                BinaryPrimitives.WriteUInt32BigEndian(writer.Take(4), index);
            }
        }

        if (VaultObject is not null)
        {
            writer.Put(Digest.AsBytes(VaultObject.CiphertextDigest.Sha256));
            writer.Put(Digest.AsBytes(VaultObject.CiphertextDigest.Sm3));
            BinaryPrimitives.WriteUInt64BigEndian(writer.Take(8), VaultObject.CiphertextLengthBytes);
            BinaryPrimitives.WriteUInt32BigEndian(writer.Take(4), VaultObject.UnitIndex);
        }

        return bytes;
    }

    /// <summary>The record leaf for these canonical bytes (leaf.md §Record body).</summary>
    public RecordLeaf ToLeaf() => ToLeaf(Encode());

    internal RecordLeaf ToLeaf(byte[] encoded) =>
        RecordLeaf.Over(LeafType.CustodyEvent, Schema, RecordedAtMs, encoded, [.. Parties.Select(p => p.Commitment())]);

    /// <summary>Decodes canonical record bytes; anything else (trailing bytes, unknown values, another encoding) is refused.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> bytes, out CustodyRecord? record, out string reason)
    {
        record = null;
        var reader = new Reader(bytes);
        if (!reader.TryTake(Magic.Length, out ReadOnlySpan<byte> magic) || !magic.SequenceEqual(Magic))
        {
            reason = "it does not start with \"evidencechain/custody-event/v1\"";
            return false;
        }

        if (!reader.TryTake(NonceLengthBytes, out ReadOnlySpan<byte> nonce)
            || !reader.TryTake(8, out ReadOnlySpan<byte> time)
            || !reader.TryByte(out byte action)
            || !reader.TryByte(out byte role))
        {
            reason = "it ends early";
            return false;
        }

        CustodyParty? actor = null;
        if (role != 0 && !reader.TryParty(out actor))
        {
            reason = "it ends early";
            return false;
        }

        if (!reader.TryByte(out byte concernedCount))
        {
            reason = "it ends early";
            return false;
        }

        var concerned = new List<CustodyParty>(concernedCount);
        for (int i = 0; i < concernedCount; i++)
        {
            if (!reader.TryParty(out CustodyParty? party))
            {
                reason = "it ends early";
                return false;
            }

            concerned.Add(party!);
        }

        if (!reader.TryByte(out byte kind) || !Enum.IsDefined((CustodySubjectKind)kind)
            || !reader.TryTake(SubjectLength((CustodySubjectKind)kind), out ReadOnlySpan<byte> subject)
            || !reader.TryTake(2, out ReadOnlySpan<byte> detailLength)
            || !reader.TryTake(BinaryPrimitives.ReadUInt16BigEndian(detailLength), out ReadOnlySpan<byte> detail))
        {
            reason = "its subject or detail is malformed or it ends early";
            return false;
        }

        // Only a Disclosed or VaultStored event has a section after the detail; records of actions 1 to 9 end there.
        CustodyDisclosure? disclosure = null;
        if ((CustodyAction)action == CustodyAction.Disclosed && !reader.TryDisclosure(out disclosure))
        {
            reason = "its disclosure section ends early";
            return false;
        }

        CustodyVaultObject? vaultObject = null;
        if ((CustodyAction)action == CustodyAction.VaultStored && !reader.TryVaultObject(out vaultObject))
        {
            reason = "its vault section ends early";
            return false;
        }

        if (!reader.AtEnd)
        {
            reason = "bytes follow the detail";
            return false;
        }

        ulong recordedAt = BinaryPrimitives.ReadUInt64BigEndian(time);
        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(detail);
        }
        catch (DecoderFallbackException)
        {
            reason = "its detail is not UTF-8";
            return false;
        }

        var decoded = new CustodyRecord(nonce.ToArray(), recordedAt > long.MaxValue ? -1 : (long)recordedAt, (CustodyAction)action, (PartyRole)role, actor, concerned, (CustodySubjectKind)kind, subject.ToArray(), text, disclosure, vaultObject);
        if (decoded.Check() is string problem)
        {
            reason = problem;
            return false;
        }

        record = decoded;
        reason = string.Empty;
        return true;
    }

    /// <summary>Whether the record can be encoded canonically; the problem if not.</summary>
    private string? Check()
    {
        if (Nonce is not { Length: NonceLengthBytes })
        {
            return $"the nonce must be {NonceLengthBytes} bytes";
        }

        if (RecordedAtMs < 0)
        {
            return "the time is before 1970 or out of range";
        }

        if (!Enum.IsDefined(Action))
        {
            return $"unknown action {(byte)Action}";
        }

        if (ActorRole != 0 && !Enum.IsDefined(ActorRole))
        {
            return $"unknown actor role {(byte)ActorRole}";
        }

        if ((ActorRole == 0) != (Actor is null))
        {
            return "an actor is named exactly when it has a role";
        }

        if (Concerned.Count + (Actor is null ? 0 : 1) > RecordLeaf.PartyCountMax)
        {
            return $"at most {RecordLeaf.PartyCountMax} parties";
        }

        if (Parties.Any(p => !PartyIds.IsValid(p.PartyId)))
        {
            return "a party id is not 32 lowercase hex digits";
        }

        if (!Enum.IsDefined(SubjectKind) || Subject.Length != SubjectLength(SubjectKind))
        {
            return $"a {SubjectKind} subject has {SubjectLength(SubjectKind)} bytes";
        }

        if (Encoding.UTF8.GetByteCount(Detail) > DetailLengthMaxBytes || Detail.Any(char.IsControl))
        {
            return $"the detail has at most {DetailLengthMaxBytes} bytes of UTF-8 and no control characters";
        }

        if ((Action == CustodyAction.Disclosed) != (Disclosure is not null))
        {
            return "a disclosure section is present exactly in a Disclosed event";
        }

        if (Disclosure is not null)
        {
            if (Actor is null || Concerned.Count == 0 || SubjectKind != CustodySubjectKind.Deposit)
            {
                return "a Disclosed event names its actor and, last of the concerned parties, the recipient, and its subject is the deposit";
            }

            if (Disclosure.Check() is string problem)
            {
                return problem;
            }
        }

        if ((Action == CustodyAction.VaultStored) != (VaultObject is not null))
        {
            return "a vault section is present exactly in a VaultStored event";
        }

        if (VaultObject is not null)
        {
            if (Actor is null || Concerned.Count != 0 || SubjectKind != CustodySubjectKind.Deposit)
            {
                return "a VaultStored event names its actor, the deposit's owner, alone, and its subject is the deposit";
            }

            if (VaultObject.Check() is string problem)
            {
                return problem;
            }
        }

        return null;
    }

    private static int SubjectLength(CustodySubjectKind kind) => kind == CustodySubjectKind.Party ? PartyIds.LengthBytes : Digest.SizeInBytes;

    private sealed class Writer(byte[] destination)
    {
        private readonly byte[] _destination = destination;
        private int _at;

        public Span<byte> Take(int count)
        {
            Span<byte> slice = _destination.AsSpan(_at, count);
            _at += count;
            return slice;
        }

        public void Put(ReadOnlySpan<byte> bytes) => bytes.CopyTo(Take(bytes.Length));

        public void Put(byte value) => Take(1)[0] = value;

        public void Put(CustodyParty party)
        {
            Convert.FromHexString(party.PartyId, Take(PartyIds.LengthBytes), out _, out _);
            Digest salt = party.Salt.Value;
            Digest.AsBytes(salt).CopyTo(Take(DerivedSalt.LengthBytes));
        }
    }

    private ref struct Reader(ReadOnlySpan<byte> source)
    {
        private readonly ReadOnlySpan<byte> _source = source;
        private int _at;

        public readonly bool AtEnd => _at == _source.Length;

        public bool TryTake(int count, out ReadOnlySpan<byte> slice)
        {
            if (_source.Length - _at < count)
            {
                slice = default;
                return false;
            }

            slice = _source.Slice(_at, count);
            _at += count;
            return true;
        }

        public bool TryByte(out byte value)
        {
            bool ok = TryTake(1, out ReadOnlySpan<byte> one);
            value = ok ? one[0] : (byte)0;
            return ok;
        }

        public bool TryParty(out CustodyParty? party)
        {
            party = null;
            if (!TryTake(PartyBytes, out ReadOnlySpan<byte> bytes))
            {
                return false;
            }

            party = new CustodyParty(Convert.ToHexStringLower(bytes[..PartyIds.LengthBytes]), DerivedSalt.FromBytes(bytes[PartyIds.LengthBytes..]));
            return true;
        }

        public bool TryDisclosure(out CustodyDisclosure? disclosure)
        {
            disclosure = null;
            if (!TryTake(Digest.SizeInBytes, out ReadOnlySpan<byte> sha256)
                || !TryTake(Digest.SizeInBytes, out ReadOnlySpan<byte> sm3)
                || !TryTake(4, out ReadOnlySpan<byte> unitCount)
                || !TryTake(2, out ReadOnlySpan<byte> indexCount)
                || !TryTake(4 * BinaryPrimitives.ReadUInt16BigEndian(indexCount), out ReadOnlySpan<byte> indexes))
            {
                return false;
            }

            uint[] decoded = new uint[indexes.Length / 4];
            for (int i = 0; i < decoded.Length; i++)
            {
                decoded[i] = BinaryPrimitives.ReadUInt32BigEndian(indexes.Slice(4 * i, 4));
            }

            disclosure = new CustodyDisclosure(new DigestPair(Digest.Read(sha256), Digest.Read(sm3)), BinaryPrimitives.ReadUInt32BigEndian(unitCount), decoded);
            return true;
        }

        public bool TryVaultObject(out CustodyVaultObject? vaultObject)
        {
            vaultObject = null;
            if (!TryTake(CustodyVaultObject.LengthBytes, out ReadOnlySpan<byte> bytes))
            {
                return false;
            }

            vaultObject = new CustodyVaultObject(
                new DigestPair(Digest.Read(bytes[..Digest.SizeInBytes]), Digest.Read(bytes.Slice(Digest.SizeInBytes, Digest.SizeInBytes))),
                BinaryPrimitives.ReadUInt64BigEndian(bytes.Slice(2 * Digest.SizeInBytes, 8)),
                BinaryPrimitives.ReadUInt32BigEndian(bytes[((2 * Digest.SizeInBytes) + 8)..]));
            return true;
        }
    }
}
