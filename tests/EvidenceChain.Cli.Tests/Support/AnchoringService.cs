using EvidenceChain.Cli.Internal;
using EvidenceChain.Core.Checkpoints;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Notes;
using EvidenceChain.Protocol.V1;

namespace EvidenceChain.Cli.Tests.Support;

/// <summary>
/// The real service as a process anchoring on a <see cref="TestAnchorChain"/> with its first
/// development key: a checkpoint every 100 ms and an anchoring round every 200 ms, final at once
/// (finality depth 0), so anchors come quickly. A workspace of its own deposits through the CLI and runs <c>monitor</c>.
/// </summary>
internal sealed class AnchoringService : IDisposable
{
    private readonly TempDirectory _data = new();
    private readonly TestAnchorChain _chain;
    private int _deposits;

    public AnchoringService(TestAnchorChain chain)
    {
        _chain = chain;
        Service = ServiceHostProcess.Start(_data.Path, chain.ServiceArguments(_data.Path, TimeSpan.FromMilliseconds(200), finalityDepth: 0));
        Workspace = new OnlineWorkspace(Service.Address);
        StatePath = Workspace.File("monitor-state.json");
    }

    public ServiceHostProcess Service { get; }

    public OnlineWorkspace Workspace { get; }

    /// <summary>The state file the <see cref="MonitorAsync"/> runs use.</summary>
    public string StatePath { get; }

    public string VerifierKeysPath => Path.Combine(_data.Path, "notary.vkeys");

    /// <summary>The log's origin and its id on chain (SHA-256 of the origin).</summary>
    public async Task<(LogOrigin Origin, Digest LogId)> LogAsync()
    {
        using var connection = new NotaryConnection(new Uri(Service.Address));
        GetLogInfoResponse info = await connection.GetLogInfoAsync(CancellationToken.None);
        Assert.True(LogOrigin.TryParse(info.Origin, out LogOrigin? origin));
        return (origin!, origin!.OriginHash);
    }

    /// <summary>The latest signed checkpoint, verified with the keys the service published.</summary>
    public async Task<Checkpoint> CheckpointAsync()
    {
        using var connection = new NotaryConnection(new Uri(Service.Address));
        GetCheckpointResponse response = await connection.GetCheckpointAsync(CancellationToken.None);
        IReadOnlyList<NoteVerifier> keys = File.ReadAllLines(VerifierKeysPath).Where(line => line.Length > 0).Select(NoteVerifierKey.Parse).ToList();
        Assert.True(CheckpointVerifier.Verify(response.Checkpoint, keys, out VerifiedCheckpoint? verified).IsValid);
        return verified!.Checkpoint;
    }

    /// <summary>
    /// Deposits one new file with the CLI, which returns once the deposit is in a signed checkpoint;
    /// then waits (bounded) until a checkpoint holds every leaf accepted so far — the first deposit
    /// with a key is followed by the custody event that binds the key — and returns it.
    /// </summary>
    public async Task<Checkpoint> DepositAsync()
    {
        int number = Interlocked.Increment(ref _deposits);
        string evidence = Workspace.Write($"deposits/{number}.txt", $"deposit {number} {Guid.NewGuid()}\n");
        CliResult result = await Workspace.RunAsync("deposit", evidence, "--kind", "data");
        Assert.True(result.ExitCode == 0, result.ToString());
        using Grpc.Net.Client.GrpcChannel channel = Grpc.Net.Client.GrpcChannel.ForAddress(Service.Address);
        ulong accepted = (ulong)(await new EvidenceService.EvidenceServiceClient(channel).GetLeavesAsync(new GetLeavesRequest { StartIndex = 0, Count = 1000 })).Leaves.Count;
        Checkpoint checkpoint = await CheckpointAsync();
        for (int attempt = 0; attempt < 100 && checkpoint.TreeSize < accepted; attempt++)
        {
            await Task.Delay(50);
            checkpoint = await CheckpointAsync();
        }

        Assert.Equal(accepted, checkpoint.TreeSize);
        return checkpoint;
    }

    /// <summary>Deposits, then waits (bounded) until the service has anchored the checkpoint holding the deposit; returns it.</summary>
    public async Task<Checkpoint> DepositAndAnchorAsync()
    {
        Checkpoint checkpoint = await DepositAsync();
        await WaitUntilAnchoredAsync(checkpoint.TreeSize);
        return checkpoint;
    }

    /// <summary>Polls the contract (at most 600 × 50 ms) until the log's latest anchored size reaches <paramref name="treeSize"/>.</summary>
    public async Task WaitUntilAnchoredAsync(ulong treeSize)
    {
        (_, Digest logId) = await LogAsync();
        ulong anchored = 0;
        for (int attempt = 0; attempt < 600 && anchored < treeSize; attempt++)
        {
            anchored = await _chain.Contract.LatestTreeSizeAsync(logId, CancellationToken.None);
            if (anchored < treeSize)
            {
                // A bounded readiness poll, not a timing assumption: anchoring runs every 200 ms.
                await Task.Delay(50);
            }
        }

        Assert.True(anchored >= treeSize, $"tree size {treeSize} was not anchored (latest anchored: {anchored}):\n{Service.Output}");
    }

    /// <summary><c>monitor</c> against this service and chain, with the contract pinned, this service's state file and English messages.</summary>
    public Task<CliResult> MonitorAsync(params string[] more) =>
        Workspace.RunAsync(["monitor", "--rpc", _chain.Anvil.Rpc.ToString(), "--contract", _chain.Contract.Address, "--state", StatePath, "--lang", "en", .. more]);

    public void Dispose()
    {
        Service.Dispose();
        Workspace.Dispose();
        _data.Dispose();
    }
}
