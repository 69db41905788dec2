using EvidenceChain.Engine.Ports;

namespace EvidenceChain.Service.Internal;

/// <summary>What the gRPC layer may tell about anchoring: whether it is on, and where to (null chain: off).</summary>
internal sealed record AnchoringView(IAnchorChain? Chain)
{
    /// <summary>The target, or null when anchoring is off or the chain has not answered yet (queries never wait on the chain for long).</summary>
    public async Task<AnchorTarget?> TargetOrNullAsync(CancellationToken cancellationToken)
    {
        if (Chain is null)
        {
            return null;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(2));
        try
        {
            return await Chain.TargetAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }
}
