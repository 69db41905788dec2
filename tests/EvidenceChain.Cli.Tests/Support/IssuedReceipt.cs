using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Receipts;

namespace EvidenceChain.Cli.Tests.Support;

/// <summary>The parts of a receipt as the notary made them, so a test can change one part and re-serialize.</summary>
internal sealed record IssuedReceipt(
    byte[] Leaf,
    ulong LeafIndex,
    IReadOnlyList<Digest> Proof,
    string CheckpointNote,
    DepositorOpening? Opening,
    PromiseSection? Promise)
{
    public string TlogProofText => new TlogProof(Leaf, LeafIndex, Proof, CheckpointNote).Format();

    public string ToJson() => new Receipt(TlogProofText, Opening, Promise).ToJson();

    /// <summary>A receipt file whose tlog-proof text is <paramref name="tlogProofText"/>, everything else unchanged.</summary>
    public string ToJsonWithProofText(string tlogProofText) => new Receipt(tlogProofText, Opening, Promise).ToJson();
}
