using System.Text;
using EvidenceChain.Core.KeyStatements;
using EvidenceChain.Core.Leaves;
using EvidenceChain.Engine;
using EvidenceChain.Engine.Intake;
using EvidenceChain.Engine.Ports;

namespace EvidenceChain.Service.Internal;

/// <summary>
/// Records the key statement <c>keys/pending-key-statement.note</c> waiting at start (key-statement.md):
/// a planned rotation's, or the compromise a successor log begins with. The statement becomes a record leaf
/// (type 8), once: a crash before the end finds it in the log and does not append it again. For a rotation,
/// once a checkpoint covering it is durable (signed by both pairs, since the incoming pair co-signs every
/// checkpoint until then), the old pair's files are retired and the new pair signs alone.
/// </summary>
internal sealed partial class KeyStatementWorker(
    NotaryKeyFiles keys, Notary notary, LogIntake intake, LogQueries queries, ILogStore store, TimeProvider time, ILogger<KeyStatementWorker> logger) : BackgroundService
{
    private static readonly TimeSpan s_pollInterval = TimeSpan.FromMilliseconds(50);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!File.Exists(keys.PendingStatementPath))
        {
            return;
        }

        string note = await File.ReadAllTextAsync(keys.PendingStatementPath, stoppingToken).ConfigureAwait(false);
        string key = KeyStatementText.RecordKeyOf(note);
        ulong leafIndex;
        if (store.ReadRecordsByKey(key, 0, 1) is [StoredRecord recorded, ..])
        {
            leafIndex = recorded.LeafIndex;
        }
        else
        {
            byte[] record = Encoding.UTF8.GetBytes(note);
            RecordLeaf leaf = RecordLeaf.Over(LeafType.KeyStatement, KeyStatementText.Schema, time.GetUtcNow().ToUnixTimeMilliseconds(), record, []);
            leafIndex = await intake.RecordAsync(leaf, new LeafRecord(record, [key]), stoppingToken).ConfigureAwait(false);
        }

        LogStatementRecorded(logger, leafIndex, keys.PendingStatementPath);
        while (queries.LatestCheckpointSizeOrZero() <= leafIndex)
        {
            await Task.Delay(s_pollInterval, time, stoppingToken).ConfigureAwait(false);
        }

        if (notary.RotationPending)
        {
            string retired = keys.CompleteRotation(time);
            notary.CompleteRotation();
            LogRotationCompleted(logger, queries.LatestCheckpointSizeOrZero(), retired);
        }

        File.Delete(keys.PendingStatementPath);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The key statement {Path} is leaf {LeafIndex} of the log; waiting for a checkpoint that covers it.")]
    private static partial void LogStatementRecorded(ILogger logger, ulong leafIndex, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Key rotation complete: checkpoint {TreeSize}, signed by both pairs, announces the new keys, which sign alone from now on. The old pair's files are in {Retired}: destroy them once that checkpoint is anchored and final (docs/operations.md#rotating-the-log-keys).")]
    private static partial void LogRotationCompleted(ILogger logger, ulong treeSize, string retired);
}
