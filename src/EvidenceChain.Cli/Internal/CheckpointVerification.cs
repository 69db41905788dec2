using EvidenceChain.Core.Checkpoints;
using EvidenceChain.Core.Notes;
using EvidenceChain.Core.Proofs;

namespace EvidenceChain.Cli.Internal;

/// <summary>
/// Verifies a checkpoint note on its own (checkpoint.md §Verification), with the rules
/// <c>ReceiptVerifier</c> applies to a receipt's checkpoint: the signatures first, with trusted keys
/// only; then the text; the origin must name a trusted key that signed; every trusted key of that
/// log must have signed. (Core keeps this step private to receipts; see the handover notes.)
/// </summary>
internal static class CheckpointVerification
{
    public static Verdict Verify(string note, IReadOnlyList<NoteVerifier> trustedKeys, out Checkpoint? checkpoint, out IReadOnlyList<NoteVerifier> signedBy)
    {
        ArgumentNullException.ThrowIfNull(note);
        ArgumentNullException.ThrowIfNull(trustedKeys);
        checkpoint = null;
        signedBy = [];
        Verdict verdict = SignedNote.TryOpen(note, trustedKeys, out OpenedNote? opened);
        if (!verdict.IsValid)
        {
            return verdict;
        }

        verdict = Checkpoint.TryParse(opened!.Text, out Checkpoint? parsed);
        if (!verdict.IsValid)
        {
            return verdict;
        }

        string origin = parsed!.Origin.ToString();
        if (!opened.SignedBy.Any(k => k.Name == origin))
        {
            return Verdict.Fail(VerificationFailure.OriginMismatch, $"the checkpoint's origin {origin} is not the name of any trusted key that signed it");
        }

        NoteVerifier? unsigned = trustedKeys.FirstOrDefault(k => k.Name == origin && !opened.SignedBy.Contains(k));
        if (unsigned is not null)
        {
            return Verdict.Fail(VerificationFailure.NoTrustedSignature, $"the trusted {unsigned.AlgorithmName} key {unsigned.Name}+{unsigned.KeyId:x8} did not sign the checkpoint");
        }

        checkpoint = parsed;
        signedBy = opened.SignedBy.Where(k => k.Name == origin).ToList();
        return Verdict.Valid;
    }
}
