using System.Net.Http.Headers;
using EvidenceChain.Engine.Ports;
using EvidenceChain.Timestamping;

namespace EvidenceChain.Service.Internal;

/// <summary>An outside TSA over HTTP, as RFC 3161 §3.4 has it: POST application/timestamp-query, an application/timestamp-reply back.</summary>
internal sealed class HttpTimestampAuthorityClient(string name, Uri url, HttpClient http) : ITimestampAuthorityClient
{
    /// <summary>The longest reply read: a token with a certificate chain is a few KiB.</summary>
    private const int ReplyLengthMaxBytes = 64 * 1024;

    public string Name => name;

    public async Task<byte[]> ExchangeAsync(ReadOnlyMemory<byte> requestDer, CancellationToken cancellationToken)
    {
        using var content = new ReadOnlyMemoryContent(requestDer);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/timestamp-query");
        try
        {
            using HttpResponseMessage response = await http.PostAsync(url, content, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new TimestampAuthorityException($"{url} answered HTTP {(int)response.StatusCode}");
            }

            if (response.Content.Headers.ContentType?.MediaType != "application/timestamp-reply")
            {
                throw new TimestampAuthorityException($"{url} answered {response.Content.Headers.ContentType?.MediaType ?? "no media type"}, not application/timestamp-reply");
            }

            byte[] reply = new byte[ReplyLengthMaxBytes + 1];
            await using Stream body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            int length = await body.ReadAtLeastAsync(reply, reply.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            return length <= ReplyLengthMaxBytes
                ? reply[..length]
                : throw new TimestampAuthorityException($"{url} answered more than {ReplyLengthMaxBytes} bytes");
        }
        catch (HttpRequestException e)
        {
            throw new TimestampAuthorityException($"{url} could not be reached: {e.Message}", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimestampAuthorityException($"{url} did not answer within {http.Timeout.TotalSeconds} s", e);
        }
    }
}
