using EvidenceChain.Vault.Tests.Support;

namespace EvidenceChain.Vault.Tests;

/// <summary>
/// Every way of changing a vault file fails decryption with <see cref="VaultFormatException"/>, for
/// both algorithms, and no plaintext of a segment that did not authenticate is ever written. The
/// files have five segments: four full, the last with 100 bytes.
/// </summary>
public sealed class VaultTamperTests
{
    private const int S = VaultFiles.SegmentSize;
    private const int ContentLengthBytes = (4 * S) + 100;

    [Theory]
    [MemberData(nameof(VaultFiles.Algorithms), MemberType = typeof(VaultFiles))]
    public void Decrypt_FlippedBitInASegment_FailsThatSegmentAfterWritingOnlyTheOnesBefore(VaultAlgorithm algorithm)
    {
        using var key = VaultKey.Generate(algorithm);
        byte[] content = VaultFiles.Content(ContentLengthBytes);
        byte[] file = VaultFiles.Encrypt(content, key);
        int header = VaultFormat.HeaderLengthBytes(algorithm);
        int sealedSize = S + VaultFormat.TagLengthBytes;

        for (int segment = 0; segment < 5; segment++)
        {
            foreach (int offsetInSegment in new[] { 0, 50, 99 + VaultFormat.TagLengthBytes })
            {
                byte[] tampered = (byte[])file.Clone();
                tampered[header + (segment * sealedSize) + offsetInSegment] ^= 0x01;

                (VaultFormatException failure, byte[] written) = VaultFiles.DecryptFailing(tampered, key);

                Assert.Equal(VaultFailure.SegmentAuthenticationFailed, failure.Failure);
                Assert.Equal(segment, failure.SegmentIndex);
                Assert.Equal(
                    $"segment {segment} failed authentication: the ciphertext was altered, truncated, reordered or belongs to another file, or the key is not the one it was encrypted with",
                    failure.Message);
                Assert.Equal(content[..(segment * S)], written);
            }
        }
    }

    [Theory]
    [MemberData(nameof(VaultFiles.Algorithms), MemberType = typeof(VaultFiles))]
    public void Decrypt_TruncatedAtEverySegmentBoundary_Fails(VaultAlgorithm algorithm)
    {
        using var key = VaultKey.Generate(algorithm);
        byte[] content = VaultFiles.Content(ContentLengthBytes);
        byte[] file = VaultFiles.Encrypt(content, key);
        int header = VaultFormat.HeaderLengthBytes(algorithm);

        // After the header alone, then after each of the four full segments.
        for (int segments = 0; segments < 5; segments++)
        {
            byte[] truncated = file[..(header + (segments * (S + VaultFormat.TagLengthBytes)))];

            (VaultFormatException failure, byte[] written) = VaultFiles.DecryptFailing(truncated, key);

            Assert.Equal(VaultFailure.SegmentAuthenticationFailed, failure.Failure);
            Assert.Equal(Math.Max(segments - 1, 0), failure.SegmentIndex);
            Assert.Equal(content[..(Math.Max(segments - 1, 0) * S)], written);
        }
    }

    [Theory]
    [MemberData(nameof(VaultFiles.Algorithms), MemberType = typeof(VaultFiles))]
    public void Decrypt_TruncatedMidSegmentOrInsideTheHeader_Fails(VaultAlgorithm algorithm)
    {
        using var key = VaultKey.Generate(algorithm);
        byte[] file = VaultFiles.Encrypt(VaultFiles.Content(ContentLengthBytes), key);
        int header = VaultFormat.HeaderLengthBytes(algorithm);

        foreach (int length in new[] { header + 1, header + 15, header + 16, header + S, header + S + 17, file.Length - 1, file.Length - 16, file.Length - 17 })
        {
            Assert.Equal(VaultFailure.SegmentAuthenticationFailed, VaultFiles.DecryptFailing(file[..length], key).Failure.Failure);
        }

        foreach (int length in new[] { 1, 22, 23, 27, 28, header - 1 })
        {
            Assert.Equal(VaultFailure.HeaderTruncated, VaultFiles.DecryptFailing(file[..length], key).Failure.Failure);
        }

        Assert.Equal(VaultFailure.NotAVaultFile, VaultFiles.DecryptFailing([], key).Failure.Failure);
    }

