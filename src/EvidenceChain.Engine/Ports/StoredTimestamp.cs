namespace EvidenceChain.Engine.Ports;

/// <summary>An RFC 3161 token over a checkpoint, as the stamper obtained it from one TSA.</summary>
/// <param name="TreeSize">The stamped checkpoint's tree size.</param>
/// <param name="Authority">The TSA's configured name (unique among the configured TSAs).</param>
/// <param name="TokenDer">The token: a DER CMS SignedData over a TSTInfo whose imprint is the checkpoint's (timestamping.md §Checkpoint stamps).</param>
/// <param name="ObtainedAtMs">When the answer arrived, by the service's clock; the token's own genTime is what counts.</param>
public sealed record StoredTimestamp(ulong TreeSize, string Authority, byte[] TokenDer, long ObtainedAtMs);
