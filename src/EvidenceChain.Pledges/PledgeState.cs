namespace EvidenceChain.Pledges;

/// <summary>Where a pledge stands (DOMAIN.md §7.3, docs/pledges.md §Pledge states). Numbers never change.</summary>
public enum PledgeState : byte
{
    /// <summary>Pledgor and pledgee applied, with the terms.</summary>
    Applied = 1,

    /// <summary>A notary notarized the pledge contract.</summary>
    Notarized = 2,

    /// <summary>A notary activated it: the pledge is in force and locks the asset.</summary>
    Active = 3,

    /// <summary>The pledgor or pledgee asked for its release; still in force.</summary>
    ReleaseRequested = 4,

    /// <summary>Released by the pledgee, or on repayment evidence by a notary. Ended.</summary>
    Released = 5,

    /// <summary>The pledgee declared the debtor in default, with evidence; still in force.</summary>
    DefaultDeclared = 6,

    /// <summary>Enforcement under a route; still in force. Never a transfer of the asset.</summary>
    Enforcement = 7,

    /// <summary>The proceeds paid the secured amount in full.</summary>
    Satisfied = 8,

    /// <summary>The proceeds fell short of the secured amount; the shortfall stays owed.</summary>
    PartiallySatisfied = 9,

    /// <summary>Closed by a notary after enforcement. Ended.</summary>
    Closed = 10,

    /// <summary>Ownership or validity challenged; still in force until resolved.</summary>
    Disputed = 11,

    /// <summary>Withdrawn before it was in force. Ended.</summary>
    Withdrawn = 12,
}
