using EvidenceChain.Cases.Accounts;
using EvidenceChain.Cases.Approvals;
using EvidenceChain.Cases.Distribution;
using EvidenceChain.Cases.Evidence;
using EvidenceChain.Ledger.Banking;
using EvidenceChain.Ledger.Escrow;

namespace EvidenceChain.Cases.Sealed;

/// <summary>Each event's own rules and postings (DOMAIN.md §4.2, §4.4; docs/sealed-sale.md §States and events).</summary>
public static partial class SealedSaleRules
{
    /// <summary>Why the command's fields do not fit its event, or null.</summary>
    private static string? CommandProblem(SealedSaleCase current, SealedSaleCommand command, CaseContext context)
    {
        bool usesLeg = command.Event is SealedSaleEvent.RecordSeizure or SealedSaleEvent.ExpectDeposit;
        bool usesPayee = command.Event == SealedSaleEvent.RemitToCourt || (command.Event == SealedSaleEvent.Refund && ForfeitApplies(current, context));
        return !usesLeg && command.Leg != 0 ? $"{command.Event} names no seizure or tranche"
            : (command.Event == SealedSaleEvent.ExpectDeposit) != (command.AmountFen != 0) ? (command.Event == SealedSaleEvent.ExpectDeposit ? "a tranche has an amount" : $"{command.Event} takes no amount")
            : (command.Event == SealedSaleEvent.NotarizeAgreement) != (command.Conditions is not null) ? (command.Event == SealedSaleEvent.NotarizeAgreement ? "the agreement's terms are needed" : $"{command.Event} takes no agreement terms")
            : (command.Event == SealedSaleEvent.IssuePlan) != (command.Plan is not null) ? (command.Event == SealedSaleEvent.IssuePlan ? "the court's distribution plan is needed" : $"{command.Event} takes no plan")
            : usesPayee != (command.Payee is not null) ? (usesPayee ? $"{command.Event} needs the court's execution-fund account" : $"{command.Event} takes no payee")
            : command.Payee?.Problem() is string payee ? "the payee: " + payee
            : command.Event == SealedSaleEvent.RecordSeizure && command.Leg != current.Seizures.Count + 1 ? $"the next seizure is number {current.Seizures.Count + 1}, not {command.Leg}"
            : command.Event == SealedSaleEvent.ExpectDeposit && command.AmountFen < 0 ? "a tranche's amount is more than 0 fen"
            : command.Event == SealedSaleEvent.ExpectDeposit && command.Leg != current.Tranches.Count + 1 ? $"the next tranche is number {current.Tranches.Count + 1}, not {command.Leg}"
            : null;
    }

    /// <summary>Whether a refund now forfeits part of the buyer's deposit: after the buyer's default, where the agreement says so and something was paid (else no court account is asked for nothing).</summary>
    private static bool ForfeitApplies(SealedSaleCase current, CaseContext context) =>
        current.State == SealedSaleState.BuyerDefault && current.Conditions is { ForfeitOnDefaultFen: > 0 }
        && new CasePostings(current.Id, current.Ledger, context).Held(CaseAccountPurpose.Buyer) > 0;

