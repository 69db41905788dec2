namespace EvidenceChain.Timestamping;

/// <summary>
/// Why a TimeStampResp does not answer a <see cref="TimestampRequest"/>, in the order
/// <see cref="TimestampRequest.ReadResponse"/> checks. The numbers are stable and never reused.
/// </summary>
public enum TimestampResponseFailure
{
    /// <summary>The response answers the request with a token.</summary>
    None = 0,

    /// <summary>The bytes are not a DER TimeStampResp holding a token over a TSTInfo.</summary>
    Malformed = 1,

    /// <summary>The TSA refused (status neither granted nor grantedWithMods); the detail carries its status text and failure bits.</summary>
    Rejected = 2,

    /// <summary>The token dates another message imprint, or the same digest under another algorithm.</summary>
    WrongImprint = 3,

    /// <summary>The token's nonce is missing or is not the request's: a replayed or misrouted answer.</summary>
    WrongNonce = 4,

    /// <summary>The request named a policy and the token was issued under another.</summary>
    WrongPolicy = 5,

    /// <summary>The request asked for the TSA's certificate and the token carries none.</summary>
    CertificateMissing = 6,
}
