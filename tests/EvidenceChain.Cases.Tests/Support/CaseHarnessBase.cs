using System.Security.Cryptography;
using EvidenceChain.Cases.Approvals;
using EvidenceChain.Cases.Evidence;
using EvidenceChain.Core.Access;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Ledger.Banking;
using EvidenceChain.Ledger.Escrow;

namespace EvidenceChain.Cases.Tests.Support;

/// <summary>
/// What a harness drives a case's pure rules against, whatever the kind of case: a real
/// <see cref="EscrowLedger"/> holding the escrow bank account, registered parties with real keys (two
/// notaries who can approve, the second with SM2, and the registry), artefacts signed by their issuers
/// and recorded at consecutive leaves, payouts approved by both notaries, and statement lines booked as
/// the bank desk books them (a post carrying its value date). Every booking must succeed in full.
/// </summary>
internal abstract class CaseHarnessBase : IDisposable
{
    public const uint Cny = 1;

    private readonly TestRegistry _registry = new();
    private readonly Dictionary<TransferId, Transfer> _resolutions = [];
    private readonly Dictionary<TransferId, Transfer> _pendingById = [];
    private ulong _nextLeaf;
    private ulong _statementSerial;

    /// <param name="day">The day the case's rules decide on until a test moves it.</param>
    protected CaseHarnessBase(DateOnly day)
    {
        Assert.Equal(CreateAccountResult.Ok, Assert.Single(Ledger.CreateAccounts([new Account(Bank, AccountKind.EscrowBank, Cny, 1)])));
        Day = day;
        Notary1 = _registry.Add(PartyRole.Notary, canApprove: true);
        Notary2 = _registry.Add(PartyRole.Notary, canApprove: true, sm2: true);
        Registry = _registry.Add(PartyRole.Registry);
    }

    public static AccountId Bank { get; } = new(0xBA);

    public EscrowLedger Ledger { get; } = new();

    public DateOnly Day { get; set; }

    public Party Notary1 { get; }

    public Party Notary2 { get; }

    public Party Registry { get; }

    /// <summary>9:00 China Standard Time on <paramref name="day"/>, in Unix milliseconds: when an artefact of that day was issued.</summary>
    public static long MsOf(DateOnly day) => new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), DailyBalances.ChinaStandardTime).ToUnixTimeMilliseconds();

    /// <summary>Another registered party with its own key.</summary>
    public Party AddParty(PartyRole role) => _registry.Add(role);

    public PayoutApproval Approval(Party notary, byte[] message) => new(notary.Id, notary.Keys[0].Fingerprint, _registry.Sign(notary, message));

    /// <summary>The bank's statement line for a pending transfer, booked as the bank desk books it: a post carrying the value date.</summary>
    public void StatementPosts(TransferId pending, DateOnly valueDate)
    {
        Transfer held = PendingTransfer(pending);
        var post = held with
        {
            Id = new TransferId(0x5E_0000_0000 + ++_statementSerial),
            Flags = TransferFlags.PostPending,
            PendingId = pending,
            UserData64 = BankRecord.DateNumber(valueDate),
        };
        Assert.Equal(CreateTransferResult.Ok, Assert.Single(Ledger.CreateTransfers([post])));
        _resolutions[pending] = post;
        OnBooked();
    }

    /// <summary>A pending transfer the case booked.</summary>
    public Transfer PendingTransfer(TransferId id) => _pendingById[id];

    /// <summary>What a liability account holds posted (credits less debits); 0 when it does not exist.</summary>
    public long Held(AccountId account) => Ledger.BalanceOf(account) is AccountBalance b ? b.CreditsPosted - b.DebitsPosted : 0;

    public void Dispose() => _registry.Dispose();

    /// <summary>What the rules see at 10:00 on <see cref="Day"/>: the registry, the ledger and the statement's resolutions.</summary>
    protected CaseContext ContextOf(ulong signedTreeSize, Func<DateOnly, DateOnly?>? objectionLastDay = null) => new(
        Day,
        new DateTimeOffset(Day.ToDateTime(new TimeOnly(10, 0)), DailyBalances.ChinaStandardTime).ToUnixTimeMilliseconds(),
        signedTreeSize,
        _registry.Find,
        id => Ledger.BalanceOf(id),
        id => Ledger.StateOf(id),
        id => _resolutions.GetValueOrDefault(id),
        deposited => deposited.AddYears(5).AddDays(1),
        ObjectionLastDay: objectionLastDay);

    /// <summary>The registered party with <paramref name="id"/>.</summary>
    protected Party PartyOf(string id) => _registry.Find(id)!;

    /// <summary>
    /// An artefact of <paramref name="caseId"/> issued on <paramref name="issuedOn"/> by <paramref name="issuer"/>,
    /// signed by it, recorded at the next leaf; the document digests random unless given.
    /// </summary>
    protected RecordedArtefact RecordArtefact(
        CaseId caseId, ArtefactType type, Party issuer, byte subject, byte leg, long amountFen, DateOnly issuedOn,
        DateOnly? validThrough = null, DigestPair? document = null, string? reference = null)
    {
        DigestPair digests = document ?? RandomDocument();
        var artefact = new CaseArtefact(
            caseId, type, subject, leg, issuer.Id, issuer.Id, issuer.Keys[0].Fingerprint, MsOf(issuedOn),
            validThrough, amountFen, reference ?? $"DOC-{_nextLeaf}", digests.Sha256, digests.Sm3, []);
        return new RecordedArtefact(artefact with { Signature = _registry.Sign(issuer, artefact.SignedBytes()) }, _nextLeaf++);
    }

    /// <summary>Both notaries' approvals of exactly <paramref name="payouts"/>, for the transition numbered <paramref name="transitionNumber"/>.</summary>
    protected PayoutApproval[] BothNotariesApprove(CaseId caseId, ulong transitionNumber, byte eventNumber, IReadOnlyList<Payout> payouts)
    {
        byte[] message = ApprovalMessage.Of(caseId, transitionNumber, eventNumber, payouts);
        return [Approval(Notary1, message), Approval(Notary2, message)];
    }

    /// <summary>Books an accepted decision's accounts and transfers, which must all succeed, and remembers its pending transfers for the statement.</summary>
    protected void Book(IReadOnlyList<Account> accounts, IReadOnlyList<Transfer> transfers)
    {
        if (accounts.Count > 0)
        {
            Assert.All(Ledger.CreateAccounts(accounts), r => Assert.True(IsBooked(r), r.ToString()));
        }

        if (transfers.Count > 0)
        {
            Assert.All(Ledger.CreateTransfers(transfers), r => Assert.Equal(CreateTransferResult.Ok, r));
        }

        foreach (Transfer transfer in transfers.Where(t => (t.Flags & TransferFlags.Pending) != 0))
        {
            _pendingById[transfer.Id] = transfer;
        }

        OnBooked();
    }

    /// <summary>Whether creating a decision's account ended as it must: created, unless the kind of case says otherwise.</summary>
    protected virtual bool IsBooked(CreateAccountResult result) => result == CreateAccountResult.Ok;

    /// <summary>Called after every booking (a decision or a statement line), for checks the kind of case adds.</summary>
    protected virtual void OnBooked()
    {
    }

    private static DigestPair RandomDocument()
    {
        byte[] document = RandomNumberGenerator.GetBytes(64);
        return new DigestPair(Digest.Read(SHA256.HashData(document)), Sm3.HashData(document));
    }
}
