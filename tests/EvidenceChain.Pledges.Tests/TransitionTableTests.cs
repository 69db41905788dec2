using EvidenceChain.Pledges.Tests.Support;

namespace EvidenceChain.Pledges.Tests;

/// <summary>Every event in every state: refused as EventNotAllowedInState exactly where the table says, before anything else is checked.</summary>
public sealed class TransitionTableTests : IDisposable
{
    private static readonly PledgeId s_pledge = new(0x7AB1E);

    private readonly PledgeHarness _h = new();

    public static TheoryData<PledgeState> States => [.. Enum.GetValues<PledgeState>()];

    [Theory]
    [MemberData(nameof(States))]
    public void EveryPledgeEvent_InEveryState_RefusedExactlyWhereTheTableSays(PledgeState state)
    {
        AssetId asset = PledgeIn(state);
        Assert.Equal(state, _h.AssetOf(asset).PledgeOf(s_pledge)!.State);

        foreach (PledgeEvent @event in Enum.GetValues<PledgeEvent>().Where(e => !PledgeTransitions.IsAssetEvent(e)))
        {
            PledgeDecision decision = _h.Try(_h.Typical(@event, asset, s_pledge));
            if (PledgeTransitions.IsAllowed(state, @event))
            {
                Assert.NotEqual(PledgeRejection.EventNotAllowedInState, decision.Rejection);
            }
            else
            {
                Assert.Equal(PledgeRejection.EventNotAllowedInState, decision.Rejection);
            }
        }
    }

    [Fact]
    public void AssetEvents_OnAnUnregisteredOrRegisteredAsset_RefusedWhereTheTableSays()
    {
        var unregistered = new AssetId(0xDEAD);
        foreach (PledgeEvent @event in Enum.GetValues<PledgeEvent>().Where(e => e != PledgeEvent.RegisterAsset))
        {
            var command = new PledgeCommand(@event, unregistered, PledgeTransitions.IsAssetEvent(@event) ? null : s_pledge);
            Assert.Equal(PledgeRejection.EventNotAllowedInState, _h.Try(command).Rejection);
        }

        AssetId asset = PledgeIn(PledgeState.Active);
        Assert.Equal(PledgeRejection.EventNotAllowedInState, _h.Try(_h.Typical(PledgeEvent.RegisterAsset, asset, s_pledge)).Rejection);
        Assert.Equal(PledgeRejection.EventNotAllowedInState, _h.Try(_h.Typical(PledgeEvent.ApplyPledge, asset, s_pledge)).Rejection);
        Assert.Equal(PledgeRejection.EventNotAllowedInState, _h.Try(_h.Typical(PledgeEvent.NotarizePledge, asset, new PledgeId(0xF00))).Rejection);
    }

    [Fact]
    public void Table_EveryNonInitialStateIsReachable_AndEndedStatesAllowNothing()
    {
        var reachable = new HashSet<PledgeState> { PledgeState.Applied };
        foreach (PledgeEvent @event in Enum.GetValues<PledgeEvent>())
        {
            reachable.UnionWith(PledgeTransitions.FromStates(@event).Count > 0 ? Targets(@event) : []);
        }

        Assert.Equal(Enum.GetValues<PledgeState>().Order(), reachable.Order());
        Assert.All(PledgeTransitions.Ended, s => Assert.DoesNotContain(Enum.GetValues<PledgeEvent>(), e => PledgeTransitions.IsAllowed(s, e)));
    }

    private static IEnumerable<PledgeState> Targets(PledgeEvent @event) => @event switch
    {
        PledgeEvent.NotarizePledge => [PledgeState.Notarized],
        PledgeEvent.ActivatePledge => [PledgeState.Active],
        PledgeEvent.RequestRelease => [PledgeState.ReleaseRequested],
        PledgeEvent.Release => [PledgeState.Released],
        PledgeEvent.DeclareDefault => [PledgeState.DefaultDeclared],
        PledgeEvent.StartEnforcement => [PledgeState.Enforcement],
        PledgeEvent.RecordProceeds => [PledgeState.Satisfied, PledgeState.PartiallySatisfied],
        PledgeEvent.ClosePledge => [PledgeState.Closed],
        PledgeEvent.Dispute => [PledgeState.Disputed],
        PledgeEvent.ResolveDispute => PledgeTransitions.Resolutions,
        PledgeEvent.Withdraw => [PledgeState.Withdrawn],
        _ => [],
    };

    // A fresh asset with one senior pledge driven into the state.
    private AssetId PledgeIn(PledgeState state)
    {
        var asset = new AssetId(0x7AB1E_0000 + (ulong)state);
        _h.RegisterSecret(asset, firstLeaf: 1_000 + ((ulong)state * 10));
        _h.Value(asset, 3_500_000_000);
        PledgeTerms terms = _h.Terms(_h.Bank, 1_000_000_000);
        _h.Accept(_h.Apply(asset, s_pledge, terms));
        PledgeCommand[] path = state switch
        {
            PledgeState.Applied => [],
            PledgeState.Notarized => [_h.Typical(PledgeEvent.NotarizePledge, asset, s_pledge)],
            PledgeState.Withdrawn => [_h.Typical(PledgeEvent.Withdraw, asset, s_pledge)],
            _ => [_h.Typical(PledgeEvent.NotarizePledge, asset, s_pledge)],
        };
        foreach (PledgeCommand step in path)
        {
            _h.Accept(step);
        }

        if (state is PledgeState.Applied or PledgeState.Notarized or PledgeState.Withdrawn)
        {
            return asset;
        }

        _h.Accept(_h.Activate(asset, s_pledge));
        PledgeEvent[] rest = state switch
        {
            PledgeState.ReleaseRequested => [PledgeEvent.RequestRelease],
            PledgeState.Released => [PledgeEvent.RequestRelease, PledgeEvent.Release],
            PledgeState.DefaultDeclared => [PledgeEvent.DeclareDefault],
            PledgeState.Enforcement => [PledgeEvent.DeclareDefault, PledgeEvent.StartEnforcement],
            PledgeState.Satisfied or PledgeState.Closed => [PledgeEvent.DeclareDefault, PledgeEvent.StartEnforcement],
            PledgeState.PartiallySatisfied => [PledgeEvent.DeclareDefault, PledgeEvent.StartEnforcement, PledgeEvent.RecordProceeds],
            PledgeState.Disputed => [PledgeEvent.Dispute],
            _ => [],
        };
        foreach (PledgeEvent @event in rest)
        {
            _h.Accept(_h.Typical(@event, asset, s_pledge));
        }

        if (state is PledgeState.Satisfied or PledgeState.Closed)
        {
            _h.Accept(_h.RecordProceeds(asset, s_pledge, terms.SecuredFen));
        }

        if (state == PledgeState.Closed)
        {
            _h.Accept(_h.Typical(PledgeEvent.ClosePledge, asset, s_pledge));
        }

        return asset;
    }

    public void Dispose() => _h.Dispose();
}
