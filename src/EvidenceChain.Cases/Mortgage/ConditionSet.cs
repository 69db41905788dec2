using EvidenceChain.Core.Access;
using EvidenceChain.Ledger.Banking;

namespace EvidenceChain.Cases.Mortgage;

/// <summary>
/// The payout conditions of the notarized agreement, as data (提存公证规则 art. 6; docs/cases.md
/// §Condition set): frozen when the case reaches <see cref="MortgageState.AgreementNotarized"/>.
/// Payouts go only to the accounts named here.
/// </summary>
/// <param name="PriceFen">The price, fen.</param>
/// <param name="BuyerPartyIds">The buyers (co-owners included), 1 to <see cref="PartiesPerSideMax"/>.</param>
/// <param name="SellerPartyIds">The sellers, 1 to <see cref="PartiesPerSideMax"/>, none a buyer.</param>
/// <param name="PayoffLegs">The loans to pay off, 1 to <see cref="PayoffLegCountMax"/>, numbered 1, 2, … in order.</param>
/// <param name="SellerPayee">Where the seller's payout goes.</param>
/// <param name="BuyerRefundPayee">Where a refund to the buyer goes.</param>
/// <param name="FeeFen">The notary's fee, fen; at most the price.</param>
/// <param name="FeePayer">Who bears it.</param>
/// <param name="FeePayee">The notary office's account the earned fee goes to.</param>
/// <param name="LoanRoute">How the buyer's loan, if any, is paid.</param>
/// <param name="LoanFen">The loan, fen: 0 without one, else 1 to the price.</param>
/// <param name="BuyerLenderPartyId">The buyer's bank, or null without a loan.</param>
/// <param name="TitleLockRequired">Whether the title must be locked before any payoff (the default, DOMAIN.md §3.5).</param>
/// <param name="InterestRule">Who receives the interest the escrow earns.</param>
public sealed record ConditionSet(
    long PriceFen,
    IReadOnlyList<string> BuyerPartyIds,
    IReadOnlyList<string> SellerPartyIds,
    IReadOnlyList<PayoffLeg> PayoffLegs,
    PayeeAccount SellerPayee,
    PayeeAccount BuyerRefundPayee,
    long FeeFen,
    FeePayer FeePayer,
    PayeeAccount FeePayee,
    LoanRoute LoanRoute,
    long LoanFen,
    string? BuyerLenderPartyId,
    bool TitleLockRequired,
    InterestRule InterestRule)
{
    public const int PartiesPerSideMax = 16;
    public const int PayoffLegCountMax = 8;

    /// <summary>Why these conditions cannot be a case's, or null when they can.</summary>
    public string? Problem()
    {
        if (PriceFen <= 0)
        {
            return $"the price is more than 0 fen, not {PriceFen}";
        }

        if ((PartiesProblem("buyer", BuyerPartyIds) ?? PartiesProblem("seller", SellerPartyIds)) is string parties)
        {
            return parties;
        }

        if (BuyerPartyIds.Intersect(SellerPartyIds, StringComparer.Ordinal).Any())
        {
            return "a party is both buyer and seller";
        }

        if (PayoffLegs.Count is 0 or > PayoffLegCountMax || PayoffLegs.Select((l, i) => l.Leg != i + 1).Any(wrong => wrong))
        {
            return $"the payoff legs are 1 to {PayoffLegCountMax}, numbered 1, 2, … in order";
        }

        foreach (PayoffLeg leg in PayoffLegs)
        {
            if (!Enum.IsDefined(leg.Kind) || !PartyIds.IsValid(leg.LenderPartyId) || leg.Payee.Problem() is not null)
            {
                return $"payoff leg {leg.Leg}: " + (leg.Payee.Problem() ?? "its loan kind is commercial (1) or provident fund (2), and its lender a party id");
            }
        }

        if ((SellerPayee.Problem() ?? BuyerRefundPayee.Problem() ?? FeePayee.Problem()) is string payee)
        {
            return "a payee account: " + payee;
        }

        if (FeeFen < 0 || FeeFen > PriceFen || !Enum.IsDefined(FeePayer))
        {
            return "the fee is 0 fen to the price, borne by the seller (1) or the buyer (2)";
        }

        bool hasLoan = LoanRoute is LoanRoute.IntoEscrow or LoanRoute.DirectToSeller;
        if (!Enum.IsDefined(LoanRoute) || hasLoan != (LoanFen > 0) || LoanFen > PriceFen || hasLoan != PartyIds.IsValid(BuyerLenderPartyId) || (!hasLoan && BuyerLenderPartyId is not null))
        {
            return "a loan (into escrow or direct to the seller) has an amount of 1 fen to the price and the buyer's bank; without one, neither";
        }

        return Enum.IsDefined(InterestRule) ? null : "the interest rule is to the payee (1) or follows the balance (2)";
    }

    internal static string? PartiesProblem(string side, IReadOnlyList<string> ids) =>
        ids.Count is 0 or > PartiesPerSideMax ? $"a case has 1 to {PartiesPerSideMax} {side}s, not {ids.Count}"
        : ids.Any(id => !PartyIds.IsValid(id)) ? $"a {side} is named by a party id (32 lowercase hex digits)"
        : ids.Distinct(StringComparer.Ordinal).Count() != ids.Count ? $"a {side} is named twice"
        : null;
}
