using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using EvidenceChain.Certificates;
using EvidenceChain.Cli.Offline;
using EvidenceChain.Protocol.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace EvidenceChain.Cli.Internal;

/// <summary>
/// The CLI's one channel to the notary service. Every call has a deadline, so a command never hangs
/// on a silent server, and every gRPC failure becomes a <see cref="ServerException"/> that names
/// the server: the one place where transport errors are translated.
/// <para>
/// With an <c>https://</c> server (<see cref="Open"/>) it speaks TLS 1.3 only, trusts exactly the
/// deployment CA certificate for the server (custom root trust: no system roots, no downloads, no
/// online revocation, and the server's name must be in its certificate), and presents the party
/// certificate, whose key file must be the owner's alone. A server certificate that fails this is
/// reported as such, not as an unreachable server.
/// </para>
/// </summary>
internal sealed class NotaryConnection : IDisposable
{
    /// <summary>Reads are answered from memory and disk; half a minute means the server is in trouble.</summary>
    public static readonly TimeSpan QueryTimeout = TimeSpan.FromSeconds(30);

    /// <summary>A deposit is answered once its batch is durable on the server's disk, which may queue behind others.</summary>
    public static readonly TimeSpan DepositTimeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The largest answer is a statement import's: up to 65,536 line outcomes of under 320 bytes each
    /// (a 64-character serial, a 34-character account, result names and ids), so under 20 MiB.
    /// </summary>
    private const int MessageLengthMaxBytes = 32 * 1024 * 1024;

    /// <summary>The chunk a vault file moves in, either way (the service's largest).</summary>
    public const int VaultChunkLengthBytes = 1024 * 1024;

    private static readonly Oid s_serverAuthentication = new("1.3.6.1.5.5.7.3.1");

    private readonly GrpcChannel _channel;
    private readonly EvidenceService.EvidenceServiceClient _client;
    private readonly PartyService.PartyServiceClient _parties;
    private readonly CustodyService.CustodyServiceClient _custody;
    private readonly LocatorService.LocatorServiceClient _locators;
    private readonly EscrowService.EscrowServiceClient _escrow;
    private readonly BankService.BankServiceClient _bank;
    private readonly PledgeService.PledgeServiceClient _pledges;
    private readonly VaultService.VaultServiceClient _vault;
    private readonly CertificateService.CertificateServiceClient _certificates;
    private readonly StoreService.StoreServiceClient _store;
    private readonly X509Certificate2? _caCertificate;
    private readonly X509Certificate2? _clientCertificate;
    private readonly string? _caPath;

    /// <summary>Why the server's certificate was refused in the last handshake, if it was.</summary>
    private volatile string? _serverCertificateProblem;

    /// <summary>A plaintext connection (<c>http://</c>), as the service listens by default.</summary>
    public NotaryConnection(Uri server)
        : this(server, null, null, null)
    {
    }

    private NotaryConnection(Uri server, X509Certificate2? caCertificate, string? caPath, X509Certificate2? clientCertificate)
    {
        Server = server;
        _caCertificate = caCertificate;
        _caPath = caPath;
        _clientCertificate = clientCertificate;
        var options = new GrpcChannelOptions { MaxReceiveMessageSize = MessageLengthMaxBytes };
        if (caCertificate is not null)
        {
            var tls = new SslClientAuthenticationOptions
            {
                EnabledSslProtocols = SslProtocols.Tls13,
                CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
                RemoteCertificateValidationCallback = (_, certificate, _, errors) => AcceptServerCertificate(certificate, errors),
            };
            if (clientCertificate is not null)
            {
                // Presented whatever CA names the server lists: the service's answer says why it refuses one.
                tls.LocalCertificateSelectionCallback = (_, _, _, _, _) => clientCertificate;
            }

            options.HttpHandler = new SocketsHttpHandler { SslOptions = tls };
            options.DisposeHttpClient = true;
        }

        _channel = GrpcChannel.ForAddress(server, options);
        _client = new EvidenceService.EvidenceServiceClient(_channel);
        _parties = new PartyService.PartyServiceClient(_channel);
        _custody = new CustodyService.CustodyServiceClient(_channel);
        _locators = new LocatorService.LocatorServiceClient(_channel);
        _escrow = new EscrowService.EscrowServiceClient(_channel);
        _bank = new BankService.BankServiceClient(_channel);
        _pledges = new PledgeService.PledgeServiceClient(_channel);
        _vault = new VaultService.VaultServiceClient(_channel);
        _certificates = new CertificateService.CertificateServiceClient(_channel);
        _store = new StoreService.StoreServiceClient(_channel);
    }

