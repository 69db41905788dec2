namespace EvidenceChain.Core.Custody;

/// <summary>What a custody event records (custody-event.md). Stable numbers: they are in the log.</summary>
public enum CustodyAction : byte
{
    /// <summary>A party other than its owner read a deposit's receipt.</summary>
    ReceiptRead = 1,

    /// <summary>Somebody read a deposit's receipt through a public locator.</summary>
    ReceiptReadByLocator = 2,

    /// <summary>The owner minted a public locator for a receipt.</summary>
    LocatorMinted = 3,

    /// <summary>The owner revoked a public locator.</summary>
    LocatorRevoked = 4,

    /// <summary>The notary office registered a party.</summary>
    PartyRegistered = 5,

    /// <summary>A request-signing key was bound to a party.</summary>
    KeyBound = 6,

    /// <summary>A request-signing key was revoked.</summary>
    KeyRevoked = 7,

    /// <summary>One of a party's certificates was revoked.</summary>
    CertificateRevoked = 8,

    /// <summary>A party was deactivated.</summary>
    PartyDeactivated = 9,

    /// <summary>Some units of a deposit were disclosed to a party (a court): the record carries a <see cref="CustodyDisclosure"/>.</summary>
    Disclosed = 10,

    /// <summary>
    /// The owner handed the service a vault file of a deposit to keep: ciphertext only, under a key the
    /// service never holds (vault.md). The record carries a <see cref="CustodyVaultObject"/>.
    /// </summary>
    VaultStored = 11,
}
