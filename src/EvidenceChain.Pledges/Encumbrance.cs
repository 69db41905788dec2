namespace EvidenceChain.Pledges;

/// <summary>
/// What a lender's encumbrance statement shows of an asset, as of one of its events (DOMAIN.md §7.2
/// "Lender check"); the engine adds the checkpoint, the inclusion proofs and its signature.
/// </summary>
/// <param name="AssetId">The asset.</param>
/// <param name="AsOfEventNumber">The last of its events the statement reflects.</param>
/// <param name="OwnerPartyId">Its owner then.</param>
/// <param name="Category">Its category-level description.</param>
/// <param name="SecretDeposits">The deposits of the secret: leaf, units roots, unit count.</param>
/// <param name="Valuations">Every valuation recorded, in order.</param>
/// <param name="PledgesInForce">The pledges in force, by rank.</param>
/// <param name="Notice">The statement's plain warning on what the registry gives a lender (<see cref="EncumbranceView.PriorityNotice"/>).</param>
public sealed record Encumbrance(
    AssetId AssetId,
    ulong AsOfEventNumber,
    string OwnerPartyId,
    string Category,
    IReadOnlyList<AssetDeposit> SecretDeposits,
    IReadOnlyList<ValuationLine> Valuations,
    IReadOnlyList<PledgeLine> PledgesInForce,
    string Notice);
