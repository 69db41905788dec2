namespace EvidenceChain.Chain.Ethereum.DevChain;

/// <summary>Why an anvil did not come up; the numbers never change.</summary>
internal enum AnvilStartFailure
{
    None = 0,

    /// <summary>Another process bound the port between our check and anvil's bind.</summary>
    PortTaken = 1,

    /// <summary>anvil refused to load the state file (truncated by a kill during a dump, or not anvil's).</summary>
    StateUnreadable = 2,

    /// <summary>anvil exited for another reason.</summary>
    Exited = 3,

    /// <summary>anvil kept running but did not answer in time.</summary>
    NoAnswer = 4,
}
