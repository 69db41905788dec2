namespace EvidenceChain.Storage.LiteDb;

/// <summary>An fsync of a file or directory completed: everything written to it before is on disk.</summary>
public sealed record FileFlushedToDisk(StorageFile File) : StorageEvent;
