namespace EvidenceChain.Storage.LiteDb.Backups;

/// <summary>One file of a backup: its path relative to the backup directory ('/' separated), its length and SHA-256.</summary>
public sealed record BackupFile(string Path, long LengthBytes, string Sha256);
