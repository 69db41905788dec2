using CsCheck;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Merkle;
using EvidenceChain.Engine.Ports;
using EvidenceChain.Storage.LiteDb.Tests.Support;

namespace EvidenceChain.Storage.LiteDb.Tests;

/// <summary>
/// Random sequences of writes, rejected writes and reopens against a plain in-memory model of
/// the store (TigerBeetle's auditor), compared after every step on real LiteDB files. Subtree
/// hashes come from Core's <see cref="CompactRange"/>, as the sequencer makes them.
/// </summary>
public sealed class LiteDbLogStorePropertyTests
{
    private static readonly Gen<Step> s_step = Gen.Frequency(
        (6, Gen.Select(Gen.Byte.Array[1, 24].Array[1, 6], Gen.Int[0, 400].Array[6], Gen.Int[1, 2])
            .Select((leaves, keys, requests) => (Step)new AppendBatchStep(leaves, keys[..leaves.Length], requests))),
        (1, Gen.Select(Gen.Int[0, int.MaxValue], Gen.Bool).Select((pick, byHash) => (Step)new ResendStep(pick, byHash))),
        (3, Gen.Select(Gen.Int[0, int.MaxValue], Gen.Int[0, 5]).Select((pick, drop) => (Step)new IntegrateStep(pick, DropOne: drop == 0))),
        (3, Gen.Select(Gen.Int[0, 4], Gen.Int[0, int.MaxValue]).Select((kind, pick) => (Step)new CheckpointStep(kind, pick))),
        (1, Gen.Const((Step)new CreateIdentityStep())),
        (1, Gen.Const((Step)new ReopenStep())));

    [Fact]
    public void RandomSteps_StoreAlwaysAgreesWithModel()
    {
        s_step.Array[1, 12].Sample(steps =>
        {
            using var temp = new TempDirectory();
            var model = new Model();
            LiteDbLogStore store = LiteDbLogStore.Open(temp.Path);
            try
            {
                foreach (Step step in steps)
                {
                    if (step is ReopenStep)
                    {
                        store.Dispose();
                        store = LiteDbLogStore.Open(temp.Path);
                    }
                    else
                    {
                        Apply(store, model, step);
                    }

                    AssertAgrees(store, model);
                }
            }
            finally
            {
                store.Dispose();
            }
        }, iter: Soak.PropertyIterations);
    }

    private static void Apply(LiteDbLogStore store, Model model, Step step)
    {
        switch (step)
        {
            case AppendBatchStep append:
                AcceptedLeaf[] leaves = append.Leaves
                    .Select((bytes, i) => new AcceptedLeaf(bytes, TestData.LeafHash(bytes), TestData.Key($"key {append.Keys[i]}"), i % append.RequestCount))
                    .ToArray();
                AppendBatch(store, model, leaves, append.RequestCount);
                break;

            case ResendStep resend when model.Leaves.Count > 0:
                // A fresh leaf, then one that repeats a stored leaf's hash or dedupe key.
                AcceptedLeaf stored = model.Leaves[resend.Pick % model.Leaves.Count].Leaf;
                AcceptedLeaf fresh = TestData.Leaf($"fresh {model.NextBatchId}");
                AcceptedLeaf repeat = resend.ByHash
                    ? stored with { DedupeKey = TestData.Key($"fresh key {model.NextBatchId}"), RequestNumber = 0 }
                    : TestData.Leaf($"other {model.NextBatchId}") with { DedupeKey = stored.DedupeKey };
                AppendBatch(store, model, [fresh, repeat], requestCount: 1);
                break;

            case IntegrateStep integrate:
                Integrate(store, model, integrate);
                break;

            case CheckpointStep checkpoint:
                AppendCheckpoint(store, model, checkpoint);
                break;

            case CreateIdentityStep:
                LogIdentity identity = TestData.Identity with { CreatedAtMs = model.NextBatchId };
                if (model.IsEmpty)
                {
                    store.CreateIdentity(identity);
                    model.Identity = identity;
                }
                else
                {
                    Assert.Throws<InvalidOperationException>(() => store.CreateIdentity(identity));
                }

                break;
        }
    }

