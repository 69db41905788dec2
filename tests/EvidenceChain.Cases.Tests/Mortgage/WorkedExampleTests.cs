using EvidenceChain.Cases.Accounts;
using EvidenceChain.Cases.Evidence;
using EvidenceChain.Cases.Mortgage;
using EvidenceChain.Ledger.Escrow;

namespace EvidenceChain.Cases.Tests.Mortgage;

/// <summary>
/// DOMAIN.md §3.4's worked example start to close on the pure rules and a real ledger: in
/// 2,000,000.00, out 600,850.00 + 3,000.00 + 1,396,150.00, every case account at zero; and its
/// variant where the buyer's bank pays the seller directly (P6 becomes 199,150.00).
/// </summary>
public sealed class WorkedExampleTests : IDisposable
{
    private readonly CaseHarness _case = new();

    [Fact]
    public void LoanIntoEscrow_StartToClose_EveryCaseAccountZero()
    {
        RunToTransferred(LoanRoute.IntoEscrow);
        _case.Accept(new MortgageCommand(MortgageEvent.ExpectLoan));
        _case.StatementPosts(Id(CaseStep.LoanDeposit), new DateOnly(2025, 12, 20));

        MortgageDecision settled = _case.Accept(new MortgageCommand(MortgageEvent.Settle));

        Assert.Equal(
            [(CaseStep.Entitlement, 139_915_000L), (CaseStep.Fee, 300_000L), (CaseStep.SellerPayout, 139_615_000L), (CaseStep.FeePayout, 300_000L)],
            settled.Transfers.Select(t => (StepOf(t.Id), t.AmountFen)));
        Assert.Equal([139_615_000L, 300_000L], settled.Payouts.Select(p => p.AmountFen));
        Assert.Equal(["6228480000000000002", "6222000000000000004"], settled.Payouts.Select(p => p.Payee.BankAccount));
        Assert.Equal(2, settled.Transition!.Approvals.Count);

        CloseAfterPayouts();
        AccountBalance bank = _case.Ledger.BalanceOf(CaseHarness.Bank)!.Value;
        Assert.Equal((200_000_000L, 200_000_000L), (bank.DebitsPosted, bank.CreditsPosted));
    }

    [Fact]
    public void LoanDirectToSeller_P6Is199150Yuan()
    {
        RunToTransferred(LoanRoute.DirectToSeller);

        RefusedOf(new MortgageCommand(MortgageEvent.ExpectLoan), CaseRejection.CommandInvalid);
        MortgageDecision settled = _case.Accept(new MortgageCommand(MortgageEvent.Settle));

        Assert.Equal(19_915_000, settled.Transfers.Single(t => StepOf(t.Id) == CaseStep.Entitlement).AmountFen);
        Assert.Equal(19_615_000, settled.Payouts[0].AmountFen);
        CloseAfterPayouts();
    }

    [Fact]
    public void SellerNeverCollects_LapsesAfterFiveYears_ToTheTreasuryPayable_ThenRemitted()
    {
        RunToTransferred(LoanRoute.DirectToSeller);
        MortgageDecision settled = _case.Accept(new MortgageCommand(MortgageEvent.Settle));
        _case.StatementPosts(Id(CaseStep.FeePayout), _case.Day); // the fee is collected; the seller's payout never is
        DateOnly deposited = _case.Case.DepositDate!.Value;

        _case.Day = deposited.AddYears(5);
        Assert.Equal(CaseRejection.LapseNotDue, _case.Run(new MortgageCommand(MortgageEvent.Lapse)).Rejection);
        _case.Day = deposited.AddYears(5).AddDays(1);
        MortgageDecision lapsed = _case.Accept(new MortgageCommand(MortgageEvent.Lapse));

        Assert.Equal(MortgageState.Unclaimed, _case.Case.State);
        Assert.Equal(TransferState.PendingVoided, _case.Ledger.StateOf(settled.Payouts[0].TransferId));
        Assert.Equal(19_615_000, _case.Held(_case.AccountOf(CaseAccountPurpose.TreasuryPayable)));
        Assert.Equal(0, _case.Held(_case.AccountOf(CaseAccountPurpose.Seller)));
        Assert.Equal(2, lapsed.Transfers.Count);

        var treasury = new PayeeAccount("2702000000000000001", "国库");
        MortgageDecision remitted = _case.Accept(new MortgageCommand(MortgageEvent.RemitToTreasury, Payee: treasury));
        Assert.Equal((MortgageState.RemittedToTreasury, 19_615_000L, treasury), (_case.Case.State, Assert.Single(remitted.Payouts).AmountFen, remitted.Payouts[0].Payee));
        Assert.Equal(2, remitted.Transition!.Approvals.Count);
    }

