using System.Security.Cryptography;
using EvidenceChain.Cases;
using EvidenceChain.Cases.Accounts;
using EvidenceChain.Cases.Approvals;
using EvidenceChain.Cases.Calendar;
using EvidenceChain.Cases.Distribution;
using EvidenceChain.Cases.Evidence;
using EvidenceChain.Cases.Records;
using EvidenceChain.Cases.Sealed;
using EvidenceChain.Core.Access;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Signing;
using EvidenceChain.Engine.Cases;
using EvidenceChain.Engine.Escrow;
using EvidenceChain.Engine.Escrow.Bank;
using EvidenceChain.Engine.Parties;
using EvidenceChain.Engine.Queries;
using EvidenceChain.Engine.Tests.Support;
using EvidenceChain.Ledger.Banking;
using EvidenceChain.Ledger.Escrow;
using Microsoft.Extensions.Time.Testing;

namespace EvidenceChain.Engine.Tests.Cases;

/// <summary>
/// A 带封过户 case on the case desk over the real store, ledger and bank desk, on a clock the test
/// moves (so the plan's 15-day objection window can pass): from the seizures to the close, with a
/// crash between booking and recording reproduced at each step whose decision reads the balances
/// it moves, and the case rebuilt at reopen.
/// </summary>
public sealed class SealedSaleDeskTests : IDisposable
{
    private const string BankNumber = "6222021001001234567";
    private const long PriceFen = 100_000_000;
    private static readonly AccountId s_bank = new(0xBA);
    private static readonly CaseId s_case = new(0x5EA1);

