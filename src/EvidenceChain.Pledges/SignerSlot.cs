using EvidenceChain.Core.Access;

namespace EvidenceChain.Pledges;

/// <summary>One signer an event needs: a party of a role, and, when named, that very party.</summary>
/// <param name="Name">What the signer is to the event, for people ("the owner", "a notary").</param>
/// <param name="Role">The role the signer must be registered with.</param>
/// <param name="PartyId">The party that must sign; null when any party of the role will do.</param>
public sealed record SignerSlot(string Name, PartyRole Role, string? PartyId = null)
{
    /// <summary>Whether <paramref name="party"/> can fill the slot.</summary>
    public bool Accepts(Party party)
    {
        ArgumentNullException.ThrowIfNull(party);
        return party.Role == Role && (PartyId is null || string.Equals(PartyId, party.Id, StringComparison.Ordinal));
    }
}
