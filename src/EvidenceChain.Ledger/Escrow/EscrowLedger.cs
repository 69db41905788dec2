using System.Collections.ObjectModel;

namespace EvidenceChain.Ledger.Escrow;

/// <summary>
/// The escrow ledger: accounts and transfers in integer fen with TigerBeetle's semantics, applied
/// in batches by one writer. docs/ledger.md is the normative text; this class implements it
/// exactly, including which rule refuses an event and in which order the rules are checked.
/// </summary>
/// <remarks>
/// <para>
/// <b>What it does.</b> <see cref="CreateAccounts"/> and <see cref="CreateTransfers"/> each take a
/// batch of 1 to <see cref="BatchEventsMax"/> events and return one result per event. Events are
/// applied serially, in order; a refusal is a result value (<see cref="CreateAccountResult"/>,
/// <see cref="CreateTransferResult"/>), never an exception. Exceptions are for misuse (an empty,
/// oversized or null batch: <see cref="ArgumentException"/>) and for bugs (a broken invariant:
/// <see cref="LedgerInvariantException"/>, after which the ledger must not be used).
/// </para>
/// <para>
/// <b>Linked chains.</b> An event flagged <c>Linked</c> is chained to the next; the chain applies
/// all or none. While a chain is applied every change is written to an undo log (balances before,
/// accounts and transfers added, pending states and reversed amounts before); a failure replays the
/// log backwards, so the ledger is exactly as before the chain. Every check runs before anything is
/// changed, so a single event that fails never needs undoing. <c>Exists</c> is a success and does
/// not break a chain.
/// </para>
/// <para>
/// <b>Fixed outcomes.</b> Every transfer id (not 0, not all ones) is remembered the first time it
/// is used, with its fields and its result, failures included: a chain that is undone leaves each
/// of its events' failure result (its own, or <c>LinkedEventFailed</c>), never a success. Accounts
/// remember only successes: an account event that failed left nothing, and the same id may be
/// created later.
/// </para>
/// <para>
/// <b>Invariants.</b> After every batch the ledger checks docs/ledger.md's invariants, always (not
/// <c>Debug.Assert</c>): sums of the four balance fields are kept per account kind as balances move
/// (in <see cref="Int128"/>, so a sum over many accounts cannot overflow), which makes double
/// entry, escrow coverage and "pending fields equal the transfers still pending" O(1) checks;
/// the per-account balance rules are checked for the accounts the batch touched, which is enough
/// because an untouched account did not change since it was last checked. A pending transfer is
/// asserted to be resolved at most once where it is resolved. <see cref="CheckInvariants"/> does the
/// full O(accounts + transfers) check for tests: it recomputes every balance from the transfers
/// that succeeded and compares them, and the kept sums, with the ledger's.
/// </para>
/// <para>
/// <b>Limits.</b> At most <see cref="BatchEventsMax"/> events per batch; amounts and balance fields
/// are <see cref="long"/> fen, and a transfer that would push a field, or an account's pending plus
/// posted, past <see cref="long.MaxValue"/> is refused with <c>Overflows</c>.
/// </para>
/// <para>
/// The class is not thread-safe: one writer applies batches one at a time (serializable by
/// construction, as TigerBeetle). It does no I/O and reads no clock.
/// </para>
/// </remarks>
public sealed partial class EscrowLedger
{
    /// <summary>The most events one batch may hold, as TigerBeetle's (DOMAIN.md §10.1).</summary>
    public const int BatchEventsMax = 8190;

    private readonly Dictionary<AccountId, AccountEntry> _accounts = [];

    // Creation order, so Accounts is deterministic; an undone chain removes its accounts from the end.
    private readonly List<Account> _accountOrder = [];
    private readonly ReadOnlyCollection<Account> _accountView;

    // Every transfer id ever used (not 0, not all ones): successes and failures, for fixed outcomes.
    private readonly Dictionary<TransferId, TransferEntry> _transfers = [];

    /// <summary>Creates an empty ledger.</summary>
    public EscrowLedger()
    {
        _accountView = _accountOrder.AsReadOnly();
    }

    /// <summary>Every account, in the order they were created.</summary>
    public IReadOnlyCollection<Account> Accounts => _accountView;

    /// <summary>
    /// Creates a batch of accounts, in order, and returns one result per account (docs/ledger.md).
    /// </summary>
    /// <param name="accounts">1 to <see cref="BatchEventsMax"/> accounts, none null.</param>
    /// <returns>The result of each account, at the same index.</returns>
    /// <exception cref="ArgumentException">The batch is empty, larger than <see cref="BatchEventsMax"/>, or holds null.</exception>
    /// <exception cref="LedgerInvariantException">An invariant failed: a bug; the ledger must not be used further.</exception>
    public IReadOnlyList<CreateAccountResult> CreateAccounts(IReadOnlyList<Account> accounts)
    {
        CheckBatch(accounts, nameof(accounts));

        var results = new CreateAccountResult[accounts.Count];
        int first = 0;
        while (first < accounts.Count)
        {
            int last = first;
            while (last < accounts.Count && (accounts[last].Flags & AccountFlags.Linked) != 0)
            {
                last++;
            }

            if (last == accounts.Count)
            {
                // The chain is still open at the end of the batch: it fails as a whole, unapplied.
                results.AsSpan(first).Fill(CreateAccountResult.LinkedEventChainOpen);
                break;
            }

            if (last == first)
            {
                results[first] = CreateAccount(accounts[first]);
            }
            else
            {
                BeginChain();
                int failed = -1;
                for (int index = first; index <= last; index++)
                {
                    results[index] = CreateAccount(accounts[index]);
                    if (!IsSuccess(results[index]))
                    {
                        failed = index;
                        break;
                    }
                }

                if (failed >= 0)
                {
                    RollBackChain();
                    FillLinkedEventFailed(results.AsSpan(first, last - first + 1), failed - first, CreateAccountResult.LinkedEventFailed);
                }

                EndChain();
            }

            first = last + 1;
        }

        CheckInvariantsAfterBatch();
        return results;
    }

