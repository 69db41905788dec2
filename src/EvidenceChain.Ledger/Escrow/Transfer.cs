namespace EvidenceChain.Ledger.Escrow;

/// <summary>
/// A transfer as the client sends it (docs/ledger.md, Transfers): it debits one account and credits
/// another by the same amount, in fen, on one ledger. Transfers are immutable; a correction is a new
/// <see cref="TransferFlags.Reversal"/> transfer with a reason code, never an edit. Field names follow
/// TigerBeetle's (DOMAIN.md §10.4).
/// </summary>
/// <param name="Id">Client-chosen id, persisted before sending; not 0, not all ones. Its outcome is fixed the first time it is used.</param>
/// <param name="DebitAccountId">The account debited.</param>
/// <param name="CreditAccountId">The account credited; a different account of the same ledger.</param>
/// <param name="AmountFen">The amount in fen (1 yuan = 100 fen); see the kinds in docs/ledger.md.</param>
/// <param name="Ledger">Equal to both accounts' ledger; not 0.</param>
/// <param name="Code">The reason (BUYER_DEPOSIT, PAYOFF, FEE, PAYOUT, …); not 0.</param>
/// <param name="Flags">The kind, and <see cref="TransferFlags.Linked"/>.</param>
/// <param name="PendingId">The pending transfer a post or void resolves; 0 otherwise.</param>
/// <param name="ReversedId">The transfer a reversal corrects; 0 otherwise.</param>
/// <param name="UserData128">A link (case id, …); not interpreted.</param>
/// <param name="UserData64">A link (bank statement serial, …); not interpreted.</param>
/// <param name="UserData32">A link (jurisdiction, …); not interpreted.</param>
public sealed record Transfer(
    TransferId Id,
    AccountId DebitAccountId,
    AccountId CreditAccountId,
    long AmountFen,
    uint Ledger,
    ushort Code,
    TransferFlags Flags = TransferFlags.None,
    TransferId PendingId = default,
    TransferId ReversedId = default,
    UInt128 UserData128 = default,
    ulong UserData64 = 0,
    uint UserData32 = 0);
