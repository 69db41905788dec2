namespace EvidenceChain.Ledger.Escrow;

public sealed partial class EscrowLedger
{
    /// <summary>An account and its balance, which moves in place.</summary>
    private sealed class AccountEntry(Account account)
    {
        public Account Account { get; } = account;

        public AccountBalance Balance { get; set; }
    }

    /// <summary>
    /// The first use of a transfer id: its fields and result. For a success also its state and, for a
    /// single-phase transfer or a post, the fen reversed of it so far.
    /// </summary>
    private sealed class TransferEntry(Transfer transfer, CreateTransferResult result)
    {
        public Transfer Transfer { get; } = transfer;

        public CreateTransferResult Result { get; } = result;

        public TransferState State { get; set; }

        public long ReversedAmountFen { get; set; }
    }

    /// <summary>The sums of the four balance fields over the accounts of one kind.</summary>
    private struct BalanceSums
    {
        public Int128 DebitsPending;
        public Int128 DebitsPosted;
        public Int128 CreditsPending;
        public Int128 CreditsPosted;

        public void Add(AccountBalance balance, int sign)
        {
            DebitsPending += sign * (Int128)balance.DebitsPending;
            DebitsPosted += sign * (Int128)balance.DebitsPosted;
            CreditsPending += sign * (Int128)balance.CreditsPending;
            CreditsPosted += sign * (Int128)balance.CreditsPosted;
        }
    }

    private enum UndoKind : byte
    {
        AccountCreated = 1,
        TransferCreated = 2,
        Balance = 3,
        PendingState = 4,
        ReversedAmount = 5,
    }

    /// <summary>One change made inside a linked chain, with what it replaced.</summary>
    private readonly record struct UndoEntry(
        UndoKind Kind,
        AccountEntry? Account,
        TransferEntry? Transfer,
        AccountBalance PreviousBalance,
        TransferState PreviousState,
        long PreviousReversedAmountFen);
}
