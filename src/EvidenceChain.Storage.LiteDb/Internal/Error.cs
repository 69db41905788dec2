using EvidenceChain.Engine.Ports;

namespace EvidenceChain.Storage.LiteDb.Internal;

/// <summary>All exception construction in one place, so the store's messages read alike.</summary>
internal static class Error
{
    public static InvalidOperationException AlreadyOpen(string directory, Exception inner) =>
        new($"The log store in '{directory}' is already open, by another store in this process or by another process; only one may have it open at a time.", inner);

    public static InvalidOperationException Inconsistent(string directory, string what) =>
        new($"The log store in '{directory}' is inconsistent: {what}. It was changed outside this store or damaged.");

    public static InvalidOperationException Missing(string what) =>
        new($"{what} is missing from the store although the store's counters say it is there; the store is damaged.");

    public static InvalidOperationException NotEmpty(string what) =>
        new($"A log identity can only be created on an empty store, but this store {what}.");

    public static InvalidOperationException Unusable(Exception fault) =>
        new("An earlier write of this store failed, so what is on disk is unknown; the store refuses further writes until it is reopened.", fault);

    public static InvalidOperationException WriteFailed(StoreOperation operation, Exception inner) =>
        new($"{operation} failed while writing, so what is on disk is unknown; nothing may be acknowledged, and the store refuses further writes until it is reopened.", inner);

    public static InvalidOperationException Rejected(StoreOperation operation, Exception inner) =>
        new($"{operation} was rejected by the database and nothing was written: {inner.Message}", inner);

    public static InvalidOperationException Rule(string message) => new(message);

    public static ArgumentException Argument(string parameter, string message) => new(message, parameter);

    public static InvalidOperationException NotIntegrated(int level, ulong index, ulong integratedSize) =>
        new($"The subtree at level {level}, index {index} is not stored: only the first {integratedSize} leaves are integrated.");

    public static InvalidOperationException AlreadyStored(AcceptedBatch batch, int position, string what, StoredLeaf stored) =>
        new($"Batch {batch.BatchId} was not stored: its leaf {position} has the {what} of the leaf already stored at index {stored.LeafIndex} (batch {stored.BatchId}). A resent deposit must be answered from the store, not appended again.");
}
