using NSec.Cryptography;

namespace EvidenceChain.Core.Signing;

/// <summary>
/// An Ed25519 key (RFC 8032, deterministic) held in process memory, from its 32-byte secret seed.
/// The seed comes in as an argument: the service reads it from a 0600 file.
/// </summary>
public sealed class Ed25519MemoryKey : SigningKey
{
    public const int SeedLengthBytes = 32;

    private readonly Key _key;

    public Ed25519MemoryKey(ReadOnlySpan<byte> seed)
        : this(Import(seed))
    {
    }

    private Ed25519MemoryKey(Key key)
        : base(SigningAlgorithm.Ed25519, key.PublicKey.Export(KeyBlobFormat.RawPublicKey), default)
    {
        _key = key;
    }

    protected override byte[] SignCore(ReadOnlySpan<byte> message) => SignatureAlgorithm.Ed25519.Sign(_key, message);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _key.Dispose();
        }

        base.Dispose(disposing);
    }

    private static Key Import(ReadOnlySpan<byte> seed)
    {
        if (seed.Length != SeedLengthBytes)
        {
            throw Error.WrongLength(nameof(seed), SeedLengthBytes, seed.Length);
        }

        return Key.Import(SignatureAlgorithm.Ed25519, seed, KeyBlobFormat.RawPrivateKey);
    }
}
