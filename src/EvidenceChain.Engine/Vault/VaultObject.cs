using EvidenceChain.Core.Custody;

namespace EvidenceChain.Engine.Vault;

/// <summary>A vault file the service keeps for a deposit, as its VaultStored custody record says.</summary>
/// <param name="CustodyLeafIndex">The custody event leaf that records taking it.</param>
/// <param name="StoredAtMs">When it was taken, Unix milliseconds.</param>
/// <param name="File">Its digests, length and the unit the owner says it holds.</param>
public sealed record VaultObject(ulong CustodyLeafIndex, long StoredAtMs, CustodyVaultObject File);
