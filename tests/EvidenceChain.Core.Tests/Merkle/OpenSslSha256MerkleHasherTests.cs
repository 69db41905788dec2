using CsCheck;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Merkle;
using EvidenceChain.Core.Tests.Support;
using EvidenceChain.Hashing.OpenSsl;

namespace EvidenceChain.Core.Tests.Merkle;

/// <summary>
/// The log writer's SHA-256 tree hasher over OpenSSL's block function gives exactly the managed hasher's bytes: the
/// RFC 9162 8-leaf tree and its roots at every size, leaves of every padding case (0 to 1,100 bytes, and one past the
/// stack limit), random children, and the same answers from many threads at once. It is available on this machine,
/// as on every Linux with OpenSSL 3 that .NET runs on.
/// </summary>
public sealed class OpenSslSha256MerkleHasherTests : IDisposable
{
    private readonly MerkleHasher _native = OpenSslSha256MerkleHasher.CreateOrManaged();
    private readonly Sha256MerkleHasher _managed = new();

    [Fact]
    public void IsSupported_OnThisMachine_AndChosenForSha256Only()
    {
        Assert.True(OpenSslSha256MerkleHasher.IsSupported);
        Assert.IsType<OpenSslSha256MerkleHasher>(_native);
        Assert.IsType<OpenSslSha256MerkleHasher>(OpenSslSha256MerkleHasher.FastestFor(TreeHash.Sha256));
        Assert.IsType<Sm3MerkleHasher>(OpenSslSha256MerkleHasher.FastestFor(TreeHash.Sm3));
    }

    [Fact]
    public void Rfc9162Tree_LeafHashesAndRootsAtEverySize_MatchPublished()
    {
        byte[][] leaves = Rfc9162Vectors.LeafInputs();
        string[] leafHashes = Rfc9162Vectors.Strings(Rfc9162Vectors.Tree, "leaf_hashes");
        Assert.Equal(leafHashes, leaves.Select(leaf => _native.HashLeaf(leaf).ToHex()));
        foreach (System.Text.Json.JsonElement root in Rfc9162Vectors.Tree.GetProperty("roots").EnumerateArray())
        {
            int size = root.GetProperty("tree_size").GetInt32();
            Assert.Equal(root.GetProperty("root").GetString(), MerkleRoot.FromLeaves(_native, leaves[..size]).ToHex());
        }

        Assert.Equal(Rfc9162Vectors.Root.GetProperty("empty_tree_root").GetString(), _native.EmptyRoot.ToHex());
    }

    [Fact]
    public void Leaves_EveryPaddingCase_MatchTheManagedHasher()
    {
        // Every length from 0 to 1,100 crosses each block boundary case; 3,000 takes the heap path.
        foreach (int length in Enumerable.Range(0, 1101).Append(3000))
        {
            byte[] leaf = new byte[length];
            new Random(length).NextBytes(leaf);
            Assert.True(_managed.HashLeaf(leaf) == _native.HashLeaf(leaf), $"leaf of {length} bytes");
        }
    }

    [Fact]
    public void Children_Random_MatchTheManagedHasher()
    {
        // CsCheck samples on several threads: the shared native hasher must cope, the managed one is not thread-safe
        // (it reuses one IncrementalHash), so each sample gets its own.
        Gen.Select(Gen.Byte.Array[Digest.SizeInBytes], Gen.Byte.Array[Digest.SizeInBytes]).Sample((left, right) =>
        {
            Digest l = Digest.Read(left);
            Digest r = Digest.Read(right);
            Assert.Equal(new Sha256MerkleHasher().HashChildren(l, r), _native.HashChildren(l, r));
        });
    }

    [Fact]
    public void OneInstance_ManyThreads_SameAnswers()
    {
        byte[][] leaves = [.. Enumerable.Range(0, 4096).Select(i => BitConverter.GetBytes(i))];
        Digest[] expected = [.. leaves.Select(leaf => _managed.HashLeaf(leaf))];
        Digest[] actual = new Digest[leaves.Length];
        Parallel.For(0, leaves.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => actual[i] = _native.HashLeaf(leaves[i]));
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void PackedRoot_InParallel_IsTheSequentialManagedRoot(int parallelism)
    {
        // Above twice the parallel threshold, and odd, so the split is uneven and both threads run.
        foreach (int count in new[] { 0, 1, 2, 3, 31, (2 * ParallelTreeRoot.ParallelLeavesMin) + 4321 })
        {
            byte[] packed = new byte[count * 32];
            new Random(count).NextBytes(packed);
            byte[][] leaves = [.. packed.Chunk(32)];
            Digest expected = MerkleRoot.FromLeaves(_managed, leaves);
            Assert.Equal(expected, ParallelTreeRoot.FromPackedLeaves(OpenSslSha256MerkleHasher.CreateOrManaged, packed, 32, parallelism));
            Assert.Equal(expected, MerkleRoot.FromPackedLeaves(_managed, packed, 32));
        }
    }

    public void Dispose()
    {
        _native.Dispose();
        _managed.Dispose();
    }
}
