using EvidenceChain.Protocol.V1;

namespace EvidenceChain.Cli.Internal;

/// <summary>
/// A notarized agreement's condition set as the office writes it for <c>case apply … notarize-agreement
/// --conditions FILE</c>: the proto's <c>CaseConditions</c> field for field, in snake_case (docs/service.md
/// §Cases). Read strictly (<see cref="CaseJsonContext"/>): an unknown or repeated field, a missing required
/// one, or a value of the wrong type is refused, naming its path. Numbers as in the proto: loan_kind 1
/// commercial, 2 provident fund; fee_payer 1 seller (0 means the default, the seller), 2 buyer; loan_route
/// 1 none (0 means none), 2 into escrow, 3 direct to the seller; interest_rule 1 to the payee (0 means
/// the default), 2 follows the balance.
/// </summary>
internal sealed record CaseConditionsJson(
    long PriceFen,
    IReadOnlyList<string> BuyerPartyIds,
    IReadOnlyList<string> SellerPartyIds,
    IReadOnlyList<CaseConditionsJson.PayoffLegJson> PayoffLegs,
    CaseConditionsJson.PayeeJson SellerPayee,
    CaseConditionsJson.PayeeJson BuyerRefundPayee,
    CaseConditionsJson.PayeeJson FeePayee,
    long FeeFen = 0,
    uint FeePayer = 0,
    uint LoanRoute = 0,
    long LoanFen = 0,
    string BuyerLenderPartyId = "",
    bool TitleLockNotRequired = false,
    uint InterestRule = 0)
{
    public CaseConditions ToProto()
    {
        var conditions = new CaseConditions
        {
            PriceFen = PriceFen,
            SellerPayee = SellerPayee.ToProto(),
            BuyerRefundPayee = BuyerRefundPayee.ToProto(),
            FeeFen = FeeFen,
            FeePayer = FeePayer,
            FeePayee = FeePayee.ToProto(),
            LoanRoute = LoanRoute,
            LoanFen = LoanFen,
            BuyerLenderPartyId = BuyerLenderPartyId,
            TitleLockNotRequired = TitleLockNotRequired,
            InterestRule = InterestRule,
        };
        conditions.BuyerPartyIds.AddRange(BuyerPartyIds);
        conditions.SellerPartyIds.AddRange(SellerPartyIds);
        conditions.PayoffLegs.AddRange(PayoffLegs.Select(l => new CasePayoffLeg { Leg = l.Leg, LoanKind = l.LoanKind, LenderPartyId = l.LenderPartyId, Payee = l.Payee.ToProto() }));
        return conditions;
    }

    /// <summary>One loan to pay off: <c>{"leg": 1, "loan_kind": 1, "lender_party_id": "…", "payee": {…}}</c>.</summary>
    internal sealed record PayoffLegJson(uint Leg, uint LoanKind, string LenderPartyId, PayeeJson Payee);

    /// <summary>An account paid to: <c>{"bank_account": "6222…", "name": "…"}</c>.</summary>
    internal sealed record PayeeJson(string BankAccount, string Name)
    {
        public CasePayee ToProto() => new() { BankAccount = BankAccount, Name = Name };
    }
}
