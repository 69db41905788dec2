namespace EvidenceChain.Core.Notes;

/// <summary>Ed25519 note signatures (signature type 0x01, as signed-note defines them).</summary>
public sealed class Ed25519NoteVerifier : NoteVerifier
{
    public const byte SignatureType = 0x01;
    public const int PublicKeyLengthBytes = 32;
    public const int SignatureLengthBytes = 64;

    public Ed25519NoteVerifier(string name, ReadOnlySpan<byte> publicKey)
        : base(name, Encode(publicKey))
    {
    }

    public override string AlgorithmName => "Ed25519";

    /// <summary>The raw 32-byte public key.</summary>
    public ReadOnlySpan<byte> PublicKeyBytes => KeyEncoding.Span[1..];

    public override bool Verify(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature) =>
        signature.Length == SignatureLengthBytes && Ed25519Signature.Verify(PublicKeyBytes, message, signature);

    private static byte[] Encode(ReadOnlySpan<byte> publicKey)
    {
        if (publicKey.Length != PublicKeyLengthBytes)
        {
            throw Error.WrongLength(nameof(publicKey), PublicKeyLengthBytes, publicKey.Length);
        }

        return [SignatureType, .. publicKey];
    }
}
