namespace EvidenceChain.Cli.Offline.Internal;

/// <summary>
/// Why a proven anchor does not hold on the chain node the verifier trusts (<c>verify --rpc</c>), in
/// the order <see cref="AnchorCanonicality"/> checks. The names appear in reports beside the
/// sentence, so the numbers are stable and never reused.
/// </summary>
internal enum CanonicalityFailure
{
    None = 0,

    /// <summary>The node serves another chain than the anchor names.</summary>
    AnchorChainIdMismatch = 1,

    /// <summary>The node's canonical chain has no block at the anchor's block number.</summary>
    AnchorBlockMissing = 2,

    /// <summary>The node's canonical block at that number has another hash: the anchor's block is not (or no longer) canonical.</summary>
    AnchorBlockHashMismatch = 3,

    /// <summary>The block is canonical but not final yet: above the finalized block, or fewer than the required blocks below the head.</summary>
    AnchorBlockNotFinal = 4,
}
