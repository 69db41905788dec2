using System.Security.Cryptography;
using EvidenceChain.Cases;
using EvidenceChain.Cases.Accounts;
using EvidenceChain.Cases.Calendar;
using EvidenceChain.Cases.Evidence;
using EvidenceChain.Cases.Mortgage;
using EvidenceChain.Cases.Records;
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
/// The case desk over the real store, ledger and bank desk: a case opened, its artefacts recorded
/// and checked against registered keys, events applied (booked, then recorded), the buyer's money
/// arriving through an imported statement line whose value date becomes the deposit date, the
/// deadlines that follow, a refusal that books nothing, and the case rebuilt at reopen.
/// </summary>
public sealed class CaseDeskTests : IDisposable
{
    private const string BankNumber = "6222021001001234567";
    private static readonly AccountId s_bank = new(0xBA);
    private static readonly CaseId s_case = new(0xCA5E);

    private readonly TestLog _log = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 11, 30, 10, 0, 0, DailyBalances.ChinaStandardTime));
    private readonly PartyRegistry _parties;
    private readonly Dictionary<string, Ed25519MemoryKey> _keys = [];
    private readonly Caller _office;
    private readonly Party _notary;
    private readonly Party _registry;
    private readonly Party _sellerBank;
    private readonly Party _buyer;
    private readonly Party _seller;
    private readonly WorkingDayCalendar _calendar = CaseCalendars.LoadChina();

    public CaseDeskTests()
    {
        _parties = new PartyRegistry(_log.RealStore, _clock, RandomNumberGenerator.Fill);
        _office = new Caller(_parties.EnsureOffice("济南市公证处").Id, PartyRole.NotaryOffice);
        _notary = Register(PartyRole.Notary, canApprove: true);
        _registry = Register(PartyRole.Registry);
        _sellerBank = Register(PartyRole.Lender);
        _buyer = Register(PartyRole.Enterprise);
        _seller = Register(PartyRole.Enterprise);
    }

    [Fact]
    public async Task Case_ArtefactsEventsAndStatementLine_DepositDateDeadlines_RebuiltAtReopen()
    {
        (EscrowBook book, BankDesk bank, CaseDesk desk) = Open();
        await book.CreateAccountsAsync(_office, [new Account(s_bank, AccountKind.EscrowBank, 1, 1)], CancellationToken.None);
        await desk.OpenCaseAsync(_office, new CaseOpening(s_case, "(2025)鲁济南证字第1234号", s_bank, 1), CancellationToken.None);
        await Assert.ThrowsAsync<QueryException>(() => desk.OpenCaseAsync(_office, new CaseOpening(s_case, "again", s_bank, 1), CancellationToken.None));

        // An artefact not yet in a signed checkpoint does not satisfy a guard; once signed, it does.
        _clock.SetUtcNow(new DateTimeOffset(2025, 12, 1, 10, 0, 0, DailyBalances.ChinaStandardTime));
        ulong title = await RecordAsync(desk, ArtefactType.TitleSearch, _registry, ArtefactSubjects.TitleClean);
        CaseOutcome early = await desk.ApplyAsync(_office, s_case, new MortgageCommand(MortgageEvent.Accept), [title], CancellationToken.None);
        Assert.Equal((CaseRejection.GuardNotSatisfied, GuardRejection.NotYetIncluded), (early.Decision.Rejection, early.Decision.Guard));
        _log.Sequencer.SignPending();
        Assert.True((await desk.ApplyAsync(_office, s_case, new MortgageCommand(MortgageEvent.Accept), [title], CancellationToken.None)).IsApplied);

        ulong agreement = await RecordAsync(desk, ArtefactType.NotarizedAgreement, _notary);
        ulong consent = await RecordAsync(desk, ArtefactType.LenderConsent, _sellerBank, leg: 1);
        ulong buyerConsent = await RecordAsync(desk, ArtefactType.PartyConsent, _buyer);
        ulong sellerConsent = await RecordAsync(desk, ArtefactType.PartyConsent, _seller);
        _log.Sequencer.SignPending();
        CaseOutcome notarized = await desk.ApplyAsync(_office, s_case, new MortgageCommand(MortgageEvent.NotarizeAgreement, Conditions: Conditions()), [agreement, consent, buyerConsent, sellerConsent], CancellationToken.None);
        Assert.True(notarized.IsApplied, notarized.Decision.Detail);
        Assert.All(notarized.Accounts!.AccountResults, r => Assert.Equal(CreateAccountResult.Ok, r));

        // A crash between booking an event's postings and recording its transition, reproduced by
        // booking them alone (a kill cannot be timed to fall exactly there): the ledger is ahead of the
        // case, and applying the same event again records it without booking anything twice.
        var expect = new MortgageCommand(MortgageEvent.ExpectDeposit, Leg: 1, AmountFen: 80_000_000);
        MortgageDecision planned = desk.Propose(s_case, expect, []);
        await book.CreateTransfersAsync(_office, planned.Transfers, CancellationToken.None, [Ports.LeafRecord.CaseKey(s_case.Value)]);
        Assert.Equal(planned.Transfers.Select(t => t.Id), desk.UnrecordedTransfers(s_case));
        CaseOutcome recorded = await desk.ApplyAsync(_office, s_case, expect, [], CancellationToken.None);
        Assert.True(recorded.IsApplied);
        Assert.Equal(CreateTransferResult.Exists, Assert.Single(recorded.Transfers!.TransferResults));
        Assert.Empty(desk.UnrecordedTransfers(s_case));
        TransferId deposit = CaseTransferIds.Of(s_case, CaseStep.BuyerDeposit, 1);
        StatementLine line = new(BankNumber, "B1", new DateOnly(2025, 12, 3), StatementRowType.Line, StatementDirection.Credit, 80_000_000, "6217001234567890123", $"EC{deposit.Value:x32}");
        Assert.Equal(StatementLineStatus.Booked, Assert.Single(await bank.ImportAsync(_office, new Statement([line], []), CancellationToken.None)).Status);
        _clock.SetUtcNow(new DateTimeOffset(2025, 12, 4, 10, 0, 0, DailyBalances.ChinaStandardTime));
        Assert.True((await desk.ApplyAsync(_office, s_case, new MortgageCommand(MortgageEvent.ConfirmFunding), [], CancellationToken.None)).IsApplied);

        // A refusal books and records nothing: the title is not locked.
        ulong leaves = _log.Store.LeafCount;
        ulong batches = book.LastBatchNumber;
        CaseOutcome refused = await desk.ApplyAsync(_office, s_case, new MortgageCommand(MortgageEvent.ReservePayoff, Leg: 1), [title, title], CancellationToken.None);
        Assert.Equal(CaseRejection.GuardNotSatisfied, refused.Decision.Rejection);
        Assert.Equal((leaves, batches), (_log.Store.LeafCount, book.LastBatchNumber));

        (CaseOpening _, MortgageCase funded, long _) = desk.Find(s_case)!.Value;
        Assert.Equal((MortgageState.Funded, new DateOnly(2025, 12, 3)), (funded.State, funded.DepositDate));
        IReadOnlyList<CaseDeadline> deadlines = desk.DeadlinesOf(s_case);
        Assert.Equal(new DateOnly(2025, 12, 8), deadlines.Single(d => d.Rule == DeadlineRule.Certificate).LastDay); // 3 days end on a Saturday: the next working day
        Assert.Equal(new DateOnly(2025, 12, 10), deadlines.Single(d => d.Rule == DeadlineRule.Notice).LastDay);
        Assert.Null(deadlines.Single(d => d.Rule == DeadlineRule.Lapse).LastDay); // 2030: beyond the calendar, not guessed
        Assert.True(deadlines.Single(d => d.Rule == DeadlineRule.Acceptance).Met);
        Assert.False(deadlines.Single(d => d.Rule == DeadlineRule.Certificate).Met);

        // The certificate recorded on the notary's evidence meets its deadline; the case stays where it is.
        ulong certificate = await RecordAsync(desk, ArtefactType.EscrowCertificate, _notary);
        _log.Sequencer.SignPending();
        Assert.True((await desk.ApplyAsync(_office, s_case, new MortgageCommand(MortgageEvent.RecordCertificate), [certificate], CancellationToken.None)).IsApplied);
        Assert.True(desk.DeadlinesOf(s_case).Single(d => d.Rule == DeadlineRule.Certificate).Met);
        (_, funded, _) = desk.Find(s_case)!.Value;

        (_, _, CaseDesk reopened) = Open();
        (CaseOpening opening, MortgageCase rebuilt, long _) = reopened.Find(s_case)!.Value;
        Assert.Equal("(2025)鲁济南证字第1234号", opening.CaseNumber);
        Assert.Equal((funded.State, funded.TransitionCount, funded.DepositDate, funded.Tranches.Single()), (rebuilt.State, rebuilt.TransitionCount, rebuilt.DepositDate, rebuilt.Tranches.Single()));

        _log.Sequencer.SignPending();
        RecordStatementVerdict(desk);
    }

    [Fact]
    public async Task RecordArtefact_SignedByNoRegisteredKeyOrTampered_Refused()
    {
        (EscrowBook book, _, CaseDesk desk) = Open();
        await book.CreateAccountsAsync(_office, [new Account(s_bank, AccountKind.EscrowBank, 1, 1)], CancellationToken.None);
        await desk.OpenCaseAsync(_office, new CaseOpening(s_case, "(2025)鲁济南证字第1235号", s_bank, 1), CancellationToken.None);
        CaseArtefact signed = Artefact(ArtefactType.TitleSearch, _registry, ArtefactSubjects.TitleClean, 0);

        await Assert.ThrowsAsync<QueryException>(() => desk.RecordArtefactAsync(_office, signed with { AmountFen = 1 }, CancellationToken.None));
        await Assert.ThrowsAsync<QueryException>(() => desk.RecordArtefactAsync(_office, signed with { SignerKeyFingerprint = _notary.Keys[0].Fingerprint }, CancellationToken.None));
        await Assert.ThrowsAsync<QueryException>(() => desk.RecordArtefactAsync(_office, signed with { CaseId = new CaseId(0xCA5F) }, CancellationToken.None));
        ulong leaf = await desk.RecordArtefactAsync(_office, signed, CancellationToken.None);
        Assert.Equal(Core.Leaves.LeafType.CaseTransition, _log.Store.FindRecord(leaf)!.Type);
    }

    public void Dispose()
    {
        foreach (Ed25519MemoryKey key in _keys.Values)
        {
            key.Dispose();
        }

        _log.Dispose();
    }

    private void RecordStatementVerdict(CaseDesk desk)
    {
        Core.Records.RecordStatement statement = new RecordStatements(_log.Store, new LogQueries(_log.Store, _log.Notary, _log.Sequencer)).StatementOf(Ports.LeafRecord.CaseKey(s_case.Value), 0, 100);
        Assert.True(statement.Verify(_log.Notary.VerifierKeys, [Core.Leaves.LeafType.CaseTransition, Core.Leaves.LeafType.LedgerBatch], out _, out _).IsValid);
        Assert.False(statement.Verify(_log.Notary.VerifierKeys, Core.Leaves.LeafType.CaseTransition, out _, out _).IsValid); // its ledger batches are not case leaves
        // The opening, five transitions, six artefacts (the one used before it was signed included: it is
        // recorded), and the ledger batches of its postings: its accounts, its expected deposit (booked,
        // then met again as Exists), and the bank's statement line that posted it.
        Assert.Equal(1 + 5 + 6 + 4, statement.Entries.Count);
        Assert.NotNull(desk.Find(s_case));
    }

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

    private Task<ulong> RecordAsync(CaseDesk desk, ArtefactType type, Party issuer, byte subject = 0, byte leg = 0) =>
        desk.RecordArtefactAsync(_office, Artefact(type, issuer, subject, leg), CancellationToken.None);

    private CaseArtefact Artefact(ArtefactType type, Party issuer, byte subject, byte leg)
    {
        byte[] document = RandomNumberGenerator.GetBytes(64);
        var artefact = new CaseArtefact(
            s_case, type, subject, leg, issuer.Id, issuer.Id, issuer.Keys[0].Fingerprint, _clock.GetUtcNow().ToUnixTimeMilliseconds(),
            null, 0, "DOC", Digest.Read(SHA256.HashData(document)), Sm3.HashData(document), []);
        return artefact with { Signature = _keys[issuer.Id].Sign(artefact.SignedBytes()) };
    }

    private ConditionSet Conditions() => new(
        200_000_000,
        [_buyer.Id],
        [_seller.Id],
        [new PayoffLeg(1, LoanKind.Commercial, _sellerBank.Id, new PayeeAccount("6222000000000000001", "招商银行济南分行"))],
        new PayeeAccount("6228480000000000002", "张三"),
        new PayeeAccount("6228480000000000003", "李四"),
        300_000,
        FeePayer.Seller,
        new PayeeAccount("6222000000000000004", "济南市公证处"),
        LoanRoute.DirectToSeller,
        120_000_000,
        Register(PartyRole.Lender).Id,
        true,
        InterestRule.ToPayee);
}