    [Theory]
    [MemberData(nameof(VaultFiles.Algorithms), MemberType = typeof(VaultFiles))]
    public void Decrypt_ReorderedDroppedOrRepeatedSegments_Fails(VaultAlgorithm algorithm)
    {
        using var key = VaultKey.Generate(algorithm);
        byte[] file = VaultFiles.Encrypt(VaultFiles.Content(ContentLengthBytes), key);
        byte[] header = VaultFiles.Header(file, algorithm);
        List<byte[]> s = VaultFiles.Segments(file, algorithm);
        Assert.Equal(5, s.Count);

        byte[][][] changed =
        [
            [s[0], s[2], s[1], s[3], s[4]],  // swapped
            [s[1], s[0], s[2], s[3], s[4]],  // swapped at the start
            [s[0], s[1], s[2], s[4], s[3]],  // the last moved forward (a short segment in the middle)
            [s[0], s[2], s[3], s[4]],        // one dropped
            [s[0], s[1], s[1], s[2], s[3], s[4]], // one repeated
            [s[4]],                          // only the last
        ];
        foreach (byte[][] segments in changed)
        {
            Assert.Equal(VaultFailure.SegmentAuthenticationFailed, VaultFiles.DecryptFailing(VaultFiles.Join(header, segments), key).Failure.Failure);
        }
    }

    [Theory]
    [MemberData(nameof(VaultFiles.Algorithms), MemberType = typeof(VaultFiles))]
    public void Decrypt_SegmentSplicedFromAnotherFileUnderTheSameKey_Fails(VaultAlgorithm algorithm)
    {
        using var key = VaultKey.Generate(algorithm);
        byte[] first = VaultFiles.Encrypt(VaultFiles.Content(ContentLengthBytes, seed: 1), key);
        byte[] second = VaultFiles.Encrypt(VaultFiles.Content(ContentLengthBytes, seed: 2), key);
        List<byte[]> segments = VaultFiles.Segments(first, algorithm);
        segments[2] = VaultFiles.Segments(second, algorithm)[2];

        (VaultFormatException failure, byte[] written) = VaultFiles.DecryptFailing(VaultFiles.Join(VaultFiles.Header(first, algorithm), segments), key);

        Assert.Equal(VaultFailure.SegmentAuthenticationFailed, failure.Failure);
        Assert.Equal(2, failure.SegmentIndex);
        Assert.Equal(VaultFiles.Content(ContentLengthBytes, seed: 1)[..(2 * S)], written);

        // The other file's header in front of this file's segments fails too (the prefix is in the nonce and the associated data).
        Assert.Equal(0, VaultFiles.DecryptFailing(VaultFiles.Join(VaultFiles.Header(second, algorithm), VaultFiles.Segments(first, algorithm)), key).Failure.SegmentIndex);
    }

    [Theory]
    [MemberData(nameof(VaultFiles.Algorithms), MemberType = typeof(VaultFiles))]
    public void Decrypt_BytesAppendedAfterTheLastSegment_Fails(VaultAlgorithm algorithm)
    {
        using var key = VaultKey.Generate(algorithm);
        byte[] file = VaultFiles.Encrypt(VaultFiles.Content(ContentLengthBytes), key);
        List<byte[]> segments = VaultFiles.Segments(file, algorithm);
        byte[] fullFile = VaultFiles.Encrypt(VaultFiles.Content(4 * S), key);
        byte[] anotherFilesEmptyLast = VaultFiles.Encrypt([], key)[VaultFormat.HeaderLengthBytes(algorithm)..];

        byte[][] extended =
        [
            [.. file, 0],
            [.. file, .. new byte[VaultFormat.TagLengthBytes]],
            [.. file, .. segments[4]],
            [.. file, .. new byte[S + 100]],
            [.. fullFile, 0],
            [.. fullFile, .. anotherFilesEmptyLast],
        ];
        foreach (byte[] tampered in extended)
        {
            Assert.Equal(VaultFailure.SegmentAuthenticationFailed, VaultFiles.DecryptFailing(tampered, key).Failure.Failure);
        }
    }

