using EvidenceChain.Core.Notes;
using EvidenceChain.Core.Proofs;

namespace EvidenceChain.Core.Checkpoints;

/// <summary>
/// Verifies a signed checkpoint (checkpoint.md §Verification): the signatures first, with trusted
/// keys only; then the text; the origin must name a trusted key that signed; and for each algorithm
/// among the log's trusted keys, one of them must have signed (a court that trusts both the Ed25519
/// and the SM2 keys gets both checked, or a failure). Trusting several generations of the log's keys
/// (checkpoint.md §Key rotation) thus accepts a checkpoint of either generation or of both. Keys of
/// other logs in the trust list are ignored.
/// </summary>
public static class CheckpointVerifier
{
    public static Verdict Verify(string note, IReadOnlyList<NoteVerifier> trustedKeys, out VerifiedCheckpoint? verified)
    {
        ArgumentNullException.ThrowIfNull(note);
        ArgumentNullException.ThrowIfNull(trustedKeys);
        verified = null;
        Verdict verdict = SignedNote.TryOpen(note, trustedKeys, out OpenedNote? opened);
        if (!verdict.IsValid)
        {
            return verdict;
        }

        verdict = Checkpoint.TryParse(opened!.Text, out Checkpoint? checkpoint);
        if (!verdict.IsValid)
        {
            return verdict;
        }

        string origin = checkpoint!.Origin.ToString();
        if (!opened.SignedBy.Any(k => k.Name == origin))
        {
            return Verdict.Fail(VerificationFailure.OriginMismatch, $"the checkpoint's origin {origin} is not the name of any trusted key that signed it");
        }

        verdict = VerifyEveryAlgorithmSigned(checkpoint.Origin, trustedKeys, opened.SignedBy, "the checkpoint");
        if (!verdict.IsValid)
        {
            return verdict;
        }

        var signedBy = trustedKeys.Where(k => k.Name == origin && opened.SignedBy.Contains(k)).Distinct().ToList();
        verified = new VerifiedCheckpoint(checkpoint, signedBy, opened.UnknownSignatures);
        return Verdict.Valid;
    }

    /// <summary>
    /// The rule for the log's signatures on a checkpoint and on the notes the notary signs like one (an
    /// encumbrance claim): for each signature algorithm among the trusted keys named by the origin, at
    /// least one trusted key of that algorithm signed. Which key generation signed does not matter.
    /// </summary>
    /// <param name="origin">The log whose keys count; trusted keys of other logs are ignored.</param>
    /// <param name="trustedKeys">The verifier's trusted keys.</param>
    /// <param name="signedBy">The trusted keys whose signatures on the note verified (<see cref="OpenedNote.SignedBy"/>).</param>
    /// <param name="subject">What was signed, for the failure's sentence: "the checkpoint".</param>
    /// <returns>Valid, or <see cref="VerificationFailure.NoTrustedSignature"/> naming the first algorithm, in trust-list order, that no trusted key signed with.</returns>
    public static Verdict VerifyEveryAlgorithmSigned(LogOrigin origin, IReadOnlyList<NoteVerifier> trustedKeys, IReadOnlyList<NoteVerifier> signedBy, string subject)
    {
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentNullException.ThrowIfNull(trustedKeys);
        ArgumentNullException.ThrowIfNull(signedBy);
        ArgumentNullException.ThrowIfNull(subject);
        string name = origin.ToString();
        foreach (IGrouping<string, NoteVerifier> algorithm in trustedKeys.Where(k => k.Name == name).GroupBy(k => k.AlgorithmName))
        {
            if (!algorithm.Any(signedBy.Contains))
            {
                string keyIds = string.Join(", ", algorithm.Select(k => $"{k.KeyId:x8}").Distinct());
                return Verdict.Fail(VerificationFailure.NoTrustedSignature, $"no trusted {algorithm.Key} key of {name} signed {subject} (trusted {algorithm.Key} key IDs: {keyIds})");
            }
        }

        return Verdict.Valid;
    }
}
