namespace EvidenceChain.Cli.Internal;

/// <summary>
/// The <c>certificate</c> command line, parsed; optional values are null or empty when not given. Issued by the
/// service (<paramref name="Server"/>) unless <paramref name="Offline"/>.
/// </summary>
internal sealed record CertificateArguments(
    string ReceiptPath,
    string OutputPath,
    IReadOnlyList<string> KeyArguments,
    string? TrustPath,
    string? SaltPath,
    string? Locator,
    IReadOnlyList<string> TsaRootPaths,
    IReadOnlyList<string> OperatorTsaPaths,
    string? OperatorName,
    string? Filing,
    bool Offline,
    ServerChoice Server);
