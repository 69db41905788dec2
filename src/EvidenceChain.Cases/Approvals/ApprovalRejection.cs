namespace EvidenceChain.Cases.Approvals;

/// <summary>Why approvals do not authorize a payout, in the order the rules are checked. Numbers never change.</summary>
public enum ApprovalRejection : byte
{
    /// <summary>Two distinct notaries who may approve have signed exactly this payout.</summary>
    None = 0,

    /// <summary>An approval names no registered party, or a key the party never had.</summary>
    ApproverUnknown = 1,

    /// <summary>The approver is not a notary allowed to approve payouts (Party.CanApprove), or is deactivated.</summary>
    ApproverMayNotApprove = 2,

    /// <summary>The approving key was revoked (or not yet bound) at the time of the transition.</summary>
    ApproverKeyNotValid = 3,

    /// <summary>The signature is not the key's over this payout's message: another amount, payee, transition or case was signed, or none.</summary>
    SignatureInvalid = 4,

    /// <summary>One notary approved twice.</summary>
    ApproverRepeated = 5,

    /// <summary>Fewer than two distinct notaries approved.</summary>
    TooFewApprovals = 6,
}
