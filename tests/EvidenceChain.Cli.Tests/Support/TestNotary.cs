using System.Security.Cryptography;
using EvidenceChain.Core.Checkpoints;
using EvidenceChain.Core.Commitments;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Leaves;
using EvidenceChain.Core.Merkle;
using EvidenceChain.Core.Notes;
using EvidenceChain.Core.Receipts;

namespace EvidenceChain.Cli.Tests.Support;

/// <summary>
/// A notary built from Core alone, as the service will be: a log origin, its Ed25519 and SM2 keys
/// (named by the origin), and a log in which a deposit is appended among other leaves and signed
/// under a checkpoint. Receipts it issues are real: nothing in the verifier is faked.
/// </summary>
internal sealed class TestNotary : IDisposable
{
    /// <summary>2025-11-29T07:06:40Z, the acceptance time of docs/formats/leaf.md's example.</summary>
    public const long DefaultReceivedAtMs = 1_764_400_000_000;

    public const int LeavesBefore = 3;
    public const int LeavesAfter = 2;

    private static readonly byte[] s_sm2UserId = "1234567812345678"u8.ToArray();

    private readonly Ed25519NoteSigner _depositor;

    private TestNotary(LogOrigin origin, byte[] ed25519Seed, byte[] sm2PrivateKey, byte[] depositorSeed)
    {
        Origin = origin;
        Ed25519 = new Ed25519NoteSigner(origin.ToString(), ed25519Seed);
        Sm2 = new Sm2NoteSigner(origin.ToString(), sm2PrivateKey, s_sm2UserId, RandomNumberGenerator.Fill);
        _depositor = new Ed25519NoteSigner("depositor", depositorSeed);
    }

    public LogOrigin Origin { get; }

    public Ed25519NoteSigner Ed25519 { get; }

    public Sm2NoteSigner Sm2 { get; }

    public string Ed25519Key => Ed25519.Verifier.ToVerifierKey();

    public string Sm2Key => Sm2.Verifier.ToVerifierKey();

    /// <summary>SHA-256(0x01 ‖ depositor's Ed25519 public key), as the receipt's opening carries it.</summary>
    public Digest DepositorFingerprint => PartyCommitment.FingerprintEd25519(_depositor.Verifier.KeyEncoding.Span[1..]);

    /// <summary>A notary with a fresh random log id and keys.</summary>
    public static TestNotary CreateRandom(string host = "notary.example.cn")
    {
        byte[] sm2PrivateKey = RandomNumberGenerator.GetBytes(32);

        // Clearing the top bit and setting the lowest keeps d within 1 … n − 2 (n starts 0xFFFFFFFE).
        sm2PrivateKey[0] &= 0x7F;
        sm2PrivateKey[^1] |= 0x01;
        return new TestNotary(
            LogOrigin.Create(host, TreeHash.Sha256, RandomNumberGenerator.Fill),
            RandomNumberGenerator.GetBytes(32),
            sm2PrivateKey,
            RandomNumberGenerator.GetBytes(32));
    }

    /// <summary>
    /// A notary whose report output is the same on every run: the log id of docs/formats/log.md,
    /// the RFC 8032 §7.1 TEST 1 Ed25519 seed and the GB/T 32918.2 Annex A SM2 key. SM2 signatures
    /// still use random nonces; they do not appear in reports.
    /// </summary>
    public static TestNotary CreateFixed() => new(
        new LogOrigin("notary.example.cn", "000102030405060708090a0b0c0d0e0f", TreeHash.Sha256),
        Convert.FromHexString("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"),
        Convert.FromHexString("3945208F7B2144B13F36E38AC6D39F95889393692860B51A42FB81EF4DF7C5B8"),
        Enumerable.Range(0, 32).Select(i => (byte)(0xA0 + i)).ToArray());

    /// <summary>
    /// Appends the deposit described by <paramref name="saltFile"/> to a fresh log between other
    /// deposits, signs the checkpoint with both keys and returns the receipt's parts; with
    /// <paramref name="withPromise"/>, also the Ed25519-signed promise over all the log's leaves as one batch.
    /// </summary>
    public IssuedReceipt Issue(SaltFile saltFile, long receivedAtMs = DefaultReceivedAtMs, bool withPromise = false)
    {
        var opening = new DepositorOpening(DepositorFingerprint, saltFile.MasterSalt.DerivePartySalt());
        byte[] leaf = new DepositLeaf(ContentKind.TradeSecret, receivedAtMs, saltFile.UnitCount, saltFile.UnitsRoot, opening.Commitments()).Encode();
        using MerkleHasher hasher = MerkleHasher.Create(Origin.TreeHash);
        var tree = new MerkleTree(hasher);
        AppendOtherDeposits(tree, LeavesBefore);
        ulong leafIndex = tree.AppendLeaf(leaf);
        AppendOtherDeposits(tree, LeavesAfter);
        string note = SignedNote.Sign(new Checkpoint(Origin, tree.TreeSize, tree.Root).ToNoteText(), Ed25519, Sm2);
        Digest[] proof = tree.InclusionProof(leafIndex, tree.TreeSize);
        PromiseSection? promise = null;
        if (withPromise)
        {
            string promiseNote = SignedNote.Sign(new Promise(Origin, tree.TreeSize, tree.Root, receivedAtMs).ToNoteText(), Ed25519);
            promise = new PromiseSection(promiseNote, leafIndex, proof);
        }

        return new IssuedReceipt(leaf, leafIndex, proof, note, opening, promise);
    }

    public void Dispose()
    {
        Ed25519.Dispose();
        Sm2.Dispose();
        _depositor.Dispose();
    }

    /// <summary>Other depositors' leaves, derived from their position so that fixed notaries give fixed roots.</summary>
    private static void AppendOtherDeposits(MerkleTree tree, int count)
    {
        for (int i = 0; i < count; i++)
        {
            Digest digest = Digest.Read(SHA256.HashData(BitConverter.GetBytes(tree.TreeSize)));
            var other = new DepositLeaf(ContentKind.Document, DefaultReceivedAtMs - 1000, 1, new DigestPair(digest, digest), new DigestPair(digest, digest));
            tree.AppendLeaf(other.Encode());
        }
    }
}
