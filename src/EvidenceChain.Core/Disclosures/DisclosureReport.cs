using EvidenceChain.Core.Leaves;
using EvidenceChain.Core.Receipts;

namespace EvidenceChain.Core.Disclosures;

/// <summary>
/// The outcome of verifying a disclosure package: the verdict, the embedded receipt's own report
/// (its verdict, checks, facts and what it did not check), and the units proven, in package order.
/// When the verdict is valid every unit of the package is proven; otherwise the list stops before
/// the unit that failed.
/// </summary>
public sealed record DisclosureReport(
    DisclosureVerdict Verdict,
    ReceiptReport Receipt,
    IReadOnlyList<DisclosedUnit> ProvenUnits)
{
    public bool IsValid => Verdict.IsValid;

    /// <summary>The deposit the receipt proves, when the receipt verified that far.</summary>
    public DepositLeaf? Deposit => Receipt.Deposit;
}
