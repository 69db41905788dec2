using EvidenceChain.Engine.Deposits;
using EvidenceChain.Engine.Intake;
using EvidenceChain.Engine.Sequencing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EvidenceChain.Service.Internal;

/// <summary>Serving while deposits are taken and checkpoints signed; not serving once either has stopped for safety.</summary>
internal sealed class LogHealthCheck(LogIntake intake, Sequencer sequencer) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(
            sequencer.Halt is string halt ? HealthCheckResult.Unhealthy("sequencer halted: " + halt)
            : intake.Fault is string fault ? HealthCheckResult.Unhealthy("deposits stopped: " + fault)
            : HealthCheckResult.Healthy());
}
