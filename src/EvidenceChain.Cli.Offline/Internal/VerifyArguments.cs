namespace EvidenceChain.Cli.Offline.Internal;

/// <summary>
/// The <c>verify</c> command line, parsed. <see cref="InputPath"/> is the receipt or certificate PDF, told apart
/// by content once read; <see cref="ProofPath"/> the <c>--proof</c> file, or null for the default beside the PDF.
/// <see cref="Rpc"/> is the <c>--rpc</c> value as typed, or null; the path lists are the <c>--tsa-root</c>,
/// <c>--operator-tsa</c>, <c>--signing-root</c> and <c>--compromise</c> files.
/// </summary>
internal sealed record VerifyArguments(
    string InputPath,
    string? FilePath,
    string? DirectoryPath,
    string? SaltPath,
    IReadOnlyList<string> KeyArguments,
    string? TrustPath,
    string? Rpc,
    ulong DepthMin,
    IReadOnlyList<string> TsaRootPaths,
    IReadOnlyList<string> OperatorTsaPaths,
    string? ProofPath,
    IReadOnlyList<string> SigningRootPaths,
    IReadOnlyList<string> CompromisePaths)
{
    public bool HasContent => SaltPath is not null;
}
