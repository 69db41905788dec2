namespace EvidenceChain.DepositCertificates;

/// <summary>The certificate's Chinese font could not be loaded: not installed, or not the collection expected.</summary>
public sealed class CertificateFontException : Exception
{
    public CertificateFontException(string path, string detail, Exception? inner = null)
        : base($"{path}: {detail}", inner)
    {
        FontPath = path;
        Detail = detail;
    }

    public CertificateFontException()
        : this(string.Empty, string.Empty)
    {
    }

    public CertificateFontException(string message)
        : this(string.Empty, message)
    {
    }

    public CertificateFontException(string message, Exception innerException)
        : this(string.Empty, message, innerException)
    {
    }

    /// <summary>The font collection that was read.</summary>
    public string FontPath { get; }

    /// <summary>What was wrong with it.</summary>
    public string Detail { get; }
}
