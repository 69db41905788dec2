using System.Security.Cryptography;
using EvidenceChain.Certificates;
using EvidenceChain.Chain.Ethereum.DevChain;
using EvidenceChain.Core.Access;
using EvidenceChain.Engine;
using EvidenceChain.Engine.Cases;
using EvidenceChain.Engine.Custody;
using EvidenceChain.Engine.Deposits;
using EvidenceChain.Engine.Escrow;
using EvidenceChain.Engine.Escrow.Bank;
using EvidenceChain.Engine.Intake;
using EvidenceChain.Engine.Locators;
using EvidenceChain.Engine.Observability;
using EvidenceChain.Engine.Parties;
using EvidenceChain.Engine.Pledges;
using EvidenceChain.Engine.Ports;
using EvidenceChain.Engine.Queries;
using EvidenceChain.Engine.Sequencing;
using EvidenceChain.Engine.Vault;
using EvidenceChain.Service.Grpc;
using EvidenceChain.Service.Internal;
using EvidenceChain.Service.Internal.Clock;
using EvidenceChain.Storage.LiteDb;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

// The notarization service. Configuration the ASP.NET Core way (appsettings.json, environment
// EVIDENCECHAIN_*, command line); `--data DIR`, `--new-log` and `--urls` on the command line.
// The store's offline commands (backup restore, rebuild, check) run with the service stopped: docs/backup.md.
if (args is [StoreCommand.Name, ..])
{
    return StoreCommand.Run(args[1..], Console.Out, Console.Error);
}

// The log keys' rotation and compromise, with the service stopped: docs/operations.md.
if (args is [KeysCommand.Name, ..])
{
    return KeysCommand.Run(args[1..], Console.Out, Console.Error, TimeProvider.System);
}

WebApplicationBuilder builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    ContentRootPath = AppContext.BaseDirectory,
});
builder.Configuration.AddEnvironmentVariables("EVIDENCECHAIN_");
builder.Configuration.AddCommandLine(args, new Dictionary<string, string>
{
    ["--data"] = "Log:DataDirectory",
    ["--host-name"] = "Log:Host",
    ["--tree-hash"] = "Log:TreeHash",
});
if (args.Contains("--new-log"))
{
    builder.Configuration["Log:NewLog"] = "true";
}

// Plaintext gRPC needs HTTP/2 only (with HTTP/1.1 also offered, h2c clients fail); TLS endpoints
// configured under Kestrel:Endpoints negotiate HTTP/2 by ALPN.
builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.ConfigureEndpointDefaults(endpoint => endpoint.Protocols = HttpProtocols.Http2);

    // Bounds that keep one client from holding what others need: metadata is small in every call
    // we serve, and a connection gets a fixed number of concurrent streams.
    kestrel.Limits.MaxRequestHeadersTotalSize = 16 * 1024;
    kestrel.Limits.Http2.MaxStreamsPerConnection = 100;
    kestrel.Limits.Http2.MaxRequestHeaderFieldSize = 8 * 1024;
});

ServiceOptions options = builder.Configuration.GetSection("Log").Get<ServiceOptions>() ?? new ServiceOptions();
options.DataDirectory = Path.GetFullPath(options.DataDirectory, Environment.CurrentDirectory);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton(builder.Configuration.GetSection("Intake").Get<IntakeOptions>() ?? new IntakeOptions());
builder.Services.AddSingleton(builder.Configuration.GetSection("Sequencer").Get<SequencerOptions>() ?? new SequencerOptions());

// Metrics (docs/operations.md §What to watch): the Engine records on the BCL meter "EvidenceChain"
// whether or not anything listens; only when enabled does OpenTelemetry collect it for the public
// listener's Prometheus endpoint.
MetricsSettings metricsSettings = builder.Configuration.GetSection("Metrics").Get<MetricsSettings>() ?? new MetricsSettings();
builder.Services.AddSingleton(metricsSettings);
builder.Services.AddSingleton(sp => new LogMetrics(sp.GetRequiredService<TimeProvider>(), metricsSettings.PromiseDeadline));
builder.Services.AddSingleton<RequestMetrics>();

