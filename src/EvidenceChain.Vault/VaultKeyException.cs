namespace EvidenceChain.Vault;

/// <summary>A vault key file that cannot be used or made, named by <see cref="Problem"/>; the message never holds key material.</summary>
public sealed class VaultKeyException : Exception
{
    public VaultKeyException()
    {
    }

    public VaultKeyException(string message)
        : base(message)
    {
    }

    public VaultKeyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal VaultKeyException(VaultKeyProblem problem, string path, string detail, string message, Exception? innerException)
        : base(message, innerException)
    {
        Problem = problem;
        Path = path;
        Detail = detail;
    }

    public VaultKeyProblem Problem { get; }

    /// <summary>The key file's path.</summary>
    public string Path { get; } = string.Empty;

    /// <summary>What was found (a file mode, a length, the system's message); never key material.</summary>
    public string Detail { get; } = string.Empty;
}
