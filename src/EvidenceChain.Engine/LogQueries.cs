using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Leaves;
using EvidenceChain.Core.Merkle;
using EvidenceChain.Core.Notes;
using EvidenceChain.Core.Receipts;
using EvidenceChain.Engine.Ports;
using EvidenceChain.Engine.Queries;
using EvidenceChain.Engine.Sequencing;
using EvidenceChain.Hashing.OpenSsl;

namespace EvidenceChain.Engine;

/// <summary>
/// Read-side use cases: receipts, checkpoints, consistency proofs, leaves and server-side receipt
/// checks. Everything served is built from the store and the latest signed checkpoint only.
/// </summary>
public sealed class LogQueries
{
    /// <summary>The most leaves one read returns (the store's own limit).</summary>
    public const int LeavesPerReadMax = ILogStore.LeavesPerReadMax;

    private const int CoveringWindow = 8;

    /// <summary>The tokens read from a receipt's tree size on: a few TSAs, each stamping a later checkpoint than the others at worst.</summary>
    private const int TimestampWindow = 64;

    private const int KeyStatementsMax = 1000;
    private readonly ILogStore _store;
    private readonly Notary _notary;
    private readonly Sequencer _sequencer;
    private readonly ITimestampStore? _timestamps;

    /// <param name="store">The log.</param>
    /// <param name="notary">The log's origin and keys.</param>
    /// <param name="sequencer">The latest checkpoint, as published.</param>
    /// <param name="timestamps">The tokens over checkpoints that receipts carry; none when null.</param>
    public LogQueries(ILogStore store, Notary notary, Sequencer sequencer, ITimestampStore? timestamps = null)
    {
        _store = store;
        _notary = notary;
        _sequencer = sequencer;
        _timestamps = timestamps;
    }

    public string Origin => _notary.Origin.ToString();

    /// <summary>The log's id on anchor chains: SHA-256 of the origin.</summary>
    public Digest OriginHash => _notary.Origin.OriginHash;

    public IReadOnlyList<NoteVerifier> VerifierKeys => _notary.VerifierKeys;

    /// <summary>The key statements the log records (key-statement.md), oldest first: signed notes, public by nature.</summary>
    public IReadOnlyList<string> KeyStatements() =>
        [.. _store.ReadRecords(Core.Leaves.LeafType.KeyStatement, 0, KeyStatementsMax).Select(r => System.Text.Encoding.UTF8.GetString(r.Bytes))];

    public TreeHash TreeHash => _notary.Origin.TreeHash;

    /// <summary>The latest signed tree size, or 0 before the first checkpoint.</summary>
    public ulong LatestCheckpointSizeOrZero() => _sequencer.Latest?.TreeSize ?? 0;

    public StoredCheckpoint LatestCheckpoint() =>
        _sequencer.Latest ?? throw new QueryException(QueryFailure.NotYetSigned, "the log has no signed checkpoint yet");

    /// <summary>
    /// The receipt of a deposit, proven against the latest checkpoint, or against the signed
    /// checkpoint of exactly <paramref name="treeSize"/> leaves when that is not 0.
    /// </summary>
    public ReceiptAnswer Receipt(StoredLeaf leaf, ulong treeSize = 0)
    {
        ArgumentNullException.ThrowIfNull(leaf);
        StoredCheckpoint latest = LatestCheckpoint();
        StoredCheckpoint checkpoint = treeSize == 0 ? latest
            : treeSize > latest.TreeSize ? throw new QueryException(QueryFailure.OutOfRange, $"tree size {treeSize} is beyond the latest checkpoint's {latest.TreeSize}")
            : _store.FindCheckpoint(treeSize) ?? throw new QueryException(QueryFailure.NotFound, $"no checkpoint was signed at tree size {treeSize}; use a size from GetCheckpoint, or 0 for the latest");
        if (treeSize != 0 && leaf.LeafIndex >= treeSize)
        {
            throw new QueryException(QueryFailure.OutOfRange, $"leaf {leaf.LeafIndex} is not in the tree of size {treeSize}");
        }

        if (leaf.LeafIndex >= checkpoint.TreeSize)
        {
            return new ReceiptAnswer(null, Included: false, leaf.LeafIndex, checkpoint.TreeSize, checkpoint.SignedAtMs);
        }

        using MerkleHasher hasher = OpenSslSha256MerkleHasher.FastestFor(_notary.Origin.TreeHash);
        Digest[] proof = SubtreeRanges.Resolve(hasher, _store, ProofPlan.Inclusion(leaf.LeafIndex, checkpoint.TreeSize));
        StoredBatch batch = _store.FindBatch(leaf.BatchId) ?? throw new InvalidOperationException($"Batch {leaf.BatchId} is missing.");
        var promise = new PromiseSection(batch.PromiseNote, (ulong)leaf.BatchIndex, BatchInclusionProof(_store, hasher, batch, (ulong)leaf.BatchIndex));
        string tlogProof = new TlogProof(leaf.Leaf, leaf.LeafIndex, proof, checkpoint.Note).Format();
        Receipt receipt = new Receipt(tlogProof, null, promise)
            .WithEvmAnchors(AnchorsCovering(checkpoint.TreeSize).Select(a => ToSection(a, checkpoint, hasher)))
            .WithTimestamps(TimestampsCovering(leaf.LeafIndex, checkpoint, hasher));
        return new ReceiptAnswer(receipt.ToJson(), Included: true, leaf.LeafIndex, checkpoint.TreeSize, checkpoint.SignedAtMs);
    }

