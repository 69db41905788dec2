namespace EvidenceChain.Pledges;

/// <summary>What <see cref="SignatureCheck.Verify"/> found.</summary>
/// <param name="Rejection">The first rule broken, or <see cref="SignerRejection.None"/>.</param>
/// <param name="Who">The signer at fault (its party id) or the slot missing (its name); empty when accepted.</param>
/// <param name="Alternative">The alternative the signers filled (its index in the requirement); -1 when refused.</param>
/// <param name="SignerPartyIds">The parties that signed, in signature order; empty when refused.</param>
public sealed record SignatureVerdict(SignerRejection Rejection, string Who, int Alternative, IReadOnlyList<string> SignerPartyIds)
{
    public bool IsAccepted => Rejection == SignerRejection.None;

    internal static SignatureVerdict Refused(SignerRejection rejection, string who) => new(rejection, who, -1, []);
}