    public Uri Server { get; }

    /// <summary>The address as the user should see it in messages (without a trailing slash).</summary>
    public string Address => Server.GetLeftPart(UriPartial.Authority);

    public Task<GetLogInfoResponse> GetLogInfoAsync(CancellationToken cancellationToken) =>
        CallAsync(() => _client.GetLogInfoAsync(new GetLogInfoRequest(), deadline: Deadline(QueryTimeout), cancellationToken: cancellationToken), cancellationToken);

    public Task<DepositResponse> DepositAsync(DepositRequest request, CancellationToken cancellationToken) =>
        CallAsync(() => _client.DepositAsync(request, deadline: Deadline(DepositTimeout), cancellationToken: cancellationToken), cancellationToken);

    public Task<GetReceiptResponse> GetReceiptAsync(GetReceiptRequest request, CancellationToken cancellationToken) =>
        CallAsync(() => _client.GetReceiptAsync(request, deadline: Deadline(QueryTimeout), cancellationToken: cancellationToken), cancellationToken);

    public Task<GetCheckpointResponse> GetCheckpointAsync(CancellationToken cancellationToken) =>
        CallAsync(() => _client.GetCheckpointAsync(new GetCheckpointRequest(), deadline: Deadline(QueryTimeout), cancellationToken: cancellationToken), cancellationToken);

    public Task<GetConsistencyProofResponse> GetConsistencyProofAsync(ulong firstTreeSize, ulong secondTreeSize, CancellationToken cancellationToken) =>
        CallAsync(
            () => _client.GetConsistencyProofAsync(
                new GetConsistencyProofRequest { FirstTreeSize = firstTreeSize, SecondTreeSize = secondTreeSize },
                deadline: Deadline(QueryTimeout),
                cancellationToken: cancellationToken),
            cancellationToken);

    public Task<GetAnchorStatusResponse> GetAnchorStatusAsync(GetAnchorStatusRequest request, CancellationToken cancellationToken) =>
        CallAsync(() => _client.GetAnchorStatusAsync(request, deadline: Deadline(QueryTimeout), cancellationToken: cancellationToken), cancellationToken);

    public Task<Party> WhoAmIAsync(CancellationToken cancellationToken) =>
        CallAsync(() => _parties.WhoAmIAsync(new WhoAmIRequest(), deadline: Deadline(QueryTimeout), cancellationToken: cancellationToken), cancellationToken);

    public Task<Party> RegisterPartyAsync(RegisterPartyRequest request, CancellationToken cancellationToken) =>
        CallAsync(() => _parties.RegisterPartyAsync(request, deadline: Deadline(QueryTimeout), cancellationToken: cancellationToken), cancellationToken);

    public Task<Party> BindKeyAsync(BindKeyRequest request, CancellationToken cancellationToken) =>
        CallAsync(() => _parties.BindKeyAsync(request, deadline: Deadline(QueryTimeout), cancellationToken: cancellationToken), cancellationToken);

    public Task<Party> RevokeKeyAsync(RevokeKeyRequest request, CancellationToken cancellationToken) =>
        CallAsync(() => _parties.RevokeKeyAsync(request, deadline: Deadline(QueryTimeout), cancellationToken: cancellationToken), cancellationToken);

