namespace EvidenceChain.Service.Internal;

/// <summary>
/// <c>Backup:*</c> (docs/backup.md): where online backups go. Each backup is a new directory under
/// <see cref="Directory"/>; put it on another disk than the data directory.
/// </summary>
internal sealed class BackupSettings
{
    /// <summary>Relative paths are under the data directory.</summary>
    public string Directory { get; set; } = "backups";
}
