using EvidenceChain.Core.Hashing;

namespace EvidenceChain.Engine.Ports;

/// <summary>
/// A receipt locator as stored: never the locator itself, only its SHA-256, so a copy of the store
/// hands out no capability.
/// </summary>
/// <param name="LocatorHash">SHA-256 of the locator's 16 bytes; also the locator's public id.</param>
/// <param name="LeafIndex">The deposit whose receipt it opens.</param>
/// <param name="OwnerPartyId">The deposit's owner, who minted it and alone may revoke it.</param>
/// <param name="MintedAtMs">When it was minted (Unix milliseconds).</param>
/// <param name="RevokedAtMs">When its owner revoked it, or null while it opens the receipt.</param>
public sealed record StoredLocator(Digest LocatorHash, ulong LeafIndex, string OwnerPartyId, long MintedAtMs, long? RevokedAtMs);