    public Task<Party> RevokeCertificateAsync(RevokeCertificateRequest request, CancellationToken cancellationToken) =>
        CallAsync(() => _parties.RevokeCertificateAsync(request, deadline: Deadline(QueryTimeout), cancellationToken: cancellationToken), cancellationToken);

    public Task<Party> DeactivatePartyAsync(DeactivatePartyRequest request, CancellationToken cancellationToken) =>
        CallAsync(() => _parties.DeactivatePartyAsync(request, deadline: Deadline(QueryTimeout), cancellationToken: cancellationToken), cancellationToken);

    /// <summary>A signed deposit certificate; the service waits for its record's checkpoint, so it may take as long as a deposit.</summary>
    public Task<IssueCertificateResponse> IssueCertificateAsync(IssueCertificateRequest request, CancellationToken cancellationToken) =>
        CallAsync(() => _certificates.IssueCertificateAsync(request, deadline: Deadline(DepositTimeout), cancellationToken: cancellationToken), cancellationToken);

    /// <summary>An online backup copies the whole store (about 1.1 KB a leaf): an hour covers any store this service holds.</summary>
    public Task<CreateBackupResponse> CreateBackupAsync(CancellationToken cancellationToken) =>
        CallAsync(() => _store.CreateBackupAsync(new CreateBackupRequest(), deadline: Deadline(TimeSpan.FromHours(1)), cancellationToken: cancellationToken), cancellationToken);

    public Task<GetCustodyTrailResponse> GetCustodyTrailAsync(GetCustodyTrailRequest request, CancellationToken cancellationToken) =>
        CallAsync(() => _custody.GetCustodyTrailAsync(request, deadline: Deadline(QueryTimeout), cancellationToken: cancellationToken), cancellationToken);

    public Task<RecordDisclosureResponse> RecordDisclosureAsync(RecordDisclosureRequest request, CancellationToken cancellationToken) =>
        CallAsync(() => _custody.RecordDisclosureAsync(request, deadline: Deadline(QueryTimeout), cancellationToken: cancellationToken), cancellationToken);

