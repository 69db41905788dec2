namespace EvidenceChain.Cli.Offline.Internal;

/// <summary>
/// The <c>verify</c> command line, parsed. <see cref="Rpc"/> is the <c>--rpc</c> value as typed, or null;
/// <see cref="TsaRootPaths"/> and <see cref="OperatorTsaPaths"/> are the <c>--tsa-root</c> and <c>--operator-tsa</c> files.
/// </summary>
internal sealed record VerifyArguments(
    string ReceiptPath,
    string? FilePath,
    string? DirectoryPath,
    string SaltPath,
    IReadOnlyList<string> KeyArguments,
    string? TrustPath,
    string? Rpc,
    ulong DepthMin,
    IReadOnlyList<string> TsaRootPaths,
    IReadOnlyList<string> OperatorTsaPaths);
