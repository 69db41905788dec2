using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Merkle;

namespace EvidenceChain.Benchmarks;

/// <summary>
/// Tree building: the RFC 9162 root over 2^20 leaf inputs of 32 bytes (leaf hashing included),
/// and a single 65-byte node hash through the reusable hasher versus one-shot SHA256.HashData.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class MerkleBenchmarks
{
    private const int LeafCount = 1 << 20;
    private const int LeafInputLengthBytes = 32;

    private readonly byte[] _leafInputs = new byte[LeafCount * LeafInputLengthBytes];
    private readonly Digest[] _leafHashes = new Digest[LeafCount];
    private readonly byte[] _node = new byte[65];
    private readonly byte[] _destination = new byte[32];
    private MerkleHasher _hasher = null!;

    [Params(TreeHash.Sha256, TreeHash.Sm3)]
    public TreeHash Algorithm { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        new Random(2).NextBytes(_leafInputs);
        new Random(3).NextBytes(_node);
        _hasher = MerkleHasher.Create(Algorithm);
    }

    [GlobalCleanup]
    public void Cleanup() => _hasher.Dispose();

    [Benchmark(OperationsPerInvoke = LeafCount)]
    public Digest RootOf2Pow20Leaves()
    {
        ReadOnlySpan<byte> inputs = _leafInputs;
        for (int i = 0; i < LeafCount; i++)
        {
            _hasher.HashLeaf(inputs.Slice(i * LeafInputLengthBytes, LeafInputLengthBytes), Digest.AsWritableBytes(ref _leafHashes[i]));
        }

        return MerkleRoot.FromLeafHashes(_hasher, _leafHashes);
    }

    [Benchmark]
    public byte NodeHashReusedHasher()
    {
        _hasher.HashChildren(_node.AsSpan(1, 32), _node.AsSpan(33, 32), _destination);
        return _destination[0];
    }

    [Benchmark]
    public byte NodeHashOneShot()
    {
        if (Algorithm == TreeHash.Sha256)
        {
            SHA256.HashData(_node, _destination);
        }
        else
        {
            Sm3.HashData(_node, _destination);
        }

        return _destination[0];
    }
}