using ILoggerFactory startupLogging = LoggerFactory.Create(logging => logging.AddConsole());
LiteDbLogStore? store = null;
Notary? notary = null;
LocalDevChain? devChain;
VaultBlobDirectory vaultBlobs;
BankDeskOptions bankOptions;
SecuritySettings security = builder.Configuration.GetSection("Security").Get<SecuritySettings>() ?? new SecuritySettings();
try
{
    ILogger startupLogger = startupLogging.CreateLogger("EvidenceChain.Service");
    (store, notary) = LogComposition.Open(options, TimeProvider.System, startupLogger, builder.Configuration.GetSection("Signing").Get<SigningSettings>());
    vaultBlobs = VaultBlobDirectory.Open(Path.Combine(options.DataDirectory, "vault"));
    TsaComposition.Add(
        builder.Services,
        builder.Configuration.GetSection("Tsa").Get<TsaSettings>() ?? new TsaSettings(),
        builder.Configuration.GetSection("Tsa:Stamping").Get<TsaStampingSettings>() ?? new TsaStampingSettings(),
        builder.Configuration.GetSection("Tsa:Clock").Get<ClockReferenceSettings>() ?? new ClockReferenceSettings(),
        security,
        options.DataDirectory,
        startupLogger);
    CertificateComposition.Add(
        builder.Services,
        builder.Configuration.GetSection("DepositCertificates").Get<CertificateSettings>() ?? new CertificateSettings(),
        options.DataDirectory);
    SecurityComposition.AddSecurity(builder, security, options);
    if (metricsSettings.Problem() is string metricsProblem)
    {
        throw new InvalidOperationException(metricsProblem);
    }

    if (metricsSettings.IsEnabled(security))
    {
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("evidencechain"))
            .WithMetrics(metrics => metrics.AddMeter(LogMetrics.MeterName).AddPrometheusExporter());
    }

    bankOptions = (builder.Configuration.GetSection("Bank").Get<BankSettings>() ?? new BankSettings()).ToOptions();
    devChain = await AnchorComposition.AddAnchoringAsync(
        builder.Services,
        builder.Configuration.GetSection("Anchor").Get<ChainSettings>() ?? new ChainSettings(),
        options.DataDirectory,
        notary,
        startupLogger,
        store).ConfigureAwait(false);
}
catch (Exception e) when (e is InvalidOperationException or InvalidDataException or IOException or UnauthorizedAccessException or HttpRequestException or CertificateFileException)
{
    // A refusal to start is an answer for the operator, not a crash: one line, exit code 1.
    notary?.Dispose();
    store?.Dispose();
    startupLogging.Dispose();
    Console.Error.WriteLine("EvidenceChain service cannot start: " + e.Message);
    return 1;
}

builder.Services.AddSingleton<ILogStore>(store);
builder.Services.AddSingleton(BackupLocation.For(store, options.DataDirectory, builder.Configuration.GetSection("Backup").Get<BackupSettings>() ?? new BackupSettings()));
builder.Services.AddSingleton(notary);
builder.Services.AddSingleton<LogIntake>();
builder.Services.AddSingleton<Sequencer>();
builder.Services.AddSingleton<LogQueries>();
builder.Services.AddSingleton(sp => new CustodyLog(
    sp.GetRequiredService<LogIntake>(), sp.GetRequiredService<LogQueries>(), sp.GetRequiredService<ILogStore>(), sp.GetRequiredService<TimeProvider>(), RandomNumberGenerator.Fill));
builder.Services.AddSingleton(sp => EscrowBook.Open(
    sp.GetRequiredService<ILogStore>(), sp.GetRequiredService<LogIntake>(), sp.GetRequiredService<TimeProvider>(), RandomNumberGenerator.Fill));
builder.Services.AddSingleton(bankOptions);
builder.Services.AddSingleton(sp => BankDesk.Open(
    sp.GetRequiredService<ILogStore>(), sp.GetRequiredService<EscrowBook>(), sp.GetRequiredService<LogIntake>(), sp.GetRequiredService<TimeProvider>(), RandomNumberGenerator.Fill, bankOptions));
builder.Services.AddSingleton(new RawPayouts(builder.Configuration.GetValue("Ledger:AllowRawPayouts", defaultValue: false)));
builder.Services.AddSingleton(sp => new RecordStatements(sp.GetRequiredService<ILogStore>(), sp.GetRequiredService<LogQueries>()));
builder.Services.AddSingleton(sp => CaseDesk.Open(
    sp.GetRequiredService<ILogStore>(), sp.GetRequiredService<LogIntake>(), sp.GetRequiredService<LogQueries>(), sp.GetRequiredService<EscrowBook>(),
    sp.GetRequiredService<PartyRegistry>(), sp.GetRequiredService<TimeProvider>(), RandomNumberGenerator.Fill, CaseCalendars.LoadChina(),
    builder.Configuration.GetValue("Cases:TitleLockRequired", defaultValue: true)));
builder.Services.AddSingleton(sp => PledgeDesk.Open(
    sp.GetRequiredService<ILogStore>(), sp.GetRequiredService<LogIntake>(), sp.GetRequiredService<LogQueries>(), sp.GetRequiredService<Notary>(),
    sp.GetRequiredService<PartyRegistry>(), sp.GetRequiredService<TimeProvider>(), RandomNumberGenerator.Fill));
builder.Services.AddSingleton<IPartyStore>(store);
builder.Services.AddSingleton(sp => new PartyRegistry(sp.GetRequiredService<IPartyStore>(), sp.GetRequiredService<TimeProvider>(), RandomNumberGenerator.Fill));
builder.Services.AddSingleton<ILocatorStore>(store);
builder.Services.AddSingleton<ITimestampStore>(store);
builder.Services.AddSingleton(sp => new ReceiptLocators(
    sp.GetRequiredService<ILocatorStore>(), sp.GetRequiredService<LogQueries>(), sp.GetRequiredService<CustodyLog>(), sp.GetRequiredService<PartyRegistry>(), sp.GetRequiredService<TimeProvider>(), RandomNumberGenerator.Fill));
