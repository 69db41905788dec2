namespace EvidenceChain.Ledger.Escrow;

public sealed partial class EscrowLedger
{
    private const TransferFlags KindFlags =
        TransferFlags.Pending | TransferFlags.PostPending | TransferFlags.VoidPending | TransferFlags.Reversal;

    private const TransferFlags KnownFlags = TransferFlags.Linked | KindFlags;

    /// <summary>
    /// Checks one transfer event against docs/ledger.md's rules in their order and applies it if none
    /// is broken. Every check comes before the first change, so a refused event changes nothing.
    /// </summary>
    private CreateTransferResult CreateTransfer(Transfer transfer)
    {
        CreateTransferResult result = CheckFields(transfer);
        if (result != CreateTransferResult.Ok)
        {
            return result;
        }

        if (_transfers.TryGetValue(transfer.Id, out TransferEntry? existing))
        {
            // Fixed outcome: the first use of the id decides, for good.
            if (existing.Transfer != transfer)
            {
                return CreateTransferResult.ExistsWithDifferentFields;
            }

            return existing.Result == CreateTransferResult.Ok ? CreateTransferResult.Exists : existing.Result;
        }

        if (!_accounts.TryGetValue(transfer.DebitAccountId, out AccountEntry? debit))
        {
            return CreateTransferResult.DebitAccountNotFound;
        }

        if (!_accounts.TryGetValue(transfer.CreditAccountId, out AccountEntry? credit))
        {
            return CreateTransferResult.CreditAccountNotFound;
        }

        if (debit.Account.Ledger != credit.Account.Ledger)
        {
            return CreateTransferResult.AccountsMustHaveTheSameLedger;
        }

        if (transfer.Ledger != debit.Account.Ledger)
        {
            return CreateTransferResult.TransferMustHaveTheSameLedgerAsAccounts;
        }

        if ((debit.Account.Kind == AccountKind.Memo) != (credit.Account.Kind == AccountKind.Memo))
        {
            return CreateTransferResult.MemoAndEscrowAccountsMustNotMix;
        }

        return (transfer.Flags & KindFlags) switch
        {
            TransferFlags.PostPending or TransferFlags.VoidPending => ResolvePendingTransfer(transfer, debit, credit),
            TransferFlags.Reversal => ReverseTransfer(transfer, debit, credit),
            _ => MoveMoney(transfer, debit, credit),
        };
    }

    /// <summary>Rules 3 to 16: those that need nothing but the event itself.</summary>
    private static CreateTransferResult CheckFields(Transfer transfer)
    {
        if (transfer.Id.Value == UInt128.Zero)
        {
            return CreateTransferResult.IdMustNotBeZero;
        }

        if (transfer.Id.Value == UInt128.MaxValue)
        {
            return CreateTransferResult.IdMustNotBeIntMax;
        }

        TransferFlags kind = transfer.Flags & KindFlags;
        if ((transfer.Flags & ~KnownFlags) != 0 || ushort.PopCount((ushort)kind) > 1)
        {
            return CreateTransferResult.FlagsAreMutuallyExclusive;
        }

        if (transfer.DebitAccountId.Value == UInt128.Zero)
        {
            return CreateTransferResult.DebitAccountIdMustNotBeZero;
        }

        if (transfer.CreditAccountId.Value == UInt128.Zero)
        {
            return CreateTransferResult.CreditAccountIdMustNotBeZero;
        }

        if (transfer.DebitAccountId == transfer.CreditAccountId)
        {
            return CreateTransferResult.AccountsMustBeDifferent;
        }

        bool resolves = kind is TransferFlags.PostPending or TransferFlags.VoidPending;
        if (!resolves && transfer.PendingId.Value != UInt128.Zero)
        {
            return CreateTransferResult.PendingIdMustBeZero;
        }

        if (resolves && transfer.PendingId.Value == UInt128.Zero)
        {
            return CreateTransferResult.PendingIdMustNotBeZero;
        }

        if (resolves && transfer.PendingId == transfer.Id)
        {
            return CreateTransferResult.PendingIdMustBeDifferent;
        }

        bool reverses = kind == TransferFlags.Reversal;
        if (!reverses && transfer.ReversedId.Value != UInt128.Zero)
        {
            return CreateTransferResult.ReversedIdMustBeZero;
        }

        if (reverses && transfer.ReversedId.Value == UInt128.Zero)
        {
            return CreateTransferResult.ReversedIdMustNotBeZero;
        }

        // A void may name 0 ("the pending amount"); every other kind moves at least 1 fen.
        if (kind == TransferFlags.VoidPending ? transfer.AmountFen < 0 : transfer.AmountFen <= 0)
        {
            return CreateTransferResult.AmountMustBePositive;
        }

        if (transfer.Ledger == 0)
        {
            return CreateTransferResult.LedgerMustNotBeZero;
        }

        if (transfer.Code == 0)
        {
            return CreateTransferResult.CodeMustNotBeZero;
        }

        return CreateTransferResult.Ok;
    }

