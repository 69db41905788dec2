using System.Text;
using EvidenceChain.Core.Anchors;
using EvidenceChain.Core.Checkpoints;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Leaves;
using EvidenceChain.Core.Merkle;
using EvidenceChain.Core.Notes;
using EvidenceChain.Core.Proofs;

namespace EvidenceChain.Core.Receipts;

/// <summary>
/// Offline verification of a deposit receipt (receipt.md), in the order the format fixes: the
/// checkpoint's signatures with keys the caller trusts (never keys from the receipt), then the
/// checkpoint, the inclusion of the leaf, the leaf's type and layout, the recomputed commitments,
/// the depositor opening, the promise, the chain anchors and the timestamp tokens. It stops at the
/// first failure.
/// </summary>
public static class ReceiptVerifier
{
    private static readonly string[] s_logKeyAlgorithms = ["Ed25519", "SM2"];

    /// <param name="receiptJson">The receipt file's text.</param>
    /// <param name="trustedKeys">The log's verifier keys, from the verifier's own configuration.</param>
    /// <param name="evidence">What the caller recomputed from the content and salt file, or null when it has neither.</param>
    /// <param name="timestampTrust">The TSA roots (and the operator's TSA certificates) the verifier trusts; null to leave the tokens unchecked, and say so.</param>
    public static ReceiptReport Verify(string receiptJson, IReadOnlyList<NoteVerifier> trustedKeys, DepositEvidence? evidence, TimestampTrust? timestampTrust = null)
    {
        ArgumentNullException.ThrowIfNull(receiptJson);
        ArgumentNullException.ThrowIfNull(trustedKeys);
        var run = new Run();
        run.NotChecked.Add((UncheckedItem.LogConsistency, "no witness cosignature or later consistency proof was checked"));

        Verdict verdict = Receipt.TryParse(receiptJson, out Receipt? receipt);
        if (!verdict.IsValid)
        {
            return run.Finish(verdict);
        }

        run.Pass(ReceiptCheck.ReceiptFormat);
        verdict = TlogProof.TryParse(receipt!.TlogProof, out TlogProof? proof);
        if (!verdict.IsValid)
        {
            return run.Finish(verdict);
        }

        verdict = VerifyCheckpoint(proof!.CheckpointNote, trustedKeys, run);
        if (!verdict.IsValid)
        {
            return run.Finish(verdict);
        }

        Checkpoint checkpoint = run.Checkpoint!;
        using MerkleHasher hasher = MerkleHasher.Create(checkpoint.Origin.TreeHash);
        Digest leafHash = hasher.HashLeaf(proof.Leaf);
        run.LeafIndex = proof.LeafIndex;
        verdict = InclusionProof.Verify(hasher, proof.LeafIndex, checkpoint.TreeSize, leafHash, proof.Proof.ToArray(), checkpoint.Root);
        if (!verdict.IsValid)
        {
            return run.Finish(verdict);
        }

        run.Pass(ReceiptCheck.Inclusion);
        verdict = LeafEnvelope.TryDecodeDeposit(proof.Leaf, out DepositLeaf? deposit);
        if (!verdict.IsValid)
        {
            return run.Finish(verdict);
        }

        run.Deposit = deposit;
        run.Pass(ReceiptCheck.LeafFormat);
        verdict = VerifyContent(deposit!, evidence, run);
        if (!verdict.IsValid)
        {
            return run.Finish(verdict);
        }

        verdict = VerifyOpening(deposit!, receipt.Depositor, run);
        if (!verdict.IsValid)
        {
            return run.Finish(verdict);
        }

        verdict = VerifyPromise(receipt.Promise, checkpoint.Origin, hasher, leafHash, trustedKeys, run);
        if (!verdict.IsValid)
        {
            return run.Finish(verdict);
        }

        verdict = VerifyAnchors(receipt, checkpoint, hasher, run);
        if (!verdict.IsValid)
        {
            return run.Finish(verdict);
        }

        verdict = VerifyTimestamps(receipt, checkpoint, hasher, trustedKeys, timestampTrust, run);
        if (!verdict.IsValid)
        {
            return run.Finish(verdict);
        }

        NoteUnknownSections(receipt, run);
        return run.Finish(Verdict.Valid);
    }