    /// <summary>
    /// Applies a batch of transfers, in order, and returns one result per transfer (docs/ledger.md).
    /// </summary>
    /// <param name="transfers">1 to <see cref="BatchEventsMax"/> transfers, none null.</param>
    /// <returns>The result of each transfer, at the same index.</returns>
    /// <exception cref="ArgumentException">The batch is empty, larger than <see cref="BatchEventsMax"/>, or holds null.</exception>
    /// <exception cref="LedgerInvariantException">An invariant failed: a bug; the ledger must not be used further.</exception>
    public IReadOnlyList<CreateTransferResult> CreateTransfers(IReadOnlyList<Transfer> transfers)
    {
        CheckBatch(transfers, nameof(transfers));

        var results = new CreateTransferResult[transfers.Count];
        int first = 0;
        while (first < transfers.Count)
        {
            int last = first;
            while (last < transfers.Count && (transfers[last].Flags & TransferFlags.Linked) != 0)
            {
                last++;
            }

            if (last == transfers.Count)
            {
                // The chain is still open at the end of the batch: it fails as a whole, unapplied.
                results.AsSpan(first).Fill(CreateTransferResult.LinkedEventChainOpen);
                RecordFailures(transfers, results, first, transfers.Count - 1);
                break;
            }

            if (last == first)
            {
                results[first] = CreateTransfer(transfers[first]);
            }
            else
            {
                BeginChain();
                int failed = -1;
                for (int index = first; index <= last; index++)
                {
                    results[index] = CreateTransfer(transfers[index]);
                    if (!IsSuccess(results[index]))
                    {
                        failed = index;
                        break;
                    }
                }

                if (failed >= 0)
                {
                    RollBackChain();
                    FillLinkedEventFailed(results.AsSpan(first, last - first + 1), failed - first, CreateTransferResult.LinkedEventFailed);
                }

                EndChain();
            }

            // After any undo, so an undone chain leaves its failures, never its successes. The first
            // use of an id wins, so a duplicate id later in the batch does not overwrite it.
            RecordFailures(transfers, results, first, last);
            first = last + 1;
        }

        CheckInvariantsAfterBatch();
        return results;
    }

    /// <summary>The account with this id, or null if none was created.</summary>
    public Account? FindAccount(AccountId id) => _accounts.TryGetValue(id, out AccountEntry? entry) ? entry.Account : null;

    /// <summary>The balance of the account with this id, or null if none was created.</summary>
    public AccountBalance? BalanceOf(AccountId id) => _accounts.TryGetValue(id, out AccountEntry? entry) ? entry.Balance : null;

    /// <summary>
    /// Where the transfer with this id stands, or null if no transfer with this id succeeded (an id
    /// whose first use failed has no state, though its failure is remembered).
    /// </summary>
    public TransferState? StateOf(TransferId id) => FindSucceeded(id)?.State;

    /// <summary>
    /// The fen reversed so far of the transfer with this id (a single-phase transfer or a post); 0 if
    /// nothing was reversed of it, or no transfer with this id succeeded.
    /// </summary>
    public long ReversedAmountOf(TransferId id) => FindSucceeded(id)?.ReversedAmountFen ?? 0;

    private static void CheckBatch<T>(IReadOnlyList<T> events, string paramName)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(events, paramName);
        if (events.Count is < 1 or > BatchEventsMax)
        {
            throw new ArgumentException($"A batch holds 1 to {BatchEventsMax} events; got {events.Count}.", paramName);
        }

        for (int index = 0; index < events.Count; index++)
        {
            if (events[index] is null)
            {
                throw new ArgumentException($"The event at index {index} is null.", paramName);
            }
        }
    }

    private static void FillLinkedEventFailed<TResult>(Span<TResult> chain, int failedIndex, TResult linkedEventFailed)
    {
        for (int index = 0; index < chain.Length; index++)
        {
            if (index != failedIndex)
            {
                chain[index] = linkedEventFailed;
            }
        }
    }

    private static bool IsSuccess(CreateAccountResult result) =>
        result is CreateAccountResult.Ok or CreateAccountResult.Exists;

    private static bool IsSuccess(CreateTransferResult result) =>
        result is CreateTransferResult.Ok or CreateTransferResult.Exists;

    private static bool IsReserved(UInt128 id) => id == UInt128.Zero || id == UInt128.MaxValue;

    private TransferEntry? FindSucceeded(TransferId id) =>
        _transfers.TryGetValue(id, out TransferEntry? entry) && entry.Result == CreateTransferResult.Ok ? entry : null;

    private void RecordFailures(IReadOnlyList<Transfer> transfers, CreateTransferResult[] results, int first, int last)
    {
        for (int index = first; index <= last; index++)
        {
            Transfer transfer = transfers[index];
            if (!IsSuccess(results[index]) && !IsReserved(transfer.Id.Value))
            {
                _transfers.TryAdd(transfer.Id, new TransferEntry(transfer, results[index]));
            }
        }
    }
}
