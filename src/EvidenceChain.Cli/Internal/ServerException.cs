using Grpc.Core;

namespace EvidenceChain.Cli.Internal;

/// <summary>
/// The server refused a call, failed it, or could not be reached. <see cref="OnlineCommand"/> prints
/// it as one line naming the server and exits 2.
/// </summary>
internal sealed class ServerException : Exception
{
    public ServerException(Uri server, StatusCode code, string detail, bool isUnreachable, Exception? inner = null)
        : base($"{server}: {code}: {detail}", inner)
    {
        Server = server;
        Code = code;
        Detail = detail;
        IsUnreachable = isUnreachable;
    }

    public Uri Server { get; }

    public StatusCode Code { get; }

    /// <summary>The server's own message (English), or what the connection attempt reported.</summary>
    public string Detail { get; }

    /// <summary>No connection could be made: nothing reached the server.</summary>
    public bool IsUnreachable { get; }
}
