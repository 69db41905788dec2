using EvidenceChain.Ledger.Escrow;

namespace EvidenceChain.Ledger.Banking;

/// <summary>
/// The matching rule (docs/formats/bank-statement.md, Matching), a pure function: a line matches
/// exactly the one pending transfer its reference names, when that transfer is still pending, moves
/// money through the line's escrow bank account in the line's direction (a credit line: the pending
/// transfer debits the bank account; a debit line: it credits it) and has exactly the line's amount.
/// Anything else is unmatched: a credit to suspense, a debit an incident. Interest lines go to the
/// interest account. No other field of the line is looked at.
/// </summary>
public static class StatementMatching
{
    /// <param name="line">The statement line.</param>
    /// <param name="bankAccountId">The <c>EscrowBank</c> account the line's bank account is booked in.</param>
    /// <param name="findPending">The transfer with an id if it succeeded and is still pending; null otherwise.</param>
    /// <param name="exists">Whether a transfer with an id succeeded at all (to tell "not found" from "not pending").</param>
    public static LineDecision Decide(StatementLine line, AccountId bankAccountId, Func<TransferId, Transfer?> findPending, Func<TransferId, bool> exists)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(findPending);
        ArgumentNullException.ThrowIfNull(exists);
        if (line.Type == StatementRowType.Interest)
        {
            return new LineDecision(LineDisposition.CreditInterest, MatchFailure.None, null);
        }

        MatchFailure failure = Match(line, bankAccountId, findPending, exists, out Transfer? named);
        return failure == MatchFailure.None
            ? new LineDecision(LineDisposition.PostNamedTransfer, MatchFailure.None, named)
            : new LineDecision(line.Direction == StatementDirection.Credit ? LineDisposition.CreditSuspense : LineDisposition.RaiseIncident, failure, null);
    }

    private static MatchFailure Match(StatementLine line, AccountId bankAccountId, Func<TransferId, Transfer?> findPending, Func<TransferId, bool> exists, out Transfer? named)
    {
        named = null;
        MatchFailure reference = TransferReference.TryFind(line.Reference, out TransferId id);
        if (reference != MatchFailure.None)
        {
            return reference;
        }

        Transfer? pending = findPending(id);
        if (pending is null)
        {
            return exists(id) ? MatchFailure.TransferNotPending : MatchFailure.TransferNotFound;
        }

        AccountId side = line.Direction == StatementDirection.Credit ? pending.DebitAccountId : pending.CreditAccountId;
        if (side != bankAccountId)
        {
            return MatchFailure.OtherAccountOrDirection;
        }

        if (pending.AmountFen != line.AmountFen)
        {
            return MatchFailure.AmountDiffers;
        }

        named = pending;
        return MatchFailure.None;
    }
}
