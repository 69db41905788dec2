using System.Numerics;

namespace EvidenceChain.Vault;

/// <summary>
/// The constants and limits of the vault format v1 (docs/formats/vault.md): a header, then segments
/// sealed with the STREAM construction of Hoang, Reyhanitabar, Rogaway and Vizár ("Online
/// Authenticated-Encryption and its Nonce-Reuse Misuse-Resistance", CRYPTO 2015, §7).
/// </summary>
public static class VaultFormat
{
    /// <summary>The smallest segment: 4 KiB.</summary>
    public const int SegmentSizeMinBytes = 4 * 1024;

    /// <summary>The largest segment: 64 MiB, so a reader's two buffers stay bounded whatever a header claims.</summary>
    public const int SegmentSizeMaxBytes = 64 * 1024 * 1024;

    /// <summary>The segment size writers use unless told otherwise: 1 MiB.</summary>
    public const int SegmentSizeDefaultBytes = 1024 * 1024;

    /// <summary>Every segment carries a 16-byte authentication tag, for both algorithms.</summary>
    public const int TagLengthBytes = 16;

    /// <summary>The counter is a u32, so a file holds at most 2^32 segments (16 TiB at 4 KiB, 256 PiB at 64 MiB).</summary>
    public const long SegmentCountMax = 1L << 32;

    /// <summary>Magic, algorithm byte and segment size: the part of the header before the nonce prefix.</summary>
    public const int HeaderFixedLengthBytes = 23 + 1 + 4;

    /// <summary>The first bytes of every vault file: <c>"evidencechain/vault/v1\n"</c>.</summary>
    public static ReadOnlySpan<byte> Magic => "evidencechain/vault/v1\n"u8;

    /// <summary>
    /// The random per-file nonce prefix: the nonce is prefix ‖ u32be(counter) ‖ last flag, so the
    /// prefix is the nonce length less five bytes (19 for XChaCha20-Poly1305, 7 for SM4-GCM).
    /// </summary>
    public static int NoncePrefixLengthBytes(VaultAlgorithm algorithm) => NonceLengthBytes(algorithm) - 5;

    /// <summary>The AEAD nonce length: 24 bytes for XChaCha20-Poly1305, 12 for SM4-GCM.</summary>
    public static int NonceLengthBytes(VaultAlgorithm algorithm) => algorithm switch
    {
        VaultAlgorithm.XChaCha20Poly1305 => 24,
        VaultAlgorithm.Sm4Gcm => 12,
        _ => throw Internal.Error.AlgorithmUndefined(algorithm),
    };

    /// <summary>The algorithm's name as the standards write it.</summary>
    public static string AlgorithmName(VaultAlgorithm algorithm) => algorithm switch
    {
        VaultAlgorithm.XChaCha20Poly1305 => "XChaCha20-Poly1305",
        VaultAlgorithm.Sm4Gcm => "SM4-GCM",
        _ => ((byte)algorithm).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>The key length: 32 bytes for XChaCha20-Poly1305, 16 for SM4-GCM.</summary>
    public static int KeyLengthBytes(VaultAlgorithm algorithm) => algorithm switch
    {
        VaultAlgorithm.XChaCha20Poly1305 => 32,
        VaultAlgorithm.Sm4Gcm => 16,
        _ => throw Internal.Error.AlgorithmUndefined(algorithm),
    };

    /// <summary>The whole header: 47 bytes for XChaCha20-Poly1305, 35 for SM4-GCM.</summary>
    public static int HeaderLengthBytes(VaultAlgorithm algorithm) => HeaderFixedLengthBytes + NoncePrefixLengthBytes(algorithm);

    /// <summary>Whether <paramref name="segmentSizeBytes"/> is a power of two from 4 KiB to 64 MiB.</summary>
    public static bool IsValidSegmentSize(long segmentSizeBytes) =>
        segmentSizeBytes is >= SegmentSizeMinBytes and <= SegmentSizeMaxBytes && BitOperations.IsPow2(segmentSizeBytes);

    /// <summary>How many segments a writer makes for <paramref name="plaintextLengthBytes"/>: at least one, the last possibly full.</summary>
    public static long SegmentCount(long plaintextLengthBytes, int segmentSizeBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(plaintextLengthBytes);
        Internal.Error.CheckSegmentSize(segmentSizeBytes);
        return plaintextLengthBytes == 0 ? 1 : ((plaintextLengthBytes - 1) / segmentSizeBytes) + 1;
    }

    /// <summary>The length of the file a writer makes from <paramref name="plaintextLengthBytes"/> of content.</summary>
    public static long CiphertextLengthBytes(long plaintextLengthBytes, VaultAlgorithm algorithm, int segmentSizeBytes) =>
        HeaderLengthBytes(algorithm) + plaintextLengthBytes + (SegmentCount(plaintextLengthBytes, segmentSizeBytes) * TagLengthBytes);
}
