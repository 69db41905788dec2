using EvidenceChain.Engine.Deposits;
using EvidenceChain.Engine.Queries;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace EvidenceChain.Service.Internal;

/// <summary>
/// The one place where engine outcomes become gRPC statuses: a code, a sentence a person
/// understands and, for bad input, a BadRequest detail naming the field.
/// </summary>
internal static class StatusErrors
{
    public static RpcException For(DepositOutcomeStatus status, string detail) => RequestMetrics.WithReason(ForCore(status, detail), status);

    public static RpcException For(QueryException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return RequestMetrics.WithReason(ForCore(exception), exception.Failure);
    }

    private static RpcException ForCore(DepositOutcomeStatus status, string detail) => status switch
    {
        DepositOutcomeStatus.InvalidRequest => Invalid("entries", detail),
        DepositOutcomeStatus.BadSignature => Invalid("signature", detail),
        DepositOutcomeStatus.QueueFull => Plain(Code.ResourceExhausted, detail),
        DepositOutcomeStatus.Unavailable => Plain(Code.Unavailable, detail),
        DepositOutcomeStatus.Replayed => Plain(Code.AlreadyExists, detail),
        DepositOutcomeStatus.Stale => Invalid("issued_at_ms", detail),
        _ => Plain(Code.Internal, detail),
    };

    private static RpcException ForCore(QueryException exception) => exception.Failure switch
    {
        QueryFailure.NotFound => Plain(Code.NotFound, exception.Message),
        QueryFailure.OutOfRange => Plain(Code.OutOfRange, exception.Message),
        QueryFailure.InvalidArgument => Invalid("request", exception.Message),
        QueryFailure.NotYetSigned => Plain(Code.FailedPrecondition, exception.Message),
        QueryFailure.PermissionDenied => Plain(Code.PermissionDenied, exception.Message),
        QueryFailure.Unauthenticated => Plain(Code.Unauthenticated, exception.Message),
        QueryFailure.Conflict => Plain(Code.AlreadyExists, exception.Message),
        QueryFailure.Unavailable => Plain(Code.Unavailable, exception.Message),
        QueryFailure.Held => Plain(Code.FailedPrecondition, exception.Message),
        QueryFailure.FailedPrecondition => Plain(Code.FailedPrecondition, exception.Message),
        _ => Plain(Code.Internal, exception.Message),
    };

    /// <summary>Runs an engine call; its refusal becomes the matching status.</summary>
    public static T Run<T>(Func<T> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            return call();
        }
        catch (QueryException e)
        {
            throw For(e);
        }
    }

    /// <summary>Runs an asynchronous engine call; its refusal becomes the matching status.</summary>
    public static async Task<T> RunAsync<T>(Func<Task<T>> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (QueryException e)
        {
            throw For(e);
        }
    }

    /// <summary>INVALID_ARGUMENT with a field violation: the request is wrong and nothing changed.</summary>
    public static RpcException Invalid(string field, string description) => new Google.Rpc.Status
    {
        Code = (int)Code.InvalidArgument,
        Message = $"{field}: {description}",
        Details =
        {
            Any.Pack(new BadRequest
            {
                FieldViolations = { new BadRequest.Types.FieldViolation { Field = field, Description = description } },
            }),
        },
    }.ToRpcException();

    private static RpcException Plain(Code code, string message) => new Google.Rpc.Status { Code = (int)code, Message = message }.ToRpcException();
}
