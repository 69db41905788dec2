namespace EvidenceChain.Storage.LiteDb.Tests.Support;

/// <summary>Checks over a recorded event sequence that tell a durable write from one that only looks done.</summary>
internal static class Durability
{
    /// <summary>
    /// Asserts that before event <paramref name="at"/> no file has a write or length change that a
    /// completed fsync of that file has not followed: all that was written is on disk.
    /// </summary>
    public static void AssertNothingUnsynced(IReadOnlyList<StorageEvent> events, int at)
    {
        foreach (StorageFile file in new[] { StorageFile.Data, StorageFile.Log })
        {
            int lastChange = LastIndex(events, at, e => e is FileWritten written && written.File == file || e is FileLengthSet set && set.File == file);
            int lastFlush = LastIndex(events, at, e => e is FileFlushedToDisk flushed && flushed.File == file);
            Assert.True(
                lastChange < 0 || lastChange < lastFlush,
                $"Before event {at}, the {file} file was last changed at event {lastChange} but last fsynced at event {lastFlush}.");
        }
    }

    /// <summary>The index of the only <see cref="WriteReturned"/> for <paramref name="operation"/>.</summary>
    public static int ReturnOf(IReadOnlyList<StorageEvent> events, StoreOperation operation)
    {
        int[] found = Enumerable.Range(0, events.Count).Where(i => events[i] is WriteReturned returned && returned.Operation == operation).ToArray();
        Assert.Single(found);
        return found[0];
    }

    public static int LastIndex(IReadOnlyList<StorageEvent> events, int before, Func<StorageEvent, bool> match)
    {
        for (int i = before - 1; i >= 0; i--)
        {
            if (match(events[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
