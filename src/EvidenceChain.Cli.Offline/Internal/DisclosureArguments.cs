namespace EvidenceChain.Cli.Offline.Internal;

/// <summary>The command line of <c>verify-disclosure</c>, parsed.</summary>
internal sealed record DisclosureArguments(string PackagePath, string ContentDirectory, IReadOnlyList<string> KeyArguments, string? TrustPath);
