namespace EvidenceChain.Timestamping;

/// <summary>The TSA key types this library signs with, each with its one signature hash. The numbers are stable and never reused.</summary>
public enum TsaKeyAlgorithm
{
    /// <summary>ECDSA on NIST P-256 with SHA-256.</summary>
    EcdsaP256 = 1,

    /// <summary>RSA (2,048 bits or more) with PKCS #1 v1.5 and SHA-256.</summary>
    Rsa = 2,

    /// <summary>SM2 with SM3 (GB/T 32918.2, GM/T 0010 for CMS), for national-algorithm deployments.</summary>
    Sm2 = 3,
}