    private static void AppendBatch(LiteDbLogStore store, Model model, AcceptedLeaf[] leaves, int requestCount)
    {
        var batch = new AcceptedBatch(
            model.NextBatchId,
            (ulong)model.Leaves.Count,
            1_700_000_000_000 + model.NextBatchId,
            $"promise {model.NextBatchId}",
            leaves,
            Enumerable.Range(0, requestCount).Select(TestData.Request).ToArray());

        bool repeatsItself = leaves.Select(l => l.LeafHash).Distinct().Count() < leaves.Length
            || leaves.Select(l => l.DedupeKey).Distinct().Count() < leaves.Length;
        bool repeatsStored = leaves.Any(l => model.ByHash.ContainsKey(l.LeafHash) || model.ByKey.ContainsKey(l.DedupeKey));
        if (repeatsItself)
        {
            Assert.Throws<ArgumentException>(() => store.AppendBatch(batch));
        }
        else if (repeatsStored)
        {
            Assert.Throws<InvalidOperationException>(() => store.AppendBatch(batch));
        }
        else
        {
            store.AppendBatch(batch);
            model.Batches.Add(new StoredBatch(batch.BatchId, batch.FirstLeafIndex, leaves.Length, batch.AcceptedAtMs, batch.PromiseNote));
            for (int i = 0; i < leaves.Length; i++)
            {
                model.ByHash.Add(leaves[i].LeafHash, model.Leaves.Count);
                model.ByKey.Add(leaves[i].DedupeKey, model.Leaves.Count);
                model.Leaves.Add((leaves[i], batch.BatchId, i));
            }
        }
    }

    private static void Integrate(LiteDbLogStore store, Model model, IntegrateStep step)
    {
        ulong from = model.IntegratedSize;
        ulong pending = (ulong)model.Leaves.Count - from;
        if (pending == 0)
        {
            Assert.Throws<InvalidOperationException>(() => store.AppendSubtrees([], from));
            return;
        }

        ulong target = from + 1 + ((ulong)step.Pick % pending);
        using var hasher = new Sha256MerkleHasher();
        var range = new CompactRange(from, model);
        var completed = new List<SubtreeHash>();
        for (ulong at = from; at < target; at++)
        {
            range.Append(hasher, model.Leaves[(int)at].Leaf.LeafHash, (level, index, hash) => completed.Add(new SubtreeHash(level, index, hash)));
        }

        if (step.DropOne)
        {
            completed.RemoveAt(step.Pick % completed.Count);
            Assert.Throws<ArgumentException>(() => store.AppendSubtrees(completed, target));
            return;
        }

        store.AppendSubtrees(completed, target);
        foreach (SubtreeHash subtree in completed)
        {
            model.Subtrees.Add((subtree.Level, subtree.Index), subtree.Hash);
        }

        model.IntegratedSize = target;
    }

    private static void AppendCheckpoint(LiteDbLogStore store, Model model, CheckpointStep step)
    {
        StoredCheckpoint? latest = model.Latest;
        ulong treeSize = step.Kind switch
        {
            0 or 1 => model.IntegratedSize,
            2 => latest?.TreeSize ?? 0,
            3 => model.IntegratedSize + 1 + ((ulong)step.Pick % 3),
            _ => latest is { TreeSize: > 0 } ? (ulong)step.Pick % latest.TreeSize : model.IntegratedSize,
        };
        Digest root = step.Kind == 1 ? TestData.Key($"wrong root {step.Pick}") : model.Root(treeSize);
        StoredCheckpoint checkpoint = TestData.Checkpoint(treeSize, root) with { SignedAtMs = step.Pick };

        // The rules, written from the port's contract rather than copied from the store.
        bool valid = treeSize <= model.IntegratedSize
            && (latest is null || treeSize > latest.TreeSize || (treeSize == latest.TreeSize && root == latest.Root));
        if (valid)
        {
            store.AppendCheckpoint(checkpoint);
            model.Latest = checkpoint;
        }
        else
        {
            Assert.Throws<InvalidOperationException>(() => store.AppendCheckpoint(checkpoint));
        }
    }

