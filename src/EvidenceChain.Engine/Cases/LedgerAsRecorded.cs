using EvidenceChain.Engine.Escrow;
using EvidenceChain.Ledger.Escrow;

namespace EvidenceChain.Engine.Cases;

/// <summary>
/// The ledger as a case's recorded transitions left it: the book less the case's transfers that a
/// crash booked but no transition records. An event retried after such a crash is decided on this
/// view, so it makes exactly the postings of its first try — which then meet their fixed outcomes
/// instead of being decided anew on balances they already moved.
/// </summary>
internal sealed class LedgerAsRecorded
{
    private readonly EscrowBook _book;
    private readonly Dictionary<AccountId, AccountBalance> _added = [];
    private readonly HashSet<TransferId> _unbooked = [];
    private readonly HashSet<TransferId> _reopened = [];

    private LedgerAsRecorded(EscrowBook book) => _book = book;

    /// <summary>The view without <paramref name="unrecorded"/>: what each added to its accounts is taken off, and the pendings they resolved are pending again.</summary>
    public static LedgerAsRecorded Without(EscrowBook book, IReadOnlyList<TransferId> unrecorded)
    {
        var view = new LedgerAsRecorded(book);
        foreach (TransferId id in unrecorded)
        {
            Transfer transfer = book.FindTransfer(id) ?? throw new InvalidOperationException($"Transfer {id.Value:x32} succeeded but the book does not hold it.");
            view._unbooked.Add(id);
            TransferFlags kind = transfer.Flags & (TransferFlags.Pending | TransferFlags.PostPending | TransferFlags.VoidPending);
            if (kind == TransferFlags.Pending)
            {
                view.Add(transfer, pending: transfer.AmountFen, posted: 0);
                continue;
            }

            if (kind is TransferFlags.PostPending or TransferFlags.VoidPending)
            {
                // A resolution released the whole pending amount and posted its own (a post's AmountFen is what it posted).
                Transfer pending = book.FindTransfer(transfer.PendingId) ?? throw new InvalidOperationException($"Pending transfer {transfer.PendingId.Value:x32} resolved but not held.");
                view._reopened.Add(pending.Id);
                view.Add(transfer, pending: -pending.AmountFen, posted: kind == TransferFlags.PostPending ? transfer.AmountFen : 0);
                continue;
            }

            view.Add(transfer, pending: 0, posted: transfer.AmountFen);
        }

        return view;
    }

    public AccountBalance? BalanceOf(AccountId id) =>
        _book.BalanceOf(id) is AccountBalance now && _added.TryGetValue(id, out AccountBalance added)
            ? new AccountBalance(now.DebitsPending - added.DebitsPending, now.DebitsPosted - added.DebitsPosted, now.CreditsPending - added.CreditsPending, now.CreditsPosted - added.CreditsPosted)
            : _book.BalanceOf(id);

    public TransferState? StateOf(TransferId id) =>
        _unbooked.Contains(id) ? null : _reopened.Contains(id) ? TransferState.Pending : _book.StateOf(id);

    public Transfer? ResolutionOf(TransferId pendingId) => _reopened.Contains(pendingId) ? null : _book.ResolutionOf(pendingId);

    private void Add(Transfer transfer, long pending, long posted)
    {
        AccountBalance debit = _added.GetValueOrDefault(transfer.DebitAccountId);
        _added[transfer.DebitAccountId] = debit with { DebitsPending = debit.DebitsPending + pending, DebitsPosted = debit.DebitsPosted + posted };
        AccountBalance credit = _added.GetValueOrDefault(transfer.CreditAccountId);
        _added[transfer.CreditAccountId] = credit with { CreditsPending = credit.CreditsPending + pending, CreditsPosted = credit.CreditsPosted + posted };
    }
}
