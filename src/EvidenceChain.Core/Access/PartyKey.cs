using System.Diagnostics;
using System.Text;
using EvidenceChain.Core.Commitments;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Notes;

namespace EvidenceChain.Core.Access;

/// <summary>
/// A public key bound to a party: its signatures on requests are the party's. A revoked key signs
/// nothing new, but stays known, so what it signed before its revocation still verifies and stays
/// attributed (<see cref="IsValidAt"/>, <see cref="Verify"/>).
/// <para>
/// Two algorithms (<see cref="PartyKeyAlgorithm"/>): Ed25519, a 32-byte key (the depositor keys the
/// CLI makes), and SM2 with SM3
/// (GB/T 32918.2), a 65-byte uncompressed point <c>0x04 ‖ x ‖ y</c> on sm2p256v1 with the user ID
/// its signatures are made under. Signatures are checked by the same code as signed notes
/// (<see cref="Ed25519NoteVerifier"/>, <see cref="Sm2NoteVerifier"/>): Ed25519 as 64 bytes, SM2 as
/// 64 bytes <c>r ‖ s</c> (each 32 bytes, big-endian; DER is not accepted).
/// </para>
/// </summary>
public sealed record PartyKey
{
    /// <summary>The most bytes an SM2 user ID may have (it is stored and hashed with a one-byte length).</summary>
    public const int Sm2UserIdLengthMaxBytes = Sm2Parameters.UserIdLengthMaxBytes;

    /// <summary>The 65 bytes of an uncompressed SM2 point.</summary>
    public const int Sm2PublicKeyLengthBytes = Sm2Parameters.PointLengthBytes;

    /// <summary>The GB/T 32918 (GM/T 0009) default user ID, used when an SM2 key is bound without one.</summary>
    public const string Sm2DefaultUserIdText = "1234567812345678";

    /// <summary>Every signature, of either algorithm, is 64 bytes.</summary>
    public const int SignatureLengthBytes = 64;

    // Party keys are not note keys; the name only satisfies the note verifier and never leaves this type.
    private const string VerifierName = "evidencechain/party-key";

    /// <summary>An Ed25519 key (32 bytes), as before SM2 keys existed.</summary>
    public PartyKey(byte[] publicKey, long addedAtMs, long? revokedAtMs)
        : this(PartyKeyAlgorithm.Ed25519, publicKey, [], addedAtMs, revokedAtMs)
    {
    }

    /// <summary>A key exactly as given: <paramref name="sm2UserId"/> is empty for Ed25519 and stated for SM2.</summary>
    /// <exception cref="ArgumentException">The key breaks a rule of <see cref="Check"/>; input from outside goes through <see cref="TryCreate"/>.</exception>
    public PartyKey(PartyKeyAlgorithm algorithm, byte[] publicKey, byte[] sm2UserId, long addedAtMs, long? revokedAtMs)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        ArgumentNullException.ThrowIfNull(sm2UserId);
        PartyKeyRejection rejection = Check(algorithm, publicKey, sm2UserId);
        if (rejection != PartyKeyRejection.None)
        {
            throw new ArgumentException($"Not a party key: {rejection}.", nameof(publicKey));
        }

