using System.Collections.Immutable;

namespace EvidenceChain.Pledges;

/// <summary>
/// Every asset of the registry, and which asset each deposit leaf belongs to: rebuilt by applying
/// the recorded transitions in log order (<see cref="Replay"/>). Immutable.
/// </summary>
public sealed record PledgeRegistry(ImmutableDictionary<AssetId, PledgeAsset> Assets, ImmutableDictionary<ulong, AssetId> DepositAssets)
{
    /// <summary>A registry with no asset.</summary>
    public static PledgeRegistry Empty { get; } = new(ImmutableDictionary<AssetId, PledgeAsset>.Empty, ImmutableDictionary<ulong, AssetId>.Empty);

    /// <summary>The asset, or null when it is not registered.</summary>
    public PledgeAsset? AssetOf(AssetId id) => Assets.GetValueOrDefault(id);

    /// <summary>The asset a deposit leaf is part of, or null: for <see cref="PledgeContext.AssetOfDeposit"/>.</summary>
    public AssetId? AssetOfDeposit(ulong leafIndex) => DepositAssets.TryGetValue(leafIndex, out AssetId id) ? id : null;

    /// <summary>Decides the command on its asset; the context's deposit lookup is this registry's own.</summary>
    public PledgeDecision Decide(PledgeCommand command, PledgeContext context)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        return PledgeRules.Decide(AssetOf(command.AssetId), command, context with { AssetOfDeposit = AssetOfDeposit });
    }

    /// <summary>The registry after <paramref name="transition"/>, checking nothing but its place in its asset's history.</summary>
    public PledgeRegistry Apply(PledgeTransition transition)
    {
        ArgumentNullException.ThrowIfNull(transition);
        PledgeAsset next = PledgeRules.Apply(AssetOf(transition.AssetId), transition);
        ImmutableDictionary<ulong, AssetId> deposits = DepositAssets;
        if (transition.Command.Registration is AssetRegistration registration)
        {
            deposits = deposits.SetItems(registration.Deposits.Select(d => KeyValuePair.Create(d.LeafIndex, next.Id)));
        }

        return new PledgeRegistry(Assets.SetItem(next.Id, next), deposits);
    }

    /// <summary>The registry the transitions build, in order.</summary>
    /// <exception cref="InvalidOperationException">A transition does not follow its asset's previous one.</exception>
    public static PledgeRegistry Replay(IEnumerable<PledgeTransition> transitions)
    {
        ArgumentNullException.ThrowIfNull(transitions);
        PledgeRegistry registry = Empty;
        foreach (PledgeTransition transition in transitions)
        {
            registry = registry.Apply(transition);
        }

        return registry;
    }
}
