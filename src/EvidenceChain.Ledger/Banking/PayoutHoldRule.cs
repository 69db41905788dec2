using EvidenceChain.Ledger.Escrow;

namespace EvidenceChain.Ledger.Banking;

/// <summary>
/// Which transfers an open bank incident holds (docs/formats/bank-statement.md, Incidents): a payout
/// from an escrow bank account is any transfer that credits it — money leaving the bank in the
/// ledger's terms: a single-phase transfer, a pending payout instruction, its post, or a reversal
/// into it — except a void, which only releases a reservation and moves no money.
/// </summary>
public static class PayoutHoldRule
{
    /// <summary>Whether <paramref name="transfer"/> pays out of <paramref name="creditAccount"/>, its credit account.</summary>
    public static bool IsPayout(Transfer transfer, Account? creditAccount)
    {
        ArgumentNullException.ThrowIfNull(transfer);
        return creditAccount is { Kind: AccountKind.EscrowBank }
            && creditAccount.Id == transfer.CreditAccountId
            && (transfer.Flags & TransferFlags.VoidPending) == 0;
    }
}
