using EvidenceChain.Engine.Ports;

namespace EvidenceChain.Storage.LiteDb;

/// <summary>The writing methods of <see cref="ILogStore"/>, as named in <see cref="WriteReturned"/>.</summary>
public enum StoreOperation
{
    CreateIdentity = 1,
    AppendBatch = 2,
    AppendSubtrees = 3,
    AppendCheckpoint = 4,
    SaveAnchor = 5,
}
