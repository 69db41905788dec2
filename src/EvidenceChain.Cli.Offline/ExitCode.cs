namespace EvidenceChain.Cli.Offline;

/// <summary>
/// The process exit codes of every command, offline and online: one table, so a script reads them
/// the same way whatever it runs. Scripts and courts' tooling depend on them, so the numbers never change.
/// </summary>
internal enum ExitCode
{
    /// <summary>The command did its work; for <c>verify</c>, the receipt is valid.</summary>
    Success = 0,

    /// <summary>
    /// What was examined is not valid: for <c>verify</c>, the receipt (with <c>--rpc</c>, also a proven
    /// anchor whose block is not canonical or not final on the node); for the online commands, an
    /// answer of the server (a promise, receipt, checkpoint or consistency proof) that does not verify;
    /// for <c>vault decrypt</c>, a file that does not decrypt under the key (altered, truncated, reordered, or another key's).
    /// </summary>
    Invalid = 1,

    /// <summary>
    /// The input could not be used (missing or unreadable file, malformed salt file or key, no trusted
    /// key, bad arguments), or, for the online commands, the server refused the request or could not be
    /// reached; for <c>verify --rpc</c>, the chain node could not be reached or gave no usable answer.
    /// </summary>
    UnusableInput = 2,

    /// <summary>
    /// Online commands only: not yet where it was asked to be, ask again later. The deposit is accepted
    /// (promised) but not yet in a signed checkpoint; or, for <c>receipt --until</c>, no anchor covering
    /// it reached the state asked for within <c>--timeout</c> (the receipt file holds what there was).
    /// </summary>
    NotYetIncluded = 3,

    /// <summary>
    /// <c>receipt PROMISEFILE|RECEIPTFILE</c> only: the file proves, with the log's keys, that the log acknowledged the
    /// deposit, but the log does not hold it now: the store was restored from a backup taken before the deposit
    /// (docs/backup.md). Re-submit it; the file stays the proof that the notary acknowledged it.
    /// </summary>
    NotInLog = 4,

    /// <summary>
    /// <c>verify --compromise</c> only: the receipt verifies, but a key compromise statement the verifier trusts says its
    /// checkpoint was signed with compromised keys and nothing independent proves it was signed before (key-statement.md).
    /// </summary>
    ValidButCompromised = 5,
}
