using EvidenceChain.Engine.Deposits;
using EvidenceChain.Engine.Intake;
using EvidenceChain.Engine.Sequencing;

namespace EvidenceChain.Service.Internal;

/// <summary>Runs the group-commit loop and the sequencer for the life of the host; on stop both drain.</summary>
internal sealed class LogWorker(LogIntake intake, Sequencer sequencer) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        intake.BatchStored += sequencer.Nudge;
        return Task.WhenAll(
            Task.Run(() => intake.RunAsync(stoppingToken), CancellationToken.None),
            Task.Run(() => sequencer.RunAsync(stoppingToken), CancellationToken.None));
    }
}
