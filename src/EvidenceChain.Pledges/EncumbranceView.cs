namespace EvidenceChain.Pledges;

/// <summary>
/// The encumbrance of an asset (DOMAIN.md §7.2 "Lender check"): owner, the secret's units roots,
/// the valuations and the pledges in force, as of its events. Pure.
/// </summary>
public static class EncumbranceView
{
    /// <summary>What every statement says, because it is true of every trade-secret pledge (DOMAIN.md §7.1).</summary>
    public const string PriorityNotice =
        "A trade secret has no statutory pledge registry: a pledge recorded here binds its parties and proves who agreed to what, and when, " +
        "but without registration at a statutory registry it has no real-right effect and gives no priority over third parties (SPC 法释〔2020〕28号 art. 63).";

    /// <summary>The statement of <paramref name="asset"/> as it stands.</summary>
    public static Encumbrance Of(PledgeAsset asset)
    {
        ArgumentNullException.ThrowIfNull(asset);
        return new Encumbrance(
            asset.Id,
            asset.EventCount,
            asset.OwnerPartyId,
            asset.Category,
            asset.SecretDeposits,
            [.. asset.Valuations.Select(v => new ValuationLine(v.AppraiserPartyId, v.ValueFen, v.Date, v.ReportDigest, v.MatchedRoots))],
            [.. asset.InForce.OrderBy(p => p.Terms.Rank).Select(p => new PledgeLine(p.Id, p.State, p.Terms.Rank, p.Terms.SecuredFen, p.Terms.TermStart, p.Terms.TermEnd, p.Terms.PledgeePartyId, p.Terms.Enforceable, p.Terms.ContractLeaf))],
            PriorityNotice);
    }

    /// <summary>The statement of asset <paramref name="id"/> as of its event <paramref name="asOfEventNumber"/>, from the registry's transitions in log order.</summary>
    /// <returns>Null when the asset had not been registered by then.</returns>
    public static Encumbrance? Of(IEnumerable<PledgeTransition> transitions, AssetId id, ulong asOfEventNumber)
    {
        ArgumentNullException.ThrowIfNull(transitions);
        PledgeAsset? asset = null;
        foreach (PledgeTransition transition in transitions.Where(t => t.AssetId == id).TakeWhile(t => t.Number <= asOfEventNumber))
        {
            asset = PledgeRules.Apply(asset, transition);
        }

        return asset is null ? null : Of(asset);
    }
}
