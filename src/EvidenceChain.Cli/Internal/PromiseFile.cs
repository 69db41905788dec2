using System.Buffers;
using System.Text;
using System.Text.Json;
using EvidenceChain.Cli.Offline.Internal;
using EvidenceChain.Core.Receipts;

namespace EvidenceChain.Cli.Internal;

/// <summary>
/// <c>NAME.promise.json</c>: what the service answered at acceptance, kept until the receipt
/// replaces it in practice (the receipt carries the same promise). The <c>promise</c> member has
/// the shape of the receipt's promise section (receipt.md §Promise), so it verifies the same way:
/// <code>
/// {
///   "format": "evidencechain-promise/v1",
///   "server": "http://127.0.0.1:5080",
///   "origin": "&lt;log origin&gt;",
///   "deposit_id": "&lt;64 hex digits: the leaf hash&gt;",
///   "leaf_index": 7,
///   "leaf": "&lt;base64 of the leaf bytes&gt;",
///   "promise": { "note": "&lt;signed note&gt;", "batch_index": 0, "batch_proof": ["&lt;base64&gt;"] }
/// }
/// </code>
/// Like a receipt, it holds no salt and no content.
/// </summary>
internal sealed record PromiseFile(string Server, string Origin, string DepositId, ulong LeafIndex, byte[] Leaf, PromiseSection Promise)
{
    public const string FormatV1 = "evidencechain-promise/v1";

    // Written for people as well as programs: keep '+' and '—' of signed notes as they are.
    private static readonly JsonWriterOptions s_indented = new()
    {
        Indented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Whether <paramref name="path"/> is a promise file (by its format member); false for anything else.</summary>
    public static bool IsPromiseFile(string path)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(InputFile.ReadText(path, Receipt.FileLengthMaxBytes));
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("format", out JsonElement format)
                && format.ValueKind == JsonValueKind.String
                && format.GetString() == FormatV1;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <exception cref="OnlineInputException">The file is not a well-formed promise file.</exception>
    public static PromiseFile Read(string path)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(InputFile.ReadText(path, Receipt.FileLengthMaxBytes));
            JsonElement root = document.RootElement;
            JsonElement promise = root.GetProperty("promise");
            return new PromiseFile(
                root.GetProperty("server").GetString()!,
                root.GetProperty("origin").GetString()!,
                root.GetProperty("deposit_id").GetString()!,
                root.GetProperty("leaf_index").GetUInt64(),
                root.GetProperty("leaf").GetBytesFromBase64(),
                new PromiseSection(
                    promise.GetProperty("note").GetString()!,
                    promise.GetProperty("batch_index").GetUInt64(),
                    [.. promise.GetProperty("batch_proof").EnumerateArray().Select(h => Core.Hashing.Digest.Read(h.GetBytesFromBase64()))]));
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException)
        {
            throw new OnlineInputException(OnlineProblem.ReceiptFileMalformed, path, e.Message);
        }
    }

    public string ToJson()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, s_indented))
        {
            writer.WriteStartObject();
            writer.WriteString("format", FormatV1);
            writer.WriteString("server", Server);
            writer.WriteString("origin", Origin);
            writer.WriteString("deposit_id", DepositId);
            writer.WriteNumber("leaf_index", LeafIndex);
            writer.WriteString("leaf", Convert.ToBase64String(Leaf));
            writer.WritePropertyName("promise");
            Promise.WriteJson(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }
}
