namespace EvidenceChain.Pledges;

/// <summary>
/// One applied event, as recorded in the log (a pledge event leaf, type 5, record_schema 1,
/// docs/formats/pledge-event.md): the command as signed, with its signatures, the number it got,
/// the states before and after, and the time. What <see cref="PledgeRules.Apply"/> needs to rebuild
/// the asset, and what a court needs to recheck every signature.
/// </summary>
/// <param name="Number">The asset's event number: 1 for its registration, then each one more.</param>
/// <param name="Command">The event, its fields and signatures.</param>
/// <param name="AssetFrom">The asset's state before; null for RegisterAsset.</param>
/// <param name="AssetTo">The asset's state after.</param>
/// <param name="PledgeFrom">The pledge's state before; null for an asset event and for ApplyPledge.</param>
/// <param name="PledgeTo">The pledge's state after; null for an asset event.</param>
/// <param name="AtMs">When it was applied, Unix milliseconds.</param>
public sealed record PledgeTransition(
    ulong Number,
    PledgeCommand Command,
    AssetState? AssetFrom,
    AssetState AssetTo,
    PledgeState? PledgeFrom,
    PledgeState? PledgeTo,
    long AtMs)
{
    /// <summary>The asset it is about.</summary>
    public AssetId AssetId => Command.AssetId;
}