    private static Plan PlanOf(SealedSaleCase current, SealedSaleCommand command, CaseContext context)
    {
        var posting = new CasePostings(current.Id, current.Ledger, context);
        return command.Event switch
        {
            SealedSaleEvent.RecordSeizure => RecordSeizure(current, command),
            SealedSaleEvent.ProposeSale => ProposeSale(current, command),
            SealedSaleEvent.ApproveSale => new Plan(SealedSaleState.CourtApproved) { AmountFen = command.Artefacts![0].Artefact.AmountFen },
            SealedSaleEvent.DenySale => new Plan(SealedSaleState.CourtDenied),
            SealedSaleEvent.NotarizeAgreement => command.Conditions!.PriceFen < current.FloorPriceFen
                ? Plan.Refused(CaseRejection.PriceBelowFloor, $"the agreed price, {Yuan(command.Conditions.PriceFen)}, is below the court's floor, {Yuan(current.FloorPriceFen)}")
                : new Plan(SealedSaleState.AgreementNotarized) { Accounts = [posting.NewAccount(CaseAccountPurpose.Buyer), posting.NewAccount(CaseAccountPurpose.Proceeds)] },
            SealedSaleEvent.ExpectDeposit => current.Tranches.Sum() + command.AmountFen is long expected && expected > current.Conditions!.PriceFen
                ? Plan.Refused(CaseRejection.CommandInvalid, $"the tranches would come to {Yuan(expected)}, more than the price, {Yuan(current.Conditions.PriceFen)}")
                : new Plan(current.State) { AmountFen = command.AmountFen, Transfers = [Deposit(current, posting, command.Leg, command.AmountFen)] },
            SealedSaleEvent.ConfirmFunding => ConfirmFunding(current, context, posting),
            SealedSaleEvent.DeclareBuyerDefault => DeclareDefault(current, context, posting),
            SealedSaleEvent.IssueAssistance => new Plan(SealedSaleState.AssistanceIssued),
            SealedSaleEvent.ConfirmTransfer => posting.Held(CaseAccountPurpose.Buyer) is long held && held != current.Conditions!.PriceFen
                ? Plan.Refused(CaseRejection.InsufficientFunds, $"the buyer's account holds {Yuan(held)}, not the price, {Yuan(current.Conditions.PriceFen)}")
                : new Plan(SealedSaleState.Transferred) { Transfers = [posting.Single(CaseStep.ProceedsTransfer, 0, 0, posting.Account(CaseAccountPurpose.Buyer), posting.Account(CaseAccountPurpose.Proceeds), held)] },
            SealedSaleEvent.RejectRegistration => new Plan(SealedSaleState.RegistryRejected),
            SealedSaleEvent.IssuePlan => IssuePlan(current, command, posting),
            SealedSaleEvent.RemitToCourt => RemitToCourt(current, command, posting),
            SealedSaleEvent.FinalizePlan => ObjectionWindowEnd(current, context) is not DateOnly last || context.Day <= last
                ? Plan.Refused(CaseRejection.ObjectionWindowOpen, ObjectionWindowEnd(current, context) is DateOnly end
                    ? $"objections to the plan of {current.PlanReceivedDay:yyyy-MM-dd} may be raised through {end:yyyy-MM-dd}"
                    : $"the working-day calendar does not reach the end of the objection window of the plan of {current.PlanReceivedDay:yyyy-MM-dd}")
                : Finalize(current, posting),
            SealedSaleEvent.DisputePlan => DisputePlan(current, command, context),
            SealedSaleEvent.UpholdPlan => Finalize(current, posting),
            SealedSaleEvent.SetAsidePlan => new Plan(SealedSaleState.Transferred)
            {
                Transfers = CasePostings.Linked([.. current.Plan!.Booked.Select(a => posting.Resolve(CaseStep.AllocationVoid, a.ClaimNumber, current.PlanRevision, Allocated(current, posting, a), post: false))]),
            },
            SealedSaleEvent.ObjectThirdParty => new Plan(SealedSaleState.ThirdPartyObjection),
            SealedSaleEvent.DismissObjection => new Plan(current.Resume!.Value),
            SealedSaleEvent.Refund => Refund(current, command, context, posting),
            SealedSaleEvent.ConfirmDistribution => PayoutsOf(current).Count(id => context.StateOf(id) != TransferState.PendingPosted) is int open and > 0
                ? Plan.Refused(CaseRejection.PaymentNotOnStatement, $"{open} payouts are not on the bank statement yet")
                : new Plan(SealedSaleState.Distributed),
            SealedSaleEvent.Close => posting.FirstUnsettled(AccountsOf(current, posting)) is (AccountId account, AccountBalance balance)
                ? Plan.Refused(CaseRejection.CaseNotSettled, $"case account {account.Value:x32} is not settled: {balance}")
                : new Plan(SealedSaleState.Closed),
            _ => Plan.Refused(CaseRejection.CommandInvalid, $"event {(byte)command.Event} is not defined"),
        };
    }

    private static Plan RecordSeizure(SealedSaleCase current, SealedSaleCommand command)
    {
        RecordedArtefact recorded = command.Artefacts![0];
        CaseArtefact document = recorded.Artefact;
        var rank = document.Subject == ArtefactSubjects.SeizureFirst ? SeizureRank.First : SeizureRank.Waiting;
        Seizure? first = current.Seizures.FirstOrDefault(s => s.Property == document.Leg && s.Rank == SeizureRank.First);
        string? problem = document.Leg == 0 ? "the seizure names no property (its leg is 1 to 255)"
            : document.AmountFen <= 0 ? "the seizure states no claim"
            : rank == SeizureRank.First && first is not null ? $"property {document.Leg} already has its first seizure (seizure {first.Number})"
            : rank == SeizureRank.Waiting && first is null ? $"property {document.Leg} has no first seizure for this one to wait behind"

            // The sale covers the properties seized when it was proposed: ConfirmTransfer asks the registry's
            // receipts for each, so a property added later would hold the case until the registry refused.
            : current.State != SealedSaleState.Seized && !current.Properties.Contains(document.Leg) ? $"property {document.Leg} is not in the sale proposed; after the proposal only the properties sold are seized again"
            : null;
        return problem is not null
            ? Plan.Refused(CaseRejection.CommandInvalid, problem)
            : new Plan(current.State)
            {
                AmountFen = document.AmountFen,
                Seizure = new Seizure(command.Leg, document.Leg, document.IssuerPartyId, document.Reference, document.IssuedAtMs, rank, document.AmountFen, recorded.LeafIndex),
            };
    }

