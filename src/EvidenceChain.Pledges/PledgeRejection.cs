namespace EvidenceChain.Pledges;

/// <summary>Why a pledge registry event is refused, in the order the rules are checked (docs/pledges.md §Rejections). Numbers never change.</summary>
public enum PledgeRejection : byte
{
    /// <summary>Accepted.</summary>
    None = 0,

    /// <summary>The event may not happen in the asset's or pledge's state (or the asset or pledge does not exist, or already does).</summary>
    EventNotAllowedInState = 1,

    /// <summary>The command is malformed for its event, or names a party the registry does not have in the role needed.</summary>
    CommandInvalid = 2,

    /// <summary>A signature is not acceptable: its party or key unknown, deactivated or not valid at the time, the signature not over this event, a party twice, or a party the event does not ask for (<see cref="PledgeDecision.Signer"/> says which and why).</summary>
    SignatureInvalid = 3,

    /// <summary>A party the event needs did not sign (<see cref="PledgeDecision.SignerName"/> names it).</summary>
    SignatureMissing = 4,

    /// <summary>A leaf named (a deposit, the pledge contract) is not yet in a signed checkpoint.</summary>
    LeafNotInLog = 5,

    /// <summary>An opening does not recompute its deposit's depositor commitments with a key of the owner: the owner did not make that deposit.</summary>
    DepositNotTheOwners = 6,

    /// <summary>A deposit is already part of another asset.</summary>
    DepositInAnotherAsset = 7,

    /// <summary>The valuation's own signature is not a registered appraiser's, valid at the time, over this asset's valuation.</summary>
    ValuationSignatureInvalid = 8,

    /// <summary>A root the valuation matched is not a units root of one of the asset's Secret deposits.</summary>
    ValuationNotOfAsset = 9,

    /// <summary>A pledge is applied for on an asset no appraiser has valued.</summary>
    AssetNotValued = 10,

    /// <summary>The pledgor is no longer the asset's owner (it was transferred after the application).</summary>
    PledgorNotOwner = 11,

    /// <summary>A senior pledge (rank 1) is activated while another senior pledge of the asset is in force.</summary>
    SeniorPledgeActive = 12,

    /// <summary>A pledge of this rank, or of a more junior rank, is in force: a new pledge ranks behind every pledge in force.</summary>
    RankInForce = 13,

    /// <summary>A junior pledge without a pledge in force ahead of it, or one whose contract forbids junior pledges, or without the notice to the senior pledgee(s).</summary>
    JuniorNotAllowed = 14,

    /// <summary>A transfer or licence while pledges are in force, without every such pledge's pledgee co-signing (Civil Code 444).</summary>
    AssetLocked = 15,

    /// <summary>A release neither signed by the pledgee nor resting on repayment evidence with a notary's signature.</summary>
    NotReleasable = 16,
}
