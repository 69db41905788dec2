namespace EvidenceChain.Storage.LiteDb;

/// <summary>A file was truncated or extended to <paramref name="LengthBytes"/> (LiteDB empties its log after a checkpoint).</summary>
public sealed record FileLengthSet(StorageFile File, long LengthBytes) : StorageEvent;
