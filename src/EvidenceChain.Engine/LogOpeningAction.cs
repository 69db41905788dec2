namespace EvidenceChain.Engine;

/// <summary>The outcome of <see cref="LogOpening.Decide"/>.</summary>
public enum LogOpeningAction
{
    Refuse = 0,
    OpenLog = 1,
    CreateLog = 2,
    RetireKeysAndCreateLog = 3,
}
