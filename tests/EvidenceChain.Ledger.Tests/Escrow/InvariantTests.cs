using System.Reflection;
using EvidenceChain.Ledger.Escrow;
using static EvidenceChain.Ledger.Tests.Escrow.Books;

namespace EvidenceChain.Ledger.Tests.Escrow;

/// <summary>
/// The invariant checks are always on. A correct ledger never fails them, so to see one fire these
/// tests corrupt the ledger's kept figure of money still pending through reflection — the only way
/// to cause the fault, as no public operation can.
/// </summary>
public class InvariantTests
{
    [Fact]
    public void CreateAccounts_KeptPendingFigureCorrupted_ThrowsNamingInvariant4()
    {
        EscrowLedger ledger = Chart();
        ledger.AssertOk(Deposit(1, 100), Pending(2, Buyer, Seller, 40));
        Corrupt(ledger);

        var error = Assert.Throws<LedgerInvariantException>(() => ledger.CreateAccounts([Memo(new AccountId(30))]));

        Assert.Contains("Invariant 4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckInvariants_KeptPendingFigureCorrupted_Throws()
    {
        EscrowLedger ledger = Chart();
        ledger.AssertOk(Deposit(1, 100), Pending(2, Buyer, Seller, 40));
        ledger.CheckInvariants();
        Corrupt(ledger);

        Assert.Throws<LedgerInvariantException>(ledger.CheckInvariants);
    }

    [Fact]
    public void CheckInvariants_AfterMixedBatches_Hold()
    {
        EscrowLedger ledger = Chart();
        ledger.Apply(
            Deposit(1, 10_000),
            Pending(2, Buyer, Seller, 3_000).Linked(),
            Single(3, Buyer, Fees, 100),
            Post(4, 2, Buyer, Seller, 1_000),
            Pending(5, Seller, Bank, 900),
            Void(6, 5, Seller, Bank),
            Reverse(7, 3, Fees, Buyer, 50),
            Single(8, Seller, Fees, 1_000_000).Linked(),
            Single(9, Fees, Bank, 1),
            Pending(10, MemoA, MemoB, 77));

        ledger.CheckInvariants();
    }

    private static void Corrupt(EscrowLedger ledger)
    {
        FieldInfo field = typeof(EscrowLedger).GetField("_stillPendingFen", BindingFlags.Instance | BindingFlags.NonPublic)!;
        field.SetValue(ledger, (Int128)field.GetValue(ledger)! + 1);
    }
}
