using EvidenceChain.Core.Access;
using EvidenceChain.Ledger.Escrow;

namespace EvidenceChain.Cases;

/// <summary>What a case decision reads from the world, as values and lookups (the rules stay pure).</summary>
/// <param name="Day">The day of the transition, China Standard Time.</param>
/// <param name="AtMs">The time of the transition, Unix milliseconds (approving keys must be valid then).</param>
/// <param name="SignedTreeSize">The size of the latest signed checkpoint: artefacts must be inside it.</param>
/// <param name="PartyOf">The party registry.</param>
/// <param name="BalanceOf">The ledger's balance of an account, or null when it does not exist.</param>
/// <param name="StateOf">Where a ledger transfer stands, or null when none succeeded under the id.</param>
/// <param name="ResolutionOf">The post or void that resolved a pending transfer (a statement line's booking carries its value date), or null.</param>
/// <param name="ObjectionLastDay">带封过户: the last day for objections to a distribution plan received on a given day (15 days, docs/deadlines.md), or null when the calendar does not reach it.</param>
/// <param name="TitleLockRequired">The deployment's switch (Cases:TitleLockRequired, on by default): every case must lock the title before any payoff, whatever its agreement says.</param>
/// <param name="LapseDay">The first day on which a deposit made on a given date has lapsed (Civil Code art. 574, docs/deadlines.md), or null when the working-day calendar does not reach it yet.</param>
public sealed record CaseContext(
    DateOnly Day,
    long AtMs,
    ulong SignedTreeSize,
    Func<string, Party?> PartyOf,
    Func<AccountId, AccountBalance?> BalanceOf,
    Func<TransferId, TransferState?> StateOf,
    Func<TransferId, Transfer?> ResolutionOf,
    Func<DateOnly, DateOnly?> LapseDay,
    bool TitleLockRequired = true,
    Func<DateOnly, DateOnly?>? ObjectionLastDay = null);
