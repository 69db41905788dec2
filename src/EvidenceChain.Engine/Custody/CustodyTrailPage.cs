using EvidenceChain.Core.Records;

namespace EvidenceChain.Engine.Custody;

/// <summary>One page of a party's trail (a record statement): the proven events, where the next page starts, and whether events wait for the next checkpoint.</summary>
public sealed record CustodyTrailPage(RecordStatement Trail, ulong NextLeafIndex, bool MorePending);
