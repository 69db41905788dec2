namespace EvidenceChain.Timestamping;

/// <summary>
/// The hash algorithms a message imprint may use (RFC 3161 §2.4.1). The TSA refuses any other with
/// <c>badAlg</c>; SHA-1 and MD5 are left out on purpose, since a collision would let one token date two
/// documents. The numbers are stable and never reused.
/// </summary>
public enum TimestampHash
{
    /// <summary>SHA-256 (FIPS 180-4), OID 2.16.840.1.101.3.4.2.1: the default.</summary>
    Sha256 = 1,

    /// <summary>SHA-384 (FIPS 180-4), OID 2.16.840.1.101.3.4.2.2.</summary>
    Sha384 = 2,

    /// <summary>SHA-512 (FIPS 180-4), OID 2.16.840.1.101.3.4.2.3.</summary>
    Sha512 = 3,

    /// <summary>SM3 (GB/T 32905-2016), OID 1.2.156.10197.1.401: for national-algorithm deployments.</summary>
    Sm3 = 4,
}
