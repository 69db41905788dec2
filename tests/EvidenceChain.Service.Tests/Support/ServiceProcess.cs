using EvidenceChain.Protocol.V1;
using Grpc.Net.Client;

namespace EvidenceChain.Service.Tests.Support;

/// <summary>The real service process (<see cref="ServiceHostProcess"/>) with a gRPC channel and client to it.</summary>
internal sealed class ServiceProcess : IDisposable
{
    private readonly ServiceHostProcess _host;
    private GrpcChannel? _channel;

    private ServiceProcess(ServiceHostProcess host) => _host = host;

    public string Address => _host.Address;

    /// <summary>The public web listener's address (JSON API, receipts by locator).</summary>
    public string PublicAddress => _host.PublicAddress;

    public string Output => _host.Output;

    public EvidenceService.EvidenceServiceClient Client => new(Channel);

    public GrpcChannel Channel => _channel ??= GrpcChannel.ForAddress(Address, ChannelOptions ?? new GrpcChannelOptions());

    /// <summary>Options for the channel (a TLS test trusts its own certificate here).</summary>
    public GrpcChannelOptions? ChannelOptions { get; set; }

    public static ServiceProcess Start(string dataDirectory, params string[] extraArguments) =>
        new(ServiceHostProcess.Start(dataDirectory, extraArguments));

    public static (int ExitCode, string Output) RunToExit(string dataDirectory, params string[] extraArguments) =>
        ServiceHostProcess.RunToExit(dataDirectory, extraArguments);

    public static string RepoRoot() => ServiceHostProcess.RepoRoot();

    public void ThrowIfErrorsLogged() => _host.ThrowIfErrorsLogged();

    /// <summary>SIGTERM and a clean exit; returns the exit code.</summary>
    public int Terminate() => _host.Terminate();

    /// <summary>kill -9.</summary>
    public void Kill() => _host.Kill();

    public void Dispose()
    {
        _channel?.Dispose();
        _host.Dispose();
    }
}
