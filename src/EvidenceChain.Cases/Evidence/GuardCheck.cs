using EvidenceChain.Core.Access;
using EvidenceChain.Ledger.Banking;

namespace EvidenceChain.Cases.Evidence;

/// <summary>
/// Whether a recorded artefact satisfies a guard's requirement (docs/cases.md §Guards): already in a
/// signed checkpoint, signed by its issuer's registered key (or attested by a notary's), issued by
/// a party whose role issues that type, of the type, case, subject, leg and issuer named, and inside
/// its validity window on the day of the transition. Pure: the registry comes in as a lookup, the
/// day and the signed tree size as values.
/// </summary>
public static class GuardCheck
{
    /// <summary>The first rule <paramref name="recorded"/> breaks for <paramref name="required"/>, or <see cref="GuardRejection.None"/>.</summary>
    /// <param name="required">What the guard asks.</param>
    /// <param name="caseId">The case the transition is for.</param>
    /// <param name="recorded">The artefact and its leaf.</param>
    /// <param name="signedTreeSize">The size of the latest signed checkpoint.</param>
    /// <param name="partyOf">The registered party of an id, or null.</param>
    /// <param name="day">The day of the transition, China Standard Time.</param>
    public static GuardRejection Verify(ArtefactRequirement required, CaseId caseId, RecordedArtefact recorded, ulong signedTreeSize, Func<string, Party?> partyOf, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(required);
        ArgumentNullException.ThrowIfNull(recorded);
        ArgumentNullException.ThrowIfNull(partyOf);
        CaseArtefact artefact = recorded.Artefact;
        if (recorded.LeafIndex >= signedTreeSize)
        {
            return GuardRejection.NotYetIncluded;
        }

        Party? signer = partyOf(artefact.SignerPartyId);
        PartyKey? key = signer?.Keys.FirstOrDefault(k => k.Fingerprint == artefact.SignerKeyFingerprint);
        if (signer is null || key is null)
        {
            return GuardRejection.SignerUnknown;
        }

        if (!key.IsValidAt(artefact.IssuedAtMs))
        {
            return GuardRejection.SignerKeyNotValid;
        }

        if (!key.Verify(artefact.SignedBytes(), artefact.Signature))
        {
            return GuardRejection.SignatureInvalid;
        }

        if (artefact.IsAttested && signer.Role != PartyRole.Notary)
        {
            return GuardRejection.AttesterNotNotary;
        }

        Party? issuer = artefact.IsAttested ? partyOf(artefact.IssuerPartyId) : signer;
        if (issuer is null)
        {
            return GuardRejection.IssuerUnknown;
        }

        if (!IssuerRoles(artefact.Type).Contains(issuer.Role))
        {
            return GuardRejection.IssuerRoleNotAllowed;
        }

        DateOnly issued = DailyBalances.DayOf(artefact.IssuedAtMs);
        return artefact.Type != required.Type ? GuardRejection.WrongArtefactType
            : artefact.CaseId != caseId ? GuardRejection.WrongCase
            : required.Subject != 0 && artefact.Subject != required.Subject ? GuardRejection.WrongSubject
            : required.Leg != 0 && artefact.Leg != required.Leg ? GuardRejection.WrongLeg
            : required.IssuerPartyId is string named && !string.Equals(named, artefact.IssuerPartyId, StringComparison.Ordinal) ? GuardRejection.WrongIssuer
            : issued > day ? GuardRejection.NotYetValid
            : artefact.ValidThrough is DateOnly through && through < day ? GuardRejection.Expired
            : required.SameDay && issued != day ? GuardRejection.NotSameDay
            : GuardRejection.None;
    }

    /// <summary>The roles that issue an artefact type: banks (registered as lenders), the registry, courts; the parties' own papers by the parties or, on their behalf, the office.</summary>
    public static IReadOnlyList<PartyRole> IssuerRoles(ArtefactType type) => type switch
    {
        ArtefactType.BankStatementLine or ArtefactType.PayoffQuote or ArtefactType.SettlementCertificate or ArtefactType.LenderConsent => [PartyRole.Lender],
        ArtefactType.TitleSearch or ArtefactType.RegistryReceipt => [PartyRole.Registry],
        ArtefactType.CourtDocument => [PartyRole.Court],
        ArtefactType.NotarizedAgreement or ArtefactType.EscrowCertificate or ArtefactType.Notice or ArtefactType.MediationRecord => [PartyRole.Notary, PartyRole.NotaryOffice],
        ArtefactType.JointInstruction or ArtefactType.Waiver => [PartyRole.Enterprise, PartyRole.Notary, PartyRole.NotaryOffice],

        // A creditor bank objects to a distribution plan as any other party does.
        ArtefactType.Objection => [PartyRole.Enterprise, PartyRole.Lender, PartyRole.Notary, PartyRole.NotaryOffice],
        ArtefactType.PartyConsent => [PartyRole.Enterprise],
        _ => [],
    };
}
