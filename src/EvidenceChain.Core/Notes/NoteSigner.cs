using EvidenceChain.Core.Signing;

namespace EvidenceChain.Core.Notes;

/// <summary>
/// A private key that signs note texts; its <see cref="Verifier"/> is what gets published. It signs
/// through a <see cref="SigningKey"/> (the signer port), which it owns and disposes.
/// </summary>
public abstract class NoteSigner : IDisposable
{
    private readonly SigningKey _key;

    private protected NoteSigner(SigningKey key, SigningAlgorithm algorithm)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Algorithm != algorithm)
        {
            throw new ArgumentException($"This note signer needs a {algorithm} key, got {key.Algorithm}.", nameof(key));
        }

        _key = key;
    }

    public abstract NoteVerifier Verifier { get; }

    public string Name => Verifier.Name;

    public uint KeyId => Verifier.KeyId;

    /// <summary>Signs the message (a note text's UTF-8 bytes); returns the signature without key ID.</summary>
    public byte[] Sign(ReadOnlySpan<byte> message) => _key.Sign(message);

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _key.Dispose();
        }
    }
}
