using System.Security.Cryptography;
using System.Text.RegularExpressions;
using EvidenceChain.Cli.Internal;
using EvidenceChain.Cli.Tests.Support;

namespace EvidenceChain.Cli.Tests;

/// <summary>
/// <c>evidencechain vault put|list|get</c> against a real service: the depositor's encrypted file
/// is kept, listed and taken back byte for byte, and decrypts under the depositor's key; a plaintext
/// file is refused before anything is sent; a file the service damaged on its disk is caught against
/// its custody record and never written under the name asked for.
/// </summary>
public sealed partial class VaultCustodyCommandTests(ServiceFixture service) : IClassFixture<ServiceFixture>
{
    [Fact]
    public async Task PutListGet_RoundTrips_PlaintextRefused_DamagedBlobCaught()
    {
        using var workspace = new OnlineWorkspace(service.Address);
        byte[] content = RandomNumberGenerator.GetBytes(300_000);
        string secret = workspace.Write("recipe.bin", content);
        CliResult deposited = await workspace.RunAsync("deposit", secret, "--kind", "trade-secret", "--lang", "en");
        Assert.True(deposited.ExitCode == 0, deposited.ToString());
        (string depositId, _) = SavedReceipt.ReadPromise(DepositFiles.For(workspace.File(string.Empty), "recipe.bin").PromisePath);
        string key = workspace.File("owner.key");
        Assert.Equal(0, (await workspace.RunAsync("vault", "keygen", "-o", key, "--lang", "en")).ExitCode);
        string sealedFile = workspace.File("recipe.bin.vault");
        Assert.Equal(0, (await workspace.RunAsync("vault", "encrypt", secret, "-o", sealedFile, "--key", key, "--segment-size", "65536", "--lang", "en")).ExitCode);

        CliResult put = await workspace.RunAsync("vault", "put", sealedFile, "--deposit", depositId, "--unit", "0", "--lang", "en");
        Assert.True(put.ExitCode == 0, put.ToString());
        string objectId = KeptLine().Match(put.Output).Groups["id"].Value;
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(sealedFile))), objectId);
        Assert.Contains("XChaCha20-Poly1305, 5 segments; unit 0", put.Output, StringComparison.Ordinal);

        // A plaintext handed over by mistake: refused here, before a byte is sent.
        CliResult plaintext = await workspace.RunAsync("vault", "put", secret, "--deposit", depositId, "--lang", "en");
        Assert.Equal(2, plaintext.ExitCode);
        Assert.Contains("is not a vault file the service can keep, and nothing was sent", plaintext.Error, StringComparison.Ordinal);
        Assert.Single(plaintext.Error.TrimEnd().Split('\n'));

        CliResult listed = await workspace.RunAsync("vault", "list", "--deposit", depositId, "--lang", "en");
        Assert.True(listed.ExitCode == 0, listed.ToString());
        Assert.StartsWith($"{objectId}  {new FileInfo(sealedFile).Length} bytes  unit 0  custody leaf ", listed.Output, StringComparison.Ordinal);
        Assert.Single(listed.Output.TrimEnd().Split('\n'));

        string fetched = workspace.File("fetched.vault");
        CliResult got = await workspace.RunAsync("vault", "get", "--deposit", depositId, "--object", objectId, "-o", fetched, "--lang", "en");
        Assert.True(got.ExitCode == 0, got.ToString());
        Assert.Equal(File.ReadAllBytes(sealedFile), File.ReadAllBytes(fetched));
        string recovered = workspace.File("recovered.bin");
        Assert.Equal(0, (await workspace.RunAsync("vault", "decrypt", fetched, "-o", recovered, "--key", key, "--lang", "en")).ExitCode);
        Assert.Equal(content, File.ReadAllBytes(recovered));

        CliResult unknown = await workspace.RunAsync("vault", "get", "--deposit", depositId, "--object", new string('0', 64), "-o", workspace.File("none.vault"), "--lang", "en");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("no vault file", unknown.Error, StringComparison.Ordinal);

        // Disk damage at the service (a fault no call can cause, so the test flips a byte of the real blob file).
        string blob = Path.Combine(Path.GetDirectoryName(service.VerifierKeysPath)!, "vault", objectId + ".vault");
        byte[] damaged = File.ReadAllBytes(blob);
        damaged[damaged.Length / 2] ^= 0x01;
        File.WriteAllBytes(blob, damaged);
        string second = workspace.File("second.vault");
        CliResult caught = await workspace.RunAsync("vault", "get", "--deposit", depositId, "--object", objectId, "-o", second, "--lang", "en");
        Assert.Equal(1, caught.ExitCode);
        Assert.Contains("is not the one its custody record names", caught.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(second));
        Assert.Empty(Directory.EnumerateFiles(workspace.File(string.Empty), "second.vault*"));
    }

    [GeneratedRegex(@"^kept: (?<id>[0-9a-f]{64}) ", RegexOptions.Multiline)]
    private static partial Regex KeptLine();
}
