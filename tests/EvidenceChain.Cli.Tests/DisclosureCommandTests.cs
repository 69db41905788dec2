using System.Runtime.Versioning;
using System.Text;
using EvidenceChain.Cli.Internal;
using EvidenceChain.Cli.Tests.Support;
using EvidenceChain.Core.Disclosures;
using EvidenceChain.Core.Receipts;

namespace EvidenceChain.Cli.Tests;

/// <summary>
/// <c>disclose</c> and <c>verify-disclosure</c> against the real service: deposits are made with
/// <c>deposit</c> exactly as before this command existed (a directory with <c>--chunk-size</c>, a single
/// file without), then two units are disclosed and the court's offline check proves them and only them.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class DisclosureCommandTests(ServiceFixture service) : IClassFixture<ServiceFixture>
{
    private const int ChunkSizeBytes = 65536;

    [Fact]
    public async Task VerifyDisclosure_ContractAndOneChunkOfADeposit_ProvesTwoOfSixUnits()
    {
        using var workspace = new OnlineWorkspace(service.Address);
        (DepositFiles files, byte[] data) = await DepositDirectoryAsync(workspace);
        string package = workspace.File("court/package.disclosure.json");
        string content = workspace.File("court/content");
        Directory.CreateDirectory(content);

        CliResult disclosed = await workspace.RunAsync(
            "disclose", files.ReceiptPath, "--salt", files.SaltPath, "--files", workspace.File("evidence/case"),
            "--unit", "contract.txt", "--unit", $"data.bin@{2 * ChunkSizeBytes}", "-o", package, "--copy-content", content, "--lang", "en");

        Assert.True(disclosed.ExitCode == 0, disclosed.ToString());
        Assert.Contains("units disclosed: 2 of 6", disclosed.Output, StringComparison.Ordinal);
        Assert.Equal("the contract: clause 7 is the secret\n", File.ReadAllText(Path.Combine(content, "contract.txt")));
        Assert.Equal(data.AsSpan(2 * ChunkSizeBytes, ChunkSizeBytes).ToArray(), File.ReadAllBytes(Path.Combine(content, $"data.bin@{2 * ChunkSizeBytes}")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(content, "contract.txt")));
        string json = File.ReadAllText(package);
        Assert.DoesNotContain(Convert.ToHexStringLower(SavedReceipt.ReadSalt(files.SaltPath).MasterSalt.Bytes), json, StringComparison.Ordinal);
        Assert.True(Disclosure.TryParse(json, out Disclosure? read).IsValid);
        Assert.Equal([0ul, 3ul], read!.Units.Select(u => u.Index));

        CliResult verified = await workspace.RunAsync("verify-disclosure", package, "--content", content, "--key", service.VerifierKeysPath, "--lang", "en");

        Assert.True(verified.ExitCode == 0, verified.ToString());
        Assert.Contains("Verdict: valid", verified.Output, StringComparison.Ordinal);
        Assert.Matches(@"These 2 units, of 6 deposited, were deposited at \d{4}-\d\d-\d\dT[\d:.]+Z \(the notary's acceptance time, UTC\) under leaf \d+ of the log [^;]+; nothing about the other 4 units", verified.Output);
        Assert.Contains($"unit 3: data.bin, {ChunkSizeBytes} bytes from byte {2 * ChunkSizeBytes}; content file: data.bin@{2 * ChunkSizeBytes}", verified.Output, StringComparison.Ordinal);
        Assert.Contains("✓ unit 0 (contract.txt): its content matches its SHA-256 and SM3 commitments", verified.Output, StringComparison.Ordinal);
        Assert.Contains("- the other 4 units are not disclosed", verified.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("no file and salt file were given", verified.Output, StringComparison.Ordinal);
        Assert.Equal(string.Empty, verified.Error);

        CliResult chinese = await workspace.RunAsync("verify-disclosure", package, "--content", content, "--key", service.VerifierKeysPath);
        Assert.True(chinese.ExitCode == 0, chinese.ToString());
        Assert.Contains("以下 2 个单元（本次存证共 6 个单元）于 ", chinese.Output, StringComparison.Ordinal);
        Assert.Contains("其余 4 个单元的内容、名称和盐均未披露", chinese.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyDisclosure_TamperedChunk_ExitsOneWithTheReason()
    {
        using var workspace = new OnlineWorkspace(service.Address);
        (DepositFiles files, _) = await DepositDirectoryAsync(workspace);
        string package = workspace.File("court/package.json");
        string content = workspace.File("court/content");
        Directory.CreateDirectory(content);
        CliResult disclosed = await workspace.RunAsync(
            "disclose", files.ReceiptPath, "--salt", files.SaltPath, "--files", workspace.File("evidence/case"),
            "--unit", "notes.txt", "--unit", $"data.bin@{ChunkSizeBytes}", "-o", package, "--copy-content", content);
        Assert.True(disclosed.ExitCode == 0, disclosed.ToString());
        string chunk = Path.Combine(content, $"data.bin@{ChunkSizeBytes}");
        byte[] bytes = File.ReadAllBytes(chunk);
        bytes[1234] ^= 0x20;
        File.WriteAllBytes(chunk, bytes);

        CliResult verified = await workspace.RunAsync("verify-disclosure", package, "--content", content, "--key", service.VerifierKeysPath, "--lang", "en");

        Assert.True(verified.ExitCode == 1, verified.ToString());
        Assert.Contains("Verdict: invalid", verified.Output, StringComparison.Ordinal);
        Assert.Single(verified.Output.Split('\n'), line => line.StartsWith("Reason: ", StringComparison.Ordinal));
        Assert.Contains("Reason: a unit's content does not match what was deposited: the content was altered, or its unit salt, descriptor or proof is wrong (by design these cannot be told apart) [UnitNotInUnitsTree]", verified.Output, StringComparison.Ordinal);
        Assert.Contains($"unit #2 'data.bin'@{ChunkSizeBytes}+{ChunkSizeBytes}", verified.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("These 2 units", verified.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disclose_SingleFileDepositMadeWithDeposit_VerifiesWithTheFileItself()
    {
        using var workspace = new OnlineWorkspace(service.Address);
        string evidence = workspace.Write("evidence/recipe.txt", "配方第七版：糖 3 份，盐 1 份\n");
        CliResult deposited = await workspace.RunAsync("deposit", evidence, "--kind", "trade-secret");
        Assert.True(deposited.ExitCode == 0, deposited + service.ServiceOutput);
        DepositFiles files = DepositFiles.For(workspace.File("evidence"), "recipe.txt");
        string package = workspace.File("recipe.disclosure.json");

        CliResult disclosed = await workspace.RunAsync("disclose", files.ReceiptPath, "--salt", files.SaltPath, "--files", evidence, "--path", "recipe.txt", "-o", package);

        Assert.True(disclosed.ExitCode == 0, disclosed.ToString());
        Assert.Contains("内容文件 recipe.txt", disclosed.Output, StringComparison.Ordinal);
        CliResult verified = await workspace.RunAsync("verify-disclosure", package, "--content", workspace.File("evidence"), "--key", service.VerifierKeysPath);
        Assert.True(verified.ExitCode == 0, verified.ToString());
        Assert.Contains("以下 1 个单元（本次存证共 1 个单元）", verified.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DiscloseRecord_ToARegisteredCourt_PrintsTheCustodyLeaf_EventInTheCourtsTrail()
    {
        using var workspace = new OnlineWorkspace(service.Address);
        CliResult registered = await workspace.RunAsync("party", "register", "--role", "court", "--name", "Disclosure Court " + Guid.NewGuid().ToString("N")[..8], "--lang", "en");
        Assert.True(registered.ExitCode == 0, registered.ToString());
        string court = registered.Output.Split('\n').Single(l => l.StartsWith("party id: ", StringComparison.Ordinal))["party id: ".Length..].Trim();
        (DepositFiles files, _) = await DepositDirectoryAsync(workspace);
        string package = workspace.File("recorded.disclosure.json");

        CliResult disclosed = await workspace.RunAsync(
            "disclose", files.ReceiptPath, "--salt", files.SaltPath, "--files", workspace.File("evidence/case"), "--unit", "contract.txt", "-o", package, "--record", "--to", court, "--lang", "en");

        Assert.True(disclosed.ExitCode == 0, disclosed.ToString());
        Assert.Contains("units disclosed: 1 of 6", disclosed.Output, StringComparison.Ordinal);
        Assert.Matches($"disclosure recorded at .+ as a custody event: leaf \\d+ \\(recipient {court};", disclosed.Output);
        CliResult trail = new(0, string.Empty, string.Empty);
        for (int attempt = 0; attempt < 100 && !trail.Output.Contains("1 of 6 units of the deposit", StringComparison.Ordinal); attempt++)
        {
            await Task.Delay(100);
            trail = await workspace.RunAsync("custody", "trail", "--party", court, "--key", service.VerifierKeysPath, "--lang", "en");
        }

        Assert.True(trail.ExitCode == 0, trail.ToString());
        Assert.Contains("1 of 6 units of the deposit", trail.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("clause 7", trail.Output, StringComparison.Ordinal);

        CliResult unpaired = await workspace.RunAsync("disclose", files.ReceiptPath, "--salt", files.SaltPath, "--files", workspace.File("evidence/case"), "--unit", "contract.txt", "-o", workspace.File("x.json"), "--record");
        Assert.Equal(2, unpaired.ExitCode);
        Assert.False(File.Exists(workspace.File("x.json")));
    }

    [Fact]
    public async Task Disclose_UnitThatDoesNotExist_IsRefusedWithTheOffsetsThatDo()
    {
        using var workspace = new OnlineWorkspace(service.Address);
        (DepositFiles files, _) = await DepositDirectoryAsync(workspace);
        string package = workspace.File("package.json");

        CliResult result = await workspace.RunAsync(
            "disclose", files.ReceiptPath, "--salt", files.SaltPath, "--files", workspace.File("evidence/case"), "--unit", "data.bin@1000", "-o", package, "--lang", "en");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal($"error: the deposit has no unit 'data.bin@1000': units of that file start at byte 0, {ChunkSizeBytes}, {2 * ChunkSizeBytes}, {3 * ChunkSizeBytes}\n", result.Error);
        Assert.False(File.Exists(package));
    }

    [Fact]
    public async Task VerifyDisclosure_MissingContentFile_ExitsTwo()
    {
        using var workspace = new OnlineWorkspace(service.Address);
        (DepositFiles files, _) = await DepositDirectoryAsync(workspace);
        string package = workspace.File("package.json");
        Directory.CreateDirectory(workspace.File("empty"));
        CliResult disclosed = await workspace.RunAsync("disclose", files.ReceiptPath, "--salt", files.SaltPath, "--files", workspace.File("evidence/case"), "--path", "notes.txt", "-o", package);
        Assert.True(disclosed.ExitCode == 0, disclosed.ToString());

        CliResult result = await workspace.RunAsync("verify-disclosure", package, "--content", workspace.File("empty"), "--key", service.VerifierKeysPath, "--lang", "en");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal($"error: {Path.Combine(workspace.File("empty"), "notes.txt")}: no such file\n", result.Error);
    }

    [Fact]
    public void DisclosureTexts_EveryFailureAndProblem_HasASentenceInBothLanguages()
    {
        foreach (DisclosureFailure failure in Enum.GetValues<DisclosureFailure>())
        {
            Assert.True(Offline.Internal.DisclosureText.Chinese.Failures.ContainsKey(failure), failure.ToString());
            Assert.True(Offline.Internal.DisclosureText.English.Failures.ContainsKey(failure), failure.ToString());
        }

        foreach (DisclosureProblem problem in Enum.GetValues<DisclosureProblem>())
        {
            Assert.True(DisclosureOwnerText.Chinese.Problems.ContainsKey(problem), problem.ToString());
            Assert.True(DisclosureOwnerText.English.Problems.ContainsKey(problem), problem.ToString());
        }
    }

    /// <summary>contract.txt (unit 0), data.bin in four 64 KiB chunks, the last short (units 1–4), notes.txt (unit 5).</summary>
    private async Task<(DepositFiles Files, byte[] Data)> DepositDirectoryAsync(OnlineWorkspace workspace)
    {
        byte[] data = new byte[(3 * ChunkSizeBytes) + 500];
        new Random(7).NextBytes(data);
        workspace.Write("evidence/case/contract.txt", "the contract: clause 7 is the secret\n");
        workspace.Write("evidence/case/data.bin", data);
        workspace.Write("evidence/case/notes.txt", Encoding.UTF8.GetBytes("meeting notes, not for the court\n"));
        CliResult deposited = await workspace.RunAsync("deposit", workspace.File("evidence/case"), "--kind", "trade-secret", "--chunk-size", ChunkSizeBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(deposited.ExitCode == 0, deposited + service.ServiceOutput);
        DepositFiles files = DepositFiles.For(workspace.File("evidence"), "case");
        Assert.Equal(6u, SavedReceipt.ReadSalt(files.SaltPath).UnitCount);
        return (files, data);
    }
}
