using EvidenceChain.Core.Hashing;
using Org.BouncyCastle.Crypto.Digests;

namespace EvidenceChain.Core.Merkle;

/// <summary>SM3 tree hashing over one reused BouncyCastle <see cref="SM3Digest"/>.</summary>
public sealed class Sm3MerkleHasher : MerkleHasher
{
    private static readonly Digest s_emptyRoot = Sm3.HashData(ReadOnlySpan<byte>.Empty);
    private readonly SM3Digest _hash = new();

    public override TreeHash Algorithm => TreeHash.Sm3;

    public override Digest EmptyRoot => s_emptyRoot;

    public override void HashLeaf(ReadOnlySpan<byte> leaf, Span<byte> destination)
    {
        CheckDestination(destination);
        _hash.Update(LeafPrefix);
        _hash.BlockUpdate(leaf);
        _hash.DoFinal(destination);
    }

    public override void HashChildren(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right, Span<byte> destination)
    {
        CheckChildren(left, right, destination);
        _hash.Update(NodePrefix);
        _hash.BlockUpdate(left);
        _hash.BlockUpdate(right);
        _hash.DoFinal(destination);
    }
}
