namespace EvidenceChain.Core.Hashing;

/// <summary>The SHA-256 and SM3 digests of one piece of content, computed in one pass.</summary>
public readonly record struct ContentDigests(Digest Sha256, Digest Sm3)
{
    public Digest For(TreeHash hash) => hash switch
    {
        TreeHash.Sha256 => Sha256,
        TreeHash.Sm3 => Sm3,
        _ => throw new ArgumentOutOfRangeException(nameof(hash), hash, "Unknown tree hash."),
    };
}
