using EvidenceChain.Core.Checkpoints;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Merkle;
using EvidenceChain.Core.Proofs;
using EvidenceChain.Engine.Observability;
using EvidenceChain.Engine.Ports;
using EvidenceChain.Hashing.OpenSsl;
using Microsoft.Extensions.Logging;

namespace EvidenceChain.Engine.Sequencing;

/// <summary>
/// Integrates accepted leaves into the stored tree and signs checkpoints. Order of every step:
/// the leaves are already durable (intake); their subtree hashes are stored durably; a consistency
/// proof from the last signed checkpoint to the new tree is built from storage and verified; only
/// then is the new checkpoint signed, stored durably and served. If the proof fails, the log would
/// sign two histories: the sequencer halts and signs nothing more.
/// </summary>
public sealed partial class Sequencer : IDisposable
{
    private readonly ILogStore _store;
    private readonly Notary _notary;
    private readonly TimeProvider _time;
    private readonly SequencerOptions _options;
    private readonly ILogger _logger;
    private readonly LogMetrics? _metrics;
    private readonly MerkleHasher _hasher;
    private readonly CompactRange _edge;
    private readonly SemaphoreSlim _wake = new(0);
    private readonly Lock _signing = new();
    private volatile StoredCheckpoint? _latest;
    private volatile string? _halt;

    public Sequencer(ILogStore store, Notary notary, TimeProvider time, SequencerOptions options, ILogger<Sequencer> logger, LogMetrics? metrics = null)
    {
        _store = store;
        _notary = notary;
        _time = time;
        _options = options;
        _logger = logger;
        _hasher = OpenSslSha256MerkleHasher.FastestFor(notary.Origin.TreeHash);
        _edge = new CompactRange(store.IntegratedSize, store);
        _latest = store.LatestCheckpoint();
        _metrics = metrics;
        metrics?.WatchLog(() => (_store.LeafCount, _latest));
    }

    /// <summary>The latest signed and durable checkpoint: the only one ever served.</summary>
    public StoredCheckpoint? Latest => _latest;

    /// <summary>Why the sequencer stopped signing, or null while it runs.</summary>
    public string? Halt => _halt;

    /// <summary>Asks for a checkpoint soon (intake calls this when many leaves wait).</summary>
    public void Nudge()
    {
        if (_store.LeafCount - _store.IntegratedSize >= (ulong)_options.PendingLeavesMax)
        {
            _wake.Release();
        }
    }

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        SignPending();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await _wake.WaitAsync(_options.Interval, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }

            SignPending();
        }

        // Sign what was accepted before the stop, so a clean shutdown leaves nothing unsigned.
        SignPending();
    }

    /// <summary>
    /// Integrates every accepted leaf and signs a checkpoint for them, unless halted or nothing is
    /// new; returns the checkpoint now served. Also signs the empty tree of a new log.
    /// </summary>
    public StoredCheckpoint? SignPending()
    {
        lock (_signing)
        {
            if (_halt is not null)
            {
                return _latest;
            }

            ulong target = _store.LeafCount;
            if (_latest is not null && _latest.TreeSize == target)
            {
                return _latest;
            }

            try
            {
                Integrate(target);
                Digest root = _edge.Root(_hasher);
                Verdict consistent = CheckConsistency(target, root);
                if (!consistent.IsValid)
                {
                    _halt = $"the tree of size {target} is not consistent with the signed checkpoint of size {_latest!.TreeSize}: {consistent}";
                    LogHalted(_logger, _halt);
                    return _latest;
                }

                string note = _notary.SignCheckpoint(new Checkpoint(_notary.Origin, target, root));
                var checkpoint = new StoredCheckpoint(target, root, note, _time.GetUtcNow().ToUnixTimeMilliseconds());
                _store.AppendCheckpoint(checkpoint);
                _latest = checkpoint;
                _metrics?.CheckpointSigned(target, checkpoint.SignedAtMs);
                LogSigned(_logger, target);
                return checkpoint;
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException or IOException)
            {
                _halt = "storage failed while sequencing: " + e.Message;
                LogHalted(_logger, _halt);
                return _latest;
            }
        }
    }

    private void Integrate(ulong target)
    {
        ulong from = _store.IntegratedSize;
        if (from == target)
        {
            return;
        }

        var completed = new List<SubtreeHash>();
        for (ulong at = from; at < target; at += (ulong)ILogStore.LeavesPerReadMax)
        {
            int count = (int)Math.Min((ulong)ILogStore.LeavesPerReadMax, target - at);
            foreach (byte[] leaf in _store.ReadLeaves(at, count))
            {
                _edge.Append(_hasher, _hasher.HashLeaf(leaf), (level, index, hash) => completed.Add(new SubtreeHash(level, index, hash)));
            }
        }

        if (_edge.TreeSize != target)
        {
            throw new InvalidOperationException($"The store returned {_edge.TreeSize - from} leaves where {target - from} were accepted.");
        }

        _store.AppendSubtrees(completed, target);
    }

    // The proof is built from what the store now holds, so a store that lost or changed an
    // integrated subtree shows up here, before anything is signed.
    private Verdict CheckConsistency(ulong target, Digest root)
    {
        if (_latest is null || _latest.TreeSize == 0)
        {
            return Verdict.Valid;
        }

        Digest[] proof = SubtreeRanges.Resolve(_hasher, _store, ProofPlan.Consistency(_latest.TreeSize, target));
        Digest storedRoot = SubtreeRanges.Root(_hasher, _store, target);
        return storedRoot != root
            ? Verdict.Fail(VerificationFailure.RootMismatch, $"stored subtrees give root {storedRoot} but the integrated tree has {root}")
            : ConsistencyProof.Verify(_hasher, _latest.TreeSize, target, proof, _latest.Root, root);
    }

    public void Dispose()
    {
        _hasher.Dispose();
        _wake.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Signed checkpoint of tree size {TreeSize}.")]
    private static partial void LogSigned(ILogger logger, ulong treeSize);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Sequencer halted, no more checkpoints will be signed: {Reason}")]
    private static partial void LogHalted(ILogger logger, string reason);
}
