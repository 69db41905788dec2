using EvidenceChain.Engine.Timestamping;

namespace EvidenceChain.Service.Internal;

/// <summary>Runs the checkpoint stamper for the life of the host, when any TSA stamps checkpoints.</summary>
internal sealed class CheckpointStamperHostedService(CheckpointStamper stamper) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Run(() => stamper.RunAsync(stoppingToken), CancellationToken.None);
}
