namespace EvidenceChain.Ledger.Escrow;

/// <summary>
/// The four balance fields of an account, in fen, as TigerBeetle keeps them: pending amounts are
/// reserved by pending transfers until posted or voided, posted amounts are final. Each field only
/// grows, except the pending ones, which shrink when a pending transfer is resolved.
/// </summary>
/// <param name="DebitsPending">Fen reserved on the debit side by transfers still pending.</param>
/// <param name="DebitsPosted">Fen posted on the debit side.</param>
/// <param name="CreditsPending">Fen reserved on the credit side by transfers still pending.</param>
/// <param name="CreditsPosted">Fen posted on the credit side.</param>
public readonly record struct AccountBalance(long DebitsPending, long DebitsPosted, long CreditsPending, long CreditsPosted);
