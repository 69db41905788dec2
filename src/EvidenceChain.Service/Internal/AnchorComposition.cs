using EvidenceChain.Chain.Ethereum;
using EvidenceChain.Engine;
using EvidenceChain.Engine.Anchoring;
using EvidenceChain.Engine.Ports;

namespace EvidenceChain.Service.Internal;

/// <summary>Wires the anchoring worker when <c>Anchor:Rpc</c> is configured; without it anchoring is off.</summary>
internal static class AnchorComposition
{
    public static void AddAnchoring(IServiceCollection services, ChainSettings chain, ILogStore store, Notary notary)
    {
        if (chain.Rpc is null)
        {
            return;
        }

        if (chain.Contract is null || chain.KeyFile is null)
        {
            throw new InvalidOperationException("Anchoring needs Anchor:Contract and Anchor:KeyFile besides Anchor:Rpc.");
        }

        var contract = EvidenceAnchorContract.At(chain.Rpc, AnchorKeyFile.Read(chain.KeyFile), chain.ChainId, chain.Contract);
        services.AddSingleton<IAnchorChain>(new EthereumAnchorChain(contract, chain.ChainId, chain.FinalityDepth));
        services.AddSingleton(new AnchorOptions { Interval = chain.Interval });
        services.AddSingleton(sp => new AnchorWorker(
            store,
            sp.GetRequiredService<IAnchorChain>(),
            EvidenceAnchorContract.LogIdOf(notary.Origin),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<AnchorOptions>(),
            sp.GetRequiredService<ILogger<AnchorWorker>>()));
        services.AddHostedService<AnchorHostedService>();
    }
}
