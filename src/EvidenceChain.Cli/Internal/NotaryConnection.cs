using EvidenceChain.Protocol.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace EvidenceChain.Cli.Internal;

/// <summary>
/// The CLI's one channel to the notary service. Every call has a deadline, so a command never hangs
/// on a silent server, and every gRPC failure becomes a <see cref="ServerException"/> that names
/// the server: the one place where transport errors are translated.
/// </summary>
internal sealed class NotaryConnection : IDisposable
{
    /// <summary>Reads are answered from memory and disk; half a minute means the server is in trouble.</summary>
    public static readonly TimeSpan QueryTimeout = TimeSpan.FromSeconds(30);

    /// <summary>A deposit is answered once its batch is durable on the server's disk, which may queue behind others.</summary>
    public static readonly TimeSpan DepositTimeout = TimeSpan.FromSeconds(60);

    /// <summary>A receipt is at most 1 MiB (receipt.md); leave room for the rest of a message.</summary>
    private const int MessageLengthMaxBytes = 4 * 1024 * 1024;

    private readonly GrpcChannel _channel;
    private readonly EvidenceService.EvidenceServiceClient _client;

    public NotaryConnection(Uri server)
    {
        Server = server;
        _channel = GrpcChannel.ForAddress(server, new GrpcChannelOptions { MaxReceiveMessageSize = MessageLengthMaxBytes });
        _client = new EvidenceService.EvidenceServiceClient(_channel);
    }

    public Uri Server { get; }

    /// <summary>The address as the user should see it in messages (without a trailing slash).</summary>
    public string Address => Server.GetLeftPart(UriPartial.Authority);

    public Task<GetLogInfoResponse> GetLogInfoAsync(CancellationToken cancellationToken) =>
        CallAsync(() => _client.GetLogInfoAsync(new GetLogInfoRequest(), deadline: Deadline(QueryTimeout), cancellationToken: cancellationToken), cancellationToken);

    public Task<DepositResponse> DepositAsync(DepositRequest request, CancellationToken cancellationToken) =>
        CallAsync(() => _client.DepositAsync(request, deadline: Deadline(DepositTimeout), cancellationToken: cancellationToken), cancellationToken);

    public Task<GetReceiptResponse> GetReceiptAsync(GetReceiptRequest request, CancellationToken cancellationToken) =>
        CallAsync(() => _client.GetReceiptAsync(request, deadline: Deadline(QueryTimeout), cancellationToken: cancellationToken), cancellationToken);

    public Task<GetCheckpointResponse> GetCheckpointAsync(CancellationToken cancellationToken) =>
        CallAsync(() => _client.GetCheckpointAsync(new GetCheckpointRequest(), deadline: Deadline(QueryTimeout), cancellationToken: cancellationToken), cancellationToken);

    public Task<GetConsistencyProofResponse> GetConsistencyProofAsync(ulong firstTreeSize, ulong secondTreeSize, CancellationToken cancellationToken) =>
        CallAsync(
            () => _client.GetConsistencyProofAsync(
                new GetConsistencyProofRequest { FirstTreeSize = firstTreeSize, SecondTreeSize = secondTreeSize },
                deadline: Deadline(QueryTimeout),
                cancellationToken: cancellationToken),
            cancellationToken);

    public Task<GetAnchorStatusResponse> GetAnchorStatusAsync(GetAnchorStatusRequest request, CancellationToken cancellationToken) =>
        CallAsync(() => _client.GetAnchorStatusAsync(request, deadline: Deadline(QueryTimeout), cancellationToken: cancellationToken), cancellationToken);

    public void Dispose() => _channel.Dispose();

    private static DateTime Deadline(TimeSpan timeout) => DateTime.UtcNow + timeout;

    private async Task<T> CallAsync<T>(Func<AsyncUnaryCall<T>> start, CancellationToken cancellationToken)
    {
        try
        {
            using AsyncUnaryCall<T> call = start();
            return await call.ResponseAsync.ConfigureAwait(false);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled && cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("The command was interrupted.", e, cancellationToken);
        }
        catch (RpcException e)
        {
            // gRPC reports a refused or failed connection as UNAVAILABLE with the socket error as its
            // debug exception; a server that answers UNAVAILABLE itself sends no exception, only a message.
            Exception? connectionError = e.Status.DebugException;
            bool isUnreachable = e.StatusCode == StatusCode.Unavailable && connectionError is not null;
            string detail = isUnreachable ? Innermost(connectionError!).Message : e.Status.Detail;
            throw new ServerException(Server, e.StatusCode, OneLine(detail), isUnreachable, e);
        }
    }

    private static Exception Innermost(Exception exception)
    {
        while (exception.InnerException is not null)
        {
            exception = exception.InnerException;
        }

        return exception;
    }

    private static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
