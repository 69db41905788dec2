using EvidenceChain.Core.Hashing;
using EvidenceChain.Engine.Ports;

namespace EvidenceChain.Storage.LiteDb.Tests.Support;

/// <summary>One key through the store's bulk dedupe lookup, as a group commit asks for many.</summary>
internal static class DedupeLookup
{
    public static StoredLeaf? FindLeafByDedupeKey(this LiteDbLogStore store, Digest dedupeKey) =>
        store.FindLeavesByDedupeKeys([dedupeKey]).GetValueOrDefault(dedupeKey);
}
