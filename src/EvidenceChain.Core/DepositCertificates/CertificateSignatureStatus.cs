namespace EvidenceChain.Core.DepositCertificates;

/// <summary>Why a certificate PDF's signature did or did not verify, in the order checked. Numbers never change.</summary>
public enum CertificateSignatureStatus
{
    Valid = 0,

    /// <summary>No signature dictionary with a /ByteRange, or more than one: one signature, made when the certificate was rendered, is all there may be.</summary>
    SignatureMustBeTheOnlyOne = 1,

    /// <summary>The /ByteRange is not four non-negative integers, or its ranges do not start at 0 and end at the file's end around one hex-string hole.</summary>
    ByteRangeMustCoverTheWholeFile = 2,

    /// <summary>The signature dictionary is not <c>/Type /Sig</c> with <c>/SubFilter /ETSI.CAdES.detached</c> (PAdES).</summary>
    SubFilterMustBePades = 3,

    /// <summary>The hole does not hold a CMS SignedData with one signer and its certificate, followed only by zero padding.</summary>
    ContentsMustBeCms = 4,

    /// <summary>The digest is not SHA-256 (ECDSA) or SM3 (SM2).</summary>
    DigestAlgorithmNotAllowed = 5,

    /// <summary>The signing-certificate-v2 attribute is missing or names another certificate.</summary>
    SigningCertificateMismatch = 6,

    /// <summary>The CMS signature does not verify over the byte ranges under the certificate it carries: the PDF was changed.</summary>
    BadSignature = 7,
}
