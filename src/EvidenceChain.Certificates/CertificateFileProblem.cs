namespace EvidenceChain.Certificates;

/// <summary>Why a certificate or key file could not be written or read. The numbers are stable.</summary>
public enum CertificateFileProblem
{
    /// <summary>The file to write exists already: certificate and key files are never overwritten.</summary>
    Exists = 1,

    /// <summary>The file to read does not exist.</summary>
    NotFound = 2,

    /// <summary>The operating system refused to read the file.</summary>
    Unreadable = 3,

    /// <summary>The operating system refused to write the file (no such folder, no permission, disk full).</summary>
    Unwritable = 4,

    /// <summary>The file is larger than <see cref="CertificateFiles.FileLengthMaxBytes"/>: not a certificate or key of ours.</summary>
    TooLarge = 5,

    /// <summary>The file holds no PEM certificate, or no unencrypted PKCS#8 ECDSA private key, that can be read.</summary>
    Malformed = 6,

    /// <summary>The private key file can be read or changed by users other than its owner.</summary>
    KeyOpenToOthers = 7,

    /// <summary>The private key is not the key of the certificate beside it.</summary>
    KeyDoesNotMatch = 8,
}
