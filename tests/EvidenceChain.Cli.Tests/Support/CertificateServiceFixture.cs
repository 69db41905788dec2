using System.Text;
using EvidenceChain.Cli.Internal;
using EvidenceChain.Core.DepositCertificates;
using EvidenceChain.Protocol.V1;
using Grpc.Net.Client;

namespace EvidenceChain.Cli.Tests.Support;

/// <summary>
/// A real service with one file deposited through <c>deposit</c> and two certificates it issued for that
/// deposit over <c>CertificateService</c>, shared by a test class. Two, because each is a PDF of its own with its
/// own record: a test pairs one's PDF with the other's proof.
/// </summary>
public sealed class CertificateServiceFixture : ServiceFixture, IAsyncLifetime
{
    private static readonly byte[] s_content = Encoding.UTF8.GetBytes("技术秘密：第三代配方\nformula, third generation\n");

    internal OnlineWorkspace Workspace { get; private set; } = null!;

    /// <summary>The deposited file.</summary>
    internal string ContentPath { get; private set; } = null!;

    internal string SaltPath { get; private set; } = null!;

    internal string ReceiptPath { get; private set; } = null!;

    internal SavedCertificate First { get; private set; } = null!;

    internal SavedCertificate Second { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Workspace = new OnlineWorkspace(Address);
        ContentPath = Workspace.Write("evidence/formula.txt", s_content);
        CliResult deposited = await Workspace.RunAsync("deposit", ContentPath, "--kind", "trade-secret", "--lang", "en");
        Assert.True(deposited.ExitCode == 0, deposited + ServiceOutput);
        DepositFiles files = DepositFiles.For(Workspace.File("evidence"), "formula.txt");
        SaltPath = files.SaltPath;
        ReceiptPath = files.ReceiptPath;
        (string depositId, _) = SavedReceipt.ReadPromise(files.PromisePath);

        using GrpcChannel channel = GrpcChannel.ForAddress(Address);
        var certificates = new CertificateService.CertificateServiceClient(channel);
        First = await IssueAsync(certificates, depositId, "first.pdf");
        Second = await IssueAsync(certificates, depositId, "second.pdf");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Workspace?.Dispose();
        }

        base.Dispose(disposing);
    }

    private async Task<SavedCertificate> IssueAsync(CertificateService.CertificateServiceClient certificates, string depositId, string name)
    {
        IssueCertificateResponse issued = await certificates.IssueCertificateAsync(new IssueCertificateRequest
        {
            DepositId = depositId,
            DeclaredFiles = { new Protocol.V1.DeclaredFile { Name = "formula.txt" } },
        });
        string pdfPath = Workspace.Write("certificates/" + name, issued.Pdf.ToByteArray());
        string proofPath = Workspace.Write("certificates/" + Path.GetFileName(CertificateProof.PathBeside(pdfPath)), issued.ProofJson);
        return new SavedCertificate(pdfPath, proofPath, issued.CertificateId, issued.RecordLeafIndex);
    }
}
