namespace EvidenceChain.Engine.Ports;

/// <summary>
/// Leaves accepted together under one promise. <see cref="FirstLeafIndex"/> is the store's
/// <see cref="ILogStore.LeafCount"/> at the time of appending; leaves follow in order.
/// </summary>
public sealed record AcceptedBatch(
    long BatchId,
    ulong FirstLeafIndex,
    long AcceptedAtMs,
    string PromiseNote,
    IReadOnlyList<AcceptedLeaf> Leaves,
    IReadOnlyList<SignedRequest> Requests);
