using System.Security.Cryptography;
using System.Text;
using EvidenceChain.Core.Access;
using EvidenceChain.Core.Checkpoints;
using EvidenceChain.Core.Commitments;
using EvidenceChain.Core.Deposits;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Leaves;
using EvidenceChain.Core.Receipts;
using EvidenceChain.Core.Records;
using EvidenceChain.Core.Signing;
using EvidenceChain.Engine.Deposits;
using EvidenceChain.Engine.Parties;
using EvidenceChain.Engine.Pledges;
using EvidenceChain.Engine.Ports;
using EvidenceChain.Engine.Queries;
using EvidenceChain.Engine.Tests.Support;
using EvidenceChain.Ledger.Banking;
using EvidenceChain.Pledges;
using Microsoft.Extensions.Time.Testing;

namespace EvidenceChain.Engine.Tests.Pledges;

/// <summary>
/// The pledge desk over the real store and intake: the owner's deposits made through the deposit
/// intake with its own key, an asset registered on what their leaves hold, valued, pledged to a bank
/// and released; a second senior pledge refused while the first is in force; a registration of
/// someone else's deposit refused and recorded nowhere; the encumbrance statement checked with the
/// log's keys, with the notary's signed count of the asset's events in its tree; the registry rebuilt
/// at reopen, and a tampered record stopping it.
/// </summary>
public sealed class PledgeDeskTests : IDisposable
{
    private const long Yuan = 100;
    private static readonly AssetId s_asset = new(0xA55E7);
    private static readonly PledgeId s_senior = new(0x91ED6E1);
    private static readonly PledgeId s_second = new(0x91ED6E2);

