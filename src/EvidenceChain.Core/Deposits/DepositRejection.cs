namespace EvidenceChain.Core.Deposits;

/// <summary>Why a deposit request is refused, checked in this order. Stable numbers.</summary>
public enum DepositRejection
{
    None = 0,
    NoEntries = 1,
    TooManyEntries = 2,
    UnknownContentKind = 3,
    UnitCountOutOfRange = 4,
    MalformedDigest = 5,
    MalformedPublicKey = 6,
    MalformedSignature = 7,
    BadSignature = 8,

    /// <summary>A v2 request's nonce is not 16 bytes, or its time is before 1970.</summary>
    MalformedStamp = 9,
}
