using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using EvidenceChain.Cli.Offline.Internal;

namespace EvidenceChain.Cli.Internal;

/// <summary>
/// The <c>case</c> and <c>sale</c> commands' JSON files, read strictly: snake_case names, no unknown or repeated field,
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
[JsonSerializable(typeof(SaleTermsJson))]
[JsonSerializable(typeof(SaleTiersJson))]
[JsonSerializable(typeof(SalePlanJson))]
internal sealed partial class CaseJsonContext : JsonSerializerContext
{
    /// <summary>A file of <paramref name="type"/>, read strictly; a fault is <paramref name="problem"/> naming the file and the path in it.</summary>
    public static T Read<T>(string path, int lengthMaxBytes, JsonTypeInfo<T> type, OnlineProblem problem)
    {
        try
        {
            return JsonSerializer.Deserialize(InputFile.ReadText(path, lengthMaxBytes), type) ?? throw new OnlineInputException(problem, path, "$: null");
        }
        catch (JsonException e)
        {
            throw new OnlineInputException(problem, path, Describe(e));
        }
    }

    /// <summary>Where the fault is and what it is, without the reader's own position suffix.</summary>
    public static string Describe(JsonException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        string message = exception.Message;
        int suffix = message.IndexOf(" Path: ", StringComparison.Ordinal);
        return $"{exception.Path ?? "$"}: {(suffix < 0 ? message : message[..suffix])}";
    }
}
