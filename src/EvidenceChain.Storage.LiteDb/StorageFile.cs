namespace EvidenceChain.Storage.LiteDb;

/// <summary>The files of a store that its events name.</summary>
public enum StorageFile
{
    /// <summary><c>log.db</c>: LiteDB's data file, written only by checkpoints.</summary>
    Data = 1,

    /// <summary><c>log-log.db</c>: LiteDB's write-ahead log, where every commit lands first.</summary>
    Log = 2,

    /// <summary>The store's directory (or its parent), fsynced once its entries change.</summary>
    Directory = 3,
}
