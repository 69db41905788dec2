namespace EvidenceChain.Cases.Evidence;

/// <summary>Why an artefact does not satisfy a guard, in the order the rules are checked: where it stands in the log, then its signature, then what it says. Numbers never change.</summary>
public enum GuardRejection : byte
{
    /// <summary>The artefact satisfies the requirement.</summary>
    None = 0,

    /// <summary>No artefact was given for a requirement, or the leaf given holds none.</summary>
    ArtefactMissing = 1,

    /// <summary>Its leaf is not yet included in a signed checkpoint.</summary>
    NotYetIncluded = 2,

    /// <summary>The signer is not a registered party, or has no key with the fingerprint named.</summary>
    SignerUnknown = 3,

    /// <summary>The signing key was not bound yet, or already revoked, when the artefact was issued.</summary>
    SignerKeyNotValid = 4,

    /// <summary>The signature is not the signer key's over the artefact.</summary>
    SignatureInvalid = 5,

    /// <summary>Signed for another issuer by someone who is not a notary.</summary>
    AttesterNotNotary = 6,

    /// <summary>The issuer is not a registered party.</summary>
    IssuerUnknown = 7,

    /// <summary>The issuer's role does not issue this type (a payoff quote from a registry, …).</summary>
    IssuerRoleNotAllowed = 8,

    /// <summary>Not the artefact type the guard names.</summary>
    WrongArtefactType = 9,

    /// <summary>For another case.</summary>
    WrongCase = 10,

    /// <summary>It says something else (an encumbered title search, a pre-notice where a cancellation is needed, …).</summary>
    WrongSubject = 11,

    /// <summary>For another payoff leg or tranche.</summary>
    WrongLeg = 12,

    /// <summary>Issued by another party than the one named (another bank's payoff quote).</summary>
    WrongIssuer = 13,

    /// <summary>Issued after the day of the transition.</summary>
    NotYetValid = 14,

    /// <summary>Its valid-through date has passed (a stale payoff quote).</summary>
    Expired = 15,

    /// <summary>Not issued on the day of the transition, which this guard requires (a title search before a payoff).</summary>
    NotSameDay = 16,
}
