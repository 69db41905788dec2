using EvidenceChain.Cases.Accounts;
using EvidenceChain.Cases.Approvals;
using EvidenceChain.Cases.Evidence;
using EvidenceChain.Ledger.Banking;
using EvidenceChain.Ledger.Escrow;

namespace EvidenceChain.Cases.Mortgage;

/// <summary>Each event's own rules and postings (DOMAIN.md §3.4, §3.5; docs/cases.md §States and events).</summary>
public static partial class MortgageRules
{
    /// <summary>Why the command's fields do not fit its event, or null.</summary>
    private static string? CommandProblem(MortgageCase current, MortgageCommand command)
    {
        bool usesLeg = command.Event is MortgageEvent.ExpectDeposit or MortgageEvent.ReservePayoff or MortgageEvent.SendPayoff or MortgageEvent.ConfirmPayoff
            or MortgageEvent.ReturnPayoff or MortgageEvent.Freeze or MortgageEvent.Unfreeze or MortgageEvent.Deduct or MortgageEvent.RecordNotice
            || command.PayeeTarget == PayeeTarget.PayoffLeg;
        bool usesPayee = command.Event is MortgageEvent.Deduct or MortgageEvent.RemitToTreasury or MortgageEvent.AmendPayee;
        if (!usesLeg && command.Leg != 0)
        {
            return $"{command.Event} names no leg, tranche or order";
        }

        if ((command.Event == MortgageEvent.ExpectDeposit) != (command.AmountFen != 0))
        {
            return command.Event == MortgageEvent.ExpectDeposit ? "a tranche has an amount" : $"{command.Event} takes no amount";
        }

        if ((command.Event == MortgageEvent.NotarizeAgreement) != (command.Conditions is not null))
        {
            return command.Event == MortgageEvent.NotarizeAgreement ? "the agreement's condition set is needed" : $"{command.Event} takes no condition set";
        }

        if (usesPayee != (command.Payee is not null) || (command.Event == MortgageEvent.AmendPayee) != (command.PayeeTarget is not null))
        {
            return usesPayee ? $"{command.Event} needs the payee account" + (command.Event == MortgageEvent.AmendPayee ? " and which payee it replaces" : string.Empty) : $"{command.Event} takes no payee";
        }

        if (command.Payee?.Problem() is string payee)
        {
            return "the payee: " + payee;
        }

        return command.Event switch
        {
            MortgageEvent.ExpectDeposit when command.AmountFen < 0 => "a tranche's amount is more than 0 fen",
            MortgageEvent.ExpectDeposit when command.Leg != current.Tranches.Count + 1 => $"the next tranche is number {current.Tranches.Count + 1}, not {command.Leg}",
            MortgageEvent.ReservePayoff or MortgageEvent.SendPayoff or MortgageEvent.ConfirmPayoff or MortgageEvent.ReturnPayoff when !current.Legs.Any(l => l.Leg == command.Leg) =>
                $"the case has payoff legs 1 to {current.Legs.Count}, not {command.Leg}",
            MortgageEvent.AmendPayee when command.PayeeTarget == PayeeTarget.PayoffLeg && !current.Legs.Any(l => l.Leg == command.Leg) => $"the case has payoff legs 1 to {current.Legs.Count}, not {command.Leg}",
            MortgageEvent.RecordNotice when command.Leg is not (ArtefactSubjects.NoticeDelivered or ArtefactSubjects.PublicNoticePublished) => "a notice is delivered (leg 1) or published publicly (leg 2)",
            MortgageEvent.Freeze when command.Leg != current.Freezes.Count + 1 => $"the next court order is number {current.Freezes.Count + 1}, not {command.Leg}",
            MortgageEvent.Unfreeze or MortgageEvent.Deduct when !current.Freezes.Any(f => f.Order == command.Leg && f.IsActive) => $"court order {command.Leg} holds nothing",
            _ => null,
        };
    }

