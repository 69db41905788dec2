using System.Buffers.Binary;
using System.Security.Cryptography;
using EvidenceChain.Cases;
using EvidenceChain.Cases.Accounts;
using EvidenceChain.Cases.Distribution;
using EvidenceChain.Cases.Evidence;
using EvidenceChain.Cases.Sealed;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Signing;
using EvidenceChain.Protocol.V1;
using Google.Protobuf;
using Grpc.Core;
using CoreKey = EvidenceChain.Core.Access.PartyKey;

namespace EvidenceChain.Service.Tests.Support;

/// <summary>
/// Drives 带封过户 cases over gRPC on one real service shared by a test class (cases are independent
/// by id), or on the service of one kill test, which it outlives (<see cref="Kill"/>,
/// <see cref="StartAfterKill"/>: the parties and keys are in the store), as a notary office would:
/// two courts, the registry, two notaries, a buyer, a debtor and a mortgagee registered with Ed25519 keys; artefacts signed by their issuers and recorded; events
/// proposed, approved by both notaries when they make payouts, and applied; money moved by statement
/// lines imported through BankService. DOMAIN.md §4.3's numbers: a 1,000,000.00 sale, costs
/// 20,000.00, a 500,000.00 mortgage, ordinary creditors A 300,000.00 (court A's first seizure) and
/// B 400,000.00 (court B's waiting-list seizure of the same home, and its first seizure of a garage).
/// <para>
/// Reuses <see cref="CaseDriver"/> for the escrow client, statement lines and checkpoint waits. Its
/// party keys are private to it, so the party registration, artefact signing and approval bits are
/// copied here, with an artefact's issue time, reference and document digests as parameters.
/// </para>
/// </summary>
public sealed class SaleDriver : IAsyncLifetime, IDisposable
{
    public const long PriceFen = 100_000_000;
    public const long FloorFen = 95_000_000;
    public const long CostsFen = 2_000_000;
    public const long MortgageFen = 50_000_000;
    public const long ClaimAFen = 30_000_000;
    public const long ClaimBFen = 40_000_000;

    private readonly TempDirectory _data = new();
    private readonly CaseDriver _money = new();
    private readonly Dictionary<string, Ed25519MemoryKey> _keys = [];

    public static CasePayee CostsPayee { get; } = new() { BankAccount = "1602000000000000001", Name = "济南市历下区人民法院执行款专户" };

    public static CasePayee MortgageePayee { get; } = new() { BankAccount = "6222000000000000011", Name = "招商银行济南分行" };

    public static CasePayee CreditorAPayee { get; } = new() { BankAccount = "6228480000000000012", Name = "债权人甲" };

    public static CasePayee CreditorBPayee { get; } = new() { BankAccount = "6228480000000000013", Name = "债权人乙" };

    public static CasePayee BuyerPayee { get; } = new() { BankAccount = "6228480000000000014", Name = "买受人王五" };

    public static CasePayee DebtorPayee { get; } = new() { BankAccount = "6228480000000000015", Name = "被执行人赵六" };

    /// <summary>The enforcing court's execution-fund account: where a forfeit goes.</summary>
    public static CasePayee CourtFundPayee { get; } = new() { BankAccount = "1602000000000000002", Name = "济南市历下区人民法院执行款专户" };

    public string Notary1 { get; private set; } = string.Empty;

    public string Notary2 { get; private set; } = string.Empty;

    public string Registry { get; private set; } = string.Empty;

    /// <summary>The court of the first seizure of the home: it enforces.</summary>
    public string CourtA { get; private set; } = string.Empty;

    /// <summary>The court of the waiting-list seizure of the home and the first of the garage: it consents.</summary>
    public string CourtB { get; private set; } = string.Empty;

    public string Buyer { get; private set; } = string.Empty;

    public string Debtor { get; private set; } = string.Empty;

    /// <summary>The mortgagee bank: a creditor that may object to a plan.</summary>
    public string Mortgagee { get; private set; } = string.Empty;

    public string DataDirectory => _data.Path;

    internal ServiceProcess Service { get; private set; } = null!;

    internal EscrowService.EscrowServiceClient Escrow => _money.Escrow;

    public static ByteString IdOf(UInt128 caseId) => CaseDriver.Id(caseId);

