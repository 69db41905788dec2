using EvidenceChain.Engine.Ports;

namespace EvidenceChain.Storage.LiteDb;

/// <summary>The writing methods of the store (<see cref="ILogStore"/>, <see cref="IPartyStore"/>, <see cref="ILocatorStore"/>, <see cref="ITimestampStore"/>), as named in <see cref="WriteReturned"/>.</summary>
public enum StoreOperation
{
    CreateIdentity = 1,
    AppendBatch = 2,
    AppendSubtrees = 3,
    AppendCheckpoint = 4,
    SaveAnchor = 5,
    SaveParty = 6,
    SaveLocator = 7,
    SaveTimestamp = 8,
}