    /// <summary>
    /// Streams <paramref name="file"/> to the service as a vault file in chunks of
    /// <see cref="VaultChunkLengthBytes"/>, after its header; answered once kept and recorded.
    /// </summary>
    public Task<StoreVaultObjectResponse> StoreVaultObjectAsync(VaultObjectHeader header, Stream file, CancellationToken cancellationToken) =>
        TranslatedAsync(
            async () =>
            {
                using AsyncClientStreamingCall<StoreVaultObjectRequest, StoreVaultObjectResponse> call =
                    _vault.StoreVaultObject(deadline: Deadline(TransferTimeout((long)header.LengthBytes)), cancellationToken: cancellationToken);
                try
                {
                    await call.RequestStream.WriteAsync(new StoreVaultObjectRequest { Header = header }, cancellationToken).ConfigureAwait(false);
                    byte[] buffer = new byte[VaultChunkLengthBytes];
                    int read;
                    while ((read = await file.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false)) > 0)
                    {
                        await call.RequestStream.WriteAsync(new StoreVaultObjectRequest { Chunk = Google.Protobuf.ByteString.CopyFrom(buffer, 0, read) }, cancellationToken).ConfigureAwait(false);
                    }

                    await call.RequestStream.CompleteAsync().ConfigureAwait(false);
                }
                catch (RpcException)
                {
                    // The service answered before taking every chunk (a refusal): its status is the answer.
                }

                return await call.ResponseAsync.ConfigureAwait(false);
            },
            cancellationToken);

    public Task<ListVaultObjectsResponse> ListVaultObjectsAsync(ListVaultObjectsRequest request, CancellationToken cancellationToken) =>
        CallAsync(() => _vault.ListVaultObjectsAsync(request, deadline: Deadline(QueryTimeout), cancellationToken: cancellationToken), cancellationToken);

    /// <summary>Streams a kept vault file of <paramref name="lengthBytes"/> bytes, each chunk to <paramref name="take"/> in order; returns how many bytes came.</summary>
    public Task<long> FetchVaultObjectAsync(FetchVaultObjectRequest request, long lengthBytes, Func<ReadOnlyMemory<byte>, Task> take, CancellationToken cancellationToken) =>
        TranslatedAsync(
            async () =>
            {
                using AsyncServerStreamingCall<FetchVaultObjectResponse> call =
                    _vault.FetchVaultObject(request, deadline: Deadline(TransferTimeout(lengthBytes)), cancellationToken: cancellationToken);
                long received = 0;
                while (await call.ResponseStream.MoveNext(cancellationToken).ConfigureAwait(false))
                {
                    await take(call.ResponseStream.Current.Chunk.Memory).ConfigureAwait(false);
                    received += call.ResponseStream.Current.Chunk.Length;
                }

                return received;
            },
            cancellationToken);

    public Task<MintLocatorResponse> MintLocatorAsync(MintLocatorRequest request, CancellationToken cancellationToken) =>
        CallAsync(() => _locators.MintLocatorAsync(request, deadline: Deadline(QueryTimeout), cancellationToken: cancellationToken), cancellationToken);

    public Task<ReceiptLocator> RevokeLocatorAsync(RevokeLocatorRequest request, CancellationToken cancellationToken) =>
        CallAsync(() => _locators.RevokeLocatorAsync(request, deadline: Deadline(QueryTimeout), cancellationToken: cancellationToken), cancellationToken);

    public Task<ListLocatorsResponse> ListLocatorsAsync(ListLocatorsRequest request, CancellationToken cancellationToken) =>
        CallAsync(() => _locators.ListLocatorsAsync(request, deadline: Deadline(QueryTimeout), cancellationToken: cancellationToken), cancellationToken);

    public Task<GetAccountStatementResponse> GetAccountStatementAsync(GetAccountStatementRequest request, CancellationToken cancellationToken) =>
        CallAsync(() => _escrow.GetAccountStatementAsync(request, deadline: Deadline(QueryTimeout), cancellationToken: cancellationToken), cancellationToken);

    /// <summary>A statement import is answered once its incidents are durable, like a deposit.</summary>
    public Task<ImportStatementResponse> ImportStatementAsync(ImportStatementRequest request, CancellationToken cancellationToken) =>
        CallAsync(() => _bank.ImportStatementAsync(request, deadline: Deadline(DepositTimeout), cancellationToken: cancellationToken), cancellationToken);

    public Task<ReconcileResponse> ReconcileAsync(ReconcileRequest request, CancellationToken cancellationToken) =>
        CallAsync(() => _bank.ReconcileAsync(request, deadline: Deadline(DepositTimeout), cancellationToken: cancellationToken), cancellationToken);

    public Task<ListIncidentsResponse> ListIncidentsAsync(CancellationToken cancellationToken) =>
        CallAsync(() => _bank.ListIncidentsAsync(new ListIncidentsRequest(), deadline: Deadline(QueryTimeout), cancellationToken: cancellationToken), cancellationToken);

    public Task<ResolveIncidentResponse> ResolveIncidentAsync(ResolveIncidentRequest request, CancellationToken cancellationToken) =>
        CallAsync(() => _bank.ResolveIncidentAsync(request, deadline: Deadline(DepositTimeout), cancellationToken: cancellationToken), cancellationToken);

    public Task<ExportInstructionsResponse> ExportInstructionsAsync(ExportInstructionsRequest request, CancellationToken cancellationToken) =>
        CallAsync(() => _bank.ExportInstructionsAsync(request, deadline: Deadline(QueryTimeout), cancellationToken: cancellationToken), cancellationToken);

    public Task<AllocateInterestResponse> AllocateInterestAsync(AllocateInterestRequest request, CancellationToken cancellationToken) =>
        CallAsync(() => _bank.AllocateInterestAsync(request, deadline: Deadline(DepositTimeout), cancellationToken: cancellationToken), cancellationToken);

    public Task<ListPartiesResponse> ListPartiesAsync(CancellationToken cancellationToken) =>
        CallAsync(() => _parties.ListPartiesAsync(new ListPartiesRequest(), deadline: Deadline(QueryTimeout), cancellationToken: cancellationToken), cancellationToken);

    /// <summary>A case's opening, artefacts and transitions are answered once their leaves are durable, like a deposit.</summary>
    public Task<OpenCaseResponse> OpenCaseAsync(OpenCaseRequest request, CancellationToken cancellationToken) =>
        CallAsync(() => _escrow.OpenCaseAsync(request, deadline: Deadline(DepositTimeout), cancellationToken: cancellationToken), cancellationToken);

    public Task<RecordArtefactResponse> RecordArtefactAsync(RecordArtefactRequest request, CancellationToken cancellationToken) =>
        CallAsync(() => _escrow.RecordArtefactAsync(request, deadline: Deadline(DepositTimeout), cancellationToken: cancellationToken), cancellationToken);

    public Task<ProposeTransitionResponse> ProposeTransitionAsync(CaseEventRequest request, CancellationToken cancellationToken) =>
        CallAsync(() => _escrow.ProposeTransitionAsync(request, deadline: Deadline(QueryTimeout), cancellationToken: cancellationToken), cancellationToken);

    public Task<ApplyTransitionResponse> ApplyTransitionAsync(CaseEventRequest request, CancellationToken cancellationToken) =>
        CallAsync(() => _escrow.ApplyTransitionAsync(request, deadline: Deadline(DepositTimeout), cancellationToken: cancellationToken), cancellationToken);

    public Task<GetCaseResponse> GetCaseAsync(GetCaseRequest request, CancellationToken cancellationToken) =>
        CallAsync(() => _escrow.GetCaseAsync(request, deadline: Deadline(QueryTimeout), cancellationToken: cancellationToken), cancellationToken);

    public Task<GetCaseStatementResponse> GetCaseStatementAsync(GetCaseStatementRequest request, CancellationToken cancellationToken) =>
        CallAsync(() => _escrow.GetCaseStatementAsync(request, deadline: Deadline(QueryTimeout), cancellationToken: cancellationToken), cancellationToken);

    public Task<GetCaseDeadlinesResponse> GetCaseDeadlinesAsync(GetCaseDeadlinesRequest request, CancellationToken cancellationToken) =>
        CallAsync(() => _escrow.GetCaseDeadlinesAsync(request, deadline: Deadline(QueryTimeout), cancellationToken: cancellationToken), cancellationToken);

    public Task<OpenCaseResponse> OpenSealedSaleAsync(OpenCaseRequest request, CancellationToken cancellationToken) =>
        CallAsync(() => _escrow.OpenSealedSaleAsync(request, deadline: Deadline(DepositTimeout), cancellationToken: cancellationToken), cancellationToken);

    public Task<ProposeTransitionResponse> ProposeSealedSaleEventAsync(SealedSaleEventRequest request, CancellationToken cancellationToken) =>
        CallAsync(() => _escrow.ProposeSealedSaleEventAsync(request, deadline: Deadline(QueryTimeout), cancellationToken: cancellationToken), cancellationToken);

    public Task<ApplyTransitionResponse> ApplySealedSaleEventAsync(SealedSaleEventRequest request, CancellationToken cancellationToken) =>
        CallAsync(() => _escrow.ApplySealedSaleEventAsync(request, deadline: Deadline(DepositTimeout), cancellationToken: cancellationToken), cancellationToken);

    public Task<GetSealedSaleResponse> GetSealedSaleAsync(GetCaseRequest request, CancellationToken cancellationToken) =>
        CallAsync(() => _escrow.GetSealedSaleAsync(request, deadline: Deadline(QueryTimeout), cancellationToken: cancellationToken), cancellationToken);

    public Task<ProposeDistributionResponse> ProposeDistributionAsync(ProposeDistributionRequest request, CancellationToken cancellationToken) =>
        CallAsync(() => _escrow.ProposeDistributionAsync(request, deadline: Deadline(QueryTimeout), cancellationToken: cancellationToken), cancellationToken);

    public Task<ProposePledgeEventResponse> ProposePledgeEventAsync(PledgeEventRequest request, CancellationToken cancellationToken) =>
        CallAsync(() => _pledges.ProposePledgeEventAsync(request, deadline: Deadline(QueryTimeout), cancellationToken: cancellationToken), cancellationToken);

    /// <summary>A pledge event is answered once its leaf is durable, like a deposit.</summary>
    public Task<ApplyPledgeEventResponse> ApplyPledgeEventAsync(PledgeEventRequest request, CancellationToken cancellationToken) =>
        CallAsync(() => _pledges.ApplyPledgeEventAsync(request, deadline: Deadline(DepositTimeout), cancellationToken: cancellationToken), cancellationToken);

    public Task<GetAssetResponse> GetAssetAsync(GetAssetRequest request, CancellationToken cancellationToken) =>
        CallAsync(() => _pledges.GetAssetAsync(request, deadline: Deadline(QueryTimeout), cancellationToken: cancellationToken), cancellationToken);

    public Task<GetEncumbranceStatementResponse> GetEncumbranceStatementAsync(GetEncumbranceStatementRequest request, CancellationToken cancellationToken) =>
        CallAsync(() => _pledges.GetEncumbranceStatementAsync(request, deadline: Deadline(QueryTimeout), cancellationToken: cancellationToken), cancellationToken);

    /// <summary>
    /// The connection the online options ask for: the address from <c>--server</c> (else the
    /// environment, else the default); for an <c>https://</c> address the deployment CA from
    /// <c>--ca</c> (required) and the party certificate and key from <c>--cert</c> and
    /// <c>--cert-key</c> (both or neither), each else from its environment variable. The files are
    /// read here, before anything is sent. Throws <see cref="OnlineInputException"/> and
    /// <see cref="CertificateFileException"/>.
    /// </summary>
    public static NotaryConnection Open(ServerChoice choice, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(choice);
        ArgumentNullException.ThrowIfNull(context);
        Uri server = ServerAddress.Resolve(choice.Server, context);
        if (server.Scheme != Uri.UriSchemeHttps)
        {
            return new NotaryConnection(server);
        }

        string address = server.GetLeftPart(UriPartial.Authority);
        string? caPath = choice.CaPath ?? NonEmpty(context.GetEnvironmentVariable(ServerOptions.CaVariable));
        string? certificatePath = choice.CertificatePath ?? NonEmpty(context.GetEnvironmentVariable(ServerOptions.CertificateVariable));
        string? keyPath = choice.KeyPath ?? NonEmpty(context.GetEnvironmentVariable(ServerOptions.KeyVariable));
        if (caPath is null)
        {
            throw new OnlineInputException(OnlineProblem.CaNeeded, address);
        }

        if (certificatePath is not null && keyPath is null)
        {
            throw new OnlineInputException(OnlineProblem.CertificateKeyNeeded, certificatePath);
        }

        if (keyPath is not null && certificatePath is null)
        {
            throw new OnlineInputException(OnlineProblem.CertificateNeeded, keyPath);
        }

        X509Certificate2 ca = CertificateFiles.ReadCertificate(caPath);
        X509Certificate2? client = null;
        try
        {
            if (!DeploymentCa.IsCaCertificate(ca))
            {
                throw new OnlineInputException(OnlineProblem.CaFileNotCa, caPath, ca.Subject);
            }

            if (certificatePath is not null)
            {
                // The key is the party's identity: ReadCertificateWithKey refuses a key file others can read.
                using X509Certificate2 withEphemeralKey = CertificateFiles.ReadCertificateWithKey(certificatePath, keyPath!);

                // Exported and reloaded: an ephemeral key cannot be used by the TLS stack on every platform.
                byte[] pfx = withEphemeralKey.Export(X509ContentType.Pfx);
                try
                {
                    client = X509CertificateLoader.LoadPkcs12(pfx, password: null);
                }
                finally
                {
                    CryptographicOperations.ZeroMemory(pfx);
                }
            }

            return new NotaryConnection(server, ca, Path.GetFullPath(caPath), client);
        }
        catch
        {
            ca.Dispose();
            client?.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        _channel.Dispose();
        _caCertificate?.Dispose();
        _clientCertificate?.Dispose();
    }

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    /// <summary>
    /// The server's certificate must chain to exactly the deployment CA, for server authentication,
    /// and name the host we asked for. The stack's own chain verdict is ignored: it is against the
    /// system's roots, which do not hold the deployment CA (and must not be trusted here).
    /// </summary>
    private bool AcceptServerCertificate(X509Certificate? presented, SslPolicyErrors errors)
    {
        if (presented is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            _serverCertificateProblem = "it presented no certificate";
            return false;
        }

        using var certificate = new X509Certificate2(presented);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(_caCertificate!);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        chain.ChainPolicy.ApplicationPolicy.Add(s_serverAuthentication);
        bool chains = chain.Build(certificate);
        X509Certificate2? root = chain.ChainElements.Count > 0 ? chain.ChainElements[^1].Certificate : null;
        if (!chains || chain.ChainElements.Count != 2 || root is null || !root.RawDataMemory.Span.SequenceEqual(_caCertificate!.RawDataMemory.Span))
        {
            string status = string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation.Trim()).Where(s => s.Length > 0));
            _serverCertificateProblem = $"its certificate ({certificate.Subject}) is not issued by the deployment CA in {_caPath}"
                + (status.Length > 0 ? $" ({status})" : string.Empty);
            return false;
        }

        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            _serverCertificateProblem = $"its certificate ({certificate.Subject}) is issued by the deployment CA but not for the name {Server.Host}";
            return false;
        }

        return true;
    }

    private static DateTime Deadline(TimeSpan timeout) => DateTime.UtcNow + timeout;

    /// <summary>A vault file moves at no less than 1 MiB/s on any network a notary office uses, after a minute to start.</summary>
    private static TimeSpan TransferTimeout(long lengthBytes) => TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(lengthBytes / (1024 * 1024));

    private Task<T> CallAsync<T>(Func<AsyncUnaryCall<T>> start, CancellationToken cancellationToken) =>
        TranslatedAsync(
            async () =>
            {
                using AsyncUnaryCall<T> call = start();
                return await call.ResponseAsync.ConfigureAwait(false);
            },
            cancellationToken);

    private async Task<T> TranslatedAsync<T>(Func<Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled && cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("The command was interrupted.", e, cancellationToken);
        }
        catch (RpcException) when (_serverCertificateProblem is { } problem)
        {
            throw new OnlineInputException(OnlineProblem.ServerCertificateRefused, Address, problem);
        }
        catch (RpcException e)
        {
            // gRPC reports a refused or failed connection as UNAVAILABLE with the socket error as its
            // debug exception; a server that answers UNAVAILABLE itself sends no exception, only a message.
            Exception? connectionError = e.Status.DebugException;
            bool isUnreachable = e.StatusCode == StatusCode.Unavailable && connectionError is not null;
            string detail = isUnreachable ? Innermost(connectionError!).Message : e.Status.Detail;
            throw new ServerException(Server, e.StatusCode, OneLine(detail), isUnreachable, e);
        }
    }

    private static Exception Innermost(Exception exception)
    {
        while (exception.InnerException is not null)
        {
            exception = exception.InnerException;
        }

        return exception;
    }

    private static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
