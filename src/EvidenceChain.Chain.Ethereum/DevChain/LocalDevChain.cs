using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Numerics;
using System.Text.Json;
using EvidenceChain.Chain.Ethereum.Internal;
using Microsoft.Extensions.Logging;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Util;
using Nethereum.Web3;
using Nethereum.Web3.Accounts;

namespace EvidenceChain.Chain.Ethereum.DevChain;

/// <summary>
/// A local development chain that the service brings up by itself, so anchoring works on a fresh
/// machine without a node of one's own: anvil from the repository's pinned npm package on 127.0.0.1 at
/// a free port, its chain kept in a state directory across restarts, and the EvidenceAnchor contract
/// deployed once (the development account allowed as notary) and remembered there.
/// If the chain lost its state (a new genesis block, or no code at the remembered address), it deploys
/// again and says so in <see cref="Redeployed"/>, so the caller can mark anchors on the old chain lost.
/// For local development only: it signs with a published key.
/// </summary>
/// <remarks>
/// What survives what: a stop through <see cref="DisposeAsync"/> or SIGTERM/SIGINT to anvil keeps the
/// whole chain; a service killed with SIGKILL leaves anvil running, and the next start stops it with
/// SIGTERM, so nothing is lost either; anvil itself killed (or the machine stopping) loses at most the
/// last second of blocks, which then look like a reorganization (same genesis, other block hashes).
/// </remarks>
public sealed class LocalDevChain : IAsyncDisposable
{
    /// <summary>
    /// anvil's first development account (mnemonic "test test test test test test test test test test
    /// test junk", index 0). The key is published: for local chains only, never on a public one.
    /// </summary>
    private const string DevelopmentPrivateKey = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

    private const string StateFileName = "anvil-state.json";
    private const string PidFileName = "anvil.pid";
    private const string DeploymentFileName = "deployment.json";
    private const int PortAttemptsMax = 5;
    private const long StateFileWarningBytes = 256L * 1024 * 1024;
    private static readonly TimeSpan s_blockTimeMin = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan s_blockTimeMax = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan s_deployTimeout = TimeSpan.FromMinutes(1);
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private readonly AnvilNode _node;

    private LocalDevChain(AnvilNode node, DevChainDeployment deployment, DevChainDeployment? previousDeployment)
    {
        _node = node;
        Deployment = deployment;
        PreviousDeployment = previousDeployment;
    }

    /// <summary>The node's JSON-RPC endpoint (http://127.0.0.1:&lt;port&gt;; the port changes with every start).</summary>
    public Uri Rpc => _node.Rpc;

    public long ChainId => Deployment.ChainId;

    /// <summary>The EvidenceAnchor contract to anchor on.</summary>
    public string ContractAddress => Deployment.ContractAddress;

    /// <summary>The hash of the chain's block 0: it changes when the chain starts over.</summary>
    public string GenesisHash => Deployment.GenesisHash;

    /// <summary>The development account's key (0x-hex): owner of the contract and an allowed notary. Published; local chains only.</summary>
    public string PrivateKeyHex { get; } = DevelopmentPrivateKey;

    /// <summary>The contract in use, with the block it was deployed in.</summary>
    public DevChainDeployment Deployment { get; }

    /// <summary>
    /// True when a remembered deployment was lost with the chain's state and the contract was deployed
    /// again: anchors made on the old chain are gone. The new chain's genesis hash (or chain id, if that
    /// option changed) always differs from the lost one's; the contract address may well be the same,
    /// since the development account's first deployment on a fresh chain always gets the same address.
    /// </summary>
    public bool Redeployed => PreviousDeployment is not null;

    /// <summary>The deployment that was lost when <see cref="Redeployed"/> is true; otherwise null.</summary>
    public DevChainDeployment? PreviousDeployment { get; }

    /// <summary>anvil's process id (for tests and logs).</summary>
    internal int ProcessId => _node.ProcessId;