    private readonly TestLog _log = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 11, 3, 10, 0, 0, DailyBalances.ChinaStandardTime));
    private readonly PartyRegistry _parties;
    private readonly Dictionary<string, Ed25519MemoryKey> _keys = [];
    private readonly Caller _office;
    private readonly Party _notary1;
    private readonly Party _notary2;
    private readonly Party _courtA;
    private readonly Party _courtB;
    private readonly Party _registry;
    private readonly Party _buyer;
    private readonly Party _debtor;
    private readonly WorkingDayCalendar _calendar = CaseCalendars.LoadChina();
    private ulong _serial;

    public SealedSaleDeskTests()
    {
        _parties = new PartyRegistry(_log.RealStore, _clock, RandomNumberGenerator.Fill);
        _office = new Caller(_parties.EnsureOffice("济南市公证处").Id, PartyRole.NotaryOffice);
        _notary1 = Register(PartyRole.Notary, canApprove: true);
        _notary2 = Register(PartyRole.Notary, canApprove: true);
        _courtA = Register(PartyRole.Court);
        _courtB = Register(PartyRole.Court);
        _registry = Register(PartyRole.Registry);
        _buyer = Register(PartyRole.Enterprise);
        _debtor = Register(PartyRole.Enterprise);
    }

    [Fact]
    public async Task SealedSale_SeizedToClosed_CrashesBetweenBookingAndRecordingRetried_FinalizedAfterTheWindow_RebuiltAtReopen()
    {
        (EscrowBook book, BankDesk bank, CaseDesk desk) = Open();
        await book.CreateAccountsAsync(_office, [new Account(s_bank, AccountKind.EscrowBank, 1, 1)], CancellationToken.None);
        await desk.OpenSealedSaleAsync(_office, new CaseOpening(s_case, "(2025)鲁济南证字第5001号", s_bank, 1), CancellationToken.None);
        Assert.Null(desk.Find(s_case)); // not a 带押过户 case
        await Assert.ThrowsAsync<QueryException>(() => desk.OpenCaseAsync(_office, new CaseOpening(s_case, "again", s_bank, 1), CancellationToken.None));

        ulong first = await RecordAsync(desk, ArtefactType.CourtDocument, _courtA, ArtefactSubjects.SeizureFirst, leg: 1, amountFen: 30_000_000, reference: "(2025)鲁0102执1001号");
        ulong waiting = await RecordAsync(desk, ArtefactType.CourtDocument, _courtB, ArtefactSubjects.SeizureWaiting, leg: 1, amountFen: 40_000_000, reference: "(2025)鲁0103执2002号");
        await ApplyAsync(desk, new SealedSaleCommand(SealedSaleEvent.RecordSeizure, Leg: 1), first);
        await ApplyAsync(desk, new SealedSaleCommand(SealedSaleEvent.RecordSeizure, Leg: 2), waiting);
        await ApplyAsync(desk, new SealedSaleCommand(SealedSaleEvent.ProposeSale), await RecordAsync(desk, ArtefactType.MediationRecord, _notary1, amountFen: PriceFen));
        await ApplyAsync(desk, new SealedSaleCommand(SealedSaleEvent.ApproveSale), await RecordAsync(desk, ArtefactType.CourtDocument, _courtA, ArtefactSubjects.SaleApproval, amountFen: 95_000_000), await RecordAsync(desk, ArtefactType.CourtDocument, _courtB, ArtefactSubjects.SaleConsent));
        SealedSaleConditions terms = Terms();
        await ApplyAsync(desk, new SealedSaleCommand(SealedSaleEvent.NotarizeAgreement, Conditions: terms), await RecordAsync(desk, ArtefactType.NotarizedAgreement, _notary1), await RecordAsync(desk, ArtefactType.PartyConsent, _buyer), await RecordAsync(desk, ArtefactType.PartyConsent, _debtor));
        await ApplyAsync(desk, new SealedSaleCommand(SealedSaleEvent.ExpectDeposit, Leg: 1, AmountFen: PriceFen));
        await StatementAsync(bank, CaseTransferIds.Of(s_case, CaseStep.BuyerDeposit, 1), PriceFen, StatementDirection.Credit, "6217001234567890123");
        await ApplyAsync(desk, new SealedSaleCommand(SealedSaleEvent.ConfirmFunding));
        await ApplyAsync(desk, new SealedSaleCommand(SealedSaleEvent.IssueAssistance), await RecordAsync(desk, ArtefactType.CourtDocument, _courtA, ArtefactSubjects.AssistanceNotice));

        // ConfirmTransfer reads the buyer's balance that its own posting empties: retried after a crash, it must book the same.
        ulong unsealed = await RecordAsync(desk, ArtefactType.RegistryReceipt, _registry, ArtefactSubjects.Unsealed, leg: 1);
        ulong transferred = await RecordAsync(desk, ArtefactType.RegistryReceipt, _registry, ArtefactSubjects.TitleTransferred, leg: 1);
        await CrashThenRetryAsync(book, desk, new SealedSaleCommand(SealedSaleEvent.ConfirmTransfer), unsealed, transferred);
        Assert.Equal(PriceFen, Held(book, CaseAccountPurpose.Proceeds));

        // The court's plan (the software's proposal, adopted): IssuePlan reads the proceeds its allocations reserve.
        IReadOnlyList<ClaimTier> tiers =
        [
            new(TierKind.Costs, TierMode.Sequential, [new Claim(1, 2_000_000, 0)]),
            new(TierKind.Secured, TierMode.Sequential, [new Claim(2, 50_000_000, 1)]),
            new(TierKind.Ordinary, TierMode.ProRata, [new Claim(3, 30_000_000, 2), new Claim(4, 40_000_000, 3)]),
        ];
        (long net, DistributionResult proposal) = desk.ProposeDistribution(s_case, tiers);
        Assert.Equal((PriceFen, 20_571_429L, 27_428_571L), (net, proposal.Allocations.Single(a => a.ClaimNumber == 3).AmountFen, proposal.Allocations.Single(a => a.ClaimNumber == 4).AmountFen));
        var plan = new DistributionPlan(net, tiers, [.. Enumerable.Range(1, 4).Select(k => new ClaimPayee((byte)k, new PayeeAccount($"62220000000000000{k}", $"债权人{k}")))], proposal.Allocations, proposal.DebtorSurplusFen);
        DigestPair digests = plan.Digests(s_case);
        _clock.SetUtcNow(new DateTimeOffset(2025, 12, 10, 10, 0, 0, DailyBalances.ChinaStandardTime));
        ulong courtPlan = await desk.RecordArtefactAsync(_office, Artefact(ArtefactType.CourtDocument, _courtA, ArtefactSubjects.DistributionPlan, 0, net, "(2025)鲁0102执1001号之一", digests), CancellationToken.None);
        await CrashThenRetryAsync(book, desk, new SealedSaleCommand(SealedSaleEvent.IssuePlan, Plan: plan), courtPlan);
        Assert.Equal((0L, PriceFen), (Held(book, CaseAccountPurpose.Proceeds), book.BalanceOf(CaseAccounts.Of(s_case, CaseAccountPurpose.Proceeds))!.Value.DebitsPending));
        Assert.Equal(new DateOnly(2025, 12, 25), desk.ObjectionLastDay(desk.FindSale(s_case)!.Value.Case));

        // The window runs through 25 December: the plan is final on the 26th, not before.
        _clock.SetUtcNow(new DateTimeOffset(2025, 12, 25, 23, 0, 0, DailyBalances.ChinaStandardTime));
        Assert.Equal(CaseRejection.ObjectionWindowOpen, desk.ProposeSaleEvent(s_case, new SealedSaleCommand(SealedSaleEvent.FinalizePlan), []).Rejection);
        _clock.SetUtcNow(new DateTimeOffset(2025, 12, 26, 9, 0, 0, DailyBalances.ChinaStandardTime));
        SealedSaleCommand finalize = Approved(desk, new SealedSaleCommand(SealedSaleEvent.FinalizePlan));
        await CrashThenRetryAsync(book, desk, finalize);
        foreach (Allocation allocation in plan.Booked)
        {
            TransferId payout = CaseTransferIds.Of(s_case, CaseStep.DistributionPayout, allocation.ClaimNumber);
            await StatementAsync(bank, payout, allocation.AmountFen, StatementDirection.Debit, plan.PayeeOf(allocation.ClaimNumber).BankAccount);
        }

        await ApplyAsync(desk, new SealedSaleCommand(SealedSaleEvent.ConfirmDistribution));
        await ApplyAsync(desk, new SealedSaleCommand(SealedSaleEvent.Close));
        Assert.Equal(new AccountBalance(0, PriceFen, 0, PriceFen), book.BalanceOf(s_bank));
        Assert.Empty(desk.UnrecordedTransfers(s_case));

        (_, _, CaseDesk reopened) = Open();
        SealedSaleCase closed = desk.FindSale(s_case)!.Value.Case;
        SealedSaleCase rebuilt = reopened.FindSale(s_case)!.Value.Case;
        Assert.Equal((SealedSaleState.Closed, closed.TransitionCount, closed.Plan!.Digests(s_case)), (rebuilt.State, rebuilt.TransitionCount, rebuilt.Plan!.Digests(s_case)));
    }

    public void Dispose()
    {
        foreach (Ed25519MemoryKey key in _keys.Values)
        {
            key.Dispose();
        }

        _log.Dispose();
    }

    /// <summary>
    /// A crash between booking an event's postings and recording its transition, reproduced by booking
    /// the decided postings alone (a kill cannot be timed to fall exactly there). The retry must decide
    /// the same postings on the ledger as recorded, meet them as Exists, and record the transition.
    /// </summary>
    private async Task CrashThenRetryAsync(EscrowBook book, CaseDesk desk, SealedSaleCommand command, params ulong[] artefacts)
    {
        _log.Sequencer.SignPending();
        SealedSaleDecision planned = desk.ProposeSaleEvent(s_case, command, artefacts);
        Assert.True(planned.IsAccepted, planned.Detail);
        string[] caseKey = [Ports.LeafRecord.CaseKey(s_case.Value)];
        if (planned.Accounts.Count > 0)
        {
            await book.CreateAccountsAsync(_office, planned.Accounts, CancellationToken.None, caseKey);
        }

        LedgerBatchOutcome booked = await book.CreateTransfersAsync(_office, planned.Transfers, CancellationToken.None, caseKey);
        Assert.All(booked.TransferResults, r => Assert.Equal(CreateTransferResult.Ok, r));
        Assert.Equal(planned.Transfers.Select(t => t.Id), desk.UnrecordedTransfers(s_case));
        if (command.Event == SealedSaleEvent.IssuePlan)
        {
            // The software's proposal is still there to adopt: it reads the proceeds as recorded, not as the crash left them.
            Assert.Equal(command.Plan!.NetProceedsFen, desk.ProposeDistribution(s_case, command.Plan.Tiers).NetProceedsFen);
        }

        SealedSaleOutcome retried = await desk.ApplySaleEventAsync(_office, s_case, command, artefacts, CancellationToken.None);
        Assert.True(retried.IsApplied, retried.Decision.Detail);
        Assert.Equal(planned.Transfers, retried.Decision.Transfers);
        Assert.All(retried.Transfers!.TransferResults, r => Assert.Equal(CreateTransferResult.Exists, r));
        Assert.Empty(desk.UnrecordedTransfers(s_case));
    }

    private async Task ApplyAsync(CaseDesk desk, SealedSaleCommand command, params ulong[] artefacts)
    {
        _log.Sequencer.SignPending();
        SealedSaleOutcome outcome = await desk.ApplySaleEventAsync(_office, s_case, command, artefacts, CancellationToken.None);
        Assert.True(outcome.IsApplied, outcome.Decision.Detail);
    }

    /// <summary>The command with both notaries' approvals of exactly the payouts it now makes.</summary>
    private SealedSaleCommand Approved(CaseDesk desk, SealedSaleCommand command)
    {
        SealedSaleDecision unapproved = desk.ProposeSaleEvent(s_case, command, []);
        Assert.Equal(ApprovalRejection.TooFewApprovals, unapproved.Approval);
        byte[] message = ApprovalMessage.Of(s_case, desk.FindSale(s_case)!.Value.Case.TransitionCount + 1, (byte)command.Event, unapproved.Payouts);
        return command with { Approvals = [.. new[] { _notary1, _notary2 }.Select(n => new PayoutApproval(n.Id, n.Keys[0].Fingerprint, _keys[n.Id].Sign(message)))] };
    }

    private async Task StatementAsync(BankDesk bank, TransferId transfer, long amountFen, StatementDirection direction, string counterparty)
    {
        var line = new StatementLine(BankNumber, $"S{++_serial}", DailyBalances.DayOf(_clock.GetUtcNow().ToUnixTimeMilliseconds()), StatementRowType.Line, direction, amountFen, counterparty, $"EC{transfer.Value:x32}");
        Assert.Equal(StatementLineStatus.Booked, Assert.Single(await bank.ImportAsync(_office, new Statement([line], []), CancellationToken.None)).Status);
    }

    private static long Held(EscrowBook book, CaseAccountPurpose purpose) =>
        book.BalanceOf(CaseAccounts.Of(s_case, purpose)) is AccountBalance b ? b.CreditsPosted - b.DebitsPosted - b.DebitsPending : 0;

    private (EscrowBook Book, BankDesk Bank, CaseDesk Desk) Open()
    {
        EscrowBook book = EscrowBook.Open(_log.Store, _log.Intake, _clock, RandomNumberGenerator.Fill);
        BankDesk bank = BankDesk.Open(_log.Store, book, _log.Intake, _clock, RandomNumberGenerator.Fill, new BankDeskOptions(new Dictionary<string, AccountId> { [BankNumber] = s_bank }, new AccountId(0xB001), new AccountId(0xB002), 1, 90, 91));
        CaseDesk desk = CaseDesk.Open(_log.Store, _log.Intake, new LogQueries(_log.Store, _log.Notary, _log.Sequencer), book, _parties, _clock, RandomNumberGenerator.Fill, _calendar);
        return (book, bank, desk);
    }

    private Party Register(PartyRole role, bool canApprove = false)
    {
        Party party = _parties.Register(_office, role, role.ToString(), canApprove);
        var key = new Ed25519MemoryKey(RandomNumberGenerator.GetBytes(Ed25519MemoryKey.SeedLengthBytes));
        _keys[party.Id] = key;
        return _parties.BindKey(_office, party.Id, key.PublicKey.ToArray());
    }

    private Task<ulong> RecordAsync(CaseDesk desk, ArtefactType type, Party issuer, byte subject = 0, byte leg = 0, long amountFen = 0, string reference = "DOC")
    {
        byte[] document = RandomNumberGenerator.GetBytes(64);
        return desk.RecordArtefactAsync(_office, Artefact(type, issuer, subject, leg, amountFen, reference, new DigestPair(Digest.Read(SHA256.HashData(document)), Sm3.HashData(document))), CancellationToken.None);
    }

    private CaseArtefact Artefact(ArtefactType type, Party issuer, byte subject, byte leg, long amountFen, string reference, DigestPair document)
    {
        var artefact = new CaseArtefact(
            s_case, type, subject, leg, issuer.Id, issuer.Id, issuer.Keys[0].Fingerprint, _clock.GetUtcNow().ToUnixTimeMilliseconds(),
            null, amountFen, reference, document.Sha256, document.Sm3, []);
        return artefact with { Signature = _keys[issuer.Id].Sign(artefact.SignedBytes()) };
    }

    private SealedSaleConditions Terms() => new(
        PriceFen,
        [_buyer.Id],
        [_debtor.Id],
        DebtorKind.Individual,
        new PayeeAccount("6217001234567890123", "王五"),
        new PayeeAccount("6228480000000000005", "赵六"),
        new DateOnly(2025, 11, 30),
        0);
}
