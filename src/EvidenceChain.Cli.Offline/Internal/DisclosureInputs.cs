namespace EvidenceChain.Cli.Offline.Internal;

/// <summary>What <c>verify-disclosure</c> examined, for the report's inputs section.</summary>
internal sealed record DisclosureInputs(string PackagePath, string ContentDirectory, TrustedKeySet TrustedKeys);
