using CsCheck;
using EvidenceChain.Vault.Tests.Support;

namespace EvidenceChain.Vault.Tests;

/// <summary>
/// What the service can check without the key: every file a writer makes has the shape its length
/// says, and a length that ends inside a last segment's tag, or a bad header, is refused.
/// </summary>
public sealed class VaultShapeTests
{
    [Fact]
    public void Of_EveryWrittenFile_GivesItsSegmentsAndContentLength()
    {
        Gen.Select(Gen.Bool, Gen.Int[0, (3 * VaultFiles.SegmentSize) + 1])
            .Sample(
                (sm4, length) =>
                {
                    VaultKey key = VaultKey.Generate(sm4 ? VaultAlgorithm.Sm4Gcm : VaultAlgorithm.XChaCha20Poly1305);
                    byte[] file = VaultFiles.Encrypt(VaultFiles.Content(length), key);
                    VaultSummary shape = ShapeOf(file);
                    VaultFiles.Decrypt(file, key, out VaultSummary decrypted);
                    Assert.Equal(decrypted, shape);
                },
                iter: 100);
    }

    [Theory]
    [MemberData(nameof(VaultFiles.Algorithms), MemberType = typeof(VaultFiles))]
    public void Of_ALengthEndingInsideTheLastTag_IsImpossible(VaultAlgorithm algorithm)
    {
        byte[] file = VaultFiles.Encrypt(VaultFiles.Content((2 * VaultFiles.SegmentSize) + 100), VaultKey.Generate(algorithm));
        byte[] head = file[..Math.Min(file.Length, VaultShape.HeaderLengthMaxBytes)];
        int header = VaultFormat.HeaderLengthBytes(algorithm);
        int fullSegments = 2 * (VaultFiles.SegmentSize + VaultFormat.TagLengthBytes);
        foreach (int cut in new[] { 1, 15 })
        {
            VaultFormatException refused = Assert.Throws<VaultFormatException>(() => VaultShape.Of(head, header + fullSegments + cut));
            Assert.Equal(VaultFailure.LengthImpossible, refused.Failure);
        }

        // A last segment of exactly its tag is an empty last segment, which readers accept.
        Assert.Equal(3, VaultShape.Of(head, header + fullSegments + VaultFormat.TagLengthBytes).SegmentCount);
        Assert.Equal(VaultFailure.LengthImpossible, Assert.Throws<VaultFormatException>(() => ShapeOf(file[..(header + 3)])).Failure);
        Assert.Equal(VaultFailure.HeaderTruncated, Assert.Throws<VaultFormatException>(() => ShapeOf(file[..(header - 1)])).Failure);
    }

    [Fact]
    public void Of_BadHeaders_FailInTheReadersOrder()
    {
        byte[] file = VaultFiles.Encrypt(VaultFiles.Content(10), VaultKey.Generate(VaultAlgorithm.XChaCha20Poly1305));
        byte[] head = file[..VaultShape.HeaderLengthMaxBytes];
        Assert.Equal(VaultFailure.NotAVaultFile, Assert.Throws<VaultFormatException>(() => VaultShape.Of([], 0)).Failure);
        Assert.Equal(VaultFailure.NotAVaultFile, Assert.Throws<VaultFormatException>(() => VaultShape.Of("PK\u0003\u0004"u8, 4)).Failure);
        Assert.Equal(VaultFailure.HeaderTruncated, Assert.Throws<VaultFormatException>(() => VaultShape.Of(head[..20], 20)).Failure);
        byte[] algorithm = (byte[])head.Clone();
        algorithm[23] = 9;
        Assert.Equal(VaultFailure.AlgorithmUnknown, Assert.Throws<VaultFormatException>(() => VaultShape.Of(algorithm, file.Length)).Failure);
        byte[] segment = (byte[])head.Clone();
        segment[27] = 1;
        Assert.Equal(VaultFailure.SegmentSizeInvalid, Assert.Throws<VaultFormatException>(() => VaultShape.Of(segment, file.Length)).Failure);
    }

    private static VaultSummary ShapeOf(byte[] file) => VaultShape.Of(file.AsSpan(0, Math.Min(file.Length, VaultShape.HeaderLengthMaxBytes)), file.Length);
}
