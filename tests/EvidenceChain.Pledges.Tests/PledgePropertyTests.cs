using CsCheck;
using EvidenceChain.Core.Access;
using EvidenceChain.Pledges.Tests.Support;

namespace EvidenceChain.Pledges.Tests;

/// <summary>
/// Random sequences of valid and invalid commands (any event, on two assets and four pledge ids,
/// random ranks, junior clauses, notices, amounts, and signers right or wrong): whatever is
/// accepted, no asset ever has two senior pledges, or two pledges of one rank, in force; every split
/// sums to its proceeds with the pledgee never above the secured amount; only a transfer changes
/// an owner; and the log replays into the same registry.
/// </summary>
public sealed class PledgePropertyTests : IDisposable
{
    // Weighted along a pledge's life, so random runs get as far as enforcement and its proceeds.
    private static readonly Gen<PledgeEvent> s_event = Gen.Frequency(
        (3, Gen.Const(PledgeEvent.ApplyPledge)),
        (4, Gen.Const(PledgeEvent.NotarizePledge)),
        (8, Gen.Const(PledgeEvent.ActivatePledge)),
        (3, Gen.Const(PledgeEvent.RequestRelease)),
        (3, Gen.Const(PledgeEvent.Release)),
        (4, Gen.Const(PledgeEvent.DeclareDefault)),
        (4, Gen.Const(PledgeEvent.StartEnforcement)),
        (4, Gen.Const(PledgeEvent.RecordProceeds)),
        (2, Gen.Const(PledgeEvent.ClosePledge)),
        (2, Gen.Const(PledgeEvent.Dispute)),
        (2, Gen.Const(PledgeEvent.ResolveDispute)),
        (1, Gen.Const(PledgeEvent.Withdraw)),
        (1, Gen.Const(PledgeEvent.RecordTransfer)),
        (2, Gen.Const(PledgeEvent.RecordLicence)),
        (1, Gen.Const(PledgeEvent.RecordValuation)),
        (1, Gen.Const(PledgeEvent.RegisterAsset)));

    private static readonly Gen<Step> s_step = Gen.Select(
        s_event,
        Gen.Frequency((4, Gen.Const(0)), (1, Gen.Const(1))),
        Gen.Int[1, 3],
        Gen.Frequency((3, Gen.Const((byte)1)), (2, Gen.Byte[2, 3])),
        Gen.Bool,
        Gen.Long[1, 3_000_000_000],
        Gen.Int[0, 9]).Select((e, asset, pledge, rank, flag, amount, signers) => new Step(e, asset, pledge, rank, flag, amount, signers));

    private readonly PledgeHarness _h = new();
    private readonly Dictionary<PledgeEvent, int> _accepted = [];
    private ulong _nextAsset = 0x9_0000;
    private ulong _nextPledge;

    [Fact]
    public void RandomCommands_NeverTwoPledgesOfOneRankInForce_SplitsAlwaysAddUp()
    {
        s_step.Array[20, 80].Sample(
            steps =>
            {
                _h.Registry = PledgeRegistry.Empty;
                _h.Log.Clear();
                AssetId[] assets = [new(++_nextAsset), new(++_nextAsset)];
                _h.RegisterSecret(assets[0], firstLeaf: 100);
                _h.RegisterSecret(assets[1], firstLeaf: 200);
                _h.Value(assets[0], 3_500_000_000);
                foreach (Step step in steps)
                {
                    AssetId asset = assets[step.Asset];
                    string ownerBefore = _h.AssetOf(asset).OwnerPartyId;
                    PledgeDecision decision = _h.Try(Command(step, asset));
                    if (decision.IsAccepted)
                    {
                        _h.Registry = _h.Registry.Apply(decision.Transition!);
                        _h.Log.Add(decision.Transition!);
                        _accepted[step.Event] = _accepted.GetValueOrDefault(step.Event) + 1;
                    }


                    _h.AtMs += 1_000;
                    Check(_h.Registry);
                    if (step.Event != PledgeEvent.RecordTransfer || !decision.IsAccepted)
                    {
                        Assert.Equal(ownerBefore, _h.AssetOf(asset).OwnerPartyId);
                    }
                }

                Assert.Equal(PledgeRecordTests.Describe(_h.Registry), PledgeRecordTests.Describe(PledgeRegistry.Replay(_h.Log)));
            },
            iter: 120,
            threads: 1);


        // The runs reach the rules that matter: pledges put in force and enforcement proceeds split.
        Assert.True(_accepted.GetValueOrDefault(PledgeEvent.ActivatePledge) > 0 && _accepted.GetValueOrDefault(PledgeEvent.RecordProceeds) > 0, string.Join(", ", _accepted));
    }

    [Fact]
    public void ProceedsSplit_AlwaysSumsToTheProceeds_PledgeeNeverAboveSecured()
    {
        Gen.Select(Gen.Long[1, long.MaxValue], Gen.Long[1, long.MaxValue]).Sample((secured, proceeds) =>
        {
            ProceedsSplit split = ProceedsSplit.Of(secured, proceeds);
            Assert.Equal(proceeds, split.PledgeeFen + split.PledgorFen);
            Assert.True(split.PledgeeFen <= secured && split.PledgorFen >= 0);
            Assert.Equal(secured - split.PledgeeFen, split.ShortfallFen);
            Assert.True(split.ShortfallFen == 0 || split.PledgorFen == 0);
        });
    }

