using System.Security.Cryptography;
using EvidenceChain.Core.Access;
using EvidenceChain.Core.Checkpoints;
using EvidenceChain.Core.Deposits;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Merkle;
using EvidenceChain.Engine.Deposits;
using EvidenceChain.Engine.Ports;
using EvidenceChain.Hashing.OpenSsl;

namespace EvidenceChain.Engine.Intake;

/// <summary>
/// Plans one group commit: which entries become new leaves (in request order), which are resends
/// of stored deposits, then the record leaves, the batch with its signed promise, and each
/// submission's answer. It writes nothing; the caller stores the batch and answers only after the
/// store returns.
/// </summary>
internal static class GroupCommit
{
    /// <summary>The answer to a stamped request whose key and nonce were already used.</summary>
    public static readonly DepositOutcome Replayed = DepositOutcome.Rejected(
        DepositOutcomeStatus.Replayed,
        "this signed request was already received (its nonce was used); sign it again, with a new nonce: entries already deposited return their original deposits");

    /// <summary>A validated deposit request: what was signed, as received, and the key that signed it.</summary>
    public sealed record Deposit(DepositRequest Request, DepositSubmission Submission, PartyKey Key);

    public sealed record Result(AcceptedBatch? Batch, IReadOnlyList<DepositOutcome> Outcomes, IReadOnlyList<ulong> RecordLeafIndices);

