namespace EvidenceChain.Certificates;

/// <summary>
/// A certificate or key file that could not be written or read: <see cref="Problem"/> names why,
/// <see cref="Path"/> which file, and <see cref="Detail"/> says more (often the operating system's
/// words). Callers translate it once, at their edge (the CLI into one line and exit code 2).
/// </summary>
public sealed class CertificateFileException : Exception
{
    public CertificateFileException(CertificateFileProblem problem, string path, string detail, Exception? innerException = null)
        : base($"{problem}: {path}{(detail.Length > 0 ? ": " + detail : string.Empty)}", innerException)
    {
        Problem = problem;
        Path = path;
        Detail = detail;
    }

    public CertificateFileProblem Problem { get; }

    public string Path { get; }

    public string Detail { get; }
}
