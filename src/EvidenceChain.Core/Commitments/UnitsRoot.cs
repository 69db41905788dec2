using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Merkle;

namespace EvidenceChain.Core.Commitments;

/// <summary>
/// Both units roots of a deposit (commitment.md §Units root): the RFC 9162 root, per hash, over the
/// unit commitments in order. Add units in committed order, then read <see cref="Finish"/>.
/// </summary>
public sealed class UnitsRoot : IDisposable
{
    private readonly MasterSalt _masterSalt;
    private readonly MerkleTree _sha256 = new(MerkleHasher.Create(TreeHash.Sha256));
    private readonly MerkleTree _sm3 = new(MerkleHasher.Create(TreeHash.Sm3));

    public UnitsRoot(MasterSalt masterSalt)
    {
        ArgumentNullException.ThrowIfNull(masterSalt);
        _masterSalt = masterSalt;
    }

    public ulong UnitCount => _sha256.TreeSize;

    /// <summary>Commits the next unit, given its content's digests.</summary>
    public void Add(UnitDescriptor unit, DigestPair content)
    {
        DerivedSalt salt = _masterSalt.DeriveUnitSalt(UnitCount);
        Digest sha256 = UnitCommitment.Compute(TreeHash.Sha256, salt, unit, content.Sha256);
        Digest sm3 = UnitCommitment.Compute(TreeHash.Sm3, salt, unit, content.Sm3);
        _sha256.AppendLeaf(Digest.AsBytes(sha256));
        _sm3.AppendLeaf(Digest.AsBytes(sm3));
    }

    /// <summary>The units roots so far; at least one unit must have been added.</summary>
    public DigestPair Finish()
    {
        if (UnitCount == 0)
        {
            throw new InvalidOperationException("A deposit needs at least one unit.");
        }

        return new DigestPair(_sha256.Root, _sm3.Root);
    }

    public void Dispose()
    {
        _sha256.Hasher.Dispose();
        _sm3.Hasher.Dispose();
    }
}
