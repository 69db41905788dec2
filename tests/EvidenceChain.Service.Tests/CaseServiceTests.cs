using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using EvidenceChain.Cases;
using EvidenceChain.Cases.Evidence;
using EvidenceChain.Cases.Mortgage;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Records;
using EvidenceChain.Core.Signing;
using EvidenceChain.Service.Tests.Support;
using Google.Protobuf;
using Grpc.Core;
using EvidenceChain.Protocol.V1;
using CoreKey = EvidenceChain.Core.Access.PartyKey;

namespace EvidenceChain.Service.Tests;

/// <summary>
/// DOMAIN.md §3.4's worked example over gRPC on a real server: parties and their keys registered,
/// artefacts signed by their issuers and recorded, every event proposed and applied, the buyer's
/// money, the payoff and the payouts moved by imported bank statement lines, payouts approved by
/// two notaries' signatures; in 2,000,000.00, out 600,850.00 + 3,000.00 + 1,396,150.00, every case
/// account at zero; a refused event changes nothing; the case survives a restart and its statement
/// verifies offline.
/// </summary>
public sealed class CaseServiceTests : IDisposable
{
    private const string BankNumber = "6222021001001234567";
    private const ulong Bank = 0xBA;

    private readonly TempDirectory _data = new();
    private readonly Dictionary<string, Ed25519MemoryKey> _keys = [];
    private ulong _serial;

