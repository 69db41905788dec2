namespace EvidenceChain.Engine.Deposits;

/// <summary>How a deposit request ended. Stable numbers; the service maps each to one gRPC status.</summary>
public enum DepositOutcomeStatus
{
    Accepted = 0,
    InvalidRequest = 1,
    BadSignature = 2,
    QueueFull = 3,
    Unavailable = 4,

    /// <summary>A stamped request whose nonce this key already used: a replay, refused.</summary>
    Replayed = 5,

    /// <summary>A stamped request signed outside the time window around the notary's clock.</summary>
    Stale = 6,
}