    private static Plan PlanOf(MortgageCase current, MortgageCommand command, CaseContext context)
    {
        var posting = new Postings(current, context);
        ConditionSet? conditions = current.Conditions;
        return command.Event switch
        {
            MortgageEvent.Accept => new Plan(MortgageState.Accepted),
            MortgageEvent.NotarizeAgreement => new Plan(MortgageState.AgreementNotarized) { Conditions = command.Conditions, Accounts = posting.CaseAccountsFor(command.Conditions!) },
            MortgageEvent.ExpectDeposit => ExpectDeposit(current, command, posting),
            MortgageEvent.ConfirmFunding => ConfirmFunding(current, context),
            MortgageEvent.LockTitle => new Plan(MortgageState.TitleLocked),
            MortgageEvent.ReservePayoff => ReservePayoff(current, command, posting),
            MortgageEvent.SendPayoff => SendPayoff(current, command, posting),
            MortgageEvent.ConfirmPayoff => ConfirmPayoff(current, command, context),
            MortgageEvent.ReturnPayoff => ReturnPayoff(current, command, context, posting),
            MortgageEvent.ReleaseMortgage => new Plan(MortgageState.MortgageReleased),
            MortgageEvent.ExpectLoan => conditions!.LoanRoute != LoanRoute.IntoEscrow || current.LoanExpected
                ? Plan.Refused(CaseRejection.CommandInvalid, current.LoanExpected ? "the loan is already expected" : "the agreement does not pay the loan into escrow")
                : new Plan(current.State) { Transfers = [posting.Pending(CaseStep.LoanDeposit, 0, 0, current.EscrowBankAccount, posting.Account(CaseAccountPurpose.Buyer), conditions.LoanFen)] },
            MortgageEvent.ConfirmTransfer => new Plan(MortgageState.Transferred),
            MortgageEvent.Settle => Settle(current, context, posting),
            MortgageEvent.Close => Close(current, posting),
            MortgageEvent.Dispute => new Plan(MortgageState.Disputed),
            MortgageEvent.ResolveDispute => new Plan(current.Resume!.Value),
            MortgageEvent.Freeze => Freeze(current, command, posting),
            MortgageEvent.Unfreeze or MortgageEvent.Deduct => EndFreeze(current, command, context, posting),
            MortgageEvent.Cancel => Cancel(current, context, posting),
            MortgageEvent.Refund or MortgageEvent.Unwind => Refund(current, command, context, posting),
            MortgageEvent.Lapse => Lapse(current, context, posting),
            MortgageEvent.RemitToTreasury => posting.Held(CaseAccountPurpose.TreasuryPayable) is long lapsed and > 0
                ? Postings.WithPayouts(new Plan(MortgageState.RemittedToTreasury), [(posting.Pending(CaseStep.TreasuryPayout, 0, 0, posting.Account(CaseAccountPurpose.TreasuryPayable), current.EscrowBankAccount, lapsed), command.Payee!)])
                : Plan.Refused(CaseRejection.InsufficientFunds, "nothing is payable to the treasury"),
            MortgageEvent.AmendPayee => AmendPayee(current, command),
            MortgageEvent.RecordCertificate or MortgageEvent.RecordNotice => new Plan(current.State),
            _ => Plan.Refused(CaseRejection.CommandInvalid, $"event {(byte)command.Event} is not defined"),
        };
    }

    private static Plan ExpectDeposit(MortgageCase current, MortgageCommand command, Postings posting)
    {
        ConditionSet conditions = current.Conditions!;
        long ownFunds = conditions.PriceFen - (conditions.LoanRoute == LoanRoute.None ? 0 : conditions.LoanFen);
        long expected = current.Tranches.Sum() + command.AmountFen;
        return expected > ownFunds
            ? Plan.Refused(CaseRejection.CommandInvalid, $"the tranches would come to {expected} fen, more than the buyer's own funds under the agreement, {ownFunds} fen")
            : new Plan(current.State) { AmountFen = command.AmountFen, Transfers = [posting.Pending(CaseStep.BuyerDeposit, command.Leg, 0, current.EscrowBankAccount, posting.Account(CaseAccountPurpose.Buyer), command.AmountFen)] };
    }

