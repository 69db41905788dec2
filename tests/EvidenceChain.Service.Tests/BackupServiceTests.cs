using System.Text.Json;
using EvidenceChain.Protocol.V1;
using EvidenceChain.Service.Tests.Support;
using EvidenceChain.Testing;
using Grpc.Core;

namespace EvidenceChain.Service.Tests;

/// <summary>
/// Online backup and restore on the real service and real LiteDB files (docs/backup.md): a backup taken while
/// deposits continue restores to a store that serves every receipt acknowledged before it; the office alone may
/// take one; a store restored behind the chain's last anchor does not start.
/// </summary>
public sealed class BackupServiceTests : IDisposable
{
    private readonly TempDirectory _data = new();
    private readonly TempDirectory _restored = new();

    public void Dispose()
    {
        _restored.Dispose();
        _data.Dispose();
    }

    [Theory]
    [InlineData("Notary")]
    [InlineData("Enterprise")]
    [InlineData("Auditor")]
    public async Task CreateBackup_NotTheOffice_PermissionDeniedAndNothingWritten(string role)
    {
        using ServiceProcess service = ServiceProcess.Start(_data.Path, $"--Security:DevelopmentRole={role}");
        var client = new StoreService.StoreServiceClient(service.Channel);

        RpcException denied = await Assert.ThrowsAsync<RpcException>(async () => await client.CreateBackupAsync(new CreateBackupRequest()));

        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        Assert.Contains("notary office", denied.Status.Detail, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_data.Path, "backups")));
        service.ThrowIfErrorsLogged();
    }

    [Fact]
    public async Task Backup_WhileDepositsContinue_RestoredServiceHasEveryEarlierDepositAndNoneAfter()
    {
        var before = new List<string>();
        string after;
        CreateBackupResponse backup;
        int during = 0;
        using (ServiceProcess service = ServiceProcess.Start(_data.Path, "--Sequencer:Interval=00:00:00.100"))
        {
            for (int i = 0; i < 3; i++)
            {
                before.Add(await Depositor.DepositIncludedAsync(service));
            }

            using var stop = new CancellationTokenSource();
            var depositor = new Depositor();
            string origin = service.Client.GetLogInfo(new GetLogInfoRequest()).Origin;
            Task depositing = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    await service.Client.DepositAsync(depositor.Request(origin, [Depositor.Commit(Guid.NewGuid().ToByteArray()).Entry]));
                    Interlocked.Increment(ref during);
                }
            });
            while (Volatile.Read(ref during) < 5)
            {
                await Task.Delay(10);
            }

            backup = await new StoreService.StoreServiceClient(service.Channel).CreateBackupAsync(new CreateBackupRequest());
            after = (await service.Client.DepositAsync(depositor.Request(origin, [Depositor.Commit("after the backup"u8.ToArray()).Entry]))).Deposits[0].DepositId;
            int atBackup = Volatile.Read(ref during);
            while (Volatile.Read(ref during) < atBackup + 5)
            {
                await Task.Delay(10);
            }

            await stop.CancelAsync();
            await depositing;
            Assert.Equal(0, service.Terminate());
            service.ThrowIfErrorsLogged();
        }

        Assert.StartsWith(Path.Combine(_data.Path, "backups"), backup.Directory, StringComparison.Ordinal);
        using (JsonDocument manifest = JsonDocument.Parse(backup.ManifestJson))
        {
            Assert.Equal("evidencechain-store-backup/v1", manifest.RootElement.GetProperty("format").GetString());
            Assert.Equal(backup.LeafCount, manifest.RootElement.GetProperty("leaf_count").GetUInt64());
        }

        // Restore: the store and the public files from the backup, the private keys from the office's key custody.
        (int restoreExit, string restoreOutput) = ServiceCommand.Run("store", "restore", backup.Directory, "--data", _restored.Path);
        Assert.True(restoreExit == 0, restoreOutput);
        Assert.Contains("signatures verified with notary.vkeys", restoreOutput, StringComparison.Ordinal);
        CopyDirectory(Path.Combine(_data.Path, "keys"), Path.Combine(_restored.Path, "keys"));
        Assert.True(File.Exists(Path.Combine(_restored.Path, "tsa.crt")), "the public certificates come with the backup");
        Assert.False(Directory.Exists(Path.Combine(backup.Directory, "keys")), "private keys never go into a backup");

        using ServiceProcess restored = ServiceProcess.Start(_restored.Path, "--Sequencer:Interval=00:00:00.100");
        foreach (string depositId in before)
        {
            Assert.True((await restored.Client.GetReceiptAsync(new GetReceiptRequest { DepositId = depositId })).Included);
        }

        RpcException lost = await Assert.ThrowsAsync<RpcException>(async () => await restored.Client.GetReceiptAsync(new GetReceiptRequest { DepositId = after }));
        Assert.Equal(StatusCode.NotFound, lost.StatusCode);
        GetCheckpointResponse checkpoint = await restored.Client.GetCheckpointAsync(new GetCheckpointRequest());
        Assert.True(checkpoint.TreeSize >= backup.TreeSize);
        restored.ThrowIfErrorsLogged();
    }

    [Fact]
    public async Task Restore_ChangedByte_RefusedWithTheDigestAndNothingWritten()
    {
        CreateBackupResponse backup;
        using (ServiceProcess service = ServiceProcess.Start(_data.Path, "--Sequencer:Interval=00:00:00.100"))
        {
            await Depositor.DepositIncludedAsync(service);
            backup = await new StoreService.StoreServiceClient(service.Channel).CreateBackupAsync(new CreateBackupRequest());
            Assert.Equal(0, service.Terminate());
        }

        (int nonEmptyExit, string nonEmptyOutput) = ServiceCommand.Run("store", "restore", backup.Directory, "--data", _data.Path);
        Assert.Equal(1, nonEmptyExit);
        Assert.Contains("is not empty", nonEmptyOutput, StringComparison.Ordinal);

        string copy = Path.Combine(backup.Directory, "log", "log.db");
        byte[] bytes = File.ReadAllBytes(copy);
        bytes[100] ^= 0x80;
        File.WriteAllBytes(copy, bytes);
        string target = Path.Combine(_restored.Path, "data");

        (int exit, string output) = ServiceCommand.Run("store", "restore", backup.Directory, "--data", target);

        Assert.Equal(1, exit);
        Assert.Contains("log/log.db has SHA-256", output, StringComparison.Ordinal);
        Assert.Contains("nothing was written", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(target));
    }

    [Fact]
    public async Task Restore_BehindTheChainsLastAnchor_ServiceRefusesToStartAndSaysWhy()
    {
        using TestAnchorChain chain = await TestAnchorChain.StartAsync();
        CreateBackupResponse backup;
        using (ServiceProcess service = ServiceProcess.Start(_data.Path, chain.ServiceArguments(_data.Path, TimeSpan.FromMilliseconds(200), finalityDepth: 0)))
        {
            await Depositor.DepositIncludedAsync(service);
            backup = await new StoreService.StoreServiceClient(service.Channel).CreateBackupAsync(new CreateBackupRequest());
            string later = await Depositor.DepositIncludedAsync(service);

            // Wait (bounded) until the chain anchors a checkpoint larger than the backup's.
            var anchors = new GetAnchorStatusResponse();
            for (int attempt = 0; attempt < 300 && !anchors.Anchors.Any(a => a.State is AnchorState.Included or AnchorState.Final && a.TreeSize > backup.TreeSize); attempt++)
            {
                await Task.Delay(100);
                anchors = await service.Client.GetAnchorStatusAsync(new GetAnchorStatusRequest { DepositId = later });
            }

            Assert.Contains(anchors.Anchors, a => a.TreeSize > backup.TreeSize);
            Assert.Equal(0, service.Terminate());
        }

        (int restoreExit, string restoreOutput) = ServiceCommand.Run("store", "restore", backup.Directory, "--data", _restored.Path);
        Assert.True(restoreExit == 0, restoreOutput);
        CopyDirectory(Path.Combine(_data.Path, "keys"), Path.Combine(_restored.Path, "keys"));

        (int exit, string output) = ServiceProcess.RunToExit(_restored.Path, chain.ServiceArguments(_restored.Path, TimeSpan.FromMilliseconds(200), finalityDepth: 0));

        Assert.True(exit == 1, output);
        Assert.True(output.Contains("the store is behind its anchors", StringComparison.Ordinal), output);
        Assert.Contains("Signing would fork the log", output, StringComparison.Ordinal);
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