    public static CaseId CaseIdOf(ByteString caseId) => new(BinaryPrimitives.ReadUInt128BigEndian(caseId.Span));

    public async Task InitializeAsync()
    {
        Start();
        CreateAccountsResponse bank = await Escrow.CreateAccountsAsync(new CreateAccountsRequest { Accounts = { new LedgerAccount { Id = CaseDriver.Id(CaseDriver.Bank), Kind = LedgerAccountKind.EscrowBank, Ledger = 1, Code = 1 } } });
        Assert.Equal("Ok", Assert.Single(bank.ResultNames));
        Notary1 = await PartyAsync(PartyRole.Notary, canApprove: true);
        Notary2 = await PartyAsync(PartyRole.Notary, canApprove: true);
        Registry = await PartyAsync(PartyRole.Registry);
        CourtA = await PartyAsync(PartyRole.Court);
        CourtB = await PartyAsync(PartyRole.Court);
        Buyer = await PartyAsync(PartyRole.Enterprise);
        Debtor = await PartyAsync(PartyRole.Enterprise);
        Mortgagee = await PartyAsync(PartyRole.Lender);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        Service.Dispose();
        foreach (Ed25519MemoryKey key in _keys.Values)
        {
            key.Dispose();
        }

        _money.Dispose();
        _data.Dispose();
        Service.ThrowIfErrorsLogged();
    }

    /// <summary>kill -9: the service dies where it stands, calls in flight fail; <see cref="StartAfterKill"/> brings it back.</summary>
    internal void Kill() => Service.Kill();

    /// <summary>Starts a new service on the killed one's data directory: every case is rebuilt from its records.</summary>
    internal void StartAfterKill()
    {
        Service.Dispose();
        Start();
    }

    /// <summary>Stops the service cleanly (SIGTERM) and starts it again on the same data directory: every case is rebuilt from its records.</summary>
    internal void Restart()
    {
        Assert.Equal(0, Service.Terminate());
        Service.ThrowIfErrorsLogged();
        Service.Dispose();
        Start();
    }

    public Task OpenAsync(ByteString caseId) =>
        Escrow.OpenSealedSaleAsync(new OpenCaseRequest { CaseId = caseId, CaseNumber = $"(2026)鲁济南证字第{Convert.ToHexStringLower(caseId.Span)[^4..]}号", EscrowBankAccount = CaseDriver.Id(CaseDriver.Bank), Ledger = 1 }).ResponseAsync;

    public Task<GetSealedSaleResponse> GetAsync(ByteString caseId) => Escrow.GetSealedSaleAsync(new GetCaseRequest { CaseId = caseId }).ResponseAsync;

    public static SealedSaleEventRequest Request(ByteString caseId, SealedSaleEvent @event, uint leg = 0, long amountFen = 0, IReadOnlyList<ulong>? artefacts = null)
    {
        var request = new SealedSaleEventRequest { CaseId = caseId, Event = (uint)@event, Leg = leg, AmountFen = amountFen };
        request.ArtefactLeaves.AddRange(artefacts ?? []);
        return request;
    }

    /// <summary>Proposes, has both notaries sign the exact payouts when there are any, then applies.</summary>
    public async Task<ApplyTransitionResponse> ApplyAsync(SealedSaleEventRequest request)
    {
        ProposeTransitionResponse proposal = await Escrow.ProposeSealedSaleEventAsync(request);
        Assert.True(proposal.Rejection is 0 or 12, $"{(SealedSaleEvent)request.Event}: {proposal.RejectionName} {proposal.Detail}");
        if (proposal.Payouts.Count > 0)
        {
            request.Approvals.Add(Approve(Notary1, proposal.ApprovalMessage));
            request.Approvals.Add(Approve(Notary2, proposal.ApprovalMessage));
        }

        return await Escrow.ApplySealedSaleEventAsync(request);
    }

