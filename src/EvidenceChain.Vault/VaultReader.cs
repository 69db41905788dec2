using System.Buffers;
using EvidenceChain.Vault.Internal;

namespace EvidenceChain.Vault;

/// <summary>
/// Decrypts a vault file (docs/formats/vault.md) as it streams. Each segment's plaintext is written
/// only after that segment authenticates, but a file cut short at a segment boundary is found only
/// at its end: <b>what was written is untrusted until <see cref="DecryptAsync"/> returns</b>; after a
/// <see cref="VaultFormatException"/> the output must be discarded (the CLI writes to a temporary
/// file and renames it only on success). Memory is two segment buffers, reused.
/// </summary>
public static class VaultReader
{
    /// <summary>Decrypts <paramref name="ciphertext"/> to its end into <paramref name="plaintext"/> under <paramref name="key"/>.</summary>
    /// <exception cref="VaultFormatException">
    /// The file does not decrypt under <paramref name="key"/>: not a vault file, a damaged or altered
    /// header, a flipped bit, a truncated, reordered, spliced or extended ciphertext, or the wrong key.
    /// </exception>
    public static Task<VaultSummary> DecryptAsync(Stream ciphertext, Stream plaintext, VaultKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ciphertext);
        ArgumentNullException.ThrowIfNull(plaintext);
        ArgumentNullException.ThrowIfNull(key);
        if (!ciphertext.CanRead)
        {
            throw Error.StreamNotReadable(nameof(ciphertext));
        }

        if (!plaintext.CanWrite)
        {
            throw Error.StreamNotWritable(nameof(plaintext));
        }

        return DecryptCoreAsync(ciphertext, plaintext, key, cancellationToken);
    }

    private static async Task<VaultSummary> DecryptCoreAsync(Stream ciphertext, Stream plaintext, VaultKey key, CancellationToken cancellationToken)
    {
        VaultHeader header = await VaultHeader.ReadAsync(ciphertext, key.Algorithm, cancellationToken).ConfigureAwait(false);
        int segmentSize = header.SegmentSizeBytes;
        int sealedSize = segmentSize + VaultFormat.TagLengthBytes;

        // A sealed segment and one byte more: if that byte exists, the segment is not the last.
        int sealedBufferLength = sealedSize + 1;
        byte[] sealedSegment = ArrayPool<byte>.Shared.Rent(sealedBufferLength);
        byte[] plain = ArrayPool<byte>.Shared.Rent(segmentSize);
        using SegmentCipher cipher = key.CreateCipher();
        try
        {
            long counter = 0;
            long plaintextLength = 0;
            int carried = 0;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                int read = carried + await ciphertext.ReadAtLeastAsync(
                    sealedSegment.AsMemory(carried, sealedBufferLength - carried), sealedBufferLength - carried, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
                bool last = read <= sealedSize;
                int length = last ? read : sealedSize;
                if (counter >= VaultFormat.SegmentCountMax)
                {
                    throw Error.TooManySegments();
                }

                // Shorter than a tag: the file was cut inside a segment's tag or right after the previous one.
                if (length < VaultFormat.TagLengthBytes
                    || !TryOpen(cipher, header, (uint)counter, last, sealedSegment.AsSpan(0, length), plain.AsSpan(0, length - VaultFormat.TagLengthBytes)))
                {
                    throw Error.SegmentAuthenticationFailed(counter);
                }

                int plainSegmentLength = length - VaultFormat.TagLengthBytes;
                await plaintext.WriteAsync(plain.AsMemory(0, plainSegmentLength), cancellationToken).ConfigureAwait(false);
                plaintextLength += plainSegmentLength;
                counter++;
                if (last)
                {
                    break;
                }

                sealedSegment[0] = sealedSegment[sealedSize];
                carried = 1;
            }

            await plaintext.FlushAsync(cancellationToken).ConfigureAwait(false);
            return new VaultSummary(
                header.Algorithm,
                segmentSize,
                counter,
                plaintextLength,
                header.Bytes.Length + plaintextLength + (counter * VaultFormat.TagLengthBytes));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(sealedSegment);
            ArrayPool<byte>.Shared.Return(plain, clearArray: true);
        }
    }

    private static bool TryOpen(SegmentCipher cipher, VaultHeader header, uint counter, bool last, ReadOnlySpan<byte> ciphertext, Span<byte> plaintext)
    {
        Span<byte> nonce = stackalloc byte[VaultFormat.NonceLengthBytes(header.Algorithm)];
        header.WriteNonce(counter, last, nonce);
        return cipher.TryOpen(nonce, header.Bytes, ciphertext, plaintext);
    }
}