        Algorithm = algorithm;
        PublicKey = publicKey;
        Sm2UserId = sm2UserId;
        AddedAtMs = addedAtMs;
        RevokedAtMs = revokedAtMs;
    }

    /// <summary>The GB/T 32918 default user ID's bytes (ASCII).</summary>
    public static ReadOnlySpan<byte> Sm2DefaultUserId => "1234567812345678"u8;

    public PartyKeyAlgorithm Algorithm { get; }

    /// <summary>The 32-byte Ed25519 public key, or the 65-byte uncompressed SM2 point.</summary>
    public byte[] PublicKey { get; }

    /// <summary>The SM2 user ID (1 to 255 bytes) the key signs under; empty for Ed25519.</summary>
    public byte[] Sm2UserId { get; }

    /// <summary>When the office bound it, Unix milliseconds.</summary>
    public long AddedAtMs { get; init; }

    /// <summary>When the office revoked it, or null.</summary>
    public long? RevokedAtMs { get; init; }

    /// <summary>
    /// SHA-256 of the key's signed-note public key encoding (commitment.md §Party commitments):
    /// <c>SHA-256(0x01 ‖ key)</c> for Ed25519, the fingerprint a depositor opening names;
    /// <c>SHA-256(0xff ‖ "evidencechain/sm2-sm3/v1" ‖ 0x00 ‖ u8(len(user_id)) ‖ user_id ‖ point)</c> for SM2.
    /// </summary>
    public Digest Fingerprint => Algorithm == PartyKeyAlgorithm.Sm2
        ? PartyCommitment.FingerprintSm2(PublicKey, Sm2UserId)
        : PartyCommitment.FingerprintEd25519(PublicKey);

    /// <summary>
    /// Whether a key may be bound: <see cref="PartyKeyRejection.None"/>, or the first rule it breaks.
    /// The user ID is taken as it is (no default here); see <see cref="TryCreate"/>.
    /// </summary>
    public static PartyKeyRejection Check(PartyKeyAlgorithm algorithm, ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> sm2UserId)
    {
        switch (algorithm)
        {
            case PartyKeyAlgorithm.Ed25519:
                return publicKey.Length != Ed25519NoteVerifier.PublicKeyLengthBytes ? PartyKeyRejection.Ed25519KeyMustBe32Bytes
                    : !sm2UserId.IsEmpty ? PartyKeyRejection.UserIdOnlyForSm2
                    : PartyKeyRejection.None;
            case PartyKeyAlgorithm.Sm2:
                if (publicKey.Length != Sm2PublicKeyLengthBytes)
                {
                    return PartyKeyRejection.Sm2KeyMustBe65Bytes;
                }

                if (publicKey[0] != 0x04)
                {
                    return PartyKeyRejection.Sm2KeyMustBeUncompressedPoint;
                }

                if (!IsSm2Point(publicKey))
                {
                    return PartyKeyRejection.Sm2KeyMustBeOnCurve;
                }

                return sm2UserId.Length > Sm2UserIdLengthMaxBytes ? PartyKeyRejection.Sm2UserIdTooLong
                    : sm2UserId.IsEmpty ? PartyKeyRejection.Sm2UserIdMustNotBeEmpty
                    : PartyKeyRejection.None;
            default:
                return PartyKeyRejection.AlgorithmUnknown;
        }
    }

    /// <summary>
    /// A key from outside (the office's request): as <see cref="Check"/>, except that an SM2 key
    /// given without a user ID gets <see cref="Sm2DefaultUserId"/>. Returns why it cannot be one.
    /// </summary>
    public static PartyKeyRejection TryCreate(
        PartyKeyAlgorithm algorithm, ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> sm2UserId, long addedAtMs, out PartyKey? key)
    {
        key = null;
        ReadOnlySpan<byte> userId = algorithm == PartyKeyAlgorithm.Sm2 && sm2UserId.IsEmpty ? Sm2DefaultUserId : sm2UserId;
        PartyKeyRejection rejection = Check(algorithm, publicKey, userId);
        if (rejection == PartyKeyRejection.None)
        {
            key = new PartyKey(algorithm, publicKey.ToArray(), userId.ToArray(), addedAtMs, null);
        }

        return rejection;
    }

    /// <summary>Whether the key may sign at <paramref name="atMs"/>: bound by then and not yet revoked.</summary>
    public bool IsValidAt(long atMs) => AddedAtMs <= atMs && (RevokedAtMs is not long revoked || atMs < revoked);

    /// <summary>
    /// Whether <paramref name="signature"/> is this key's over <paramref name="message"/> (SM2: under
    /// <see cref="Sm2UserId"/>, as 64 bytes <c>r ‖ s</c>). Pure: it says nothing about when the key
    /// was valid; ask <see cref="IsValidAt"/> with the time the signed request claims and the service
    /// accepted. A request format signed with party keys must separate its domain (start with its own
    /// context string), as the same keys' signatures on other messages must never be mistaken for it.
    /// </summary>
    public bool Verify(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (signature.Length != SignatureLengthBytes)
        {
            return false;
        }

        NoteVerifier verifier = Algorithm == PartyKeyAlgorithm.Sm2
            ? Sm2NoteVerifier.Create(VerifierName, PublicKey, Sm2UserId)
            : new Ed25519NoteVerifier(VerifierName, PublicKey);
        return verifier.Verify(message, signature);
    }

    /// <summary>The user ID for people: the text when it is printable ASCII, else <c>hex:</c> and its hex.</summary>
    public static string DescribeUserId(ReadOnlySpan<byte> userId)
    {
        foreach (byte b in userId)
        {
            if (b is < 0x20 or > 0x7e)
            {
                return "hex:" + Convert.ToHexStringLower(userId);
            }
        }

        return Encoding.ASCII.GetString(userId);
    }

    public override string ToString() =>
        $"{Algorithm} {Fingerprint}{(Algorithm == PartyKeyAlgorithm.Sm2 ? " user ID " + DescribeUserId(Sm2UserId) : string.Empty)}";

    private static bool IsSm2Point(ReadOnlySpan<byte> uncompressedPoint)
    {
        Debug.Assert(uncompressedPoint.Length == Sm2PublicKeyLengthBytes && uncompressedPoint[0] == 0x04);
        try
        {
            // The note verifier decodes the point and checks it lies on sm2p256v1 (an uncompressed
            // encoding cannot be the point at infinity); its only other refusals were checked above.
            _ = Sm2NoteVerifier.Create(VerifierName, uncompressedPoint, Sm2DefaultUserId);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
