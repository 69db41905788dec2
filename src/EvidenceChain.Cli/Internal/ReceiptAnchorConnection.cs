using EvidenceChain.Protocol.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace EvidenceChain.Cli.Internal;

/// <summary>
/// GetAnchorStatus for <c>receipt</c>, on a channel of its own to the same server, with the same
/// deadline and the same translation of gRPC failures into <see cref="ServerException"/> as
/// <see cref="NotaryConnection"/>. (It belongs on NotaryConnection; it sits here until that file
/// gains the call, so the receipt work did not edit a file other commands are changing.)
/// </summary>
internal sealed class ReceiptAnchorConnection : IDisposable
{
    private readonly GrpcChannel _channel;
    private readonly EvidenceService.EvidenceServiceClient _client;

    public ReceiptAnchorConnection(Uri server)
    {
        Server = server;
        _channel = GrpcChannel.ForAddress(server);
        _client = new EvidenceService.EvidenceServiceClient(_channel);
    }

    public Uri Server { get; }

    public async Task<GetAnchorStatusResponse> GetAnchorStatusAsync(GetAnchorStatusRequest request, CancellationToken cancellationToken)
    {
        try
        {
            using AsyncUnaryCall<GetAnchorStatusResponse> call = _client.GetAnchorStatusAsync(
                request,
                deadline: DateTime.UtcNow + NotaryConnection.QueryTimeout,
                cancellationToken: cancellationToken);
            return await call.ResponseAsync.ConfigureAwait(false);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled && cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("The command was interrupted.", e, cancellationToken);
        }
        catch (RpcException e)
        {
            Exception? connectionError = e.Status.DebugException;
            bool isUnreachable = e.StatusCode == StatusCode.Unavailable && connectionError is not null;
            string detail = isUnreachable ? Innermost(connectionError!).Message : e.Status.Detail;
            throw new ServerException(Server, e.StatusCode, string.Join(' ', detail.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)), isUnreachable, e);
        }
    }

    public void Dispose() => _channel.Dispose();

    private static Exception Innermost(Exception exception)
    {
        while (exception.InnerException is not null)
        {
            exception = exception.InnerException;
        }

        return exception;
    }
}
