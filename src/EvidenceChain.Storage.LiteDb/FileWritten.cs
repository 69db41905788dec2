namespace EvidenceChain.Storage.LiteDb;

/// <summary>Bytes were written to a file (not yet on disk until a later <see cref="FileFlushedToDisk"/>).</summary>
public sealed record FileWritten(StorageFile File, long PositionBytes, int LengthBytes) : StorageEvent;
