using System.Globalization;

namespace EvidenceChain.Pledges;

/// <summary>An asset's id: 16 bytes assigned by the notary when the asset is registered; not 0, not all ones.</summary>
public readonly record struct AssetId(UInt128 Value)
{
    public const int LengthBytes = 16;

    /// <summary>Whether the value can be an asset id.</summary>
    public bool IsValid => Value != UInt128.Zero && Value != UInt128.MaxValue;

    public override string ToString() => Value.ToString("x32", CultureInfo.InvariantCulture);
}
