using EvidenceChain.Core.Hashing;

namespace EvidenceChain.Pledges;

/// <summary>A valuation as an encumbrance statement shows it.</summary>
public sealed record ValuationLine(string AppraiserPartyId, long ValueFen, DateOnly Date, DigestPair ReportDigest, IReadOnlyList<DigestPair> MatchedRoots);
