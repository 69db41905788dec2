using System.Buffers;
using System.Diagnostics;
using System.Security.Cryptography;
using EvidenceChain.Vault.Internal;

namespace EvidenceChain.Vault;

/// <summary>
/// Encrypts content into a vault file (docs/formats/vault.md) as it streams: a header with a fresh
/// random nonce prefix, then segments of <c>segmentSizeBytes</c> sealed with STREAM, the last one
/// flagged. Memory is two segment buffers, reused, whatever the content's length; neither stream
/// needs to seek.
/// </summary>
public static class VaultWriter
{
    /// <summary>Encrypts <paramref name="plaintext"/> to its end into <paramref name="ciphertext"/> under <paramref name="key"/>.</summary>
    /// <param name="plaintext">The content, read to its end; it need not seek.</param>
    /// <param name="ciphertext">Where the vault file is written, from its current position.</param>
    /// <param name="key">The owner's key; its algorithm is the file's.</param>
    /// <param name="segmentSizeBytes">A power of two from 4 KiB to 64 MiB; 1 MiB by default.</param>
    /// <param name="cancellationToken">Checked between segments and passed to each read and write.</param>
    /// <exception cref="ArgumentOutOfRangeException">The segment size is not allowed.</exception>
    public static Task<VaultSummary> EncryptAsync(
        Stream plaintext,
        Stream ciphertext,
        VaultKey key,
        int segmentSizeBytes = VaultFormat.SegmentSizeDefaultBytes,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        Span<byte> noncePrefix = stackalloc byte[VaultFormat.NoncePrefixLengthBytes(key.Algorithm)];
        RandomNumberGenerator.Fill(noncePrefix);
        return EncryptAsync(plaintext, ciphertext, key, segmentSizeBytes, noncePrefix, cancellationToken);
    }

    /// <summary>With a chosen nonce prefix: for published examples and tests only, since a prefix used twice under one key breaks the AEAD.</summary>
    internal static Task<VaultSummary> EncryptAsync(
        Stream plaintext,
        Stream ciphertext,
        VaultKey key,
        int segmentSizeBytes,
        ReadOnlySpan<byte> noncePrefix,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        ArgumentNullException.ThrowIfNull(ciphertext);
        ArgumentNullException.ThrowIfNull(key);
        Error.CheckSegmentSize(segmentSizeBytes);
        if (!plaintext.CanRead)
        {
            throw Error.StreamNotReadable(nameof(plaintext));
        }

        if (!ciphertext.CanWrite)
        {
            throw Error.StreamNotWritable(nameof(ciphertext));
        }

        var header = VaultHeader.Create(key.Algorithm, segmentSizeBytes, noncePrefix);
        return EncryptCoreAsync(plaintext, ciphertext, key, header, cancellationToken);
    }

    private static async Task<VaultSummary> EncryptCoreAsync(Stream plaintext, Stream ciphertext, VaultKey key, VaultHeader header, CancellationToken cancellationToken)
    {
        int segmentSize = header.SegmentSizeBytes;

        // One byte beyond a segment tells whether more follows, so a non-seekable source needs no length.
        int plainLength = segmentSize + 1;
        byte[] plain = ArrayPool<byte>.Shared.Rent(plainLength);
        byte[] sealedSegment = ArrayPool<byte>.Shared.Rent(segmentSize + VaultFormat.TagLengthBytes);
        using SegmentCipher cipher = key.CreateCipher();
        try
        {
            await ciphertext.WriteAsync(header.Bytes, cancellationToken).ConfigureAwait(false);
            long counter = 0;
            long plaintextLength = 0;
            int carried = 0;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                int read = carried + await plaintext.ReadAtLeastAsync(
                    plain.AsMemory(carried, plainLength - carried), plainLength - carried, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
                bool last = read <= segmentSize;
                int length = last ? read : segmentSize;
                if (counter >= VaultFormat.SegmentCountMax)
                {
                    throw Error.PlaintextTooLong(segmentSize, nameof(plaintext));
                }

                int sealedLength = length + VaultFormat.TagLengthBytes;
                Seal(cipher, header, (uint)counter, last, plain.AsSpan(0, length), sealedSegment.AsSpan(0, sealedLength));
                await ciphertext.WriteAsync(sealedSegment.AsMemory(0, sealedLength), cancellationToken).ConfigureAwait(false);
                plaintextLength += length;
                counter++;
                if (last)
                {
                    break;
                }

                plain[0] = plain[segmentSize];
                carried = 1;
            }

            await ciphertext.FlushAsync(cancellationToken).ConfigureAwait(false);
            return new VaultSummary(
                header.Algorithm,
                segmentSize,
                counter,
                plaintextLength,
                header.Bytes.Length + plaintextLength + (counter * VaultFormat.TagLengthBytes));
        }
        finally
        {
            // The content may be confidential: pooled buffers are cleared before another caller gets them.
            ArrayPool<byte>.Shared.Return(plain, clearArray: true);
            ArrayPool<byte>.Shared.Return(sealedSegment);
        }
    }

    private static void Seal(SegmentCipher cipher, VaultHeader header, uint counter, bool last, ReadOnlySpan<byte> plaintext, Span<byte> ciphertext)
    {
        Span<byte> nonce = stackalloc byte[VaultFormat.NonceLengthBytes(header.Algorithm)];
        header.WriteNonce(counter, last, nonce);
        Debug.Assert(ciphertext.Length == plaintext.Length + VaultFormat.TagLengthBytes);
        cipher.Seal(nonce, header.Bytes, plaintext, ciphertext);
    }
}
