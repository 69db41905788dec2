namespace EvidenceChain.Engine.Ports;

/// <summary>Timestamp tokens over checkpoints, kept as durably as the log (the same store), by tree size and authority.</summary>
public interface ITimestampStore
{
    /// <summary>The most tokens one read returns.</summary>
    const int TimestampsPerReadMax = 1000;

    /// <summary>Records a token durably (fsync before return); a second token of one authority for one tree size replaces the first.</summary>
    void SaveTimestamp(StoredTimestamp timestamp);

    /// <summary>At most <paramref name="limit"/> tokens over checkpoints of at least <paramref name="fromTreeSize"/> leaves, smallest tree first, then by authority.</summary>
    IReadOnlyList<StoredTimestamp> ReadTimestamps(ulong fromTreeSize, int limit);

    /// <summary>The largest stamped tree size, or 0 when nothing is stamped yet.</summary>
    ulong LatestTimestampedTreeSize();
}
