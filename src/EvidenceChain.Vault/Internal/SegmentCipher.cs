namespace EvidenceChain.Vault.Internal;

/// <summary>
/// One AEAD as STREAM uses it: seal or open one segment under a nonce and the header as associated
/// data. An instance serves one writer or reader at a time (SM4-GCM keeps cipher state).
/// </summary>
internal abstract class SegmentCipher : IDisposable
{
    /// <summary><paramref name="ciphertext"/> is exactly <paramref name="plaintext"/> and a 16-byte tag.</summary>
    public abstract void Seal(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> associatedData, ReadOnlySpan<byte> plaintext, Span<byte> ciphertext);

    /// <summary>
    /// Whether <paramref name="ciphertext"/> authenticates; if it does, <paramref name="plaintext"/>
    /// (exactly 16 bytes shorter) holds it. On failure <paramref name="plaintext"/> may hold garbage
    /// and must not be used.
    /// </summary>
    public abstract bool TryOpen(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> associatedData, ReadOnlySpan<byte> ciphertext, Span<byte> plaintext);

    public virtual void Dispose()
    {
    }
}