    [Fact]
    public void Replay_TheRecordedTransitions_RebuildsTheCaseExactly()
    {
        RunToTransferred(LoanRoute.DirectToSeller);

        MortgageCase replayed = _case.Transitions.Aggregate(MortgageCase.Open(_case.Case.Id, CaseHarness.Bank, CaseHarness.Cny), MortgageRules.Apply);

        Assert.Equal(_case.Case.State, replayed.State);
        Assert.Equal(_case.Case.Legs, replayed.Legs);
        Assert.Equal(_case.Case.Tranches, replayed.Tranches);
        Assert.Equal(_case.Case.DepositDate, replayed.DepositDate);
        Assert.Same(_case.Case.Conditions, replayed.Conditions);
        Assert.Throws<InvalidOperationException>(() => MortgageRules.Apply(replayed, _case.Transitions[^1]));
    }

    public void Dispose() => _case.Dispose();

    /// <summary>DRAFT → TRANSFERRED: accepted, agreement, 800,000.00 in (value date 3 Dec), title locked, the 600,850.00 payoff reserved, sent, confirmed, the mortgage released, the title transferred.</summary>
    private void RunToTransferred(LoanRoute route)
    {
        ConditionSet conditions = _case.WorkedExample(route);
        _case.Accept(new MortgageCommand(MortgageEvent.Accept, Artefacts: [_case.Artefact(ArtefactType.TitleSearch, _case.Registry, ArtefactSubjects.TitleClean)]));
        MortgageDecision notarized = _case.Accept(new MortgageCommand(MortgageEvent.NotarizeAgreement, Conditions: conditions, Artefacts:
        [
            _case.Artefact(ArtefactType.NotarizedAgreement, _case.Notary1),
            _case.Artefact(ArtefactType.LenderConsent, _case.SellerBank, leg: 1),
            .. _case.Consents(),
        ]));
        Assert.Equal(7, notarized.Accounts.Count);

        _case.Day = new DateOnly(2025, 12, 2);
        _case.Accept(new MortgageCommand(MortgageEvent.ExpectDeposit, Leg: 1, AmountFen: 80_000_000));
        RefusedOf(new MortgageCommand(MortgageEvent.ConfirmFunding), CaseRejection.PaymentNotOnStatement);
        _case.StatementPosts(Id(CaseStep.BuyerDeposit, 1), new DateOnly(2025, 12, 3));
        _case.Day = new DateOnly(2025, 12, 4);
        _case.Accept(new MortgageCommand(MortgageEvent.ConfirmFunding));
        Assert.Equal(new DateOnly(2025, 12, 3), _case.Case.DepositDate);

        _case.Accept(new MortgageCommand(MortgageEvent.LockTitle, Artefacts:
        [
            _case.Artefact(ArtefactType.RegistryReceipt, _case.Registry, ArtefactSubjects.TransferPreNotice),
            _case.Artefact(ArtefactType.RegistryReceipt, _case.Registry, ArtefactSubjects.MortgagePreNotice),
        ]));

        _case.Day = new DateOnly(2025, 12, 10);
        var quote = _case.Artefact(ArtefactType.PayoffQuote, _case.SellerBank, leg: 1, amountFen: 60_085_000, validThrough: new DateOnly(2025, 12, 15), issuedOn: new DateOnly(2025, 12, 9));
        _case.Accept(new MortgageCommand(MortgageEvent.ReservePayoff, Leg: 1, Artefacts: [quote, _case.Artefact(ArtefactType.TitleSearch, _case.Registry, ArtefactSubjects.TitleClean)]));
        MortgageDecision sent = _case.Accept(new MortgageCommand(MortgageEvent.SendPayoff, Leg: 1, Artefacts: [quote]));
        Assert.Equal(MortgageState.PayoffSent, _case.Case.State);
        Assert.Equal(("6222000000000000001", 60_085_000L), (Assert.Single(sent.Payouts).Payee.BankAccount, sent.Payouts[0].AmountFen));

        RefusedOf(new MortgageCommand(MortgageEvent.ConfirmPayoff, Leg: 1), CaseRejection.PaymentNotOnStatement);
        _case.StatementPosts(Id(CaseStep.PayoffPayment, 1), new DateOnly(2025, 12, 11));
        _case.Accept(new MortgageCommand(MortgageEvent.ConfirmPayoff, Leg: 1));
        Assert.Equal(MortgageState.PayoffConfirmed, _case.Case.State);

        _case.Day = new DateOnly(2025, 12, 16);
        _case.Accept(new MortgageCommand(MortgageEvent.ReleaseMortgage, Artefacts:
        [
            _case.Artefact(ArtefactType.SettlementCertificate, _case.SellerBank, leg: 1),
            _case.Artefact(ArtefactType.RegistryReceipt, _case.Registry, ArtefactSubjects.MortgageCancelled),
        ]));
        _case.Accept(new MortgageCommand(MortgageEvent.ConfirmTransfer, Artefacts:
        [
            _case.Artefact(ArtefactType.RegistryReceipt, _case.Registry, ArtefactSubjects.TitleTransferred),
            _case.Artefact(ArtefactType.RegistryReceipt, _case.Registry, ArtefactSubjects.NewMortgageRegistered),
        ]));
        Assert.Equal(MortgageState.Transferred, _case.Case.State);
    }

