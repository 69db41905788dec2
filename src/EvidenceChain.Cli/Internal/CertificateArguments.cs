namespace EvidenceChain.Cli.Internal;

/// <summary>The <c>certificate</c> command line, parsed; optional values are null or empty when not given.</summary>
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
    string? Filing);