    private readonly StoreFaults _faults = new();
    private readonly TestLog _log;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 12, 1, 10, 0, 0, DailyBalances.ChinaStandardTime));
    private readonly PartyRegistry _parties;
    private readonly Dictionary<string, Ed25519MemoryKey> _keys = [];
    private readonly Dictionary<string, byte[]> _seeds = [];
    private readonly Caller _office;
    private readonly Party _company;
    private readonly Party _stranger;
    private readonly Party _notary;
    private readonly Party _appraiser;
    private readonly Party _bank;
    private readonly Party _bank2;

    public PledgeDeskTests()
    {
        _log = new TestLog(decorate: store => _faults.Wrap(store));
        _parties = new PartyRegistry(_log.RealStore, _clock, RandomNumberGenerator.Fill);
        _office = new Caller(_parties.EnsureOffice("武汉市东湖公证处").Id, PartyRole.NotaryOffice);
        _company = Register(PartyRole.Enterprise);
        _stranger = Register(PartyRole.Enterprise);
        _notary = Register(PartyRole.Notary);
        _appraiser = Register(PartyRole.Appraiser);
        _bank = Register(PartyRole.Lender);
        _bank2 = Register(PartyRole.Lender);
        _clock.Advance(TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task Asset_RegisteredValuedPledgedReleased_StatementVerifies_RebuiltAtReopen_TamperStopsOpen()
    {
        PledgeDesk desk = Open();

        // The company deposits its secret (two files) and its NDA with its own key; the contract is deposited by the notary office.
        (ulong Leaf, DerivedSalt PartySalt)[] owned = await DepositAsync(_company, "process recipe", "furnace parameters", "NDA with employees");
        ulong contract = (await DepositAsync(_notary, "pledge contract (notarized)"))[0].Leaf;
        AssetDeposit[] roles = [Named(owned[0].Leaf, AssetDepositRole.Secret), Named(owned[1].Leaf, AssetDepositRole.Secret), Named(owned[2].Leaf, AssetDepositRole.ConfidentialityMeasure)];
        var registration = new AssetRegistration(_company.Id, "manufacturing process (heat treatment)", roles, [.. owned.Select(d => new DepositorOpening(_company.Keys[0].Fingerprint, d.PartySalt))]);
        var register = new PledgeCommand(PledgeEvent.RegisterAsset, s_asset, Registration: registration);

        // Before a checkpoint signs the deposits they are not in the log as far as the rules know.
        Assert.Equal(PledgeRejection.LeafNotInLog, (await ApplyAsync(desk, register, _company, _notary)).Decision.Rejection);
        _log.Sequencer.SignPending();

        // The proposal fills each deposit from its leaf, whatever the caller said; the message is over those values.
        PledgeProposal proposal = desk.Propose(register);
        Assert.Equal(1UL, proposal.Number);
        Assert.NotNull(proposal.Message);
        Assert.All(proposal.Command.Registration!.Deposits, d => Assert.Equal(1UL, d.UnitCount));
        Assert.True(LeafEnvelope.TryDecodeDeposit(_log.Store.ReadLeaves(owned[0].Leaf, 1)[0], out DepositLeaf? first).IsValid);
        Assert.Equal((first!.UnitsRoot, first.Depositor), (proposal.Command.Registration.Deposits[0].UnitsRoot, proposal.Command.Registration.Deposits[0].Depositor));
        Assert.Equal(PledgeRejection.CommandInvalid, proposal.Decision.Rejection); // unsigned
        Assert.True((await ApplyAsync(desk, register, _company, _notary)).IsApplied);
        Assert.Equal(PledgeRejection.EventNotAllowedInState, (await ApplyAsync(desk, register, _company, _notary)).Decision.Rejection);

        // An appraiser's valuation of the secret's roots: 35,000,000.00 yuan.
        PledgeAsset registered = desk.FindAsset(s_asset)!;
        Assert.Equal(AssetState.Registered, registered.State);
        Assert.True((await ApplyAsync(desk, new PledgeCommand(PledgeEvent.RecordValuation, s_asset, Valuation: Valuation(registered, 35_000_000 * Yuan)), _notary)).IsApplied);

        // The bank's senior pledge of 10,000,000.00 yuan: applied, notarized, put in force.
        Assert.True((await ApplyAsync(desk, new PledgeCommand(PledgeEvent.ApplyPledge, s_asset, s_senior, Terms: Terms(_bank, contract)), _company, _bank)).IsApplied);
        Assert.True((await ApplyAsync(desk, new PledgeCommand(PledgeEvent.NotarizePledge, s_asset, s_senior), _notary)).IsApplied);
        Assert.True((await ApplyAsync(desk, new PledgeCommand(PledgeEvent.ActivatePledge, s_asset, s_senior), _notary)).IsApplied);

        // A second senior pledge may be applied for and notarized, but not put in force while the first is: nothing is recorded.
        Assert.True((await ApplyAsync(desk, new PledgeCommand(PledgeEvent.ApplyPledge, s_asset, s_second, Terms: Terms(_bank2, contract)), _company, _bank2)).IsApplied);
        Assert.True((await ApplyAsync(desk, new PledgeCommand(PledgeEvent.NotarizePledge, s_asset, s_second), _notary)).IsApplied);
        ulong leaves = _log.Store.LeafCount;
        PledgeOutcome second = await ApplyAsync(desk, new PledgeCommand(PledgeEvent.ActivatePledge, s_asset, s_second), _notary);
        Assert.Equal((PledgeRejection.SeniorPledgeActive, (ulong?)null), (second.Decision.Rejection, second.LeafIndex));
        Assert.Equal(leaves, _log.Store.LeafCount);

        // The lender's check as of the checkpoint: the records verify with the log's keys; the senior pledge is in force.
        _log.Sequencer.SignPending();
        EncumbranceStatement statement = desk.EncumbranceStatement(s_asset, null);
        Assert.True(Assert.Single(statement.Pages).Verify(_log.Notary.VerifierKeys, LeafType.PledgeEvent, out _, out IReadOnlyList<RecordLeaf> recordLeaves).IsValid);
        Assert.Equal(7, recordLeaves.Count);
        Assert.Equal(LeafRecord.AssetKey(s_asset.Value), statement.Pages[0].Subject);
        Encumbrance view = statement.View!;
        Assert.Equal((7UL, _company.Id, 35_000_000 * Yuan), (view.AsOfEventNumber, view.OwnerPartyId, Assert.Single(view.Valuations).ValueFen));
        PledgeLine inForce = Assert.Single(view.PledgesInForce);
        Assert.Equal((s_senior, PledgeState.Active, (byte)1, 10_000_000 * Yuan, _bank.Id), (inForce.PledgeId, inForce.State, inForce.Rank, inForce.SecuredFen, inForce.PledgeePartyId));
        Assert.Equal(EncumbranceView.PriorityNotice, view.Notice);
        Assert.Equal(2, statement.DepositReceipts.Count);
        Assert.All(statement.DepositReceipts, r => Assert.True(new LogQueries(_log.Store, _log.Notary, _log.Sequencer).Verify(r.ReceiptJson!).IsValid));

        // As of its third event (the pledge applied for) nothing was in force yet.
        EncumbranceStatement applied = desk.EncumbranceStatement(s_asset, 3);
        Assert.Equal(3, Assert.Single(applied.Pages).Entries.Count);
        Assert.Empty(applied.View!.PledgesInForce);

        // Release requested by the company, granted by the bank; then the second pledge can be put in force.
        Assert.True((await ApplyAsync(desk, new PledgeCommand(PledgeEvent.RequestRelease, s_asset, s_senior), _company)).IsApplied);
        Assert.True((await ApplyAsync(desk, new PledgeCommand(PledgeEvent.Release, s_asset, s_senior), _bank)).IsApplied);
        Assert.True((await ApplyAsync(desk, new PledgeCommand(PledgeEvent.ActivatePledge, s_asset, s_second), _notary)).IsApplied);
        Assert.Equal([PledgeState.Released, PledgeState.Active], desk.PledgesOf(s_asset).Select(p => p.State));

        // Records are kept under the asset's key and the actor's id.
        Assert.Equal(10, _log.Store.ReadRecordsByKey(LeafRecord.AssetKey(s_asset.Value), 0, 100).Count);
        Assert.Equal(10, _log.Store.ReadRecordsByKey(_office.PartyId, 0, 100).Count(r => r.Type == LeafType.PledgeEvent));

        // Reopened, the desk replays the same registry.
        PledgeDesk reopened = Open();
        Assert.Equal(Shape(desk.FindAsset(s_asset)!), Shape(reopened.FindAsset(s_asset)!));
        Assert.Equal(desk.Registry.DepositAssets.OrderBy(d => d.Key), reopened.Registry.DepositAssets.OrderBy(d => d.Key));

        // A record that no longer matches its leaf stops the open, naming the leaf.
        ulong valuationLeaf = _log.Store.ReadRecordsByKey(LeafRecord.AssetKey(s_asset.Value), 0, 100)[1].LeafIndex;
        _faults.TamperedRecordLeafIndex = valuationLeaf;
        InvalidDataException tampered = Assert.Throws<InvalidDataException>(Open);
        Assert.Contains($"leaf {valuationLeaf}", tampered.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegisterAsset_DepositNotTheOwners_RefusedAndNothingRecorded()
    {
        PledgeDesk desk = Open();
        (ulong Leaf, DerivedSalt PartySalt)[] strangers = await DepositAsync(_stranger, "someone else's recipe");
        _log.Sequencer.SignPending();

        // The company opens the stranger's deposit with its own key: the commitments do not recompute.
        var registration = new AssetRegistration(_company.Id, "formula", [Named(strangers[0].Leaf, AssetDepositRole.Secret)], [new DepositorOpening(_company.Keys[0].Fingerprint, strangers[0].PartySalt)]);
        ulong leaves = _log.Store.LeafCount;
        PledgeOutcome refused = await ApplyAsync(desk, new PledgeCommand(PledgeEvent.RegisterAsset, s_asset, Registration: registration), _company, _notary);
        Assert.Equal((PledgeRejection.DepositNotTheOwners, (ulong?)null), (refused.Decision.Rejection, refused.LeafIndex));
        Assert.Equal(leaves, _log.Store.LeafCount);
        Assert.Null(desk.FindAsset(s_asset));
        Assert.Equal(QueryFailure.NotFound, Assert.Throws<QueryException>(() => desk.PledgesOf(s_asset)).Failure);

        // A leaf that is not a deposit (beyond the log here) is not the caller's to describe.
        var beyond = registration with { Deposits = [Named(leaves + 5, AssetDepositRole.Secret)] };
        Assert.Equal(QueryFailure.InvalidArgument, Assert.Throws<QueryException>(() => desk.Propose(new PledgeCommand(PledgeEvent.RegisterAsset, s_asset, Registration: beyond))).Failure);
    }

    [Fact]
    public async Task EncumbranceStatement_AsOfAnEarlierEvent_ClaimCountsEveryRecordInTheTreeAndNoneBeyond()
    {
        PledgeDesk desk = Open();
        (ulong Leaf, DerivedSalt PartySalt)[] owned = await DepositAsync(_company, "process recipe");
        ulong contract = (await DepositAsync(_notary, "pledge contract (notarized)"))[0].Leaf;
        _log.Sequencer.SignPending();
        var registration = new AssetRegistration(_company.Id, "formula", [Named(owned[0].Leaf, AssetDepositRole.Secret)], [new DepositorOpening(_company.Keys[0].Fingerprint, owned[0].PartySalt)]);
        Assert.True((await ApplyAsync(desk, new PledgeCommand(PledgeEvent.RegisterAsset, s_asset, Registration: registration), _company, _notary)).IsApplied);
        Assert.True((await ApplyAsync(desk, new PledgeCommand(PledgeEvent.RecordValuation, s_asset, Valuation: Valuation(desk.FindAsset(s_asset)!, 35_000_000 * Yuan)), _notary)).IsApplied);
        Assert.True((await ApplyAsync(desk, new PledgeCommand(PledgeEvent.ApplyPledge, s_asset, s_senior, Terms: Terms(_bank, contract)), _company, _bank)).IsApplied);
        _log.Sequencer.SignPending();

        // A fourth event after the checkpoint: the statement's tree does not hold it, so the claim does not count it.
        Assert.True((await ApplyAsync(desk, new PledgeCommand(PledgeEvent.NotarizePledge, s_asset, s_senior), _notary)).IsApplied);

        // As of the first event the statement lists one record; the notary still signs all three the tree holds.
        EncumbranceStatement first = desk.EncumbranceStatement(s_asset, 1);
        Assert.True(Assert.Single(first.Pages).Verify(_log.Notary.VerifierKeys, LeafType.PledgeEvent, out VerifiedCheckpoint? checkpoint, out _).IsValid);
        Assert.True(EncumbranceClaimVerifier.TryVerify(first.ClaimNote, _log.Notary.VerifierKeys, checkpoint!, s_asset, [1], 1, out EncumbranceClaim? claim, out string reason), reason);
        Assert.Equal((s_asset, checkpoint!.Checkpoint.TreeSize, checkpoint.Checkpoint.Root, 3UL), (claim!.Asset, claim.TreeSize, claim.RootHash, claim.EventCount));

        // The same list offered as the whole history contradicts the signed count.
        Assert.False(EncumbranceClaimVerifier.TryVerify(first.ClaimNote, _log.Notary.VerifierKeys, checkpoint, s_asset, [1], 0, out _, out reason));
        Assert.Contains("has exactly 3 events", reason, StringComparison.Ordinal);

        // Once the next checkpoint holds the fourth, the claim counts four.
        _log.Sequencer.SignPending();
        EncumbranceStatement all = desk.EncumbranceStatement(s_asset, null);
        Assert.True(Assert.Single(all.Pages).Verify(_log.Notary.VerifierKeys, LeafType.PledgeEvent, out checkpoint, out _).IsValid);
        Assert.True(EncumbranceClaimVerifier.TryVerify(all.ClaimNote, _log.Notary.VerifierKeys, checkpoint!, s_asset, [1, 2, 3, 4], 0, out claim, out reason), reason);
        Assert.Equal(4UL, claim!.EventCount);

        // In pages of one record: four pages against the one checkpoint, which join and verify as the single page does.
        EncumbranceStatement paged = desk.EncumbranceStatement(s_asset, null, entriesPerPage: 1);
        Assert.Equal(4, paged.Pages.Count);
        Assert.All(paged.Pages, p => Assert.Equal(all.Pages[0].CheckpointNote, p.CheckpointNote));
        Assert.True(RecordStatement.TryJoin(paged.Pages, out RecordStatement? joined).IsValid);
        Assert.Equal(all.Pages[0].Entries.Select(e => e.LeafIndex), joined!.Entries.Select(e => e.LeafIndex));
        Assert.True(joined.Verify(_log.Notary.VerifierKeys, LeafType.PledgeEvent, out checkpoint, out _).IsValid);
        Assert.True(EncumbranceClaimVerifier.TryVerify(paged.ClaimNote, _log.Notary.VerifierKeys, checkpoint!, s_asset, [1, 2, 3, 4], 0, out _, out reason), reason);
        Assert.Equal(2, desk.EncumbranceStatement(s_asset, 2, entriesPerPage: 1).Pages.Count);

        // Pages out of order, or of another checkpoint, do not join.
        Assert.False(RecordStatement.TryJoin([paged.Pages[1], paged.Pages[0]], out _).IsValid);
        Assert.False(RecordStatement.TryJoin([paged.Pages[0], first.Pages[0] with { Entries = paged.Pages[1].Entries }], out _).IsValid);
    }

    public void Dispose()
    {
        foreach (Ed25519MemoryKey key in _keys.Values)
        {
            key.Dispose();
        }

        _log.Dispose();
    }

    /// <summary>A deposit as a caller names it: the leaf and its role; the desk reads the rest from the leaf.</summary>
    private static AssetDeposit Named(ulong leaf, AssetDepositRole role) => new(leaf, role, default, 0, default);

    private static string Shape(PledgeAsset asset) => string.Join(
        "|",
        asset.Id,
        asset.State,
        asset.OwnerPartyId,
        asset.Category,
        asset.EventCount,
        string.Join(",", asset.Deposits),
        string.Join(",", asset.Valuations.Select(v => $"{v.AppraiserPartyId} {v.ValueFen} {v.Date} {Convert.ToHexString(v.Signature)}")),
        string.Join(",", asset.Pledges.Select(p => $"{p.Id} {p.State} {p.Terms} {p.ActivatedAtMs} {p.JuniorNotice}")));

    private PledgeDesk Open() =>
        PledgeDesk.Open(_log.Store, _log.Intake, new LogQueries(_log.Store, _log.Notary, _log.Sequencer), _log.Notary, _parties, _clock, RandomNumberGenerator.Fill);

    /// <summary>Proposes the command, has each signer sign the message the desk gives, and applies it a minute later.</summary>
    private async Task<PledgeOutcome> ApplyAsync(PledgeDesk desk, PledgeCommand unsigned, params Party[] signers)
    {
        byte[] message = desk.Propose(unsigned).Message!;
        PledgeCommand signed = unsigned with { Signatures = [.. signers.Select(p => new PledgeSignature(p.Id, p.Keys[0].Fingerprint, _keys[p.Id].Sign(message)))] };
        _clock.Advance(TimeSpan.FromMinutes(1));
        return await desk.ApplyAsync(_office, signed, CancellationToken.None);
    }

    /// <summary>Deposits one single-unit entry per content through the intake, signed with <paramref name="depositor"/>'s registered key; the party salt opens each leaf's depositor commitments.</summary>
    private async Task<(ulong Leaf, DerivedSalt PartySalt)[]> DepositAsync(Party depositor, params string[] contents)
    {
        var entries = new List<DepositEntry>();
        foreach (string content in contents)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(content);
            MasterSalt master = MasterSalt.Create(RandomNumberGenerator.Fill);
            using var units = new UnitsRoot(master);
            units.Add(new UnitDescriptor(string.Empty, 0, (ulong)bytes.Length), ContentHasher.HashData(bytes));
            entries.Add(new DepositEntry(ContentKind.Data, 1, units.Finish(), master.DerivePartySalt()));
        }

        byte[] seed = _seeds[depositor.Id];
        DepositOutcome outcome = await _log.Intake.SubmitAsync(new DepositSubmission(entries, DepositRequest.PublicKeyOf(seed), new DepositRequest(_log.Origin, entries).Sign(seed)), CancellationToken.None);
        Assert.Equal(DepositOutcomeStatus.Accepted, outcome.Status);
        return [.. outcome.Deposits.Select((d, i) => (d.LeafIndex, entries[i].PartySalt))];
    }

    private Valuation Valuation(PledgeAsset asset, long valueFen)
    {
        var unsigned = new Valuation(
            _appraiser.Id,
            _appraiser.Keys[0].Fingerprint,
            [.. asset.SecretDeposits.Select(d => d.UnitsRoot)],
            valueFen,
            ContentHasher.HashData("valuation report 2025-118"u8),
            DailyBalances.DayOf(_clock.GetUtcNow().ToUnixTimeMilliseconds()),
            new byte[PledgeSignature.SignatureLengthBytes]);
        return unsigned with { Signature = _keys[_appraiser.Id].Sign(unsigned.SignedBytes(asset.Id)) };
    }

    private PledgeTerms Terms(Party pledgee, ulong contract) =>
        new(_company.Id, pledgee.Id, 10_000_000 * Yuan, new DateOnly(2026, 1, 1), new DateOnly(2028, 12, 31), 1, false, contract, true);

    private Party Register(PartyRole role)
    {
        Party party = _parties.Register(_office, role, role.ToString(), canApprove: false);
        byte[] seed = RandomNumberGenerator.GetBytes(Ed25519MemoryKey.SeedLengthBytes);
        _seeds[party.Id] = seed;
        _keys[party.Id] = new Ed25519MemoryKey(seed);
        return _parties.BindKey(_office, party.Id, DepositRequest.PublicKeyOf(seed));
    }
}
