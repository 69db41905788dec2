namespace EvidenceChain.Cli.Internal;

/// <summary>
/// Why a <c>vault</c> command cannot use its input (exit code 2), besides the key file's own
/// <see cref="Vault.VaultKeyProblem"/>s. Each member has one sentence per language in <see cref="VaultText"/>.
/// </summary>
internal enum VaultProblem
{
    InputNotFound = 1,
    InputUnreadable = 2,
    OutputExists = 3,
    OutputUnwritable = 4,
    SegmentSizeInvalid = 5,
    StreamFailed = 6,
}
