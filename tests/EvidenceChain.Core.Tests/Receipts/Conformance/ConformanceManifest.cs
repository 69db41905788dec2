using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace EvidenceChain.Core.Tests.Receipts.Conformance;

/// <summary>
/// tests/vectors/receipts/manifest.json: every conformance case, the inputs a verifier is given for it and
/// what it must answer. Written by <see cref="ConformanceFolder"/>, read by <see cref="ReceiptConformanceTests"/>
/// and by any second verifier, so it is plain snake_case JSON with times as RFC 3339 UTC text.
/// </summary>
internal sealed record ConformanceManifest(string Format, string Description, IReadOnlyList<ConformanceCase> Cases)
{
    public const string FormatV1 = "evidencechain-receipt-conformance/v1";

    public const string FileName = "manifest.json";

    private static readonly JsonSerializerOptions s_options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        // Certificate subjects ("CN=…") and signed-note lines stay readable instead of \u-escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string ToJson() => JsonSerializer.Serialize(this, s_options) + "\n";

    public static ConformanceManifest Parse(string json) =>
        JsonSerializer.Deserialize<ConformanceManifest>(json, s_options) ?? throw new InvalidDataException("the manifest is JSON null");

    /// <summary>One text form for every reported time, to the millisecond, so a second verifier compares strings or instants alike.</summary>
    public static string Instant(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