    /// <summary>
    /// Each landed <c>evm</c> anchor: it names this log, its checkpoint extends the receipt's
    /// (consistency proof), and its block header and receipt proof show the contract's event with
    /// that size and root. Whether the block is canonical needs a node, so it is left to the caller.
    /// </summary>
    private static Verdict VerifyAnchors(Receipt receipt, Checkpoint checkpoint, MerkleHasher hasher, Run run)
    {
        if (!receipt.TryReadAnchors(out IReadOnlyList<EvmAnchorSection> anchors, out int otherKinds, out string reason))
        {
            return Verdict.Fail(VerificationFailure.MalformedReceipt, reason);
        }

        foreach (EvmAnchorSection anchor in anchors)
        {
            string name = $"the anchor of tree size {anchor.TreeSize} on chain {anchor.ChainId}";
            if (anchor.Landing is not EvmLanding landing || anchor.Status == AnchorState.Lost)
            {
                run.NotChecked.Add((UncheckedItem.Anchors, anchor.Status == AnchorState.Lost
                    ? $"{name} was lost: the chain that held it was reset, so it proves nothing"
                    : $"{name} is pending: not in a block yet"));
                continue;
            }

            Verdict verdict = VerifyEvmAnchor(anchor, landing, checkpoint, hasher);
            if (!verdict.IsValid)
            {
                return Verdict.Fail(verdict.Failure, $"{name}: {verdict.Detail}");
            }

            run.Anchors.Add(anchor);
        }

        if (run.Anchors.Count > 0)
        {
            run.Pass(ReceiptCheck.Anchors);
            run.NotChecked.Add((UncheckedItem.AnchorCanonicality, "that the anchor's block is on the chain's canonical history (needs a node: verify --rpc)"));
        }

        if (otherKinds > 0)
        {
            run.NotChecked.Add((UncheckedItem.Anchors, $"{otherKinds} anchor(s) of a kind this verifier does not know"));
        }

        return Verdict.Valid;
    }

    private static Verdict VerifyEvmAnchor(EvmAnchorSection anchor, EvmLanding landing, Checkpoint checkpoint, MerkleHasher hasher)
    {
        Digest logId = checkpoint.Origin.OriginHash;
        if (anchor.LogId != logId)
        {
            return Verdict.Fail(VerificationFailure.AnchorOfAnotherLog, $"it names log {anchor.LogId.ToHex()}, but this log's id is {logId.ToHex()}");
        }

        if (anchor.TreeSize < checkpoint.TreeSize)
        {
            return Verdict.Fail(VerificationFailure.AnchorInconsistent, $"it anchors an older tree than the receipt's checkpoint of size {checkpoint.TreeSize}");
        }

        Verdict verdict = ConsistencyProof.Verify(hasher, checkpoint.TreeSize, anchor.TreeSize, anchor.ConsistencyProof.ToArray(), checkpoint.Root, anchor.Root);
        if (!verdict.IsValid)
        {
            return Verdict.Fail(VerificationFailure.AnchorInconsistent, "its checkpoint does not extend the receipt's: " + verdict.Detail);
        }

        EvmAnchorVerdict proof = EvmAnchorProof.Verify(new EvmAnchorEvidence(
            Digest.FromHex(landing.BlockHash[2..]),
            landing.BlockHeader,
            landing.TransactionIndex,
            landing.ReceiptProof,
            Convert.FromHexString(anchor.Contract.AsSpan(2)),
            anchor.LogId,
            anchor.TreeSize,
            anchor.Root));
        if (!proof.IsValid)
        {
            return Verdict.Fail(VerificationFailure.AnchorProofInvalid, $"{proof.Failure}: {proof.Detail}");
        }

        return proof.BlockNumber != landing.BlockNumber || proof.BlockTimestampSeconds != landing.BlockTime
            ? Verdict.Fail(VerificationFailure.AnchorProofInvalid, $"the block header says block {proof.BlockNumber} at {proof.BlockTimestampSeconds}, the receipt block {landing.BlockNumber} at {landing.BlockTime}")
            : Verdict.Valid;
    }

