using System.Diagnostics;
using NSec.Cryptography;

namespace EvidenceChain.Vault.Internal;

/// <summary>
/// XChaCha20-Poly1305 through NSec (libsodium's <c>crypto_aead_xchacha20poly1305_ietf</c>), which
/// checks the tag before it decrypts anything. The NSec key belongs to the <see cref="VaultKey"/>;
/// NSec's AEAD is stateless, so this wrapper holds nothing of its own.
/// </summary>
internal sealed class XChaCha20Poly1305SegmentCipher(Key key) : SegmentCipher
{
    private static readonly AeadAlgorithm s_algorithm = AeadAlgorithm.XChaCha20Poly1305;

    public override void Seal(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> associatedData, ReadOnlySpan<byte> plaintext, Span<byte> ciphertext)
    {
        Debug.Assert(ciphertext.Length == plaintext.Length + VaultFormat.TagLengthBytes);
        s_algorithm.Encrypt(key, nonce, associatedData, plaintext, ciphertext);
    }

    public override bool TryOpen(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> associatedData, ReadOnlySpan<byte> ciphertext, Span<byte> plaintext)
    {
        Debug.Assert(plaintext.Length == ciphertext.Length - VaultFormat.TagLengthBytes);
        return s_algorithm.Decrypt(key, nonce, associatedData, ciphertext, plaintext);
    }
}
