namespace EvidenceChain.Core.Commitments;

/// <summary>
/// What one unit of a deposit covers (commitment.md §Units): a normalized relative path ("" for a
/// single-file deposit) and the byte range of that file.
/// </summary>
public sealed record UnitDescriptor(string Path, ulong OffsetBytes, ulong LengthBytes);
