using EvidenceChain.Core.Hashing;

namespace EvidenceChain.Core.Merkle;

/// <summary>
/// SHA-256 tree hashing over one reused <see cref="IncrementalSha256"/> (one OpenSSL context on the platform path),
/// which avoids the context allocation and algorithm lookup that <c>SHA256.HashData</c> pays per call.
/// </summary>
public sealed class Sha256MerkleHasher : MerkleHasher
{
    private static readonly Digest s_emptyRoot = Sha256.HashData(ReadOnlySpan<byte>.Empty);
    private readonly IncrementalSha256 _hash = new();

    public override TreeHash Algorithm => TreeHash.Sha256;

    public override Digest EmptyRoot => s_emptyRoot;

    public override void HashLeaf(ReadOnlySpan<byte> leaf, Span<byte> destination)
    {
        CheckDestination(destination);
        ReadOnlySpan<byte> prefix = [LeafPrefix];
        _hash.AppendData(prefix);
        _hash.AppendData(leaf);
        _hash.GetHashAndReset(destination);
    }

    public override void HashChildren(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right, Span<byte> destination)
    {
        CheckChildren(left, right, destination);
        Span<byte> node = stackalloc byte[1 + (2 * Digest.SizeInBytes)];
        node[0] = NodePrefix;
        left.CopyTo(node[1..]);
        right.CopyTo(node[(1 + Digest.SizeInBytes)..]);
        _hash.AppendData(node);
        _hash.GetHashAndReset(destination);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash.Dispose();
        }

        base.Dispose(disposing);
    }
}
