using System.Text.Json;
using System.Text.Json.Serialization;

namespace EvidenceChain.Cli.Internal;

/// <summary>
/// The <c>case</c> commands' JSON files, read strictly: snake_case names, no unknown or repeated field,
/// every field without a default present, no null, numbers as numbers. Generated at build time (no reflection).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    AllowDuplicateProperties = false,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    NumberHandling = JsonNumberHandling.Strict,
    WriteIndented = true)]
[JsonSerializable(typeof(CaseConditionsJson))]
[JsonSerializable(typeof(CaseApprovalJson))]
internal sealed partial class CaseJsonContext : JsonSerializerContext
{
    /// <summary>Where the fault is and what it is, without the reader's own position suffix.</summary>
    public static string Describe(JsonException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        string message = exception.Message;
        int suffix = message.IndexOf(" Path: ", StringComparison.Ordinal);
        return $"{exception.Path ?? "$"}: {(suffix < 0 ? message : message[..suffix])}";
    }
}
