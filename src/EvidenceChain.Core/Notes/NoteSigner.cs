namespace EvidenceChain.Core.Notes;

/// <summary>A private key that signs note texts; its <see cref="Verifier"/> is what gets published.</summary>
public abstract class NoteSigner : IDisposable
{
    public abstract NoteVerifier Verifier { get; }

    public string Name => Verifier.Name;

    public uint KeyId => Verifier.KeyId;

    /// <summary>Signs the message (a note text's UTF-8 bytes); returns the signature without key ID.</summary>
    public abstract byte[] Sign(ReadOnlySpan<byte> message);

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }
}
