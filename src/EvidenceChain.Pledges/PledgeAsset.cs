namespace EvidenceChain.Pledges;

/// <summary>
/// An asset in the registry and its pledges: rebuilt by applying its events in order
/// (<see cref="PledgeRules.Apply"/>), so the log holds the whole registry. Immutable.
/// </summary>
/// <param name="Id">The asset.</param>
/// <param name="State">Registered, or Valued once a valuation is recorded.</param>
/// <param name="OwnerPartyId">Its owner; changed only by <see cref="PledgeEvent.RecordTransfer"/>.</param>
/// <param name="Category">The category-level description.</param>
/// <param name="Deposits">Its deposits, as registered.</param>
/// <param name="Valuations">The valuations recorded, in order.</param>
/// <param name="Pledges">Every pledge applied for, in order, whatever its state.</param>
/// <param name="Dealings">The transfers and licences recorded, in order.</param>
/// <param name="EventCount">Events applied so far; the next has this number plus one.</param>
public sealed record PledgeAsset(
    AssetId Id,
    AssetState State,
    string OwnerPartyId,
    string Category,
    IReadOnlyList<AssetDeposit> Deposits,
    IReadOnlyList<Valuation> Valuations,
    IReadOnlyList<Pledge> Pledges,
    IReadOnlyList<AssetDealing> Dealings,
    ulong EventCount)
{
    /// <summary>The most pledges one asset may have applied for over its life.</summary>
    public const int PledgeCountMax = 256;

    /// <summary>The most valuations one asset may have recorded.</summary>
    public const int ValuationCountMax = 64;

    /// <summary>The most transfers and licences one asset may have recorded.</summary>
    public const int DealingCountMax = 256;

    /// <summary>The pledges in force (they lock the asset and hold their ranks), in order of application.</summary>
    public IReadOnlyList<Pledge> InForce => [.. Pledges.Where(p => p.IsInForce)];

    /// <summary>The pledge with that id, or null.</summary>
    public Pledge? PledgeOf(PledgeId id) => Pledges.FirstOrDefault(p => p.Id == id);

    /// <summary>The deposits of the secret itself (not the confidentiality measures).</summary>
    public IReadOnlyList<AssetDeposit> SecretDeposits => [.. Deposits.Where(d => d.Role == AssetDepositRole.Secret)];
}
