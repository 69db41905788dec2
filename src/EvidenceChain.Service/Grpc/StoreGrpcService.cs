using System.Globalization;
using EvidenceChain.Core.Access;
using EvidenceChain.Protocol.V1;
using EvidenceChain.Service.Internal;
using EvidenceChain.Storage.LiteDb;
using EvidenceChain.Storage.LiteDb.Backups;
using Grpc.Core;

namespace EvidenceChain.Service.Grpc;

/// <summary>
/// The log store's operations while the service runs (store.proto): an online backup, the office's
/// alone. The snapshot is taken under the store's lock (docs/decisions/0016-online-backup.md); the
/// verifier keys and the office's party id go with it, the private keys never do.
/// </summary>
internal sealed partial class StoreGrpcService(BackupLocation location, AccessGate gate, TimeProvider time, ILogger<StoreGrpcService> logger) : StoreService.StoreServiceBase
{
    public override Task<CreateBackupResponse> CreateBackup(CreateBackupRequest request, ServerCallContext context)
    {
        Caller caller = gate.CallerOf(context);
        AccessGate.Require(caller, Operation.BackUpStore);
        DateTimeOffset now = time.GetUtcNow();
        string directory = Path.Combine(
            location.BackupRoot,
            "backup-" + now.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture) + "-" + location.Store.LeafCount.ToString(CultureInfo.InvariantCulture));
        string[] companions = [.. location.CompanionFiles()];
        BackupManifest manifest;
        try
        {
            Directory.CreateDirectory(location.BackupRoot);
            manifest = location.Store.Backup(directory, companions, now.ToUnixTimeMilliseconds());
        }
        catch (BackupException e)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, "the backup was not taken: " + e.Message));
        }

        LogBackup(logger, directory, manifest.LeafCount, manifest.LatestCheckpoint?.TreeSize ?? 0, manifest.WritesHeldMs);
        return Task.FromResult(new CreateBackupResponse
        {
            Directory = directory,
            ManifestJson = manifest.ToJson(),
            LeafCount = manifest.LeafCount,
            TreeSize = manifest.LatestCheckpoint?.TreeSize ?? 0,
            WritesHeldMs = (ulong)manifest.WritesHeldMs,
        });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Backup {Directory}: {LeafCount} leaves, checkpoint {TreeSize}; writes waited {HeldMs} ms.")]
    private static partial void LogBackup(ILogger logger, string directory, ulong leafCount, ulong treeSize, long heldMs);
}

/// <summary>The store to back up, where backups go, and the small public files that go with them.</summary>
internal sealed record BackupLocation(LiteDbLogStore Store, string BackupRoot, string DataDirectory)
{
    public static BackupLocation For(LiteDbLogStore store, string dataDirectory, BackupSettings settings) =>
        new(store, Path.GetFullPath(settings.Directory, dataDirectory), dataDirectory);

    /// <summary>The verifier keys, the office's party id and the certificates (tsa.crt, …): public files; keys/ never goes.</summary>
    public IEnumerable<string> CompanionFiles() =>
        ((string[])[Path.Combine(DataDirectory, "notary.vkeys"), Path.Combine(DataDirectory, "office-party.txt"), .. Directory.GetFiles(DataDirectory, "*.crt").Order(StringComparer.Ordinal)])
        .Where(File.Exists);
}
