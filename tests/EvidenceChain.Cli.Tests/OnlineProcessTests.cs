using System.Runtime.Versioning;
using EvidenceChain.Cli.Internal;
using EvidenceChain.Cli.Tests.Support;

namespace EvidenceChain.Cli.Tests;

/// <summary>
/// The online commands in the built CLI as a real child process (<c>dotnet evidencechain.dll</c>)
/// against the real service: what a shell sees, with the server and config home from the environment.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class OnlineProcessTests(ServiceFixture service) : IClassFixture<ServiceFixture>
{
    [Fact]
    public void Deposit_ThenVerify_AsChildProcesses_ExitZero()
    {
        using var workspace = new OnlineWorkspace(service.Address);
        string evidence = workspace.Write("evidence/秘方.txt", "证据：配方第七版\n");
        DepositFiles files = DepositFiles.For(workspace.File("evidence"), "秘方.txt");
        var environment = workspace.Environment.ToDictionary(pair => pair.Key, pair => (string?)pair.Value);

        CliResult deposited = ExternalProcess.RunCli(["deposit", evidence, "--kind", "trade-secret", "--key", service.VerifierKeysPath], environment);
        CliResult verified = ExternalProcess.RunCli(["verify", files.ReceiptPath, "--file", evidence, "--salt", files.SaltPath, "--key", service.VerifierKeysPath], environment);

        Assert.True(deposited.ExitCode == 0, deposited + service.ServiceOutput);
        Assert.Equal(string.Empty, deposited.Error);
        Assert.Contains("警告：请妥善保管盐文件 " + files.SaltPath, deposited.Output, StringComparison.Ordinal);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(files.SaltPath));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(workspace.DepositorKeyPath));
        Assert.True(verified.ExitCode == 0, verified.ToString());
        Assert.StartsWith("EvidenceChain 存证回执核验报告\n\n结论：有效\n", verified.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Checkpoint_ServerDown_AsChildProcess_ExitsTwoNamingTheServer()
    {
        string address = ServerDownTests.ClosedAddress();

        CliResult result = ExternalProcess.RunCli(["checkpoint", "--lang", "en"], new Dictionary<string, string?> { ["EVIDENCECHAIN_SERVER"] = address });

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal(string.Empty, result.Output);
        Assert.StartsWith($"error: cannot reach the server at {address}: ", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.TrimEnd('\n').Split('\n'));
    }
}