builder.Services.AddSingleton<IVaultBlobStore>(vaultBlobs);
builder.Services.AddSingleton(builder.Configuration.GetSection("Vault").Get<VaultCustodyOptions>() ?? new VaultCustodyOptions());
builder.Services.AddSingleton<VaultCustody>();
builder.Services.AddHostedService<LogWorker>();
builder.Services.AddSingleton(new NotaryKeyFiles(Path.GetFullPath(options.DataDirectory)));
builder.Services.AddHostedService<KeyStatementWorker>();

builder.Services.AddGrpc(grpc =>
{
    grpc.Interceptors.Add<RejectionInterceptor>();
    grpc.MaxReceiveMessageSize = 4 * 1024 * 1024;
    grpc.EnableDetailedErrors = false;
});

// A bank statement file is up to 8 MiB (bank-statement.md): only the bank service takes that much.
builder.Services.AddGrpc().AddServiceOptions<BankGrpcService>(bank => bank.MaxReceiveMessageSize = BankGrpcService.RequestLengthMaxBytes);
builder.Services.AddGrpcReflection();
builder.Services.AddGrpcHealthChecks().AddCheck<LogHealthCheck>("log");

WebApplication app = builder.Build();

// The deployment's first party, the notary office, exists before the first call; its id is written
// beside the keys so its certificate can be issued (evidencechain ca issue-party --party-id ID).
Party office = app.Services.GetRequiredService<PartyRegistry>().EnsureOffice($"Notary office ({options.Host})");
File.WriteAllText(Path.Combine(options.DataDirectory, "office-party.txt"), office.Id + "\n");
app.Services.GetRequiredService<AccessGate>();

// The escrow ledger is rebuilt from the log before the first call: a record that does not replay
// to what it recorded means the ledger is not what was acknowledged, so the service does not start.
try
{
    app.Services.GetRequiredService<EscrowBook>();

    // The bank desk replays its incidents before the first call too: until it has, payouts from a
    // held account would not be held.
    BankDesk bankDesk = app.Services.GetRequiredService<BankDesk>();
    app.Services.GetRequiredService<LogMetrics>().WatchReconciliation(() => bankDesk.LatestReconciliationDifferingAccounts);

    // Cases are rebuilt from their records, each checked against its leaf.
    app.Services.GetRequiredService<CaseDesk>();

    // So is the pledge registry: a pledge record that does not match its leaf stops the start.
    app.Services.GetRequiredService<PledgeDesk>();
}
catch (InvalidDataException e)
{
    Console.Error.WriteLine("EvidenceChain service cannot start: " + e.Message);
    return 1;
}

CaseStartupCheck.Report(app.Services.GetRequiredService<CaseDesk>(), app.Logger);

// The store and keys were made before the container (start-up must refuse early), so the
// container does not own them: close them after the workers have drained and stopped.
app.Lifetime.ApplicationStopped.Register(() =>
{
    notary.Dispose();
    store.Dispose();

    // Last: anvil writes its state on SIGTERM, after the anchoring worker has stopped using it.
    devChain?.DisposeAsync().AsTask().GetAwaiter().GetResult();
});
app.MapGrpcService<EvidenceGrpcService>();
app.MapGrpcService<PartyGrpcService>();
app.MapGrpcService<CustodyGrpcService>();
app.MapGrpcService<EscrowGrpcService>();
app.MapGrpcService<BankGrpcService>();
app.MapGrpcService<LocatorGrpcService>();
app.MapGrpcService<PledgeGrpcService>();
app.MapGrpcService<VaultGrpcService>();
app.MapGrpcService<CertificateGrpcService>();
app.MapGrpcService<StoreGrpcService>();
app.MapGrpcHealthChecksService();
app.MapGrpcReflectionService();

await app.StartAsync().ConfigureAwait(false);

// Tests and scripts start the service on port 0 and read the bound address from this line.
ICollection<string> addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
if (SecurityComposition.CheckAddresses(security, addresses) is string refusal)
{
    Console.Error.WriteLine("EvidenceChain service cannot start: " + refusal);
    await app.StopAsync().ConfigureAwait(false);
    return 1;
}

// The public web listener (docs/service.md#public-listener), up before the gRPC addresses are
// printed, so whoever waits for those finds it answering too; it stops with the gRPC host.
(PublicListener? publicListener, string? publicRefusal) = await PublicListener.StartAsync(app, builder.Configuration, security).ConfigureAwait(false);
if (publicListener is null)
{
    Console.Error.WriteLine("EvidenceChain service cannot start: " + publicRefusal);
    await app.StopAsync().ConfigureAwait(false);
    return 1;
}

foreach (string address in publicListener.Addresses)
{
    Console.WriteLine($"EvidenceChain public listener on {address}");
}

foreach (string address in addresses)
{
    Console.WriteLine($"EvidenceChain service listening on {address}");
}

await app.WaitForShutdownAsync().ConfigureAwait(false);
return 0;
