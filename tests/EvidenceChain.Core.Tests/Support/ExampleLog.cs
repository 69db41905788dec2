using System.Text;
using EvidenceChain.Core.Checkpoints;
using EvidenceChain.Core.Commitments;
using EvidenceChain.Core.Deposits;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Leaves;
using EvidenceChain.Core.Merkle;
using EvidenceChain.Core.Notes;
using EvidenceChain.Core.Receipts;

namespace EvidenceChain.Core.Tests.Support;

/// <summary>
/// A small log built entirely from the core, as the service will build it: deposits become leaves,
/// a checkpoint is signed with both notary keys, and receipts are cut from the tree. Its defaults
/// are the inputs of the worked examples in docs/formats/.
/// </summary>
internal sealed class ExampleLog : IDisposable
{
    /// <summary>The example's content: 13 bytes.</summary>
    public static readonly byte[] Content = Encoding.ASCII.GetBytes("hello, court\n");

    public static readonly MasterSalt Salt = MasterSalt.FromBytes(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray());

    /// <summary>RFC 8032 §7.1 TEST 2 secret key: the example depositor.</summary>
    public static readonly byte[] DepositorSeed = Hex.Bytes("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb");

    /// <summary>RFC 8032 §7.1 TEST 2 public key: the example depositor.</summary>
    public static readonly byte[] DepositorPublicKey = Hex.Bytes("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c");

    public const long ReceivedAtMs = 1_764_400_000_000;

    public ExampleLog(LogOrigin? origin = null, bool randomSm2Nonce = false)
    {
        Origin = origin ?? TestKeys.Origin;
        Ed25519 = TestKeys.Ed25519(Origin.ToString());
        Sm2 = randomSm2Nonce ? TestKeys.Sm2Random(Origin.ToString()) : TestKeys.Sm2(Origin.ToString());
        Tree = new MerkleTree(MerkleHasher.Create(Origin.TreeHash));
    }

    public LogOrigin Origin { get; }

    public Ed25519NoteSigner Ed25519 { get; }

    public Sm2NoteSigner Sm2 { get; }

    public MerkleTree Tree { get; }

    public IReadOnlyList<NoteVerifier> TrustedKeys => [Ed25519.Verifier, Sm2.Verifier];

    public static DigestPair UnitsRoot()
    {
        using var units = new UnitsRoot(Salt);
        units.Add(new UnitDescriptor(string.Empty, 0, (ulong)Content.Length), ContentHasher.HashData(Content));
        return units.Finish();
    }

    public static DepositorOpening Opening() => new(PartyCommitment.FingerprintEd25519(DepositorPublicKey), Salt.DerivePartySalt());

    public static DepositLeaf Deposit() => new(ContentKind.TradeSecret, ReceivedAtMs, 1, UnitsRoot(), Opening().Commitments());

    /// <summary>The example deposit as a depositor's request of one entry.</summary>
    public static DepositRequest Request() =>
        new(TestKeys.Origin, [new DepositEntry(ContentKind.TradeSecret, 1, UnitsRoot(), Salt.DerivePartySalt())]);

    public static DepositEvidence Evidence() => new(UnitsRoot(), 1);

    public ulong Append(byte[] leaf) => Tree.AppendLeaf(leaf);

    /// <summary>The signed checkpoint of the whole tree, signed by the given signers (both notary keys by default).</summary>
    public string CheckpointNote(params NoteSigner[] signers) =>
        SignedNote.Sign(new Checkpoint(Origin, Tree.TreeSize, Tree.Root).ToNoteText(), signers.Length == 0 ? [Ed25519, Sm2] : signers);

    public TlogProof Proof(ulong leafIndex, byte[] leaf, string? checkpointNote = null) =>
        new(leaf, leafIndex, Tree.InclusionProof(leafIndex, Tree.TreeSize), checkpointNote ?? CheckpointNote());

    /// <summary>A promise for a batch made of the given leaves, and the receipt section for one of them.</summary>
    public PromiseSection PromiseFor(IReadOnlyList<byte[]> batch, int batchIndex, long acceptedAtMs)
    {
        var batchTree = new MerkleTree(MerkleHasher.Create(Origin.TreeHash));
        foreach (byte[] leaf in batch)
        {
            batchTree.AppendLeaf(leaf);
        }

        string note = SignedNote.Sign(new Promise(Origin, batchTree.TreeSize, batchTree.Root, acceptedAtMs).ToNoteText(), Ed25519);
        return new PromiseSection(note, (ulong)batchIndex, batchTree.InclusionProof((ulong)batchIndex, batchTree.TreeSize));
    }

    public void Dispose()
    {
        Ed25519.Dispose();
        Sm2.Dispose();
        Tree.Hasher.Dispose();
    }
}
