using System.Security.Cryptography;
using System.Text;
using EvidenceChain.Cli.Offline;
using EvidenceChain.Cli.Tests.Support;
using EvidenceChain.Core.Commitments;
using EvidenceChain.Core.Receipts;

namespace EvidenceChain.Cli.Tests;

/// <summary>
/// <c>verify</c> end to end in-process, on real files and real receipts made with Core: what a court
/// sees for valid receipts, for each kind of tampering, and for inputs it cannot use.
/// </summary>
public sealed class VerifyCommandTests
{
    private static readonly byte[] s_contract = Encoding.UTF8.GetBytes("合同第一条：甲方将商业秘密交付公证处保全。\nclause 2: hello, court\n");

    [Fact]
    public void Verify_ValidReceiptWithBothKeys_ExitsZeroAndNamesBothFingerprints()
    {
        using TestDeposit deposit = TestDeposit.OfFile(s_contract);

        CliResult result = CliRunner.Run(deposit.VerifyArgs(deposit.BothKeys));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(string.Empty, result.Error);
        Assert.Contains("结论：有效", result.Output, StringComparison.Ordinal);
        Assert.Contains("Ed25519  " + deposit.Notary.Ed25519.Verifier.Fingerprint, result.Output, StringComparison.Ordinal);
        Assert.Contains("SM2      " + deposit.Notary.Sm2.Verifier.Fingerprint, result.Output, StringComparison.Ordinal);
        Assert.Contains("日志：" + deposit.Notary.Origin, result.Output, StringComparison.Ordinal);
        Assert.Contains("叶索引：" + TestNotary.LeavesBefore, result.Output, StringComparison.Ordinal);
        Assert.Contains("受理时间（UTC，公证处声明）：2025-11-29T07:06:40.000Z", result.Output, StringComparison.Ordinal);
        Assert.Contains("存证人公钥指纹（SHA-256）：" + deposit.Notary.DepositorFingerprint.ToHex(), result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("未提供受信任的", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_LangEn_PrintsTheEnglishReport()
    {
        using TestDeposit deposit = TestDeposit.OfFile(s_contract);

        CliResult result = CliRunner.Run(deposit.VerifyArgs([.. deposit.BothKeys, "--lang", "en"]));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Verdict: valid", result.Output, StringComparison.Ordinal);
        Assert.Contains("the content matches the deposit record's SM3 commitment", result.Output, StringComparison.Ordinal);
        Assert.Contains("accepted at (UTC, the notary's claim): 2025-11-29T07:06:40.000Z", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("结论", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_OnlyEd25519Key_ExitsZeroAndSaysSm2WasNotChecked()
    {
        using TestDeposit deposit = TestDeposit.OfFile(s_contract);

        CliResult result = CliRunner.Run(deposit.VerifyArgs("--key", deposit.Notary.Ed25519Key));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("- 未提供受信任的 SM2 公钥，未核验 SM2 签名", result.Output, StringComparison.Ordinal);
        Assert.Contains("Ed25519  " + deposit.Notary.Ed25519.Verifier.Fingerprint, result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(deposit.Notary.Sm2.Verifier.Fingerprint, result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_OnlySm2Key_ExitsZeroAndSaysEd25519WasNotChecked()
    {
        using TestDeposit deposit = TestDeposit.OfFile(s_contract);

        CliResult result = CliRunner.Run(deposit.VerifyArgs("--key", deposit.Notary.Sm2Key, "--lang", "en"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("no trusted Ed25519 key was given, so the Ed25519 signature was not checked", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_ContentChangedByOneByte_ExitsOneWithCommitmentMismatch()
    {
        using TestDeposit deposit = TestDeposit.OfFile(s_contract);
        byte[] changed = (byte[])s_contract.Clone();
        changed[^2] ^= 0x01;
        File.WriteAllBytes(deposit.ContentPath, changed);

        CliResult result = CliRunner.Run(deposit.VerifyArgs(deposit.BothKeys));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("结论：无效", result.Output, StringComparison.Ordinal);
        Assert.Contains("原因：内容与存证记录中的承诺不符 [CommitmentMismatch]", result.Output, StringComparison.Ordinal);
        Assert.Contains("说明：内容与盐文件的记载不符", result.Output, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Error);
    }

    [Fact]
    public void Verify_SaltFileOfAnotherDeposit_ExitsOneWithCommitmentMismatch()
    {
        using TestDeposit deposit = TestDeposit.OfFile(s_contract);
        SaltFile other = DepositContent.FromFile(deposit.ContentPath).CreateSaltFile(MasterSalt.Create(RandomNumberGenerator.Fill), 0);
        string otherSalt = deposit.Directory.Write("other.salt.json", other.ToJson());

        CliResult result = CliRunner.Run(["verify", deposit.ReceiptPath, "--file", deposit.ContentPath, "--salt", otherSalt, .. deposit.BothKeys, "--lang", "en"]);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("Reason: the content does not match the deposit record's commitment [CommitmentMismatch]", result.Output, StringComparison.Ordinal);

        // This salt file does fit the content, so the report points at the receipt, not the file.
        Assert.Contains("Note: The content matches its salt file, but the receipt is for a different deposit.", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_FlippedCharacterInProofHash_ExitsOneWithRootMismatch()
    {
        using TestDeposit deposit = TestDeposit.OfFile(s_contract);
        string[] lines = deposit.Receipt.TlogProofText.Split('\n');

        // Line 3 is the first proof hash (after the header, extra and index lines).
        lines[3] = (lines[3][0] == 'A' ? 'B' : 'A') + lines[3][1..];
        string receipt = deposit.WriteReceipt(deposit.Receipt.ToJsonWithProofText(string.Join('\n', lines)));

        CliResult result = CliRunner.Run(["verify", receipt, "--file", deposit.ContentPath, "--salt", deposit.SaltPath, .. deposit.BothKeys]);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("[RootMismatch]", result.Output, StringComparison.Ordinal);
        Assert.Contains("✓ 检查点上的签名经受信任公钥验证有效", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("✓ 存证记录包含在检查点所签的日志中", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_TreeSizeChangedInCheckpoint_ExitsOneWithBadSignature()
    {
        using TestDeposit deposit = TestDeposit.OfFile(s_contract);
        const ulong TreeSize = TestNotary.LeavesBefore + 1 + TestNotary.LeavesAfter;
        string note = deposit.Receipt.CheckpointNote;
        string origin = deposit.Notary.Origin.ToString();
        Assert.StartsWith($"{origin}\n{TreeSize}\n", note, StringComparison.Ordinal);
        string forged = $"{origin}\n{TreeSize + 1}\n" + note[$"{origin}\n{TreeSize}\n".Length..];
        string receipt = deposit.WriteReceipt((deposit.Receipt with { CheckpointNote = forged }).ToJson());

        CliResult result = CliRunner.Run(["verify", receipt, "--file", deposit.ContentPath, "--salt", deposit.SaltPath, .. deposit.BothKeys]);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("原因：签名无效（所签内容被改动，或签名是伪造的） [BadSignature]", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_KeyOfAnotherLog_ExitsOneWithNoTrustedSignature()
    {
        using TestDeposit deposit = TestDeposit.OfFile(s_contract);
        using TestNotary stranger = TestNotary.CreateRandom();

        CliResult result = CliRunner.Run(deposit.VerifyArgs("--key", stranger.Ed25519Key, "--key", stranger.Sm2Key, "--lang", "en"));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("Reason: the checkpoint lacks a signature from a trusted key [NoTrustedSignature]", result.Output, StringComparison.Ordinal);
        Assert.Contains("✓ the receipt is well formed and its version is supported", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("the checkpoint's signatures verify", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Trusted keys that signed", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_MalformedReceiptJson_ExitsOneBecauseTheReceiptIsWhatIsJudged()
    {
        using TestDeposit deposit = TestDeposit.OfFile(s_contract);
        string receipt = deposit.WriteReceipt("{\"format\": \"evidencechain-receipt/v1\", \"tlog_proof\": ");

        CliResult result = CliRunner.Run(["verify", receipt, "--file", deposit.ContentPath, "--salt", deposit.SaltPath, .. deposit.BothKeys]);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("原因：回执文件格式错误 [MalformedReceipt]", result.Output, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Error);
    }

    [Fact]
    public void Verify_ReceiptWithoutDepositorOpening_ExitsZeroAndSaysTheDepositorWasNotChecked()
    {
        using TestDeposit deposit = TestDeposit.OfFile(s_contract);
        string receipt = deposit.WriteReceipt((deposit.Receipt with { Opening = null }).ToJson());

        CliResult result = CliRunner.Run(["verify", receipt, "--file", deposit.ContentPath, "--salt", deposit.SaltPath, .. deposit.BothKeys, "--lang", "en"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("- the receipt does not name the depositor, so who made the deposit was not checked", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("depositor's key fingerprint", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_ReceiptWithPromise_ExitsZeroAndListsThePromiseCheck()
    {
        using TestDeposit deposit = TestDeposit.OfFile(s_contract, withPromise: true);

        CliResult result = CliRunner.Run(deposit.VerifyArgs(deposit.BothKeys));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("✓ 受理承诺由日志公钥签署，且包含本次存证", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("回执未附受理承诺", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_AcceptanceTimeBeyondTheCalendar_PrintsMillisecondsInsteadOfCrashing()
    {
        using TestDeposit deposit = TestDeposit.OfFile(s_contract, receivedAtMs: long.MaxValue);

        CliResult result = CliRunner.Run(deposit.VerifyArgs([.. deposit.BothKeys, "--lang", "en"]));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"accepted at (UTC, the notary's claim): {long.MaxValue} ms (outside the calendar)", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_DirectoryWithNestedFolders_ExitsZero()
    {
        using TestDeposit deposit = TestDeposit.OfDirectory(NestedFiles());

        CliResult result = CliRunner.Run(deposit.VerifyArgs(deposit.BothKeys));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("单元数：5", result.Output, StringComparison.Ordinal);
        Assert.Contains("存证内容（目录）：" + deposit.ContentPath, result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_DirectoryWithOneFileRenamed_ExitsOne()
    {
        using TestDeposit deposit = TestDeposit.OfDirectory(NestedFiles());
        File.Move(Path.Combine(deposit.ContentPath, "exhibits", "2024", "photo.jpg"), Path.Combine(deposit.ContentPath, "exhibits", "2024", "photo1.jpg"));

        CliResult result = CliRunner.Run(deposit.VerifyArgs(deposit.BothKeys));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("[CommitmentMismatch]", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_DirectoryWithOneFileAdded_ExitsOneWithUnitCountMismatch()
    {
        using TestDeposit deposit = TestDeposit.OfDirectory(NestedFiles());
        File.WriteAllText(Path.Combine(deposit.ContentPath, "notes", "added.txt"), "later");

        CliResult result = CliRunner.Run(deposit.VerifyArgs(deposit.BothKeys));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("[UnitCountMismatch]", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_DirectoryWithSymbolicLink_ExitsTwoWithOneLine()
    {
        using TestDeposit deposit = TestDeposit.OfDirectory(NestedFiles());
        string link = Path.Combine(deposit.ContentPath, "link.pdf");
        File.CreateSymbolicLink(link, Path.Combine(deposit.ContentPath, "contract.pdf"));

        CliResult result = CliRunner.Run(deposit.VerifyArgs([.. deposit.BothKeys, "--lang", "en"]));

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal(string.Empty, result.Output);
        Assert.Equal($"error: {link} is a symbolic link to {Path.Combine(deposit.ContentPath, "contract.pdf")}; deposit content must not contain or go through links\n", result.Error);
    }

    [Fact]
    public void Verify_ChunkedDeposit_ExitsZero()
    {
        byte[] content = RandomNumberGenerator.GetBytes(200_000);
        using TestDeposit deposit = TestDeposit.OfFile(content, chunkSizeBytes: 65_536);
        Assert.Equal(4u, deposit.SaltFile.UnitCount);

        CliResult result = CliRunner.Run(deposit.VerifyArgs(deposit.BothKeys));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("单元数：4", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_ChunkedDepositWithLastChunkChanged_ExitsOne()
    {
        byte[] content = RandomNumberGenerator.GetBytes(200_000);
        using TestDeposit deposit = TestDeposit.OfFile(content, chunkSizeBytes: 65_536);
        content[^1] ^= 0x80;
        File.WriteAllBytes(deposit.ContentPath, content);

        CliResult result = CliRunner.Run(deposit.VerifyArgs(deposit.BothKeys));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("[CommitmentMismatch]", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_SameKeyGivenTwice_CountsItOnce()
    {
        using TestDeposit deposit = TestDeposit.OfFile(s_contract);

        CliResult result = CliRunner.Run(deposit.VerifyArgs([.. deposit.BothKeys, "--key", deposit.Notary.Ed25519Key]));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("受信任公钥：2 个（来源：--key）", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_KeyFileWithComments_ExitsZero()
    {
        using TestDeposit deposit = TestDeposit.OfFile(s_contract);
        string keyFile = deposit.Directory.Write("notary.keys", $"# 公证处公布的验证公钥\n\n{deposit.Notary.Ed25519Key}\n  # SM2\r\n{deposit.Notary.Sm2Key}\r\n");

        CliResult result = CliRunner.Run(deposit.VerifyArgs("--key", keyFile));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"受信任公钥：2 个（来源：{keyFile}）", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_TrustFileOption_ExitsZero()
    {
        using TestDeposit deposit = TestDeposit.OfFile(s_contract);
        string trustFile = deposit.Directory.Write("trusted.keys", deposit.Notary.Ed25519Key + "\n" + deposit.Notary.Sm2Key + "\n");

        CliResult result = CliRunner.Run(deposit.VerifyArgs("--trust", trustFile));

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public void Verify_TrustFileFromEnvironmentVariable_ExitsZero()
    {
        using TestDeposit deposit = TestDeposit.OfFile(s_contract);
        string trustFile = deposit.Directory.Write("trusted.keys", deposit.Notary.Ed25519Key + "\n" + deposit.Notary.Sm2Key + "\n");
        var environment = new Dictionary<string, string>(CliRunner.IsolatedEnvironment) { ["EVIDENCECHAIN_TRUST"] = trustFile };

        CliResult result = CliRunner.Run(environment, deposit.VerifyArgs());

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"（来源：{trustFile}）", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_DefaultTrustFileUnderXdgConfigHome_ExitsZero()
    {
        using TestDeposit deposit = TestDeposit.OfFile(s_contract);
        string trustFile = deposit.Directory.Write("config/evidencechain/trusted.keys", deposit.Notary.Ed25519Key + "\n" + deposit.Notary.Sm2Key + "\n");
        var environment = new Dictionary<string, string> { ["XDG_CONFIG_HOME"] = deposit.Directory.File("config") };

        CliResult result = CliRunner.Run(environment, deposit.VerifyArgs());

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"（来源：{trustFile}）", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_EnvironmentVariableNamingMissingFile_ExitsTwo()
    {
        using TestDeposit deposit = TestDeposit.OfFile(s_contract);
        string missing = deposit.Directory.File("nowhere.keys");
        var environment = new Dictionary<string, string>(CliRunner.IsolatedEnvironment) { ["EVIDENCECHAIN_TRUST"] = missing };

        CliResult result = CliRunner.Run(environment, deposit.VerifyArgs("--lang", "en"));

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal($"error: the trust file {missing} (named by EVIDENCECHAIN_TRUST) does not exist\n", result.Error);
    }

    [Fact]
    public void Verify_MissingReceiptFile_ExitsTwoWithOneLine()
    {
        using TestDeposit deposit = TestDeposit.OfFile(s_contract);
        string missing = deposit.Directory.File("missing.receipt.json");

        CliResult result = CliRunner.Run(["verify", missing, "--file", deposit.ContentPath, "--salt", deposit.SaltPath, .. deposit.BothKeys]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal(string.Empty, result.Output);
        Assert.Equal($"错误：找不到文件 {missing}\n", result.Error);
    }

    [Fact]
    public void Verify_MissingContentFile_ExitsTwoWithOneLine()
    {
        using TestDeposit deposit = TestDeposit.OfFile(s_contract);
        File.Delete(deposit.ContentPath);

        CliResult result = CliRunner.Run(deposit.VerifyArgs([.. deposit.BothKeys, "--lang", "en"]));

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal($"error: {deposit.ContentPath}: no such file\n", result.Error);
    }

    [Fact]
    public void Verify_MalformedSaltFile_ExitsTwoWithOneLine()
    {
        using TestDeposit deposit = TestDeposit.OfFile(s_contract);
        File.WriteAllText(deposit.SaltPath, deposit.SaltFile.ToJson().Replace("evidencechain-salt/v1", "evidencechain-salt/v9", StringComparison.Ordinal));

        CliResult result = CliRunner.Run(deposit.VerifyArgs([.. deposit.BothKeys, "--lang", "en"]));

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal(string.Empty, result.Output);
        Assert.StartsWith($"error: {deposit.SaltPath} is not a valid salt file: ", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void Verify_BadKeyString_ExitsTwoWithOneLine()
    {
        using TestDeposit deposit = TestDeposit.OfFile(s_contract);
        string key = deposit.Notary.Ed25519Key;
        string broken = key[..^4] + (key[^4] == 'A' ? 'B' : 'A') + key[^3..];

        CliResult result = CliRunner.Run(deposit.VerifyArgs("--key", broken, "--lang", "en"));

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal(string.Empty, result.Output);
        Assert.StartsWith($"error: '{broken}' is neither a verifier key nor a key file: the key ID", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void Verify_BadLineInKeyFile_ExitsTwoNamingTheLine()
    {
        using TestDeposit deposit = TestDeposit.OfFile(s_contract);
        string keyFile = deposit.Directory.Write("notary.keys", $"# keys\n{deposit.Notary.Ed25519Key}\nnot-a-key\n");

        CliResult result = CliRunner.Run(deposit.VerifyArgs("--key", keyFile, "--lang", "en"));

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith($"error: {keyFile}:3 is not a valid verifier key", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_NoTrustedKey_ExitsTwoWithOneLine()
    {
        using TestDeposit deposit = TestDeposit.OfFile(s_contract);

        CliResult result = CliRunner.Run(deposit.VerifyArgs());

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal(string.Empty, result.Output);
        Assert.StartsWith("错误：没有受信任的公钥：请用 --key 或 --trust 指定", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void Verify_BothFileAndDir_ExitsTwoAsUsageError()
    {
        using TestDeposit deposit = TestDeposit.OfFile(s_contract);

        CliResult result = CliRunner.Run([.. deposit.VerifyArgs(deposit.BothKeys), "--dir", deposit.Directory.Path, "--lang", "en"]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("error: give exactly one of --file and --dir (see --help)\n", result.Error);
    }

    [Fact]
    public void Verify_WithoutSalt_ExitsTwoAsUsageError()
    {
        using TestDeposit deposit = TestDeposit.OfFile(s_contract);

        CliResult result = CliRunner.Run(["verify", deposit.ReceiptPath, "--file", deposit.ContentPath, .. deposit.BothKeys]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("--salt", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.TrimEnd('\n').Split('\n'));
    }

    private static Dictionary<string, byte[]> NestedFiles() => new()
    {
        ["contract.pdf"] = Encoding.ASCII.GetBytes("%PDF-1.7 contract"),
        ["exhibits/2024/photo.jpg"] = RandomNumberGenerator.GetBytes(3000),
        ["exhibits/2024/empty.txt"] = [],
        ["exhibits/清单.txt"] = Encoding.UTF8.GetBytes("证据清单"),
        ["notes/.hidden"] = Encoding.ASCII.GetBytes("hidden files are content too"),
    };
}
