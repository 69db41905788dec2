using System.Buffers.Binary;
using System.Text;
using EvidenceChain.Core.Hashing;

namespace EvidenceChain.Core.Commitments;

/// <summary>
/// <c>C_H(i) = H(0x02 ‖ unit_salt ‖ u64(offset) ‖ u64(length) ‖ u16(len(path)) ‖ path ‖ H(content))</c>
/// (commitment.md §Unit commitments). The 0x02 prefix keeps commitments apart from RFC 9162 leaf
/// (0x00) and node (0x01) inputs.
/// </summary>
public static class UnitCommitment
{
    public const byte Prefix = 0x02;

    public static Digest Compute(TreeHash hash, DerivedSalt unitSalt, UnitDescriptor unit, in Digest contentDigest)
    {
        ArgumentNullException.ThrowIfNull(unit);
        int pathLength = Encoding.UTF8.GetByteCount(unit.Path);
        if (pathLength > UnitPlan.PathLengthMaxBytes)
        {
            throw Error.OutOfRange(nameof(unit), pathLength, $"A unit path has at most {UnitPlan.PathLengthMaxBytes} bytes.");
        }

        int length = 1 + DerivedSalt.LengthBytes + 8 + 8 + 2 + pathLength + Digest.SizeInBytes;
        Span<byte> preimage = stackalloc byte[length];
        preimage[0] = Prefix;
        Digest.AsBytes(unitSalt.Value).CopyTo(preimage[1..]);
        int at = 1 + DerivedSalt.LengthBytes;
        BinaryPrimitives.WriteUInt64BigEndian(preimage[at..], unit.OffsetBytes);
        BinaryPrimitives.WriteUInt64BigEndian(preimage[(at + 8)..], unit.LengthBytes);
        BinaryPrimitives.WriteUInt16BigEndian(preimage[(at + 16)..], (ushort)pathLength);
        Encoding.UTF8.GetBytes(unit.Path, preimage[(at + 18)..]);
        Digest.AsBytes(contentDigest).CopyTo(preimage[(at + 18 + pathLength)..]);
        return HashOnce(hash, preimage);
    }

    internal static Digest HashOnce(TreeHash hash, ReadOnlySpan<byte> data) => hash switch
    {
        TreeHash.Sha256 => Sha256.HashData(data),
        TreeHash.Sm3 => Sm3.HashData(data),
        _ => throw new ArgumentOutOfRangeException(nameof(hash), hash, "Unknown tree hash."),
    };
}