    private static Plan ProposeSale(SealedSaleCase current, SealedSaleCommand command)
    {
        long price = command.Artefacts![0].Artefact.AmountFen;
        return current.Seizures.Count == 0 ? Plan.Refused(CaseRejection.SeizuresIncomplete, "no seizure is recorded")
            : price <= 0 ? Plan.Refused(CaseRejection.CommandInvalid, "the mediation record states no price")
            : new Plan(SealedSaleState.SaleProposed) { AmountFen = price };
    }

    private static Plan DisputePlan(SealedSaleCase current, SealedSaleCommand command, CaseContext context)
    {
        // When the calendar cannot yet say when the window ends, the objection is taken: the court decides it.
        DateOnly objected = DailyBalances.DayOf(command.Artefacts![0].Artefact.IssuedAtMs);
        return objected < current.PlanReceivedDay ? Plan.Refused(CaseRejection.CommandInvalid, $"the objection of {objected:yyyy-MM-dd} was issued before the plan of {current.PlanReceivedDay:yyyy-MM-dd}")
            : ObjectionWindowEnd(current, context) is DateOnly last && objected > last ? Plan.Refused(CaseRejection.ObjectionLate, $"the objection of {objected:yyyy-MM-dd} came after the window ended on {last:yyyy-MM-dd}")
            : new Plan(SealedSaleState.PlanDisputed);
    }

    private static Plan ConfirmFunding(SealedSaleCase current, CaseContext context, CasePostings posting)
    {
        // The deposit date is the statement's value date of the last tranche (提存公证规则 art. 16), not the day we noticed.
        DateOnly deposited = DateOnly.MinValue;
        for (byte tranche = 1; tranche <= current.Tranches.Count; tranche++)
        {
            TransferId deposit = CaseTransferIds.Of(current.Id, CaseStep.BuyerDeposit, tranche);
            if (context.StateOf(deposit) != TransferState.PendingPosted)
            {
                return Plan.Refused(CaseRejection.PaymentNotOnStatement, $"tranche {tranche} of the buyer's money is not on the bank statement yet");
            }

            Transfer? post = context.ResolutionOf(deposit);
            DateOnly day = post is not null && post.UserData64 <= uint.MaxValue && BankRecord.TryDate((uint)post.UserData64, out DateOnly valueDate) ? valueDate : context.Day;
            deposited = day > deposited ? day : deposited;
        }

        long held = posting.Held(CaseAccountPurpose.Buyer);
        return held != current.Conditions!.PriceFen
            ? Plan.Refused(CaseRejection.PaymentNotOnStatement, $"{Yuan(held)} of the price, {Yuan(current.Conditions.PriceFen)}, is on the bank statement")
            : new Plan(SealedSaleState.Funded) { Day = deposited };
    }

    private static Plan DeclareDefault(SealedSaleCase current, CaseContext context, CasePostings posting)
    {
        SealedSaleConditions terms = current.Conditions!;
        long paid = posting.Held(CaseAccountPurpose.Buyer);
        return context.Day <= terms.PaymentDueDate ? Plan.Refused(CaseRejection.NotInDefault, $"the buyer may pay through {terms.PaymentDueDate:yyyy-MM-dd}")
            : paid >= terms.PriceFen ? Plan.Refused(CaseRejection.NotInDefault, "the price is on the bank statement")
            : new Plan(SealedSaleState.BuyerDefault) { AmountFen = terms.PriceFen - paid };
    }

