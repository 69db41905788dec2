using EvidenceChain.Core.Hashing;

namespace EvidenceChain.Engine.Ports;

/// <summary>
/// Receipt locators, kept as durably as the log (the same store), by the SHA-256 of each locator.
/// </summary>
public interface ILocatorStore
{
    /// <summary>The most locators one <see cref="ReadLocatorsOfOwner"/> returns.</summary>
    const int LocatorsPerReadMax = 1000;

    /// <summary>Records a locator (new, or revoked) durably.</summary>
    void SaveLocator(StoredLocator locator);

    StoredLocator? FindLocator(Digest locatorHash);

    /// <summary>
    /// An owner's locators, newest first (at most <paramref name="limit"/>), only of the deposit at
    /// <paramref name="leafIndex"/> when that is given.
    /// </summary>
    IReadOnlyList<StoredLocator> ReadLocatorsOfOwner(string ownerPartyId, ulong? leafIndex, int limit);
}
