using EvidenceChain.Core.Anchors;
using EvidenceChain.Core.Checkpoints;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Notes;
using EvidenceChain.Core.Receipts;
using EvidenceChain.Core.Tests.Anchors;
using EvidenceChain.Core.Tests.Support;
using EvidenceChain.Timestamping;

namespace EvidenceChain.Core.Tests.Receipts.Conformance;

/// <summary>
/// The log every v2 conformance receipt is cut from: the docs example deposit as leaf 5 of 15 leaves (the
/// others are the same deposit accepted a millisecond apart, in leaf order, so no two leaves are equal), the receipt's
/// checkpoint at size 11, an earlier stamped one at 8 and a later one at 15. Signed with the published test
/// keys (Ed25519, and SM2 with the published fixed nonce), so everything but the TSA tokens is the same on
/// every run. For the rotation cases the log also has a second key pair (<see cref="TestKeys.RotatedEd25519"/>,
/// <see cref="TestKeys.RotatedSm2"/>): the checkpoint of size 11 is then the rotation checkpoint, signed by
/// both pairs, and the one of size 15 is signed by the new pair alone (checkpoint.md §Key rotation).
/// </summary>
internal sealed class ConformanceLog : IDisposable
{
    public const ulong LeafIndex = 5;
    public const ulong EarlierSize = 8;
    public const ulong ReceiptSize = 11;
    public const ulong LaterSize = 15;
    public const long ChainId = 31337;

    /// <summary>The promise's batch: leaves 4 to 6, accepted together just after the last of them.</summary>
    private const int BatchFirstLeaf = 4;
    private const int BatchLeafCount = 3;

    private readonly ExampleLog _log = new(TestKeys.Origin);
    private readonly List<byte[]> _leaves = [];
    private readonly Ed25519NoteSigner _newEd25519 = TestKeys.RotatedEd25519(TestKeys.Origin.ToString());
    private readonly Sm2NoteSigner _newSm2 = TestKeys.RotatedSm2(TestKeys.Origin.ToString());

    public ConformanceLog()
    {
        for (int i = 0; i < (int)LaterSize; i++)
        {
            byte[] leaf = (ExampleLog.Deposit() with { ReceivedAtMs = ExampleLog.ReceivedAtMs + i - (long)LeafIndex }).Encode();
            _leaves.Add(leaf);
            _log.Append(leaf);
        }
    }

    public IReadOnlyList<NoteVerifier> TrustedKeys => _log.TrustedKeys;

    /// <summary>Both generations of the log's keys, the first pair first: what a verifier trusts after the rotation.</summary>
    public IReadOnlyList<NoteVerifier> RotatedTrustedKeys => [.. _log.TrustedKeys, _newEd25519.Verifier, _newSm2.Verifier];

    public NoteSigner Ed25519 => _log.Ed25519;

    public NoteSigner Sm2 => _log.Sm2;

    public NoteSigner NewEd25519 => _newEd25519;

    public NoteSigner NewSm2 => _newSm2;

    public byte[] Deposit => _leaves[(int)LeafIndex];

    private static long AcceptedAtMs => ExampleLog.ReceivedAtMs + BatchFirstLeaf + BatchLeafCount - (long)LeafIndex;

    public Checkpoint CheckpointAt(ulong treeSize) => new(_log.Origin, treeSize, _log.Tree.RootAt(treeSize));

    /// <summary>The checkpoint of the first <paramref name="treeSize"/> leaves, signed by both log keys unless other signers are given.</summary>
    public string NoteAt(ulong treeSize, params NoteSigner[] signers) =>
        SignedNote.Sign(CheckpointAt(treeSize).ToNoteText(), signers.Length == 0 ? [_log.Ed25519, _log.Sm2] : signers);

    /// <summary>The deposit's proof in the checkpoint of <paramref name="treeSize"/>, the receipt's by default; <paramref name="leaf"/> and <paramref name="proof"/> replace what is carried, for corrupted cases.</summary>
    public TlogProof Proof(string? checkpointNote = null, byte[]? leaf = null, Digest[]? proof = null, ulong treeSize = ReceiptSize) =>
        new(leaf ?? Deposit, LeafIndex, proof ?? InclusionProof(treeSize), checkpointNote ?? NoteAt(treeSize));

    public Digest[] InclusionProof(ulong treeSize = ReceiptSize) => _log.Tree.InclusionProof(LeafIndex, treeSize);

    /// <summary>A receipt with the depositor's opening and the notary's promise, as the service issues it.</summary>
    public Receipt Receipt(TlogProof? proof = null) =>
        new((proof ?? Proof()).Format(), ExampleLog.Opening(), _log.PromiseFor(_leaves.GetRange(BatchFirstLeaf, BatchLeafCount), (int)LeafIndex - BatchFirstLeaf, AcceptedAtMs));

    /// <summary>A token of <paramref name="tsa"/> over the checkpoint of <paramref name="stampedSize"/>: the receipt's own (no note, no proof), or another carried signed with the consistency proof from the smaller tree to the larger.</summary>
    public TimestampSection Stamp(string authority, TestTsa tsa, ulong stampedSize = ReceiptSize, TimestampHash hash = TimestampHash.Sha256)
    {
        byte[] token = tsa.Stamp(CheckpointAt(stampedSize).ToNoteText(), hash);
        return stampedSize == ReceiptSize
            ? new TimestampSection(authority, stampedSize, null, [], token)
            : new TimestampSection(authority, stampedSize, NoteAt(stampedSize), _log.Tree.ConsistencyProof(Math.Min(stampedSize, ReceiptSize), Math.Max(stampedSize, ReceiptSize)), token);
    }

    /// <summary>
    /// The later checkpoint anchored in a synthetic block (<see cref="SyntheticBlock"/>: a header whose receipts trie
    /// holds the contract's Anchored event at transaction 2). With <paramref name="proofOfAnotherBlock"/> the
    /// receipt proof is the same event's in another block, whose receipts trie has another root.
    /// </summary>
    public EvmAnchorSection Anchor(bool proofOfAnotherBlock = false)
    {
        const int anchorIndex = 2;
        byte[] eventReceipt = SyntheticBlock.Receipt(2, true, SyntheticBlock.AnchoredLog(logId: _log.Origin.OriginHash, treeSize: LaterSize, root: _log.Tree.RootAt(LaterSize)));
        EvmAnchorEvidence block = SyntheticBlock.AnchorBlock(4, anchorIndex, eventReceipt);
        IReadOnlyList<byte[]> receiptProof = proofOfAnotherBlock ? SyntheticBlock.AnchorBlock(3, anchorIndex, eventReceipt).ProofNodes : block.ProofNodes;
        var landing = new EvmLanding("0x" + new string('a', 64), anchorIndex, SyntheticBlock.Number, "0x" + block.BlockHash.ToHex(), SyntheticBlock.TimestampSeconds, 0, block.HeaderRlp, receiptProof);
        return new EvmAnchorSection(AnchorState.Final, ChainId, "0x" + Convert.ToHexStringLower(SyntheticBlock.Contract), _log.Origin.OriginHash, LaterSize, _log.Tree.RootAt(LaterSize),
            _log.Tree.ConsistencyProof(ReceiptSize, LaterSize), landing);
    }

    public void Dispose()
    {
        _log.Dispose();
        _newEd25519.Dispose();
        _newSm2.Dispose();
    }
}
