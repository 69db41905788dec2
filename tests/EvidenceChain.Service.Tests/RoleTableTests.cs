using EvidenceChain.Core.Access;
using EvidenceChain.Protocol.V1;
using EvidenceChain.Service.Tests.Support;
using Grpc.Core;
using CorePartyRole = EvidenceChain.Core.Access.PartyRole;

namespace EvidenceChain.Service.Tests;

/// <summary>
/// Every role against every RPC on the real service (development mode, one restart per role on the
/// same data): a call is refused with PERMISSION_DENIED exactly when <see cref="AccessPolicy"/> denies
/// it, and answered otherwise. "Own" is a deposit the role made itself; "other" is the office's (for
/// the pledge registry, an asset the role is no party to; its own assets are PledgeServiceTests').
/// </summary>
public sealed class RoleTableTests : IDisposable
{
    private readonly TempDirectory _data = new();

    [Fact]
    public async Task EveryRoleEveryCall_RefusedExactlyWhenThePolicyDenies()
    {
        string officeDeposit;
        string officeLocator;
        using (ServiceProcess office = Start(CorePartyRole.NotaryOffice))
        {
            officeDeposit = await DepositAsync(office, new Depositor());
            officeLocator = (await new LocatorService.LocatorServiceClient(office.Channel).MintLocatorAsync(new MintLocatorRequest { DepositId = officeDeposit })).Locator;
            Assert.Equal(0, office.Terminate());
        }

        string officeParty = File.ReadAllText(Path.Combine(_data.Path, "office-party.txt")).Trim();
        var mismatches = new List<string>();
        foreach (CorePartyRole role in Enum.GetValues<CorePartyRole>())
        {
            using ServiceProcess service = Start(role);
            var caller = new Caller(new string('0', 32), role);
            bool mayDeposit = AccessPolicy.Decide(caller, Operation.SubmitDeposit, Ownership.None).Allowed;
            string? ownDeposit = null;
            Check(mismatches, role, "Deposit", mayDeposit, async () => ownDeposit = await DepositAsync(service, new Depositor()));

            var locators = new LocatorService.LocatorServiceClient(service.Channel);
            Ownership officeOwned = role == CorePartyRole.NotaryOffice ? Ownership.Own : Ownership.Other;
            var calls = new List<(string Name, Operation Operation, Ownership Ownership, Func<Task> Call)>
            {
                ("MintLocator(other)", Operation.ManageLocators, officeOwned, () => locators.MintLocatorAsync(new MintLocatorRequest { DepositId = officeDeposit }).ResponseAsync),
                ("ListLocators", Operation.ManageLocators, Ownership.Own, () => locators.ListLocatorsAsync(new ListLocatorsRequest()).ResponseAsync),
                ("RevokeLocator(other)", Operation.ManageLocators, officeOwned, () => locators.RevokeLocatorAsync(new RevokeLocatorRequest { Locator = officeLocator }).ResponseAsync),
                ("GetReceipt(other)", Operation.ReadReceipt, Ownership.Other, () => service.Client.GetReceiptAsync(new GetReceiptRequest { DepositId = officeDeposit }).ResponseAsync),
                ("GetAnchorStatus(other)", Operation.ReadDepositAnchors, Ownership.Other, () => service.Client.GetAnchorStatusAsync(new GetAnchorStatusRequest { DepositId = officeDeposit }).ResponseAsync),
                ("GetAnchorStatus(size)", Operation.ReadPublicProofs, Ownership.None, () => service.Client.GetAnchorStatusAsync(new GetAnchorStatusRequest { TreeSize = 1 }).ResponseAsync),
                ("GetCheckpoint", Operation.ReadPublicProofs, Ownership.None, () => service.Client.GetCheckpointAsync(new GetCheckpointRequest()).ResponseAsync),
                ("GetConsistencyProof", Operation.ReadPublicProofs, Ownership.None, () => service.Client.GetConsistencyProofAsync(new GetConsistencyProofRequest { FirstTreeSize = 1 }).ResponseAsync),
                ("GetLogInfo", Operation.ReadPublicProofs, Ownership.None, () => service.Client.GetLogInfoAsync(new GetLogInfoRequest()).ResponseAsync),
                ("GetLeaves", Operation.ReadLeaves, Ownership.None, () => service.Client.GetLeavesAsync(new GetLeavesRequest { StartIndex = 0, Count = 1 }).ResponseAsync),
                ("Verify", Operation.VerifyReceipt, Ownership.None, () => service.Client.VerifyAsync(new VerifyRequest { ReceiptJson = "{}" }).ResponseAsync),
                ("GetCustodyTrail(own)", Operation.ReadCustodyTrail, Ownership.Own, () => new CustodyService.CustodyServiceClient(service.Channel).GetCustodyTrailAsync(new GetCustodyTrailRequest()).ResponseAsync),
                ("GetCustodyTrail(other)", Operation.ReadCustodyTrail, role == CorePartyRole.NotaryOffice ? Ownership.Own : Ownership.Other, () => new CustodyService.CustodyServiceClient(service.Channel).GetCustodyTrailAsync(new GetCustodyTrailRequest { PartyId = officeParty }).ResponseAsync),
                ("CreateAccounts", Operation.OperateLedger, Ownership.None, () => new EscrowService.EscrowServiceClient(service.Channel).CreateAccountsAsync(LedgerAccounts()).ResponseAsync),
                ("LookupAccounts", Operation.ReadLedger, Ownership.None, () => new EscrowService.EscrowServiceClient(service.Channel).LookupAccountsAsync(new LookupAccountsRequest { Ids = { LedgerAccounts().Accounts[0].Id } }).ResponseAsync),
                ("ImportStatement", Operation.OperateBank, Ownership.None, () => new BankService.BankServiceClient(service.Channel).ImportStatementAsync(BankStatement()).ResponseAsync),
                ("Reconcile", Operation.OperateBank, Ownership.None, () => new BankService.BankServiceClient(service.Channel).ReconcileAsync(new ReconcileRequest { StatementCsv = BankStatement().StatementCsv }).ResponseAsync),
                ("ListIncidents", Operation.ReadBank, Ownership.None, () => new BankService.BankServiceClient(service.Channel).ListIncidentsAsync(new ListIncidentsRequest()).ResponseAsync),
                ("ResolveIncident", Operation.OperateBank, Ownership.None, () => new BankService.BankServiceClient(service.Channel).ResolveIncidentAsync(new ResolveIncidentRequest { IncidentId = LedgerAccounts().Accounts[0].Id, Note = "none open" }).ResponseAsync),
                ("OpenCase", Operation.OperateCases, Ownership.None, () => Escrow(service).OpenCaseAsync(new OpenCaseRequest { CaseId = LedgerAccounts().Accounts[0].Id, CaseNumber = "x", EscrowBankAccount = LedgerAccounts().Accounts[0].Id, Ledger = 1 }).ResponseAsync),
                ("RecordArtefact", Operation.RecordCaseEvidence, Ownership.None, () => Escrow(service).RecordArtefactAsync(new RecordArtefactRequest()).ResponseAsync),
                ("ProposeTransition", Operation.OperateCases, Ownership.None, () => Escrow(service).ProposeTransitionAsync(new CaseEventRequest { CaseId = LedgerAccounts().Accounts[0].Id, Event = 1 }).ResponseAsync),
                ("ApplyTransition", Operation.OperateCases, Ownership.None, () => Escrow(service).ApplyTransitionAsync(new CaseEventRequest { CaseId = LedgerAccounts().Accounts[0].Id, Event = 1 }).ResponseAsync),
                ("GetCase", Operation.ReadCases, Ownership.None, () => Escrow(service).GetCaseAsync(new GetCaseRequest { CaseId = LedgerAccounts().Accounts[0].Id }).ResponseAsync),
                ("GetCaseStatement", Operation.ReadCases, Ownership.None, () => Escrow(service).GetCaseStatementAsync(new GetCaseStatementRequest { CaseId = LedgerAccounts().Accounts[0].Id }).ResponseAsync),
                ("ListDueDeadlines", Operation.ReadCases, Ownership.None, () => Escrow(service).ListDueDeadlinesAsync(new ListDueDeadlinesRequest()).ResponseAsync),
                ("GetCaseDeadlines", Operation.ReadCases, Ownership.None, () => Escrow(service).GetCaseDeadlinesAsync(new GetCaseDeadlinesRequest { CaseId = LedgerAccounts().Accounts[0].Id }).ResponseAsync),
                ("OpenSealedSale", Operation.OperateCases, Ownership.None, () => Escrow(service).OpenSealedSaleAsync(new OpenCaseRequest { CaseId = LedgerAccounts().Accounts[0].Id, CaseNumber = "x", EscrowBankAccount = LedgerAccounts().Accounts[0].Id, Ledger = 1 }).ResponseAsync),
                ("ProposeSealedSaleEvent", Operation.OperateCases, Ownership.None, () => Escrow(service).ProposeSealedSaleEventAsync(new SealedSaleEventRequest { CaseId = LedgerAccounts().Accounts[0].Id, Event = 1 }).ResponseAsync),
                ("ApplySealedSaleEvent", Operation.OperateCases, Ownership.None, () => Escrow(service).ApplySealedSaleEventAsync(new SealedSaleEventRequest { CaseId = LedgerAccounts().Accounts[0].Id, Event = 1 }).ResponseAsync),
                ("GetSealedSale", Operation.ReadCases, Ownership.None, () => Escrow(service).GetSealedSaleAsync(new GetCaseRequest { CaseId = LedgerAccounts().Accounts[0].Id }).ResponseAsync),
                ("ProposeDistribution", Operation.ReadCases, Ownership.None, () => Escrow(service).ProposeDistributionAsync(new ProposeDistributionRequest { CaseId = LedgerAccounts().Accounts[0].Id }).ResponseAsync),
                ("AllocateInterest", Operation.OperateBank, Ownership.None, () => new BankService.BankServiceClient(service.Channel).AllocateInterestAsync(new AllocateInterestRequest { InterestTransferId = LedgerAccounts().Accounts[0].Id, FirstDay = "2025-12-01", LastDay = "2025-12-20", Claims = { new BankInterestClaim { SubAccount = LedgerAccounts().Accounts[0].Id, Rule = BankInterestRule.FollowsBalance } } }).ResponseAsync),
                ("ExportInstructions", Operation.OperateBank, Ownership.None, () => new BankService.BankServiceClient(service.Channel).ExportInstructionsAsync(new ExportInstructionsRequest { Orders = { new BankPaymentOrder { TransferId = LedgerAccounts().Accounts[0].Id, PayeeAccount = "1", PayeeName = "X" } } }).ResponseAsync),
                ("ProposePledgeEvent", Operation.OperatePledges, Ownership.None, () => Pledges(service).ProposePledgeEventAsync(new PledgeEventRequest { AssetId = LedgerAccounts().Accounts[0].Id, Event = 1 }).ResponseAsync),
                ("ApplyPledgeEvent", Operation.OperatePledges, Ownership.None, () => Pledges(service).ApplyPledgeEventAsync(new PledgeEventRequest { AssetId = LedgerAccounts().Accounts[0].Id, Event = 1 }).ResponseAsync),
                ("GetAsset(other)", Operation.ReadPledges, Ownership.Other, () => Pledges(service).GetAssetAsync(new GetAssetRequest { AssetId = LedgerAccounts().Accounts[0].Id }).ResponseAsync),
                ("GetEncumbranceStatement(other)", Operation.ReadPledges, Ownership.Other, () => Pledges(service).GetEncumbranceStatementAsync(new GetEncumbranceStatementRequest { AssetId = LedgerAccounts().Accounts[0].Id }).ResponseAsync),
                ("RecordDisclosure(other)", Operation.RecordDisclosure, officeOwned, () => new CustodyService.CustodyServiceClient(service.Channel).RecordDisclosureAsync(Disclosed(officeDeposit, officeParty)).ResponseAsync),
                ("ListParties", Operation.ManageParties, Ownership.None, () => new PartyService.PartyServiceClient(service.Channel).ListPartiesAsync(new ListPartiesRequest()).ResponseAsync),
            };
            if (ownDeposit is string own)
            {
                calls.Add(("GetReceipt(own)", Operation.ReadReceipt, Ownership.Own, () => service.Client.GetReceiptAsync(new GetReceiptRequest { DepositId = own }).ResponseAsync));
                calls.Add(("GetAnchorStatus(own)", Operation.ReadDepositAnchors, Ownership.Own, () => service.Client.GetAnchorStatusAsync(new GetAnchorStatusRequest { DepositId = own }).ResponseAsync));
                calls.Add(("RecordDisclosure(own)", Operation.RecordDisclosure, Ownership.Own, () => new CustodyService.CustodyServiceClient(service.Channel).RecordDisclosureAsync(Disclosed(own, officeParty)).ResponseAsync));
                calls.Add(("MintLocator(own)", Operation.ManageLocators, Ownership.Own, () => locators.MintLocatorAsync(new MintLocatorRequest { DepositId = own }).ResponseAsync));
            }

            foreach ((string name, Operation operation, Ownership ownership, Func<Task> call) in calls)
            {
                Check(mismatches, role, name, AccessPolicy.Decide(caller, operation, ownership).Allowed, call);
            }

            service.ThrowIfErrorsLogged();
        }

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    public void Dispose() => _data.Dispose();

    private static EscrowService.EscrowServiceClient Escrow(ServiceProcess service) => new(service.Channel);

    private static PledgeService.PledgeServiceClient Pledges(ServiceProcess service) => new(service.Channel);

    private ServiceProcess Start(CorePartyRole role) =>
        ServiceProcess.Start(_data.Path, "--Sequencer:Interval=00:00:00.100", $"--Security:DevelopmentRole={role}");

    /// <summary>Runs the call and records a mismatch between what the service did and what the policy says.</summary>
    private static void Check(List<string> mismatches, CorePartyRole role, string call, bool allowed, Func<Task> run)
    {
        StatusCode code = StatusCode.OK;
        try
        {
            run().GetAwaiter().GetResult();
        }
        catch (RpcException e)
        {
            code = e.StatusCode;
        }

        if ((code == StatusCode.PermissionDenied) == allowed)
        {
            mismatches.Add($"{role} {call}: the policy {(allowed ? "allows" : "denies")} it, the service answered {code}");
        }
    }

    /// <summary>A well-formed disclosure of unit 0 to the office (refused as INVALID_ARGUMENT when the office is the caller: not a recipient of its own).</summary>
    private static RecordDisclosureRequest Disclosed(string depositId, string recipient) => new()
    {
        DepositId = depositId,
        PackageSha256 = Google.Protobuf.ByteString.CopyFrom(new byte[32]),
        PackageSm3 = Google.Protobuf.ByteString.CopyFrom(new byte[32]),
        UnitIndexes = { 0 },
        RecipientPartyId = recipient,
    };

    private static CreateAccountsRequest LedgerAccounts() => new()
    {
        Accounts = { new LedgerAccount { Id = Google.Protobuf.ByteString.CopyFrom([.. new byte[15], 1]), Kind = LedgerAccountKind.EscrowBank, Ledger = 1, Code = 1 } },
    };

    /// <summary>A statement of one line on a bank account the service does not know: refused as a line, nothing booked.</summary>
    private static ImportStatementRequest BankStatement() => new()
    {
        StatementCsv = Google.Protobuf.ByteString.CopyFromUtf8(
            "type,bank_account,serial,value_date,direction,amount_fen,counterparty_account,reference\n"
            + "line,999,S1,2025-12-21,C,1,,\n"
            + "closing,999,,2025-12-21,,1,,\n"),
    };

    private static async Task<string> DepositAsync(ServiceProcess service, Depositor depositor)
    {
        string origin = service.Client.GetLogInfo(new GetLogInfoRequest()).Origin;
        string depositId = (await service.Client.DepositAsync(depositor.Request(origin, [Depositor.Commit(Guid.NewGuid().ToByteArray()).Entry]))).Deposits[0].DepositId;
        for (int attempt = 0; attempt < 100 && !(await service.Client.GetReceiptAsync(new GetReceiptRequest { DepositId = depositId })).Included; attempt++)
        {
            await Task.Delay(50);
        }

        return depositId;
    }
}
