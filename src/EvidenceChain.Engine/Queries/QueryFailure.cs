namespace EvidenceChain.Engine.Queries;

/// <summary>Why a query could not be answered; the service maps each to one gRPC status.</summary>
public enum QueryFailure
{
    None = 0,
    NotFound = 1,
    OutOfRange = 2,
    InvalidArgument = 3,
    NotYetSigned = 4,

    /// <summary>The caller is known but its role does not allow this (the policy's reason is the message).</summary>
    PermissionDenied = 5,

    /// <summary>The caller is not, or no longer, a party the office knows.</summary>
    Unauthenticated = 6,

    /// <summary>The request contradicts what is stored (a key bound to another party).</summary>
    Conflict = 7,

    /// <summary>The service cannot do it now (storage stopped, queue full); retrying later may work.</summary>
    Unavailable = 8,

    /// <summary>The request is well formed but the state forbids it now (payouts held until an incident is resolved).</summary>
    Held = 9,

    /// <summary>The request is well formed but the subject's state does not allow it yet (a distribution proposed before any proceeds).</summary>
    FailedPrecondition = 10,
}
