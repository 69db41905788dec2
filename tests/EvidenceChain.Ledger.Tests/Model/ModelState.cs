using EvidenceChain.Ledger.Escrow;

namespace EvidenceChain.Ledger.Tests.Model;

/// <summary>
/// Everything the model remembers: the accounts, the successful transfers in order, and the fixed
/// outcome of every transfer id used (id → the fields it was first used with and the result it
/// got). Balances are not stored: <see cref="BalanceOf"/> recomputes them by replaying the
/// successful transfers, so there is no running total to get wrong.
/// </summary>
internal sealed class ModelState
{
    public ModelState()
        : this([], [], [])
    {
    }

    private ModelState(List<Account> accounts, List<Transfer> transfers, Dictionary<TransferId, (Transfer Fields, CreateTransferResult Result)> outcomes)
    {
        Accounts = accounts;
        Transfers = transfers;
        Outcomes = outcomes;
    }

    public List<Account> Accounts { get; }

    public List<Transfer> Transfers { get; }

    public Dictionary<TransferId, (Transfer Fields, CreateTransferResult Result)> Outcomes { get; }

    /// <summary>A copy to apply a linked chain to; thrown away if the chain fails.</summary>
    public ModelState Clone() => new(new(Accounts), new(Transfers), new(Outcomes));

    public Account? FindAccount(AccountId id) => Accounts.Find(a => a.Id == id);

    public Transfer? FindTransfer(TransferId id) => Transfers.Find(t => t.Id == id);

    public static bool IsPost(Transfer t) => (t.Flags & TransferFlags.PostPending) != 0;

    public static bool IsVoid(Transfer t) => (t.Flags & TransferFlags.VoidPending) != 0;

    public static bool IsPending(Transfer t) => (t.Flags & TransferFlags.Pending) != 0;

    public static bool IsReversal(Transfer t) => (t.Flags & TransferFlags.Reversal) != 0;

    /// <summary>The successful post or void of a pending transfer, or null while it is pending.</summary>
    public Transfer? ResolutionOf(TransferId pendingId) =>
        Transfers.Find(t => (IsPost(t) || IsVoid(t)) && t.PendingId == pendingId);

    /// <summary>The sum of the amounts of the successful reversals of a transfer.</summary>
    public long ReversedAmountOf(TransferId id) =>
        Transfers.Where(t => IsReversal(t) && t.ReversedId == id).Sum(t => t.AmountFen);

    public TransferState? StateOf(TransferId id)
    {
        Transfer? transfer = FindTransfer(id);
        if (transfer is null)
        {
            return null;
        }

        // docs/ledger.md: "A transfer that succeeded is Posted (single-phase, post, void, reversal) or Pending".
        if (!IsPending(transfer))
        {
            return TransferState.Posted;
        }

        Transfer? resolution = ResolutionOf(id);
        if (resolution is null)
        {
            return TransferState.Pending;
        }

        return IsPost(resolution) ? TransferState.PendingPosted : TransferState.PendingVoided;
    }

    /// <summary>
    /// Replays every successful transfer: a single-phase transfer, a post and a reversal move
    /// their amount into the posted fields; a pending transfer counts in the pending fields while
    /// no post or void resolves it; a void moves nothing.
    /// </summary>
    public AccountBalance BalanceOf(AccountId id)
    {
        var resolved = new HashSet<TransferId>(Transfers.Where(t => IsPost(t) || IsVoid(t)).Select(t => t.PendingId));
        long debitsPending = 0;
        long debitsPosted = 0;
        long creditsPending = 0;
        long creditsPosted = 0;
        foreach (Transfer t in Transfers)
        {
            if (IsVoid(t))
            {
                continue;
            }

            if (IsPending(t))
            {
                if (!resolved.Contains(t.Id))
                {
                    debitsPending += t.DebitAccountId == id ? t.AmountFen : 0;
                    creditsPending += t.CreditAccountId == id ? t.AmountFen : 0;
                }

                continue;
            }

            debitsPosted += t.DebitAccountId == id ? t.AmountFen : 0;
            creditsPosted += t.CreditAccountId == id ? t.AmountFen : 0;
        }

        return new AccountBalance(debitsPending, debitsPosted, creditsPending, creditsPosted);
    }
}
