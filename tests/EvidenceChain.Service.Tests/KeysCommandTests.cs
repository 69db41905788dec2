using EvidenceChain.Service.Tests.Support;
using EvidenceChain.Testing;

namespace EvidenceChain.Service.Tests;

/// <summary>
/// <c>EvidenceChain.Service keys …</c> refused (docs/operations.md): one readable line, exit 1 or 2, and nothing changed on disk.
/// The end-to-end rotation and compromise are in Cli.Tests' LogKeyLifetimeTests.
/// </summary>
public sealed class KeysCommandTests : IDisposable
{
    private readonly TempDirectory _data = new();
    private readonly TempDirectory _successor = new();

    public void Dispose()
    {
        _successor.Dispose();
        _data.Dispose();
    }

    [Fact]
    public async Task Rotate_WhileTheServiceRuns_RefusedAndNoKeyMade()
    {
        using ServiceProcess service = ServiceProcess.Start(_data.Path);
        await Depositor.DepositIncludedAsync(service);
        string published = File.ReadAllText(Path.Combine(_data.Path, "notary.vkeys"));

        (int exit, string output) = ServiceCommand.Run("keys", "rotate", "--data", _data.Path);

        Assert.True(exit == 1, output);
        Assert.StartsWith("keys rotate: ", output, StringComparison.Ordinal);
        Assert.Contains("Stop the service first.", output, StringComparison.Ordinal);
        Assert.Single(output.Trim().Split('\n'));
        Assert.False(File.Exists(Path.Combine(_data.Path, "keys", "next-notary-ed25519.key")));
        Assert.Equal(published, File.ReadAllText(Path.Combine(_data.Path, "notary.vkeys")));
        service.ThrowIfErrorsLogged();
    }

    [Fact]
    public async Task Compromise_NoFinalAnchor_RefusedAndNeitherLogTouched()
    {
        using (ServiceProcess service = ServiceProcess.Start(_data.Path))
        {
            await Depositor.DepositIncludedAsync(service);
            Assert.Equal(0, service.Terminate());
        }

        (int exit, string output) = ServiceCommand.Run("keys", "compromise", "--data", _data.Path, "--successor-data", _successor.Path);

        Assert.True(exit == 1, output);
        Assert.Contains("is anchored final on a chain", output, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_successor.Path));
        Assert.False(File.Exists(Path.Combine(_data.Path, "frozen.note")));
        Assert.True(File.Exists(Path.Combine(_data.Path, "keys", "notary-ed25519.key")));
        using ServiceProcess restarted = ServiceProcess.Start(_data.Path);
        restarted.ThrowIfErrorsLogged();
    }

    [Theory]
    [InlineData("rotate")]
    [InlineData("compromise", "--data", "DATA")]
    [InlineData("compromise", "--data", "DATA", "--successor-data", "NEW", "--at", "yesterday")]
    [InlineData("forget", "--data", "DATA")]
    public void BadUsage_ExitTwoWithTheUsage(params string[] arguments)
    {
        string[] resolved = [.. arguments.Select(a => a switch { "DATA" => _data.Path, "NEW" => _successor.Path, _ => a })];

        (int exit, string output) = ServiceCommand.Run(["keys", .. resolved]);

        Assert.True(exit == 2, output);
        Assert.Single(output.Trim().Split('\n'));
        Assert.Contains("keys", output, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_successor.Path));
    }
}
