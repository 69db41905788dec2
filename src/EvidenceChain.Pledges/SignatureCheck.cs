using EvidenceChain.Core.Access;

namespace EvidenceChain.Pledges;

/// <summary>
/// Checks the signatures of an event (docs/pledges.md §Signatures), as the case engines check
/// approvals: each signature by a registered, active party with a key valid at the event's time,
/// verifying over exactly the event's message, no party twice; then the signers must fill one
/// alternative of the event's requirement, with nobody left over but accepted co-signers. Pure: the
/// registry comes in as a lookup.
/// </summary>
public static class SignatureCheck
{
    /// <summary>The first rule the signatures break, with the signer at fault; or which alternative they fill.</summary>
    /// <param name="message">The event's <see cref="PledgeEventMessage"/> (or a valuation's signed bytes).</param>
    /// <param name="signatures">The signatures given, in order.</param>
    /// <param name="required">Who must sign.</param>
    /// <param name="partyOf">The registered party of an id, or null.</param>
    /// <param name="atMs">The event's time, Unix milliseconds: each party active and each key valid then.</param>
    public static SignatureVerdict Verify(ReadOnlySpan<byte> message, IReadOnlyList<PledgeSignature> signatures, SignerRequirement required, Func<string, Party?> partyOf, long atMs)
    {
        ArgumentNullException.ThrowIfNull(signatures);
        ArgumentNullException.ThrowIfNull(required);
        ArgumentNullException.ThrowIfNull(partyOf);
        var signers = new List<Party>(signatures.Count);
        foreach (PledgeSignature signature in signatures)
        {
            Party? party = partyOf(signature.PartyId);
            PartyKey? key = party?.Keys.FirstOrDefault(k => k.Fingerprint == signature.KeyFingerprint);
            if (party is null || key is null)
            {
                return SignatureVerdict.Refused(SignerRejection.SignerUnknown, signature.PartyId);
            }

            if (party.DeactivatedAtMs is long deactivated && deactivated <= atMs)
            {
                return SignatureVerdict.Refused(SignerRejection.SignerInactive, party.Id);
            }

            if (!key.IsValidAt(atMs))
            {
                return SignatureVerdict.Refused(SignerRejection.KeyNotValid, party.Id);
            }

            if (!key.Verify(message, signature.Signature))
            {
                return SignatureVerdict.Refused(SignerRejection.SignatureNotValid, party.Id);
            }

            if (signers.Any(s => s.Id == party.Id))
            {
                return SignatureVerdict.Refused(SignerRejection.SignerRepeated, party.Id);
            }

            signers.Add(party);
        }

        (int Alternative, List<SignerSlot> Missing, Party? Extra)? best = null;
        for (int a = 0; a < required.Alternatives.Count; a++)
        {
            (List<SignerSlot> missing, Party? extra) = Fill(required.Alternatives[a], required.Optional, signers);
            if (missing.Count == 0 && extra is null)
            {
                return new SignatureVerdict(SignerRejection.None, string.Empty, a, [.. signers.Select(s => s.Id)]);
            }

            if (best is null || missing.Count < best.Value.Missing.Count)
            {
                best = (a, missing, extra);
            }
        }

        // A signer no slot of the event accepts is named first: it is the clearer fault.
        foreach (Party signer in signers)
        {
            if (!required.Alternatives.Any(alternative => alternative.Any(slot => slot.Accepts(signer))) && !required.Optional.Any(slot => slot.Accepts(signer)))
            {
                return SignatureVerdict.Refused(SignerRejection.SignerNotExpected, signer.Id);
            }
        }

        return best is { Missing.Count: > 0 } found
            ? SignatureVerdict.Refused(SignerRejection.SignerMissing, found.Missing[0].Name)
            : SignatureVerdict.Refused(SignerRejection.SignerNotExpected, best?.Extra?.Id ?? string.Empty);
    }

    // Named slots first, so a named party is not taken by a slot any party of its role would fill.
    private static (List<SignerSlot> Missing, Party? Extra) Fill(IReadOnlyList<SignerSlot> slots, IReadOnlyList<SignerSlot> optional, List<Party> signers)
    {
        var remaining = new List<Party>(signers);
        var missing = new List<SignerSlot>();
        foreach (SignerSlot slot in slots.OrderBy(s => s.PartyId is null ? 1 : 0))
        {
            int index = remaining.FindIndex(slot.Accepts);
            if (index < 0)
            {
                missing.Add(slot);
            }
            else
            {
                remaining.RemoveAt(index);
            }
        }

        var open = new List<SignerSlot>(optional);
        foreach (Party party in remaining)
        {
            int index = open.FindIndex(s => s.Accepts(party));
            if (index < 0)
            {
                return (missing, party);
            }

            open.RemoveAt(index);
        }

        return (missing, null);
    }
}
