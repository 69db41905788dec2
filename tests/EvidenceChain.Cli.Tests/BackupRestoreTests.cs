using System.Text.Json;
using EvidenceChain.Cli.Internal;
using EvidenceChain.Cli.Tests.Support;
using EvidenceChain.Core.Checkpoints;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Merkle;
using EvidenceChain.Core.Notes;
using EvidenceChain.Core.Proofs;
using EvidenceChain.Protocol.V1;
using Grpc.Net.Client;

namespace EvidenceChain.Cli.Tests;

/// <summary>
/// Backup and restore end to end, all real (docs/backup.md): a service anchoring on anvil, the CLI depositing before,
/// during and after an online backup, a restore into a new data directory, and a service on it. Every deposit the
/// backup holds still gets a receipt proven consistent with the depositor's earlier checkpoint; the restored latest
/// checkpoint is consistent with the chain's last anchor; a deposit acknowledged after the backup is reported as
/// needing re-submission (exit code 4), not silently lost.
/// </summary>
public sealed class BackupRestoreTests
{
    private const string WaitSeconds = "120";

    [Fact]
    public async Task BackupWhileDepositing_Restore_EarlierReceiptsVerifyLaterDepositsAreReportedForResubmission()
    {
        using TestAnchorChain chain = await TestAnchorChain.StartAsync();
        using var restoredData = new TempDirectory();
        using var data = new TempDirectory();
        using var backups = new TempDirectory();
        using OnlineWorkspace workspace = new("http://127.0.0.1:1");
        string dataDirectory = data.Path;
        string verifierKeys = Path.Combine(data.Path, "notary.vkeys");
        string backupDirectory;
        ulong backupLeafCount;
        var before = new List<DepositFiles>();
        var during = new List<DepositFiles>();
        DepositFiles late;
        using (ServiceHostProcess service = ServiceHostProcess.Start(data.Path, [.. chain.ServiceArguments(data.Path, TimeSpan.FromSeconds(1), null), "--Backup:Directory=" + backups.Path]))
        {
            for (int i = 0; i < 2; i++)
            {
                before.Add(await DepositAsync(workspace, service.Address, $"before-{i}.txt"));
            }

            CliResult anchored = await workspace.RunAsync("receipt", before[^1].ReceiptPath, "--server", service.Address, "--until", "included", "--timeout", WaitSeconds, "--key", verifierKeys, "--lang", "en");
            Assert.True(anchored.ExitCode == 0, anchored.ToString());

            // No anchor lands from here on: the backup is the newest state the chain will have seen.
            await chain.Anvil.CallAsync("evm_setAutomine", false);
            using var stop = new CancellationTokenSource();
            Task depositing = Task.Run(async () =>
            {
                for (int i = 0; !stop.IsCancellationRequested; i++)
                {
                    during.Add(await DepositAsync(workspace, service.Address, $"during-{i}.txt"));
                }
            });
            while (Volatile.Read(ref during).Count < 2)
            {
                await Task.Delay(20);
            }

            CliResult backedUp = await workspace.RunAsync("backup", "--server", service.Address, "--lang", "en");
            Assert.True(backedUp.ExitCode == 0, backedUp.ToString());
            backupDirectory = backedUp.Output.Split('\n').Single(l => l.StartsWith("backup: ", StringComparison.Ordinal))["backup: ".Length..].Trim();
            using (JsonDocument manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(backupDirectory, "manifest.json"))))
            {
                backupLeafCount = manifest.RootElement.GetProperty("leaf_count").GetUInt64();
            }

            Assert.Contains($"leaves: {backupLeafCount}; latest checkpoint: tree size ", backedUp.Output, StringComparison.Ordinal);

            int atBackup = during.Count;
            while (during.Count < atBackup + 2)
            {
                await Task.Delay(20);
            }