    /// <summary>
    /// The anchors that cover a tree of <paramref name="treeSize"/> leaves: on each chain, the
    /// smallest anchored checkpoint at least that large — landed ones first, else the pending one —
    /// and, on a chain that was lost, the one that covered it there. Only the first few anchors from
    /// that size are read per chain: a pending one is only ever among the newest.
    /// </summary>
    public IReadOnlyList<StoredAnchor> AnchorsCovering(ulong treeSize) =>
        [.. _store.ReadAnchorTargets()
            .Select(target => _store.ReadAnchors(target, treeSize, CoveringWindow)
                .OrderBy(a => a.Status switch { AnchorStatus.Final or AnchorStatus.Included => 0, AnchorStatus.Pending => 1, _ => 2 })
                .ThenBy(a => a.TreeSize)
                .FirstOrDefault())
            .OfType<StoredAnchor>()
            .OrderBy(a => a.TreeSize)];

    /// <summary>
    /// Per TSA, its token over the earliest stamped checkpoint that holds leaf <paramref name="leafIndex"/>, as a
    /// receipt's timestamp entry: the stamped checkpoint's note and the consistency proof between it and
    /// <paramref name="checkpoint"/> (from the smaller tree to the larger) when it is another checkpoint. The
    /// earliest is the best evidence: a token over any checkpoint holding the leaf proves the leaf by its time.
    /// </summary>
    private IEnumerable<TimestampSection> TimestampsCovering(ulong leafIndex, StoredCheckpoint checkpoint, MerkleHasher hasher) =>
        (_timestamps?.ReadTimestamps(leafIndex + 1, TimestampWindow) ?? [])
            .GroupBy(t => t.Authority, StringComparer.Ordinal)
            .Select(tokens => tokens.First())
            .Select(t => t.TreeSize == checkpoint.TreeSize
                ? new TimestampSection(t.Authority, t.TreeSize, null, [], t.TokenDer)
                : new TimestampSection(
                    t.Authority,
                    t.TreeSize,
                    (_store.FindCheckpoint(t.TreeSize) ?? throw new InvalidOperationException($"A token is kept for checkpoint {t.TreeSize}, which the store does not hold.")).Note,
                    SubtreeRanges.Resolve(hasher, _store, ProofPlan.Consistency(Math.Min(checkpoint.TreeSize, t.TreeSize), Math.Max(checkpoint.TreeSize, t.TreeSize))),
                    t.TokenDer));

    /// <summary>A stored anchor as a receipt's anchor entry, with the consistency proof from <paramref name="checkpoint"/> to it.</summary>
    private EvmAnchorSection ToSection(StoredAnchor anchor, StoredCheckpoint checkpoint, MerkleHasher hasher)
    {
        Digest[] consistency = anchor.TreeSize == checkpoint.TreeSize || anchor.Status == AnchorStatus.Lost
            ? []
            : SubtreeRanges.Resolve(hasher, _store, ProofPlan.Consistency(checkpoint.TreeSize, anchor.TreeSize));

        // Until its proof is stored (moments after inclusion) a landed anchor cannot be checked offline: say pending.
        (AnchorState state, EvmLanding? landing) = (anchor.Status, anchor.Inclusion, anchor.Proof) switch
        {
            (AnchorStatus.Lost, _, _) => (AnchorState.Lost, null),
            (AnchorStatus.Included or AnchorStatus.Final, ChainInclusion inclusion, InclusionProof proof) => (
                anchor.Status == AnchorStatus.Final ? AnchorState.Final : AnchorState.Included,
                new EvmLanding(inclusion.TransactionHash, inclusion.TransactionIndex, inclusion.BlockNumber, inclusion.BlockHash, inclusion.BlockTimestamp, inclusion.LogIndex, proof.BlockHeader, proof.ReceiptProof)),
            _ => (AnchorState.Pending, null),
        };
        return new EvmAnchorSection(state, anchor.Target.ChainId, anchor.Target.Contract, OriginHash, anchor.TreeSize, anchor.Root, consistency, landing);
    }

    /// <summary>The fingerprint of the key that signed the request which deposited <paramref name="leaf"/>.</summary>
    public Digest DepositorKeyOf(StoredLeaf leaf)
    {
        ArgumentNullException.ThrowIfNull(leaf);
        return (_store.FindSignedRequest(leaf.BatchId, leaf.RequestNumber)
            ?? throw new InvalidOperationException($"The signed request of leaf {leaf.LeafIndex} is missing.")).KeyFingerprint;
    }

