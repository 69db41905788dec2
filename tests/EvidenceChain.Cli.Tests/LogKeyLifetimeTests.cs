using System.Text.Json;
using EvidenceChain.Cli.Internal;
using EvidenceChain.Cli.Tests.Support;
using EvidenceChain.Core.Checkpoints;
using EvidenceChain.Core.KeyStatements;
using EvidenceChain.Core.Notes;
using EvidenceChain.Core.Proofs;
using EvidenceChain.Protocol.V1;
using EvidenceChain.Testing;
using Grpc.Net.Client;

namespace EvidenceChain.Cli.Tests;

/// <summary>
/// The log keys' lifetime end to end, all real (docs/operations.md, key-statement.md): a service anchoring on anvil,
/// <c>EvidenceChain.Service keys rotate|compromise</c> with it stopped, the CLI depositing and verifying.
/// </summary>
public sealed class LogKeyLifetimeTests
{
    private const string WaitSeconds = "120";

    [Fact]
    public async Task PlannedRotation_BothPairsSignTheRotationCheckpoint_OldReceiptsKeepVerifying_TheNewKeysAreOnChain()
    {
        using TestAnchorChain chain = await TestAnchorChain.StartAsync();
        using var data = new TempDirectory();
        using OnlineWorkspace workspace = new("http://127.0.0.1:1");
        string published = Path.Combine(data.Path, "notary.vkeys");
        string[] arguments = chain.ServiceArguments(data.Path, TimeSpan.FromSeconds(1), finalityDepth: 0);
        DepositFiles before;
        using (ServiceHostProcess service = ServiceHostProcess.Start(data.Path, arguments))
        {
            before = await DepositAsync(workspace, service.Address, "before.txt");
            Assert.Equal(0, service.Terminate());
        }

        string oldKeysPath = workspace.Write("old.vkeys", File.ReadAllText(published));
        NoteVerifier[] oldPair = ReadKeys(oldKeysPath);

        (int exit, string output) = ServiceCommand.Run("keys", "rotate", "--data", data.Path);

        Assert.True(exit == 0, output);
        NoteVerifier[] allKeys = ReadKeys(published);
        Assert.Equal(4, allKeys.Length);
        Assert.Equal(oldPair, allKeys[..2]);
        NoteVerifier[] newPair = allKeys[2..];
        Assert.Contains(newPair[0].ToVerifierKey(), output, StringComparison.Ordinal);
        (int twice, string twiceOutput) = ServiceCommand.Run("keys", "rotate", "--data", data.Path);
        Assert.True(twice == 1, twiceOutput);
        Assert.Contains("start the service once to record it first", twiceOutput, StringComparison.Ordinal);

        // Verified before the upgrade below rewrites it: the old receipt, with the old pair alone and with every key.
        Assert.Equal(0, (await VerifyAsync(workspace, before, oldKeysPath)).ExitCode);
        CliResult beforeWithAll = await VerifyAsync(workspace, before, published);
        Assert.True(beforeWithAll.ExitCode == 0, beforeWithAll.ToString());

        DepositFiles after;
        using (ServiceHostProcess service = ServiceHostProcess.Start(data.Path, arguments))
        {
            string pending = Path.Combine(data.Path, "keys", "pending-key-statement.note");
            for (int i = 0; i < 600 && File.Exists(pending); i++)
            {
                await Task.Delay(100);
            }

            Assert.False(File.Exists(pending), service.Output);
            Assert.False(File.Exists(Path.Combine(data.Path, "keys", "next-notary-ed25519.key")));
            using GrpcChannel channel = GrpcChannel.ForAddress(service.Address);
            var client = new EvidenceService.EvidenceServiceClient(channel);
            GetLogInfoResponse info = await client.GetLogInfoAsync(new GetLogInfoRequest());
            Assert.Equal(allKeys.Select(k => k.ToVerifierKey()), info.VerifierKeys);
            Verdict rotationVerdict = KeyRotation.Verify(Assert.Single(info.KeyStatements), oldPair, out KeyRotation? rotation);
            Assert.True(rotationVerdict.IsValid, rotationVerdict.Detail);
            Assert.Equal(newPair, rotation!.NewKeys);

            // The latest checkpoint, until another leaf comes, is the rotation's: signed by both pairs.
            string rotationCheckpoint = (await client.GetCheckpointAsync(new GetCheckpointRequest())).Checkpoint;
            Assert.Equal(4, SignatureLines(rotationCheckpoint));
            Assert.True(CheckpointVerifier.Verify(rotationCheckpoint, oldPair, out _).IsValid);
            Assert.True(CheckpointVerifier.Verify(rotationCheckpoint, newPair, out _).IsValid);

            after = await DepositAsync(workspace, service.Address, "after.txt");
            string latest = (await client.GetCheckpointAsync(new GetCheckpointRequest())).Checkpoint;
            Assert.Equal(2, SignatureLines(latest));
            Assert.Equal(VerificationFailure.NoTrustedSignature, CheckpointVerifier.Verify(latest, oldPair, out _).Failure);

            // The old receipt upgrades against the rotated log, proven consistent with its old checkpoint.
            CliResult upgraded = await workspace.RunAsync("receipt", before.ReceiptPath, "--server", service.Address, "--key", published, "--lang", "en");
            Assert.True(upgraded.ExitCode == 0, upgraded.ToString());

            Assert.True(LogOrigin.TryParse(info.Origin, out LogOrigin? origin));
            Assert.Equal(info.VerifierKeys, await chain.Contract.LogKeysAsync(origin!.OriginHash, CancellationToken.None));
            Assert.Equal(0, service.Terminate());
            service.ThrowIfErrorsLogged();
        }

        string retired = Assert.Single(Directory.GetDirectories(Path.Combine(data.Path, "keys"), "retired-*"));
        Assert.True(File.Exists(Path.Combine(retired, "notary-ed25519.key")) && File.Exists(Path.Combine(retired, "notary-sm2.key")));
        Assert.Equal(0, (await VerifyAsync(workspace, after, published)).ExitCode);
        CliResult afterWithOldKeys = await VerifyAsync(workspace, after, oldKeysPath);
        Assert.Equal(1, afterWithOldKeys.ExitCode);
        Assert.Contains("NoTrustedSignature", afterWithOldKeys.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compromise_FreezesAtTheLastFinalAnchor_TheSuccessorLogsAndAnchorsTheStatement_VerifyWarnsWhereNothingProvesAReceiptOlder()
    {
        // One slot per epoch, so the node's finalized block follows its head closely enough for verify --rpc.
        using TestAnchorChain chain = await TestAnchorChain.StartAsync("--slots-in-an-epoch", "1");
        using var data = new TempDirectory();
        using var successor = new TempDirectory();
        using OnlineWorkspace workspace = new("http://127.0.0.1:1");
        string oldKeys = Path.Combine(data.Path, "notary.vkeys");
        DepositFiles anchored;
        DepositFiles frozen;
        using (ServiceHostProcess service = ServiceHostProcess.Start(data.Path, chain.ServiceArguments(data.Path, TimeSpan.FromSeconds(1), finalityDepth: 0)))
        {
            // Two deposits, each anchored final in turn: the second's checkpoint is the one the log will be frozen at.
            anchored = await DepositAsync(workspace, service.Address, "anchored.txt");
            CliResult final = await workspace.RunAsync("receipt", anchored.ReceiptPath, "--server", service.Address, "--until", "final", "--timeout", WaitSeconds, "--key", oldKeys, "--lang", "en");
            Assert.True(final.ExitCode == 0, final.ToString());
            frozen = await DepositAsync(workspace, service.Address, "frozen.txt");
            final = await workspace.RunAsync("receipt", frozen.ReceiptPath, "--server", service.Address, "--until", "final", "--timeout", WaitSeconds, "--key", oldKeys, "--lang", "en");
            Assert.True(final.ExitCode == 0, final.ToString());
            Assert.Equal(0, service.Terminate());
        }

        // The keys count as stolen from a second after that anchor; a deposit after it, on the service no longer
        // anchoring, has nothing independent to date it.
        await Task.Delay(TimeSpan.FromSeconds(1.1));
        string compromisedAt = KeyStatementText.FormatTime(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        DepositFiles unproven;
        using (ServiceHostProcess service = ServiceHostProcess.Start(data.Path))
        {
            unproven = await DepositAsync(workspace, service.Address, "unproven.txt");
            Assert.Equal(0, service.Terminate());
        }

        (int exit, string output) = ServiceCommand.Run("keys", "compromise", "--data", data.Path, "--successor-data", successor.Path, "--at", compromisedAt);

        Assert.True(exit == 0, output);
        Assert.Contains("is frozen at its last final anchor, checkpoint ", output, StringComparison.Ordinal);
        (int frozenExit, string frozenOutput) = ServiceHostProcess.RunToExit(data.Path);
        Assert.True(frozenExit == 1, frozenOutput);
        Assert.Contains("this log is frozen", frozenOutput, StringComparison.Ordinal);

        string statementPath = Path.Combine(successor.Path, "key-compromise.note");
        using (ServiceHostProcess service = ServiceHostProcess.Start(successor.Path, chain.ServiceArguments(successor.Path, TimeSpan.FromSeconds(1), finalityDepth: 0)))
        {
            using GrpcChannel channel = GrpcChannel.ForAddress(service.Address);
            var client = new EvidenceService.EvidenceServiceClient(channel);
            var anchors = new GetAnchorStatusResponse();
            for (int i = 0; i < 600 && !anchors.Anchors.Any(a => a.State == AnchorState.Final); i++)
            {
                await Task.Delay(100);
                anchors = await client.GetAnchorStatusAsync(new GetAnchorStatusRequest { TreeSize = 1 });
            }

            Assert.Contains(anchors.Anchors, a => a.State == AnchorState.Final);
            GetLogInfoResponse info = await client.GetLogInfoAsync(new GetLogInfoRequest());
            Assert.Equal(File.ReadAllText(statementPath), Assert.Single(info.KeyStatements));
            using (var http = new HttpClient())
            using (JsonDocument published = JsonDocument.Parse(await http.GetStringAsync(new Uri(service.PublicAddress + "/v1/key-statements"))))
            {
                Assert.Equal(info.Origin, published.RootElement.GetProperty("origin").GetString());
                Assert.Equal(File.ReadAllText(statementPath), Assert.Single(published.RootElement.GetProperty("statements").EnumerateArray()).GetString());
            }

            Assert.True(LogOrigin.TryParse(info.Origin, out LogOrigin? origin));
            Assert.InRange(await chain.Contract.LatestTreeSizeAsync(origin!.OriginHash, CancellationToken.None), 1UL, ulong.MaxValue);
            Assert.Equal(0, service.Terminate());
            service.ThrowIfErrorsLogged();
        }

        string trust = workspace.Write("trust.vkeys", File.ReadAllText(oldKeys) + File.ReadAllText(Path.Combine(successor.Path, "notary.vkeys")));
        await chain.Anvil.MineAsync(5);
        CliResult proven = await VerifyAsync(workspace, anchored, trust, "--compromise", statementPath, "--rpc", chain.Anvil.Rpc.ToString());
        Assert.True(proven.ExitCode == 0, proven.ToString());
        Assert.Contains("Key compromise statement", proven.Output, StringComparison.Ordinal);
        Assert.Contains("Independent evidence proves the leaf was in the log before the keys were compromised", proven.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("WARNING", proven.Output, StringComparison.Ordinal);

        // Offline, the same anchor proves no time: a block header can be made with any time in it.
        CliResult offline = await VerifyAsync(workspace, anchored, trust, "--compromise", statementPath);
        Assert.True(offline.ExitCode == 5, offline.ToString());
        Assert.Contains("count only once a node you trust confirms them (--rpc)", offline.Output, StringComparison.Ordinal);

        CliResult atTheFreeze = await VerifyAsync(workspace, frozen, trust, "--compromise", statementPath);
        Assert.True(atTheFreeze.ExitCode == 0, atTheFreeze.ToString());
        Assert.Contains("The receipt's checkpoint is the one log", atTheFreeze.Output, StringComparison.Ordinal);

        CliResult warned = await VerifyAsync(workspace, unproven, trust, "--compromise", statementPath);
        Assert.True(warned.ExitCode == 5, warned.ToString());
        Assert.Contains($"WARNING: the receipt's checkpoint is signed with keys compromised from {compromisedAt}", warned.Output, StringComparison.Ordinal);
        Assert.Equal(0, (await VerifyAsync(workspace, unproven, trust)).ExitCode);

        CliResult untrusted = await VerifyAsync(workspace, unproven, oldKeys, "--compromise", statementPath);
        Assert.True(untrusted.ExitCode == 2, untrusted.ToString());
        Assert.Contains("is not a usable key compromise statement", untrusted.Output + untrusted.Error, StringComparison.Ordinal);
    }

    private static async Task<DepositFiles> DepositAsync(OnlineWorkspace workspace, string server, string name)
    {
        string evidence = workspace.Write("evidence/" + name, name + " " + Guid.NewGuid() + "\n");
        CliResult result = await workspace.RunAsync("deposit", evidence, "--kind", "trade-secret", "--server", server, "--lang", "en");
        Assert.True(result.ExitCode == 0, result.ToString());
        return DepositFiles.For(workspace.File("evidence"), name);
    }

    private static Task<CliResult> VerifyAsync(OnlineWorkspace workspace, DepositFiles deposit, string keys, params string[] more) =>
        workspace.RunAsync(["verify", deposit.ReceiptPath, "--file", deposit.ReceiptPath.Replace(".receipt.json", string.Empty, StringComparison.Ordinal), "--salt", deposit.SaltPath, "--key", keys, "--lang", "en", .. more]);

    private static NoteVerifier[] ReadKeys(string path) => [.. File.ReadAllLines(path).Where(l => l.Length > 0).Select(NoteVerifierKey.Parse)];

    private static int SignatureLines(string note) => note.Split('\n').Count(l => l.StartsWith('\u2014'));
}
