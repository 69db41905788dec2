using System.Runtime.Versioning;
using EvidenceChain.Cli.Internal;
using EvidenceChain.Cli.Tests.Support;
using EvidenceChain.Core.Deposits;
using EvidenceChain.Core.Receipts;

namespace EvidenceChain.Cli.Tests;

/// <summary>
/// The depositor key: made on first use, owner-only from creation, reused afterwards, found through
/// the option, the environment or the config home, and refused when others can read it.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class DepositorKeyTests(ServiceFixture service) : IClassFixture<ServiceFixture>
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    public async Task Deposit_FirstUse_CreatesAnOwnerOnlyKeyAndUsesItAfterwards()
    {
        using var workspace = new OnlineWorkspace(service.Address);
        string first = workspace.Write("first.txt", "first\n");
        string second = workspace.Write("second.txt", "second\n");

        CliResult created = await workspace.RunAsync("deposit", first, "--kind", "document", "--lang", "en");
        CliResult reused = await workspace.RunAsync("deposit", second, "--kind", "document", "--lang", "en");

        Assert.True(created.ExitCode == 0, created.ToString());
        Assert.StartsWith($"created the depositor key {workspace.DepositorKeyPath} (mode 0600).", created.Output, StringComparison.Ordinal);
        Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(workspace.DepositorKeyPath));
        Assert.Equal(OwnerReadWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(workspace.DepositorKeyPath)!));
        string line = Assert.Single(File.ReadAllLines(workspace.DepositorKeyPath));
        byte[] seed = Convert.FromBase64String(line);
        Assert.Equal(DepositorKey.SeedLengthBytes, seed.Length);

        Assert.True(reused.ExitCode == 0, reused.ToString());
        Assert.DoesNotContain("created the depositor key", reused.Output, StringComparison.Ordinal);
        string fingerprint = DepositRequest.Fingerprint(DepositRequest.PublicKeyOf(seed)).ToHex();
        Assert.Contains("depositor's key fingerprint (SHA-256): " + fingerprint, created.Output, StringComparison.Ordinal);
        Assert.Contains("depositor's key fingerprint (SHA-256): " + fingerprint, reused.Output, StringComparison.Ordinal);
        ReceiptReport report = SavedReceipt.Verify(second + DepositFiles.ReceiptSuffix, service.VerifierKeysPath);
        Assert.Equal(fingerprint, report.Depositor!.KeyFingerprint.ToHex());
    }

    [Theory]
    [InlineData(UnixFileMode.GroupRead)]
    [InlineData(UnixFileMode.OtherRead)]
    [InlineData(UnixFileMode.GroupWrite)]
    public async Task Deposit_KeyOpenToOthers_IsRefusedWithTheChmodToRun(UnixFileMode extra)
    {
        using var workspace = new OnlineWorkspace(service.Address);
        string evidence = workspace.Write("evidence.txt", "evidence\n");
        string keyPath = workspace.Write("depositor.key", Convert.ToBase64String(new byte[DepositorKey.SeedLengthBytes]) + "\n");
        File.SetUnixFileMode(keyPath, OwnerReadWrite | extra);
        string mode = "0" + Convert.ToString((int)(OwnerReadWrite | extra), 8);

        CliResult result = await workspace.RunAsync("deposit", evidence, "--kind", "document", "--depositor-key", keyPath, "--lang", "en");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal(string.Empty, result.Output);
        Assert.Equal($"error: the depositor key {keyPath} can be read or changed by other users (mode {mode}) and is not used; run chmod 600 {keyPath}\n", result.Error);
        Assert.False(File.Exists(evidence + DepositFiles.SaltSuffix));
    }

    [Fact]
    public async Task Deposit_KeyFromTheEnvironment_IsMadeThereOwnerOnly()
    {
        using var workspace = new OnlineWorkspace(service.Address);
        string evidence = workspace.Write("evidence.txt", "evidence\n");
        string keyPath = workspace.File("keys/office.key");
        var environment = new Dictionary<string, string>(workspace.Environment) { [DepositorKey.PathVariable] = keyPath };

        CliResult result = await CliRunner.RunAsync(environment, "deposit", evidence, "--kind", "document");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(keyPath));
        Assert.False(File.Exists(workspace.DepositorKeyPath));
    }

    [Fact]
    public async Task Deposit_MalformedKey_IsUnusableInput()
    {
        using var workspace = new OnlineWorkspace(service.Address);
        string evidence = workspace.Write("evidence.txt", "evidence\n");
        string keyPath = workspace.Write("depositor.key", "not a key\n");
        File.SetUnixFileMode(keyPath, OwnerReadWrite);

        CliResult result = await workspace.RunAsync("deposit", evidence, "--kind", "document", "--depositor-key", keyPath, "--lang", "en");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith($"error: {keyPath} is not a depositor key file (one line of base64, 32 bytes): ", result.Error, StringComparison.Ordinal);
    }
}
