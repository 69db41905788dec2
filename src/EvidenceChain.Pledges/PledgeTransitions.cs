namespace EvidenceChain.Pledges;

/// <summary>
/// Which event may happen in which state (docs/pledges.md §Events): the table checked first, so an
/// event out of order is refused before anything else is looked at.
/// </summary>
public static class PledgeTransitions
{
    /// <summary>The states in which a pledge is in force: it locks the asset and holds its rank.</summary>
    public static IReadOnlyList<PledgeState> InForce { get; } =
        [PledgeState.Active, PledgeState.ReleaseRequested, PledgeState.DefaultDeclared, PledgeState.Enforcement, PledgeState.Disputed];

    /// <summary>The states in which a pledge has ended.</summary>
    public static IReadOnlyList<PledgeState> Ended { get; } = [PledgeState.Released, PledgeState.Closed, PledgeState.Withdrawn];

    /// <summary>The states a dispute may resolve to.</summary>
    public static IReadOnlyList<PledgeState> Resolutions { get; } = [PledgeState.Active, PledgeState.Enforcement, PledgeState.Released];

    /// <summary>Whether the event is about the asset itself rather than one of its pledges.</summary>
    public static bool IsAssetEvent(PledgeEvent @event) =>
        @event is PledgeEvent.RegisterAsset or PledgeEvent.RecordValuation or PledgeEvent.RecordTransfer or PledgeEvent.RecordLicence;

    /// <summary>
    /// The asset states an event may happen in: for <see cref="PledgeEvent.RegisterAsset"/> none (the
    /// asset must not exist yet); for a pledge event every state (its own guards decide).
    /// </summary>
    public static IReadOnlyList<AssetState> AssetFromStates(PledgeEvent @event) => @event switch
    {
        PledgeEvent.RegisterAsset => [],
        _ when Enum.IsDefined(@event) => [AssetState.Registered, AssetState.Valued],
        _ => [],
    };

    /// <summary>
    /// The pledge states a pledge event may happen in; <see cref="PledgeEvent.ApplyPledge"/> and the
    /// asset events have none (the pledge must not exist yet, or there is no pledge).
    /// </summary>
    public static IReadOnlyList<PledgeState> FromStates(PledgeEvent @event) => @event switch
    {
        PledgeEvent.NotarizePledge => [PledgeState.Applied],
        PledgeEvent.ActivatePledge => [PledgeState.Notarized],
        PledgeEvent.RequestRelease => [PledgeState.Active],
        PledgeEvent.Release => [PledgeState.ReleaseRequested],
        PledgeEvent.DeclareDefault => [PledgeState.Active, PledgeState.ReleaseRequested],
        PledgeEvent.StartEnforcement => [PledgeState.DefaultDeclared],
        PledgeEvent.RecordProceeds => [PledgeState.Enforcement],
        PledgeEvent.ClosePledge => [PledgeState.Satisfied, PledgeState.PartiallySatisfied],
        PledgeEvent.Dispute => [PledgeState.Active, PledgeState.ReleaseRequested, PledgeState.DefaultDeclared, PledgeState.Enforcement],
        PledgeEvent.ResolveDispute => [PledgeState.Disputed],
        PledgeEvent.Withdraw => [PledgeState.Applied, PledgeState.Notarized],
        _ => [],
    };

    /// <summary>Whether <paramref name="event"/> may happen to a pledge in <paramref name="state"/>.</summary>
    public static bool IsAllowed(PledgeState state, PledgeEvent @event) => FromStates(@event).Contains(state);
}