    private static Plan ConfirmFunding(MortgageCase current, CaseContext context)
    {
        for (byte tranche = 1; tranche <= current.Tranches.Count; tranche++)
        {
            TransferId deposit = CaseTransferIds.Of(current.Id, CaseStep.BuyerDeposit, tranche);
            if (context.StateOf(deposit) == TransferState.PendingPosted)
            {
                // The deposit date is the statement's value date (提存公证规则 art. 16), not the day we noticed.
                Transfer? post = context.ResolutionOf(deposit);
                DateOnly depositDate = post is not null && post.UserData64 <= uint.MaxValue && BankRecord.TryDate((uint)post.UserData64, out DateOnly valueDate) ? valueDate : context.Day;
                return new Plan(MortgageState.Funded) { DepositDate = depositDate };
            }
        }

        return Plan.Refused(CaseRejection.PaymentNotOnStatement, "no tranche of the buyer's money is on the bank statement yet");
    }

    private static Plan ReservePayoff(MortgageCase current, MortgageCommand command, Postings posting)
    {
        if (current.State == MortgageState.Funded && current.Conditions!.TitleLockRequired)
        {
            return Plan.Refused(CaseRejection.TitleNotLocked, "the agreement requires the title locked (the registry's pre-notice) before any payoff");
        }

        LegStanding leg = current.Legs.First(l => l.Leg == command.Leg);
        if (leg.State is LegState.Sent or LegState.Confirmed)
        {
            return Plan.Refused(CaseRejection.CommandInvalid, $"payoff leg {leg.Leg} is already {leg.State}");
        }

        long quote = command.Artefacts![0].Artefact.AmountFen;
        if (quote <= 0)
        {
            return Plan.Refused(CaseRejection.CommandInvalid, "the payoff quote states no amount");
        }

        long more = quote - leg.ReservedFen;
        AccountId buyer = posting.Account(CaseAccountPurpose.Buyer), payoff = posting.Account(CaseAccountPurpose.Payoff, leg.Leg);
        if (more > posting.Held(CaseAccountPurpose.Buyer))
        {
            return Plan.Refused(CaseRejection.InsufficientFunds, $"the buyer's money in escrow, {posting.Held(CaseAccountPurpose.Buyer)} fen, does not cover the {more} fen to earmark");
        }

        Transfer[] transfers = leg.State == LegState.Open
            ? [posting.Single(CaseStep.PayoffReservation, leg.Leg, 0, buyer, payoff, quote)]
            : more > 0 ? [posting.Single(CaseStep.PayoffAdjustment, leg.Leg, (ushort)(leg.Adjustments + 1), buyer, payoff, more)]
            : more < 0 ? [posting.Single(CaseStep.PayoffAdjustment, leg.Leg, (ushort)(leg.Adjustments + 1), payoff, buyer, -more)]
            : [];
        IReadOnlyList<LegStanding> legs = WithLeg(current.Legs, leg.Leg, l => l with { State = LegState.Reserved });
        return new Plan(PayoffState(legs)) { AmountFen = quote, Transfers = transfers };
    }

    private static Plan SendPayoff(MortgageCase current, MortgageCommand command, Postings posting)
    {
        LegStanding leg = current.Legs.First(l => l.Leg == command.Leg);
        if (leg.State != LegState.Reserved)
        {
            return Plan.Refused(CaseRejection.CommandInvalid, $"payoff leg {leg.Leg} is {leg.State}, not reserved");
        }

        if (command.Artefacts![0].Artefact.AmountFen != leg.ReservedFen)
        {
            return Plan.Refused(CaseRejection.CommandInvalid, $"the quote states {command.Artefacts[0].Artefact.AmountFen} fen but {leg.ReservedFen} fen are earmarked: reserve on the new quote first");
        }

        PayoffLeg terms = current.Conditions!.PayoffLegs.First(l => l.Leg == leg.Leg);
        Transfer payment = posting.Pending(CaseStep.PayoffPayment, leg.Leg, leg.Attempt, posting.Account(CaseAccountPurpose.Payoff, leg.Leg), current.EscrowBankAccount, leg.ReservedFen);
        return Postings.WithPayouts(new Plan(PayoffState(WithLeg(current.Legs, leg.Leg, l => l with { State = LegState.Sent }))), [(payment, terms.Payee)]);
    }