    /// <summary>The deposit at a leaf index; a record leaf there (a custody event, …) is not a deposit.</summary>
    public StoredLeaf FindLeaf(ulong leafIndex) =>
        _store.FindLeaf(leafIndex) is StoredLeaf leaf && IsDeposit(leaf)
            ? leaf
            : throw new QueryException(QueryFailure.NotFound, $"there is no deposit at leaf index {leafIndex} (the log has {_store.LeafCount} leaves)");

    public StoredLeaf FindLeaf(Digest depositId) =>
        _store.FindLeafByHash(depositId) is StoredLeaf leaf && IsDeposit(leaf)
            ? leaf
            : throw new QueryException(QueryFailure.NotFound, $"there is no deposit with id {depositId}");

    /// <summary>The consistency proof between two signed sizes; 0 as the second size means the latest.</summary>
    public (ulong First, ulong Second, Digest[] Proof) ConsistencyProof(ulong firstSize, ulong secondSize)
    {
        ulong latest = LatestCheckpoint().TreeSize;
        ulong second = secondSize == 0 ? latest : secondSize;
        if (second > latest)
        {
            throw new QueryException(QueryFailure.OutOfRange, $"the second size {second} is beyond the latest checkpoint's size {latest}");
        }

        if (firstSize == 0 || firstSize > second)
        {
            throw new QueryException(QueryFailure.InvalidArgument, $"the first size must be between 1 and the second size {second}, got {firstSize}");
        }

        using MerkleHasher hasher = OpenSslSha256MerkleHasher.FastestFor(_notary.Origin.TreeHash);
        return (firstSize, second, SubtreeRanges.Resolve(hasher, _store, ProofPlan.Consistency(firstSize, second)));
    }

    public IReadOnlyList<byte[]> Leaves(ulong startIndex, int count)
    {
        if (count is <= 0 or > LeavesPerReadMax)
        {
            throw new QueryException(QueryFailure.InvalidArgument, $"ask for 1 to {LeavesPerReadMax} leaves, not {count}");
        }

        if (startIndex >= _store.LeafCount)
        {
            throw new QueryException(QueryFailure.OutOfRange, $"leaf index {startIndex} is beyond the log's {_store.LeafCount} leaves");
        }

        return _store.ReadLeaves(startIndex, count);
    }

    /// <summary>Checks a receipt against this log's own keys (a convenience; courts verify offline).</summary>
    public ReceiptReport Verify(string receiptJson) => ReceiptVerifier.Verify(receiptJson, _notary.VerifierKeys, evidence: null);

    private static bool IsDeposit(StoredLeaf leaf) => LeafEnvelope.TryReadType(leaf.Leaf, out LeafType type).IsValid && type == LeafType.Deposit;

    /// <summary>
    /// The inclusion proof of the leaf at <paramref name="batchIndex"/> in its batch's tree, straight from the batch's
    /// kept leaf hashes: each sibling is the root of one range of them, so no tree is built and nothing is allocated
    /// per node. Batches stored before the hashes were kept fall back to the tree over their leaves.
    /// </summary>
    internal static Digest[] BatchInclusionProof(ILogStore store, MerkleHasher hasher, StoredBatch batch, ulong batchIndex)
    {
        if (store.ReadBatchLeafHashes(batch.BatchId) is not Digest[] leafHashes || leafHashes.Length != batch.LeafCount)
        {
            MerkleTree tree = BatchTree(store, hasher, batch);
            return tree.InclusionProof(batchIndex, tree.TreeSize);
        }

        NodeRange[] siblings = ProofPlan.Inclusion(batchIndex, (ulong)leafHashes.Length);
        var proof = new Digest[siblings.Length];
        for (int i = 0; i < siblings.Length; i++)
        {
            proof[i] = MerkleRoot.FromLeafHashes(hasher, leafHashes.AsSpan((int)siblings[i].Begin, (int)siblings[i].LeafCount));
        }

        return proof;
    }

    /// <summary>The tree over one batch's leaves, in batch order: what its promise signs the root of.</summary>
    internal static MerkleTree BatchTree(ILogStore store, MerkleHasher hasher, StoredBatch batch)
    {
        var tree = new MerkleTree(hasher);
        if (store.ReadBatchLeafHashes(batch.BatchId) is Digest[] leafHashes && leafHashes.Length == batch.LeafCount)
        {
            foreach (Digest leafHash in leafHashes)
            {
                tree.AppendLeafHash(leafHash);
            }

            return tree;
        }

        for (ulong at = 0; at < (ulong)batch.LeafCount; at += LeavesPerReadMax)
        {
            int count = (int)Math.Min(LeavesPerReadMax, (ulong)batch.LeafCount - at);
            foreach (byte[] leaf in store.ReadLeaves(batch.FirstLeafIndex + at, count))
            {
                tree.AppendLeaf(leaf);
            }
        }

        return tree;
    }
}
