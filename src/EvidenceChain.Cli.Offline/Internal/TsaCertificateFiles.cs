using EvidenceChain.Core.Receipts;

namespace EvidenceChain.Cli.Offline.Internal;

/// <summary>
/// Reads the TSA certificates a verification trusts (receipt.md §Timestamps): <c>--tsa-root</c> files,
/// the roots a court accepts, and <c>--operator-tsa</c> files, the operator's own TSA certificates whose
/// tokens are labelled operator time. Like the log's keys, they come only from the verifier, never from
/// the receipt.
/// </summary>
internal static class TsaCertificateFiles
{
    public const string RootOption = "--tsa-root";
    public const string OperatorOption = "--operator-tsa";

    /// <summary>The trust for <see cref="ReceiptVerifier"/>; null when no root was given, so tokens are reported as not checked.</summary>
    public static TimestampTrust? Load(IReadOnlyList<string> rootPaths, IReadOnlyList<string> operatorPaths) =>
        rootPaths.Count == 0 ? null : new TimestampTrust(PemCertificateFiles.ReadAll(rootPaths), PemCertificateFiles.ReadAll(operatorPaths));
}
