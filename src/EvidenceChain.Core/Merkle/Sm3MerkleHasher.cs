using EvidenceChain.Core.Hashing;

namespace EvidenceChain.Core.Merkle;

/// <summary>
/// SM3 tree hashing over our managed <see cref="Sm3"/>: a node is assembled on the stack and hashed
/// in one call (two compressions); a leaf streams through one reused <see cref="Sm3State"/>.
/// </summary>
public sealed class Sm3MerkleHasher : MerkleHasher
{
    private static readonly Digest s_emptyRoot = Sm3.HashData(ReadOnlySpan<byte>.Empty);
    private Sm3State _leafState;

    public override TreeHash Algorithm => TreeHash.Sm3;

    public override Digest EmptyRoot => s_emptyRoot;

    public override void HashLeaf(ReadOnlySpan<byte> leaf, Span<byte> destination)
    {
        CheckDestination(destination);
        ReadOnlySpan<byte> prefix = [LeafPrefix];
        _leafState.Append(prefix);
        _leafState.Append(leaf);
        _leafState.Finish(destination);
    }

    public override void HashChildren(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right, Span<byte> destination)
    {
        CheckChildren(left, right, destination);
        Span<byte> node = stackalloc byte[1 + (2 * Digest.SizeInBytes)];
        node[0] = NodePrefix;
        left.CopyTo(node[1..]);
        right.CopyTo(node[(1 + Digest.SizeInBytes)..]);
        Sm3.HashDataCore(node, destination);
    }
}
