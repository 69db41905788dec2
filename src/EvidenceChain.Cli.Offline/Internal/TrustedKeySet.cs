using EvidenceChain.Core.Notes;

namespace EvidenceChain.Cli.Offline.Internal;

/// <summary>The keys a verification trusts, and where they came from (for the report).</summary>
internal sealed record TrustedKeySet(IReadOnlyList<NoteVerifier> Keys, IReadOnlyList<string> Sources);
