namespace EvidenceChain.Timestamping;

/// <summary>
/// Why a timestamp token does not prove its time for an imprint. Members name the rule broken and are listed
/// in the order <see cref="TimestampTokenVerifier.Verify"/> checks them: trust and the signature come before
/// anything the signature covers is believed. The numbers are stable and never reused.
/// </summary>
public enum TimestampFailure
{
    /// <summary>Nothing failed: the token proves its time.</summary>
    None = 0,

    /// <summary>
    /// The bytes are not a DER CMS SignedData with exactly one signer, signed attributes and an encapsulated
    /// TSTInfo (version 1), or are longer than the limit.
    /// </summary>
    Malformed = 1,

    /// <summary>The token does not carry the certificate its signer info names (it was requested without certReq).</summary>
    SignerCertificateMissing = 2,

    /// <summary>The signer's certificate does not chain to a configured trust anchor through CA certificates in the token.</summary>
    UntrustedTsa = 3,

    /// <summary>The signature, or the content-type or message-digest attribute it covers, does not verify with the signer certificate's key.</summary>
    BadSignature = 4,

    /// <summary>
    /// The signing-certificate attribute (ESSCertID or ESSCertIDv2, RFC 5816) is missing or names another
    /// certificate: without it an attacker holding a second certificate for the same key could swap it in.
    /// </summary>
    CertificateBindingMismatch = 5,

    /// <summary>The signer certificate's extended key usage is not timeStamping alone, marked critical (RFC 3161 §2.3).</summary>
    WrongExtendedKeyUsage = 6,

    /// <summary>The token's genTime falls outside the validity of a certificate on its chain: signer, intermediate or anchor.</summary>
    NotValidAtGenTime = 7,

    /// <summary>The token dates another message imprint, or the same digest under another algorithm.</summary>
    WrongImprint = 8,
}