    [Fact]
    public async Task WorkedExample_LoanIntoEscrow_StartToClose_OverGrpc()
    {
        ByteString caseId = Id(0xCA5E_0001);
        ApplyTransitionResponse settled;
        using (ServiceProcess service = Start())
        {
            var driver = new Driver(this, service);
            await driver.SetUpAsync(caseId);

            // A guard names what is wrong, and a refused event changes nothing.
            ulong wrongType = await driver.ArtefactAsync(ArtefactType.RegistryReceipt, driver.Registry, ArtefactSubjects.TransferPreNotice);
            RpcException refused = await Assert.ThrowsAsync<RpcException>(async () => await driver.Escrow.ApplyTransitionAsync(driver.Request(MortgageEvent.Accept, artefacts: [wrongType])));
            Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
            Assert.StartsWith("GuardNotSatisfied/WrongArtefactType", refused.Status.Detail, StringComparison.Ordinal);
            Assert.Equal("Draft", (await driver.Escrow.GetCaseAsync(new GetCaseRequest { CaseId = caseId })).StateName);

            await driver.RunToTransferredAsync(LoanRoute.IntoEscrow);
            ApplyTransitionResponse loan = await driver.ApplyAsync(MortgageEvent.ExpectLoan);
            await driver.StatementAsync(loan.TransferIds[0], 120_000_000, 'C');

            RpcException unapproved = await Assert.ThrowsAsync<RpcException>(async () => await driver.Escrow.ApplyTransitionAsync(driver.Request(MortgageEvent.Settle)));
            Assert.Equal(StatusCode.FailedPrecondition, unapproved.StatusCode);
            Assert.StartsWith("ApprovalsInvalid/TooFewApprovals", unapproved.Status.Detail, StringComparison.Ordinal);

            settled = await driver.ApplyAsync(MortgageEvent.Settle);
            Assert.Equal([139_615_000L, 300_000L], settled.Payouts.Select(p => p.AmountFen));
            Assert.Equal(["6228480000000000002", "6222000000000000004"], settled.Payouts.Select(p => p.Payee.BankAccount));
            Assert.Equal(["Ok", "Ok", "Ok", "Ok"], settled.TransferResultNames);
            Assert.Equal(0, service.Terminate());
        }

        // The case survives a restart: rebuilt from its records, each checked against its leaf.
        using ServiceProcess restarted = Start();
        var again = new Driver(this, restarted) { CaseId = caseId };
        GetCaseResponse kept = await again.Escrow.GetCaseAsync(new GetCaseRequest { CaseId = caseId });
        Assert.Equal("Settling", kept.StateName);
        RpcException early = await Assert.ThrowsAsync<RpcException>(async () => await again.Escrow.ApplyTransitionAsync(again.Request(MortgageEvent.Close)));
        Assert.StartsWith("CaseNotSettled", early.Status.Detail, StringComparison.Ordinal);

        await again.StatementAsync(settled.Payouts[0].TransferId, 139_615_000, 'D');
        await again.StatementAsync(settled.Payouts[1].TransferId, 300_000, 'D');
        ApplyTransitionResponse closed = await again.ApplyAsync(MortgageEvent.Close);
        Assert.Equal("Closed", closed.StateName);

        var id = new CaseId(BinaryPrimitives.ReadUInt128BigEndian(caseId.Span));
        LookupAccountsResponse accounts = await again.Escrow.LookupAccountsAsync(new LookupAccountsRequest
        {
            Ids = { Enum.GetValues<Cases.Accounts.CaseAccountPurpose>().Where(p => p is not (Cases.Accounts.CaseAccountPurpose.Hold or Cases.Accounts.CaseAccountPurpose.BuyerClaim or Cases.Accounts.CaseAccountPurpose.SellerDebt))
                .Select(p => Id(Cases.Accounts.CaseAccounts.Of(id, p, p == Cases.Accounts.CaseAccountPurpose.Payoff ? (byte)1 : (byte)0).Value)) },
        });
        Assert.Equal(5, accounts.Accounts.Count);
        Assert.All(accounts.Accounts, a => Assert.Equal((0L, 0L, a.CreditsPosted), (a.DebitsPending, a.CreditsPending, a.DebitsPosted)));
        AccountWithBalance bank = Assert.Single((await again.Escrow.LookupAccountsAsync(new LookupAccountsRequest { Ids = { Id(Bank) } })).Accounts);
        Assert.Equal((200_000_000L, 200_000_000L), (bank.DebitsPosted, bank.CreditsPosted));

        // The statement verifies offline: every record with its proof against a signed checkpoint.
        await again.WaitSignedAsync(closed.LeafIndex);
        GetCaseStatementResponse statement = await again.Escrow.GetCaseStatementAsync(new GetCaseStatementRequest { CaseId = caseId });
        Assert.True(RecordStatement.TryParse(statement.StatementJson, out RecordStatement? parsed).IsValid);
        IReadOnlyList<Core.Notes.NoteVerifier> keys = File.ReadAllLines(Path.Combine(_data.Path, "notary.vkeys")).Where(l => l.Length > 0).Select(Core.Notes.NoteVerifierKey.Parse).ToList();
        Assert.True(parsed!.Verify(keys, Core.Leaves.LeafType.CaseTransition, out _, out _).IsValid);
        Assert.Equal(1 + 13 + 12, parsed.Entries.Count); // the opening, 13 transitions, 12 artefacts (the refused one included: it was recorded)
        GetCaseDeadlinesResponse deadlines = await again.Escrow.GetCaseDeadlinesAsync(new GetCaseDeadlinesRequest { CaseId = caseId });
        Assert.Equal(["Acceptance", "Certificate", "Notice", "PublicNotice", "Lapse"], deadlines.Deadlines.Select(d => d.RuleName));
        restarted.ThrowIfErrorsLogged();
    }

    public void Dispose()
    {
        foreach (Ed25519MemoryKey key in _keys.Values)
        {
            key.Dispose();
        }

        _data.Dispose();
    }

    private ServiceProcess Start() => ServiceProcess.Start(
        _data.Path,
        "--Sequencer:Interval=00:00:00.100",
        $"--Bank:Accounts:{BankNumber}={Bank:x32}");

    private static ByteString Id(UInt128 value)
    {
        byte[] bytes = new byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(bytes, value);
        return ByteString.CopyFrom(bytes);
    }

