namespace EvidenceChain.Cli.Offline.Internal;

/// <summary>
/// What a verification examined, for the report's first section. <c>ContentMatchesSaltFile</c> says
/// whether the recomputed units roots equal the ones the salt file records: on a commitment mismatch
/// it tells "the content changed" apart from "the receipt is for another deposit". <c>RpcEndpoint</c> is
/// the chain node given with <c>--rpc</c>, or null; <c>TsaRootPaths</c> and <c>OperatorTsaPaths</c> the
/// <c>--tsa-root</c> and <c>--operator-tsa</c> files, or null for none.
/// </summary>
internal sealed record VerifyInputs(
    string ReceiptPath,
    string ContentPath,
    bool ContentIsDirectory,
    string SaltFilePath,
    TrustedKeySet TrustedKeys,
    bool ContentMatchesSaltFile,
    string? RpcEndpoint = null,
    IReadOnlyList<string>? TsaRootPaths = null,
    IReadOnlyList<string>? OperatorTsaPaths = null);
