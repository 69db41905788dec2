using EvidenceChain.Core.Hashing;

namespace EvidenceChain.Core.Commitments;

/// <summary>A 32-byte salt derived from the master salt: one per unit, and one for the party commitments.</summary>
public readonly record struct DerivedSalt(Digest Value)
{
    public const int LengthBytes = 32;

    public static DerivedSalt FromBytes(ReadOnlySpan<byte> bytes) => new(Digest.Read(bytes));

    public string ToHex() => Value.ToHex();
}
