using EvidenceChain.Vault.Tests.Support;

namespace EvidenceChain.Vault.Tests;

/// <summary>Content of every length around a segment boundary comes back exactly, for both algorithms, in the layout the format fixes.</summary>
public sealed class VaultRoundTripTests
{
    private const int S = VaultFiles.SegmentSize;

    public static TheoryData<VaultAlgorithm, int> Lengths()
    {
        var data = new TheoryData<VaultAlgorithm, int>();
        foreach (VaultAlgorithm algorithm in new[] { VaultAlgorithm.XChaCha20Poly1305, VaultAlgorithm.Sm4Gcm })
        {
            foreach (int length in new[] { 0, 1, S - 1, S, S + 1, 2 * S, (7 * S) + 123 })
            {
                data.Add(algorithm, length);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void EncryptThenDecrypt_AnyLength_GivesTheContentBack(VaultAlgorithm algorithm, int lengthBytes)
    {
        using var key = VaultKey.Generate(algorithm);
        byte[] content = VaultFiles.Content(lengthBytes);

        byte[] file = VaultFiles.Encrypt(content, key);
        byte[] back = VaultFiles.Decrypt(file, key, out VaultSummary summary);

        Assert.Equal(content, back);
        long segments = lengthBytes == 0 ? 1 : ((lengthBytes - 1) / S) + 1;
        Assert.Equal(new VaultSummary(algorithm, S, segments, lengthBytes, file.Length), summary);
        Assert.Equal(VaultFormat.CiphertextLengthBytes(lengthBytes, algorithm, S), file.Length);
        Assert.Equal(VaultFormat.HeaderLengthBytes(algorithm) + lengthBytes + (segments * VaultFormat.TagLengthBytes), file.Length);
    }

    [Theory]
    [MemberData(nameof(VaultFiles.Algorithms), MemberType = typeof(VaultFiles))]
    public async Task Encrypt_DefaultSegmentSize_IsOneMebibyteAndRoundTrips(VaultAlgorithm algorithm)
    {
        using var key = VaultKey.Generate(algorithm);
        byte[] content = VaultFiles.Content((3 << 20) + 5);
        using var input = new MemoryStream(content);
        using var output = new MemoryStream();

        VaultSummary written = await VaultWriter.EncryptAsync(input, output, key);
        byte[] back = VaultFiles.Decrypt(output.ToArray(), key, out VaultSummary read);

        Assert.Equal(content, back);
        Assert.Equal(1 << 20, written.SegmentSizeBytes);
        Assert.Equal(4, written.SegmentCount);
        Assert.Equal(written, read);
    }

    [Theory]
    [MemberData(nameof(VaultFiles.Algorithms), MemberType = typeof(VaultFiles))]
    public void Encrypt_Header_IsMagicAlgorithmSegmentSizeAndPrefix(VaultAlgorithm algorithm)
    {
        using var key = VaultKey.Generate(algorithm);

        byte[] file = VaultFiles.Encrypt([], key, segmentSizeBytes: 1 << 16);

        Assert.Equal("evidencechain/vault/v1\n"u8.ToArray(), file[..23]);
        Assert.Equal((byte)algorithm, file[23]);
        Assert.Equal(new byte[] { 0, 1, 0, 0 }, file[24..28]);
        Assert.Equal(algorithm == VaultAlgorithm.XChaCha20Poly1305 ? 47 : 35, VaultFormat.HeaderLengthBytes(algorithm));
        Assert.Equal(VaultFormat.HeaderLengthBytes(algorithm) + VaultFormat.TagLengthBytes, file.Length);
    }

    [Theory]
    [MemberData(nameof(VaultFiles.Algorithms), MemberType = typeof(VaultFiles))]
    public void Encrypt_SameContentTwice_GivesDifferentFiles(VaultAlgorithm algorithm)
    {
        using var key = VaultKey.Generate(algorithm);
        byte[] content = VaultFiles.Content(100);

        byte[] first = VaultFiles.Encrypt(content, key);
        byte[] second = VaultFiles.Encrypt(content, key);

        // A fresh nonce prefix per file: nothing after the fixed header part repeats.
        Assert.NotEqual(first[VaultFormat.HeaderFixedLengthBytes..], second[VaultFormat.HeaderFixedLengthBytes..]);
    }

    [Theory]
    [MemberData(nameof(VaultFiles.Algorithms), MemberType = typeof(VaultFiles))]
    public void Decrypt_EmptyLastSegmentAfterFullOnes_IsAccepted(VaultAlgorithm algorithm)
    {
        // Writers here end with a full last segment; the format also allows an empty last one after
        // full segments (another writer's choice), and readers accept it since it authenticates.
        using var key = VaultKey.Generate(algorithm);
        byte[] content = VaultFiles.Content(2 * S);
        byte[] prefix = new byte[VaultFormat.NoncePrefixLengthBytes(algorithm)];
        var header = Internal.VaultHeader.Create(algorithm, S, prefix);
        using Internal.SegmentCipher cipher = key.CreateCipher();
        var segments = new List<byte[]>();
        for (uint counter = 0; counter < 3; counter++)
        {
            byte[] plain = counter < 2 ? content[(int)(counter * S)..(int)((counter + 1) * S)] : [];
            byte[] sealedSegment = new byte[plain.Length + VaultFormat.TagLengthBytes];
            byte[] nonce = new byte[VaultFormat.NonceLengthBytes(algorithm)];
            header.WriteNonce(counter, last: counter == 2, nonce);
            cipher.Seal(nonce, header.Bytes, plain, sealedSegment);
            segments.Add(sealedSegment);
        }

        byte[] back = VaultFiles.Decrypt(VaultFiles.Join(header.Bytes, segments), key, out VaultSummary summary);

        Assert.Equal(content, back);
        Assert.Equal(3, summary.SegmentCount);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2048)]
    [InlineData(4095)]
    [InlineData(4097)]
    [InlineData(3 * 4096)]
    [InlineData((64 << 20) * 2)]
    [InlineData(-4096)]
    public async Task Encrypt_SegmentSizeNotAPowerOfTwoIn4KiBTo64MiB_Throws(int segmentSizeBytes)
    {
        using var key = VaultKey.Generate(VaultAlgorithm.XChaCha20Poly1305);
        using var input = new MemoryStream();
        using var output = new MemoryStream();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => VaultWriter.EncryptAsync(input, output, key, segmentSizeBytes));
        Assert.Equal(0, output.Length);
    }

    [Fact]
    public async Task Encrypt_CancelledToken_Throws()
    {
        using var key = VaultKey.Generate(VaultAlgorithm.XChaCha20Poly1305);
        using var input = new MemoryStream(VaultFiles.Content(3 * S));
        using var output = new MemoryStream();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => VaultWriter.EncryptAsync(input, output, key, S, cancelled.Token));
    }
}
