namespace EvidenceChain.Storage.LiteDb;

/// <summary>A write method of the store returned successfully, so its caller may acknowledge what it wrote.</summary>
public sealed record WriteReturned(StoreOperation Operation) : StorageEvent;
