using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using EvidenceChain.Cli.Offline;

namespace EvidenceChain.Cli.Internal;

/// <summary>
/// The chain node of <c>verify --rpc</c>: Ethereum JSON-RPC 2.0 over HTTP, four read-only calls
/// (<c>eth_chainId</c>, and <c>eth_getBlockByNumber</c> with a number, <c>finalized</c> and
/// <c>latest</c>). Written on <see cref="HttpClient"/> rather than Nethereum: these four calls are a
/// page of code a court's expert can read, and Nethereum's types stay inside the chain adapter
/// (STYLE.md), which the verifier does not need. Every call has a deadline and a size limit, and
/// redirects are not followed, so the node the report names is the node that answered.
/// </summary>
internal sealed class CanonicalityRpcNode : IChainNode
{
    /// <summary>A block header lookup is answered from the node's index; half a minute means it is in trouble.</summary>
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    /// <summary>A block asked for without transaction bodies lists only their hashes; the largest such answers are far below this.</summary>
    public const int ResponseLengthMaxBytes = 4 * 1024 * 1024;

    private readonly HttpClient _http;
    private readonly Uri _address;
    private long _requestId;

    private CanonicalityRpcNode(Uri address)
    {
        _address = address;
        Endpoint = VerifyCommand.EndpointName(address);
        _http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public string Endpoint { get; }

    /// <summary>What <c>verify</c> is given to open the node named by <c>--rpc</c>.</summary>
    public static IChainNode Connect(Uri address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return new CanonicalityRpcNode(address);
    }

    public async Task<long> GetChainIdAsync(CancellationToken cancellationToken)
    {
        JsonElement result = await CallForResultAsync("eth_chainId", null, cancellationToken).ConfigureAwait(false);
        ulong chainId = ReadQuantity(result, "the answer to eth_chainId");
        return chainId is > 0 and <= long.MaxValue ? (long)chainId : throw Unusable($"eth_chainId answered {result.GetRawText()}, which is no chain id");
    }

    public async Task<ChainBlock?> GetBlockAsync(ulong blockNumber, CancellationToken cancellationToken)
    {
        string tag = "0x" + blockNumber.ToString("x", CultureInfo.InvariantCulture);
        JsonElement result = await CallForResultAsync("eth_getBlockByNumber", tag, cancellationToken).ConfigureAwait(false);
        if (result.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        ChainBlock block = ReadBlock(result, tag);
        return block.Number == blockNumber ? block : throw Unusable($"asked for block {blockNumber}, the node answered block {block.Number}");
    }

    public async Task<ChainBlock?> GetFinalizedBlockAsync(CancellationToken cancellationToken)
    {
        // Clients without the tag (before the merge, or on chains without a finality gadget) answer
        // with an error or null; either means "use the depth rule", never "final".
        (JsonElement? result, _) = await CallAsync("eth_getBlockByNumber", "finalized", cancellationToken).ConfigureAwait(false);
        return result is JsonElement block && block.ValueKind != JsonValueKind.Null ? ReadBlock(block, "finalized") : null;
    }

    public async Task<ChainBlock> GetLatestBlockAsync(CancellationToken cancellationToken)
    {
        JsonElement result = await CallForResultAsync("eth_getBlockByNumber", "latest", cancellationToken).ConfigureAwait(false);
        return result.ValueKind != JsonValueKind.Null ? ReadBlock(result, "latest") : throw Unusable("the node has no latest block");
    }

    public void Dispose() => _http.Dispose();

    private ulong ReadQuantity(JsonElement element, string what)
    {
        // A quantity is 0x followed by at most 16 hex digits here (block numbers and chain ids fit in 64 bits).
        string? text = element.ValueKind == JsonValueKind.String ? element.GetString() : null;
        return text is { Length: > 2 and <= 18 } && text.StartsWith("0x", StringComparison.Ordinal)
            && ulong.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ulong value)
            ? value
            : throw Unusable($"{what} is {element.GetRawText()}, not a hex quantity");
    }

    private ChainBlock ReadBlock(JsonElement block, string asked)
    {
        if (block.ValueKind != JsonValueKind.Object
            || !block.TryGetProperty("number", out JsonElement number)
            || !block.TryGetProperty("hash", out JsonElement hash)
            || hash.ValueKind != JsonValueKind.String
            || hash.GetString() is not string hashText
            || !IsHash(hashText))
        {
            throw Unusable($"the block it gave for '{asked}' has no number and 32-byte hash");
        }

        return new ChainBlock(ReadQuantity(number, $"the number of block '{asked}'"), hashText.ToLowerInvariant());
    }

    private static bool IsHash(string text) =>
        text.Length == 66 && text.StartsWith("0x", StringComparison.Ordinal) && text.Skip(2).All(char.IsAsciiHexDigit);

    private async Task<JsonElement> CallForResultAsync(string method, string? blockTag, CancellationToken cancellationToken)
    {
        (JsonElement? result, string? error) = await CallAsync(method, blockTag, cancellationToken).ConfigureAwait(false);
        return result ?? throw Unusable($"{method} failed: {error}");
    }

    /// <summary>One JSON-RPC call; the result, or the node's error as one line. <paramref name="blockTag"/> makes it a block query without transaction bodies.</summary>
    private async Task<(JsonElement? Result, string? Error)> CallAsync(string method, string? blockTag, CancellationToken cancellationToken)
    {
        long id = Interlocked.Increment(ref _requestId);
        using var body = new MemoryStream();
        using (var writer = new Utf8JsonWriter(body))
        {
            writer.WriteStartObject();
            writer.WriteString("jsonrpc", "2.0");
            writer.WriteNumber("id", id);
            writer.WriteString("method", method);
            writer.WriteStartArray("params");
            if (blockTag is not null)
            {
                writer.WriteStringValue(blockTag);
                writer.WriteBooleanValue(false);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CallTimeout);
        byte[] answer;
        try
        {
            using var content = new ByteArrayContent(body.ToArray());
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using HttpResponseMessage response = await _http.PostAsync(_address, content, timeout.Token).ConfigureAwait(false);
            if (response.StatusCode is >= HttpStatusCode.MultipleChoices and < HttpStatusCode.BadRequest)
            {
                throw Unusable($"HTTP {(int)response.StatusCode}, a redirect to {response.Headers.Location}; it is not followed: give the node's own address");
            }

            if (!response.IsSuccessStatusCode)
            {
                throw Unusable($"HTTP {(int)response.StatusCode} {response.ReasonPhrase} to {method}");
            }

            answer = await ReadLimitedAsync(response, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ChainNodeException(Endpoint, isUnreachable: true, $"no answer to {method} within {CallTimeout.TotalSeconds:0} s", e);
        }
        catch (HttpRequestException e)
        {
            throw new ChainNodeException(Endpoint, isUnreachable: true, Innermost(e).Message, e);
        }

        return ReadAnswer(answer, id, method);
    }

    private async Task<byte[]> ReadLimitedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        using Stream stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        byte[] chunk = new byte[64 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > ResponseLengthMaxBytes)
            {
                throw Unusable($"the answer is longer than {ResponseLengthMaxBytes} bytes");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private (JsonElement? Result, string? Error) ReadAnswer(byte[] answer, long id, string method)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(answer);
        }
        catch (JsonException e)
        {
            throw Unusable($"the answer to {method} is not JSON: {e.Message}");
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("id", out JsonElement answerId)
                || !answerId.TryGetInt64(out long answered) || answered != id)
            {
                throw Unusable($"the answer to {method} is not a JSON-RPC response to it");
            }

            if (root.TryGetProperty("error", out JsonElement error) && error.ValueKind != JsonValueKind.Null)
            {
                string code = error.TryGetProperty("code", out JsonElement c) ? c.GetRawText() : "?";
                string message = error.TryGetProperty("message", out JsonElement m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : error.GetRawText();
                return (null, $"error {code}: {OneLine(message)}");
            }

            return root.TryGetProperty("result", out JsonElement result)
                ? (result.Clone(), null)
                : throw Unusable($"the answer to {method} has neither result nor error");
        }
    }

    private ChainNodeException Unusable(string detail) => new(Endpoint, isUnreachable: false, detail);

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