    private static DateOnly Today => DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime);

    /// <summary>Drives one case over gRPC as a notary office would.</summary>
    private sealed class Driver(CaseServiceTests test, ServiceProcess service)
    {
        private readonly PartyService.PartyServiceClient _parties = new(service.Channel);
        private readonly BankService.BankServiceClient _bank = new(service.Channel);

        public EscrowService.EscrowServiceClient Escrow { get; } = new(service.Channel);

        public ByteString CaseId { get; set; } = ByteString.Empty;

        public string Notary1 { get; private set; } = string.Empty;

        public string Notary2 { get; private set; } = string.Empty;

        public string Registry { get; private set; } = string.Empty;

        public string SellerBank { get; private set; } = string.Empty;

        public string BuyerBank { get; private set; } = string.Empty;

        public string Buyer { get; private set; } = string.Empty;

        public string Seller { get; private set; } = string.Empty;

        public async Task SetUpAsync(ByteString caseId)
        {
            CaseId = caseId;
            CreateAccountsResponse bank = await Escrow.CreateAccountsAsync(new CreateAccountsRequest { Accounts = { new LedgerAccount { Id = Id(Bank), Kind = LedgerAccountKind.EscrowBank, Ledger = 1, Code = 1 } } });
            Assert.Equal("Ok", Assert.Single(bank.ResultNames));
            Notary1 = await PartyAsync(Protocol.V1.PartyRole.Notary, canApprove: true);
            Notary2 = await PartyAsync(Protocol.V1.PartyRole.Notary, canApprove: true);
            Registry = await PartyAsync(Protocol.V1.PartyRole.Registry);
            SellerBank = await PartyAsync(Protocol.V1.PartyRole.Lender);
            BuyerBank = await PartyAsync(Protocol.V1.PartyRole.Lender);
            Buyer = await PartyAsync(Protocol.V1.PartyRole.Enterprise);
            Seller = await PartyAsync(Protocol.V1.PartyRole.Enterprise);
            await Escrow.OpenCaseAsync(new OpenCaseRequest { CaseId = CaseId, CaseNumber = "(2026)鲁济南证字第0001号", EscrowBankAccount = Id(Bank), Ledger = 1 });
        }

        public async Task RunToTransferredAsync(LoanRoute route)
        {
            await ApplyAsync(MortgageEvent.Accept, artefacts: [await ArtefactAsync(ArtefactType.TitleSearch, Registry, ArtefactSubjects.TitleClean)]);
            CaseEventRequest notarize = Request(MortgageEvent.NotarizeAgreement, artefacts: [await ArtefactAsync(ArtefactType.NotarizedAgreement, Notary1), await ArtefactAsync(ArtefactType.LenderConsent, SellerBank, leg: 1)]);
            notarize.Conditions = Conditions(route);
            await ApplyAsync(notarize);

            ApplyTransitionResponse expected = await ApplyAsync(Request(MortgageEvent.ExpectDeposit, leg: 1, amountFen: 80_000_000));
            await StatementAsync(expected.TransferIds[0], 80_000_000, 'C');
            await ApplyAsync(MortgageEvent.ConfirmFunding);
            await ApplyAsync(MortgageEvent.LockTitle, artefacts:
            [
                await ArtefactAsync(ArtefactType.RegistryReceipt, Registry, ArtefactSubjects.TransferPreNotice),
                await ArtefactAsync(ArtefactType.RegistryReceipt, Registry, ArtefactSubjects.MortgagePreNotice),
            ]);

            ulong quote = await ArtefactAsync(ArtefactType.PayoffQuote, SellerBank, leg: 1, amountFen: 60_085_000, validThrough: Today.AddDays(5));
            await ApplyAsync(Request(MortgageEvent.ReservePayoff, leg: 1, artefacts: [quote, await ArtefactAsync(ArtefactType.TitleSearch, Registry, ArtefactSubjects.TitleClean)]));
            ApplyTransitionResponse sent = await ApplyAsync(Request(MortgageEvent.SendPayoff, leg: 1, artefacts: [quote]));
            Assert.Equal(("6222000000000000001", 60_085_000L), (sent.Payouts[0].Payee.BankAccount, sent.Payouts[0].AmountFen));
            await StatementAsync(sent.TransferIds[0], 60_085_000, 'D');
            await ApplyAsync(Request(MortgageEvent.ConfirmPayoff, leg: 1));
            await ApplyAsync(MortgageEvent.ReleaseMortgage, artefacts:
            [
                await ArtefactAsync(ArtefactType.SettlementCertificate, SellerBank, leg: 1),
                await ArtefactAsync(ArtefactType.RegistryReceipt, Registry, ArtefactSubjects.MortgageCancelled),
            ]);
            ApplyTransitionResponse transferred = await ApplyAsync(MortgageEvent.ConfirmTransfer, artefacts:
            [
                await ArtefactAsync(ArtefactType.RegistryReceipt, Registry, ArtefactSubjects.TitleTransferred),
                await ArtefactAsync(ArtefactType.RegistryReceipt, Registry, ArtefactSubjects.NewMortgageRegistered),
            ]);
            Assert.Equal("Transferred", transferred.StateName);
        }

        public CaseEventRequest Request(MortgageEvent @event, uint leg = 0, long amountFen = 0, IReadOnlyList<ulong>? artefacts = null)
        {
            var request = new CaseEventRequest { CaseId = CaseId, Event = (uint)@event, Leg = leg, AmountFen = amountFen };
            request.ArtefactLeaves.AddRange(artefacts ?? []);
            return request;
        }

        public Task<ApplyTransitionResponse> ApplyAsync(MortgageEvent @event, IReadOnlyList<ulong>? artefacts = null) => ApplyAsync(Request(@event, artefacts: artefacts));

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

        /// <summary>The bank's statement line for a pending transfer of the case (EC reference), value date today.</summary>
        public async Task StatementAsync(ByteString transferId, long amountFen, char direction)
        {
            string csv = "type,bank_account,serial,value_date,direction,amount_fen,counterparty_account,reference\n"
                + $"line,{BankNumber},S{++test._serial},{Today:yyyy-MM-dd},{direction},{amountFen},6217001234567890123,EC{Convert.ToHexStringLower(transferId.Span)}\n";
            ImportStatementResponse imported = await _bank.ImportStatementAsync(new ImportStatementRequest { StatementCsv = ByteString.CopyFromUtf8(csv) });
            Assert.Equal(("Booked", "PostNamedTransfer"), (Assert.Single(imported.Lines).StatusName, imported.Lines[0].DispositionName));
        }

        /// <summary>An artefact issued now by <paramref name="issuer"/>, signed with its registered key, recorded, and waited for until a signed checkpoint includes it.</summary>
        public async Task WaitSignedAsync(ulong leaf)
        {
            for (int attempt = 0; attempt < 200 && (await service.Client.GetCheckpointAsync(new GetCheckpointRequest())).TreeSize <= leaf; attempt++)
            {
                await Task.Delay(50);
            }
        }

        public async Task<ulong> ArtefactAsync(ArtefactType type, string issuer, byte subject = 0, byte leg = 0, long amountFen = 0, DateOnly? validThrough = null)
        {
            Ed25519MemoryKey key = test._keys[issuer];
            byte[] document = RandomNumberGenerator.GetBytes(64);
            var artefact = new CaseArtefact(
                new CaseId(BinaryPrimitives.ReadUInt128BigEndian(CaseId.Span)), type, subject, leg, issuer, issuer, new CoreKey(key.PublicKey.ToArray(), 0, null).Fingerprint,
                DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), validThrough, amountFen, "DOC", Digest.Read(SHA256.HashData(document)), Sm3.HashData(document), []);
            artefact = artefact with { Signature = key.Sign(artefact.SignedBytes()) };
            ulong leaf = (await Escrow.RecordArtefactAsync(new RecordArtefactRequest { Artefact = ByteString.CopyFrom(artefact.Encode()) })).LeafIndex;
            await WaitSignedAsync(leaf);
            return leaf;
        }

        private CaseApproval Approve(string notary, ByteString message) => new()
        {
            NotaryPartyId = notary,
            KeyFingerprint = ByteString.CopyFrom(Digest.AsBytes(new CoreKey(test._keys[notary].PublicKey.ToArray(), 0, null).Fingerprint)),
            Signature = ByteString.CopyFrom(test._keys[notary].Sign(message.Span)),
        };

        private async Task<string> PartyAsync(Protocol.V1.PartyRole role, bool canApprove = false)
        {
            Protocol.V1.Party party = await _parties.RegisterPartyAsync(new RegisterPartyRequest { Role = role, DisplayName = role.ToString(), CanApprove = canApprove });
            var key = new Ed25519MemoryKey(RandomNumberGenerator.GetBytes(Ed25519MemoryKey.SeedLengthBytes));
            test._keys[party.Id] = key;
            await _parties.BindKeyAsync(new BindKeyRequest { PartyId = party.Id, PublicKey = ByteString.CopyFrom(key.PublicKey), Algorithm = KeyAlgorithm.Ed25519 });
            return party.Id;
        }

        private CaseConditions Conditions(LoanRoute route)
        {
            var conditions = new CaseConditions
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
            return conditions;
        }
    }
}
