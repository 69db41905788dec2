namespace EvidenceChain.Storage.LiteDb.Tests.Support;

/// <summary>Keeps every event a store reports, in order; safe to use from several threads.</summary>
internal sealed class EventRecorder
{
    private readonly List<StorageEvent> _events = [];
    private readonly Lock _lock = new();

    public void Record(StorageEvent storageEvent)
    {
        lock (_lock)
        {
            _events.Add(storageEvent);
        }
    }

    public IReadOnlyList<StorageEvent> Snapshot()
    {
        lock (_lock)
        {
            return [.. _events];
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _events.Clear();
        }
    }
}
