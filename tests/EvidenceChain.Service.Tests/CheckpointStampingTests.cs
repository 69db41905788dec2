using System.Text;
using EvidenceChain.Core.Checkpoints;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Merkle;
using EvidenceChain.Core.Proofs;
using EvidenceChain.Core.Receipts;
using EvidenceChain.Protocol.V1;
using EvidenceChain.Service.Tests.Support;
using EvidenceChain.Timestamping;
using Org.BouncyCastle.X509;

namespace EvidenceChain.Service.Tests;

/// <summary>
/// Checkpoints stamped by TSAs, on real services: the outside TSA is a second service process with its own
/// development CA, asked over HTTP at its <c>/tsa</c>; the built-in TSA stamps too. A deposit's receipt
/// carries a token from each over its checkpoint (or a later one, with the consistency proof to it), and
/// each token verifies against its own TSA's root only, over the stamped checkpoint's text.
/// </summary>
public sealed class CheckpointStampingTests : IDisposable
{
    private readonly TempDirectory _outsideData = new();
    private readonly TempDirectory _data = new();

    [Fact]
    public async Task Receipt_CarriesATokenFromTheOutsideTsaAndTheBuiltInOne_EachVerifiesAgainstItsOwnRootOnly()
    {
        using ServiceProcess outside = ServiceProcess.Start(_outsideData.Path);
        using ServiceProcess service = ServiceProcess.Start(
            _data.Path,
            "--Sequencer:Interval=00:00:00.100",
            "--Tsa:Stamping:Authorities:0:Name=outside",
            $"--Tsa:Stamping:Authorities:0:Url={outside.PublicAddress.TrimEnd('/')}/tsa",
            "--Tsa:Stamping:UseBuiltIn=true",
            "--Tsa:Stamping:Interval=00:00:00.200",
            "--Tsa:Stamping:PollInterval=00:00:00.100");
        string depositId = await Depositor.DepositIncludedAsync(service);

        // The receipt once both TSAs have stamped a checkpoint holding the deposit (bounded poll: stamps come every few hundred ms).
        Receipt receipt = null!;
        IReadOnlyList<TimestampSection> stamps = [];
        for (int attempt = 0; attempt < 200 && stamps.Count < 2; attempt++)
        {
            GetReceiptResponse answer = await service.Client.GetReceiptAsync(new GetReceiptRequest { DepositId = depositId });
            Assert.True(Receipt.TryParse(answer.ReceiptJson, out Receipt? parsed).IsValid);
            receipt = parsed!;
            Assert.True(receipt.TryReadTimestamps(out stamps, out int otherKinds, out string reason), reason);
            Assert.Equal(0, otherKinds);
            await Task.Delay(stamps.Count < 2 ? 100 : 0);
        }

        Assert.Equal(["built-in", "outside"], stamps.Select(s => s.Authority).Order(StringComparer.Ordinal));
        Assert.True(TlogProof.TryParse(receipt.TlogProof, out TlogProof? proof).IsValid);
        Assert.True(CheckpointVerifier.Verify(proof!.CheckpointNote, VerifierKeys(_data.Path), out VerifiedCheckpoint? receiptCheckpoint).IsValid);

        X509Certificate outsideRoot = Root(_outsideData.Path);
        X509Certificate ownRoot = Root(_data.Path);
        foreach (TimestampSection stamp in stamps)
        {
            // The imprint recomputed here, from the format's words: SHA-256 of the stamped checkpoint's text without its signatures.
            TimestampImprint imprint = TimestampImprint.Compute(TimestampHash.Sha256, Encoding.UTF8.GetBytes(StampedCheckpoint(stamp, receiptCheckpoint!, proof.LeafIndex).ToNoteText()));
            X509Certificate root = stamp.Authority == "outside" ? outsideRoot : ownRoot;
            X509Certificate other = stamp.Authority == "outside" ? ownRoot : outsideRoot;
            TimestampVerdict verdict = new TimestampTokenVerifier([root], []).Verify(stamp.TokenDer, imprint);
            Assert.True(verdict.IsValid, verdict.ToString());
            Assert.Equal(TimestampFailure.UntrustedTsa, new TimestampTokenVerifier([other], []).Verify(stamp.TokenDer, imprint).Failure);
        }

        // The same through the receipt verifier a court runs: both tokens verify, the built-in one labelled operator time.
        X509Certificate ownTsa = new X509CertificateParser().ReadCertificate(File.ReadAllBytes(Path.Combine(_data.Path, "tsa.crt")));
        ReceiptReport report = ReceiptVerifier.Verify(receipt.ToJson(), VerifierKeys(_data.Path), evidence: null, new TimestampTrust([outsideRoot, ownRoot], [ownTsa]));
        Assert.True(report.IsValid, report.Verdict.ToString());
        Assert.Equal([("built-in", true), ("outside", false)], report.VerifiedTimestamps.Select(t => (t.Authority, t.Token.IsOperatorTsa)).OrderBy(t => t.Authority, StringComparer.Ordinal));

        Assert.Equal(0, service.Terminate());
        service.ThrowIfErrorsLogged();
        Assert.Equal(0, outside.Terminate());
    }

    public void Dispose()
    {
        _data.Dispose();
        _outsideData.Dispose();
    }

    /// <summary>The stamped checkpoint's note: the receipt's own, or the carried one, signed by the log and consistent with the receipt's.</summary>
    private Checkpoint StampedCheckpoint(TimestampSection stamp, VerifiedCheckpoint receiptCheckpoint, ulong leafIndex)
    {
        Checkpoint own = receiptCheckpoint.Checkpoint;
        if (stamp.CheckpointNote is null)
        {
            Assert.Equal(own.TreeSize, stamp.TreeSize);
            return own;
        }

        Assert.True(CheckpointVerifier.Verify(stamp.CheckpointNote, VerifierKeys(_data.Path), out VerifiedCheckpoint? later).IsValid);
        Assert.Equal(stamp.TreeSize, later!.Checkpoint.TreeSize);
        Assert.True(stamp.TreeSize > leafIndex, "the stamped checkpoint holds the receipt's leaf");
        using MerkleHasher hasher = MerkleHasher.Create(own.Origin.TreeHash);
        Checkpoint stamped = later.Checkpoint;
        (Checkpoint smaller, Checkpoint larger) = stamped.TreeSize < own.TreeSize ? (stamped, own) : (own, stamped);
        Assert.True(ConsistencyProof.Verify(hasher, smaller.TreeSize, larger.TreeSize, [.. stamp.ConsistencyProof], smaller.Root, larger.Root).IsValid);
        return stamped;
    }

    private static IReadOnlyList<Core.Notes.NoteVerifier> VerifierKeys(string data) =>
        [.. File.ReadAllLines(Path.Combine(data, "notary.vkeys")).Select(Core.Notes.NoteVerifierKey.Parse)];

    private static X509Certificate Root(string data) => new X509CertificateParser().ReadCertificate(File.ReadAllBytes(Path.Combine(data, "tsa-root.crt")));
}
