using EvidenceChain.Core.Access;
using EvidenceChain.DepositCertificates;
using EvidenceChain.Engine;
using EvidenceChain.Engine.Certificates;
using EvidenceChain.Engine.Ports;
using EvidenceChain.Protocol.V1;
using EvidenceChain.Service.Internal;
using Google.Protobuf;
using Grpc.Core;
using DeclaredFile = EvidenceChain.DepositCertificates.DeclaredFile;

namespace EvidenceChain.Service.Grpc;

/// <summary>
/// Deposit certificates over gRPC (certificates.proto): the depositor, or the office, asks for a deposit's
/// signed certificate and gets the PDF with its proof once its record is in a signed checkpoint.
/// </summary>
internal sealed class CertificateGrpcService(CertificateOffice office, LogQueries queries, AccessGate gate) : CertificateService.CertificateServiceBase
{
    public override async Task<IssueCertificateResponse> IssueCertificate(IssueCertificateRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        Caller caller = gate.CallerOf(context);
        StoredLeaf deposit = StatusErrors.Run(() => queries.FindLeaf(WireIds.DepositId(request.DepositId)));
        gate.RequireDeposit(caller, Operation.IssueCertificate, deposit);
        if (request.DeclaredFiles.Count > CertificateParticulars.DeclaredFileCountMax)
        {
            throw StatusErrors.Invalid("declared_files", $"{request.DeclaredFiles.Count} files; a certificate lists at most {CertificateParticulars.DeclaredFileCountMax}");
        }

        DeclaredFile[] files = [.. request.DeclaredFiles.Select(ToDeclared)];
        Uri? locator = null;
        if (request.Locator.Length > 0 && !CertificateParticulars.TryParseLocator(request.Locator, out locator))
        {
            throw StatusErrors.Invalid("locator", "a locator is an absolute http or https URL without user information");
        }

        try
        {
            CertificateIssue issue = await StatusErrors.RunAsync(() => office.IssueAsync(deposit, files, locator, context.CancellationToken)).ConfigureAwait(false);
            return new IssueCertificateResponse
            {
                Pdf = ByteString.CopyFrom(issue.Pdf),
                ProofJson = issue.Proof.ToJson(),
                CertificateId = issue.CertificateId,
                RecordLeafIndex = issue.RecordLeafIndex,
            };
        }
        catch (CertificateFontException e)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, "this server cannot draw certificates: " + e.Message));
        }
    }

    private static DeclaredFile ToDeclared(Protocol.V1.DeclaredFile file)
    {
        if (string.IsNullOrWhiteSpace(file.Name))
        {
            throw StatusErrors.Invalid("declared_files", "a declared file has a name");
        }

        if (file.HasLengthBytes && file.LengthBytes > long.MaxValue)
        {
            throw StatusErrors.Invalid("declared_files", $"{file.LengthBytes} bytes is no file's length");
        }

        return new DeclaredFile(file.Name.Trim(), file.HasLengthBytes ? (long)file.LengthBytes : null);
    }
}
