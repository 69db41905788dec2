using System.Security.Cryptography;
using System.Text;
using EvidenceChain.Core.Checkpoints;
using EvidenceChain.Core.Leaves;
using EvidenceChain.Core.Records;
using EvidenceChain.Core.Receipts;
using EvidenceChain.Pledges;
using EvidenceChain.Protocol.V1;
using EvidenceChain.Service.Tests.Support;
using Google.Protobuf;
using Grpc.Core;
using CorePartyRole = EvidenceChain.Core.Access.PartyRole;

namespace EvidenceChain.Service.Tests;

/// <summary>
/// The pledge registry over a real service (HTTP/2 on 127.0.0.1, real LiteDB): DOMAIN.md §7's story
/// from the company's deposits to the release, a second senior pledge refused, the lock on transfers,
/// enforcement and the split of its proceeds, what a lender may read, the encumbrance statement
/// verified offline with the published keys, no content anywhere the service answered or stored, the
/// registry replayed identically after a restart, and bad input refused with nothing recorded.
/// </summary>
public sealed class PledgeServiceTests
{
    private const long Yuan = PledgeDriver.Yuan;
    private static readonly UInt128 s_asset = 0xA55E7_0001;
    private static readonly UInt128 s_otherAsset = 0xA55E7_0002;
    private static readonly UInt128 s_senior = 0x91ED6E_0001;
    private static readonly UInt128 s_second = 0x91ED6E_0002;
    private static readonly UInt128 s_otherBanksPledge = 0x91ED6E_0003;