    /// <summary>A single-phase or a pending transfer: rules 38 to 40, then posts or reserves the amount.</summary>
    private CreateTransferResult MoveMoney(Transfer transfer, AccountEntry debit, AccountEntry credit)
    {
        bool pending = (transfer.Flags & TransferFlags.Pending) != 0;
        var change = BalanceChange.Of(debit, credit);
        if (pending)
        {
            change.DebitsPending += transfer.AmountFen;
            change.CreditsPending += transfer.AmountFen;
        }
        else
        {
            change.DebitsPosted += transfer.AmountFen;
            change.CreditsPosted += transfer.AmountFen;
        }

        CreateTransferResult result = CheckLimits(change, debit, credit);
        if (result != CreateTransferResult.Ok)
        {
            return result;
        }

        Apply(change, debit, credit);
        AddSucceededTransfer(transfer, pending ? TransferState.Pending : TransferState.Posted);
        return CreateTransferResult.Ok;
    }

    /// <summary>A post or a void: rules 24 to 33 against the pending transfer, then resolves it.</summary>
    private CreateTransferResult ResolvePendingTransfer(Transfer transfer, AccountEntry debit, AccountEntry credit)
    {
        TransferEntry? pending = FindSucceeded(transfer.PendingId);
        if (pending is null)
        {
            return CreateTransferResult.PendingTransferNotFound;
        }

        Transfer pendingTransfer = pending.Transfer;
        if ((pendingTransfer.Flags & TransferFlags.Pending) == 0)
        {
            return CreateTransferResult.PendingTransferNotPending;
        }

        if (transfer.DebitAccountId != pendingTransfer.DebitAccountId)
        {
            return CreateTransferResult.PendingTransferHasDifferentDebitAccountId;
        }

        if (transfer.CreditAccountId != pendingTransfer.CreditAccountId)
        {
            return CreateTransferResult.PendingTransferHasDifferentCreditAccountId;
        }

        if (transfer.Ledger != pendingTransfer.Ledger)
        {
            return CreateTransferResult.PendingTransferHasDifferentLedger;
        }

        if (transfer.Code != pendingTransfer.Code)
        {
            return CreateTransferResult.PendingTransferHasDifferentCode;
        }

        bool post = (transfer.Flags & TransferFlags.PostPending) != 0;
        if (post && transfer.AmountFen > pendingTransfer.AmountFen)
        {
            return CreateTransferResult.ExceedsPendingTransferAmount;
        }

        if (!post && transfer.AmountFen != 0 && transfer.AmountFen != pendingTransfer.AmountFen)
        {
            return CreateTransferResult.PendingTransferHasDifferentAmount;
        }

        if (pending.State == TransferState.PendingPosted)
        {
            return CreateTransferResult.PendingTransferAlreadyPosted;
        }

        if (pending.State == TransferState.PendingVoided)
        {
            return CreateTransferResult.PendingTransferAlreadyVoided;
        }

        // The whole pending amount is released; a post then posts its own amount (a partial post
        // releases the rest). Neither can break a balance rule (docs/ledger.md), so only overflow is
        // checked, and it cannot happen either while the invariants hold: pending plus posted only shrinks.
        var change = BalanceChange.Of(debit, credit);
        change.DebitsPending -= pendingTransfer.AmountFen;
        change.CreditsPending -= pendingTransfer.AmountFen;
        if (post)
        {
            change.DebitsPosted += transfer.AmountFen;
            change.CreditsPosted += transfer.AmountFen;
        }

        if (change.Overflows())
        {
            return CreateTransferResult.Overflows;
        }

        Apply(change, debit, credit);
        ResolvePending(pending, post ? TransferState.PendingPosted : TransferState.PendingVoided);
        AddSucceededTransfer(transfer, TransferState.Posted);
        return CreateTransferResult.Ok;
    }

