using System.Buffers.Binary;

namespace EvidenceChain.DepositCertificates.Internal;

/// <summary>
/// Copies one face out of a TrueType collection (<c>.ttc</c>) into a standalone font file, because
/// PDFsharp reads single fonts only. OpenType spec, "Font Collections": a TTC is a <c>ttcf</c> header
/// with one offset per face, each to an ordinary table directory whose table offsets count from the
/// start of the collection. The face's tables are copied unchanged (their checksums stay valid) behind
/// a new directory, each 4-byte aligned as the spec requires, and <c>head.checkSumAdjustment</c> is
/// recomputed for the new file. Limits: <see cref="FaceCountMax"/> faces, <see cref="TableCountMax"/> tables.
/// </summary>
internal static class TrueTypeCollection
{
    public const int FaceCountMax = 64;
    public const int TableCountMax = 64;

    private const uint CollectionTag = 0x74746366; // "ttcf"
    private const uint HeadTag = 0x68656164; // "head"
    private const int DirectoryHeaderLengthBytes = 12;
    private const int TableRecordLengthBytes = 16;
    private const int HeadChecksumAdjustmentOffset = 8;
    private const uint ChecksumMagic = 0xB1B0AFBA;

    /// <summary>The face at <paramref name="faceIndex"/> as a standalone TrueType font.</summary>
    /// <exception cref="InvalidDataException">The collection is malformed or has no such face.</exception>
    public static byte[] ExtractFace(ReadOnlySpan<byte> collection, int faceIndex)
    {
        if (collection.Length < 12 || BinaryPrimitives.ReadUInt32BigEndian(collection) != CollectionTag)
        {
            throw new InvalidDataException("not a TrueType collection: no 'ttcf' header");
        }

        uint faceCount = BinaryPrimitives.ReadUInt32BigEndian(collection[8..]);
        if (faceCount is 0 or > FaceCountMax || faceIndex < 0 || faceIndex >= faceCount || collection.Length < 12 + (4 * (int)faceCount))
        {
            throw new InvalidDataException($"the collection has {faceCount} faces; face {faceIndex} was asked for (at most {FaceCountMax} are read)");
        }

        int directory = CheckedOffset(BinaryPrimitives.ReadUInt32BigEndian(collection[(12 + (4 * faceIndex))..]), DirectoryHeaderLengthBytes, collection.Length);
        int tableCount = BinaryPrimitives.ReadUInt16BigEndian(collection[(directory + 4)..]);
        if (tableCount is 0 or > TableCountMax)
        {
            throw new InvalidDataException($"face {faceIndex} has {tableCount} tables; 1 to {TableCountMax} are read");
        }

        int directoryLength = DirectoryHeaderLengthBytes + (tableCount * TableRecordLengthBytes);
        CheckedOffset((uint)directory, directoryLength, collection.Length);
        var tables = new (int Source, int Length)[tableCount];
        int outputLength = directoryLength;
        for (int i = 0; i < tableCount; i++)
        {
            ReadOnlySpan<byte> record = collection.Slice(directory + DirectoryHeaderLengthBytes + (i * TableRecordLengthBytes), TableRecordLengthBytes);
            uint length = BinaryPrimitives.ReadUInt32BigEndian(record[12..]);
            int source = CheckedOffset(BinaryPrimitives.ReadUInt32BigEndian(record[8..]), length, collection.Length);
            tables[i] = (source, (int)length);
            outputLength = checked(outputLength + Padded((int)length));
        }

        byte[] font = new byte[outputLength];
        collection.Slice(directory, directoryLength).CopyTo(font);
        int target = directoryLength;
        int headOffset = -1;
        for (int i = 0; i < tableCount; i++)
        {
            Span<byte> record = font.AsSpan(DirectoryHeaderLengthBytes + (i * TableRecordLengthBytes), TableRecordLengthBytes);
            BinaryPrimitives.WriteUInt32BigEndian(record[8..], (uint)target);
            collection.Slice(tables[i].Source, tables[i].Length).CopyTo(font.AsSpan(target));
            if (BinaryPrimitives.ReadUInt32BigEndian(record) == HeadTag && tables[i].Length >= HeadChecksumAdjustmentOffset + 4)
            {
                headOffset = target;
            }

            target += Padded(tables[i].Length);
        }

        if (headOffset < 0)
        {
            throw new InvalidDataException($"face {faceIndex} has no 'head' table");
        }

        // The whole-file checksum must be taken with the adjustment zeroed (OpenType spec, 'head' table).
        Span<byte> adjustment = font.AsSpan(headOffset + HeadChecksumAdjustmentOffset, 4);
        adjustment.Clear();
        BinaryPrimitives.WriteUInt32BigEndian(adjustment, unchecked(ChecksumMagic - Checksum(font)));
        return font;
    }

    /// <summary>The OpenType table checksum: the sum of big-endian 32-bit words, zero-padded, modulo 2^32.</summary>
    public static uint Checksum(ReadOnlySpan<byte> data)
    {
        uint sum = 0;
        int whole = data.Length & ~3;
        for (int i = 0; i < whole; i += 4)
        {
            sum = unchecked(sum + BinaryPrimitives.ReadUInt32BigEndian(data[i..]));
        }

        if (whole < data.Length)
        {
            Span<byte> last = stackalloc byte[4];
            last.Clear();
            data[whole..].CopyTo(last);
            sum = unchecked(sum + BinaryPrimitives.ReadUInt32BigEndian(last));
        }

        return sum;
    }

    private static int Padded(int length) => checked((length + 3) & ~3);

    private static int CheckedOffset(uint offset, long length, int collectionLength) =>
        offset <= (uint)collectionLength && length <= collectionLength - (long)offset
            ? (int)offset
            : throw new InvalidDataException($"a table of {length} bytes at offset {offset} runs past the end of the {collectionLength}-byte collection");
}
