using EvidenceChain.Core.Access;

namespace EvidenceChain.Cases.Approvals;

/// <summary>
/// Checks the approvals of a payout (DOMAIN.md §2.4, §6.2 invariant 5): two distinct notaries who
/// may approve, each with a key valid at the time, signed exactly the payout's message. Pure: the
/// registry comes in as a lookup.
/// </summary>
public static class ApprovalCheck
{
    /// <summary>The number of distinct notaries a payout needs.</summary>
    public const int ApproversNeeded = 2;

    /// <summary>The first rule the approvals break, or <see cref="ApprovalRejection.None"/>.</summary>
    /// <param name="message">The payout's <see cref="ApprovalMessage"/>.</param>
    /// <param name="approvals">The approvals given.</param>
    /// <param name="partyOf">The registered party of an id, or null.</param>
    /// <param name="atMs">When the transition takes effect, Unix milliseconds: each key must be valid then.</param>
    public static ApprovalRejection Verify(ReadOnlySpan<byte> message, IReadOnlyList<PayoutApproval> approvals, Func<string, Party?> partyOf, long atMs)
    {
        ArgumentNullException.ThrowIfNull(approvals);
        ArgumentNullException.ThrowIfNull(partyOf);
        var approvers = new HashSet<string>(StringComparer.Ordinal);
        foreach (PayoutApproval approval in approvals)
        {
            Party? party = partyOf(approval.NotaryPartyId);
            PartyKey? key = party?.Keys.FirstOrDefault(k => k.Fingerprint == approval.KeyFingerprint);
            if (party is null || key is null)
            {
                return ApprovalRejection.ApproverUnknown;
            }

            if (party.Role != PartyRole.Notary || !party.CanApprove || !party.IsActive)
            {
                return ApprovalRejection.ApproverMayNotApprove;
            }

            if (!key.IsValidAt(atMs))
            {
                return ApprovalRejection.ApproverKeyNotValid;
            }

            if (!key.Verify(message, approval.Signature))
            {
                return ApprovalRejection.SignatureInvalid;
            }

            if (!approvers.Add(party.Id))
            {
                return ApprovalRejection.ApproverRepeated;
            }
        }

        return approvers.Count < ApproversNeeded ? ApprovalRejection.TooFewApprovals : ApprovalRejection.None;
    }
}