    private static Plan ConfirmPayoff(MortgageCase current, MortgageCommand command, CaseContext context)
    {
        LegStanding leg = current.Legs.First(l => l.Leg == command.Leg);
        if (leg.State != LegState.Sent)
        {
            return Plan.Refused(CaseRejection.CommandInvalid, $"payoff leg {leg.Leg} is {leg.State}, not sent");
        }

        // An unknown outcome stays pending: only the statement resolves it (DOMAIN.md §3.5).
        return context.StateOf(CaseTransferIds.Of(current.Id, CaseStep.PayoffPayment, leg.Leg, leg.Attempt)) != TransferState.PendingPosted
            ? Plan.Refused(CaseRejection.PaymentNotOnStatement, $"payoff leg {leg.Leg}'s payment is not on the bank statement yet")
            : new Plan(PayoffState(WithLeg(current.Legs, leg.Leg, l => l with { State = LegState.Confirmed })));
    }

    private static Plan ReturnPayoff(MortgageCase current, MortgageCommand command, CaseContext context, Postings posting)
    {
        LegStanding leg = current.Legs.First(l => l.Leg == command.Leg);
        TransferId payment = CaseTransferIds.Of(current.Id, CaseStep.PayoffPayment, leg.Leg, leg.Attempt);
        if (leg.State != LegState.Sent || context.StateOf(payment) != TransferState.Pending)
        {
            return Plan.Refused(CaseRejection.CommandInvalid, $"payoff leg {leg.Leg} has no payment pending (it is {leg.State}; a payment on the statement cannot be returned)");
        }

        Transfer voided = posting.Resolve(CaseStep.PayoffVoid, leg.Leg, leg.Attempt, posting.Pending(CaseStep.PayoffPayment, leg.Leg, leg.Attempt, posting.Account(CaseAccountPurpose.Payoff, leg.Leg), current.EscrowBankAccount, leg.ReservedFen), post: false);
        return new Plan(PayoffState(WithLeg(current.Legs, leg.Leg, l => l with { State = LegState.Reserved }))) { Transfers = [voided] };
    }

    private static Plan Settle(MortgageCase current, CaseContext context, Postings posting)
    {
        if (current.Freezes.Any(f => f.IsActive))
        {
            return Plan.Refused(CaseRejection.FreezeActive, "a court freeze is still active");
        }

        ConditionSet conditions = current.Conditions!;
        if (conditions.LoanRoute == LoanRoute.IntoEscrow && (!current.LoanExpected || context.StateOf(CaseTransferIds.Of(current.Id, CaseStep.LoanDeposit)) != TransferState.PendingPosted))
        {
            return Plan.Refused(CaseRejection.PaymentNotOnStatement, "the buyer's loan into escrow is not on the bank statement yet");
        }

        if (context.BalanceOf(posting.Account(CaseAccountPurpose.Buyer)) is { CreditsPending: > 0 })
        {
            return Plan.Refused(CaseRejection.PaymentNotOnStatement, "a tranche of the buyer's money is still expected");
        }

        long entitled = posting.Held(CaseAccountPurpose.Buyer);
        long fee = conditions.FeeFen;
        if (entitled < fee)
        {
            return Plan.Refused(CaseRejection.InsufficientFunds, $"the {entitled} fen left does not cover the {fee} fen fee");
        }

        AccountId buyer = posting.Account(CaseAccountPurpose.Buyer), seller = posting.Account(CaseAccountPurpose.Seller), fees = posting.Account(CaseAccountPurpose.Fees);
        AccountId payer = conditions.FeePayer == FeePayer.Seller ? seller : buyer;
        long sellerGets = entitled - fee;
        Transfer entitlement = posting.Single(CaseStep.Entitlement, 0, 0, buyer, seller, conditions.FeePayer == FeePayer.Seller ? entitled : sellerGets);
        Transfer? feeCharge = fee > 0 ? posting.Single(CaseStep.Fee, 0, 0, payer, fees, fee) : null;
        var chain = new List<Transfer>();
        var payouts = new List<(Transfer, PayeeAccount)>();
        if (conditions.FeePayer == FeePayer.Buyer && feeCharge is not null)
        {
            chain.Add(feeCharge);
        }

        if (entitlement.AmountFen > 0)
        {
            chain.Add(entitlement);
        }

        if (conditions.FeePayer == FeePayer.Seller && feeCharge is not null)
        {
            chain.Add(feeCharge);
        }

        if (sellerGets > 0)
        {
            payouts.Add((posting.Pending(CaseStep.SellerPayout, 0, 0, seller, current.EscrowBankAccount, sellerGets), conditions.SellerPayee));
        }

        if (fee > 0)
        {
            payouts.Add((posting.Pending(CaseStep.FeePayout, 0, 0, fees, current.EscrowBankAccount, fee), conditions.FeePayee));
        }

        // P6–P9 apply all or none (DOMAIN.md §6.2 invariant 9).
        return Postings.WithPayouts(new Plan(MortgageState.Settling) { Transfers = chain }, payouts, linked: true);
    }