    private void CloseAfterPayouts()
    {
        RefusedOf(new MortgageCommand(MortgageEvent.Close), CaseRejection.CaseNotSettled);
        _case.StatementPosts(Id(CaseStep.SellerPayout), new DateOnly(2025, 12, 22));
        _case.StatementPosts(Id(CaseStep.FeePayout), new DateOnly(2025, 12, 22));
        _case.Accept(new MortgageCommand(MortgageEvent.Close));

        Assert.Equal(MortgageState.Closed, _case.Case.State);
        foreach (CaseAccountPurpose purpose in new[] { CaseAccountPurpose.Buyer, CaseAccountPurpose.Seller, CaseAccountPurpose.Fees, CaseAccountPurpose.TreasuryPayable })
        {
            Assert.Equal(default, _case.Ledger.BalanceOf(_case.AccountOf(purpose))!.Value with { CreditsPosted = 0, DebitsPosted = 0 });
            Assert.Equal(0, _case.Held(_case.AccountOf(purpose)));
        }

        Assert.Equal(0, _case.Held(_case.AccountOf(CaseAccountPurpose.Payoff, 1)));
    }

    private void RefusedOf(MortgageCommand command, CaseRejection expected)
    {
        MortgageDecision decision = _case.Run(command);
        Assert.Equal(expected, decision.Rejection);
    }

    private TransferId Id(CaseStep step, byte leg = 0, ushort attempt = 0) => CaseTransferIds.Of(_case.Case.Id, step, leg, attempt);

    private CaseStep StepOf(TransferId id) =>
        Enum.GetValues<CaseStep>().First(s => Enumerable.Range(0, 4).Any(leg => CaseTransferIds.Of(_case.Case.Id, s, (byte)leg) == id));
}
