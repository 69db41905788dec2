using System.Security.Cryptography;
using EvidenceChain.Cli.Tests.Support;

namespace EvidenceChain.Cli.Tests;

/// <summary><c>hash</c>: the digests agree with .NET's SHA-256, the GB/T 32905 vector and OpenSSL run as a separate program.</summary>
public sealed class HashCommandTests
{
    [Fact]
    public void Hash_Abc_PrintsTheGbT32905Sm3VectorAndFips180Sha256()
    {
        using var directory = new TempDirectory();
        string path = directory.Write("abc", "abc");

        CliResult result = CliRunner.Run("hash", path);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            $"sha256  ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  {path}\n" +
            $"sm3     66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0  {path}\n",
            result.Output);
        Assert.Equal(string.Empty, result.Error);
    }

    [Fact]
    public void Hash_RandomFiles_Sha256EqualsSha256HashData()
    {
        using var directory = new TempDirectory();

        // Lengths around the 1 MiB read buffer, where an off-by-one in the read loop would show.
        int[] lengths = [0, 1, (1 << 20) - 1, 1 << 20, (1 << 20) + 1, 2_500_000];
        var paths = new List<string>();
        var expected = new List<string>();
        foreach (int length in lengths)
        {
            byte[] content = RandomNumberGenerator.GetBytes(length);
            string path = directory.Write($"file-{length}.bin", content);
            paths.Add(path);
            expected.Add($"sha256  {Convert.ToHexStringLower(SHA256.HashData(content))}  {path}");
        }

        CliResult result = CliRunner.Run(["hash", .. paths]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(expected, result.Output.Split('\n').Where(line => line.StartsWith("sha256", StringComparison.Ordinal)));
    }

    [Fact]
    public void Hash_ThreeMegabyteFile_AgreesWithOpenSslSm3AndSha256()
    {
        using var directory = new TempDirectory();
        string path = directory.Write("evidence.bin", RandomNumberGenerator.GetBytes(3 * 1024 * 1024 + 17));

        CliResult result = CliRunner.Run("hash", path);
        CliResult sm3 = ExternalProcess.Run("openssl", ["dgst", "-sm3", "-r", path]);
        CliResult sha256 = ExternalProcess.Run("openssl", ["dgst", "-sha256", "-r", path]);

        Assert.True(result.ExitCode == 0 && sm3.ExitCode == 0 && sha256.ExitCode == 0, $"{result}\n{sm3}\n{sha256}");

        // openssl -r prints "<hex> *<path>".
        Assert.Equal(
            $"sha256  {sha256.Output.Split(' ')[0]}  {path}\nsm3     {sm3.Output.Split(' ')[0]}  {path}\n",
            result.Output);
    }

    [Fact]
    public void Hash_MissingFileAmongOthers_HashesTheOthersAndExitsTwo()
    {
        using var directory = new TempDirectory();
        string present = directory.Write("abc", "abc");
        string missing = directory.File("missing.bin");

        CliResult result = CliRunner.Run("hash", missing, present, "--lang", "en");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal($"error: {missing}: no such file\n", result.Error);
        Assert.Equal(2, result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains(present, result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Hash_Directory_ExitsTwoWithOneLine()
    {
        using var directory = new TempDirectory();

        CliResult result = CliRunner.Run("hash", directory.Path);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal($"错误：{directory.Path} 是目录，不是文件\n", result.Error);
        Assert.Equal(string.Empty, result.Output);
    }

    [Fact]
    public void Hash_NoFile_ExitsTwoAsUsageError()
    {
        CliResult result = CliRunner.Run("hash");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Single(result.Error.TrimEnd('\n').Split('\n'));
    }
}
