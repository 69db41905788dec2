using System.Diagnostics;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;

namespace EvidenceChain.Vault.Internal;

/// <summary>
/// SM4 (GB/T 32907-2016) in GCM (NIST SP 800-38D) with a 96-bit nonce and a 128-bit tag, through
/// BouncyCastle's <see cref="GcmBlockCipher"/> over <see cref="SM4Engine"/> (managed code). GCM
/// decrypts as it goes and checks the tag last, so a segment's plaintext lands in the caller's
/// buffer before it is known to be authentic: the reader writes it out only after
/// <see cref="TryOpen"/> returns true. The key schedule and GHASH key are computed once, on the
/// first segment; later segments re-initialise with a new nonce only.
/// </summary>
internal sealed class Sm4GcmSegmentCipher : SegmentCipher
{
    private const int TagLengthBits = VaultFormat.TagLengthBytes * 8;

    private readonly GcmBlockCipher _gcm = new(new SM4Engine());
    private KeyParameter? _firstKey;

    public Sm4GcmSegmentCipher(ReadOnlySpan<byte> key)
    {
        Debug.Assert(key.Length == 16);
        _firstKey = new KeyParameter(key);
    }

    public override void Seal(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> associatedData, ReadOnlySpan<byte> plaintext, Span<byte> ciphertext)
    {
        Debug.Assert(ciphertext.Length == plaintext.Length + VaultFormat.TagLengthBytes);
        Init(forEncryption: true, nonce);
        _gcm.ProcessAadBytes(associatedData);
        int written = _gcm.ProcessBytes(plaintext, ciphertext);
        written += _gcm.DoFinal(ciphertext[written..]);
        Debug.Assert(written == ciphertext.Length);
    }

    public override bool TryOpen(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> associatedData, ReadOnlySpan<byte> ciphertext, Span<byte> plaintext)
    {
        Debug.Assert(plaintext.Length == ciphertext.Length - VaultFormat.TagLengthBytes);
        Init(forEncryption: false, nonce);
        _gcm.ProcessAadBytes(associatedData);
        try
        {
            int written = _gcm.ProcessBytes(ciphertext, plaintext);
            written += _gcm.DoFinal(plaintext[written..]);
            Debug.Assert(written == plaintext.Length);
            return true;
        }
        catch (InvalidCipherTextException)
        {
            return false;
        }
    }

    private void Init(bool forEncryption, ReadOnlySpan<byte> nonce)
    {
        // A null key keeps the previous one (and its GHASH tables); BouncyCastle still refuses to
        // encrypt twice in a row under one nonce, which the counter rules out anyway.
        _gcm.Init(forEncryption, new AeadParameters(_firstKey, TagLengthBits, nonce.ToArray()));
        _firstKey = null;
    }
}
