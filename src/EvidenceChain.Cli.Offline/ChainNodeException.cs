namespace EvidenceChain.Cli.Offline;

/// <summary>
/// The chain node of <c>verify --rpc</c> could not be reached, or did not answer in a way that can be
/// used (an HTTP or JSON-RPC error, a malformed answer). It says nothing about the receipt, so
/// <c>verify</c> prints one line and exits <see cref="ExitCode.UnusableInput"/>.
/// </summary>
internal sealed class ChainNodeException : Exception
{
    public ChainNodeException(string endpoint, bool isUnreachable, string detail, Exception? inner = null)
        : base($"{endpoint}: {detail}", inner)
    {
        Endpoint = endpoint;
        IsUnreachable = isUnreachable;
        Detail = detail;
    }

    public string Endpoint { get; }

    /// <summary>No answer at all (refused, timed out, name not resolved), as opposed to an answer that cannot be used.</summary>
    public bool IsUnreachable { get; }

    /// <summary>What went wrong, in English (from the OS or the node).</summary>
    public string Detail { get; }
}
