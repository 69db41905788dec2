using System.Globalization;
using System.Text.RegularExpressions;
using EvidenceChain.Core.DepositCertificates;
using EvidenceChain.Core.Leaves;
using EvidenceChain.Core.Notes;
using EvidenceChain.Core.Proofs;
using EvidenceChain.Core.Receipts;
using EvidenceChain.Core.Records;
using EvidenceChain.Protocol.V1;
using EvidenceChain.Service.Tests.Support;
using Grpc.Core;
using Org.BouncyCastle.X509;
using PartyRole = EvidenceChain.Core.Access.PartyRole;

namespace EvidenceChain.Service.Tests;

/// <summary>
/// Deposit certificates issued by a real service (HTTP/2 on 127.0.0.1, real LiteDB): the depositor's certificate
/// comes back signed by the development notary certificate, which poppler's <c>pdfsig</c> validates; its text
/// (<c>pdftotext</c>) carries the declared file, the operator and the number; its proof verifies with the log's keys
/// and the development signing root, its record is a certificate leaf (type 7) in the log; one changed byte fails, and
/// so does the proof with another deposit's receipt.
/// With an outside TSA and the built-in one stamping, the page shows the outside TSA's time as independent (its root
/// configured) and the built-in one's as the operator's own. The page states, as the notary's claims, when it signed
/// the receipt's checkpoint and, anchoring on a real anvil, the anchor's depth its node saw at issuance (at least the
/// blocks mined since), or that the node did not answer once it is stopped; with anchoring off, that no depth was
/// observed. Another depositor and an auditor are refused, the office is not; bad requests get INVALID_ARGUMENT or NOT_FOUND.
/// Development mode has one role per process, so each party is a restart on the same data.
/// </summary>
public sealed class CertificateServiceTests : IDisposable
{
    private const string OperatorName = "示例公证处 Example Notary Office";

    private readonly TempDirectory _data = new();

