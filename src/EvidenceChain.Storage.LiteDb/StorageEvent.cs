namespace EvidenceChain.Storage.LiteDb;

/// <summary>
/// What the store tells an observer passed to <see cref="LiteDbLogStore.Open"/>: every write,
/// length change and fsync of its files, and every write method's return, in the order they
/// happen. Tests use it to prove that nothing is acknowledged before it is on disk.
/// </summary>
public abstract record StorageEvent;
