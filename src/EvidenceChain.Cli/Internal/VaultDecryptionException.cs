using EvidenceChain.Vault;

namespace EvidenceChain.Cli.Internal;

/// <summary>
/// A vault file that did not decrypt, with the output that was therefore not made. Caught once, in
/// <see cref="VaultWorkflow.RunAsync"/>, which prints one line and exits 1.
/// </summary>
internal sealed class VaultDecryptionException(VaultFormatException failure, string outputPath)
    : Exception(failure?.Message, failure)
{
    public VaultFormatException Failure { get; } = failure!;

    public string OutputPath { get; } = outputPath;
}
