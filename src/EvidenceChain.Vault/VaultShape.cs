using EvidenceChain.Vault.Internal;

namespace EvidenceChain.Vault;

/// <summary>
/// What can be known of a vault file without its key (docs/formats/vault.md §Shape): that its header
/// is well formed and that its length is one a writer makes, and so its segment count and content
/// length. This is how the service checks what it keeps; only the owner's key can tell that the
/// segments authenticate.
/// </summary>
public static class VaultShape
{
    /// <summary>The longest header (XChaCha20-Poly1305's): read this many bytes, or the whole file if shorter, for <see cref="Of"/>.</summary>
    public static int HeaderLengthMaxBytes => VaultFormat.HeaderLengthBytes(VaultAlgorithm.XChaCha20Poly1305);

    /// <summary>The shape of a vault file of <paramref name="lengthBytes"/> bytes that begins with <paramref name="head"/>.</summary>
    /// <param name="head">The file's first <see cref="HeaderLengthMaxBytes"/> bytes, or all of it if it is shorter.</param>
    /// <param name="lengthBytes">The file's whole length.</param>
    /// <exception cref="VaultFormatException">Not a vault file, a malformed header, or a length no writer makes.</exception>
    public static VaultSummary Of(ReadOnlySpan<byte> head, long lengthBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lengthBytes, head.Length);
        (VaultAlgorithm algorithm, int segmentSize) = VaultHeader.CheckFixedPart(head[..Math.Min(head.Length, VaultFormat.HeaderFixedLengthBytes)]);
        int headerLength = VaultFormat.HeaderLengthBytes(algorithm);
        if (lengthBytes < headerLength)
        {
            throw Error.HeaderTruncated((int)lengthBytes, headerLength);
        }

        // Every segment but the last is sealed to segment_size + 16 bytes; the last to 16 to segment_size + 16.
        long sealedSize = segmentSize + VaultFormat.TagLengthBytes;
        long body = lengthBytes - headerLength;
        long segments = Math.Max(1, (body + sealedSize - 1) / sealedSize);
        long lastSealed = body - ((segments - 1) * sealedSize);
        if (lastSealed < VaultFormat.TagLengthBytes)
        {
            throw Error.LengthImpossible(lengthBytes, lastSealed);
        }

        if (segments > VaultFormat.SegmentCountMax)
        {
            throw Error.TooManySegments();
        }

        return new VaultSummary(algorithm, segmentSize, segments, body - (segments * VaultFormat.TagLengthBytes), lengthBytes);
    }
}