    private static Plan IssuePlan(SealedSaleCase current, SealedSaleCommand command, CasePostings posting)
    {
        DistributionPlan plan = command.Plan!;
        CaseArtefact signed = command.Artefacts![0].Artefact;
        if (plan.Problem() is string problem)
        {
            return Plan.Refused(CaseRejection.PlanInvalid, problem);
        }

        if (plan.Digests(current.Id) != new Core.Hashing.DigestPair(signed.DocumentSha256, signed.DocumentSm3) || signed.AmountFen != plan.NetProceedsFen)
        {
            return Plan.Refused(CaseRejection.PlanNotTheCourts, "the plan's digests and net proceeds are not those of the court's plan artefact (docs/formats/distribution-plan.md)");
        }

        long held = posting.Held(CaseAccountPurpose.Proceeds);
        if (plan.NetProceedsFen != held)
        {
            return Plan.Refused(CaseRejection.PlanInvalid, $"the plan distributes {Yuan(plan.NetProceedsFen)} but the case holds {Yuan(held)} of proceeds");
        }

        (PlanRejection rejection, string detail) = PlanCheck.Verify(plan.NetProceedsFen, plan.Tiers, plan.Allocations, plan.DebtorSurplusFen);
        if (rejection != PlanRejection.None)
        {
            return Plan.Refused(CaseRejection.PlanInvalid, $"{rejection}: {detail}");
        }

        // Q4: the whole plan as one linked batch of pending allocations — all of it or none (DOMAIN.md §4.4).
        return new Plan(SealedSaleState.PlanIssued)
        {
            Day = DailyBalances.DayOf(signed.IssuedAtMs),
            AmountFen = plan.NetProceedsFen,
            Accounts = [.. plan.Booked.Select(a => AllocationAccount(posting, a.ClaimNumber))],
            Transfers = CasePostings.Linked([.. plan.Booked.Select(a => Allocated(current, posting, a))]),
        };
    }

    private static Plan RemitToCourt(SealedSaleCase current, SealedSaleCommand command, CasePostings posting)
    {
        long held = posting.Held(CaseAccountPurpose.Proceeds);
        long ordered = command.Artefacts![0].Artefact.AmountFen;
        return ordered != held
            ? Plan.Refused(CaseRejection.CommandInvalid, $"the court orders {Yuan(ordered)} remitted but the case holds {Yuan(held)} of proceeds")
            : WithPayouts(new Plan(SealedSaleState.PlanFinal) { AmountFen = held }, [(posting.Pending(CaseStep.CourtRemittance, 0, 0, posting.Account(CaseAccountPurpose.Proceeds), current.EscrowBankAccount, held), command.Payee!)]);
    }

    /// <summary>The plan is final: every allocation posts and is paid out to its creditor's account (Q4 posted, Q5), all linked.</summary>
    private static Plan Finalize(SealedSaleCase current, CasePostings posting)
    {
        DistributionPlan plan = current.Plan!;
        var posts = new List<Transfer>();
        var payouts = new List<(Transfer, PayeeAccount)>();
        foreach (Allocation allocation in plan.Booked)
        {
            posts.Add(posting.Resolve(CaseStep.AllocationPost, allocation.ClaimNumber, current.PlanRevision, Allocated(current, posting, allocation), post: true));
            payouts.Add((Payout(current, posting, allocation), allocation.ClaimNumber == 0 ? current.Conditions!.DebtorPayee : plan.PayeeOf(allocation.ClaimNumber)));
        }

        return WithPayouts(new Plan(SealedSaleState.PlanFinal) { Transfers = posts }, payouts);
    }

    private static Plan Refund(SealedSaleCase current, SealedSaleCommand command, CaseContext context, CasePostings posting)
    {
        var chain = new List<Transfer>();
        for (byte tranche = 1; tranche <= current.Tranches.Count; tranche++)
        {
            Transfer expected = Deposit(current, posting, tranche, current.Tranches[tranche - 1]);
            if (context.StateOf(expected.Id) == TransferState.Pending)
            {
                chain.Add(posting.Resolve(CaseStep.DepositVoid, tranche, 0, expected, post: false));
            }
        }

        long held = current.Conditions is null ? 0 : posting.Held(CaseAccountPurpose.Buyer);
        long forfeit = ForfeitApplies(current, context) ? Math.Min(current.Conditions!.ForfeitOnDefaultFen, held) : 0;
        AccountId buyer = posting.Account(CaseAccountPurpose.Buyer), proceeds = posting.Account(CaseAccountPurpose.Proceeds);
        var payouts = new List<(Transfer, PayeeAccount)>();
        if (forfeit > 0)
        {
            // The agreement forfeits the deposit to the creditors: the court distributes it, so it goes to the court.
            chain.Add(posting.Single(CaseStep.Forfeit, 0, 0, buyer, proceeds, forfeit));
            payouts.Add((posting.Pending(CaseStep.ForfeitPayout, 0, 0, proceeds, current.EscrowBankAccount, forfeit), command.Payee!));
        }

        if (held - forfeit > 0)
        {
            payouts.Add((posting.Pending(CaseStep.Refund, 0, 0, buyer, current.EscrowBankAccount, held - forfeit), current.Conditions!.BuyerRefundPayee));
        }

        return WithPayouts(new Plan(SealedSaleState.Refunding) { AmountFen = forfeit, Transfers = chain }, payouts);
    }