            await stop.CancelAsync();
            await depositing;
            late = await DepositAsync(workspace, service.Address, "late.txt");
            Assert.Equal(0, service.Terminate());
            service.ThrowIfErrorsLogged();
        }

        await chain.Anvil.CallAsync("anvil_dropAllTransactions");
        await chain.Anvil.CallAsync("evm_setAutomine", true);

        (int restoreExit, string restoreOutput) = ServiceCommand.Run("store", "restore", backupDirectory, "--data", restoredData.Path);
        Assert.True(restoreExit == 0, restoreOutput);
        CopyDirectory(Path.Combine(dataDirectory, "keys"), Path.Combine(restoredData.Path, "keys"));
        using ServiceHostProcess restored = ServiceHostProcess.Start(restoredData.Path, chain.ServiceArguments(restoredData.Path, TimeSpan.FromSeconds(1), null));

        // Every deposit the backup holds: its receipt upgraded against the restored log, proven consistent with the old one.
        IEnumerable<DepositFiles> held = before.Concat(during.Where(f => LeafIndex(f) < backupLeafCount));
        IEnumerable<DepositFiles> lost = during.Where(f => LeafIndex(f) >= backupLeafCount).Append(late);
        Assert.NotEmpty(lost);
        foreach (DepositFiles files in held)
        {
            CliResult upgraded = await workspace.RunAsync("receipt", files.ReceiptPath, "--server", restored.Address, "--key", verifierKeys, "--lang", "en");
            Assert.True(upgraded.ExitCode == 0, upgraded + restored.Output);
        }

        foreach (DepositFiles files in lost)
        {
            CliResult reported = await workspace.RunAsync("receipt", files.PromisePath, "--server", restored.Address, "--lang", "en");
            Assert.True(reported.ExitCode == 4, reported.ToString());
            Assert.Contains("was acknowledged after the store's last backup and is not in the restored log. Re-submit it with `evidencechain deposit …`", reported.Output, StringComparison.Ordinal);
        }

        // The restored latest checkpoint extends the chain's last anchor of the log.
        using GrpcChannel restoredChannel = GrpcChannel.ForAddress(restored.Address);
        var client = new EvidenceService.EvidenceServiceClient(restoredChannel);
        string origin = (await client.GetLogInfoAsync(new GetLogInfoRequest())).Origin;
        Assert.True(LogOrigin.TryParse(origin, out LogOrigin? logOrigin));
        ulong anchoredSize = await chain.Contract.LatestTreeSizeAsync(logOrigin!.OriginHash, CancellationToken.None);
        Digest anchoredRoot = (await chain.Contract.RootAtAsync(logOrigin.OriginHash, anchoredSize, CancellationToken.None))!.Value;
        GetCheckpointResponse latest = await client.GetCheckpointAsync(new GetCheckpointRequest());
        NoteVerifier[] keys = [.. File.ReadAllLines(verifierKeys).Where(l => l.Length > 0).Select(NoteVerifierKey.Parse)];
        Assert.True(CheckpointVerifier.Verify(latest.Checkpoint, keys, out VerifiedCheckpoint? verified).IsValid);
        Assert.InRange(anchoredSize, 1UL, verified!.Checkpoint.TreeSize);
        GetConsistencyProofResponse proof = await client.GetConsistencyProofAsync(new GetConsistencyProofRequest { FirstTreeSize = anchoredSize, SecondTreeSize = verified.Checkpoint.TreeSize });
        using MerkleHasher hasher = MerkleHasher.Create(logOrigin.TreeHash);
        Verdict consistent = anchoredSize == verified.Checkpoint.TreeSize
            ? (anchoredRoot == verified.Checkpoint.Root ? Verdict.Valid : Verdict.Fail(VerificationFailure.RootMismatch, "same size, other root"))
            : ConsistencyProof.Verify(hasher, anchoredSize, verified.Checkpoint.TreeSize, ProofHashes.Read(proof.Proof, "proof"), anchoredRoot, verified.Checkpoint.Root);
        Assert.True(consistent.IsValid, consistent.Detail);
        restored.ThrowIfErrorsLogged();
    }

    private static async Task<DepositFiles> DepositAsync(OnlineWorkspace workspace, string server, string name)
    {
        string evidence = workspace.Write("evidence/" + name, name + " " + Guid.NewGuid() + "\n");
        CliResult result = await workspace.RunAsync("deposit", evidence, "--kind", "trade-secret", "--server", server, "--lang", "en");
        Assert.True(result.ExitCode == 0, result.ToString());
        return DepositFiles.For(workspace.File("evidence"), name);
    }

    private static ulong LeafIndex(DepositFiles files)
    {
        using JsonDocument promise = JsonDocument.Parse(File.ReadAllText(files.PromisePath));
        return promise.RootElement.GetProperty("leaf_index").GetUInt64();
    }

    private static void CopyDirectory(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (string file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            string to = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(to, File.GetUnixFileMode(file));
            }
        }
    }
}