    private static void AssertAgrees(LiteDbLogStore store, Model model)
    {
        Assert.Equal((ulong)model.Leaves.Count, store.LeafCount);
        Assert.Equal(model.IntegratedSize, store.IntegratedSize);
        Assert.Equal(model.NextBatchId, store.NextBatchId);
        Assert.Equal(model.Identity, store.ReadIdentity());
        Assert.Equal(model.Latest, store.LatestCheckpoint());

        for (int i = 0; i < model.Leaves.Count; i++)
        {
            (AcceptedLeaf leaf, long batchId, int batchIndex) = model.Leaves[i];
            foreach (StoredLeaf? found in new[] { store.FindLeaf((ulong)i), store.FindLeafByHash(leaf.LeafHash), store.FindLeafByDedupeKey(leaf.DedupeKey) })
            {
                Assert.NotNull(found);
                Assert.Equal((ulong)i, found.LeafIndex);
                Assert.Equal(leaf.Leaf, found.Leaf);
                Assert.Equal(leaf.LeafHash, found.LeafHash);
                Assert.Equal(batchId, found.BatchId);
                Assert.Equal(batchIndex, found.BatchIndex);
            }
        }

        Assert.Null(store.FindLeaf((ulong)model.Leaves.Count));

        // The whole model's dedupe keys and as many absent ones in one bulk lookup: exactly the stored ones come back.
        Digest[] absent = [.. model.Leaves.Select(l => Digest.Read(System.Security.Cryptography.SHA256.HashData(Digest.AsBytes(l.Leaf.DedupeKey))))];
        IReadOnlyDictionary<Digest, StoredLeaf> bulk = store.FindLeavesByDedupeKeys([.. model.Leaves.Select(l => l.Leaf.DedupeKey), .. absent]);
        Assert.Equal(model.Leaves.Count, bulk.Count);
        for (int i = 0; i < model.Leaves.Count; i++)
        {
            Assert.Equal((ulong)i, bulk[model.Leaves[i].Leaf.DedupeKey].LeafIndex);
        }

        Assert.Equal(model.Leaves.Select(l => l.Leaf.Leaf), store.ReadLeaves(0, LiteDbLogStore.LeavesPerReadMax));
        Assert.Equal(model.Leaves.Skip(1).Take(2).Select(l => l.Leaf.Leaf), store.ReadLeaves(1, 2));

        foreach (StoredBatch batch in model.Batches)
        {
            Assert.Equal(batch, store.FindBatch(batch.BatchId));
        }

        Assert.Null(store.FindBatch(model.NextBatchId));

        foreach (KeyValuePair<(int Level, ulong Index), Digest> subtree in model.Subtrees)
        {
            Assert.Equal(subtree.Value, store.GetSubtree(subtree.Key.Level, subtree.Key.Index));
        }

        Assert.Throws<InvalidOperationException>(() => store.GetSubtree(0, model.IntegratedSize));
    }

    private abstract record Step;

    private sealed record AppendBatchStep(byte[][] Leaves, int[] Keys, int RequestCount) : Step;

    private sealed record ResendStep(int Pick, bool ByHash) : Step;

    private sealed record IntegrateStep(int Pick, bool DropOne) : Step;

    /// <summary>Kind: 0 integrated size, 1 the same with a wrong root, 2 the latest size again, 3 past the integrated size, 4 below the latest.</summary>
    private sealed record CheckpointStep(int Kind, int Pick) : Step;

    private sealed record CreateIdentityStep : Step;

    private sealed record ReopenStep : Step;

    /// <summary>What the store should hold, kept the simplest way.</summary>
    private sealed class Model : ISubtreeHashes
    {
        public LogIdentity? Identity { get; set; }

        public List<(AcceptedLeaf Leaf, long BatchId, int BatchIndex)> Leaves { get; } = [];

        public Dictionary<Digest, int> ByHash { get; } = [];

        public Dictionary<Digest, int> ByKey { get; } = [];

        public List<StoredBatch> Batches { get; } = [];

        public ulong IntegratedSize { get; set; }

        public Dictionary<(int Level, ulong Index), Digest> Subtrees { get; } = [];

        public StoredCheckpoint? Latest { get; set; }

        public long NextBatchId => Batches.Count + 1;

        public bool IsEmpty => Identity is null && Leaves.Count == 0 && Latest is null;

        public Digest GetSubtree(int level, ulong index) => Subtrees[(level, index)];

        public Digest Root(ulong treeSize)
        {
            using var hasher = new Sha256MerkleHasher();
            return MerkleRoot.FromLeafHashes(hasher, Leaves.Take((int)treeSize).Select(l => l.Leaf.LeafHash).ToArray());
        }
    }
}
