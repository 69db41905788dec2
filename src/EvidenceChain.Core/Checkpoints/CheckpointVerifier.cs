using EvidenceChain.Core.Notes;
using EvidenceChain.Core.Proofs;

namespace EvidenceChain.Core.Checkpoints;

/// <summary>
/// Verifies a signed checkpoint (checkpoint.md §Verification): the signatures first, with trusted
/// keys only; then the text; the origin must name a trusted key that signed; and every trusted key
/// of that log must have signed (a court that trusts both the Ed25519 and the SM2 key gets both
/// checked, or a failure). Keys of other logs in the trust list are ignored.
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

        var logKeys = trustedKeys.Where(k => k.Name == origin).Distinct().ToList();
        NoteVerifier? unsigned = logKeys.FirstOrDefault(k => !opened.SignedBy.Contains(k));
        if (unsigned is not null)
        {
            return Verdict.Fail(VerificationFailure.NoTrustedSignature, $"the trusted {unsigned.AlgorithmName} key {unsigned.Name}+{unsigned.KeyId:x8} did not sign the checkpoint");
        }

        verified = new VerifiedCheckpoint(checkpoint, logKeys, opened.UnknownSignatures);
        return Verdict.Valid;
    }
}
