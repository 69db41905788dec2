using EvidenceChain.Core.Checkpoints;
using EvidenceChain.Core.Leaves;
using EvidenceChain.Core.Notes;
using EvidenceChain.Core.Proofs;

namespace EvidenceChain.Core.Receipts;

/// <summary>
/// The outcome of verifying a receipt: the verdict, what passed (in order), what was not checked
/// and the facts a report shows. Facts are filled only as far as verification got.
/// </summary>
public sealed record ReceiptReport(
    Verdict Verdict,
    IReadOnlyList<ReceiptCheck> Passed,
    IReadOnlyList<(UncheckedItem Item, string Detail)> NotChecked,
    IReadOnlyList<NoteVerifier> SignedBy,
    Checkpoint? Checkpoint,
    ulong? LeafIndex,
    DepositLeaf? Deposit,
    DepositorOpening? Depositor,
    IReadOnlyList<EvmAnchorSection> VerifiedAnchors,
    IReadOnlyList<ReceiptTimestamp> VerifiedTimestamps)
{
    public bool IsValid => Verdict.IsValid;
}
