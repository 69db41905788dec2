namespace EvidenceChain.Core.Access;

/// <summary>Whose resource a call touches, as the service established it (never as the caller claims it).</summary>
public enum Ownership
{
    /// <summary>Not owned by a party: public proofs, or an operation on no particular resource.</summary>
    None = 1,

    /// <summary>The caller's own (its deposit, its receipt).</summary>
    Own = 2,

    /// <summary>Another party's.</summary>
    Other = 3,
}
