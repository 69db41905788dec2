using System.Buffers.Binary;
using EvidenceChain.Core.Hashing;

namespace EvidenceChain.Cases.Internal;

/// <summary>
/// Ids derived from a case and a purpose (DOMAIN.md §6.3): the first 16 bytes of SM3 over a context
/// string and the fields, so a retry after a crash derives the same id and meets its fixed outcome.
/// </summary>
internal static class Derived
{
    public static UInt128 Id(ReadOnlySpan<byte> context, CaseId caseId, ReadOnlySpan<byte> fields)
    {
        Span<byte> input = stackalloc byte[context.Length + CaseId.LengthBytes + fields.Length];
        context.CopyTo(input);
        BinaryPrimitives.WriteUInt128BigEndian(input[context.Length..], caseId.Value);
        fields.CopyTo(input[(context.Length + CaseId.LengthBytes)..]);
        Digest digest = Sm3.HashData(input);
        UInt128 id = BinaryPrimitives.ReadUInt128BigEndian(Digest.AsBytes(digest));

        // 0 and all ones are not ids; SM3 gives either with probability 2^-127, so this only documents it.
        return id == UInt128.Zero || id == UInt128.MaxValue ? throw new InvalidOperationException("A derived id is 0 or all ones.") : id;
    }
}