    private static Plan Close(MortgageCase current, Postings posting)
    {
        foreach (AccountId account in posting.LiabilityAccounts())
        {
            if (current.Conditions is not null && posting.BalanceOf(account) is AccountBalance balance
                && (balance.CreditsPosted != balance.DebitsPosted || balance.CreditsPending != 0 || balance.DebitsPending != 0))
            {
                return Plan.Refused(CaseRejection.CaseNotSettled, $"case account {account.Value:x32} is not settled: {balance}");
            }
        }

        return new Plan(MortgageState.Closed);
    }

    private static Plan Freeze(MortgageCase current, MortgageCommand command, Postings posting)
    {
        // A freeze holds the seller's entitlement (DOMAIN.md §3.5): in the buyer's account until settlement moves it.
        long amount = command.Artefacts![0].Artefact.AmountFen;
        CaseAccountPurpose source = current.State is MortgageState.Settling || current.Resume is MortgageState.Settling ? CaseAccountPurpose.Seller : CaseAccountPurpose.Buyer;
        if (amount <= 0)
        {
            return Plan.Refused(CaseRejection.CommandInvalid, "the court's freeze states no amount");
        }

        if (amount > posting.Held(source))
        {
            return Plan.Refused(CaseRejection.InsufficientFunds, $"the court froze {amount} fen but the {source} account holds {posting.Held(source)} fen free");
        }

        AccountId hold = posting.Account(CaseAccountPurpose.Hold, command.Leg);
        return new Plan(MortgageState.FrozenByCourt)
        {
            AmountFen = amount,
            FreezeSource = posting.Account(source),
            Accounts = [posting.NewAccount(CaseAccountPurpose.Hold, command.Leg)],
            Transfers = [posting.Pending(CaseStep.Freeze, command.Leg, 0, posting.Account(source), hold, amount)],
        };
    }

    private static Plan EndFreeze(MortgageCase current, MortgageCommand command, CaseContext context, Postings posting)
    {
        FreezeOrder order = current.Freezes.First(f => f.Order == command.Leg && f.IsActive);
        AccountId hold = posting.Account(CaseAccountPurpose.Hold, order.Order);
        Transfer held = posting.Pending(CaseStep.Freeze, order.Order, 0, order.Source, hold, order.AmountFen);
        MortgageState after = current.Freezes.Any(f => f.IsActive && f.Order != order.Order) ? MortgageState.FrozenByCourt : current.Resume!.Value;
        if (context.StateOf(held.Id) != TransferState.Pending)
        {
            return Plan.Refused(CaseRejection.CommandInvalid, $"court order {order.Order}'s hold is not pending");
        }

        if (command.Event == MortgageEvent.Unfreeze)
        {
            return new Plan(after) { Transfers = [posting.Resolve(CaseStep.Unfreeze, order.Order, 0, held, post: false)] };
        }

        Transfer deducted = posting.Resolve(CaseStep.Deduction, order.Order, 0, held, post: true);
        Transfer payout = posting.Pending(CaseStep.DeductionPayout, order.Order, 0, hold, current.EscrowBankAccount, order.AmountFen);
        return Postings.WithPayouts(new Plan(after) { Transfers = [deducted] }, [(payout, command.Payee!)], linked: true);
    }

