namespace EvidenceChain.Pledges;

/// <summary>Where an asset stands (DOMAIN.md §7.3, docs/pledges.md §Assets). Numbers never change.</summary>
public enum AssetState : byte
{
    /// <summary>Registered by its owner and a notary; not yet valued, so not yet pledgeable.</summary>
    Registered = 1,

    /// <summary>At least one appraiser's valuation of it is recorded: pledges may be applied for.</summary>
    Valued = 2,
}
