namespace EvidenceChain.Storage.LiteDb.Backups;

/// <summary>A checkpoint as a backup manifest names it: its size, root (hex) and, for the latest, the signed note.</summary>
public sealed record BackupCheckpoint(ulong TreeSize, string Root, string? Note);
