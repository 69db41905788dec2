namespace EvidenceChain.Pledges;

/// <summary>
/// An event's outcome. Refused: the rule, a sentence for people, and for signatures which signer and
/// why. Accepted: the asset after it and the transition to record.
/// </summary>
/// <param name="Rejection">The first rule broken, or <see cref="PledgeRejection.None"/>.</param>
/// <param name="Detail">What was wrong, in a sentence; empty when accepted (or the split, for RecordProceeds).</param>
/// <param name="Signer">For SignatureInvalid, SignatureMissing and ValuationSignatureInvalid: why.</param>
/// <param name="SignerName">The party id of the signer at fault, or the name of the signer missing.</param>
/// <param name="Next">The asset after the event; null when refused.</param>
/// <param name="Transition">The transition to record; null when refused.</param>
public sealed record PledgeDecision(
    PledgeRejection Rejection,
    string Detail,
    SignerRejection Signer,
    string? SignerName,
    PledgeAsset? Next,
    PledgeTransition? Transition)
{
    public bool IsAccepted => Rejection == PledgeRejection.None;

    internal static PledgeDecision Refused(PledgeRejection rejection, string detail, SignerRejection signer = SignerRejection.None, string? signerName = null) =>
        new(rejection, detail, signer, signerName, null, null);
}
