using EvidenceChain.Engine.Observability;
using EvidenceChain.Chain.Ethereum;
using EvidenceChain.Chain.Ethereum.DevChain;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Engine;
using EvidenceChain.Engine.Anchoring;
using EvidenceChain.Engine.Ports;

namespace EvidenceChain.Service.Internal;

/// <summary>
/// Wires anchoring for the configured mode (see <see cref="ChainSettings"/>). In mode local it
/// starts the development chain first and returns it, for the caller to stop after the host.
/// </summary>
internal static class AnchorComposition
{
    public static async Task<LocalDevChain?> AddAnchoringAsync(IServiceCollection services, ChainSettings chain, string dataDirectory, Notary notary, ILogger logger)
    {
        string mode = chain.ResolvedMode;
        if (mode == ChainSettings.Off)
        {
            services.AddSingleton(new AnchoringView(null));
            return null;
        }

        LocalDevChain? local = null;
        EvidenceAnchorContract contract;
        long chainId;
        Digest logId = notary.Origin.OriginHash;
        if (mode == ChainSettings.Local)
        {
            local = await LocalDevChain.StartAsync(
                new LocalDevChainOptions { StateDirectory = Path.Combine(dataDirectory, "devchain"), AnvilPath = chain.Anvil, ChainId = chain.ChainId },
                logger,
                CancellationToken.None).ConfigureAwait(false);
            chainId = local.ChainId;
            contract = EvidenceAnchorContract.At(local.Rpc, local.PrivateKeyHex, chainId, local.ContractAddress);
            try
            {
                await PublishLogKeysAsync(contract, logId, notary).ConfigureAwait(false);
            }
            catch
            {
                await local.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
        else
        {
            if (chain.Rpc is null || chain.Contract is null || chain.KeyFile is null)
            {
                throw new InvalidOperationException("Anchor:Mode rpc needs Anchor:Rpc, Anchor:Contract and Anchor:KeyFile.");
            }

            chainId = chain.ChainId;
            contract = EvidenceAnchorContract.At(chain.Rpc, AnchorKeyFile.Read(chain.KeyFile), chainId, chain.Contract);
        }

        var options = new EthereumAnchorOptions { FinalityDepth = chain.FinalityDepth, MaxFeePerGasCap = checked(chain.MaxFeePerGasGwei * 1_000_000_000) };
        services.AddSingleton<IAnchorChain>(new EthereumAnchorChain(contract, chainId, options));
        services.AddSingleton(sp => new AnchoringView(sp.GetRequiredService<IAnchorChain>()));
        services.AddSingleton(new AnchorOptions { Interval = chain.Interval ?? TimeSpan.FromSeconds(local is null ? 30 : 5) });
        services.AddSingleton(sp => new AnchorWorker(
            sp.GetRequiredService<ILogStore>(),
            sp.GetRequiredService<IAnchorChain>(),
            logId,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<AnchorOptions>(),
            sp.GetRequiredService<ILogger<AnchorWorker>>(),
            sp.GetService<LogMetrics>()));
        services.AddHostedService<AnchorHostedService>();
        return local;
    }

    /// <summary>The contract's owner is ours on the local chain: publish the log's keys there, so verifiers can take them from the chain.</summary>
    private static async Task PublishLogKeysAsync(EvidenceAnchorContract contract, Digest logId, Notary notary)
    {
        IReadOnlyList<string> keys = [.. notary.VerifierKeys.Select(k => k.ToVerifierKey())];
        if (!(await contract.LogKeysAsync(logId, CancellationToken.None).ConfigureAwait(false)).SequenceEqual(keys))
        {
            await contract.SetLogKeysAsync(logId, keys, CancellationToken.None).ConfigureAwait(false);
        }
    }
}
