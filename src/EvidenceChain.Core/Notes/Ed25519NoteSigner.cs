using EvidenceChain.Core.Signing;

namespace EvidenceChain.Core.Notes;

/// <summary>Ed25519 note signing (RFC 8032, deterministic), through any Ed25519 <see cref="SigningKey"/>.</summary>
public sealed class Ed25519NoteSigner : NoteSigner
{
    public const int SeedLengthBytes = Ed25519MemoryKey.SeedLengthBytes;

    private readonly Ed25519NoteVerifier _verifier;

    /// <summary>Signs with a key held in memory, from its 32-byte secret seed.</summary>
    public Ed25519NoteSigner(string name, ReadOnlySpan<byte> seed)
        : this(name, new Ed25519MemoryKey(seed))
    {
    }

    /// <summary>Signs through <paramref name="key"/> (in memory, on a device, …); the signer owns it from now on.</summary>
    /// <param name="name">The key name (for the notary: the log's origin).</param>
    /// <param name="key">An <see cref="SigningAlgorithm.Ed25519"/> key.</param>
    public Ed25519NoteSigner(string name, SigningKey key)
        : base(key, SigningAlgorithm.Ed25519)
    {
        _verifier = new Ed25519NoteVerifier(name, key.PublicKey);
    }

    public override NoteVerifier Verifier => _verifier;
}
