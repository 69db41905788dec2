using EvidenceChain.Ledger.Banking;
using EvidenceChain.Ledger.Escrow;

namespace EvidenceChain.Ledger.Tests.Banking;

public class StatementMatchingTests
{
    private static readonly AccountId s_bank = new(1);
    private static readonly AccountId s_buyer = new(2);
    private static readonly Transfer s_expectedDeposit = new(new TransferId(10), s_bank, s_buyer, 500, 1, 1, TransferFlags.Pending);
    private static readonly Transfer s_payout = new(new TransferId(11), s_buyer, s_bank, 300, 1, 2, TransferFlags.Pending);

    [Theory]
    [InlineData("EC0000000000000000000000000000000a", StatementDirection.Credit, 500, LineDisposition.PostNamedTransfer, MatchFailure.None)]
    [InlineData("定金 ec0000000000000000000000000000000A 张三", StatementDirection.Credit, 500, LineDisposition.PostNamedTransfer, MatchFailure.None)]
    [InlineData("张三 买房款", StatementDirection.Credit, 500, LineDisposition.CreditSuspense, MatchFailure.NoReference)]
    [InlineData("XEC0000000000000000000000000000000a", StatementDirection.Credit, 500, LineDisposition.CreditSuspense, MatchFailure.NoReference)]
    [InlineData("EC0000000000000000000000000000000a EC0000000000000000000000000000000b", StatementDirection.Credit, 500, LineDisposition.CreditSuspense, MatchFailure.AmbiguousReference)]
    [InlineData("EC0000000000000000000000000000000c", StatementDirection.Credit, 500, LineDisposition.CreditSuspense, MatchFailure.TransferNotFound)]
    [InlineData("EC0000000000000000000000000000000d", StatementDirection.Credit, 500, LineDisposition.CreditSuspense, MatchFailure.TransferNotPending)]
    [InlineData("EC0000000000000000000000000000000a", StatementDirection.Credit, 499, LineDisposition.CreditSuspense, MatchFailure.AmountDiffers)]
    [InlineData("EC0000000000000000000000000000000b", StatementDirection.Credit, 300, LineDisposition.CreditSuspense, MatchFailure.OtherAccountOrDirection)]
    [InlineData("EC0000000000000000000000000000000b", StatementDirection.Debit, 300, LineDisposition.PostNamedTransfer, MatchFailure.None)]
    [InlineData("EC0000000000000000000000000000000a", StatementDirection.Debit, 500, LineDisposition.RaiseIncident, MatchFailure.OtherAccountOrDirection)]
    [InlineData("", StatementDirection.Debit, 300, LineDisposition.RaiseIncident, MatchFailure.NoReference)]
    public void Decide_Reference_MatchesOnlyTheNamedPendingTransfer(string reference, StatementDirection direction, long amountFen, LineDisposition disposition, MatchFailure failure)
    {
        var line = new StatementLine("6222", "S1", new DateOnly(2025, 12, 21), StatementRowType.Line, direction, amountFen, "6217", reference);

        LineDecision decision = StatementMatching.Decide(
            line,
            s_bank,
            id => id == s_expectedDeposit.Id ? s_expectedDeposit : id == s_payout.Id ? s_payout : null,
            id => id.Value == 10 || id.Value == 11 || id.Value == 13);

        Assert.Equal((disposition, failure), (decision.Disposition, decision.Failure));
    }

    [Fact]
    public void Decide_InterestLine_CreditsInterestWhateverItsReference()
    {
        var line = new StatementLine("6222", "S1", new DateOnly(2025, 12, 21), StatementRowType.Interest, StatementDirection.Credit, 12, string.Empty, "EC0000000000000000000000000000000a");

        Assert.Equal(LineDisposition.CreditInterest, StatementMatching.Decide(line, s_bank, _ => null, _ => false).Disposition);
    }

    [Fact]
    public void Reconciliation_EqualAndDifferent_AndMissingClosingRefused()
    {
        var date = new DateOnly(2025, 12, 21);
        (AccountId, string, long)[] ledger = [(new AccountId(2), "B", 70), (new AccountId(1), "A", 100)];

        Assert.Equal(ReconciliationRefusal.None, Reconciliation.TryCompare(date, ledger, [new("A", date, 100), new("B", date, 75), new("A", date.AddDays(1), 1)], out Reconciliation? result, out _));
        Assert.Equal([new AccountId(1), new AccountId(2)], result!.Rows.Select(r => r.Account));
        Assert.Equal([0L, -5L], result.Rows.Select(r => r.DifferenceFen));
        Assert.False(result.IsBalanced);
        Assert.Equal(ReconciliationRefusal.ClosingBalanceMissing, Reconciliation.TryCompare(date, ledger, [new("A", date, 100)], out _, out string missing));
        Assert.Equal("B", missing);
        Assert.Equal(ReconciliationRefusal.UnknownBankAccount, Reconciliation.TryCompare(date, ledger, [new("A", date, 100), new("B", date, 70), new("C", date, 1)], out _, out _));
    }

    [Fact]
    public void PayoutHoldRule_CreditToEscrowBankExceptVoid_IsAPayout()
    {
        var bank = new Account(s_bank, AccountKind.EscrowBank, 1, 1);
        var buyer = new Account(s_buyer, AccountKind.Liability, 1, 2);

        Assert.True(PayoutHoldRule.IsPayout(s_payout, bank));
        Assert.True(PayoutHoldRule.IsPayout(s_payout with { Flags = TransferFlags.PostPending, PendingId = s_payout.Id }, bank));
        Assert.False(PayoutHoldRule.IsPayout(s_payout with { Flags = TransferFlags.VoidPending, PendingId = s_payout.Id }, bank));
        Assert.False(PayoutHoldRule.IsPayout(s_expectedDeposit, buyer));
    }
}
