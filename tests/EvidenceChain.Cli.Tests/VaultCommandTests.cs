using System.Runtime.Versioning;
using EvidenceChain.Cli.Internal;
using EvidenceChain.Cli.Offline.Internal;
using EvidenceChain.Cli.Tests.Support;
using EvidenceChain.Vault;

namespace EvidenceChain.Cli.Tests;

/// <summary>
/// <c>vault keygen</c>, <c>encrypt</c> and <c>decrypt</c> run in-process on real files: the key file
/// 0600 and never shown, round trips for both algorithms, and for every file that does not decrypt
/// one line, exit code 1 and no output file (nor a partial one) left behind.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class VaultCommandTests : IDisposable
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private string KeyPath => _directory.File("owner.key");

    [Theory]
    [InlineData("xchacha20-poly1305", 32, "XChaCha20-Poly1305, 256 bits")]
    [InlineData("sm4-gcm", 16, "SM4-GCM, 128 bits")]
    public void KeyGen_NewFile_WritesAnOwnerOnlyKeyAndNeverPrintsIt(string algorithm, int keyLengthBytes, string shown)
    {
        CliResult result = Run("vault", "keygen", "-o", KeyPath, "--algorithm", algorithm);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(string.Empty, result.Error);
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(KeyPath));
        string line = File.ReadAllText(KeyPath).TrimEnd('\n');
        Assert.Equal(keyLengthBytes, Convert.FromBase64String(line).Length);
        Assert.DoesNotContain(line, result.Output, StringComparison.Ordinal);
        Assert.StartsWith($"key: {KeyPath} ({shown}; owner only, mode 0600;", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void KeyGen_DefaultAlgorithm_IsXChaCha20Poly1305()
    {
        Assert.Equal(0, Run("vault", "keygen", "-o", KeyPath).ExitCode);

        using VaultKey key = VaultKey.Load(KeyPath);
        Assert.Equal(VaultAlgorithm.XChaCha20Poly1305, key.Algorithm);
    }

    [Fact]
    public void KeyGen_ExistingFile_ExitsTwoAndKeepsIt()
    {
        Assert.Equal(0, Run("vault", "keygen", "-o", KeyPath).ExitCode);
        string before = File.ReadAllText(KeyPath);

        CliResult again = Run("vault", "keygen", "-o", KeyPath);

        Assert.Equal(2, again.ExitCode);
        Assert.Equal(string.Empty, again.Output);
        Assert.Equal($"error: {KeyPath} already exists and is not overwritten (an overwritten key loses every file encrypted under it); choose another -o\n", again.Error);
        Assert.Equal(before, File.ReadAllText(KeyPath));
    }

    [Theory]
    [InlineData("xchacha20-poly1305")]
    [InlineData("sm4-gcm")]
    public void EncryptThenDecrypt_ThroughTheCli_GivesTheFileBack(string algorithm)
    {
        Assert.Equal(0, Run("vault", "keygen", "-o", KeyPath, "--algorithm", algorithm).ExitCode);
        byte[] content = Content((3 * 4096) + 17);
        string plain = _directory.Write("secret.bin", content);
        string vault = _directory.File("secret.vault");
        string back = _directory.File("back.bin");

        CliResult encrypted = Run("vault", "encrypt", plain, "-o", vault, "--key", KeyPath, "--segment-size", "4096");
        CliResult decrypted = Run("vault", "decrypt", vault, "-o", back, "--key", KeyPath);

        Assert.True(encrypted.ExitCode == 0, encrypted.ToString());
        Assert.True(decrypted.ExitCode == 0, decrypted.ToString());
        Assert.Equal(content, File.ReadAllBytes(back));
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(back));
        string name = algorithm == "sm4-gcm" ? "SM4-GCM" : "XChaCha20-Poly1305";
        long vaultLength = new FileInfo(vault).Length;
        Assert.Equal(VaultFormat.CiphertextLengthBytes(content.Length, algorithm == "sm4-gcm" ? VaultAlgorithm.Sm4Gcm : VaultAlgorithm.XChaCha20Poly1305, 4096), vaultLength);
        Assert.Equal($"encrypted: {vault} ({name}, 4 segments of 4096 bytes; {content.Length} bytes of content, {vaultLength} bytes written)\n", encrypted.Output);
        Assert.Equal($"decrypted: {back} ({content.Length} bytes; all 4 segments authenticated)\n", decrypted.Output);
        Assert.Equal(["back.bin", "owner.key", "secret.bin", "secret.vault"], Files());
    }

    [Fact]
    public void Encrypt_DefaultSegmentSize_IsOneMebibyte()
    {
        Assert.Equal(0, Run("vault", "keygen", "-o", KeyPath).ExitCode);
        string plain = _directory.Write("secret.bin", Content(10));

        CliResult encrypted = Run("vault", "encrypt", plain, "-o", _directory.File("secret.vault"), "--key", KeyPath);

        Assert.Contains("1 segments of 1048576 bytes", encrypted.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("xchacha20-poly1305")]
    [InlineData("sm4-gcm")]
    public void Decrypt_TamperedFile_ExitsOneWithOneLineAndLeavesNoOutput(string algorithm)
    {
        Assert.Equal(0, Run("vault", "keygen", "-o", KeyPath, "--algorithm", algorithm).ExitCode);
        string vault = EncryptedFile(Content((3 * 4096) + 17));
        byte[] bytes = File.ReadAllBytes(vault);
        int header = VaultFormat.HeaderLengthBytes(algorithm == "sm4-gcm" ? VaultAlgorithm.Sm4Gcm : VaultAlgorithm.XChaCha20Poly1305);
        bytes[header + (2 * (4096 + 16)) + 5] ^= 0x04; // inside segment 2: segments 0 and 1 authenticate and are written first
        File.WriteAllBytes(vault, bytes);
        string back = _directory.File("back.bin");

        CliResult result = Run("vault", "decrypt", vault, "-o", back, "--key", KeyPath);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(string.Empty, result.Output);
        Assert.Equal(
            "error: segment 2 failed authentication: the ciphertext was altered, truncated, reordered or belongs to another file, "
            + $"or the key is not the one it was encrypted with; {back} was not written\n",
            result.Error);
        Assert.False(File.Exists(back));
        Assert.Equal(["owner.key", "secret.bin", "secret.vault"], Files());
    }

    [Fact]
    public void Decrypt_TruncatedAtASegmentBoundary_ExitsOneAndLeavesNoOutput()
    {
        Assert.Equal(0, Run("vault", "keygen", "-o", KeyPath).ExitCode);
        string vault = EncryptedFile(Content((3 * 4096) + 17));
        byte[] bytes = File.ReadAllBytes(vault);
        File.WriteAllBytes(vault, bytes[..(47 + (3 * (4096 + 16)))]);
        string back = _directory.File("back.bin");

        CliResult result = Run("vault", "decrypt", vault, "-o", back, "--key", KeyPath);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: segment 2 failed authentication", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.False(File.Exists(back));
        Assert.Equal(["owner.key", "secret.bin", "secret.vault"], Files());
    }

    [Fact]
    public void Decrypt_AnotherKey_ExitsOneAndLeavesNoOutput()
    {
        Assert.Equal(0, Run("vault", "keygen", "-o", KeyPath).ExitCode);
        string vault = EncryptedFile(Content(100));
        string otherKey = _directory.File("other.key");
        Assert.Equal(0, Run("vault", "keygen", "-o", otherKey).ExitCode);
        string back = _directory.File("back.bin");

        CliResult result = Run("vault", "decrypt", vault, "-o", back, "--key", otherKey);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: segment 0 failed authentication", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(back));
    }

    [Fact]
    public void Decrypt_KeyOpenToOthers_ExitsTwoWithTheFix()
    {
        Assert.Equal(0, Run("vault", "keygen", "-o", KeyPath).ExitCode);
        string vault = EncryptedFile(Content(100));
        File.SetUnixFileMode(KeyPath, OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        string back = _directory.File("back.bin");

        CliResult result = Run("vault", "decrypt", vault, "-o", back, "--key", KeyPath);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(
            $"error: the key file {KeyPath} may be read or changed by other users (mode 0644) and is not used: whoever reads it can read the vault; run chmod 600 {KeyPath}\n",
            result.Error);
        Assert.False(File.Exists(back));
    }

    [Fact]
    public void Decrypt_ExistingOutput_ExitsTwoAndLeavesItAlone()
    {
        Assert.Equal(0, Run("vault", "keygen", "-o", KeyPath).ExitCode);
        string vault = EncryptedFile(Content(100));
        string back = _directory.Write("back.bin", "mine");

        CliResult result = Run("vault", "decrypt", vault, "-o", back, "--key", KeyPath);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"error: {back} already exists and is not overwritten; choose another -o\n", result.Error);
        Assert.Equal("mine", File.ReadAllText(back));
    }

    [Fact]
    public void Decrypt_NotAVaultFile_ExitsOne()
    {
        Assert.Equal(0, Run("vault", "keygen", "-o", KeyPath).ExitCode);
        string notVault = _directory.Write("plain.txt", "just text\n");

        CliResult result = Run("vault", "decrypt", notVault, "-o", _directory.File("back.bin"), "--key", KeyPath);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: not a vault file", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("4095")]
    [InlineData("3000000")]
    [InlineData("134217728")]
    public void Encrypt_SegmentSizeNotAllowed_ExitsTwoAndWritesNothing(string segmentSize)
    {
        Assert.Equal(0, Run("vault", "keygen", "-o", KeyPath).ExitCode);
        string plain = _directory.Write("secret.bin", Content(10));

        CliResult result = Run("vault", "encrypt", plain, "-o", _directory.File("secret.vault"), "--key", KeyPath, "--segment-size", segmentSize);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"error: --segment-size {segmentSize} cannot be used: it must be a power of two from 4096 to 67108864 bytes\n", result.Error);
        Assert.Equal(["owner.key", "secret.bin"], Files());
    }

    [Fact]
    public void Encrypt_MissingInputOrKey_ExitsTwo()
    {
        Assert.Equal(0, Run("vault", "keygen", "-o", KeyPath).ExitCode);
        string missing = _directory.File("missing.bin");
        string plain = _directory.Write("secret.bin", Content(10));

        CliResult noInput = Run("vault", "encrypt", missing, "-o", _directory.File("x.vault"), "--key", KeyPath);
        CliResult noKey = Run("vault", "encrypt", plain, "-o", _directory.File("x.vault"), "--key", _directory.File("missing.key"));

        Assert.Equal((2, $"error: {missing} not found\n"), (noInput.ExitCode, noInput.Error));
        Assert.Equal((2, $"error: key file {_directory.File("missing.key")} not found\n"), (noKey.ExitCode, noKey.Error));
        Assert.Equal(["owner.key", "secret.bin"], Files());
    }

    [Fact]
    public void Decrypt_TamperedFile_InChinese_IsOneLineToo()
    {
        Assert.Equal(0, Run("vault", "keygen", "-o", KeyPath).ExitCode);
        string vault = EncryptedFile(Content(100));
        byte[] bytes = File.ReadAllBytes(vault);
        bytes[^1] ^= 1;
        File.WriteAllBytes(vault, bytes);
        string back = _directory.File("back.bin");

        CliResult result = CliRunner.Run("vault", "decrypt", vault, "-o", back, "--key", KeyPath);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"错误：第 0 段未通过认证：密文被改动、截断、调换顺序或来自另一个文件，或者密钥不是加密时所用的那一个；未写入 {back}\n", result.Error);
    }

    [Theory]
    [InlineData(ReportText.ChineseCode)]
    [InlineData(ReportText.EnglishCode)]
    public void Text_EveryProblemAndFailure_HasASentenceInEachLanguage(string language)
    {
        VaultText text = VaultText.For(language);

        Assert.Equal(Enum.GetValues<VaultProblem>().Order(), text.Problems.Keys.Order());
        Assert.Equal(Enum.GetValues<VaultKeyProblem>().Order(), text.KeyProblems.Keys.Order());
        Assert.Equal(Enum.GetValues<VaultFailure>().Order(), text.Failures.Keys.Order());
        foreach (VaultFailure failure in Enum.GetValues<VaultFailure>())
        {
            Assert.NotEqual(VaultText.Chinese.Failures[failure](3), VaultText.English.Failures[failure](3));
        }
    }

    private static CliResult Run(params string[] args) => CliRunner.Run([.. args, "--lang", "en"]);

    private static byte[] Content(int lengthBytes)
    {
        byte[] content = new byte[lengthBytes];
        new Random(lengthBytes).NextBytes(content);
        return content;
    }

    private string EncryptedFile(byte[] content)
    {
        string plain = _directory.Write("secret.bin", content);
        string vault = _directory.File("secret.vault");
        CliResult result = Run("vault", "encrypt", plain, "-o", vault, "--key", KeyPath, "--segment-size", "4096");
        Assert.True(result.ExitCode == 0, result.ToString());
        return vault;
    }

    private string[] Files() => Directory.GetFileSystemEntries(_directory.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;
}
