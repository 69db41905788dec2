namespace EvidenceChain.Cli;

/// <summary>The process exit codes. Scripts and courts' tooling depend on them, so the numbers never change.</summary>
internal enum ExitCode
{
    /// <summary>The command did its work; for <c>verify</c>, the receipt is valid.</summary>
    Success = 0,

    /// <summary><c>verify</c> only: the receipt, content and salt file were read, and the receipt is not valid.</summary>
    Invalid = 1,

    /// <summary>The input could not be used (missing or unreadable file, malformed salt file or key, no trusted key, bad arguments).</summary>
    UnusableInput = 2,
}
