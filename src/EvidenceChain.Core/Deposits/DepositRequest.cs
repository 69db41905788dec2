using System.Buffers.Binary;
using System.Text;
using EvidenceChain.Core.Access;
using EvidenceChain.Core.Checkpoints;
using EvidenceChain.Core.Commitments;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Leaves;
using NSec.Cryptography;

namespace EvidenceChain.Core.Deposits;

/// <summary>
/// A depositor's request (deposit-request.md): up to 1,000 entries for one log, and the canonical
/// bytes the depositor's key (Ed25519, or SM2 with SM3) signs — v2 with a <see cref="RequestStamp"/> (time and nonce,
/// so it cannot be replayed), v1 without. Its validation (TryValidate) is the service's check at the
/// edge, the signature included.
/// </summary>
public sealed record DepositRequest(LogOrigin Origin, IReadOnlyList<DepositEntry> Entries, RequestStamp? Stamp = null)
{
    public const int EntryCountMax = 1000;
    public const int PublicKeyLengthBytes = 32;
    public const int SignatureLengthBytes = 64;
    private static readonly byte[] s_contextV1 = Encoding.ASCII.GetBytes("evidencechain/deposit-request/v1\n");
    private static readonly byte[] s_contextV2 = Encoding.ASCII.GetBytes("evidencechain/deposit-request/v2\n");

    /// <summary>The signed message: context, origin, (v2: issue time and nonce,) entry count and the entries.</summary>
    public byte[] SignedBytes()
    {
        if (Entries.Count is 0 or > EntryCountMax)
        {
            throw Error.OutOfRange(nameof(Entries), Entries.Count, $"A request holds 1 to {EntryCountMax} deposits.");
        }

        if (Stamp is not null && (Stamp.Nonce.Length != RequestStamp.NonceLengthBytes || Stamp.IssuedAtMs < 0))
        {
            throw Error.OutOfRange(nameof(Stamp), Stamp, $"A stamp has a time since 1970 and a {RequestStamp.NonceLengthBytes}-byte nonce.");
        }

        byte[] context = Stamp is null ? s_contextV1 : s_contextV2;
        int stampLength = Stamp is null ? 0 : 8 + RequestStamp.NonceLengthBytes;
        byte[] origin = Encoding.UTF8.GetBytes(Origin.ToString());
        byte[] message = new byte[context.Length + origin.Length + 1 + stampLength + 2 + (Entries.Count * DepositEntry.EncodedLengthBytes)];
        var span = message.AsSpan();
        context.CopyTo(span);
        origin.CopyTo(span[context.Length..]);
        int at = context.Length + origin.Length;
        span[at++] = 0x0A;
        if (Stamp is not null)
        {
            BinaryPrimitives.WriteUInt64BigEndian(span[at..], (ulong)Stamp.IssuedAtMs);
            Stamp.Nonce.CopyTo(span[(at + 8)..]);
            at += stampLength;
        }

        BinaryPrimitives.WriteUInt16BigEndian(span[at..], (ushort)Entries.Count);
        at += 2;
        foreach (DepositEntry entry in Entries)
        {
            entry.WriteTo(span[at..]);
            at += DepositEntry.EncodedLengthBytes;
        }

        return message;
    }

    /// <summary>Signs the request with the depositor's 32-byte Ed25519 seed; returns the 64-byte signature.</summary>
    public byte[] Sign(ReadOnlySpan<byte> depositorSeed)
    {
        using var key = Key.Import(SignatureAlgorithm.Ed25519, depositorSeed, KeyBlobFormat.RawPrivateKey);
        return SignatureAlgorithm.Ed25519.Sign(key, SignedBytes());
    }

    /// <summary>The depositor's public key for a 32-byte Ed25519 seed.</summary>
    public static byte[] PublicKeyOf(ReadOnlySpan<byte> depositorSeed)
    {
        using var key = Key.Import(SignatureAlgorithm.Ed25519, depositorSeed, KeyBlobFormat.RawPrivateKey);
        return key.PublicKey.Export(KeyBlobFormat.RawPublicKey);
    }

    /// <summary>Checks an Ed25519-signed request; see the overload for keys of either algorithm.</summary>
    public DepositRejection TryValidate(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> signature, out int entryIndex) =>
        TryValidate(PartyKeyAlgorithm.Ed25519, publicKey, [], signature, out entryIndex, out _);

    /// <summary>
    /// Checks a request as the notary receives it, in a fixed order: entry count, each entry's
    /// fields, the stamp, the key's form, the signature. Returns the rule broken and the entry it
    /// concerns, and the signing key once it is well formed. The key is Ed25519 (32 bytes) or SM2
    /// (the 65-byte point, signing under <paramref name="sm2UserId"/>, the GB/T default when empty).
    /// </summary>
    public DepositRejection TryValidate(
        PartyKeyAlgorithm algorithm, ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> sm2UserId, ReadOnlySpan<byte> signature, out int entryIndex, out PartyKey? key)
    {
        entryIndex = -1;
        key = null;
        if (Entries.Count == 0)
        {
            return DepositRejection.NoEntries;
        }

        if (Entries.Count > EntryCountMax)
        {
            return DepositRejection.TooManyEntries;
        }

        for (int i = 0; i < Entries.Count; i++)
        {
            entryIndex = i;
            if (!Enum.IsDefined(Entries[i].Kind))
            {
                return DepositRejection.UnknownContentKind;
            }

            if (Entries[i].UnitCount is 0 or > UnitPlan.UnitCountMax)
            {
                return DepositRejection.UnitCountOutOfRange;
            }
        }

        entryIndex = -1;
        if (Stamp is not null && (Stamp.Nonce.Length != RequestStamp.NonceLengthBytes || Stamp.IssuedAtMs < 0))
        {
            return DepositRejection.MalformedStamp;
        }

        if (PartyKey.TryCreate(algorithm, publicKey, sm2UserId, 0, out key) != PartyKeyRejection.None)
        {
            return DepositRejection.MalformedPublicKey;
        }

        if (signature.Length != SignatureLengthBytes)
        {
            return DepositRejection.MalformedSignature;
        }

        return key!.Verify(SignedBytes(), signature) ? DepositRejection.None : DepositRejection.BadSignature;
    }

    /// <summary>SHA-256(0x01 ‖ key): the fingerprint that party commitments hide.</summary>
    public static Digest Fingerprint(ReadOnlySpan<byte> publicKey) => PartyCommitment.FingerprintEd25519(publicKey);

    /// <summary>The leaves for this request, all accepted at the same time.</summary>
    public IReadOnlyList<DepositLeaf> ToLeaves(long receivedAtMs, ReadOnlySpan<byte> publicKey)
    {
        Digest fingerprint = Fingerprint(publicKey);
        return Entries.Select(e => e.ToLeaf(receivedAtMs, fingerprint)).ToList();
    }
}