    private static Plan Cancel(MortgageCase current, CaseContext context, Postings posting)
    {
        var voids = new List<Transfer>();
        for (byte tranche = 1; tranche <= current.Tranches.Count; tranche++)
        {
            Transfer expected = posting.Pending(CaseStep.BuyerDeposit, tranche, 0, current.EscrowBankAccount, posting.Account(CaseAccountPurpose.Buyer), current.Tranches[tranche - 1]);
            switch (context.StateOf(expected.Id))
            {
                case TransferState.PendingPosted:
                    return Plan.Refused(CaseRejection.CommandInvalid, $"tranche {tranche} came in: refund it (with a joint instruction, a court order or a waiver) instead of cancelling");
                case TransferState.Pending:
                    voids.Add(posting.Resolve(CaseStep.DepositVoid, tranche, 0, expected, post: false));
                    break;
            }
        }

        return new Plan(MortgageState.Cancelled) { Transfers = Postings.Linked(voids) };
    }

    private static Plan Refund(MortgageCase current, MortgageCommand command, CaseContext context, Postings posting)
    {
        if (current.Freezes.Any(f => f.IsActive))
        {
            return Plan.Refused(CaseRejection.FreezeActive, "a court freeze is still active");
        }

        if (command.Event == MortgageEvent.Refund && current.Legs.Any(l => l.State is LegState.Sent or LegState.Confirmed))
        {
            return Plan.Refused(CaseRejection.CommandInvalid, "a payoff has been sent: the case unwinds instead");
        }

        if (current.Legs.Any(l => l.State == LegState.Sent))
        {
            return Plan.Refused(CaseRejection.CommandInvalid, "a payoff payment is still pending: confirm or return it first");
        }

        AccountId buyer = posting.Account(CaseAccountPurpose.Buyer);
        var chain = new List<Transfer>();
        long refund = posting.Held(CaseAccountPurpose.Buyer);
        foreach (LegStanding leg in current.Legs.Where(l => l.State == LegState.Reserved && l.ReservedFen > 0))
        {
            chain.Add(posting.Single(CaseStep.PayoffRelease, leg.Leg, 0, posting.Account(CaseAccountPurpose.Payoff, leg.Leg), buyer, leg.ReservedFen));
            refund += leg.ReservedFen;
        }

        for (byte tranche = 1; tranche <= current.Tranches.Count; tranche++)
        {
            Transfer expected = posting.Pending(CaseStep.BuyerDeposit, tranche, 0, current.EscrowBankAccount, buyer, current.Tranches[tranche - 1]);
            if (context.StateOf(expected.Id) == TransferState.Pending)
            {
                chain.Add(posting.Resolve(CaseStep.DepositVoid, tranche, 0, expected, post: false));
            }
        }

        MortgageState to = command.Event == MortgageEvent.Refund ? MortgageState.Refunding : MortgageState.UnwindingAfterPayoff;
        long paidOff = current.Legs.Where(l => l.State == LegState.Confirmed).Sum(l => l.ReservedFen);
        if (command.Event == MortgageEvent.Unwind && paidOff > 0)
        {
            // The buyer's money cleared the seller's loan: the buyer's claim on the seller, off the escrow balance.
            chain.Add(posting.Single(CaseStep.BuyerClaim, 0, 0, posting.Account(CaseAccountPurpose.SellerDebt), posting.Account(CaseAccountPurpose.BuyerClaim), paidOff));
        }

        IReadOnlyList<(Transfer, PayeeAccount)> payouts = refund > 0
            ? [(posting.Pending(CaseStep.Refund, 0, 0, buyer, current.EscrowBankAccount, refund), current.Conditions!.BuyerRefundPayee)]
            : [];
        return Postings.WithPayouts(new Plan(to) { AmountFen = paidOff, Transfers = chain }, payouts, linked: true);
    }

