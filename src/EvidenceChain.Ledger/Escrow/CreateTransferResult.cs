namespace EvidenceChain.Ledger.Escrow;

/// <summary>
/// The result of one transfer event (docs/ledger.md, Results). Members name the rule broken and are
/// listed in the order the rules are checked: the first broken one is the result. Between
/// <see cref="ExistsWithDifferentFields"/> and <see cref="DebitAccountNotFound"/> sits the repeated
/// failure: an id used before with the same fields that failed gets its first result again. Numbers
/// never change and are never reused. <see cref="Ok"/> and <see cref="Exists"/> are successes.
/// </summary>
public enum CreateTransferResult : byte
{
    /// <summary>Applied.</summary>
    Ok = 0,

    /// <summary>Another event of its linked chain failed; nothing of the chain was applied.</summary>
    LinkedEventFailed = 1,

    /// <summary>Its linked chain was not closed by the end of the batch; nothing of the chain was applied.</summary>
    LinkedEventChainOpen = 2,

    /// <summary>The id is 0.</summary>
    IdMustNotBeZero = 3,

    /// <summary>The id is all ones.</summary>
    IdMustNotBeIntMax = 4,

    /// <summary>More than one of Pending, PostPending, VoidPending and Reversal, or an unknown flag.</summary>
    FlagsAreMutuallyExclusive = 5,

    /// <summary>The debit account id is 0.</summary>
    DebitAccountIdMustNotBeZero = 6,

    /// <summary>The credit account id is 0.</summary>
    CreditAccountIdMustNotBeZero = 7,

    /// <summary>The debit and credit account are the same.</summary>
    AccountsMustBeDifferent = 8,

    /// <summary>Not a post or void, yet the pending id is not 0.</summary>
    PendingIdMustBeZero = 9,

    /// <summary>A post or void without a pending id.</summary>
    PendingIdMustNotBeZero = 10,

    /// <summary>The pending id is the transfer's own id.</summary>
    PendingIdMustBeDifferent = 11,

    /// <summary>Not a reversal, yet the reversed id is not 0.</summary>
    ReversedIdMustBeZero = 12,

    /// <summary>A reversal without a reversed id.</summary>
    ReversedIdMustNotBeZero = 13,

    /// <summary>A single-phase, pending, post or reversal with an amount of 0 or less; a void with a negative amount.</summary>
    AmountMustBePositive = 14,

    /// <summary>The ledger is 0.</summary>
    LedgerMustNotBeZero = 15,

    /// <summary>The code is 0.</summary>
    CodeMustNotBeZero = 16,

    /// <summary>This id was used with the same fields and succeeded (a success: nothing is applied again).</summary>
    Exists = 17,

    /// <summary>This id was used with other fields, whatever that outcome was.</summary>
    ExistsWithDifferentFields = 18,

    /// <summary>No account has the debit account id.</summary>
    DebitAccountNotFound = 19,

    /// <summary>No account has the credit account id.</summary>
    CreditAccountNotFound = 20,

    /// <summary>The two accounts are on different ledgers.</summary>
    AccountsMustHaveTheSameLedger = 21,

    /// <summary>The transfer's ledger is not the accounts'.</summary>
    TransferMustHaveTheSameLedgerAsAccounts = 22,

    /// <summary>One account is a memo account and the other not.</summary>
    MemoAndEscrowAccountsMustNotMix = 23,

    /// <summary>No transfer with the pending id succeeded.</summary>
    PendingTransferNotFound = 24,

    /// <summary>The pending id names a transfer that is not a pending one.</summary>
    PendingTransferNotPending = 25,

    /// <summary>A post or void whose debit account is not the pending transfer's.</summary>
    PendingTransferHasDifferentDebitAccountId = 26,

    /// <summary>A post or void whose credit account is not the pending transfer's.</summary>
    PendingTransferHasDifferentCreditAccountId = 27,

    /// <summary>A post or void whose ledger is not the pending transfer's.</summary>
    PendingTransferHasDifferentLedger = 28,

    /// <summary>A post or void whose code is not the pending transfer's.</summary>
    PendingTransferHasDifferentCode = 29,

    /// <summary>A post of more than the pending amount.</summary>
    ExceedsPendingTransferAmount = 30,

    /// <summary>A void whose amount is neither 0 nor the pending amount.</summary>
    PendingTransferHasDifferentAmount = 31,

    /// <summary>The pending transfer was posted already.</summary>
    PendingTransferAlreadyPosted = 32,

    /// <summary>The pending transfer was voided already.</summary>
    PendingTransferAlreadyVoided = 33,

    /// <summary>No transfer with the reversed id succeeded.</summary>
    ReversedTransferNotFound = 34,

    /// <summary>The reversed transfer is pending, a void or a reversal.</summary>
    ReversedTransferNotReversible = 35,

    /// <summary>The debit and credit account are not the reversed transfer's credit and debit account.</summary>
    ReversalMustSwapAccounts = 36,

    /// <summary>More than what the reversed transfer posted less what was reversed of it already.</summary>
    ExceedsReversibleAmount = 37,

    /// <summary>A balance field, or an account's sum of pending and posted, would exceed <see cref="long.MaxValue"/>.</summary>
    Overflows = 38,

    /// <summary>The debit account is a liability and would go negative, pending included.</summary>
    ExceedsCredits = 39,

    /// <summary>The credit account is an escrow bank account and would be overdrawn, pending included.</summary>
    ExceedsDebits = 40,
}
