using EvidenceChain.Cases.Accounts;
using EvidenceChain.Cases.Approvals;
using EvidenceChain.Ledger.Escrow;

namespace EvidenceChain.Cases.Mortgage;

public static partial class MortgageRules
{
    /// <summary>Builds a case's accounts and transfers: derived ids, the case id in user data, codes from the step.</summary>
    private sealed class Postings(MortgageCase current, CaseContext context)
    {
        public AccountId Account(CaseAccountPurpose purpose, byte leg = 0) => CaseAccounts.Of(current.Id, purpose, leg);

        public Account NewAccount(CaseAccountPurpose purpose, byte leg = 0) =>
            new(Account(purpose, leg), CaseAccounts.KindOf(purpose), current.Ledger, AccountCode(purpose), UserData128: current.Id.Value, UserData32: leg);

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

        public AccountBalance? BalanceOf(AccountId account) => context.BalanceOf(account);

        /// <summary>What a liability account holds free: posted credits less posted and pending debits.</summary>
        public long Held(CaseAccountPurpose purpose, byte leg = 0) =>
            BalanceOf(Account(purpose, leg)) is AccountBalance b ? b.CreditsPosted - b.DebitsPosted - b.DebitsPending : 0;

        public Transfer Single(CaseStep step, byte leg, ushort attempt, AccountId debit, AccountId credit, long amountFen) =>
            new(CaseTransferIds.Of(current.Id, step, leg, attempt), debit, credit, amountFen, current.Ledger, TransferCode(step), UserData128: current.Id.Value);

        public Transfer Pending(CaseStep step, byte leg, ushort attempt, AccountId debit, AccountId credit, long amountFen) =>
            Single(step, leg, attempt, debit, credit, amountFen) with { Flags = TransferFlags.Pending };

        /// <summary>Posts (in full) or voids <paramref name="pending"/>: the same accounts, ledger and code, as the ledger requires.</summary>
        public Transfer Resolve(CaseStep step, byte leg, ushort attempt, Transfer pending, bool post) =>
            pending with
            {
                Id = CaseTransferIds.Of(current.Id, step, leg, attempt),
                Flags = post ? TransferFlags.PostPending : TransferFlags.VoidPending,
                PendingId = pending.Id,
                AmountFen = post ? pending.AmountFen : 0,
            };

        /// <summary>The transfers as one linked chain: all apply or none.</summary>
        public static IReadOnlyList<Transfer> Linked(IReadOnlyList<Transfer> chain) =>
            [.. chain.Select((t, i) => i < chain.Count - 1 ? t with { Flags = t.Flags | TransferFlags.Linked } : t)];

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
