namespace EvidenceChain.Engine;

/// <summary>
/// What to do on start, given what the store and the key files hold. A log must never sign two
/// histories: keys without a log, or a log without its keys, mean something was lost or mixed up,
/// so the service refuses to start unless told explicitly to begin a new log (with a new origin).
/// </summary>
public static class LogOpening
{
    public static (LogOpeningAction Action, string Reason) Decide(string? storedOrigin, string? keysOrigin, bool createNewLog)
    {
        return (storedOrigin, keysOrigin) switch
        {
            (null, null) => (LogOpeningAction.CreateLog, "no log and no keys yet: creating a new log"),
            (null, not null) when createNewLog => (LogOpeningAction.RetireKeysAndCreateLog, $"starting a new log as asked; the keys of {keysOrigin} are kept aside"),
            (null, not null) => (LogOpeningAction.Refuse, $"the data directory has the keys of log {keysOrigin} but no log: the log store is missing or was deleted. Restore it from backup, or start a new log with --new-log (it gets a new origin; receipts of the old log stay verifiable with the old keys)."),
            (not null, null) => (LogOpeningAction.Refuse, $"the data directory holds log {storedOrigin} but not its keys: restore keys/ from backup. A new log needs a new, empty data directory."),
            _ when storedOrigin != keysOrigin => (LogOpeningAction.Refuse, $"the store holds log {storedOrigin} but the keys are for {keysOrigin}: they belong to different logs."),
            _ when createNewLog => (LogOpeningAction.Refuse, $"--new-log was given but the data directory already holds log {storedOrigin}; use a new, empty data directory for a new log."),
            _ => (LogOpeningAction.OpenLog, $"opening log {storedOrigin}"),
        };
    }
}
