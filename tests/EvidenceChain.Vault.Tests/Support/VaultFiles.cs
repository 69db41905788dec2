namespace EvidenceChain.Vault.Tests.Support;

/// <summary>Encrypt and decrypt over byte arrays, synchronously (memory streams complete at once).</summary>
internal static class VaultFiles
{
    public const int SegmentSize = VaultFormat.SegmentSizeMinBytes;

    public static readonly TheoryData<VaultAlgorithm> Algorithms = new(VaultAlgorithm.XChaCha20Poly1305, VaultAlgorithm.Sm4Gcm);

    public static byte[] Content(int lengthBytes, int seed = 1)
    {
        byte[] content = new byte[lengthBytes];
        new Random(seed).NextBytes(content);
        return content;
    }

    public static byte[] Encrypt(byte[] plaintext, VaultKey key, int segmentSizeBytes = SegmentSize)
    {
        using var input = new MemoryStream(plaintext, writable: false);
        using var output = new MemoryStream();
        VaultWriter.EncryptAsync(input, output, key, segmentSizeBytes).GetAwaiter().GetResult();
        return output.ToArray();
    }

    public static byte[] Decrypt(byte[] ciphertext, VaultKey key) => Decrypt(ciphertext, key, out _);

    public static byte[] Decrypt(byte[] ciphertext, VaultKey key, out VaultSummary summary)
    {
        using var input = new MemoryStream(ciphertext, writable: false);
        using var output = new MemoryStream();
        summary = VaultReader.DecryptAsync(input, output, key).GetAwaiter().GetResult();
        return output.ToArray();
    }

    /// <summary>Decrypts a file that must fail; returns the failure and what was written before it.</summary>
    public static (VaultFormatException Failure, byte[] Written) DecryptFailing(byte[] ciphertext, VaultKey key)
    {
        using var input = new MemoryStream(ciphertext, writable: false);
        using var output = new MemoryStream();
        VaultFormatException failure = Assert.Throws<VaultFormatException>(() => VaultReader.DecryptAsync(input, output, key).GetAwaiter().GetResult());
        return (failure, output.ToArray());
    }

    /// <summary>The sealed segments of a file a writer made (every one full but the last), after its header.</summary>
    public static List<byte[]> Segments(byte[] file, VaultAlgorithm algorithm, int segmentSizeBytes = SegmentSize)
    {
        int offset = VaultFormat.HeaderLengthBytes(algorithm);
        int sealedSize = segmentSizeBytes + VaultFormat.TagLengthBytes;
        var segments = new List<byte[]>();
        while (true)
        {
            int length = Math.Min(sealedSize, file.Length - offset);
            segments.Add(file[offset..(offset + length)]);
            offset += length;
            if (offset == file.Length)
            {
                return segments;
            }
        }
    }

    public static byte[] Header(byte[] file, VaultAlgorithm algorithm) => file[..VaultFormat.HeaderLengthBytes(algorithm)];

    public static byte[] Join(byte[] header, IEnumerable<byte[]> segments) => [.. header, .. segments.SelectMany(s => s)];
}