    /// <summary>
    /// Starts anvil on the state directory's chain (first stopping an anvil that an earlier, killed run
    /// left on it), waits until it answers, and reuses or deploys the contract.
    /// </summary>
    /// <exception cref="InvalidOperationException">anvil is not installed, does not start or does not answer; the message says why.</exception>
    public static async Task<LocalDevChain> StartAsync(LocalDevChainOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.StateDirectory);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.ChainId);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BlockTime, s_blockTimeMin);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.BlockTime, s_blockTimeMax);

        string binary = FindBinary(options.AnvilPath);
        string directory = Path.GetFullPath(options.StateDirectory);
        Directory.CreateDirectory(directory);
        var launch = new AnvilLaunch(binary, Path.Combine(directory, StateFileName), Path.Combine(directory, PidFileName), options.ChainId, options.BlockTime);

        await StaleAnvil.StopAsync(launch.PidFile, launch.StateFile, logger, cancellationToken).ConfigureAwait(false);
        WarnIfStateIsLarge(launch.StateFile, logger);
        AnvilNode node = await StartNodeAsync(launch, logger, cancellationToken).ConfigureAwait(false);
        try
        {
            string deploymentFile = Path.Combine(directory, DeploymentFileName);
            DevChainDeployment? remembered = ReadDeployment(deploymentFile);
            string genesisHash = await ChainFacts.GenesisHashAsync(node.Rpc, cancellationToken).ConfigureAwait(false);
            if (remembered is not null
                && remembered.ChainId == options.ChainId
                && string.Equals(remembered.GenesisHash, genesisHash, StringComparison.OrdinalIgnoreCase))
            {
                if (await ChainFacts.HasCodeAsync(node.Rpc, remembered.ContractAddress, cancellationToken).ConfigureAwait(false))
                {
                    DevChainLog.DeploymentReused(logger, remembered.ContractAddress, remembered.DeployBlockNumber);
                    return new LocalDevChain(node, remembered, null);
                }

                // The remembered chain without the contract: a new anvil started in the same second as
                // the lost one (same options, same genesis timestamp), or a state written before the
                // deployment. Anchors are told lost by the genesis hash, and a new deployment would get
                // the same address, so start a chain whose genesis differs.
                DevChainLog.ChainRenewed(logger, remembered.ContractAddress, genesisHash);
                await node.DisposeAsync().ConfigureAwait(false);
                node = await StartNewChainAsync(launch, logger, cancellationToken).ConfigureAwait(false);
                genesisHash = await ChainFacts.GenesisHashAsync(node.Rpc, cancellationToken).ConfigureAwait(false);
                if (string.Equals(remembered.GenesisHash, genesisHash, StringComparison.OrdinalIgnoreCase))
                {
                    throw new InvalidOperationException($"A new development chain got the lost chain's genesis hash {genesisHash} (did the clock go back?); delete {directory} and start again.");
                }
            }

            DevChainDeployment deployment = await DeployAsync(node.Rpc, options.ChainId, genesisHash, cancellationToken).ConfigureAwait(false);
            WriteDeployment(deploymentFile, deployment);
            if (remembered is null)
            {
                DevChainLog.Deployed(logger, deployment.ContractAddress, deployment.DeployBlockNumber);
            }
            else
            {
                DevChainLog.Redeployed(logger, remembered.GenesisHash, remembered.ContractAddress, genesisHash, deployment.ContractAddress);
            }

            return new LocalDevChain(node, deployment, remembered);
        }
        catch
        {
            await node.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Stops anvil with SIGTERM so it writes its state file (killed after a bound), and removes its PID file.</summary>
    public ValueTask DisposeAsync() => _node.DisposeAsync();

    private static string FindBinary(string? configured)
    {
        if (configured is not null)
        {
            return File.Exists(configured) ? Path.GetFullPath(configured) : throw NotInstalled($"no file at {configured}");
        }

        string[] starts = [Directory.GetCurrentDirectory(), AppContext.BaseDirectory];
        return AnvilBinary.Find(starts)
            ?? throw NotInstalled($"no {AnvilBinary.PlatformRelativePath() ?? "anvil package for this platform"} in {starts[0]}, {starts[1]} or a folder above them");
    }

    private static void WarnIfStateIsLarge(string stateFile, ILogger logger)
    {
        // anvil keeps every block header in the state file (about 1.7 KB per block: some 150 MB per day
        // at one-second blocks) and rewrites the whole file every second.
        var state = new FileInfo(stateFile);
        if (state.Exists && state.Length > StateFileWarningBytes)
        {
            DevChainLog.StateIsLarge(logger, stateFile, state.Length / (1024 * 1024));
        }
    }

    private static InvalidOperationException NotInstalled(string detail) =>
        new($"anvil is not installed: run `npm ci` in the repository root, or set Anchor:Mode=rpc to anchor on an Ethereum node of your own ({detail}).");

    private static async Task<AnvilNode> StartNodeAsync(AnvilLaunch launch, ILogger logger, CancellationToken cancellationToken)
    {
        bool stateMovedAside = false;
        for (int attempt = 1; ; attempt++)
        {
            AnvilStart start = await AnvilNode.TryStartAsync(launch, FreePort(), logger, cancellationToken).ConfigureAwait(false);
            switch (start.Failure)
            {
                case AnvilStartFailure.None:
                    return start.Node!;
                case AnvilStartFailure.PortTaken when attempt < PortAttemptsMax:
                    // Another process bound the port between our check and anvil's bind: try another.
                    continue;
                case AnvilStartFailure.StateUnreadable when !stateMovedAside:
                    // anvil writes its state file in place; killed during a write, it leaves a truncated
                    // file that it then refuses. Keep the file for a look, and start a new chain: the
                    // deployment check below sees the new genesis and deploys again.
                    string movedTo = $"{launch.StateFile}.unreadable-{DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}";
                    File.Move(launch.StateFile, movedTo);
                    DevChainLog.StateUnreadable(logger, movedTo, start.Error);
                    stateMovedAside = true;
                    continue;
                case AnvilStartFailure.PortTaken:
                    throw new InvalidOperationException($"anvil could not bind a free port on 127.0.0.1 in {PortAttemptsMax} attempts: {start.Error}");
                case AnvilStartFailure.NoAnswer:
                    throw new InvalidOperationException($"anvil ({launch.Binary}) did not answer on 127.0.0.1 in time: {start.Error}");
                default:
                    throw new InvalidOperationException($"anvil ({launch.Binary}) exited before answering: {start.Error}");
            }
        }
    }

    private static async Task<AnvilNode> StartNewChainAsync(AnvilLaunch launch, ILogger logger, CancellationToken cancellationToken)
    {
        File.Delete(launch.StateFile);

        // anvil stamps a new genesis block with the second it starts in, and the old genesis is from
        // this second or an earlier one: wait for the next second (at most one, a bounded poll).
        long second = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        while (DateTimeOffset.UtcNow.ToUnixTimeSeconds() == second)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken).ConfigureAwait(false);
        }

        return await StartNodeAsync(launch, logger, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<DevChainDeployment> DeployAsync(Uri rpc, long chainId, string genesisHash, CancellationToken cancellationToken)
    {
        var web3 = new Web3(new Account(DevelopmentPrivateKey, chainId), rpc.ToString());
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(s_deployTimeout);

        // Deployed here rather than through EvidenceAnchorContract.DeployAsync, which does not tell the
        // block it landed in; the bytecode is the same committed build.
        TransactionReceipt receipt = await web3.Eth.GetContractDeploymentHandler<EvidenceAnchorDeployment>()
            .SendRequestAndWaitForReceiptAsync(new EvidenceAnchorDeployment { ByteCode = LoadBytecode() }, timeout.Token).ConfigureAwait(false);
        if (receipt.Status?.Value != BigInteger.One)
        {
            throw new InvalidOperationException($"Deploying EvidenceAnchor on the development chain failed in transaction {receipt.TransactionHash}.");
        }

        string address = AddressUtil.Current.ConvertToChecksumAddress(receipt.ContractAddress);
        EvidenceAnchorContract contract = EvidenceAnchorContract.At(rpc, DevelopmentPrivateKey, chainId, address);
        await contract.SetNotaryAsync(contract.Sender, true, timeout.Token).ConfigureAwait(false);
        return new DevChainDeployment(chainId, genesisHash, address, (ulong)receipt.BlockNumber.Value);
    }

    private static string LoadBytecode()
    {
        using Stream stream = typeof(LocalDevChain).Assembly.GetManifestResourceStream("EvidenceAnchor.json")
            ?? throw new InvalidOperationException("The contract build is not embedded.");
        using JsonDocument document = JsonDocument.Parse(stream);
        return document.RootElement.GetProperty("bytecode").GetString()!;
    }

    private static DevChainDeployment? ReadDeployment(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        DevChainDeployment? deployment;
        try
        {
            deployment = JsonSerializer.Deserialize<DevChainDeployment>(File.ReadAllText(path), s_json);
        }
        catch (JsonException e)
        {
            throw UnreadableDeployment(path, e.Message, e);
        }

        return deployment is { GenesisHash: not null, ContractAddress: not null }
            && AddressUtil.Current.IsValidEthereumAddressHexFormat(deployment.ContractAddress)
            ? deployment
            : throw UnreadableDeployment(path, "a member is missing or malformed", null);
    }

    private static InvalidOperationException UnreadableDeployment(string path, string reason, Exception? inner) =>
        new($"{path} is not a deployment record ({reason}); delete it to deploy the contract again.", inner);

    private static void WriteDeployment(string path, DevChainDeployment deployment)
    {
        // Written aside and renamed over, so a crash leaves the old record or the new one, never half.
        string temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(deployment, s_json));
        File.Move(temporary, path, overwrite: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
