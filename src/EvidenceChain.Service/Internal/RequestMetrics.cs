using System.Diagnostics.Metrics;
using System.Text;
using EvidenceChain.Engine.Observability;
using Grpc.Core;

namespace EvidenceChain.Service.Internal;

/// <summary>
/// The refused requests, counted by why (<c>evidencechain.requests.rejected</c>, docs/operations.md):
/// on the gRPC port by status code and reason, on the public listener its rate limit. The reason is a
/// word fixed in code — the engine's result name, snake_case, set where <see cref="StatusErrors"/>
/// makes the status, else the status code's name — never the message, which may quote the request.
/// </summary>
internal sealed class RequestMetrics : IDisposable
{
    private const string ReasonKey = "evidencechain.reason";
    private readonly Meter _meter;
    private readonly Counter<long> _rejected;

    public RequestMetrics(string meterName = LogMetrics.MeterName)
    {
        _meter = new Meter(meterName);
        _rejected = _meter.CreateCounter<long>(
            "evidencechain.requests.rejected", "{request}", "Requests refused, by gRPC status code (or HTTP status on the public listener) and reason.");
    }

    /// <summary>Marks <paramref name="exception"/> with the reason it is counted under (kept in the process, never sent).</summary>
    public static RpcException WithReason(RpcException exception, Enum reason)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(reason);
        exception.Data[ReasonKey] = SnakeCase(reason.ToString());
        return exception;
    }

    /// <summary>Marks <paramref name="exception"/> with a reason word fixed in code (snake_case).</summary>
    public static RpcException WithReason(RpcException exception, string reason)
    {
        ArgumentNullException.ThrowIfNull(exception);
        exception.Data[ReasonKey] = reason;
        return exception;
    }

    /// <summary>The reason an exception is counted under: its mark, else its status code's name.</summary>
    public static string ReasonOf(RpcException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.Data[ReasonKey] as string ?? SnakeCase(exception.StatusCode.ToString());
    }

    public void Rejected(RpcException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        _rejected.Add(
            1,
            new KeyValuePair<string, object?>("rpc.grpc.status_code", (int)exception.StatusCode),
            new KeyValuePair<string, object?>("error.type", ReasonOf(exception)));
    }

    /// <summary>A call that failed with an exception that is not a status (a bug): counted as INTERNAL.</summary>
    public void Failed() => _rejected.Add(
        1,
        new KeyValuePair<string, object?>("rpc.grpc.status_code", (int)StatusCode.Internal),
        new KeyValuePair<string, object?>("error.type", "unhandled"));

    /// <summary>The public listener's rate limit refused a request.</summary>
    public void RateLimited() => _rejected.Add(
        1,
        new KeyValuePair<string, object?>("http.response.status_code", StatusCodes.Status429TooManyRequests),
        new KeyValuePair<string, object?>("error.type", "rate_limited"));

    public void Dispose() => _meter.Dispose();

    /// <summary><c>QueueFull</c> → <c>queue_full</c>; input is an enum member name.</summary>
    internal static string SnakeCase(string name)
    {
        var text = new StringBuilder(name.Length + 4);
        for (int i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                text.Append('_');
            }

            text.Append(char.ToLowerInvariant(name[i]));
        }

        return text.ToString();
    }
}
