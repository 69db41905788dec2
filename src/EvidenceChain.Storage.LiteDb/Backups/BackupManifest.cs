using System.Text.Json;
using System.Text.Json.Serialization;

namespace EvidenceChain.Storage.LiteDb.Backups;

/// <summary>
/// <c>manifest.json</c> of a store backup (docs/backup.md): what the snapshot holds, so a restore can
/// check it before anything is written and after the store is opened. Written last, so a backup
/// directory without one is incomplete.
/// </summary>
public sealed record BackupManifest
{
    public const string FormatV1 = "evidencechain-store-backup/v1";

    public const string FileName = "manifest.json";

    /// <summary>The most a manifest may hold; a larger file is not one.</summary>
    public const int FileLengthMaxBytes = 1 << 20;

    private static readonly JsonSerializerOptions s_json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string Format { get; init; } = FormatV1;

    public required string Origin { get; init; }

    public required long CreatedAtMs { get; init; }

    /// <summary>How long writes (deposits, checkpoints) waited for the snapshot, in milliseconds.</summary>
    public required long WritesHeldMs { get; init; }

    public required ulong LeafCount { get; init; }

    public required ulong IntegratedSize { get; init; }

    public required long NextBatchId { get; init; }

    public required BackupCheckpoint? LatestCheckpoint { get; init; }

    /// <summary>The largest checkpoint whose anchor had landed on a chain (included or final) when the backup was taken.</summary>
    public required BackupCheckpoint? LatestAnchoredCheckpoint { get; init; }

    public required IReadOnlyList<BackupFile> Files { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this, s_json) + "\n";

    /// <summary>Reads and checks the shape of <c>manifest.json</c> in <paramref name="backupDirectory"/>.</summary>
    /// <exception cref="BackupException">There is none, or it is not a v1 manifest.</exception>
    public static BackupManifest Read(string backupDirectory)
    {
        string path = System.IO.Path.Combine(backupDirectory, FileName);
        if (!File.Exists(path))
        {
            throw new BackupException($"'{backupDirectory}' is not a complete backup: it has no {FileName}.");
        }

        if (new FileInfo(path).Length > FileLengthMaxBytes)
        {
            throw new BackupException($"'{path}' is larger than {FileLengthMaxBytes} bytes: it is not a backup manifest.");
        }

        BackupManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<BackupManifest>(File.ReadAllText(path), s_json);
        }
        catch (JsonException e)
        {
            throw new BackupException($"'{path}' is not a backup manifest: {e.Message}", e);
        }

        if (manifest is null || manifest.Format != FormatV1 || manifest.Files is null || manifest.Files.Count == 0 || string.IsNullOrEmpty(manifest.Origin))
        {
            throw new BackupException($"'{path}' is not a {FormatV1} manifest.");
        }

        foreach (BackupFile file in manifest.Files)
        {
            // Restored paths stay inside the target: no rooted paths, no '..'.
            if (file is null || string.IsNullOrEmpty(file.Path) || System.IO.Path.IsPathRooted(file.Path) || file.Path.Split('/').Any(p => p is "" or "." or ".."))
            {
                throw new BackupException($"'{path}' names a file outside the backup: '{file?.Path}'.");
            }
        }

        return manifest;
    }
}
