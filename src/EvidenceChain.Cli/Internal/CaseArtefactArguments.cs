namespace EvidenceChain.Cli.Internal;

/// <summary>What <c>case artefact</c> was given, as typed; <see cref="CaseWorkflow.ArtefactAsync"/> checks each value.</summary>
internal sealed record CaseArtefactArguments(
    string CaseId,
    string Type,
    string Issuer,
    string? Signer,
    string DocumentPath,
    byte Subject,
    byte Leg,
    long AmountFen,
    string? ValidThrough,
    string Reference,
    string KeyPath);
