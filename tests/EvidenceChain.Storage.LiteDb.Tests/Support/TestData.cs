using System.Security.Cryptography;
using System.Text;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Merkle;
using EvidenceChain.Engine.Ports;

namespace EvidenceChain.Storage.LiteDb.Tests.Support;

/// <summary>Batches, leaves and checkpoints for tests: leaf hashes are real RFC 9162 leaf hashes.</summary>
internal static class TestData
{
    public static LogIdentity Identity { get; } = new("notary.example/log/sha256", 1_700_000_000_000);

    public static Digest LeafHash(byte[] leaf)
    {
        using var hasher = new Sha256MerkleHasher();
        return hasher.HashLeaf(leaf);
    }

    public static Digest Key(string text) => Digest.Read(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>A leaf whose bytes, hash and dedupe key all derive from <paramref name="name"/>.</summary>
    public static AcceptedLeaf Leaf(string name, int requestNumber = 0)
    {
        byte[] bytes = Encoding.UTF8.GetBytes("leaf " + name);
        return new AcceptedLeaf(bytes, LeafHash(bytes), Key("key " + name), requestNumber);
    }

    public static SignedRequest Request(int number) =>
        new(Enumerable.Repeat((byte)number, 32).ToArray(), Encoding.UTF8.GetBytes($"request {number}"), Enumerable.Repeat((byte)(number + 1), 64).ToArray());

    /// <summary>The next batch for <paramref name="store"/>, holding the given leaves and one request.</summary>
    public static AcceptedBatch Batch(ILogStore store, params AcceptedLeaf[] leaves) =>
        new(store.NextBatchId, store.LeafCount, 1_700_000_000_000 + store.NextBatchId, $"promise {store.NextBatchId}", leaves, [Request(0)]);

    /// <summary>The next batch for <paramref name="store"/> with <paramref name="count"/> leaves named from <paramref name="prefix"/>.</summary>
    public static AcceptedBatch Batch(ILogStore store, string prefix, int count) =>
        Batch(store, Enumerable.Range(0, count).Select(i => Leaf($"{prefix}-{i}")).ToArray());

    /// <summary>Integrates every stored leaf with correct subtree hashes, resuming from the store's subtrees.</summary>
    public static void IntegrateAll(ILogStore store)
    {
        using var hasher = new Sha256MerkleHasher();
        var range = new CompactRange(store.IntegratedSize, store);
        var completed = new List<SubtreeHash>();
        ulong target = store.LeafCount;
        for (ulong at = store.IntegratedSize; at < target; at++)
        {
            byte[] leaf = store.ReadLeaves(at, 1)[0];
            range.Append(hasher, hasher.HashLeaf(leaf), (level, index, hash) => completed.Add(new SubtreeHash(level, index, hash)));
        }

        store.AppendSubtrees(completed, target);
    }

    public static StoredCheckpoint Checkpoint(ulong treeSize, Digest root) =>
        new(treeSize, root, $"checkpoint note {treeSize} {root}", 1_700_000_100_000 + (long)treeSize);
}
