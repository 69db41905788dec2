namespace EvidenceChain.Pledges;

/// <summary>What moves an asset or one of its pledges (docs/pledges.md §Events). Numbers never change; they are signed.</summary>
public enum PledgeEvent : byte
{
    /// <summary>The owner and a notary register an asset (asset-level).</summary>
    RegisterAsset = 1,

    /// <summary>A notary records an appraiser's signed valuation (asset-level).</summary>
    RecordValuation = 2,

    /// <summary>Pledgor and pledgee apply for a pledge with its terms.</summary>
    ApplyPledge = 3,

    /// <summary>A notary notarizes the pledge contract.</summary>
    NotarizePledge = 4,

    /// <summary>A notary puts the pledge in force (the rank guards apply).</summary>
    ActivatePledge = 5,

    /// <summary>The pledgor or pledgee asks for the release.</summary>
    RequestRelease = 6,

    /// <summary>The pledgee releases, or a notary on repayment evidence.</summary>
    Release = 7,

    /// <summary>The pledgee declares default, with evidence.</summary>
    DeclareDefault = 8,

    /// <summary>The pledgee and a notary start enforcement under a route.</summary>
    StartEnforcement = 9,

    /// <summary>A notary records the proceeds of enforcement and their split.</summary>
    RecordProceeds = 10,

    /// <summary>A notary closes the pledge after enforcement.</summary>
    ClosePledge = 11,

    /// <summary>A party of the pledge, or a court, challenges it.</summary>
    Dispute = 12,

    /// <summary>A court, or pledgor and pledgee jointly, resolve the challenge: back to Active, on to Enforcement, or Released.</summary>
    ResolveDispute = 13,

    /// <summary>The pledgor or pledgee withdraws a pledge not yet in force.</summary>
    Withdraw = 14,

    /// <summary>The owner transfers the asset (asset-level; the only event that changes the owner).</summary>
    RecordTransfer = 15,

    /// <summary>The owner licenses the asset (asset-level).</summary>
    RecordLicence = 16,
}
