namespace EvidenceChain.Cli.Offline;

/// <summary>One regular file of a deposit: its committed unit path ("" for a single-file deposit), where it is, and its length when listed.</summary>
internal sealed record ContentFile(string UnitPath, string FullPath, ulong LengthBytes);