    [Fact]
    public async Task DepositorsCertificate_IsSigned_Recorded_Readable_AndVerifies()
    {
        string depositId;
        string otherReceipt;
        IssueCertificateResponse issued;
        using (ServiceProcess owner = Start(PartyRole.Enterprise))
        {
            depositId = await Depositor.DepositIncludedAsync(owner);
            string otherDepositId = await Depositor.DepositIncludedAsync(owner);
            otherReceipt = (await owner.Client.GetReceiptAsync(new GetReceiptRequest { DepositId = otherDepositId })).ReceiptJson;
            var request = new IssueCertificateRequest { DepositId = depositId, Locator = "https://notary.example.cn/r/abc" };
            request.DeclaredFiles.Add(new DeclaredFile { Name = "配方 recipe.docx", LengthBytes = 123_456 });
            issued = await new CertificateService.CertificateServiceClient(owner.Channel).IssueCertificateAsync(request);
        }

        string pdfPath = Path.Combine(_data.Path, "cert.pdf");
        File.WriteAllBytes(pdfPath, issued.Pdf.ToByteArray());

        // The proof: the log's keys prove the record, the development root proves the signer, and the record names this deposit.
        CertificateReport report = Verify(issued.Pdf.ToByteArray(), issued.ProofJson, SigningRoot());
        Assert.True(report.IsValid, report.Verdict.ToString());
        Assert.True(report.SignerChecked);
        Assert.Equal(depositId, report.Record!.DepositId.ToHex());
        Assert.Equal((issued.CertificateId, issued.RecordLeafIndex), (report.CertificateId, report.RecordLeafIndex!.Value));
        Assert.True(report.RecordCheckpoint!.TreeSize > issued.RecordLeafIndex);
        Assert.True(CertificateProof.TryParse(issued.ProofJson, out CertificateProof? proof).IsValid);
        Assert.Equal((byte)LeafType.Certificate, proof!.Statement.Entries[0].Leaf[1]);

        // The record binds the PDF to its deposit: paired with another deposit's receipt, it fails.
        string swapped = new CertificateProof(otherReceipt, proof.Statement).ToJson();
        Assert.Equal(VerificationFailure.CertificateOfAnotherDeposit, Verify(issued.Pdf.ToByteArray(), swapped, []).Verdict.Failure);

        // poppler, an independent reader: the signature is valid and the text is what the service was told.
        (int _, string signatures) = ExternalProgram.Run(_data.Path, "pdfsig", pdfPath);
        Assert.Contains("Signature Validation: Signature is Valid.", signatures, StringComparison.Ordinal);
        Assert.Contains("EvidenceChain development notary", signatures, StringComparison.Ordinal);
        (int textExit, string text) = ExternalProgram.Run(_data.Path, "pdftotext", "-layout", "-enc", "UTF-8", pdfPath, "-");
        Assert.True(textExit == 0, text);
        Assert.Contains(issued.CertificateId, text, StringComparison.Ordinal);
        Assert.Contains("配方 recipe.docx", text, StringComparison.Ordinal);
        Assert.Contains("123456", text, StringComparison.Ordinal);
        Assert.Contains("示例公证处", text, StringComparison.Ordinal);
        Assert.Contains(depositId, text, StringComparison.Ordinal);

        // The notary's claims at issuance: when it signed the receipt's checkpoint (after it accepted the deposit), and,
        // anchoring off, no anchor and no depth.
        Assert.InRange(PageTime(text, "公证处签署时间"), PageTime(text, "受理时间"), DateTimeOffset.UtcNow);
        Assert.Contains("the notary's claim: when it signed the checkpoint of tree size", OneLine(text), StringComparison.Ordinal);
        Assert.Contains("No proven anchor: the notary anchors to no chain, so no depth was observed at issuance.", OneLine(text), StringComparison.Ordinal);

        // The development signing key is the service's alone.
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_data.Path, "keys", "certificate-signing.key")));

        // One changed byte of the visible page fails the signature, and so the certificate.
        byte[] altered = issued.Pdf.ToByteArray();
        int at = IndexOf(altered, "/Title"u8) + 1;
        altered[at] ^= 0x20;
        Assert.Equal(VerificationFailure.CertificateSignatureInvalid, Verify(altered, issued.ProofJson, SigningRoot()).Verdict.Failure);
    }

    [Fact]
    public async Task OtherDepositor_AndAuditor_Refused_OfficeIssues_BadRequestsExplained()
    {
        string depositId;
        using (ServiceProcess owner = Start(PartyRole.Enterprise))
        {
            depositId = await Depositor.DepositIncludedAsync(owner);
        }

        foreach (PartyRole role in new[] { PartyRole.Appraiser, PartyRole.Auditor })
        {
            using ServiceProcess other = Start(role);
            RpcException denied = await Assert.ThrowsAsync<RpcException>(() => Issue(other, new IssueCertificateRequest { DepositId = depositId }));
            Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        }

        using ServiceProcess office = Start(PartyRole.NotaryOffice);
        IssueCertificateResponse issued = await Issue(office, new IssueCertificateRequest { DepositId = depositId });
        Assert.True(Verify(issued.Pdf.ToByteArray(), issued.ProofJson, []).IsValid);

        await AssertStatusAsync(office, new IssueCertificateRequest { DepositId = new string('0', 64) }, StatusCode.NotFound, "no deposit");
        await AssertStatusAsync(office, new IssueCertificateRequest { DepositId = "xyz" }, StatusCode.InvalidArgument, "64 lowercase hex");
        await AssertStatusAsync(office, new IssueCertificateRequest { DepositId = depositId, Locator = "ftp://notary.example.cn/r" }, StatusCode.InvalidArgument, "http or https");
        var tooMany = new IssueCertificateRequest { DepositId = depositId };
        tooMany.DeclaredFiles.AddRange(Enumerable.Range(0, 21).Select(i => new DeclaredFile { Name = $"f{i}" }));
        await AssertStatusAsync(office, tooMany, StatusCode.InvalidArgument, "at most 20");
        var unnamed = new IssueCertificateRequest { DepositId = depositId };
        unnamed.DeclaredFiles.Add(new DeclaredFile { Name = " " });
        await AssertStatusAsync(office, unnamed, StatusCode.InvalidArgument, "has a name");
    }

    [Fact]
    public async Task Certificate_ShowsEachTsasTime_OutsideIndependent_BuiltInOperatorTime()
    {
        using var outsideData = new TempDirectory();
        using ServiceProcess outside = ServiceProcess.Start(outsideData.Path);
        using ServiceProcess service = ServiceProcess.Start(
            _data.Path,
            "--Sequencer:Interval=00:00:00.100",
            "--Tsa:Stamping:Authorities:0:Name=outside",
            $"--Tsa:Stamping:Authorities:0:Url={outside.PublicAddress.TrimEnd('/')}/tsa",
            "--Tsa:Stamping:UseBuiltIn=true",
            "--Tsa:Stamping:Interval=00:00:00.200",
            "--Tsa:Stamping:PollInterval=00:00:00.100",
            $"--DepositCertificates:TsaRootFiles:0={Path.Combine(outsideData.Path, "tsa-root.crt")}");
        string depositId = await Depositor.DepositIncludedAsync(service);

        // Both TSAs stamp a checkpoint holding the deposit within a few hundred ms: poll the receipt, bounded.
        for (int attempt = 0; attempt < 200; attempt++)
        {
            string receipt = (await service.Client.GetReceiptAsync(new GetReceiptRequest { DepositId = depositId })).ReceiptJson;
            if (receipt.Contains("\"outside\"", StringComparison.Ordinal) && receipt.Contains("\"built-in\"", StringComparison.Ordinal))
            {
                break;
            }

            await Task.Delay(100);
        }

        IssueCertificateResponse issued = await Issue(service, new IssueCertificateRequest { DepositId = depositId });
        string pdfPath = Path.Combine(_data.Path, "stamped.pdf");
        File.WriteAllBytes(pdfPath, issued.Pdf.ToByteArray());
        (int textExit, string text) = ExternalProgram.Run(_data.Path, "pdftotext", "-layout", "-enc", "UTF-8", pdfPath, "-");

        Assert.True(textExit == 0, text);
        Assert.Contains("独立时间戳机构 — independent TSA", text, StringComparison.Ordinal);
        Assert.Contains("运营方自有时间戳，非独立 — operator's own TSA, not independent", text, StringComparison.Ordinal);
        Assert.Contains("CN=EvidenceChain development TSA", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Certificate_Anchored_ShowsTheDepthTheNotarysNodeSaw_OrThatItDidNotAnswer()
    {
        using TestAnchorChain chain = await TestAnchorChain.StartAsync();
        using ServiceProcess service = ServiceProcess.Start(_data.Path, chain.ServiceArguments(_data.Path, TimeSpan.FromMilliseconds(200), finalityDepth: 0));
        string depositId = await Depositor.DepositIncludedAsync(service);
        EvmLanding landing = await LatestReceiptsLandingAsync(service, depositId);

        // Blocks mined after the anchor's: at issuance the service's node is at least that many blocks past it.
        const int Mined = 5;
        await chain.Anvil.MineAsync(Mined);
        DateTimeOffset before = DateTimeOffset.UtcNow;
        string text = await IssuedTextAsync(service, depositId, "anchored.pdf");
        DateTimeOffset after = DateTimeOffset.UtcNow;
        ulong headAfter = await chain.Contract.BlockNumberAsync(CancellationToken.None);

        ulong depth = PageNumber(text, @"签发时确认深度\s+(\d+) 个区块 blocks");
        ulong head = PageNumber(text, @"公证处节点最新区块 head block on the notary's node: (\d+)");
        Assert.Equal(landing.BlockNumber, PageNumber(text, @"区块号\s+(\d+)"));
        Assert.True(depth >= Mined + 1, $"depth {depth} at issuance, {Mined} blocks mined after the anchor's block");
        Assert.Equal(head - landing.BlockNumber + 1, depth);
        Assert.InRange(head, landing.BlockNumber + Mined, headAfter);
        Assert.InRange(PageTime(text, "观察于 observed at"), before.AddMilliseconds(-1), after);
        Assert.Contains("（公证处签发时的声明，收据不证明 — the notary's claim at issuance, not proven by the receipt）", OneLine(text), StringComparison.Ordinal);
        Assert.Contains("check with verify --rpc on a node you trust", text, StringComparison.Ordinal);
        Assert.InRange(PageTime(text, "公证处签署时间"), PageTime(text, "受理时间"), before);
        service.ThrowIfErrorsLogged();

        // The certificate's record made a checkpoint, anchored in turn; then the node stops: no depth, and the page says why.
        await LatestReceiptsLandingAsync(service, depositId);
        chain.Anvil.Stop();
        string unanswered = await IssuedTextAsync(service, depositId, "unanswered.pdf");
        Assert.Matches(@"签发时确认深度\s+未观察：公证处节点于 \S+ \S+ UTC 未应答", unanswered);
        Assert.DoesNotContain("个区块 blocks", unanswered, StringComparison.Ordinal);
    }

    /// <summary>
    /// Where the anchor of the deposit's latest receipt landed, once the latest checkpoint is anchored and proven (bounded
    /// poll): a certificate issued now is drawn from that receipt, while no leaf is added.
    /// </summary>
    private async Task<EvmLanding> LatestReceiptsLandingAsync(ServiceProcess service, string depositId)
    {
        IReadOnlyList<NoteVerifier> keys = LogKeys();
        for (int attempt = 0; attempt < 300; attempt++)
        {
            string receipt = (await service.Client.GetReceiptAsync(new GetReceiptRequest { DepositId = depositId })).ReceiptJson;
            if (ReceiptVerifier.Verify(receipt, keys, evidence: null).VerifiedAnchors is [EvmAnchorSection { Landing: EvmLanding landing }])
            {
                return landing;
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException("The deposit's latest receipt carried no proven anchor within 30 s.");
    }

    private async Task<string> IssuedTextAsync(ServiceProcess service, string depositId, string fileName)
    {
        IssueCertificateResponse issued = await Issue(service, new IssueCertificateRequest { DepositId = depositId });
        string pdfPath = Path.Combine(_data.Path, fileName);
        File.WriteAllBytes(pdfPath, issued.Pdf.ToByteArray());
        (int textExit, string text) = ExternalProgram.Run(_data.Path, "pdftotext", "-layout", "-enc", "UTF-8", pdfPath, "-");
        Assert.True(textExit == 0, text);
        return text;
    }

    /// <summary>The time the page prints after <paramref name="label"/>, as yyyy-MM-dd HH:mm:ss.fff UTC.</summary>
    private static DateTimeOffset PageTime(string text, string label)
    {
        Match match = Regex.Match(text, Regex.Escape(label) + @"\s+(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}) UTC");
        Assert.True(match.Success, $"no time after {label} in:\n{text}");
        return DateTimeOffset.ParseExact(match.Groups[1].Value, "yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
    }

    private static ulong PageNumber(string text, string pattern)
    {
        Match match = Regex.Match(text, pattern);
        Assert.True(match.Success, $"no {pattern} in:\n{text}");
        return ulong.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>The text with every run of white space one space: a sentence wrapped over lines reads whole.</summary>
    private static string OneLine(string text) => Regex.Replace(text, @"\s+", " ");

    private static Task<IssueCertificateResponse> Issue(ServiceProcess service, IssueCertificateRequest request) =>
        new CertificateService.CertificateServiceClient(service.Channel).IssueCertificateAsync(request).ResponseAsync;

    private static async Task AssertStatusAsync(ServiceProcess service, IssueCertificateRequest request, StatusCode code, string message)
    {
        RpcException refused = await Assert.ThrowsAsync<RpcException>(() => Issue(service, request));
        Assert.Equal(code, refused.StatusCode);
        Assert.Contains(message, refused.Status.Detail, StringComparison.Ordinal);
    }

    private CertificateReport Verify(byte[] pdf, string proofJson, IReadOnlyList<X509Certificate> signingRoots) =>
        CertificateVerifier.Verify(pdf, proofJson, LogKeys(), evidence: null, timestampTrust: null, signingRoots);

    private NoteVerifier[] LogKeys() =>
        [.. File.ReadAllLines(Path.Combine(_data.Path, "notary.vkeys")).Where(l => l.Length > 0).Select(NoteVerifierKey.Parse)];

    private X509Certificate[] SigningRoot() =>
        [new X509CertificateParser().ReadCertificate(File.ReadAllBytes(Path.Combine(_data.Path, "certificate-signing-root.crt")))];

    private static int IndexOf(byte[] bytes, ReadOnlySpan<byte> value)
    {
        int at = bytes.AsSpan().IndexOf(value);
        Assert.True(at >= 0);
        return at;
    }

    private ServiceProcess Start(PartyRole role) =>
        ServiceProcess.Start(_data.Path, "--Sequencer:Interval=00:00:00.100", $"--Security:DevelopmentRole={role}", $"--DepositCertificates:OperatorName={OperatorName}");

    public void Dispose() => _data.Dispose();
}
