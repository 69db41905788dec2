namespace EvidenceChain.Core.Disclosures;

/// <summary>
/// The outcome of reading or verifying a disclosure package: valid, or the rule that failed with a
/// sentence naming the unit and what was got and wanted (both roots, for a unit not in the tree).
/// </summary>
public readonly record struct DisclosureVerdict(DisclosureFailure Failure, string Detail)
{
    public static DisclosureVerdict Valid { get; } = new(DisclosureFailure.None, "valid");

    public bool IsValid => Failure == DisclosureFailure.None;

    public static DisclosureVerdict Fail(DisclosureFailure failure, string detail) => new(failure, detail);

    public override string ToString() => IsValid ? "valid" : $"{Failure}: {Detail}";
}
