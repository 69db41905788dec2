namespace EvidenceChain.Pledges;

/// <summary>
/// Who must sign an event: one of <paramref name="Alternatives"/> (each a set of slots, all to be
/// filled, by distinct parties), plus any of <paramref name="Optional"/> (co-signers the event
/// accepts, each at most once: the pledgees whose consent lifts the lock on a transfer or licence).
/// </summary>
public sealed record SignerRequirement(IReadOnlyList<IReadOnlyList<SignerSlot>> Alternatives, IReadOnlyList<SignerSlot> Optional);
