namespace EvidenceChain.Core.Access;

/// <summary>
/// Why a public key cannot be a party key (<see cref="PartyKey.Check"/>): each member names the
/// rule broken. Checked in this order; numbers never change.
/// </summary>
public enum PartyKeyRejection
{
    None = 0,

    /// <summary>The algorithm is not one of <see cref="PartyKeyAlgorithm"/>.</summary>
    AlgorithmUnknown = 1,

    /// <summary>An Ed25519 public key is exactly 32 bytes.</summary>
    Ed25519KeyMustBe32Bytes = 2,

    /// <summary>A user ID belongs to SM2 keys only; an Ed25519 key has none.</summary>
    UserIdOnlyForSm2 = 3,

    /// <summary>An SM2 public key is exactly 65 bytes (an uncompressed point).</summary>
    Sm2KeyMustBe65Bytes = 4,

    /// <summary>An SM2 public key starts with 0x04 (uncompressed; compressed points are not accepted).</summary>
    Sm2KeyMustBeUncompressedPoint = 5,

    /// <summary>An SM2 public key is a point on sm2p256v1 other than the point at infinity.</summary>
    Sm2KeyMustBeOnCurve = 6,

    /// <summary>An SM2 user ID has at most <see cref="PartyKey.Sm2UserIdLengthMaxBytes"/> bytes.</summary>
    Sm2UserIdTooLong = 7,

    /// <summary>A stored SM2 key states its user ID; the empty ID is not used (empty input means the default).</summary>
    Sm2UserIdMustNotBeEmpty = 8,
}
