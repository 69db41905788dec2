using System.Diagnostics;
using System.Text;
using System.Text.Json;
using EvidenceChain.Chain.Ethereum.DevChain;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Testing;
using Microsoft.Extensions.Logging;

namespace EvidenceChain.Chain.Ethereum.Tests;

/// <summary>The development chain the service starts by itself, on real anvil processes in a temp directory per test.</summary>
public sealed class LocalDevChainTests : IDisposable
{
    private static readonly Digest s_logId = Sm3.HashData(Encoding.ASCII.GetBytes("dev-chain-test-log"));
    private readonly TempDirectory _temp = new();
    private readonly RecordingLogger _logger = new();
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromMinutes(2));

    private string StateDirectory => _temp.File("data/devchain");

    private CancellationToken Token => _timeout.Token;

    public void Dispose()
    {
        _timeout.Dispose();
        _temp.Dispose();
    }

    private Task<LocalDevChain> StartAsync(string? anvilPath = null) =>
        LocalDevChain.StartAsync(new LocalDevChainOptions { StateDirectory = StateDirectory, AnvilPath = anvilPath }, _logger, Token);

    private static EvidenceAnchorContract Contract(LocalDevChain chain) =>
        EvidenceAnchorContract.At(chain.Rpc, chain.PrivateKeyHex, chain.ChainId, chain.ContractAddress);

    private static Digest Root(string seed) => Sm3.HashData(Encoding.ASCII.GetBytes(seed));

    [Fact]
    public async Task Start_FreshStateDirectory_DeploysContractAndAllowsTheDevAccountAsNotary()
    {
        await using LocalDevChain chain = await StartAsync();

        Assert.False(chain.Redeployed);
        Assert.Null(chain.PreviousDeployment);
        Assert.Equal(31337, chain.ChainId);
        Assert.Equal("127.0.0.1", chain.Rpc.Host);
        Assert.True(await ChainFacts.HasCodeAsync(chain.Rpc, chain.ContractAddress, Token));
        Assert.Equal(chain.GenesisHash, await ChainFacts.GenesisHashAsync(chain.Rpc, Token));
        Assert.Equal(chain.ProcessId.ToString(), File.ReadAllText(Path.Combine(StateDirectory, "anvil.pid")).Trim());
        Assert.True(File.Exists(Path.Combine(StateDirectory, "deployment.json")));

        AnchorInclusion inclusion = await Contract(chain).AnchorAsync(s_logId, 1, Root("fresh"), Token);

        Assert.True(inclusion.BlockNumber > chain.Deployment.DeployBlockNumber);
        Assert.DoesNotContain(_logger.Entries, e => e.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task Start_IntervalMining_FinalizedBlockAdvancesWithoutTraffic()
    {
        await using LocalDevChain chain = await StartAsync();
        EvidenceAnchorContract contract = Contract(chain);
        ulong first = await contract.FinalizedBlockNumberAsync(Token);

        // A bounded poll, not a speed assertion: with one-second blocks this takes about two seconds.
        ulong finalized = first;
        for (int i = 0; i < 300 && finalized < first + 2; i++)
        {
            await Task.Delay(100, Token);
            finalized = await contract.FinalizedBlockNumberAsync(Token);
        }

        Assert.True(finalized >= first + 2, $"finalized stayed at {finalized} (started at {first})");
        Assert.True(await contract.BlockNumberAsync(Token) > finalized);
    }

    [Fact]
    public async Task Start_AfterStop_ReusesContractAndRemembersAnchorAndBlockHashes()
    {
        AnchorInclusion inclusion;
        DevChainDeployment deployment;
        await using (LocalDevChain first = await StartAsync())
        {
            deployment = first.Deployment;
            inclusion = await Contract(first).AnchorAsync(s_logId, 7, Root("before restart"), Token);
        }

        Assert.False(File.Exists(Path.Combine(StateDirectory, "anvil.pid")));

        await using LocalDevChain second = await StartAsync();

        Assert.False(second.Redeployed);
        Assert.Equal(deployment, second.Deployment);
        EvidenceAnchorContract contract = Contract(second);
        AnchorRecord? found = await contract.FindByRootAsync(Root("before restart"), Token);
        Assert.NotNull(found);
        Assert.Equal(inclusion.BlockNumber, found.BlockNumber);
        Assert.Equal(inclusion.BlockHash, await contract.BlockHashAsync(inclusion.BlockNumber, Token));
        Assert.Equal(7UL, await contract.LatestTreeSizeAsync(s_logId, Token));
    }

    [Fact]
    public async Task Start_StateFileDeleted_RedeploysAndReportsThePreviousDeployment()
    {
        DevChainDeployment lost;
        await using (LocalDevChain first = await StartAsync())
        {
            lost = first.Deployment;
            await Contract(first).AnchorAsync(s_logId, 3, Root("on the lost chain"), Token);
        }

        File.Delete(Path.Combine(StateDirectory, "anvil-state.json"));

        await using LocalDevChain second = await StartAsync();

        Assert.True(second.Redeployed);
        Assert.Equal(lost, second.PreviousDeployment);
        Assert.NotEqual(lost.GenesisHash, second.GenesisHash);
        Assert.True(await ChainFacts.HasCodeAsync(second.Rpc, second.ContractAddress, Token));
        Assert.Null(await Contract(second).FindByRootAsync(Root("on the lost chain"), Token));
        Assert.Contains(_logger.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("lost its state", StringComparison.Ordinal));

        // The next start remembers the new deployment and does not report the loss again.
        await second.DisposeAsync();
        await using LocalDevChain third = await StartAsync();
        Assert.False(third.Redeployed);
        Assert.Equal(second.Deployment, third.Deployment);
    }

    [Fact]
    public async Task Start_RememberedGenesisWithoutTheContract_StartsAChainWithANewGenesis()
    {
        // A fresh anvil's genesis depends only on its options and the second it started in, and the dev
        // account's first deployment always gets the same address: a chain lost within a second of its
        // start comes back looking the same. Simulated here by a record of a contract that is not there.
        DevChainDeployment missing;
        await using (LocalDevChain first = await StartAsync())
        {
            missing = first.Deployment with { ContractAddress = "0x00000000000000000000000000000000000000E1" };
        }

        File.WriteAllText(Path.Combine(StateDirectory, "deployment.json"), JsonSerializer.Serialize(missing, JsonSerializerOptions.Web));

        await using LocalDevChain second = await StartAsync();

        Assert.True(second.Redeployed);
        Assert.Equal(missing, second.PreviousDeployment);
        Assert.NotEqual(missing.GenesisHash, second.GenesisHash);
        Assert.True(await ChainFacts.HasCodeAsync(second.Rpc, second.ContractAddress, Token));
        Assert.Contains(_logger.Entries, e => e.Message.Contains("no longer holds EvidenceAnchor", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_StateFileTruncated_MovesItAsideAndRedeploys()
    {
        DevChainDeployment lost;
        await using (LocalDevChain first = await StartAsync())
        {
            lost = first.Deployment;
        }

        // What a kill in the middle of anvil's in-place dump leaves behind.
        string stateFile = Path.Combine(StateDirectory, "anvil-state.json");
        byte[] state = File.ReadAllBytes(stateFile);
        File.WriteAllBytes(stateFile, state[..(state.Length / 2)]);

        await using LocalDevChain second = await StartAsync();

        Assert.True(second.Redeployed);
        Assert.Equal(lost, second.PreviousDeployment);
        Assert.Single(Directory.GetFiles(StateDirectory, "anvil-state.json.unreadable-*"));
        Assert.Contains(_logger.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("could not read its state file", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_AnvilLeftRunningByAKilledService_StopsItAndKeepsItsChain()
    {
        // A service killed with SIGKILL never disposes its chain: its anvil keeps running.
        LocalDevChain orphan = await StartAsync();
        int orphanProcessId = orphan.ProcessId;
        await Contract(orphan).AnchorAsync(s_logId, 11, Root("before the kill"), Token);

        await using LocalDevChain next = await StartAsync();

        Assert.NotEqual(orphanProcessId, next.ProcessId);
        Assert.True(HasExited(orphanProcessId), "the stale anvil still runs");
        Assert.False(next.Redeployed);
        Assert.Equal(orphan.Deployment, next.Deployment);
        Assert.NotNull(await Contract(next).FindByRootAsync(Root("before the kill"), Token));
        Assert.Contains(_logger.Entries, e => e.Message.Contains($"PID {orphanProcessId}", StringComparison.Ordinal) && e.Message.Contains("earlier run", StringComparison.Ordinal));

        // The stale instance's late cleanup must leave the new PID file alone.
        await orphan.DisposeAsync();
        Assert.Equal(next.ProcessId.ToString(), File.ReadAllText(Path.Combine(StateDirectory, "anvil.pid")).Trim());
    }

    [Fact]
    public async Task Start_PidFileNamesAnotherProgram_LeavesItRunning()
    {
        // The PID of a dead anvil may since belong to anything: only an anvil on our state file is stopped.
        using Process sleeper = Process.Start("sleep", "60");
        try
        {
            Directory.CreateDirectory(StateDirectory);
            File.WriteAllText(Path.Combine(StateDirectory, "anvil.pid"), $"{sleeper.Id}\n");

            await using LocalDevChain chain = await StartAsync();

            Assert.False(sleeper.HasExited);
            Assert.Equal(chain.ProcessId.ToString(), File.ReadAllText(Path.Combine(StateDirectory, "anvil.pid")).Trim());
        }
        finally
        {
            sleeper.Kill();
            sleeper.WaitForExit();
        }
    }

    [Fact]
    public async Task Start_AnvilBinaryMissing_ThrowsOneSentenceSayingHowToInstallIt()
    {
        InvalidOperationException e = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(anvilPath: _temp.File("nowhere/anvil")));

        Assert.StartsWith("anvil is not installed: run `npm ci` in the repository root, or set Anchor:Mode=rpc", e.Message);
        Assert.False(Directory.Exists(StateDirectory));
    }

    [Fact]
    public void FindAnvil_FromTheRepositoryOrOutside_FindsThePinnedPackageOnlyInside()
    {
        Assert.Null(AnvilBinary.Find([_temp.Path]));

        string? found = AnvilBinary.Find([_temp.Path, AppContext.BaseDirectory]);

        Assert.NotNull(found);
        Assert.Equal(Path.Combine(ServiceHostProcess.RepoRoot(), AnvilBinary.PlatformRelativePath()!), found);
    }

    private static bool HasExited(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }
}
