using System.Buffers.Binary;
using System.Security.Cryptography;
using EvidenceChain.Cases;
using EvidenceChain.Cases.Accounts;
using EvidenceChain.Cases.Evidence;
using EvidenceChain.Cases.Mortgage;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Signing;
using EvidenceChain.Protocol.V1;
using Google.Protobuf;
using Grpc.Core;
using CoreKey = EvidenceChain.Core.Access.PartyKey;

namespace EvidenceChain.Service.Tests.Support;

/// <summary>
/// Drives 带押过户 cases over gRPC as a notary office would: parties registered with Ed25519 keys,
/// artefacts signed by their issuers and recorded, events proposed and applied with two notaries'
/// approvals of exactly the proposed payouts, money moved by imported statement lines. It outlives a
/// service process (<see cref="Attach"/> after a restart): the parties and keys are in the store.
/// </summary>
internal sealed class CaseDriver : IDisposable
{
    public const string BankNumber = "6222021001001234567";
    public const ulong Bank = 0xBA;

    private readonly Dictionary<string, Ed25519MemoryKey> _keys = [];
    private ServiceProcess _service = null!;

    public EscrowService.EscrowServiceClient Escrow { get; private set; } = null!;

    public string Notary1 { get; private set; } = string.Empty;

    public string Notary2 { get; private set; } = string.Empty;

    public string Registry { get; private set; } = string.Empty;

    public string SellerBank { get; private set; } = string.Empty;

    public string BuyerBank { get; private set; } = string.Empty;

    public string Buyer { get; private set; } = string.Empty;

    public string Seller { get; private set; } = string.Empty;

    public string Court { get; private set; } = string.Empty;

