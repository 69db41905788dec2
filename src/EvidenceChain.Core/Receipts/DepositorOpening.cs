using EvidenceChain.Core.Commitments;
using EvidenceChain.Core.Hashing;

namespace EvidenceChain.Core.Receipts;

/// <summary>Opens a deposit leaf's depositor commitments: the depositor's key fingerprint and the party salt.</summary>
public sealed record DepositorOpening(Digest KeyFingerprint, DerivedSalt PartySalt)
{
    /// <summary>The commitments this opening produces, for comparison with the leaf.</summary>
    public DigestPair Commitments() => new(
        PartyCommitment.Compute(TreeHash.Sha256, PartySalt, KeyFingerprint),
        PartyCommitment.Compute(TreeHash.Sm3, PartySalt, KeyFingerprint));
}
