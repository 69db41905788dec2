using EvidenceChain.Cases.Approvals;

namespace EvidenceChain.Cases.Evidence;

/// <summary>
/// The checks every kind of case makes of an event the same way: its artefacts against the guard's
/// requirements, in order, and its payouts' approvals. The first broken rule is named.
/// </summary>
internal static class EventChecks
{
    /// <summary>The artefact count, then each artefact against its requirement; null when all hold.</summary>
    public static (CaseRejection Rejection, string Detail, GuardRejection Guard)? Artefacts(string eventName, IReadOnlyList<IReadOnlyList<ArtefactRequirement>> requirements, IReadOnlyList<RecordedArtefact> artefacts, CaseId caseId, CaseContext context)
    {
        if (artefacts.Count != requirements.Count)
        {
            return (CaseRejection.ArtefactCountMismatch, $"{eventName} needs {requirements.Count} artefacts ({string.Join("; ", requirements.Select(Describe))}), not {artefacts.Count}", GuardRejection.None);
        }

        for (int i = 0; i < requirements.Count; i++)
        {
            GuardRejection guard = CheckAlternatives(requirements[i], caseId, artefacts[i], context);
            if (guard != GuardRejection.None)
            {
                return (CaseRejection.GuardNotSatisfied, $"artefact {i + 1} (leaf {artefacts[i].LeafIndex}) does not satisfy '{Describe(requirements[i])}': {guard}", guard);
            }
        }

        return null;
    }

    /// <summary>Whether two notaries approved exactly these payouts of this transition; null when they did (or there are none).</summary>
    public static (string Detail, ApprovalRejection Approval)? Approvals(CaseId caseId, ulong transitionNumber, byte eventNumber, IReadOnlyList<Payout> payouts, IReadOnlyList<PayoutApproval> approvals, CaseContext context)
    {
        if (payouts.Count == 0)
        {
            return null;
        }

        byte[] message = ApprovalMessage.Of(caseId, transitionNumber, eventNumber, payouts);
        ApprovalRejection approval = ApprovalCheck.Verify(message, approvals, context.PartyOf, context.AtMs);
        return approval == ApprovalRejection.None
            ? null
            : ($"the payouts need {ApprovalCheck.ApproversNeeded} notaries' approvals of exactly these payouts: {approval}", approval);
    }

    /// <summary>The alternatives of one requirement as people read them.</summary>
    public static string Describe(IReadOnlyList<ArtefactRequirement> alternatives) => string.Join(" or ", alternatives);

    private static GuardRejection CheckAlternatives(IReadOnlyList<ArtefactRequirement> alternatives, CaseId caseId, RecordedArtefact artefact, CaseContext context)
    {
        // The alternative of the artefact's own type and subject decides, else of its type; with none, the first names the rejection.
        CaseArtefact given = artefact.Artefact;
        ArtefactRequirement requirement = alternatives.FirstOrDefault(r => r.Type == given.Type && r.Subject == given.Subject)
            ?? alternatives.FirstOrDefault(r => r.Type == given.Type)
            ?? alternatives[0];
        return GuardCheck.Verify(requirement, caseId, artefact, context.SignedTreeSize, context.PartyOf, context.Day);
    }
}
