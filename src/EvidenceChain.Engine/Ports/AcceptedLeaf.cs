using EvidenceChain.Core.Hashing;

namespace EvidenceChain.Engine.Ports;

/// <summary>
/// One leaf of a batch: its bytes and hash, the key that finds a resent deposit, and which of the
/// batch's requests brought it. A record leaf (a custody event, …) names no request
/// (<see cref="NoRequest"/>) and brings its record, stored beside the log.
/// </summary>
public sealed record AcceptedLeaf(byte[] Leaf, Digest LeafHash, Digest DedupeKey, int RequestNumber, LeafRecord? Record = null)
{
    /// <summary>The request number of a leaf no signed request brought.</summary>
    public const int NoRequest = -1;
}
