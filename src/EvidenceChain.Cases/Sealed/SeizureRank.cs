namespace EvidenceChain.Cases.Sealed;

/// <summary>A seizure's place: the first (首封), whose court disposes of the property, or on the waiting list (轮候查封), which takes effect when the first lifts.</summary>
public enum SeizureRank : byte
{
    First = 1,
    Waiting = 2,
}
