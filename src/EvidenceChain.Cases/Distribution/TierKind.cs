namespace EvidenceChain.Cases.Distribution;

/// <summary>
/// What a tier of claims on the net proceeds is, in the order the law pays them (DOMAIN.md §4.3,
/// docs/distribution.md). A plan names each kind at most once, in ascending order. Numbers never change.
/// </summary>
public enum TierKind : byte
{
    /// <summary>Execution costs, which come off first.</summary>
    Costs = 1,

    /// <summary>The construction-price priority, which ranks ahead of mortgages.</summary>
    ConstructionPriority = 2,

    /// <summary>Mortgages and other secured claims, in order of registration (Civil Code art. 414).</summary>
    Secured = 3,

    /// <summary>Other claims a statute puts ahead of ordinary ones.</summary>
    Statutory = 4,

    /// <summary>Ordinary claims of the seizing creditors; the debtor's kind decides the mode (<see cref="Allocator.OrdinaryModeFor"/>).</summary>
    Ordinary = 5,
}
