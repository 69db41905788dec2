using EvidenceChain.Cases.Distribution;
using EvidenceChain.Cases.Mortgage;

namespace EvidenceChain.Cases.Sealed;

/// <summary>
/// The terms of the notarized sale and escrow agreement of a 带封过户 case (docs/sealed-sale.md
/// §Agreement), frozen when the case reaches <see cref="SealedSaleState.AgreementNotarized"/>.
/// Refunds go only to the account named here; creditors' accounts come with the court's plan.
/// </summary>
/// <param name="PriceFen">The price, fen; at least the court's floor.</param>
/// <param name="BuyerPartyIds">The buyers, 1 to <see cref="PartiesPerSideMax"/>.</param>
/// <param name="DebtorPartyIds">The debtors who own the property, 1 to <see cref="PartiesPerSideMax"/>, none a buyer.</param>
/// <param name="DebtorKind">Whether the debtor is an individual, another non-corporate body or a company: it decides how ordinary claims share (docs/distribution.md).</param>
/// <param name="BuyerRefundPayee">Where a refund to the buyer goes.</param>
/// <param name="DebtorPayee">Where the debtor's surplus goes.</param>
/// <param name="PaymentDueDate">The last day for the full price to be on the statement.</param>
/// <param name="ForfeitOnDefaultFen">What the buyer forfeits to the creditors on default (only if the agreement says so): 0 to the price.</param>
public sealed record SealedSaleConditions(
    long PriceFen,
    IReadOnlyList<string> BuyerPartyIds,
    IReadOnlyList<string> DebtorPartyIds,
    DebtorKind DebtorKind,
    PayeeAccount BuyerRefundPayee,
    PayeeAccount DebtorPayee,
    DateOnly PaymentDueDate,
    long ForfeitOnDefaultFen)
{
    public const int PartiesPerSideMax = 16;

    /// <summary>Why these cannot be a case's terms, or null when they can.</summary>
    public string? Problem() =>
        PriceFen <= 0 ? $"the price is more than 0 fen, not {PriceFen}"
        : (ConditionSet.PartiesProblem("buyer", BuyerPartyIds) ?? ConditionSet.PartiesProblem("debtor", DebtorPartyIds)) is string parties ? parties
        : BuyerPartyIds.Intersect(DebtorPartyIds, StringComparer.Ordinal).Any() ? "a party is both buyer and debtor"
        : !Enum.IsDefined(DebtorKind) ? "the debtor is an individual (1), another non-corporate body (2) or a company (3)"
        : (BuyerRefundPayee.Problem() ?? DebtorPayee.Problem()) is string payee ? "a payee account: " + payee
        : ForfeitOnDefaultFen < 0 || ForfeitOnDefaultFen > PriceFen ? "the forfeit on default is 0 fen to the price"
        : null;
}
