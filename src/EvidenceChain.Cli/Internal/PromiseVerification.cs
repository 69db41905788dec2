using EvidenceChain.Core.Checkpoints;
using EvidenceChain.Core.Deposits;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Leaves;
using EvidenceChain.Core.Merkle;
using EvidenceChain.Core.Notes;
using EvidenceChain.Core.Proofs;
using EvidenceChain.Core.Receipts;

namespace EvidenceChain.Cli.Internal;

/// <summary>
/// Checks the service's answer to a deposit before anything of it is kept: the promise is signed by
/// the log's keys and is for this log (signature first, receipt.md §Promise); the leaf is the deposit
/// that was sent, from this depositor's key, whatever acceptance time the notary put in it; the
/// deposit id is that leaf's hash; and the batch proof leads from the leaf to the promised batch root.
/// </summary>
internal static class PromiseVerification
{
    public static Verdict Verify(
        LogInfo log,
        DepositEntry sent,
        Digest depositorFingerprint,
        byte[] leaf,
        string depositId,
        PromiseSection promise)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(sent);
        ArgumentNullException.ThrowIfNull(promise);
        Verdict verdict = TryOpen(log, promise.Note, out Promise? parsed);
        if (!verdict.IsValid)
        {
            return verdict;
        }

        verdict = LeafEnvelope.TryDecodeDeposit(leaf, out DepositLeaf? deposit);
        if (!verdict.IsValid)
        {
            return verdict;
        }

        DepositLeaf expected = sent.ToLeaf(deposit!.ReceivedAtMs, depositorFingerprint);
        if (deposit != expected)
        {
            return Verdict.Fail(VerificationFailure.CommitmentMismatch, "the leaf the server returned is not the deposit that was sent from this key");
        }

        using MerkleHasher hasher = MerkleHasher.Create(log.Origin.TreeHash);
        Digest leafHash = hasher.HashLeaf(leaf);
        if (leafHash.ToHex() != depositId)
        {
            return Verdict.Fail(VerificationFailure.MalformedLeaf, $"the deposit id {depositId} is not the leaf's hash {leafHash.ToHex()}");
        }

        verdict = InclusionProof.Verify(hasher, promise.BatchIndex, parsed!.BatchLeafCount, leafHash, promise.BatchProof.ToArray(), parsed.BatchRoot);
        return verdict.IsValid ? Verdict.Valid : Verdict.Fail(verdict.Failure, "promise batch: " + verdict.Detail);
    }

    /// <summary>A promise note opened with the log's keys (the signature before anything it covers), parsed, and for this log.</summary>
    public static Verdict TryOpen(LogInfo log, string note, out Promise? promise)
    {
        ArgumentNullException.ThrowIfNull(log);
        promise = null;
        Verdict verdict = SignedNote.TryOpen(note, log.Keys, out OpenedNote? opened);
        if (!verdict.IsValid)
        {
            return verdict;
        }

        verdict = Promise.TryParse(opened!.Text, out Promise? parsed);
        if (!verdict.IsValid)
        {
            return verdict;
        }

        if (parsed!.Origin != log.Origin)
        {
            return Verdict.Fail(VerificationFailure.OriginMismatch, $"the promise is for {parsed.Origin}, the log is {log.Origin}");
        }

        promise = parsed;
        return Verdict.Valid;
    }
}
