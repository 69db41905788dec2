using NSec.Cryptography;

namespace EvidenceChain.Core.Notes;

/// <summary>Ed25519 note signing (RFC 8032, deterministic) from a 32-byte secret seed.</summary>
public sealed class Ed25519NoteSigner : NoteSigner
{
    public const int SeedLengthBytes = 32;

    private readonly Key _key;
    private readonly Ed25519NoteVerifier _verifier;

    public Ed25519NoteSigner(string name, ReadOnlySpan<byte> seed)
    {
        if (seed.Length != SeedLengthBytes)
        {
            throw Error.WrongLength(nameof(seed), SeedLengthBytes, seed.Length);
        }

        _key = Key.Import(SignatureAlgorithm.Ed25519, seed, KeyBlobFormat.RawPrivateKey);
        _verifier = new Ed25519NoteVerifier(name, _key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
    }

    public override NoteVerifier Verifier => _verifier;

    public override byte[] Sign(ReadOnlySpan<byte> message) => SignatureAlgorithm.Ed25519.Sign(_key, message);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _key.Dispose();
        }

        base.Dispose(disposing);
    }
}
