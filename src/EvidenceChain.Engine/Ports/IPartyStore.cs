using EvidenceChain.Core.Access;
using EvidenceChain.Core.Hashing;

namespace EvidenceChain.Engine.Ports;

/// <summary>
/// The registered parties, kept as durably as the log (the same store): who may call, with which
/// role, and which keys sign for whom. A key belongs to at most one party, for good: revoked keys
/// stay on their party so old signatures stay attributed.
/// </summary>
public interface IPartyStore
{
    /// <summary>Records a party (new or changed) durably.</summary>
    /// <exception cref="InvalidOperationException">One of its keys is bound to another party.</exception>
    void SaveParty(Party party);

    Party? FindParty(string partyId);

    /// <summary>The party a key (by its fingerprint, revoked or not) is bound to, or null.</summary>
    Party? FindPartyByKey(Digest keyFingerprint);

    /// <summary>Every party, in the order registered.</summary>
    IReadOnlyList<Party> ReadParties();
}
