using System.Runtime.Versioning;
using System.Text;
using EvidenceChain.Cli.Internal;
using EvidenceChain.Cli.Tests.Support;
using EvidenceChain.Core.Receipts;

namespace EvidenceChain.Cli.Tests;

/// <summary>
/// <c>deposit</c> against the real service: the files it leaves (salt file owner-only and first,
/// promise, receipt with the depositor opening), that the court's offline <c>verify</c> accepts them
/// with the service's published keys, and what it refuses before anything is sent.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class DepositCommandTests(ServiceFixture service) : IClassFixture<ServiceFixture>
{
    private static readonly byte[] s_secret = Encoding.UTF8.GetBytes("配方第七版：糖 3 份，盐 1 份\nthe recipe, version 7\n");

    [Fact]
    public async Task Deposit_File_LeavesSaltPromiseAndReceiptThatVerifyOffline()
    {
        using var workspace = new OnlineWorkspace(service.Address);
        string evidence = workspace.Write("evidence/recipe.txt", s_secret);
        DepositFiles files = DepositFiles.For(workspace.File("evidence"), "recipe.txt");

        CliResult result = await workspace.RunAsync("deposit", evidence, "--kind", "trade-secret");

        Assert.True(result.ExitCode == 0, result + service.ServiceOutput);
        Assert.Equal(string.Empty, result.Error);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(files.SaltPath));
        (string depositId, ulong leafIndex) = SavedReceipt.ReadPromise(files.PromisePath);
        Assert.Contains($"已受理：存证编号 {depositId}，叶索引 {leafIndex}", result.Output, StringComparison.Ordinal);
        Assert.Contains("回执：" + files.ReceiptPath, result.Output, StringComparison.Ordinal);
        ReceiptReport report = SavedReceipt.Verify(files.ReceiptPath, service.VerifierKeysPath, SavedReceipt.ReadSalt(files.SaltPath));
        Assert.Equal(Enum.GetValues<ReceiptCheck>().Where(c => c is not (ReceiptCheck.Anchors or ReceiptCheck.Timestamps)), report.Passed);
        Assert.Equal(leafIndex, report.LeafIndex);

        CliResult verified = await workspace.RunAsync("verify", files.ReceiptPath, "--file", evidence, "--salt", files.SaltPath, "--key", service.VerifierKeysPath);

        Assert.True(verified.ExitCode == 0, verified.ToString());
        Assert.Contains("✓ 回执披露的存证人与存证记录中的存证人承诺一致", verified.Output, StringComparison.Ordinal);
        Assert.Contains("存证人公钥指纹（SHA-256）：" + report.Depositor!.KeyFingerprint.ToHex(), verified.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deposit_Directory_WritesFilesBesideItNotInsideAndVerifiesOffline()
    {
        using var workspace = new OnlineWorkspace(service.Address);
        workspace.Write("evidence/dataset/a.csv", "id,value\n1,42\n");
        workspace.Write("evidence/dataset/nested/b.bin", [0, 1, 2, 3, 255]);
        workspace.Write("evidence/dataset/.hidden", "also committed\n");
        string directory = workspace.File("evidence/dataset");
        DepositFiles files = DepositFiles.For(workspace.File("evidence"), "dataset");

        CliResult result = await workspace.RunAsync("deposit", directory, "--kind", "data", "--lang", "en");

        Assert.True(result.ExitCode == 0, result + service.ServiceOutput);
        Assert.Contains("units: 3", result.Output, StringComparison.Ordinal);
        Assert.Equal(3, Directory.GetFiles(directory, "*", SearchOption.AllDirectories).Length);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(files.SaltPath));
        CliResult verified = await workspace.RunAsync("verify", files.ReceiptPath, "--dir", directory, "--salt", files.SaltPath, "--key", service.VerifierKeysPath, "--lang", "en");
        Assert.True(verified.ExitCode == 0, verified.ToString());
        Assert.Contains("content kind: data", verified.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zh")]
    [InlineData("en")]
    public async Task Deposit_AnyLanguage_WarnsAboutTheSaltFileInChineseAndEnglish(string language)
    {
        using var workspace = new OnlineWorkspace(service.Address);
        string evidence = workspace.Write("notes.txt", "meeting notes\n");
        string saltPath = evidence + DepositFiles.SaltSuffix;

        CliResult result = await workspace.RunAsync("deposit", evidence, "--kind", "document", "--lang", language);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(OnlineText.Chinese.SaltWarning(saltPath), result.Output, StringComparison.Ordinal);
        Assert.Contains(OnlineText.English.SaltWarning(saltPath), result.Output, StringComparison.Ordinal);
        Assert.Contains("盐文件一旦丢失，任何人（包括公证处）都无法再证明这次存证", result.Output, StringComparison.Ordinal);
        Assert.Contains("If it is lost, nobody, the notary included, can ever prove this deposit", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deposit_SameFileAgain_IsANewDepositWithANewSaltAndLeaf()
    {
        using var workspace = new OnlineWorkspace(service.Address);
        string evidence = workspace.Write("evidence/contract.pdf", s_secret);
        Directory.CreateDirectory(workspace.File("second"));
        CliResult first = await workspace.RunAsync("deposit", evidence, "--kind", "copyright");
        Assert.True(first.ExitCode == 0, first.ToString());

        CliResult second = await workspace.RunAsync("deposit", evidence, "--kind", "copyright", "--out", workspace.File("second"));

        Assert.True(second.ExitCode == 0, second.ToString());
        DepositFiles firstFiles = DepositFiles.For(workspace.File("evidence"), "contract.pdf");
        DepositFiles secondFiles = DepositFiles.For(workspace.File("second"), "contract.pdf");
        (string firstId, ulong firstIndex) = SavedReceipt.ReadPromise(firstFiles.PromisePath);
        (string secondId, ulong secondIndex) = SavedReceipt.ReadPromise(secondFiles.PromisePath);
        Assert.NotEqual(firstId, secondId);
        Assert.NotEqual(firstIndex, secondIndex);
        Assert.NotEqual(SavedReceipt.ReadSalt(firstFiles.SaltPath).UnitsRoot, SavedReceipt.ReadSalt(secondFiles.SaltPath).UnitsRoot);
        foreach (DepositFiles files in new[] { firstFiles, secondFiles })
        {
            CliResult verified = await workspace.RunAsync("verify", files.ReceiptPath, "--file", evidence, "--salt", files.SaltPath, "--key", service.VerifierKeysPath);
            Assert.True(verified.ExitCode == 0, verified.ToString());
        }
    }

    [Fact]
    public async Task Deposit_SaltFileExists_RefusesBeforeAnythingHappens()
    {
        using var workspace = new OnlineWorkspace(service.Address);
        string evidence = workspace.Write("design.dwg", s_secret);
        string saltPath = workspace.Write("design.dwg" + DepositFiles.SaltSuffix, "the salt of an earlier deposit\n");

        CliResult result = await workspace.RunAsync("deposit", evidence, "--kind", "trade-secret", "--lang", "en");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal(string.Empty, result.Output);
        Assert.Equal($"error: {saltPath} already exists; nothing was deposited, so that no earlier deposit's file is overwritten. Choose another folder with --out, or move the file away first\n", result.Error);
        Assert.Equal("the salt of an earlier deposit\n", File.ReadAllText(saltPath));
        Assert.False(File.Exists(evidence + DepositFiles.PromiseSuffix));
        Assert.False(File.Exists(workspace.DepositorKeyPath), "nothing, not even the depositor key, is made before the check");
    }

    [Fact]
    public async Task Deposit_ReceiptFileExists_RefusesAndKeepsIt()
    {
        using var workspace = new OnlineWorkspace(service.Address);
        string evidence = workspace.Write("design.dwg", s_secret);
        string receiptPath = workspace.Write("design.dwg" + DepositFiles.ReceiptSuffix, "{}");

        CliResult result = await workspace.RunAsync("deposit", evidence, "--kind", "trade-secret");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith($"错误：{receiptPath} 已存在", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(evidence + DepositFiles.SaltSuffix));
    }

    [Fact]
    public async Task Deposit_OutInsideTheDepositedDirectory_IsRefused()
    {
        using var workspace = new OnlineWorkspace(service.Address);
        workspace.Write("dataset/a.txt", "a\n");
        Directory.CreateDirectory(workspace.File("dataset/receipts"));

        CliResult result = await workspace.RunAsync("deposit", workspace.File("dataset"), "--kind", "data", "--out", workspace.File("dataset/receipts"), "--lang", "en");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("is inside the deposited directory", result.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(workspace.File("dataset/receipts")));
    }

    [Fact]
    public async Task Deposit_WithTrustedKeys_SaysSoAndWithoutThemWarnsTheyAreTheServersOwn()
    {
        using var workspace = new OnlineWorkspace(service.Address);
        string trusted = workspace.Write("trusted.txt", "checked with the notary's published keys\n");
        string untrusted = workspace.Write("untrusted.txt", "checked with the server's keys only\n");

        CliResult withKeys = await workspace.RunAsync("deposit", trusted, "--kind", "document", "--key", service.VerifierKeysPath, "--lang", "en");
        CliResult withoutKeys = await workspace.RunAsync("deposit", untrusted, "--kind", "document", "--lang", "en");

        Assert.True(withKeys.ExitCode == 0, withKeys.ToString());
        Assert.Contains($"the receipt verifies with your trusted keys (from {service.VerifierKeysPath}):", withKeys.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("not independent trust", withKeys.Output, StringComparison.Ordinal);
        Assert.True(withoutKeys.ExitCode == 0, withoutKeys.ToString());
        Assert.Contains("these keys came from the server itself, which is not independent trust", withoutKeys.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deposit_KeyOfAnotherLog_ExitsOneAndKeepsNoReceipt()
    {
        using var workspace = new OnlineWorkspace(service.Address);
        string evidence = workspace.Write("claim.txt", "a claim\n");
        using var otherNotary = TestNotary.CreateRandom();

        CliResult result = await workspace.RunAsync("deposit", evidence, "--kind", "document", "--key", otherNotary.Ed25519Key, "--lang", "en");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.StartsWith("error: the receipt, checked with your trusted keys, does not verify: ", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.TrimEnd('\n').Split('\n'));
        Assert.True(File.Exists(evidence + DepositFiles.SaltSuffix), "the deposit was made: its salt file stays");
        Assert.False(File.Exists(evidence + DepositFiles.ReceiptSuffix));
    }
}