    private static void Check(PledgeRegistry registry)
    {
        foreach (PledgeAsset asset in registry.Assets.Values)
        {
            IReadOnlyList<Pledge> inForce = asset.InForce;
            Assert.True(inForce.Count(p => p.Terms.Rank == 1) <= 1, $"two senior pledges in force on asset {asset.Id}");
            Assert.Equal(inForce.Count, inForce.Select(p => p.Terms.Rank).Distinct().Count());
            foreach (Pledge pledge in asset.Pledges.Where(p => p.Split is not null))
            {
                ProceedsSplit split = pledge.Split!;
                Assert.Equal(split.ProceedsFen, split.PledgeeFen + split.PledgorFen);
                Assert.True(split.PledgeeFen <= pledge.Terms.SecuredFen);
            }
        }
    }

    private PledgeCommand Command(Step step, AssetId asset)
    {
        // A new pledge gets a fresh id; any other event mostly picks a pledge it may happen to, else any not yet ended.
        PledgeAsset current = _h.AssetOf(asset);
        Pledge[] live = [.. current.Pledges.Where(p => !PledgeTransitions.Ended.Contains(p.State))];
        Pledge[] ready = [.. live.Where(p => PledgeTransitions.IsAllowed(p.State, step.Event))];
        live = ready.Length > 0 && step.Signers != 1 ? ready : live;
        PledgeId pledge = step.Event == PledgeEvent.ApplyPledge ? new PledgeId(++_nextPledge)
            : live.Length > 0 ? live[step.Pledge % live.Length].Id
            : new PledgeId(UInt128.MaxValue - 1);
        Party owner = _h.Parties.Find(current.OwnerPartyId)!;
        Party lender = step.Pledge % 2 == 0 ? _h.Bank : _h.Bank2;
        PledgeTerms terms = current.PledgeOf(pledge)?.Terms ?? _h.Terms(lender, 1_000_000_000, step.Rank, step.Flag, pledgor: owner);
        Party pledgor = _h.Parties.Find(terms.PledgorPartyId)!;
        Party pledgee = _h.Parties.Find(terms.PledgeePartyId)!;

        // One step in ten is signed by the wrong party.
        Party Who(Party right) => step.Signers == 0 ? _h.Buyer : right;
        Party[] pledgees = [.. current.InForce.Select(p => _h.Parties.Find(p.Terms.PledgeePartyId)!).Distinct()];
        PledgeCommand unsigned = step.Event switch
        {
            PledgeEvent.RegisterAsset => PledgeHarness.Register(asset, owner, [PledgeHarness.Deposit(owner, 300, AssetDepositRole.Secret, "x")]),
            PledgeEvent.RecordValuation => new(step.Event, asset, Valuation: _h.Valuation(asset, step.AmountFen)),
            PledgeEvent.ApplyPledge => new(step.Event, asset, pledge, Terms: terms),
            PledgeEvent.ActivatePledge => new(step.Event, asset, pledge, Evidence: step.Flag && terms.Rank > 1 ? PledgeHarness.Doc("notice") : null),
            PledgeEvent.Release => new(step.Event, asset, pledge, Evidence: step.Flag ? PledgeHarness.Doc("repaid") : null),
            PledgeEvent.DeclareDefault or PledgeEvent.Dispute => new(step.Event, asset, pledge, Evidence: PledgeHarness.Doc("evidence")),
            PledgeEvent.StartEnforcement => new(step.Event, asset, pledge, Route: EnforcementRoute.SupervisedSale),
            PledgeEvent.RecordProceeds => new(step.Event, asset, pledge, AmountFen: step.AmountFen),
            PledgeEvent.ResolveDispute => new(step.Event, asset, pledge, Route: step.Flag ? null : EnforcementRoute.CourtEnforcement, ResolveTo: step.Flag ? PledgeState.Active : PledgeState.Enforcement, Evidence: PledgeHarness.Doc("judgment")),
            PledgeEvent.RecordTransfer => new(step.Event, asset, TransfereePartyId: (owner == _h.Company ? _h.Buyer : _h.Company).Id, Evidence: PledgeHarness.Doc("assignment")),
            PledgeEvent.RecordLicence => new(step.Event, asset, Evidence: PledgeHarness.Doc("licence")),
            _ => new(step.Event, asset, pledge),
        };
        Party[] signers = step.Event switch
        {
            PledgeEvent.RegisterAsset => [owner, _h.Notary],
            PledgeEvent.ApplyPledge => [Who(pledgor), pledgee],
            PledgeEvent.RequestRelease or PledgeEvent.Withdraw or PledgeEvent.Dispute => [Who(pledgor)],
            PledgeEvent.Release => [Who(step.Flag ? _h.Notary : pledgee)],
            PledgeEvent.DeclareDefault => [Who(pledgee)],
            PledgeEvent.StartEnforcement => [Who(pledgee), _h.Notary],
            PledgeEvent.ResolveDispute => [Who(_h.Court)],
            PledgeEvent.RecordTransfer => [Who(owner), _h.Notary, owner == _h.Company ? _h.Buyer : _h.Company, .. step.Flag ? pledgees : []],
            PledgeEvent.RecordLicence => [Who(owner), _h.Notary, .. step.Flag ? pledgees : []],
            _ => [Who(_h.Notary)],
        };
        return _h.Signed(unsigned, [.. signers.Distinct()]);
    }

    public void Dispose() => _h.Dispose();

    private sealed record Step(PledgeEvent Event, int Asset, int Pledge, byte Rank, bool Flag, long AmountFen, int Signers);
}
