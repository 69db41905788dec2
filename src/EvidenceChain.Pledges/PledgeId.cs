using System.Globalization;

namespace EvidenceChain.Pledges;

/// <summary>A pledge's id: 16 bytes assigned by the notary when the pledge is applied for; not 0, not all ones.</summary>
public readonly record struct PledgeId(UInt128 Value)
{
    public const int LengthBytes = 16;

    /// <summary>Whether the value can be a pledge id.</summary>
    public bool IsValid => Value != UInt128.Zero && Value != UInt128.MaxValue;

    public override string ToString() => Value.ToString("x32", CultureInfo.InvariantCulture);
}
