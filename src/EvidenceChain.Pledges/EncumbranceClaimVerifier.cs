using EvidenceChain.Core.Checkpoints;
using EvidenceChain.Core.Notes;
using EvidenceChain.Core.Proofs;

namespace EvidenceChain.Pledges;

/// <summary>
/// Checks the notary's encumbrance claim that came with a statement (docs/formats/encumbrance-statement.md
/// §Verification). The signatures first, by a checkpoint's rule (<see cref="CheckpointVerifier.VerifyEveryAlgorithmSigned"/>):
/// for each algorithm among the trusted keys of the checkpoint's log, one of them must have signed, of
/// whichever key generation. Then the text, and that the claim is about this statement: the checkpoint's
/// origin, tree size and root, the statement's asset. Last, that the statement lists exactly the asset's
/// events 1 to k, in order, where k is the count the notary signed, or the event asked for when that is
/// fewer: a record left out of a statement of "all" contradicts the signed count.
/// </summary>
public static class EncumbranceClaimVerifier
{
    /// <param name="claimNote">The signed note; empty when the statement carries none.</param>
    /// <param name="trustedKeys">The log's keys, from the verifier's own configuration.</param>
    /// <param name="checkpoint">The statement's checkpoint, already verified with the same keys.</param>
    /// <param name="asset">The asset the statement is about.</param>
    /// <param name="eventNumbers">The asset's event numbers of the statement's records, in their order.</param>
    /// <param name="askedAsOfEvent">The event the statement was asked for; 0 for all.</param>
    /// <param name="claim">The claim, when it verifies.</param>
    /// <param name="reason">Why it does not, in one sentence.</param>
    public static bool TryVerify(
        string claimNote,
        IReadOnlyList<NoteVerifier> trustedKeys,
        VerifiedCheckpoint checkpoint,
        AssetId asset,
        IReadOnlyList<ulong> eventNumbers,
        ulong askedAsOfEvent,
        out EncumbranceClaim? claim,
        out string reason)
    {
        ArgumentNullException.ThrowIfNull(claimNote);
        ArgumentNullException.ThrowIfNull(trustedKeys);
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentNullException.ThrowIfNull(eventNumbers);
        claim = null;
        if (claimNote.Length == 0)
        {
            reason = "the statement carries no encumbrance claim signed by the notary";
            return false;
        }

        Verdict opened = SignedNote.TryOpen(claimNote, trustedKeys, out OpenedNote? note);
        if (!opened.IsValid)
        {
            reason = $"the notary's encumbrance claim does not verify: {opened}";
            return false;
        }

        Verdict everyAlgorithm = CheckpointVerifier.VerifyEveryAlgorithmSigned(checkpoint.Checkpoint.Origin, trustedKeys, note!.SignedBy, "the encumbrance claim");
        if (!everyAlgorithm.IsValid)
        {
            reason = $"the notary's encumbrance claim does not verify: {everyAlgorithm}";
            return false;
        }

        if (!EncumbranceClaim.TryParse(note!.Text, out EncumbranceClaim? parsed, out string malformed))
        {
            reason = "the notary's encumbrance claim is malformed: " + malformed;
            return false;
        }

        Checkpoint signed = checkpoint.Checkpoint;
        reason = parsed!.Origin != signed.Origin ? $"the encumbrance claim is for the log {parsed.Origin}, the checkpoint for {signed.Origin}"
            : parsed.Asset != asset ? $"the encumbrance claim is about asset {parsed.Asset}, the statement about asset {asset}"
            : parsed.TreeSize != signed.TreeSize || parsed.RootHash != signed.Root
                ? $"the encumbrance claim is about the tree of size {parsed.TreeSize} and root {parsed.RootHash.ToBase64()}, the checkpoint signs size {signed.TreeSize} and root {signed.Root.ToBase64()}"
            : EventsProblem(parsed, eventNumbers, askedAsOfEvent) ?? string.Empty;
        if (reason.Length > 0)
        {
            return false;
        }

        claim = parsed;
        return true;
    }

    private static string? EventsProblem(EncumbranceClaim claim, IReadOnlyList<ulong> eventNumbers, ulong askedAsOfEvent)
    {
        for (int i = 0; i < eventNumbers.Count; i++)
        {
            if (eventNumbers[i] != (ulong)i + 1)
            {
                return $"the statement's records are not the asset's events from 1 in order: record {i + 1} is event {eventNumbers[i]}";
            }
        }

        ulong expected = askedAsOfEvent == 0 ? claim.EventCount : Math.Min(askedAsOfEvent, claim.EventCount);
        string asked = askedAsOfEvent == 0 ? "all of them were asked for" : $"event {askedAsOfEvent} was asked for";
        return (ulong)eventNumbers.Count == expected ? null
            : $"the notary signs that asset {claim.Asset} has exactly {claim.EventCount} events in the tree of size {claim.TreeSize} and {asked}, "
                + $"so the statement should show events 1 to {expected}; it shows {eventNumbers.Count}";
    }
}
