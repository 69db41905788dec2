using System.Buffers.Binary;
using System.Diagnostics;

namespace EvidenceChain.Vault.Internal;

/// <summary>
/// The header of a vault file (docs/formats/vault.md §Header): magic ‖ algorithm ‖ u32be segment
/// size ‖ nonce prefix. Its bytes are every segment's associated data, so altering any of them
/// fails the first segment.
/// </summary>
internal sealed class VaultHeader
{
    private const int AlgorithmOffset = 23;
    private const int SegmentSizeOffset = 24;

    private VaultHeader(byte[] bytes, VaultAlgorithm algorithm, int segmentSizeBytes)
    {
        Bytes = bytes;
        Algorithm = algorithm;
        SegmentSizeBytes = segmentSizeBytes;
    }

    /// <summary>The header as written; the associated data of every segment.</summary>
    public byte[] Bytes { get; }

    public VaultAlgorithm Algorithm { get; }

    public int SegmentSizeBytes { get; }

    public ReadOnlySpan<byte> NoncePrefix => Bytes.AsSpan(VaultFormat.HeaderFixedLengthBytes);

    public static VaultHeader Create(VaultAlgorithm algorithm, int segmentSizeBytes, ReadOnlySpan<byte> noncePrefix)
    {
        Debug.Assert(noncePrefix.Length == VaultFormat.NoncePrefixLengthBytes(algorithm));
        Debug.Assert(VaultFormat.IsValidSegmentSize(segmentSizeBytes));
        byte[] bytes = new byte[VaultFormat.HeaderLengthBytes(algorithm)];
        VaultFormat.Magic.CopyTo(bytes);
        bytes[AlgorithmOffset] = (byte)algorithm;
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(SegmentSizeOffset), (uint)segmentSizeBytes);
        noncePrefix.CopyTo(bytes.AsSpan(VaultFormat.HeaderFixedLengthBytes));
        return new VaultHeader(bytes, algorithm, segmentSizeBytes);
    }

    /// <summary>
    /// Reads and checks the header, in the order of <see cref="VaultFailure"/>: magic, length,
    /// algorithm, segment size, then whether <paramref name="keyAlgorithm"/> fits. The header is
    /// authenticated only with the first segment; these checks only bound what a reader allocates.
    /// </summary>
    public static async Task<VaultHeader> ReadAsync(Stream stream, VaultAlgorithm keyAlgorithm, CancellationToken cancellationToken)
    {
        byte[] fixedPart = new byte[VaultFormat.HeaderFixedLengthBytes];
        int read = await stream.ReadAtLeastAsync(fixedPart, fixedPart.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        (VaultAlgorithm algorithm, int segmentSize) = CheckFixedPart(fixedPart.AsSpan(0, read));
        if (algorithm != keyAlgorithm)
        {
            throw Error.KeyAlgorithmMismatch(algorithm, keyAlgorithm);
        }

        byte[] bytes = new byte[VaultFormat.HeaderLengthBytes(algorithm)];
        fixedPart.CopyTo(bytes, 0);
        int prefixRead = await stream.ReadAtLeastAsync(bytes.AsMemory(fixedPart.Length), bytes.Length - fixedPart.Length, throwOnEndOfStream: false, cancellationToken)
            .ConfigureAwait(false);
        if (prefixRead < bytes.Length - fixedPart.Length)
        {
            throw Error.HeaderTruncated(fixedPart.Length + prefixRead, bytes.Length);
        }

        return new VaultHeader(bytes, algorithm, segmentSize);
    }

    /// <summary>
    /// Checks the fixed part of a header from the first bytes of a file (<paramref name="read"/>: all
    /// of them if the file is shorter than the fixed part): magic, length, algorithm, segment size.
    /// </summary>
    public static (VaultAlgorithm Algorithm, int SegmentSizeBytes) CheckFixedPart(ReadOnlySpan<byte> read)
    {
        int magicRead = Math.Min(read.Length, VaultFormat.Magic.Length);
        if (read.IsEmpty || !read[..magicRead].SequenceEqual(VaultFormat.Magic[..magicRead]))
        {
            throw Error.NotAVaultFile();
        }

        if (read.Length < VaultFormat.HeaderFixedLengthBytes)
        {
            throw Error.HeaderTruncated(read.Length, VaultFormat.HeaderFixedLengthBytes);
        }

        var algorithm = (VaultAlgorithm)read[AlgorithmOffset];
        if (algorithm is not (VaultAlgorithm.XChaCha20Poly1305 or VaultAlgorithm.Sm4Gcm))
        {
            throw Error.AlgorithmUnknown(read[AlgorithmOffset]);
        }

        uint segmentSize = BinaryPrimitives.ReadUInt32BigEndian(read[SegmentSizeOffset..]);
        return VaultFormat.IsValidSegmentSize(segmentSize) ? (algorithm, (int)segmentSize) : throw Error.SegmentSizeInvalid(segmentSize);
    }

    /// <summary>STREAM's nonce for a segment: prefix ‖ u32be(counter) ‖ (last ? 0x01 : 0x00).</summary>
    public void WriteNonce(uint counter, bool last, Span<byte> nonce)
    {
        ReadOnlySpan<byte> prefix = NoncePrefix;
        Debug.Assert(nonce.Length == prefix.Length + 5);
        prefix.CopyTo(nonce);
        BinaryPrimitives.WriteUInt32BigEndian(nonce[prefix.Length..], counter);
        nonce[^1] = last ? (byte)1 : (byte)0;
    }
}
