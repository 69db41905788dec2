namespace EvidenceChain.Cli.Offline.Internal;

/// <summary>
/// What a verification examined, for the report's inputs section. <c>InputPath</c> is the receipt, or the
/// certificate PDF when <c>ProofPath</c>, its proof file, is set; <c>Content</c> is null when a certificate
/// is verified without its content. <c>RpcEndpoint</c> is the chain node given with <c>--rpc</c>, or null;
/// the path lists are the <c>--signing-root</c>, <c>--tsa-root</c> and <c>--operator-tsa</c> files, or null for none.
/// </summary>
internal sealed record VerifyInputs(
    string InputPath,
    string? ProofPath,
    ContentEvidence? Content,
    TrustedKeySet TrustedKeys,
    string? RpcEndpoint = null,
    IReadOnlyList<string>? SigningRootPaths = null,
    IReadOnlyList<string>? TsaRootPaths = null,
    IReadOnlyList<string>? OperatorTsaPaths = null)
{
    public bool ContentMatchesSaltFile => Content?.MatchesSaltFile ?? false;
}