    /// <summary>The payouts the case's final step instructed: the plan's, or the remittance to the court.</summary>
    private static IEnumerable<TransferId> PayoutsOf(SealedSaleCase current) =>
        current.RemittedToCourt
            ? [CaseTransferIds.Of(current.Id, CaseStep.CourtRemittance)]
            : current.Plan!.Booked.Select(a => CaseTransferIds.Of(current.Id, CaseStep.DistributionPayout, a.ClaimNumber, current.PlanRevision));

    /// <summary>Every liability account the case opened: all are 0 when it closes.</summary>
    private static IEnumerable<AccountId> AccountsOf(SealedSaleCase current, CasePostings posting) =>
        [
            posting.Account(CaseAccountPurpose.Buyer),
            posting.Account(CaseAccountPurpose.Proceeds),
            .. current.Plan?.Booked.Select(a => AllocationAccount(posting, a.ClaimNumber).Id) ?? [],
        ];

    /// <summary>The account an allocation is held in until paid: claim k's payee account, or the debtor's surplus (claim 0).</summary>
    private static Account AllocationAccount(CasePostings posting, byte claim) =>
        claim == 0 ? posting.NewAccount(CaseAccountPurpose.DebtorSurplus) : posting.NewAccount(CaseAccountPurpose.Payee, claim);

    private static Transfer Deposit(SealedSaleCase current, CasePostings posting, byte tranche, long amountFen) =>
        posting.Pending(CaseStep.BuyerDeposit, tranche, 0, current.EscrowBankAccount, posting.Account(CaseAccountPurpose.Buyer), amountFen);

    private static Transfer Allocated(SealedSaleCase current, CasePostings posting, Allocation allocation) =>
        posting.Pending(CaseStep.Allocation, allocation.ClaimNumber, current.PlanRevision, posting.Account(CaseAccountPurpose.Proceeds), AllocationAccount(posting, allocation.ClaimNumber).Id, allocation.AmountFen);

    private static Transfer Payout(SealedSaleCase current, CasePostings posting, Allocation allocation) =>
        posting.Pending(CaseStep.DistributionPayout, allocation.ClaimNumber, current.PlanRevision, AllocationAccount(posting, allocation.ClaimNumber).Id, current.EscrowBankAccount, allocation.AmountFen);

    private static DateOnly? ObjectionWindowEnd(SealedSaleCase current, CaseContext context) =>
        current.PlanReceivedDay is DateOnly received && context.ObjectionLastDay is { } lastDay ? lastDay(received) : null;

    /// <summary>Adds the payout transfers after the plan's own, each with the account the bank pays; linked, the whole batch applies or none.</summary>
    private static Plan WithPayouts(Plan plan, IReadOnlyList<(Transfer Transfer, PayeeAccount Payee)> payouts) => plan with
    {
        Transfers = CasePostings.Linked([.. plan.Transfers, .. payouts.Select(p => p.Transfer)]),
        Payouts = [.. payouts.Select(p => new Payout(p.Transfer.Id, p.Transfer.AmountFen, p.Payee))],
    };

    private static string Yuan(long fen) => YuanText.Of(fen);

    /// <summary>What an event books, before its approvals are checked.</summary>
    private sealed record Plan(SealedSaleState To)
    {
        public CaseRejection Rejection { get; init; }

        public string Detail { get; init; } = string.Empty;

        public long AmountFen { get; init; }

        public DateOnly? Day { get; init; }

        public Seizure? Seizure { get; init; }

        public IReadOnlyList<Account> Accounts { get; init; } = [];

        public IReadOnlyList<Transfer> Transfers { get; init; } = [];

        public IReadOnlyList<Payout> Payouts { get; init; } = [];

        public static Plan Refused(CaseRejection rejection, string detail) => new(SealedSaleState.Seized) { Rejection = rejection, Detail = detail };
    }
}
