using EvidenceChain.Ledger.Escrow;

namespace EvidenceChain.Ledger.Banking;

/// <summary>
/// An instruction to the bank to pay out of an escrow bank account (docs/formats/bank-statement.md,
/// Payment instructions). It names the pending transfer that reserves the money; the bank echoes its
/// reference into the statement line, which then posts exactly that transfer.
/// </summary>
/// <param name="PendingId">The pending transfer that reserves the payout (it credits the escrow bank account).</param>
/// <param name="BankAccount">The escrow bank account paid from.</param>
/// <param name="AmountFen">The amount, fen: the pending transfer's.</param>
/// <param name="PayeeAccount">The payee's account number.</param>
/// <param name="PayeeName">The payee's name as the bank needs it (at most 60 characters, no comma, quote or control character).</param>
public sealed record PaymentInstruction(TransferId PendingId, string BankAccount, long AmountFen, string PayeeAccount, string PayeeName)
{
    /// <summary>The reference the bank is to carry into the statement line: <see cref="TransferReference.Format"/> of the pending id.</summary>
    public string Reference => TransferReference.Format(PendingId);
}
