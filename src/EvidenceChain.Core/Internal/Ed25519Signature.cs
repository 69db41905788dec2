using System.Diagnostics;
using NSec.Cryptography;
using ManagedEd25519 = Org.BouncyCastle.Math.EC.Rfc8032.Ed25519;

namespace EvidenceChain.Core;

/// <summary>
/// Ed25519 verification (RFC 8032 §5.1.7, pure Ed25519) on the implementation <see cref="CryptoMode"/> chooses.
/// Both refuse what strict verifiers refuse (S not below the group order, small-order keys), and the tests hold
/// them to the same answers.
/// </summary>
internal static class Ed25519Signature
{
    public const int PublicKeyLengthBytes = 32;
    public const int SignatureLengthBytes = 64;

    public static bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature) =>
        CryptoMode.IsManagedOnly ? VerifyManaged(publicKey, message, signature) : VerifyPlatform(publicKey, message, signature);

    internal static bool VerifyManaged(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        Debug.Assert(publicKey.Length == PublicKeyLengthBytes && signature.Length == SignatureLengthBytes);
        return ManagedEd25519.Verify(signature, publicKey, message);
    }

    // NSec checks only the length on import, so importing per call accepts exactly the keys importing once did;
    // the import copies 32 bytes into a small object, next to a verification's two scalar multiplications.
    internal static bool VerifyPlatform(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        Debug.Assert(publicKey.Length == PublicKeyLengthBytes && signature.Length == SignatureLengthBytes);
        PublicKey key = PublicKey.Import(SignatureAlgorithm.Ed25519, publicKey, KeyBlobFormat.RawPublicKey);
        return SignatureAlgorithm.Ed25519.Verify(key, message, signature);
    }
}