    /// <summary>A reversal: rules 34 to 40, then posts the amount back.</summary>
    private CreateTransferResult ReverseTransfer(Transfer transfer, AccountEntry debit, AccountEntry credit)
    {
        TransferEntry? reversed = FindSucceeded(transfer.ReversedId);
        if (reversed is null)
        {
            return CreateTransferResult.ReversedTransferNotFound;
        }

        // Only what was posted by itself can be reversed: a single-phase transfer or a post. A pending
        // transfer is voided instead; a void moved nothing; a reversal is not reversed again.
        TransferFlags reversedKind = reversed.Transfer.Flags & KindFlags;
        if (reversedKind is not (TransferFlags.None or TransferFlags.PostPending))
        {
            return CreateTransferResult.ReversedTransferNotReversible;
        }

        if (transfer.DebitAccountId != reversed.Transfer.CreditAccountId || transfer.CreditAccountId != reversed.Transfer.DebitAccountId)
        {
            return CreateTransferResult.ReversalMustSwapAccounts;
        }

        // A post's AmountFen is what it posted, as a single-phase transfer's.
        if (transfer.AmountFen > reversed.Transfer.AmountFen - reversed.ReversedAmountFen)
        {
            return CreateTransferResult.ExceedsReversibleAmount;
        }

        var change = BalanceChange.Of(debit, credit);
        change.DebitsPosted += transfer.AmountFen;
        change.CreditsPosted += transfer.AmountFen;
        CreateTransferResult result = CheckLimits(change, debit, credit);
        if (result != CreateTransferResult.Ok)
        {
            return result;
        }

        Apply(change, debit, credit);
        AddReversedAmount(reversed, transfer.AmountFen);
        AddSucceededTransfer(transfer, TransferState.Posted);
        return CreateTransferResult.Ok;
    }

    /// <summary>Rules 38 to 40 on the balances a transfer that reserves or moves money would leave.</summary>
    private static CreateTransferResult CheckLimits(in BalanceChange change, AccountEntry debit, AccountEntry credit)
    {
        if (change.Overflows())
        {
            return CreateTransferResult.Overflows;
        }

        // Pessimistic, pending included (TigerBeetle's debits_must_not_exceed_credits and its mirror).
        if (debit.Account.Kind == AccountKind.Liability && change.DebitsPending + change.DebitsPosted > debit.Balance.CreditsPosted)
        {
            return CreateTransferResult.ExceedsCredits;
        }

        if (credit.Account.Kind == AccountKind.EscrowBank && change.CreditsPending + change.CreditsPosted > credit.Balance.DebitsPosted)
        {
            return CreateTransferResult.ExceedsDebits;
        }

        return CreateTransferResult.Ok;
    }

    private void Apply(in BalanceChange change, AccountEntry debit, AccountEntry credit)
    {
        AccountBalance debitBefore = debit.Balance;
        SetBalance(debit, debitBefore with { DebitsPending = (long)change.DebitsPending, DebitsPosted = (long)change.DebitsPosted });
        AccountBalance creditBefore = credit.Balance;
        SetBalance(credit, creditBefore with { CreditsPending = (long)change.CreditsPending, CreditsPosted = (long)change.CreditsPosted });
    }

    /// <summary>
    /// The new debit fields of the debit account and credit fields of the credit account, computed in
    /// <see cref="Int128"/> so an overflow is found before anything changes instead of thrown after.
    /// </summary>
    private struct BalanceChange
    {
        public Int128 DebitsPending;
        public Int128 DebitsPosted;
        public Int128 CreditsPending;
        public Int128 CreditsPosted;

        public static BalanceChange Of(AccountEntry debit, AccountEntry credit) => new()
        {
            DebitsPending = debit.Balance.DebitsPending,
            DebitsPosted = debit.Balance.DebitsPosted,
            CreditsPending = credit.Balance.CreditsPending,
            CreditsPosted = credit.Balance.CreditsPosted,
        };

        public readonly bool Overflows() =>
            DebitsPending > long.MaxValue || DebitsPosted > long.MaxValue ||
            CreditsPending > long.MaxValue || CreditsPosted > long.MaxValue ||
            DebitsPending + DebitsPosted > long.MaxValue || CreditsPending + CreditsPosted > long.MaxValue;
    }
}
