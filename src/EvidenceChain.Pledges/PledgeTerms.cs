using EvidenceChain.Core.Access;

namespace EvidenceChain.Pledges;

/// <summary>A pledge's terms, as pledgor and pledgee applied for it and the notarized contract states them.</summary>
/// <param name="PledgorPartyId">The pledgor: the asset's owner when the pledge is applied for and when it is activated.</param>
/// <param name="PledgeePartyId">The pledgee: a registered Lender.</param>
/// <param name="SecuredFen">The secured claim's amount, fen, more than 0.</param>
/// <param name="TermStart">The first day of the secured loan's term.</param>
/// <param name="TermEnd">The last day of the term, not before the first.</param>
/// <param name="Rank">1 for the senior pledge, 2 … <see cref="RankMax"/> for junior ones, in order.</param>
/// <param name="JuniorAllowed">Whether this pledge's contract allows junior pledges behind it.</param>
/// <param name="ContractLeaf">The leaf of the notarized pledge contract, deposited.</param>
/// <param name="Enforceable">Whether the loan is a 赋强 instrument (an execution certificate can be had without a lawsuit).</param>
public sealed record PledgeTerms(
    string PledgorPartyId,
    string PledgeePartyId,
    long SecuredFen,
    DateOnly TermStart,
    DateOnly TermEnd,
    byte Rank,
    bool JuniorAllowed,
    ulong ContractLeaf,
    bool Enforceable)
{
    /// <summary>The most junior rank a pledge may have.</summary>
    public const byte RankMax = 16;

    /// <summary>Why the terms are malformed, or null. Who the parties are is checked against the registry by the rules.</summary>
    public string? Problem() =>
        !PartyIds.IsValid(PledgorPartyId) || !PartyIds.IsValid(PledgeePartyId) ? "pledgor and pledgee are party ids (32 lowercase hex digits)"
        : PledgorPartyId == PledgeePartyId ? "the pledgor cannot be its own pledgee"
        : SecuredFen <= 0 ? $"the secured amount is more than 0 fen, not {SecuredFen}"
        : TermEnd < TermStart ? $"the term ends ({TermEnd:yyyy-MM-dd}) before it starts ({TermStart:yyyy-MM-dd})"
        : Rank is 0 or > RankMax ? $"the rank is 1 (senior) to {RankMax}, not {Rank}"
        : null;
}