    [Fact]
    public async Task Story_DepositsRegisteredValuedPledgedReleased_StatementVerifiesOffline_NoContentStored_ReplayedAtRestart_LenderSeesOnlyItsOwn()
    {
        // The secret's two files, its NDA, and a second secret for another asset: distinctive text, so a find cannot be chance.
        string tag = Guid.NewGuid().ToString("N");
        using PledgeDriver driver = await PledgeDriver.StartAsync(
            $"淬火工艺参数 845°C 保温 40 min, 回火 560°C — recipe {tag}",
            $"furnace atmosphere: endothermic gas, dew point -2°C {tag}",
            $"保密协议 (NDA) with employees, signed 2024-03-01 {tag}",
            $"customer list of the heat-treatment line {tag}");
        await driver.WaitSignedAsync(driver.Deposits.Max(d => d.Leaf));

        // The owner's registration, proposed first: the service fills each deposit from its leaf and gives the message and who signs.
        PledgeEventRequest register = driver.Registration(s_asset, [0, 1], [2]);
        ProposePledgeEventResponse proposal = await driver.Keep(driver.Pledges.ProposePledgeEventAsync(register).ResponseAsync);
        Assert.Equal((1UL, nameof(PledgeRejection.CommandInvalid)), (proposal.EventNumber, proposal.RejectionName));
        Assert.False(proposal.Message.IsEmpty);
        Assert.Equal(["the owner", "a notary"], Assert.Single(proposal.SignerAlternatives).Slots.Select(s => s.Name));
        Assert.Equal(driver.Company, proposal.SignerAlternatives[0].Slots[0].PartyId);
        Assert.All(proposal.Deposits, d => Assert.Equal(1UL, d.UnitCount));
        Assert.Equal(driver.Deposits.Take(3).Select(d => d.Salt.UnitsRoot.Sha256.ToArray()), proposal.Deposits.Select(d => d.UnitsRoot.Sha256.ToByteArray()));
        ApplyPledgeEventResponse registered = await driver.ApplyAsync(register, driver.Company, driver.Notary);
        Assert.Equal((1UL, "Registered"), (registered.EventNumber, registered.AssetStateName));

        // The appraiser's valuation, 35,000,000.00 yuan, recorded by the office with a notary's signature.
        ApplyPledgeEventResponse valued = await driver.ApplyAsync(await driver.ValuationAsync(s_asset, 35_000_000 * Yuan), driver.Notary);
        Assert.Equal("Valued", valued.AssetStateName);

        // The bank's senior pledge of 10,000,000.00 yuan: applied by company and bank, notarized, put in force.
        Assert.Equal("Applied", (await driver.ApplyAsync(driver.Application(s_asset, s_senior, driver.Bank), driver.Company, driver.Bank)).PledgeStateName);
        Assert.Equal("Notarized", (await driver.ApplyAsync(PledgeDriver.Request(s_asset, PledgeEvent.NotarizePledge, s_senior), driver.Notary)).PledgeStateName);
        ApplyPledgeEventResponse active = await driver.ApplyAsync(PledgeDriver.Request(s_asset, PledgeEvent.ActivatePledge, s_senior), driver.Notary);
        Assert.Equal((5UL, "Active"), (active.EventNumber, active.PledgeStateName));

        // Another bank's senior pledge may be applied for and notarized, but not put in force while the first is.
        await driver.ApplyAsync(driver.Application(s_asset, s_second, driver.Bank2), driver.Company, driver.Bank2);
        ApplyPledgeEventResponse secondNotarized = await driver.ApplyAsync(PledgeDriver.Request(s_asset, PledgeEvent.NotarizePledge, s_second), driver.Notary);
        PledgeEventRequest secondActivation = await driver.SignAsync(PledgeDriver.Request(s_asset, PledgeEvent.ActivatePledge, s_second), driver.Notary);
        RpcException senior = await Assert.ThrowsAsync<RpcException>(() => driver.Pledges.ApplyPledgeEventAsync(secondActivation).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, senior.StatusCode);
        Assert.StartsWith(nameof(PledgeRejection.SeniorPledgeActive), senior.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("nothing was recorded", senior.Status.Detail, StringComparison.Ordinal);
        GetAssetResponse pledged = await driver.GetAssetAsync(s_asset);
        Assert.Equal(7UL, pledged.EventCount);
        Assert.Equal(["Active", "Notarized"], pledged.Pledges.Select(p => p.StateName));

        // The lender's check: the records verify offline with the published keys and replay to the view; the senior pledge is in force; the secret's receipts verify.
        await driver.WaitSignedAsync(secondNotarized.LeafIndex);
        GetEncumbranceStatementResponse statement = await driver.StatementAsync(s_asset);
        Assert.True(RecordStatement.TryParse(statement.StatementJson, out RecordStatement? parsed).IsValid);
        Assert.True(parsed!.Verify(driver.TrustedKeys(), LeafType.PledgeEvent, out _, out IReadOnlyList<RecordLeaf> recordLeaves).IsValid);
        Assert.Equal(7, recordLeaves.Count);
        var transitions = parsed.Entries.Select(e => Assert.IsType<EvidenceChain.Pledges.Records.PledgeRecord>(Decoded(e.Record)).Transition).ToList();
        Encumbrance replayed = EncumbranceView.Of(transitions, new AssetId(s_asset), 7)!;
        EncumbranceLine inForce = Assert.Single(statement.PledgesInForce);
        Assert.Equal((PledgeDriver.Id(s_senior), 1U, 10_000_000 * Yuan, driver.Bank, "Active"), (inForce.PledgeId, inForce.Rank, inForce.SecuredFen, inForce.PledgeePartyId, inForce.StateName));
        Assert.Equal((7UL, driver.Company, 35_000_000 * Yuan), (statement.AsOfEvent, statement.OwnerPartyId, Assert.Single(statement.Valuations).ValueFen));
        Assert.Equal((statement.OwnerPartyId, driver.Bank, 35_000_000 * Yuan), (replayed.OwnerPartyId, replayed.PledgesInForce.Single().PledgeePartyId, replayed.Valuations.Single().ValueFen));
        Assert.Equal(EncumbranceView.PriorityNotice, statement.Notice);
        Assert.Equal(2, statement.DepositReceiptsJson.Count);
        foreach (string receipt in statement.DepositReceiptsJson)
        {
            Assert.True((await driver.Keep(driver.Service.Client.VerifyAsync(new VerifyRequest { ReceiptJson = receipt }).ResponseAsync)).Valid);
        }

        // As of its third event (the pledge applied for) nothing was in force yet.
        GetEncumbranceStatementResponse applied = await driver.StatementAsync(s_asset, 3);
        Assert.Equal(3UL, applied.AsOfEvent);
        Assert.Empty(applied.PledgesInForce);

        // The notary's signed claim counts all seven events the checkpoint holds, whatever the statement was asked for.
        Assert.Equal(3UL, applied.AskedAsOfEvent);
        Assert.True(RecordStatement.TryParse(applied.StatementJson, out RecordStatement? appliedRecords).IsValid);
        Assert.True(appliedRecords!.Verify(driver.TrustedKeys(), LeafType.PledgeEvent, out VerifiedCheckpoint? checkpoint, out _).IsValid);
        Assert.True(EncumbranceClaimVerifier.TryVerify(applied.ClaimNote, driver.TrustedKeys(), checkpoint!, new AssetId(s_asset), [1, 2, 3], 3, out EncumbranceClaim? claim, out string reason), reason);
        Assert.Equal(7UL, claim!.EventCount);

        // Release requested by the company, granted by the bank: the lock is lifted.
        Assert.Equal("ReleaseRequested", (await driver.ApplyAsync(PledgeDriver.Request(s_asset, PledgeEvent.RequestRelease, s_senior), driver.Company)).PledgeStateName);
        Assert.Equal("Released", (await driver.ApplyAsync(PledgeDriver.Request(s_asset, PledgeEvent.Release, s_senior), driver.Bank)).PledgeStateName);

        // A second asset of the company's other secret, pledged to the other bank only.
        await driver.RegisterAndValueAsync(s_otherAsset, [3], []);
        await driver.ApplyAsync(driver.Application(s_otherAsset, s_otherBanksPledge, driver.Bank2), driver.Company, driver.Bank2);

        // Restarted, the registry is replayed from the log to the same assets.
        GetAssetResponse before = await driver.GetAssetAsync(s_asset);
        GetAssetResponse otherBefore = await driver.GetAssetAsync(s_otherAsset);
        driver.RestartAs(CorePartyRole.NotaryOffice);
        Assert.Equal(before, await driver.GetAssetAsync(s_asset));
        Assert.Equal(otherBefore, await driver.GetAssetAsync(s_otherAsset));
        Assert.Equal(["Released", "Notarized"], before.Pledges.Select(p => p.StateName));
        Assert.Equal("all", before.PledgesShown);

        // As the bank (the development Lender): its asset, with only its own pledge in detail; the statement as of its pledge in force.
        driver.RestartAs(CorePartyRole.Lender);
        GetAssetResponse seen = await driver.GetAssetAsync(s_asset);
        Assert.Equal("own", seen.PledgesShown);
        Assert.Equal(PledgeDriver.Id(s_senior), Assert.Single(seen.Pledges).PledgeId);
        Assert.DoesNotContain(seen.Pledges, p => p.Terms.PledgeePartyId == driver.Bank2);
        Assert.Equal(driver.Bank, Assert.Single((await driver.StatementAsync(s_asset, 7)).PledgesInForce).PledgeePartyId);

        // An asset it has no pledge of, and one that does not exist, are refused alike.
        foreach (UInt128 asset in new[] { s_otherAsset, (UInt128)0xA55E7_0099 })
        {
            RpcException denied = await Assert.ThrowsAsync<RpcException>(() => driver.Pledges.GetAssetAsync(new GetAssetRequest { AssetId = PledgeDriver.Id(asset) }).ResponseAsync);
            Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
            Assert.Contains("a lender sees only assets it holds a pledge of", denied.Status.Detail, StringComparison.Ordinal);
            RpcException statementDenied = await Assert.ThrowsAsync<RpcException>(() => driver.Pledges.GetEncumbranceStatementAsync(new GetEncumbranceStatementRequest { AssetId = PledgeDriver.Id(asset) }).ResponseAsync);
            Assert.Equal(StatusCode.PermissionDenied, statementDenied.StatusCode);
        }

        // Nor does it apply events: the office does.
        RpcException operate = await Assert.ThrowsAsync<RpcException>(() => driver.Pledges.ApplyPledgeEventAsync(PledgeDriver.Request(s_asset, PledgeEvent.RequestRelease, s_second)).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, operate.StatusCode);

        // Stored bytes reveal nothing: neither the files' plaintext nor their unsalted SHA-256 (raw, hex or base64) is in anything the service answered, logged or stored.
        string output = driver.Service.Output;
        driver.Stop();
        byte[][] stored = [.. Directory.EnumerateFiles(driver.DataDirectory, "*", SearchOption.AllDirectories).Select(File.ReadAllBytes)];
        Assert.NotEmpty(stored);
        foreach (byte[] content in driver.Contents)
        {
            byte[] sha256 = SHA256.HashData(content);
            byte[][] needles = [content, Encoding.UTF8.GetBytes(tag), sha256, Encoding.ASCII.GetBytes(Convert.ToHexStringLower(sha256)), Encoding.ASCII.GetBytes(Convert.ToHexString(sha256)), Encoding.ASCII.GetBytes(Convert.ToBase64String(sha256))];
            foreach (byte[] needle in needles)
            {
                Assert.DoesNotContain(stored, file => file.AsSpan().IndexOf(needle) >= 0);
                Assert.DoesNotContain(driver.Returned, response => response.AsSpan().IndexOf(needle) >= 0);
                Assert.True(Encoding.UTF8.GetBytes(output).AsSpan().IndexOf(needle) < 0, "the service's log holds content");
            }
        }
    }

    [Fact]
    public async Task Transfer_LockedWhilePledged_AcceptedWithPledgeeCosignature_ThenDefaultEnforcementSplitsProceeds()
    {
        using PledgeDriver driver = await PledgeDriver.StartAsync($"formula {Guid.NewGuid()}");
        await driver.WaitSignedAsync(driver.Deposits[0].Leaf);
        await driver.RegisterAndValueAsync(s_asset, [0], []);
        await driver.PledgeInForceAsync(s_asset, s_senior, driver.Bank);

        // The owner, a notary and the buyer sign a transfer; without the bank's consent the asset is locked (Civil Code 444).
        PledgeEventRequest transfer = PledgeDriver.Request(s_asset, PledgeEvent.RecordTransfer);
        transfer.TransfereePartyId = driver.Buyer;
        transfer.Evidence = PledgeDriver.DigestsOf("transfer agreement 2026-02");
        ProposePledgeEventResponse proposal = await driver.Pledges.ProposePledgeEventAsync(transfer);
        Assert.Equal(driver.Bank, Assert.Single(proposal.OptionalSigners).PartyId);
        RpcException locked = await Assert.ThrowsAsync<RpcException>(async () => await driver.Pledges.ApplyPledgeEventAsync(await driver.SignAsync(transfer, driver.Company, driver.Notary, driver.Buyer)));
        Assert.Equal(StatusCode.FailedPrecondition, locked.StatusCode);
        Assert.StartsWith(nameof(PledgeRejection.AssetLocked), locked.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(driver.Company, (await driver.GetAssetAsync(s_asset)).OwnerPartyId);

        // With the bank's co-signature it is recorded: the buyer owns the asset, the pledge stays in force.
        await driver.ApplyAsync(transfer, driver.Company, driver.Notary, driver.Buyer, driver.Bank);
        GetAssetResponse transferred = await driver.GetAssetAsync(s_asset);
        Assert.Equal(driver.Buyer, transferred.OwnerPartyId);
        AssetDealingLine dealing = Assert.Single(transferred.Dealings);
        Assert.Equal((driver.Company, driver.Buyer, driver.Bank), (dealing.OwnerPartyId, dealing.TransfereePartyId, Assert.Single(dealing.ConsentingPledgeePartyIds)));
        Assert.True(Assert.Single(transferred.Pledges).InForce);

        // Default, enforcement by supervised sale, proceeds 12,000,000.00: the bank 10 M, the pledgor 2 M, nothing owed.
        PledgeEventRequest @default = PledgeDriver.Request(s_asset, PledgeEvent.DeclareDefault, s_senior);
        @default.Evidence = PledgeDriver.DigestsOf("overdue notice, loan 2026-001");
        Assert.Equal("DefaultDeclared", (await driver.ApplyAsync(@default, driver.Bank)).PledgeStateName);
        PledgeEventRequest enforce = PledgeDriver.Request(s_asset, PledgeEvent.StartEnforcement, s_senior);
        enforce.Route = (uint)EnforcementRoute.SupervisedSale;
        Assert.Equal("Enforcement", (await driver.ApplyAsync(enforce, driver.Bank, driver.Notary)).PledgeStateName);
        PledgeEventRequest proceeds = PledgeDriver.Request(s_asset, PledgeEvent.RecordProceeds, s_senior);
        proceeds.AmountFen = 12_000_000 * Yuan;
        ApplyPledgeEventResponse split = await driver.ApplyAsync(proceeds, driver.Notary);
        Assert.Equal("Satisfied", split.PledgeStateName);
        Assert.Equal((12_000_000 * Yuan, 10_000_000 * Yuan, 2_000_000 * Yuan, 0L), (split.Split.ProceedsFen, split.Split.PledgeeFen, split.Split.PledgorFen, split.Split.ShortfallFen));
        Assert.Equal("Closed", (await driver.ApplyAsync(PledgeDriver.Request(s_asset, PledgeEvent.ClosePledge, s_senior), driver.Notary)).PledgeStateName);

        // Enforcement never transferred the asset: the owner is still the buyer, who took it with the bank's consent.
        GetAssetResponse closed = await driver.GetAssetAsync(s_asset);
        Assert.Equal(driver.Buyer, closed.OwnerPartyId);
        Assert.Equal(12_000_000 * Yuan, closed.Pledges[0].Split.ProceedsFen);
    }

    [Fact]
    public async Task BadInput_ClearStatuses_NothingRecorded()
    {
        using PledgeDriver driver = await PledgeDriver.StartAsync($"recipe {Guid.NewGuid()}", $"NDA {Guid.NewGuid()}");
        await driver.WaitSignedAsync(driver.Deposits.Max(d => d.Leaf));

        // Before the asset exists: an unknown event, malformed ids, a registration opened with another salt, a missing signature.
        RpcException unknown = await Refused(driver, new PledgeEventRequest { AssetId = PledgeDriver.Id(s_asset), Event = 99 });
        Assert.Equal(StatusCode.InvalidArgument, unknown.StatusCode);
        Assert.Contains("event 99 is not a pledge registry event", unknown.Status.Detail, StringComparison.Ordinal);
        RpcException shortAsset = await Refused(driver, new PledgeEventRequest { AssetId = ByteString.CopyFrom(1, 2, 3), Event = (uint)PledgeEvent.RegisterAsset });
        Assert.Equal(StatusCode.InvalidArgument, shortAsset.StatusCode);
        Assert.StartsWith("asset_id: an id is 16 bytes", shortAsset.Status.Detail, StringComparison.Ordinal);
        RpcException zeroAsset = await Assert.ThrowsAsync<RpcException>(() => driver.Pledges.GetAssetAsync(new GetAssetRequest { AssetId = PledgeDriver.Id(0) }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, zeroAsset.StatusCode);
        PledgeEventRequest shortPledge = PledgeDriver.Request(s_asset, PledgeEvent.NotarizePledge);
        shortPledge.PledgeId = ByteString.CopyFrom(7);
        Assert.Equal(StatusCode.InvalidArgument, (await Refused(driver, shortPledge)).StatusCode);

        PledgeEventRequest notTheOwners = driver.Registration(s_asset, [0], [1]);
        notTheOwners.Registration.Deposits[0].PartySalt = ByteString.CopyFrom(RandomNumberGenerator.GetBytes(32));
        RpcException salt = await Assert.ThrowsAsync<RpcException>(async () => await driver.Pledges.ApplyPledgeEventAsync(await driver.SignAsync(notTheOwners, driver.Company, driver.Notary)));
        Assert.Equal(StatusCode.FailedPrecondition, salt.StatusCode);
        Assert.StartsWith(nameof(PledgeRejection.DepositNotTheOwners), salt.Status.Detail, StringComparison.Ordinal);

        RpcException missing = await Assert.ThrowsAsync<RpcException>(async () => await driver.Pledges.ApplyPledgeEventAsync(await driver.SignAsync(driver.Registration(s_asset, [0], [1]), driver.Company)));
        Assert.Equal(StatusCode.FailedPrecondition, missing.StatusCode);
        Assert.StartsWith($"{nameof(PledgeRejection.SignatureMissing)} ({nameof(SignerRejection.SignerMissing)}: a notary)", missing.Status.Detail, StringComparison.Ordinal);
        RpcException notRegistered = await Assert.ThrowsAsync<RpcException>(() => driver.Pledges.GetAssetAsync(new GetAssetRequest { AssetId = PledgeDriver.Id(s_asset) }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, notRegistered.StatusCode);

        // Registered; then a valuation signed by another key than the appraiser's, and a pledge whose contract "leaf" is not a deposit.
        ApplyPledgeEventResponse registered = await driver.ApplyAsync(driver.Registration(s_asset, [0], [1]), driver.Company, driver.Notary);
        await driver.WaitSignedAsync(registered.LeafIndex);
        ulong treeSize = (await driver.Service.Client.GetLogInfoAsync(new GetLogInfoRequest())).TreeSize;
        GetAssetResponse before = await driver.GetAssetAsync(s_asset);

        RpcException forged = await Assert.ThrowsAsync<RpcException>(async () => await driver.Pledges.ApplyPledgeEventAsync(await driver.SignAsync(await driver.ValuationAsync(s_asset, 35_000_000 * Yuan, signer: driver.Bank), driver.Notary)));
        Assert.Equal(StatusCode.FailedPrecondition, forged.StatusCode);
        Assert.StartsWith(nameof(PledgeRejection.ValuationSignatureInvalid), forged.Status.Detail, StringComparison.Ordinal);

        PledgeEventRequest notADeposit = driver.Application(s_asset, s_senior, driver.Bank);
        notADeposit.Terms.ContractLeaf = registered.LeafIndex;
        RpcException contract = await Refused(driver, notADeposit);
        Assert.Equal(StatusCode.InvalidArgument, contract.StatusCode);
        Assert.Contains($"leaf {registered.LeafIndex}, which is not a deposit", contract.Status.Detail, StringComparison.Ordinal);

        PledgeEventRequest badDate = driver.Application(s_asset, s_senior, driver.Bank);
        badDate.Terms.TermEnd = "31.12.2028";
        Assert.Contains("terms.term_end", (await Refused(driver, badDate)).Status.Detail, StringComparison.Ordinal);

        // An event with a field of another event (a licence with an amount, and without its agreement) is the command's problem: INVALID_ARGUMENT naming the rule.
        PledgeEventRequest extra = PledgeDriver.Request(s_asset, PledgeEvent.RecordLicence);
        extra.AmountFen = 5;
        extra.Signatures.Add(driver.Signature(driver.Notary, new byte[1]));
        RpcException invalid = await Refused(driver, extra);
        Assert.Equal(StatusCode.InvalidArgument, invalid.StatusCode);
        Assert.StartsWith($"request: {nameof(PledgeRejection.CommandInvalid)}", invalid.Status.Detail, StringComparison.Ordinal);

        // Nothing was recorded: the asset is as it was, and the log did not grow.
        await Task.Delay(500);
        Assert.Equal(before, await driver.GetAssetAsync(s_asset));
        Assert.Equal("Registered", before.StateName);
        Assert.Equal(treeSize, (await driver.Service.Client.GetLogInfoAsync(new GetLogInfoRequest())).TreeSize);
    }

    private static async Task<RpcException> Refused(PledgeDriver driver, PledgeEventRequest request) =>
        await Assert.ThrowsAsync<RpcException>(() => driver.Pledges.ApplyPledgeEventAsync(request).ResponseAsync);

    private static EvidenceChain.Pledges.Records.PledgeRecord? Decoded(byte[] record) =>
        EvidenceChain.Pledges.Records.PledgeRecord.TryDecode(record, out EvidenceChain.Pledges.Records.PledgeRecord? decoded, out string reason) ? decoded : throw new InvalidDataException(reason);
}
