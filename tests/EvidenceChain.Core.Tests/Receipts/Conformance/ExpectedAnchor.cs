namespace EvidenceChain.Core.Tests.Receipts.Conformance;

/// <summary>An anchor a valid case's report shows as proven offline: where, which checkpoint, and the block's time from its header.</summary>
internal sealed record ExpectedAnchor(string Type, long ChainId, ulong TreeSize, ulong BlockNumber, string BlockTime);
