namespace EvidenceChain.Engine.Ports;

/// <summary>A TSA the checkpoint stamper asks (RFC 3161): one request's DER in, the response's DER out.</summary>
public interface ITimestampAuthorityClient
{
    /// <summary>The TSA's configured name: unique among the configured TSAs, a label in receipts, never trusted.</summary>
    string Name { get; }

    /// <summary>Sends a DER TimeStampReq and returns the DER TimeStampResp as it came.</summary>
    /// <exception cref="TimestampAuthorityException">The TSA could not be reached or did not answer with a reply.</exception>
    Task<byte[]> ExchangeAsync(ReadOnlyMemory<byte> requestDer, CancellationToken cancellationToken);
}

/// <summary>A TSA did not answer with a time-stamp reply: unreachable, an HTTP error, another media type, too long.</summary>
public sealed class TimestampAuthorityException : Exception
{
    public TimestampAuthorityException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }

    public TimestampAuthorityException()
    {
    }

    public TimestampAuthorityException(string message)
        : base(message)
    {
    }
}
