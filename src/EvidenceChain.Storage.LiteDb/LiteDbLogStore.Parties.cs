using EvidenceChain.Core.Access;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Engine.Ports;
using EvidenceChain.Storage.LiteDb.Internal;
using LiteDB;

namespace EvidenceChain.Storage.LiteDb;

/// <summary>The party registry, in the same store and with the same durability as the log.</summary>
public sealed partial class LiteDbLogStore
{
    /// <summary>Records a party durably (fsync before return).</summary>
    /// <exception cref="InvalidOperationException">One of its keys is bound to another party, or the store is unusable.</exception>
    public void SaveParty(Party party)
    {
        ArgumentNullException.ThrowIfNull(party);
        lock (_writeLock)
        {
            StoreState state = WritableState();
            foreach (PartyKey key in party.Keys)
            {
                if (FindPartyByKey(key.Fingerprint) is Party holder && holder.Id != party.Id)
                {
                    throw Error.Rule($"The key {key.Fingerprint} is bound to party {holder.Id}; a key signs for one party only.");
                }
            }

            Write(StoreOperation.SaveParty, state, () => _parties.Upsert(Documents.FromParty(party)));
        }
    }

    public Party? FindParty(string partyId)
    {
        ArgumentNullException.ThrowIfNull(partyId);
        BsonDocument? document = _parties.FindById(partyId);
        return document is null ? null : Documents.ToParty(document);
    }

    public Party? FindPartyByKey(Digest keyFingerprint)
    {
        BsonDocument? document = _parties.FindOne(BsonExpression.Create(Documents.KeyFingerprintContains, new BsonValue(keyFingerprint.ToArray())));
        return document is null ? null : Documents.ToParty(document);
    }

    public IReadOnlyList<Party> ReadParties() =>
        [.. _parties.FindAll().Select(Documents.ToParty).OrderBy(p => p.RegisteredAtMs).ThenBy(p => p.Id, StringComparer.Ordinal)];
}