    /// <summary>
    /// An artefact issued by <paramref name="issuer"/> (now, unless <paramref name="issuedAtMs"/>), signed
    /// with its registered key, recorded, and waited for until a signed checkpoint includes it. The
    /// document digests are of a random document unless given (a court's plan).
    /// </summary>
    public async Task<ulong> ArtefactAsync(ByteString caseId, ArtefactType type, string issuer, byte subject = 0, byte leg = 0, long amountFen = 0, string reference = "DOC", DigestPair? document = null, long? issuedAtMs = null)
    {
        Ed25519MemoryKey key = _keys[issuer];
        byte[] random = RandomNumberGenerator.GetBytes(64);
        DigestPair digests = document ?? new DigestPair(Digest.Read(SHA256.HashData(random)), Sm3.HashData(random));
        var artefact = new CaseArtefact(
            CaseIdOf(caseId), type, subject, leg, issuer, issuer, new CoreKey(key.PublicKey.ToArray(), 0, null).Fingerprint,
            issuedAtMs ?? DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), null, amountFen, reference, digests.Sha256, digests.Sm3, []);
        artefact = artefact with { Signature = key.Sign(artefact.SignedBytes()) };
        ulong leaf = (await Escrow.RecordArtefactAsync(new RecordArtefactRequest { Artefact = ByteString.CopyFrom(artefact.Encode()) })).LeafIndex;
        await WaitSignedAsync(leaf);
        return leaf;
    }

    public Task WaitSignedAsync(ulong leaf) => _money.WaitSignedAsync(leaf);

    /// <summary>The bank's statement line for a pending transfer (value date today): a credit posts a deposit, a debit a payout.</summary>
    public Task StatementAsync(ByteString transferId, long amountFen, char direction) => _money.StatementAsync(transferId, amountFen, direction);

    /// <summary>Every payout of an applied event on the statement.</summary>
    public async Task PayoutsPostedAsync(ApplyTransitionResponse applied)
    {
        foreach (CasePayout payout in applied.Payouts)
        {
            await StatementAsync(payout.TransferId, payout.AmountFen, 'D');
        }
    }

    public async Task<AccountWithBalance> BalanceAsync(ByteString caseId, CaseAccountPurpose purpose, byte leg = 0) =>
        Assert.Single((await Escrow.LookupAccountsAsync(new LookupAccountsRequest { Ids = { CaseDriver.Id(CaseAccounts.Of(CaseIdOf(caseId), purpose, leg).Value) } })).Accounts);

    public async Task<AccountWithBalance> BankAsync() =>
        Assert.Single((await Escrow.LookupAccountsAsync(new LookupAccountsRequest { Ids = { CaseDriver.Id(CaseDriver.Bank) } })).Accounts);

    public static ByteString TransferIdOf(ByteString caseId, CaseStep step, byte leg = 0, ushort attempt = 0) =>
        CaseDriver.Id(CaseTransferIds.Of(CaseIdOf(caseId), step, leg, attempt).Value);

    /// <summary>The agreement: the example's price, the buyer and the debtor (an individual unless <paramref name="debtor"/>), due in 30 days unless <paramref name="dueDate"/>.</summary>
    public SealedSaleTerms Terms(DateOnly? dueDate = null, long forfeitFen = 0, DebtorKind debtor = DebtorKind.Individual) => new()
    {
        PriceFen = PriceFen,
        BuyerPartyIds = { Buyer },
        DebtorPartyIds = { Debtor },
        DebtorKind = (uint)debtor,
        BuyerRefundPayee = BuyerPayee,
        DebtorPayee = DebtorPayee,
        PaymentDueDate = (dueDate ?? CaseDriver.Today.AddDays(30)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ForfeitOnDefaultFen = forfeitFen,
    };

    // ---- DOMAIN.md §4.3's case, step by step ----

    /// <summary>Court A's first seizure of the home (property 1, A's claim), court B's waiting-list seizure of it and court B's first seizure of the garage (property 2), both for B's claim.</summary>
    public async Task RecordSeizuresAsync(ByteString caseId)
    {
        for (uint seizure = 1; seizure <= 3; seizure++)
        {
            await ApplyAsync(await SeizureRequestAsync(caseId, seizure));
        }
    }

    /// <summary>Seizure <paramref name="seizure"/> (1 to 3) of <see cref="RecordSeizuresAsync"/>, its court's artefact recorded; B's claim is <paramref name="claimBFen"/>.</summary>
    public async Task<SealedSaleEventRequest> SeizureRequestAsync(ByteString caseId, uint seizure, long claimBFen = ClaimBFen)
    {
        ulong artefact = seizure switch
        {
            1 => await ArtefactAsync(caseId, ArtefactType.CourtDocument, CourtA, ArtefactSubjects.SeizureFirst, 1, ClaimAFen, "(2025)鲁0102执1001号"),
            2 => await ArtefactAsync(caseId, ArtefactType.CourtDocument, CourtB, ArtefactSubjects.SeizureWaiting, 1, claimBFen, "(2025)鲁0103执2002号"),
            3 => await ArtefactAsync(caseId, ArtefactType.CourtDocument, CourtB, ArtefactSubjects.SeizureFirst, 2, claimBFen, "(2025)鲁0103执2002号"),
            _ => throw new ArgumentOutOfRangeException(nameof(seizure), seizure, "the example has seizures 1 to 3"),
        };
        return Request(caseId, SealedSaleEvent.RecordSeizure, seizure, 0, [artefact]);
    }

    /// <summary>SEIZED → AGREEMENT_NOTARIZED: the seizures, mediation at the price, court A's approval with its floor and court B's consent, the agreement with each party's consent.</summary>
    public async Task RunToNotarizedAsync(ByteString caseId, SealedSaleTerms terms)
    {
        await OpenAsync(caseId);
        await RecordSeizuresAsync(caseId);
        await ApplyAsync(await ProposeSaleRequestAsync(caseId, terms.PriceFen));
        await ApplyAsync(await ApproveSaleRequestAsync(caseId));
        await ApplyAsync(await NotarizeRequestAsync(caseId, terms));
    }

    /// <summary>The mediation record at <paramref name="priceFen"/>, recorded.</summary>
    public async Task<SealedSaleEventRequest> ProposeSaleRequestAsync(ByteString caseId, long priceFen) =>
        Request(caseId, SealedSaleEvent.ProposeSale, artefacts: [await ArtefactAsync(caseId, ArtefactType.MediationRecord, Notary1, amountFen: priceFen)]);

    /// <summary>Court A's approval with its floor and court B's consent, recorded.</summary>
    public async Task<SealedSaleEventRequest> ApproveSaleRequestAsync(ByteString caseId) =>
        Request(
            caseId,
            SealedSaleEvent.ApproveSale,
            artefacts: [await ArtefactAsync(caseId, ArtefactType.CourtDocument, CourtA, ArtefactSubjects.SaleApproval, amountFen: FloorFen), await ArtefactAsync(caseId, ArtefactType.CourtDocument, CourtB, ArtefactSubjects.SaleConsent)]);

    /// <summary>The agreement, then the notarized agreement and each buyer's and debtor's own consent, in the guard's order.</summary>
    public async Task<SealedSaleEventRequest> NotarizeRequestAsync(ByteString caseId, SealedSaleTerms terms)
    {
        var leaves = new List<ulong> { await ArtefactAsync(caseId, ArtefactType.NotarizedAgreement, Notary1) };
        foreach (string party in terms.BuyerPartyIds.Concat(terms.DebtorPartyIds))
        {
            leaves.Add(await ArtefactAsync(caseId, ArtefactType.PartyConsent, party));
        }

        SealedSaleEventRequest request = Request(caseId, SealedSaleEvent.NotarizeAgreement, artefacts: [.. leaves]);
        request.Terms = terms;
        return request;
    }

    /// <summary>The whole price expected in one tranche, its statement line, funding confirmed.</summary>
    public async Task FundAsync(ByteString caseId)
    {
        ApplyTransitionResponse expected = await ApplyAsync(Request(caseId, SealedSaleEvent.ExpectDeposit, 1, PriceFen));
        await StatementAsync(Assert.Single(expected.TransferIds), PriceFen, 'C');
        Assert.Equal("Funded", (await ApplyAsync(Request(caseId, SealedSaleEvent.ConfirmFunding))).StateName);
    }

    public async Task<ApplyTransitionResponse> IssueAssistanceAsync(ByteString caseId) =>
        await ApplyAsync(await IssueAssistanceRequestAsync(caseId));

    /// <summary>Court A's assistance notice, recorded.</summary>
    public async Task<SealedSaleEventRequest> IssueAssistanceRequestAsync(ByteString caseId) =>
        Request(caseId, SealedSaleEvent.IssueAssistance, artefacts: [await ArtefactAsync(caseId, ArtefactType.CourtDocument, CourtA, ArtefactSubjects.AssistanceNotice)]);

    /// <summary>The registry's two receipts for each property, unsealed then transferred: the price becomes the proceeds.</summary>
    public async Task<ApplyTransitionResponse> ConfirmTransferAsync(ByteString caseId) =>
        await ApplyAsync(await ConfirmTransferRequestAsync(caseId));

    /// <summary>The registry's receipts of <see cref="ConfirmTransferAsync"/>, recorded.</summary>
    public async Task<SealedSaleEventRequest> ConfirmTransferRequestAsync(ByteString caseId)
    {
        var leaves = new List<ulong>();
        foreach (byte property in new byte[] { 1, 2 })
        {
            leaves.Add(await ArtefactAsync(caseId, ArtefactType.RegistryReceipt, Registry, ArtefactSubjects.Unsealed, property));
            leaves.Add(await ArtefactAsync(caseId, ArtefactType.RegistryReceipt, Registry, ArtefactSubjects.TitleTransferred, property));
        }

        return Request(caseId, SealedSaleEvent.ConfirmTransfer, artefacts: [.. leaves]);
    }

    /// <summary>The whole example to TRANSFERRED.</summary>
    public async Task RunToTransferredAsync(ByteString caseId)
    {
        await RunToNotarizedAsync(caseId, Terms());
        await FundAsync(caseId);
        await IssueAssistanceAsync(caseId);
        Assert.Equal("Transferred", (await ConfirmTransferAsync(caseId)).StateName);
    }

    /// <summary>
    /// The example's tiers: costs (claim 1), the registered mortgage (claim 2), ordinary A (3) and B
    /// (4) with the claims and seizure times their first two seizures recorded, pro rata for an
    /// individual debtor or in order of seizure for a company. A function of the recorded case, so
    /// asked again it gives the same tiers.
    /// </summary>
    public static IEnumerable<DistributionTier> Tiers(GetSealedSaleResponse sale, DebtorKind debtor)
    {
        long mortgageRegisteredMs = new DateTimeOffset(2020, 3, 1, 9, 0, 0, TimeSpan.FromHours(8)).ToUnixTimeMilliseconds();
        yield return Tier(TierKind.Costs, TierMode.Sequential, Claim(1, CostsFen, sale.Seizures[0].SeizedAtMs, CostsPayee));
        yield return Tier(TierKind.Secured, TierMode.Sequential, Claim(2, MortgageFen, mortgageRegisteredMs, MortgageePayee));
        yield return Tier(
            TierKind.Ordinary,
            Allocator.OrdinaryModeFor(debtor),
            Claim(3, sale.Seizures[0].ClaimFen, sale.Seizures[0].SeizedAtMs, CreditorAPayee),
            Claim(4, sale.Seizures[1].ClaimFen, sale.Seizures[1].SeizedAtMs, CreditorBPayee));
    }

    /// <summary>The software's proposal for the court over the example's tiers.</summary>
    public async Task<ProposeDistributionResponse> ProposeDistributionAsync(ByteString caseId, DebtorKind debtor) =>
        await Escrow.ProposeDistributionAsync(new ProposeDistributionRequest { CaseId = caseId, Tiers = { Tiers(await GetAsync(caseId), debtor) } });

    /// <summary>Court A's plan artefact for <paramref name="proposal"/>: its document digests are the proposal's, its amount the net proceeds.</summary>
    public Task<ulong> PlanArtefactAsync(ByteString caseId, ProposeDistributionResponse proposal, long? issuedAtMs = null) =>
        ArtefactAsync(caseId, ArtefactType.CourtDocument, CourtA, ArtefactSubjects.DistributionPlan, amountFen: proposal.Plan.NetProceedsFen, reference: "(2025)鲁0102执1001号之三", document: DigestsOf(proposal), issuedAtMs: issuedAtMs);

    /// <summary>The court adopts the proposal unchanged: IssuePlan with it and court A's artefact for it.</summary>
    public async Task<ApplyTransitionResponse> IssuePlanAsync(ByteString caseId, ProposeDistributionResponse proposal)
    {
        SealedSaleEventRequest request = Request(caseId, SealedSaleEvent.IssuePlan, artefacts: [await PlanArtefactAsync(caseId, proposal)]);
        request.Plan = proposal.Plan;
        return await ApplyAsync(request);
    }

    public static DigestPair DigestsOf(ProposeDistributionResponse proposal) => new(Digest.Read(proposal.PlanSha256.Span), Digest.Read(proposal.PlanSm3.Span));

    /// <summary>A creditor's objection to the plan (the mortgagee's), issued now.</summary>
    public async Task<ApplyTransitionResponse> DisputePlanAsync(ByteString caseId) =>
        await ApplyAsync(await DisputeRequestAsync(caseId));

    /// <summary>The mortgagee's objection, recorded.</summary>
    public async Task<SealedSaleEventRequest> DisputeRequestAsync(ByteString caseId) =>
        Request(caseId, SealedSaleEvent.DisputePlan, artefacts: [await ArtefactAsync(caseId, ArtefactType.Objection, Mortgagee)]);

    /// <summary>Court A's decision on an objection: <see cref="SealedSaleEvent.UpholdPlan"/> or <see cref="SealedSaleEvent.SetAsidePlan"/>.</summary>
    public async Task<SealedSaleEventRequest> DecisionRequestAsync(ByteString caseId, SealedSaleEvent decision) =>
        Request(caseId, decision, artefacts: [await ArtefactAsync(caseId, ArtefactType.CourtDocument, CourtA, decision == SealedSaleEvent.UpholdPlan ? ArtefactSubjects.PlanUpheld : ArtefactSubjects.PlanSetAside)]);

    /// <summary>
    /// DOMAIN.md §4.3's case start to close as steps, each safe to run again after a crash (as
    /// <see cref="CaseDriver.WorkedExampleSteps"/>): an event is applied only while the case's
    /// transition count shows it has not happened (its artefacts are recorded afresh on a retry; the
    /// unused ones stay in the log, which is harmless), and a statement line already imported changes
    /// nothing. The debtor is <paramref name="debtor"/>; B's claim is <paramref name="claimBFen"/> (below
    /// 400,000.00 the creditors are paid in full and the debtor keeps a surplus). The plan becomes final
    /// by the mortgagee's objection and the court upholding it (the window cannot pass on a real clock).
    /// <para>
    /// The court's plan is the proposal for the recorded case, kept from the first try: a retry must
    /// present the plan whose digests the court's artefact carries, and after a crash between booking
    /// the plan's allocations and recording IssuePlan the proposal cannot be asked again (the booked
    /// allocations hold the proceeds, so ProposeDistribution finds none), as a notary office would keep
    /// the court's document rather than ask for it again.
    /// </para>
    /// </summary>
    public IReadOnlyList<(string Name, Func<Task> Run)> StartToCloseSteps(ByteString caseId, DebtorKind debtor, long claimBFen = ClaimBFen)
    {
        ulong transitions = 0;
        var steps = new List<(string, Func<Task>)>();
        void Event(SealedSaleEvent @event, Func<Task<SealedSaleEventRequest>> request)
        {
            ulong after = ++transitions;
            steps.Add(($"{@event} ({after})", async () =>
            {
                if ((await GetAsync(caseId)).TransitionCount < after)
                {
                    await ApplyAsync(await request());
                }
            }));
        }

        steps.Add(("open", async () =>
        {
            try
            {
                await OpenAsync(caseId);
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.AlreadyExists)
            {
            }
        }));
        for (uint seizure = 1; seizure <= 3; seizure++)
        {
            uint number = seizure;
            Event(SealedSaleEvent.RecordSeizure, () => SeizureRequestAsync(caseId, number, claimBFen));
        }

        Event(SealedSaleEvent.ProposeSale, () => ProposeSaleRequestAsync(caseId, PriceFen));
        Event(SealedSaleEvent.ApproveSale, () => ApproveSaleRequestAsync(caseId));
        Event(SealedSaleEvent.NotarizeAgreement, () => NotarizeRequestAsync(caseId, Terms(debtor: debtor)));
        Event(SealedSaleEvent.ExpectDeposit, () => Task.FromResult(Request(caseId, SealedSaleEvent.ExpectDeposit, 1, PriceFen)));
        steps.Add(("statement BuyerDeposit", () => StatementAsync(TransferIdOf(caseId, CaseStep.BuyerDeposit, 1), PriceFen, 'C')));
        Event(SealedSaleEvent.ConfirmFunding, () => Task.FromResult(Request(caseId, SealedSaleEvent.ConfirmFunding)));
        Event(SealedSaleEvent.IssueAssistance, () => IssueAssistanceRequestAsync(caseId));
        Event(SealedSaleEvent.ConfirmTransfer, () => ConfirmTransferRequestAsync(caseId));
        ProposeDistributionResponse? proposal = null;
        Event(SealedSaleEvent.IssuePlan, async () =>
        {
            proposal ??= await ProposeDistributionAsync(caseId, debtor);
            SealedSaleEventRequest request = Request(caseId, SealedSaleEvent.IssuePlan, artefacts: [await PlanArtefactAsync(caseId, proposal)]);
            request.Plan = proposal.Plan;
            return request;
        });
        Event(SealedSaleEvent.DisputePlan, () => DisputeRequestAsync(caseId));
        Event(SealedSaleEvent.UpholdPlan, () => DecisionRequestAsync(caseId, SealedSaleEvent.UpholdPlan));
        steps.Add(("statement DistributionPayout", async () =>
        {
            // The payouts are the recorded plan's: each claim paid something, and the debtor's surplus (claim 0).
            GetSealedSaleResponse sale = await GetAsync(caseId);
            var payouts = sale.Plan.Allocations.Select(a => new DistributionAllocation { ClaimNumber = a.ClaimNumber, AmountFen = a.AmountFen }).ToList();
            payouts.Add(new DistributionAllocation { ClaimNumber = 0, AmountFen = sale.Plan.DebtorSurplusFen });
            foreach (DistributionAllocation payout in payouts.Where(p => p.AmountFen > 0))
            {
                await StatementAsync(TransferIdOf(caseId, CaseStep.DistributionPayout, (byte)payout.ClaimNumber, (ushort)sale.PlanRevision), payout.AmountFen, 'D');
            }
        }));
        Event(SealedSaleEvent.ConfirmDistribution, () => Task.FromResult(Request(caseId, SealedSaleEvent.ConfirmDistribution)));
        Event(SealedSaleEvent.Close, () => Task.FromResult(Request(caseId, SealedSaleEvent.Close)));
        return steps;
    }

    private static DistributionTier Tier(TierKind kind, TierMode mode, params DistributionClaim[] claims) =>
        new() { Kind = (uint)kind, Mode = (uint)mode, Claims = { claims } };

    private static DistributionClaim Claim(uint number, long amountFen, long rankMs, CasePayee payee) =>
        new() { Number = number, AmountFen = amountFen, RankMs = rankMs, Payee = payee };

    private void Start()
    {
        Service = ServiceProcess.Start(_data.Path, CaseDriver.ServiceArguments);
        _money.Attach(Service);
    }

    private CaseApproval Approve(string notary, ByteString message) => new()
    {
        NotaryPartyId = notary,
        KeyFingerprint = ByteString.CopyFrom(Digest.AsBytes(new CoreKey(_keys[notary].PublicKey.ToArray(), 0, null).Fingerprint)),
        Signature = ByteString.CopyFrom(_keys[notary].Sign(message.Span)),
    };

    private async Task<string> PartyAsync(PartyRole role, bool canApprove = false)
    {
        var parties = new PartyService.PartyServiceClient(Service.Channel);
        Protocol.V1.Party party = await parties.RegisterPartyAsync(new RegisterPartyRequest { Role = role, DisplayName = role.ToString(), CanApprove = canApprove });
        var key = new Ed25519MemoryKey(RandomNumberGenerator.GetBytes(Ed25519MemoryKey.SeedLengthBytes));
        _keys[party.Id] = key;
        await parties.BindKeyAsync(new BindKeyRequest { PartyId = party.Id, PublicKey = ByteString.CopyFrom(key.PublicKey), Algorithm = KeyAlgorithm.Ed25519 });
        return party.Id;
    }
}
