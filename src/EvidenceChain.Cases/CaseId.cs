namespace EvidenceChain.Cases;

/// <summary>A case's id: 16 bytes chosen by the office when it opens the case; not 0, not all ones (as ledger ids).</summary>
public readonly record struct CaseId(UInt128 Value)
{
    public const int LengthBytes = 16;

    /// <summary>Whether the value can be a case id.</summary>
    public bool IsValid => Value != UInt128.Zero && Value != UInt128.MaxValue;

    public override string ToString() => Value.ToString("x32", System.Globalization.CultureInfo.InvariantCulture);
}
