using EvidenceChain.Core.Access;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Engine.Ports;
using EvidenceChain.Storage.LiteDb.Internal;
using LiteDB;

namespace EvidenceChain.Storage.LiteDb;

/// <summary>Receipt locators (by their SHA-256 only), in the same store and with the same durability as the log.</summary>
public sealed partial class LiteDbLogStore
{
    /// <summary>Records a locator, new or revoked, durably (fsync before return).</summary>
    public void SaveLocator(StoredLocator locator)
    {
        ArgumentNullException.ThrowIfNull(locator);
        if (!PartyIds.IsValid(locator.OwnerPartyId))
        {
            throw Error.Argument(nameof(locator), $"The owner '{locator.OwnerPartyId}' is not a party id.");
        }

        lock (_writeLock)
        {
            StoreState state = WritableState();
            Write(StoreOperation.SaveLocator, state, () => _locators.Upsert(LocatorDocuments.FromLocator(locator)));
        }
    }

    public StoredLocator? FindLocator(Digest locatorHash)
    {
        BsonDocument? document = _locators.FindById(LocatorDocuments.Key(locatorHash));
        return document is null ? null : LocatorDocuments.ToLocator(document);
    }

    public IReadOnlyList<StoredLocator> ReadLocatorsOfOwner(string ownerPartyId, ulong? leafIndex, int limit)
    {
        ArgumentNullException.ThrowIfNull(ownerPartyId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        BsonExpression filter = leafIndex is ulong index
            ? BsonExpression.Create(LocatorDocuments.OwnerAndLeafEqual, new BsonValue(ownerPartyId), Documents.Key(index))
            : BsonExpression.Create(LocatorDocuments.OwnerEquals, new BsonValue(ownerPartyId));

        // An owner holds few locators; they are ordered here rather than by a second index.
        return [.. _locators.Find(filter)
            .OrderByDescending(LocatorDocuments.MintedAtMsOf)
            .ThenBy(d => d[Documents.Id].AsString, StringComparer.Ordinal)
            .Take(Math.Min(limit, ILocatorStore.LocatorsPerReadMax))
            .Select(LocatorDocuments.ToLocator)];
    }
}
