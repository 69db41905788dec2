using System.Buffers.Binary;
using EvidenceChain.DepositCertificates.Internal;

namespace EvidenceChain.DepositCertificates.Tests;

/// <summary>The face extracted from Debian's fonts-wqy-zenhei is a well-formed standalone TrueType font (OpenType spec checksums).</summary>
public sealed class TrueTypeCollectionTests
{
    private static readonly Lazy<byte[]> s_collection = new(() => File.ReadAllBytes(CertificateFontResolver.CollectionPath));

    [Fact]
    public void ExtractFace_WqyZenHei_TablesKeepTheirChecksums()
    {
        byte[] font = TrueTypeCollection.ExtractFace(s_collection.Value, 0);
        Assert.Equal(0x00010000u, BinaryPrimitives.ReadUInt32BigEndian(font));
        int tableCount = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(4));
        for (int i = 0; i < tableCount; i++)
        {
            ReadOnlySpan<byte> record = font.AsSpan(12 + (16 * i), 16);
            uint tag = BinaryPrimitives.ReadUInt32BigEndian(record);
            int offset = (int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]);
            int length = (int)BinaryPrimitives.ReadUInt32BigEndian(record[12..]);
            Assert.Equal(0, offset % 4);
            if (tag != 0x68656164)
            {
                // 'head' is summed with its adjustment field, which the whole-file checksum below covers.
                Assert.Equal(BinaryPrimitives.ReadUInt32BigEndian(record[4..]), TrueTypeCollection.Checksum(font.AsSpan(offset, length)));
            }
        }
    }

    [Fact]
    public void ExtractFace_WqyZenHei_WholeFileChecksumIsTheMagic() =>
        Assert.Equal(0xB1B0AFBAu, TrueTypeCollection.Checksum(TrueTypeCollection.ExtractFace(s_collection.Value, 0)));

    [Fact]
    public void ExtractFace_NotACollection_Throws() =>
        Assert.Throws<InvalidDataException>(() => TrueTypeCollection.ExtractFace(new byte[64], 0));

    [Theory]
    [InlineData(-1)]
    [InlineData(3)]
    public void ExtractFace_NoSuchFace_Throws(int faceIndex) =>
        Assert.Throws<InvalidDataException>(() => TrueTypeCollection.ExtractFace(s_collection.Value, faceIndex));

    [Fact]
    public void ExtractFace_TruncatedCollection_Throws() =>
        Assert.Throws<InvalidDataException>(() => TrueTypeCollection.ExtractFace(s_collection.Value.AsSpan(0, 4096), 0));
}