    /// <summary>Today in China Standard Time, the day the case rules count in.</summary>
    public static DateOnly Today => DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime);

    public static string[] ServiceArguments => ["--Sequencer:Interval=00:00:00.100", $"--Bank:Accounts:{BankNumber}={Bank:x32}"];

    public static ByteString Id(UInt128 value)
    {
        byte[] bytes = new byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(bytes, value);
        return ByteString.CopyFrom(bytes);
    }

    public void Attach(ServiceProcess service)
    {
        _service = service;
        Escrow = new EscrowService.EscrowServiceClient(service.Channel);
    }

    /// <summary>The escrow bank account and the parties every case uses.</summary>
    public async Task SetUpAsync()
    {
        CreateAccountsResponse bank = await Escrow.CreateAccountsAsync(new CreateAccountsRequest { Accounts = { new LedgerAccount { Id = Id(Bank), Kind = LedgerAccountKind.EscrowBank, Ledger = 1, Code = 1 } } });
        Assert.Equal("Ok", Assert.Single(bank.ResultNames));
        Notary1 = await PartyAsync(PartyRole.Notary, canApprove: true);
        Notary2 = await PartyAsync(PartyRole.Notary, canApprove: true);
        Registry = await PartyAsync(PartyRole.Registry);
        SellerBank = await PartyAsync(PartyRole.Lender);
        BuyerBank = await PartyAsync(PartyRole.Lender);
        Buyer = await PartyAsync(PartyRole.Enterprise);
        Seller = await PartyAsync(PartyRole.Enterprise);
        Court = await PartyAsync(PartyRole.Court);
    }

    public Task<OpenCaseResponse> OpenAsync(ByteString caseId) =>
        Escrow.OpenCaseAsync(new OpenCaseRequest { CaseId = caseId, CaseNumber = $"(2026)鲁济南证字第{Convert.ToHexStringLower(caseId.Span)[^4..]}号", EscrowBankAccount = Id(Bank), Ledger = 1 }).ResponseAsync;

    /// <summary>
    /// The worked example (DOMAIN.md §3.4) as steps, each safe to run again after a crash: an event
    /// already recorded is skipped by the case's transition count, a transfer already booked meets
    /// its fixed outcome, a statement line already imported changes nothing.
    /// </summary>
    public IReadOnlyList<(string Name, Func<Task> Run)> WorkedExampleSteps(ByteString caseId, LoanRoute route)
    {
        var id = new CaseId(BinaryPrimitives.ReadUInt128BigEndian(caseId.Span));
        ulong transitions = 0;
        var steps = new List<(string, Func<Task>)>();
        void Event(MortgageEvent @event, Func<Task<CaseEventRequest>> request)
        {
            ulong after = ++transitions;
            steps.Add(($"{@event} ({after})", async () =>
            {
                if ((await Escrow.GetCaseAsync(new GetCaseRequest { CaseId = caseId })).TransitionCount < after)
                {
                    await ApplyAsync(await request());
                }
            }));
        }

        void Statement(CaseStep step, byte leg, long amountFen, char direction) =>
            steps.Add(($"statement {step}", () => StatementAsync(Id(CaseTransferIds.Of(id, step, leg).Value), amountFen, direction)));

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
        Event(MortgageEvent.Accept, async () => Request(caseId, MortgageEvent.Accept, artefacts: [await ArtefactAsync(caseId, ArtefactType.TitleSearch, Registry, ArtefactSubjects.TitleClean)]));
        Event(MortgageEvent.NotarizeAgreement, async () =>
        {
            CaseEventRequest notarize = Request(caseId, MortgageEvent.NotarizeAgreement, artefacts:
            [
                await ArtefactAsync(caseId, ArtefactType.NotarizedAgreement, Notary1),
                await ArtefactAsync(caseId, ArtefactType.LenderConsent, SellerBank, leg: 1),
                await ArtefactAsync(caseId, ArtefactType.PartyConsent, Buyer),
                await ArtefactAsync(caseId, ArtefactType.PartyConsent, Seller),
            ]);
            notarize.Conditions = Conditions(route);
            return notarize;
        });
        Event(MortgageEvent.ExpectDeposit, () => Task.FromResult(Request(caseId, MortgageEvent.ExpectDeposit, leg: 1, amountFen: 80_000_000)));
        Statement(CaseStep.BuyerDeposit, 1, 80_000_000, 'C');
        Event(MortgageEvent.ConfirmFunding, () => Task.FromResult(Request(caseId, MortgageEvent.ConfirmFunding)));
        Event(MortgageEvent.LockTitle, async () => Request(caseId, MortgageEvent.LockTitle, artefacts:
        [
            await ArtefactAsync(caseId, ArtefactType.RegistryReceipt, Registry, ArtefactSubjects.TransferPreNotice),
            await ArtefactAsync(caseId, ArtefactType.RegistryReceipt, Registry, ArtefactSubjects.MortgagePreNotice),
        ]));
        Event(MortgageEvent.ReservePayoff, async () => Request(caseId, MortgageEvent.ReservePayoff, leg: 1, artefacts: [await QuoteAsync(caseId), await ArtefactAsync(caseId, ArtefactType.TitleSearch, Registry, ArtefactSubjects.TitleClean)]));
        Event(MortgageEvent.SendPayoff, async () => Request(caseId, MortgageEvent.SendPayoff, leg: 1, artefacts: [await QuoteAsync(caseId)]));
        Statement(CaseStep.PayoffPayment, 1, 60_085_000, 'D');
        Event(MortgageEvent.ConfirmPayoff, () => Task.FromResult(Request(caseId, MortgageEvent.ConfirmPayoff, leg: 1)));
        Event(MortgageEvent.ReleaseMortgage, async () => Request(caseId, MortgageEvent.ReleaseMortgage, artefacts:
        [
            await ArtefactAsync(caseId, ArtefactType.SettlementCertificate, SellerBank, leg: 1),
            await ArtefactAsync(caseId, ArtefactType.RegistryReceipt, Registry, ArtefactSubjects.MortgageCancelled),
        ]));
        Event(MortgageEvent.ConfirmTransfer, async () => Request(caseId, MortgageEvent.ConfirmTransfer, artefacts:
        [
            await ArtefactAsync(caseId, ArtefactType.RegistryReceipt, Registry, ArtefactSubjects.TitleTransferred),
            await ArtefactAsync(caseId, ArtefactType.RegistryReceipt, Registry, ArtefactSubjects.NewMortgageRegistered),
        ]));
        if (route == LoanRoute.IntoEscrow)
        {
            Event(MortgageEvent.ExpectLoan, () => Task.FromResult(Request(caseId, MortgageEvent.ExpectLoan)));
            Statement(CaseStep.LoanDeposit, 0, 120_000_000, 'C');
        }

        Event(MortgageEvent.Settle, () => Task.FromResult(Request(caseId, MortgageEvent.Settle)));
        long sellerGets = (route == LoanRoute.IntoEscrow ? 200_000_000 : 80_000_000) - 60_085_000 - 300_000;
        Statement(CaseStep.SellerPayout, 0, sellerGets, 'D');
        Statement(CaseStep.FeePayout, 0, 300_000, 'D');
        Event(MortgageEvent.Close, () => Task.FromResult(Request(caseId, MortgageEvent.Close)));
        return steps;
    }

    public static CaseEventRequest Request(ByteString caseId, MortgageEvent @event, uint leg = 0, long amountFen = 0, IReadOnlyList<ulong>? artefacts = null)
    {
        var request = new CaseEventRequest { CaseId = caseId, Event = (uint)@event, Leg = leg, AmountFen = amountFen };
        request.ArtefactLeaves.AddRange(artefacts ?? []);
        return request;
    }

    /// <summary>Proposes, has both notaries sign the exact payouts when there are any, then applies.</summary>
    public async Task<ApplyTransitionResponse> ApplyAsync(CaseEventRequest request)
    {
        ProposeTransitionResponse proposal = await Escrow.ProposeTransitionAsync(request);
        Assert.True(proposal.Rejection is 0 or 12, $"{(MortgageEvent)request.Event}: {proposal.RejectionName} {proposal.Detail}");
        if (proposal.Payouts.Count > 0)
        {
            request.Approvals.Add(Approve(Notary1, proposal.ApprovalMessage));
            request.Approvals.Add(Approve(Notary2, proposal.ApprovalMessage));
        }

        return await Escrow.ApplyTransitionAsync(request);
    }

    /// <summary>The bank's statement line for a pending transfer (its EC reference), value date today; the serial derives from the transfer, so importing it again changes nothing.</summary>
    public async Task StatementAsync(ByteString transferId, long amountFen, char direction, DateOnly? valueDate = null)
    {
        string hex = Convert.ToHexStringLower(transferId.Span);
        string csv = "type,bank_account,serial,value_date,direction,amount_fen,counterparty_account,reference\n"
            + $"line,{BankNumber},S{hex[..24]},{valueDate ?? Today:yyyy-MM-dd},{direction},{amountFen},6217001234567890123,EC{hex}\n";
        ImportStatementResponse imported = await new BankService.BankServiceClient(_service.Channel).ImportStatementAsync(new ImportStatementRequest { StatementCsv = ByteString.CopyFromUtf8(csv) });
        Assert.Contains(Assert.Single(imported.Lines).StatusName, (string[])["Booked", "AlreadyImported"]);
    }

    public async Task WaitSignedAsync(ulong leaf)
    {
        for (int attempt = 0; attempt < 200 && (await _service.Client.GetCheckpointAsync(new GetCheckpointRequest())).TreeSize <= leaf; attempt++)
        {
            await Task.Delay(50);
        }
    }

    /// <summary>An artefact issued now by <paramref name="issuer"/>, signed with its registered key, recorded, and waited for until a signed checkpoint includes it.</summary>
    public async Task<ulong> ArtefactAsync(ByteString caseId, ArtefactType type, string issuer, byte subject = 0, byte leg = 0, long amountFen = 0, DateOnly? validThrough = null)
    {
        Ed25519MemoryKey key = _keys[issuer];
        byte[] document = RandomNumberGenerator.GetBytes(64);
        var artefact = new CaseArtefact(
            new CaseId(BinaryPrimitives.ReadUInt128BigEndian(caseId.Span)), type, subject, leg, issuer, issuer, new CoreKey(key.PublicKey.ToArray(), 0, null).Fingerprint,
            DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), validThrough, amountFen, "DOC", Digest.Read(SHA256.HashData(document)), Sm3.HashData(document), []);
        artefact = artefact with { Signature = key.Sign(artefact.SignedBytes()) };
        ulong leaf = (await Escrow.RecordArtefactAsync(new RecordArtefactRequest { Artefact = ByteString.CopyFrom(artefact.Encode()) })).LeafIndex;
        await WaitSignedAsync(leaf);
        return leaf;
    }

    public Task<ulong> QuoteAsync(ByteString caseId) => ArtefactAsync(caseId, ArtefactType.PayoffQuote, SellerBank, leg: 1, amountFen: 60_085_000, validThrough: Today.AddDays(5));

    public CaseConditions Conditions(LoanRoute route) => new()
    {
        PriceFen = 200_000_000,
        BuyerPartyIds = { Buyer },
        SellerPartyIds = { Seller },
        PayoffLegs = { new CasePayoffLeg { Leg = 1, LoanKind = 1, LenderPartyId = SellerBank, Payee = new CasePayee { BankAccount = "6222000000000000001", Name = "招商银行济南分行还款专户" } } },
        SellerPayee = new CasePayee { BankAccount = "6228480000000000002", Name = "张三" },
        BuyerRefundPayee = new CasePayee { BankAccount = "6228480000000000003", Name = "李四" },
        FeeFen = 300_000,
        FeePayer = 1,
        FeePayee = new CasePayee { BankAccount = "6222000000000000004", Name = "济南市公证处" },
        LoanRoute = (uint)route,
        LoanFen = 120_000_000,
        BuyerLenderPartyId = BuyerBank,
    };

    public void Dispose()
    {
        foreach (Ed25519MemoryKey key in _keys.Values)
        {
            key.Dispose();
        }
    }

    private CaseApproval Approve(string notary, ByteString message) => new()
    {
        NotaryPartyId = notary,
        KeyFingerprint = ByteString.CopyFrom(Digest.AsBytes(new CoreKey(_keys[notary].PublicKey.ToArray(), 0, null).Fingerprint)),
        Signature = ByteString.CopyFrom(_keys[notary].Sign(message.Span)),
    };

    private async Task<string> PartyAsync(PartyRole role, bool canApprove = false)
    {
        Protocol.V1.Party party = await new PartyService.PartyServiceClient(_service.Channel).RegisterPartyAsync(new RegisterPartyRequest { Role = role, DisplayName = role.ToString(), CanApprove = canApprove });
        var key = new Ed25519MemoryKey(RandomNumberGenerator.GetBytes(Ed25519MemoryKey.SeedLengthBytes));
        _keys[party.Id] = key;
        await new PartyService.PartyServiceClient(_service.Channel).BindKeyAsync(new BindKeyRequest { PartyId = party.Id, PublicKey = ByteString.CopyFrom(key.PublicKey), Algorithm = KeyAlgorithm.Ed25519 });
        return party.Id;
    }
}
