using BenchmarkDotNet.Attributes;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Merkle;
using EvidenceChain.Core.Proofs;

namespace EvidenceChain.Benchmarks;

/// <summary>
/// Inclusion proofs in a tree of 2^20 leaves held in memory (Core's <see cref="MerkleTree"/>): generating one for a
/// random leaf (20 sibling hashes read, nothing hashed) and verifying one (20 node hashes and a leaf hash, the managed
/// hasher a verifier uses). The service's proofs come from stored subtrees; this is the proof math alone.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class ProofBenchmarks
{
    private const int LeafCount = 1 << 20;
    private const int ProofsPerInvoke = 1024;

    private readonly ulong[] _indices = new ulong[ProofsPerInvoke];
    private readonly Digest[][] _proofs = new Digest[ProofsPerInvoke][];
    private readonly Digest[] _leafHashes = new Digest[ProofsPerInvoke];
    private MerkleHasher _hasher = null!;
    private MerkleTree _tree = null!;
    private Digest _root;

    [Params(TreeHash.Sha256, TreeHash.Sm3)]
    public TreeHash Algorithm { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _hasher = MerkleHasher.Create(Algorithm);
        _tree = new MerkleTree(_hasher);
        byte[] leaf = new byte[32];
        var random = new Random(5);
        for (int i = 0; i < LeafCount; i++)
        {
            random.NextBytes(leaf);
            _tree.AppendLeaf(leaf);
        }

        _root = _tree.Root;
        for (int i = 0; i < ProofsPerInvoke; i++)
        {
            _indices[i] = (ulong)random.NextInt64(LeafCount);
            _proofs[i] = _tree.InclusionProof(_indices[i], LeafCount);
            _leafHashes[i] = _tree.LeafHash(_indices[i]);
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _hasher.Dispose();

    [Benchmark(OperationsPerInvoke = ProofsPerInvoke)]
    public int GenerateInclusionProof()
    {
        int nodes = 0;
        foreach (ulong index in _indices)
        {
            nodes += _tree.InclusionProof(index, LeafCount).Length;
        }

        return nodes;
    }

    [Benchmark(OperationsPerInvoke = ProofsPerInvoke)]
    public int VerifyInclusionProof()
    {
        int valid = 0;
        for (int i = 0; i < ProofsPerInvoke; i++)
        {
            valid += InclusionProof.Verify(_hasher, _indices[i], LeafCount, _leafHashes[i], _proofs[i], _root).IsValid ? 1 : 0;
        }

        return valid;
    }
}
