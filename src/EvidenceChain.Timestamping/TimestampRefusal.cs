namespace EvidenceChain.Timestamping;

/// <summary>
/// Why the TSA refused a request, in the order <see cref="TimestampAuthority.Respond"/> checks. Each maps
/// to one RFC 3161 PKIFailureInfo bit in a rejection response. The numbers are stable and never reused.
/// </summary>
public enum TimestampRefusal
{
    /// <summary>Nothing was refused: the response grants a token.</summary>
    None = 0,

    /// <summary>The request is not a version 1 DER TimeStampReq within the length limit, or its digest has the wrong length (badDataFormat).</summary>
    BadDataFormat = 1,

    /// <summary>The message imprint uses a hash other than SHA-256, SHA-384, SHA-512 or SM3 (badAlg).</summary>
    BadAlgorithm = 2,

    /// <summary>The request asks for a policy this TSA does not issue under (unacceptedPolicy).</summary>
    UnacceptedPolicy = 3,

    /// <summary>The request carries extensions; this TSA supports none (unacceptedExtension).</summary>
    UnacceptedExtension = 4,

    /// <summary>The TSA's clock is not known to be within its bound of a reference (timeNotAvailable).</summary>
    ClockNotTrusted = 5,

    /// <summary>The TSA's own certificate is not valid at the current time, so no token it signed would verify (systemFailure).</summary>
    TsaCertificateNotValid = 6,
}
