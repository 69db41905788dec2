using System.Text.Json.Serialization;

namespace EvidenceChain.Cli.Internal;

/// <summary>
/// The <c>pledge</c> commands' JSON files, read strictly as <see cref="CaseJsonContext"/> reads the case files:
/// snake_case names, no unknown or repeated field, no null, numbers as numbers. Generated at build time.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    AllowDuplicateProperties = false,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    NumberHandling = JsonNumberHandling.Strict,
    WriteIndented = true)]
[JsonSerializable(typeof(PledgeEventJson))]
[JsonSerializable(typeof(PledgeSignatureJson))]
internal sealed partial class PledgeJsonContext : JsonSerializerContext
{
}
