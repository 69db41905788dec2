using System.Text;
using EvidenceChain.Core.Checkpoints;
using EvidenceChain.Core.Merkle;
using EvidenceChain.Core.Notes;
using EvidenceChain.Core.Proofs;
using EvidenceChain.Timestamping;

namespace EvidenceChain.Core.Receipts;

/// <summary>
/// Checks one <c>rfc3161</c> entry of a v2 receipt in the order receipt.md §Timestamps fixes: which
/// checkpoint it stamps (the receipt's own, or the carried note, verified with the log's trusted keys like
/// the receipt's); that this checkpoint holds the receipt's leaf and is consistent with the receipt's
/// (RFC 9162, from the smaller tree to the larger: an earlier stamped checkpoint is a prefix of the receipt's,
/// a later one extends it); then the token under the verifier's TSA roots over the imprint recomputed from
/// that checkpoint's text. The first broken rule is the verdict; <c>token</c> is set when it is valid.
/// </summary>
internal static class TimestampEntryVerifier
{
    public static Verdict Verify(
        TimestampSection entry,
        Checkpoint receiptCheckpoint,
        ulong leafIndex,
        MerkleHasher hasher,
        IReadOnlyList<NoteVerifier> trustedKeys,
        TimestampTokenVerifier tokenVerifier,
        out VerifiedTimestamp? token)
    {
        token = null;
        Verdict verdict = FindStampedCheckpoint(entry, receiptCheckpoint, trustedKeys, out Checkpoint? stamped);
        if (!verdict.IsValid)
        {
            return verdict;
        }

        if (stamped!.TreeSize <= leafIndex)
        {
            return Verdict.Fail(VerificationFailure.TimestampInconsistent,
                $"it dates a checkpoint of size {stamped.TreeSize}, which does not hold the receipt's leaf {leafIndex}");
        }

        (Checkpoint smaller, Checkpoint larger) = stamped.TreeSize < receiptCheckpoint.TreeSize ? (stamped, receiptCheckpoint) : (receiptCheckpoint, stamped);
        verdict = ConsistencyProof.Verify(hasher, smaller.TreeSize, larger.TreeSize, entry.ConsistencyProof.ToArray(), smaller.Root, larger.Root);
        if (!verdict.IsValid)
        {
            return Verdict.Fail(VerificationFailure.TimestampInconsistent, $"the checkpoint it dates is not consistent with the receipt's: {verdict}");
        }

        if (!TokenImprintHash.TryRead(entry.TokenDer, out TimestampHash hash, out string problem))
        {
            return Verdict.Fail(VerificationFailure.TimestampTokenInvalid, problem);
        }

        TimestampImprint imprint = TimestampImprint.Compute(hash, Encoding.UTF8.GetBytes(stamped.ToNoteText()));
        TimestampVerdict tokenVerdict = tokenVerifier.Verify(entry.TokenDer, imprint);
        if (!tokenVerdict.IsValid)
        {
            VerificationFailure failure = tokenVerdict.Failure switch
            {
                TimestampFailure.UntrustedTsa => VerificationFailure.TimestampUntrustedTsa,
                TimestampFailure.WrongImprint => VerificationFailure.TimestampImprintMismatch,
                _ => VerificationFailure.TimestampTokenInvalid,
            };
            return Verdict.Fail(failure, $"the token: {tokenVerdict}");
        }

        token = tokenVerdict.Timestamp;
        return Verdict.Valid;
    }

    /// <summary>The receipt's own checkpoint when the entry carries none; else the carried note, verified before anything in it is read.</summary>
    private static Verdict FindStampedCheckpoint(TimestampSection entry, Checkpoint receiptCheckpoint, IReadOnlyList<NoteVerifier> trustedKeys, out Checkpoint? stamped)
    {
        stamped = null;
        if (entry.CheckpointNote is null)
        {
            if (entry.TreeSize != receiptCheckpoint.TreeSize)
            {
                return Verdict.Fail(VerificationFailure.TimestampInconsistent,
                    $"it names tree size {entry.TreeSize} but carries no checkpoint; without one it dates the receipt's own, of size {receiptCheckpoint.TreeSize}");
            }

            stamped = receiptCheckpoint;
            return Verdict.Valid;
        }

        Verdict verdict = CheckpointVerifier.Verify(entry.CheckpointNote, trustedKeys, out VerifiedCheckpoint? verified);
        if (!verdict.IsValid)
        {
            return Verdict.Fail(VerificationFailure.TimestampCheckpointInvalid, $"the checkpoint it carries does not verify with the log's trusted keys: {verdict}");
        }

        if (verified!.Checkpoint.Origin != receiptCheckpoint.Origin)
        {
            return Verdict.Fail(VerificationFailure.TimestampCheckpointInvalid,
                $"the checkpoint it carries is of log {verified.Checkpoint.Origin}, the receipt's of {receiptCheckpoint.Origin}");
        }

        if (verified.Checkpoint.TreeSize != entry.TreeSize)
        {
            return Verdict.Fail(VerificationFailure.TimestampInconsistent,
                $"it names tree size {entry.TreeSize} but the checkpoint it carries has size {verified.Checkpoint.TreeSize}");
        }

        stamped = verified.Checkpoint;
        return Verdict.Valid;
    }
}