    private static Plan Lapse(MortgageCase current, CaseContext context, Postings posting)
    {
        if (current.DepositDate is not DateOnly deposited)
        {
            return Plan.Refused(CaseRejection.LapseNotDue, "the case has no deposit date");
        }

        if (context.LapseDay(deposited) is not DateOnly lapses || context.Day < lapses)
        {
            return Plan.Refused(CaseRejection.LapseNotDue, context.LapseDay(deposited) is DateOnly day
                ? $"the deposit of {deposited:yyyy-MM-dd} lapses on {day:yyyy-MM-dd}"
                : $"the working-day calendar does not yet reach the end of the 5 years from {deposited:yyyy-MM-dd}");
        }

        AccountId seller = posting.Account(CaseAccountPurpose.Seller);
        Transfer payout = posting.Pending(CaseStep.SellerPayout, 0, 0, seller, current.EscrowBankAccount, posting.BalanceOf(seller) is { DebitsPending: long pending } ? pending : 0);
        var chain = new List<Transfer>();
        long lapsed = posting.Held(CaseAccountPurpose.Seller);
        switch (context.StateOf(payout.Id))
        {
            case TransferState.PendingPosted:
                return Plan.Refused(CaseRejection.CommandInvalid, "the seller's payout is on the statement: nothing lapsed");
            case TransferState.Pending:
                chain.Add(posting.Resolve(CaseStep.PayoutVoid, 0, 0, payout, post: false));
                lapsed += payout.AmountFen;
                break;
        }

        if (lapsed <= 0)
        {
            return Plan.Refused(CaseRejection.InsufficientFunds, "the seller's account holds nothing to lapse");
        }

        chain.Add(posting.Single(CaseStep.Lapse, 0, 0, seller, posting.Account(CaseAccountPurpose.TreasuryPayable), lapsed));
        return new Plan(MortgageState.Unclaimed) { AmountFen = lapsed, Transfers = Postings.Linked(chain) };
    }

    private static Plan AmendPayee(MortgageCase current, MortgageCommand command)
    {
        ConditionSet conditions = current.Conditions!;
        PayeeAccount payee = command.Payee!;
        if (command.PayeeTarget == PayeeTarget.PayoffLeg && current.Legs.First(l => l.Leg == command.Leg).State is LegState.Sent or LegState.Confirmed)
        {
            return Plan.Refused(CaseRejection.CommandInvalid, $"payoff leg {command.Leg} is already paid or being paid");
        }

        ConditionSet amended = command.PayeeTarget switch
        {
            PayeeTarget.Seller => conditions with { SellerPayee = payee },
            PayeeTarget.BuyerRefund => conditions with { BuyerRefundPayee = payee },
            PayeeTarget.Fee => conditions with { FeePayee = payee },
            _ => conditions with { PayoffLegs = [.. conditions.PayoffLegs.Select(l => l.Leg == command.Leg ? l with { Payee = payee } : l)] },
        };

        // An amendment is approved as a payout is: one entry, transfer id 0 and amount 0, naming the new account.
        return new Plan(current.State) { Conditions = amended, Payouts = [new Payout(default, 0, payee)] };
    }

    /// <summary>The case's state from its legs: sent while any payment is out, confirmed when all are, else reserved.</summary>
    private static MortgageState PayoffState(IReadOnlyList<LegStanding> legs) =>
        legs.Any(l => l.State == LegState.Sent) ? MortgageState.PayoffSent
        : legs.All(l => l.State == LegState.Confirmed) ? MortgageState.PayoffConfirmed
        : MortgageState.PayoffReserved;

    /// <summary>What an event books, before its approvals are checked.</summary>
    private sealed record Plan(MortgageState To)
    {
        public CaseRejection Rejection { get; init; }

        public string Detail { get; init; } = string.Empty;

        public long AmountFen { get; init; }

        public DateOnly? DepositDate { get; init; }

        public AccountId? FreezeSource { get; init; }

        public ConditionSet? Conditions { get; init; }

        public IReadOnlyList<Account> Accounts { get; init; } = [];

        public IReadOnlyList<Transfer> Transfers { get; init; } = [];

        public IReadOnlyList<Payout> Payouts { get; init; } = [];

        public static Plan Refused(CaseRejection rejection, string detail) => new(MortgageState.Draft) { Rejection = rejection, Detail = detail };
    }
}
