namespace EvidenceChain.Cli.Offline.Internal;

/// <summary>What a path names, without following a final symbolic link.</summary>
internal enum FileKind
{
    Missing = 0,
    Regular = 1,
    Directory = 2,
    SymbolicLink = 3,

    /// <summary>A pipe, socket or device: never deposit content (commitment.md §Units).</summary>
    Special = 4,
}
