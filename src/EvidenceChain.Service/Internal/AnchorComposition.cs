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
internal static partial class AnchorComposition
{
    public static async Task<LocalDevChain?> AddAnchoringAsync(IServiceCollection services, ChainSettings chain, string dataDirectory, Notary notary, ILogger logger, ILogStore store)
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
            await PublishLogKeysIfOwnerAsync(contract, logId, notary, logger).ConfigureAwait(false);
        }

        try
        {
            await CheckStoreNotBehindAnchorsAsync(contract, logId, store, logger).ConfigureAwait(false);
        }
        catch
        {
            if (local is not null)
            {
                await local.DisposeAsync().ConfigureAwait(false);
            }

            throw;
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

    /// <summary>
    /// A store restored from a backup older than the log's last anchor must not sign again: the leaves it lost are
    /// gone, so the next checkpoints of those sizes would have other roots than the chain holds, a fork of the log
    /// (docs/backup.md#the-store-is-behind-its-anchors). So the service does not start until the operator decides.
    /// A chain that cannot be asked now only delays the check (deposits never wait for the chain).
    /// </summary>
    private static async Task CheckStoreNotBehindAnchorsAsync(EvidenceAnchorContract contract, Digest logId, ILogStore store, ILogger logger)
    {
        ulong anchoredSize;
        Digest? anchoredRoot;
        try
        {
            anchoredSize = await contract.LatestTreeSizeAsync(logId, CancellationToken.None).ConfigureAwait(false);
            anchoredRoot = anchoredSize == 0 ? null : await contract.RootAtAsync(logId, anchoredSize, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not InvalidOperationException)
        {
            LogAnchorCheckSkipped(logger, e.Message);
            return;
        }

        StoredCheckpoint? latest = store.LatestCheckpoint();
        ulong storedSize = latest?.TreeSize ?? 0;
        if (anchoredSize > storedSize)
        {
            throw new InvalidOperationException(
                $"the store is behind its anchors: the chain holds checkpoint {anchoredSize} of this log (root {anchoredRoot}), but the store's latest checkpoint is {storedSize}, "
                + "as after a restore from a backup older than the last anchor. Signing would fork the log, so the service does not start. "
                + "Restore a backup taken after that anchor, or follow docs/backup.md#the-store-is-behind-its-anchors");
        }

        if (anchoredSize > 0 && store.FindCheckpoint(anchoredSize) is StoredCheckpoint stored && stored.Root != anchoredRoot)
        {
            throw new InvalidOperationException(
                $"the chain holds checkpoint {anchoredSize} of this log with root {anchoredRoot}, but the store's checkpoint of that size has root {stored.Root}: this store is not the history the chain anchored");
        }

        LogAnchorCheck(logger, anchoredSize, storedSize);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The chain's latest anchor of this log is checkpoint {AnchoredSize}; the store's latest checkpoint is {StoredSize}.")]
    private static partial void LogAnchorCheck(ILogger logger, ulong anchoredSize, ulong storedSize);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not compare the store with the chain's anchors at start ({Reason}); a store restored from an older backup would not be caught now.")]
    private static partial void LogAnchorCheckSkipped(ILogger logger, string reason);

    /// <summary>
    /// On a chain the office deployed to with the anchoring account, that account owns the contract: it publishes the log's
    /// keys (all pairs, after a rotation too). Otherwise the owner must, and the log says which keys; an unreachable chain
    /// only delays it to the next start, as anchoring waits for the chain anyway.
    /// </summary>
    private static async Task PublishLogKeysIfOwnerAsync(EvidenceAnchorContract contract, Digest logId, Notary notary, ILogger logger)
    {
        try
        {
            if (string.Equals(await contract.OwnerAsync(CancellationToken.None).ConfigureAwait(false), contract.Sender, StringComparison.OrdinalIgnoreCase))
            {
                await PublishLogKeysAsync(contract, logId, notary).ConfigureAwait(false);
            }
            else if (!(await contract.LogKeysAsync(logId, CancellationToken.None).ConfigureAwait(false)).SequenceEqual(notary.VerifierKeys.Select(k => k.ToVerifierKey())))
            {
                LogKeysNotPublished(logger, string.Join(' ', notary.VerifierKeys.Select(k => k.ToVerifierKey())));
            }
        }
        catch (Exception e) when (e is not InvalidOperationException)
        {
            LogKeysNotChecked(logger, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The anchor contract does not publish this log's current keys, and the anchoring account is not its owner: the owner should call setLogKeys with {Keys}.")]
    private static partial void LogKeysNotPublished(ILogger logger, string keys);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not check the log's keys on the anchor contract at start ({Reason}).")]
    private static partial void LogKeysNotChecked(ILogger logger, string reason);

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
