using EvidenceChain.Cases.Accounts;
using EvidenceChain.Cases.Approvals;
using EvidenceChain.Ledger.Escrow;

namespace EvidenceChain.Cases.Mortgage;

public static partial class MortgageRules
{
    /// <summary>Builds a case's accounts and transfers: derived ids, the case id in user data, codes from the step.</summary>
    private sealed class Postings(MortgageCase current, CaseContext context) : CasePostings(current.Id, current.Ledger, context)
    {
        /// <summary>The accounts a case opens when its agreement is notarized; holds come with their court orders.</summary>
        public IReadOnlyList<Account> CaseAccountsFor(ConditionSet conditions) =>
        [
            NewAccount(CaseAccountPurpose.Buyer),
            NewAccount(CaseAccountPurpose.Seller),
            NewAccount(CaseAccountPurpose.Fees),
            NewAccount(CaseAccountPurpose.TreasuryPayable),
            .. conditions.PayoffLegs.Select(l => NewAccount(CaseAccountPurpose.Payoff, l.Leg)),
            NewAccount(CaseAccountPurpose.BuyerClaim),
            NewAccount(CaseAccountPurpose.SellerDebt),
        ];

        /// <summary>The case's liability accounts: all of them are 0 when it closes.</summary>
        public IEnumerable<AccountId> LiabilityAccounts() =>
            [
                Account(CaseAccountPurpose.Buyer),
                Account(CaseAccountPurpose.Seller),
                Account(CaseAccountPurpose.Fees),
                Account(CaseAccountPurpose.TreasuryPayable),
                .. current.Legs.Select(l => Account(CaseAccountPurpose.Payoff, l.Leg)),
                .. current.Freezes.Select(f => Account(CaseAccountPurpose.Hold, f.Order)),
            ];

        /// <summary>Adds the payout transfers after the plan's own, each with the account the bank pays; linked, the whole batch applies or none.</summary>
        public static Plan WithPayouts(Plan plan, IReadOnlyList<(Transfer Transfer, PayeeAccount Payee)> payouts, bool linked = false)
        {
            IReadOnlyList<Transfer> transfers = [.. plan.Transfers, .. payouts.Select(p => p.Transfer)];
            return plan with
            {
                Transfers = linked ? Linked(transfers) : transfers,
                Payouts = [.. payouts.Select(p => new Payout(p.Transfer.Id, p.Transfer.AmountFen, p.Payee))],
            };
        }
    }
}
