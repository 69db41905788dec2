using EvidenceChain.Core.Signing;

namespace EvidenceChain.Core.Notes;

/// <summary>
/// SM2-with-SM3 note signing (GB/T 32918.2) with an explicit user ID, through any SM2
/// <see cref="SigningKey"/>; the user ID is the key's, and the published verifier key states it.
/// </summary>
public sealed class Sm2NoteSigner : NoteSigner
{
    public const int PrivateKeyLengthBytes = Sm2MemoryKey.PrivateKeyLengthBytes;

    private readonly Sm2NoteVerifier _verifier;

    /// <summary>Signs with a key held in memory (<see cref="Sm2MemoryKey"/>).</summary>
    /// <param name="name">The key name (the log's origin).</param>
    /// <param name="privateKey">The 32-byte big-endian scalar d, 1 ≤ d ≤ n − 2.</param>
    /// <param name="userId">The SM2 user ID; v1 keys use "1234567812345678".</param>
    /// <param name="random">Where nonces come from.</param>
    public Sm2NoteSigner(string name, ReadOnlySpan<byte> privateKey, ReadOnlySpan<byte> userId, RandomSource random)
        : this(name, new Sm2MemoryKey(privateKey, userId, random))
    {
    }

    /// <summary>Signs through <paramref name="key"/> (in memory, on a device, …); the signer owns it from now on.</summary>
    /// <param name="name">The key name (the log's origin).</param>
    /// <param name="key">A <see cref="SigningAlgorithm.Sm2WithSm3"/> key.</param>
    public Sm2NoteSigner(string name, SigningKey key)
        : base(key, SigningAlgorithm.Sm2WithSm3)
    {
        _verifier = Sm2NoteVerifier.Create(name, key.PublicKey, key.UserId);
    }

    public override NoteVerifier Verifier => _verifier;
}