    [Theory]
    [MemberData(nameof(VaultFiles.Algorithms), MemberType = typeof(VaultFiles))]
    public void Decrypt_WrongKey_FailsTheFirstSegmentAndWritesNothing(VaultAlgorithm algorithm)
    {
        using var key = VaultKey.Generate(algorithm);
        using var other = VaultKey.Generate(algorithm);
        byte[] file = VaultFiles.Encrypt(VaultFiles.Content(ContentLengthBytes), key);

        (VaultFormatException failure, byte[] written) = VaultFiles.DecryptFailing(file, other);

        Assert.Equal(VaultFailure.SegmentAuthenticationFailed, failure.Failure);
        Assert.Equal(0, failure.SegmentIndex);
        Assert.Empty(written);
    }

    [Theory]
    [MemberData(nameof(VaultFiles.Algorithms), MemberType = typeof(VaultFiles))]
    public void Decrypt_KeyOfTheOtherAlgorithm_FailsBeforeAnySegment(VaultAlgorithm algorithm)
    {
        using var key = VaultKey.Generate(algorithm);
        VaultAlgorithm otherAlgorithm = algorithm == VaultAlgorithm.Sm4Gcm ? VaultAlgorithm.XChaCha20Poly1305 : VaultAlgorithm.Sm4Gcm;
        using var other = VaultKey.Generate(otherAlgorithm);
        byte[] file = VaultFiles.Encrypt(VaultFiles.Content(100), key);

        (VaultFormatException failure, byte[] written) = VaultFiles.DecryptFailing(file, other);

        Assert.Equal(VaultFailure.KeyAlgorithmMismatch, failure.Failure);
        Assert.Equal(-1, failure.SegmentIndex);
        Assert.Empty(written);
    }

    [Theory]
    [MemberData(nameof(VaultFiles.Algorithms), MemberType = typeof(VaultFiles))]
    public void Decrypt_AlteredHeader_Fails(VaultAlgorithm algorithm)
    {
        using var key = VaultKey.Generate(algorithm);
        byte[] file = VaultFiles.Encrypt(VaultFiles.Content(ContentLengthBytes), key);
        int header = VaultFormat.HeaderLengthBytes(algorithm);

        (int Offset, byte Value, VaultFailure Failure)[] changes =
        [
            (0, (byte)'E', VaultFailure.NotAVaultFile),
            (21, (byte)'2', VaultFailure.NotAVaultFile),
            (23, 0, VaultFailure.AlgorithmUnknown),
            (23, 3, VaultFailure.AlgorithmUnknown),
            (23, (byte)(algorithm == VaultAlgorithm.Sm4Gcm ? 1 : 2), VaultFailure.KeyAlgorithmMismatch),
            (26, 0x20, VaultFailure.SegmentAuthenticationFailed),  // 8 KiB: a valid size, but not the sealed one
            (26, 0x30, VaultFailure.SegmentSizeInvalid),           // 12 KiB
            (24, 0x10, VaultFailure.SegmentSizeInvalid),           // 256 MiB + 4 KiB
            (28, (byte)(file[28] ^ 0x01), VaultFailure.SegmentAuthenticationFailed),
            (header - 1, (byte)(file[header - 1] ^ 0x80), VaultFailure.SegmentAuthenticationFailed),
        ];
        foreach ((int offset, byte value, VaultFailure expected) in changes)
        {
            byte[] tampered = (byte[])file.Clone();
            tampered[offset] = value;

            (VaultFormatException failure, byte[] written) = VaultFiles.DecryptFailing(tampered, key);

            Assert.True(expected == failure.Failure, $"offset {offset} = {value}: {failure.Failure}, wanted {expected}");
            Assert.Empty(written);
        }
    }
}
