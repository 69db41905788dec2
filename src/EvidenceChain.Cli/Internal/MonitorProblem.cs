namespace EvidenceChain.Cli.Internal;

/// <summary>
/// Why <c>monitor</c> cannot check the log (exit code 2): the input or the chain is unusable, which
/// says nothing about the log itself. Each member has one sentence per language in <see cref="MonitorText"/>.
/// </summary>
internal enum MonitorProblem
{
    RpcAddressInvalid = 1,
    ContractAddressInvalid = 2,
    ContractUnknown = 3,
    ContractNotFound = 4,
    NotAnAnchorContract = 5,
    ChainMismatch = 6,
    GenesisMismatch = 7,
    AnchorKindUnsupported = 8,
    ChainUnreadable = 9,
    EventsIncomplete = 10,
    StateFileMalformed = 11,
    StateOfAnotherLog = 12,
}
