using System.Security.Cryptography;
using EvidenceChain.Cli.Internal;
using EvidenceChain.Cli.Tests.Support;
using EvidenceChain.Core.Checkpoints;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Notes;

namespace EvidenceChain.Cli.Tests;

/// <summary>
/// The auditor's commands against the real service: <c>checkpoint</c> (print, verify with trusted
/// keys, save) and <c>consistency</c> (print the proof; verify it between saved checkpoints or
/// against the latest), including a pair of validly signed checkpoints that are not consistent.
/// </summary>
public sealed class AuditCommandTests(ServiceFixture service) : IClassFixture<ServiceFixture>
{
    [Fact]
    public async Task Checkpoint_WithTrustedKeys_PrintsTheNoteAndNamesBothSigners()
    {
        using var workspace = new OnlineWorkspace(service.Address);
        await DepositSomethingAsync(workspace, "one");
        string savedPath = workspace.File("latest.checkpoint");

        CliResult result = await workspace.RunAsync("checkpoint", "--key", service.VerifierKeysPath, "--out", savedPath, "--lang", "en");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(string.Empty, result.Error);
        string note = File.ReadAllText(savedPath);
        Checkpoint checkpoint = Open(note);
        Assert.StartsWith($"latest checkpoint of {service.Address} (tree size {checkpoint.TreeSize}):\n\n{note}\nverified: the checkpoint is signed by these trusted keys:\n", result.Output, StringComparison.Ordinal);
        foreach (NoteVerifier key in ServiceKeys())
        {
            Assert.Contains($"  {key.AlgorithmName,-8} {key.Fingerprint}\n", result.Output, StringComparison.Ordinal);
        }

        Assert.EndsWith($"checkpoint saved: {savedPath}\n", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Checkpoint_WithoutKeys_PrintsTheNoteAndSaysItIsNotVerified()
    {
        using var workspace = new OnlineWorkspace(service.Address);

        CliResult result = await workspace.RunAsync("checkpoint");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("\n— ", result.Output, StringComparison.Ordinal);
        Assert.EndsWith("未核验：没有受信任的公钥（--key 或 --trust）。\n", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Checkpoint_KeyOfAnotherLog_ExitsOneAndSavesNothing()
    {
        using var workspace = new OnlineWorkspace(service.Address);
        using var otherNotary = TestNotary.CreateRandom();
        string savedPath = workspace.File("latest.checkpoint");

        CliResult result = await workspace.RunAsync("checkpoint", "--key", otherNotary.Ed25519Key, "--out", savedPath, "--lang", "en");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.StartsWith($"error: the checkpoint from {service.Address} does not verify: the checkpoint lacks a signature from a trusted key [NoTrustedSignature]", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(savedPath));
    }

    [Fact]
    public async Task Consistency_BetweenTwoSavedCheckpoints_Verifies()
    {
        using var workspace = new OnlineWorkspace(service.Address);
        await DepositSomethingAsync(workspace, "before");
        (string oldPath, Checkpoint old) = await SaveCheckpointAsync(workspace, "old.checkpoint");
        await DepositSomethingAsync(workspace, "after 1");
        await DepositSomethingAsync(workspace, "after 2");
        (string newPath, Checkpoint latest) = await SaveCheckpointAsync(workspace, "new.checkpoint");

        CliResult result = await workspace.RunAsync(
            "consistency", old.TreeSize.ToString(), latest.TreeSize.ToString(),
            "--old-checkpoint", oldPath, "--new-checkpoint", newPath, "--key", service.VerifierKeysPath, "--lang", "en");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(string.Empty, result.Error);
        Assert.StartsWith($"consistency proof from tree size {old.TreeSize} to {latest.TreeSize} (", result.Output, StringComparison.Ordinal);
        Assert.EndsWith(
            $"verified: the checkpoint of tree size {latest.TreeSize} extends the one of tree size {old.TreeSize} (checkpoints: {oldPath}, {newPath}; both signed by trusted keys)\n",
            result.Output,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Consistency_SavedCheckpointAgainstTheLatest_Verifies()
    {
        using var workspace = new OnlineWorkspace(service.Address);
        await DepositSomethingAsync(workspace, "before");
        (string oldPath, Checkpoint old) = await SaveCheckpointAsync(workspace, "old.checkpoint");
        await DepositSomethingAsync(workspace, "after");

        CliResult result = await workspace.RunAsync("consistency", old.TreeSize.ToString(), "0", "--old-checkpoint", oldPath, "--key", service.VerifierKeysPath);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"（检查点：{oldPath}, 服务器的最新检查点，均由受信任公钥签署）", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Consistency_WithoutCheckpoints_PrintsTheProofHashes()
    {
        using var workspace = new OnlineWorkspace(service.Address);
        await DepositSomethingAsync(workspace, "a");
        await DepositSomethingAsync(workspace, "b");
        await DepositSomethingAsync(workspace, "c");

        CliResult result = await workspace.RunAsync("consistency", "1", "0", "--lang", "en");

        Assert.True(result.ExitCode == 0, result.ToString());
        string[] lines = result.Output.TrimEnd('\n').Split('\n');
        Assert.StartsWith("consistency proof from tree size 1 to ", lines[0], StringComparison.Ordinal);
        Assert.NotEmpty(lines[1..]);
        Assert.All(lines[1..], line => Assert.True(line.StartsWith("  ", StringComparison.Ordinal) && Digest.TryFromBase64(line[2..], out _), line));
    }

    [Fact]
    public async Task Consistency_SignedCheckpointsOfAnotherHistory_ExitsOne()
    {
        // A notary that signs two histories: both checkpoints carry valid signatures of the key the
        // auditor trusts, but the old root is not the root of the tree the server proves from.
        using var workspace = new OnlineWorkspace(service.Address);
        await DepositSomethingAsync(workspace, "x");
        await DepositSomethingAsync(workspace, "y");
        (_, Checkpoint latest) = await SaveCheckpointAsync(workspace, "real.checkpoint");
        using var forger = new Ed25519NoteSigner(latest.Origin.ToString(), RandomNumberGenerator.GetBytes(Ed25519NoteSigner.SeedLengthBytes));
        string forgedOld = workspace.Write("old.checkpoint", SignedNote.Sign(new Checkpoint(latest.Origin, 1, Digest.Read(RandomNumberGenerator.GetBytes(32))).ToNoteText(), forger));
        string forgedNew = workspace.Write("new.checkpoint", SignedNote.Sign(latest.ToNoteText(), forger));

        CliResult result = await workspace.RunAsync(
            "consistency", "1", latest.TreeSize.ToString(),
            "--old-checkpoint", forgedOld, "--new-checkpoint", forgedNew, "--key", forger.Verifier.ToVerifierKey(), "--lang", "en");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.StartsWith($"error: the consistency proof from {service.Address} does not verify: the later checkpoint's log does not extend the earlier one's: the log was rewritten or forked [RootMismatch]", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public async Task Consistency_CheckpointOfAnotherSize_IsUnusableInput()
    {
        using var workspace = new OnlineWorkspace(service.Address);
        await DepositSomethingAsync(workspace, "z");
        (string path, Checkpoint checkpoint) = await SaveCheckpointAsync(workspace, "saved.checkpoint");

        CliResult result = await workspace.RunAsync("consistency", (checkpoint.TreeSize + 1).ToString(), "0", "--old-checkpoint", path, "--key", service.VerifierKeysPath, "--lang", "en");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal($"error: the checkpoint file {path} has tree size {checkpoint.TreeSize}, not the size given on the command line\n", result.Error);
    }

    private static async Task DepositSomethingAsync(OnlineWorkspace workspace, string name)
    {
        string evidence = workspace.Write($"deposits/{name}.txt", $"deposit {name}\n");
        CliResult result = await workspace.RunAsync("deposit", evidence, "--kind", "data");
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    private async Task<(string Path, Checkpoint Checkpoint)> SaveCheckpointAsync(OnlineWorkspace workspace, string name)
    {
        string path = workspace.File(name);
        CliResult result = await workspace.RunAsync("checkpoint", "--key", service.VerifierKeysPath, "--out", path);
        Assert.True(result.ExitCode == 0, result.ToString());
        return (path, Open(File.ReadAllText(path)));
    }

    private Checkpoint Open(string note)
    {
        Assert.True(CheckpointVerifier.Verify(note, ServiceKeys(), out VerifiedCheckpoint? verified).IsValid);
        return verified!.Checkpoint;
    }

    private List<NoteVerifier> ServiceKeys() =>
        File.ReadAllLines(service.VerifierKeysPath).Where(line => line.Length > 0).Select(NoteVerifierKey.Parse).ToList();
}
