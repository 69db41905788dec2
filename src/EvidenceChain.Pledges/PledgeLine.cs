namespace EvidenceChain.Pledges;

/// <summary>A pledge in force as an encumbrance statement shows it.</summary>
public sealed record PledgeLine(
    PledgeId PledgeId,
    PledgeState State,
    byte Rank,
    long SecuredFen,
    DateOnly TermStart,
    DateOnly TermEnd,
    string PledgeePartyId,
    bool Enforceable,
    ulong ContractLeaf);
