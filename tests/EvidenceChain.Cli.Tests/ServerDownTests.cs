using System.Net;
using System.Net.Sockets;
using EvidenceChain.Cli.Internal;
using EvidenceChain.Cli.Tests.Support;

namespace EvidenceChain.Cli.Tests;

/// <summary>
/// Every online command against an address where nothing listens: exit 2, one line on stderr that
/// names the address, nothing on stdout, and no salt file left behind by <c>deposit</c>.
/// </summary>
public sealed class ServerDownTests
{
    [Theory]
    [InlineData("checkpoint")]
    [InlineData("consistency 1 0")]
    [InlineData("receipt 0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("receipt 5 --index")]
    public async Task OnlineCommand_NothingListening_ExitsTwoNamingTheServer(string commandLine)
    {
        string address = ClosedAddress();
        using var workspace = new OnlineWorkspace(address);

        CliResult result = await workspace.RunAsync([.. commandLine.Split(' '), "--lang", "en"]);

        Assert.True(result.ExitCode == 2, result.ToString());
        string line = Assert.Single(result.Error.TrimEnd('\n').Split('\n'));
        Assert.StartsWith($"error: cannot reach the server at {address}: ", line, StringComparison.Ordinal);
        Assert.EndsWith(" (check --server or EVIDENCECHAIN_SERVER)", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deposit_NothingListening_ExitsTwoAndLeavesNoSaltFile()
    {
        string address = ClosedAddress();
        using var workspace = new OnlineWorkspace("http://127.0.0.1:5080");
        string evidence = workspace.Write("evidence.txt", "evidence\n");

        CliResult result = await workspace.RunAsync("deposit", evidence, "--kind", "document", "--server", address);

        Assert.True(result.ExitCode == 2, result.ToString());
        string line = Assert.Single(result.Error.TrimEnd('\n').Split('\n'));
        Assert.StartsWith($"错误：无法连接服务器 {address}：", line, StringComparison.Ordinal);
        Assert.False(File.Exists(evidence + DepositFiles.SaltSuffix));
    }

    [Theory]
    [InlineData("ftp://127.0.0.1:5080")]
    [InlineData("127.0.0.1:5080")]
    [InlineData("http://127.0.0.1:5080/some/path")]
    public async Task OnlineCommand_NotAServerAddress_IsUnusableInput(string address)
    {
        using var workspace = new OnlineWorkspace(address);

        CliResult result = await workspace.RunAsync("checkpoint", "--lang", "en");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal($"error: '{address}' is not a server address: give http://host:port or https://host:port\n", result.Error);
    }

    /// <summary>A loopback address on a port that was just free and is closed again: connecting to it is refused.</summary>
    internal static string ClosedAddress()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}";
    }
}
