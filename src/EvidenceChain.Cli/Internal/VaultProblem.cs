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

    /// <summary>The file to hand over is not a vault file (a plaintext given by mistake is never sent).</summary>
    NotAVaultFile = 7,

    /// <summary>The vault file asked for is not among those kept for the deposit.</summary>
    NotKept = 8,
}