    public static Result Plan(
        ILogStore store,
        Notary notary,
        IReadOnlyList<Deposit> requests,
        IReadOnlyList<(byte[] Leaf, LeafRecord Record)> records,
        long acceptedAtMs)
    {
        using MerkleHasher hasher = OpenSslSha256MerkleHasher.FastestFor(notary.Origin.TreeHash);
        var leaves = new List<AcceptedLeaf>();
        var signedRequests = new List<SignedRequest>();
        var positionsInBatch = new Dictionary<Digest, int>();
        var placements = new List<Placement[]?>();
        var replayKeys = new HashSet<Digest>();

        // Every entry's dedupe key first, so the store answers for the whole group commit in one lookup.
        Digest[][] dedupeKeys = [.. requests.Select(d => d.Request.Entries.Select(entry => DedupeKey.Compute(d.Key.Fingerprint, entry)).ToArray())];
        IReadOnlyDictionary<Digest, StoredLeaf> alreadyStored = store.FindLeavesByDedupeKeys([.. dedupeKeys.SelectMany(keys => keys)]);

        for (int r = 0; r < requests.Count; r++)
        {
            (DepositRequest request, DepositSubmission submission, PartyKey signingKey) = requests[r];
            Digest fingerprint = signingKey.Fingerprint;
            Digest? replayKey = request.Stamp?.ReplayKey(fingerprint);
            if (replayKey is Digest stamped && (!replayKeys.Add(stamped) || store.HasReplayKey(stamped)))
            {
                placements.Add(null);
                continue;
            }

            int requestNumber = signedRequests.Count;
            signedRequests.Add(new SignedRequest(submission.PublicKey, request.SignedBytes(), submission.Signature, replayKey, signingKey.Algorithm, signingKey.Sm2UserId));
            var placed = new Placement[request.Entries.Count];
            for (int e = 0; e < placed.Length; e++)
            {
                DepositEntry entry = request.Entries[e];
                Digest dedupeKey = dedupeKeys[r][e];
                if (positionsInBatch.TryGetValue(dedupeKey, out int position))
                {
                    placed[e] = new Placement(position, null, AlreadyDeposited: true);
                }
                else if (alreadyStored.TryGetValue(dedupeKey, out StoredLeaf? storedLeaf))
                {
                    placed[e] = new Placement(-1, storedLeaf, AlreadyDeposited: true);
                }
                else
                {
                    byte[] leaf = entry.ToLeaf(acceptedAtMs, fingerprint).Encode();
                    positionsInBatch[dedupeKey] = leaves.Count;
                    placed[e] = new Placement(leaves.Count, null, AlreadyDeposited: false);
                    leaves.Add(new AcceptedLeaf(leaf, hasher.HashLeaf(leaf), dedupeKey, requestNumber));
                }
            }

            placements.Add(placed);
        }

        // A record's nonce makes its digest unique, so it serves as the leaf's dedupe key.
        var recordLeafIndices = new List<ulong>(records.Count);
        foreach ((byte[] leaf, LeafRecord record) in records)
        {
            recordLeafIndices.Add(store.LeafCount + (ulong)leaves.Count);
            leaves.Add(new AcceptedLeaf(leaf, hasher.HashLeaf(leaf), Digest.Read(SHA256.HashData(record.Bytes)), AcceptedLeaf.NoRequest, record));
        }

        AcceptedBatch? batch = null;
        MerkleTree? batchTree = null;
        if (leaves.Count > 0)
        {
            batchTree = new MerkleTree(hasher);
            foreach (AcceptedLeaf leaf in leaves)
            {
                batchTree.AppendLeafHash(leaf.LeafHash);
            }

            string promise = notary.SignPromise(new Promise(notary.Origin, batchTree.TreeSize, batchTree.Root, acceptedAtMs));
            batch = new AcceptedBatch(store.NextBatchId, store.LeafCount, acceptedAtMs, promise, leaves, signedRequests);
        }

        var earlierBatches = new Dictionary<long, (StoredBatch Batch, MerkleTree Tree)>();
        var outcomes = new List<DepositOutcome>(requests.Count);
        foreach (Placement[]? placed in placements)
        {
            if (placed is null)
            {
                outcomes.Add(Replayed);
                continue;
            }

            var notes = new List<string>();
            var deposits = new List<AcceptedDeposit>(placed.Length);
            foreach (Placement placement in placed)
            {
                if (placement.Stored is null)
                {
                    AcceptedLeaf leaf = leaves[placement.Position];
                    ulong index = (ulong)placement.Position;
                    deposits.Add(new AcceptedDeposit(
                        leaf.Leaf,
                        leaf.LeafHash,
                        batch!.FirstLeafIndex + index,
                        placement.Position,
                        batchTree!.InclusionProof(index, batchTree.TreeSize),
                        NoteNumber(notes, batch.PromiseNote),
                        placement.AlreadyDeposited));
                }
                else
                {
                    StoredLeaf stored = placement.Stored;
                    (StoredBatch earlier, MerkleTree tree) = EarlierBatch(store, hasher, earlierBatches, stored.BatchId);
                    deposits.Add(new AcceptedDeposit(
                        stored.Leaf,
                        stored.LeafHash,
                        stored.LeafIndex,
                        stored.BatchIndex,
                        tree.InclusionProof((ulong)stored.BatchIndex, tree.TreeSize),
                        NoteNumber(notes, earlier.PromiseNote),
                        AlreadyDeposited: true));
                }
            }

            outcomes.Add(new DepositOutcome(DepositOutcomeStatus.Accepted, "accepted", deposits, notes));
        }

        return new Result(batch, outcomes, recordLeafIndices);
    }

    private static int NoteNumber(List<string> notes, string note)
    {
        int number = notes.IndexOf(note);
        if (number < 0)
        {
            notes.Add(note);
            number = notes.Count - 1;
        }

        return number;
    }

    private static (StoredBatch Batch, MerkleTree Tree) EarlierBatch(ILogStore store, MerkleHasher hasher, Dictionary<long, (StoredBatch, MerkleTree)> cache, long batchId)
    {
        if (cache.TryGetValue(batchId, out (StoredBatch, MerkleTree) found))
        {
            return found;
        }

        StoredBatch batch = store.FindBatch(batchId) ?? throw new InvalidOperationException($"Batch {batchId} of a stored leaf is missing from the store.");
        MerkleTree tree = LogQueries.BatchTree(store, hasher, batch);
        cache[batchId] = (batch, tree);
        return (batch, tree);
    }

    private sealed record Placement(int Position, StoredLeaf? Stored, bool AlreadyDeposited);
}
