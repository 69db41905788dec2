namespace EvidenceChain.Core.Hashing;

/// <summary>A SHA-256 digest and an SM3 digest of the same thing: content, a units root, a record.</summary>
public readonly record struct DigestPair(Digest Sha256, Digest Sm3)
{
    public Digest For(TreeHash hash) => hash switch
    {
        TreeHash.Sha256 => Sha256,
        TreeHash.Sm3 => Sm3,
        _ => throw new ArgumentOutOfRangeException(nameof(hash), hash, "Unknown tree hash."),
    };
}
