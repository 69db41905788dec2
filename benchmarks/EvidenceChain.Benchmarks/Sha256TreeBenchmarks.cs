using BenchmarkDotNet.Attributes;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Merkle;
using EvidenceChain.Hashing.OpenSsl;

namespace EvidenceChain.Benchmarks;

/// <summary>
/// SHA-256 tree building against the hardware bound measured in the same run: the bare block function (one
/// compression), the log writer's hasher on one 65-byte node, and the RFC 9162 root over 2^20 leaf inputs of
/// 32 bytes on one core and on two. The root needs 2^20 leaf hashes of one compression and 2^20 − 1 node hashes
/// of two, so its bound is 3,145,727 compressions (docs/benchmarks.md prints it beside the root); the leaf and node
/// benchmarks give the same count at the hasher's measured cost per call.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class Sha256TreeBenchmarks
{
    private const int LeafCount = 1 << 20;
    private const int LeafInputLengthBytes = 32;

    private readonly byte[] _leafInputs = new byte[LeafCount * LeafInputLengthBytes];
    private readonly byte[] _context = new byte[LibCrypto.ContextSizeBytes];
    private readonly byte[] _block = new byte[64];
    private readonly byte[] _node = new byte[65];
    private readonly byte[] _destination = new byte[32];
    private readonly MerkleHasher _hasher = OpenSslSha256MerkleHasher.CreateOrManaged();

    [GlobalSetup]
    public void Setup()
    {
        new Random(2).NextBytes(_leafInputs);
        new Random(3).NextBytes(_node);
        new Random(4).NextBytes(_block);
    }

    [GlobalCleanup]
    public void Cleanup() => _hasher.Dispose();

    /// <summary>The bound's unit: OpenSSL's SHA-256 block function on one 64-byte block (SHA-NI here), called directly.</summary>
    [Benchmark]
    public byte OneCompression()
    {
        LibCrypto.Transform(_context, _block);
        return _context[0];
    }

    /// <summary>One 33-byte leaf message (0x00 and a 32-byte input): one compression plus the call's own cost.</summary>
    [Benchmark]
    public byte LeafHash()
    {
        _hasher.HashLeaf(_node.AsSpan(1, LeafInputLengthBytes), _destination);
        return _destination[0];
    }

    [Benchmark]
    public byte NodeHash()
    {
        _hasher.HashChildren(_node.AsSpan(1, 32), _node.AsSpan(33, 32), _destination);
        return _destination[0];
    }

    [Benchmark(OperationsPerInvoke = LeafCount)]
    public Digest RootOf2Pow20LeavesOneCore() => ParallelTreeRoot.FromPackedLeaves(OpenSslSha256MerkleHasher.CreateOrManaged, _leafInputs, LeafInputLengthBytes, parallelism: 1);

    [Benchmark(OperationsPerInvoke = LeafCount)]
    public Digest RootOf2Pow20LeavesTwoCores() => ParallelTreeRoot.FromPackedLeaves(OpenSslSha256MerkleHasher.CreateOrManaged, _leafInputs, LeafInputLengthBytes, parallelism: 2);
}
