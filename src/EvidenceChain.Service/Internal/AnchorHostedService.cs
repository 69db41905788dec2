using EvidenceChain.Engine.Anchoring;

namespace EvidenceChain.Service.Internal;

/// <summary>Runs the anchoring worker for the life of the host, when anchoring is configured.</summary>
internal sealed class AnchorHostedService(AnchorWorker worker) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Run(() => worker.RunAsync(stoppingToken), CancellationToken.None);
}
