using System.Text.Json;

namespace EvidenceChain.Core;

/// <summary>Strict helpers for the small JSON files of the formats: duplicate members are errors.</summary>
internal static class Json
{
    public static readonly JsonDocumentOptions Strict = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 16,
        AllowDuplicateProperties = false,
    };

    // Receipts are read by people too: keep '+' and '—' as they are. (The relaxed encoder only
    // matters when JSON is embedded in HTML, which these files never are.)
    public static readonly JsonWriterOptions Indented = new()
    {
        Indented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static bool TryParse(string text, out JsonDocument? document)
    {
        try
        {
            document = JsonDocument.Parse(text, Strict);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return true;
            }

            document.Dispose();
        }
        catch (JsonException)
        {
        }

        document = null;
        return false;
    }

    public static string? GetString(JsonElement element, string name) =>
        element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static bool TryGetUInt64(JsonElement element, string name, out ulong value)
    {
        value = 0;
        return element.TryGetProperty(name, out JsonElement member) && member.ValueKind == JsonValueKind.Number && member.TryGetUInt64(out value);
    }

    public static string Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Indented))
        {
            write(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }
}