    /// <summary>
    /// Each <c>rfc3161</c> entry of a v2 receipt, when the caller trusts some TSA: its checkpoint extends the
    /// receipt's and its token dates that checkpoint (<see cref="TimestampEntryVerifier"/>). Without TSA
    /// roots the tokens cannot be judged, so they are reported as not checked rather than failed.
    /// </summary>
    private static Verdict VerifyTimestamps(Receipt receipt, Checkpoint checkpoint, MerkleHasher hasher, IReadOnlyList<NoteVerifier> trustedKeys, TimestampTrust? trust, Run run)
    {
        if (receipt.Format == Receipt.FormatV1)
        {
            if (receipt.TimestampCount > 0)
            {
                run.NotChecked.Add((UncheckedItem.Timestamps, $"{receipt.TimestampCount} timestamp entr(ies) in a {Receipt.FormatV1} receipt, which does not specify them"));
            }

            return Verdict.Valid;
        }

        if (!receipt.TryReadTimestamps(out IReadOnlyList<TimestampSection> entries, out int otherKinds, out string reason))
        {
            return Verdict.Fail(VerificationFailure.MalformedReceipt, reason);
        }

        if (trust is null)
        {
            if (entries.Count > 0)
            {
                run.NotChecked.Add((UncheckedItem.TimestampTrust, entries.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
        }
        else
        {
            foreach (TimestampSection entry in entries)
            {
                Verdict verdict = TimestampEntryVerifier.Verify(entry, checkpoint, run.LeafIndex!.Value, hasher, trustedKeys, trust.TokenVerifier, out Timestamping.VerifiedTimestamp? token);
                if (!verdict.IsValid)
                {
                    return Verdict.Fail(verdict.Failure, $"the timestamp of {entry.Authority} over tree size {entry.TreeSize}: {verdict.Detail}");
                }

                run.Timestamps.Add(new ReceiptTimestamp(entry.Authority, entry.TreeSize, token!));
            }
        }

        if (run.Timestamps.Count > 0)
        {
            run.Pass(ReceiptCheck.Timestamps);
        }

        if (otherKinds > 0)
        {
            run.NotChecked.Add((UncheckedItem.Timestamps, $"{otherKinds} timestamp entr(ies) of a kind this verifier does not know"));
        }

        return Verdict.Valid;
    }

    private static Verdict VerifyCheckpoint(string note, IReadOnlyList<NoteVerifier> trustedKeys, Run run)
    {
        Verdict verdict = CheckpointVerifier.Verify(note, trustedKeys, out VerifiedCheckpoint? verified);
        if (!verdict.IsValid)
        {
            return verdict;
        }

        run.Pass(ReceiptCheck.CheckpointSignatures);
        foreach (string algorithm in s_logKeyAlgorithms.Where(a => !verified!.SignedBy.Any(k => k.AlgorithmName == a)))
        {
            run.NotChecked.Add((UncheckedItem.MissingAlgorithm, algorithm));
        }

        if (verified!.UnknownSignatures.Count > 0)
        {
            run.NotChecked.Add((UncheckedItem.UnknownSignatures, string.Join(", ", verified.UnknownSignatures.Select(s => $"{s.KeyName}+{s.KeyId:x8}"))));
        }

        run.SignedBy = verified.SignedBy;
        run.Checkpoint = verified.Checkpoint;
        run.Pass(ReceiptCheck.CheckpointFormat);
        return Verdict.Valid;
    }

    private static Verdict VerifyContent(DepositLeaf deposit, DepositEvidence? evidence, Run run)
    {
        if (evidence is null)
        {
            run.NotChecked.Add((UncheckedItem.Content, "no file and salt file were given"));
            return Verdict.Valid;
        }

        if (evidence.UnitCount != deposit.UnitCount)
        {
            return Verdict.Fail(VerificationFailure.UnitCountMismatch, $"the content gives {evidence.UnitCount} units but the deposit has {deposit.UnitCount}");
        }

        if (evidence.UnitsRoot.Sha256 != deposit.UnitsRoot.Sha256)
        {
            return Verdict.Fail(VerificationFailure.CommitmentMismatch, $"the SHA-256 commitment of the content is {evidence.UnitsRoot.Sha256.ToHex()} but the deposit holds {deposit.UnitsRoot.Sha256.ToHex()}");
        }

        run.Pass(ReceiptCheck.UnitsRootSha256);
        if (evidence.UnitsRoot.Sm3 != deposit.UnitsRoot.Sm3)
        {
            return Verdict.Fail(VerificationFailure.CommitmentMismatch, $"the SM3 commitment of the content is {evidence.UnitsRoot.Sm3.ToHex()} but the deposit holds {deposit.UnitsRoot.Sm3.ToHex()}");
        }

        run.Pass(ReceiptCheck.UnitsRootSm3);
        return Verdict.Valid;
    }

    private static Verdict VerifyOpening(DepositLeaf deposit, DepositorOpening? opening, Run run)
    {
        if (opening is null)
        {
            run.NotChecked.Add((UncheckedItem.DepositorOpening, "the receipt does not open the depositor commitment"));
            return Verdict.Valid;
        }

        if (opening.Commitments() != deposit.Depositor)
        {
            return Verdict.Fail(VerificationFailure.PartyCommitmentMismatch, "the depositor opening does not match the depositor commitments in the leaf");
        }

        run.Depositor = opening;
        run.Pass(ReceiptCheck.DepositorOpening);
        return Verdict.Valid;
    }

    private static Verdict VerifyPromise(PromiseSection? section, LogOrigin origin, MerkleHasher hasher, Digest leafHash, IReadOnlyList<NoteVerifier> trustedKeys, Run run)
    {
        if (section is null)
        {
            run.NotChecked.Add((UncheckedItem.Promise, "the receipt carries no promise"));
            return Verdict.Valid;
        }

        Verdict verdict = SignedNote.TryOpen(section.Note, trustedKeys.Where(k => k.Name == origin.ToString()).ToList(), out OpenedNote? opened);
        if (!verdict.IsValid)
        {
            return Verdict.Fail(verdict.Failure, "promise: " + verdict.Detail);
        }

        verdict = Promise.TryParse(opened!.Text, out Promise? promise);
        if (!verdict.IsValid)
        {
            return verdict;
        }

        if (promise!.Origin != origin)
        {
            return Verdict.Fail(VerificationFailure.OriginMismatch, $"the promise is for {promise.Origin}, the checkpoint for {origin}");
        }

        verdict = InclusionProof.Verify(hasher, section.BatchIndex, promise.BatchLeafCount, leafHash, section.BatchProof.ToArray(), promise.BatchRoot);
        if (!verdict.IsValid)
        {
            return Verdict.Fail(verdict.Failure, "promise batch: " + verdict.Detail);
        }

        run.Pass(ReceiptCheck.Promise);
        return Verdict.Valid;
    }

    private static void NoteUnknownSections(Receipt receipt, Run run)
    {
        if (receipt.UnknownMembers is { Count: > 0 } unknown)
        {
            run.NotChecked.Add((UncheckedItem.UnknownMembers, string.Join(", ", unknown)));
        }

        // A token from the operator's own TSA is the operator's word again, so it does not lift this.
        if (!run.Timestamps.Any(t => !t.Token.IsOperatorTsa))
        {
            run.NotChecked.Add((UncheckedItem.TrustedTime, "times are the notary's own claim"));
        }
    }

    private sealed class Run
    {
        public List<ReceiptCheck> Passed { get; } = [];

        public List<(UncheckedItem, string)> NotChecked { get; } = [];

        public IReadOnlyList<NoteVerifier> SignedBy { get; set; } = [];

        public Checkpoint? Checkpoint { get; set; }

        public ulong? LeafIndex { get; set; }

        public DepositLeaf? Deposit { get; set; }

        public DepositorOpening? Depositor { get; set; }

        public List<EvmAnchorSection> Anchors { get; } = [];

        public List<ReceiptTimestamp> Timestamps { get; } = [];

        public void Pass(ReceiptCheck check) => Passed.Add(check);

        public ReceiptReport Finish(Verdict verdict) =>
            new(verdict, Passed, NotChecked, SignedBy, Checkpoint, LeafIndex, Deposit, Depositor, Anchors, Timestamps);
    }
}
