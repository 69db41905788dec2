using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Tests.Support;

namespace EvidenceChain.Core.Tests.Hashing;

public class Sm3Tests
{
    // GB/T 32905-2016 Annex A and published non-standard vectors, checked three ways (see tests/vectors/README.md).
    public static TheoryData<string, string> Vectors()
    {
        var data = new TheoryData<string, string>();
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(RepoPaths.Vector("sm3-vectors.json")));
        foreach (JsonElement v in doc.RootElement.GetProperty("vectors").EnumerateArray())
        {
            data.Add(v.GetProperty("id").GetString()!, v.GetProperty("digest").GetString()!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void HashData_PublishedVector_MatchesDigest(string id, string expected)
    {
        byte[] message = Message(id);

        Assert.Equal(expected, Sm3.HashData(message).ToHex());
        Assert.Equal(expected, ContentHasher.HashData(message).Sm3.ToHex());
    }

    [Fact]
    public void HashData_Vectors_CoverBothStandardExamples()
    {
        var ids = Vectors().Select(row => (string)row[0]).ToList();

        Assert.Contains("gbt32905-example-1", ids);
        Assert.Contains("gbt32905-example-2", ids);
    }

    [Fact]
    public void HashData_DestinationTooSmall_Throws()
    {
        Assert.Throws<ArgumentException>(() => Sm3.HashData("abc"u8, new byte[31]));
    }

    [Fact]
    public void ContentHasher_SplitAppends_EqualOneShot()
    {
        byte[] content = new byte[200_003];
        new Random(7).NextBytes(content);
        using var hasher = new ContentHasher();
        int at = 0;
        foreach (int step in new[] { 1, 63, 64, 65, 4096, 100_000 })
        {
            hasher.Append(content.AsSpan(at, step));
            at += step;
        }

        hasher.Append(content.AsSpan(at));
        Assert.Equal(content.Length, hasher.LengthBytes);
        DigestPair split = hasher.Finish();

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), split.Sha256.ToHex());
        Assert.Equal(Sm3.HashData(content), split.Sm3);
        Assert.Equal(0, hasher.LengthBytes);
    }

    [Fact]
    public void ContentHasher_AfterFinish_StartsAfresh()
    {
        using var hasher = new ContentHasher();
        hasher.Append("garbage"u8);
        hasher.Finish();
        hasher.Append("abc"u8);

        Assert.Equal("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0", hasher.Finish().Sm3.ToHex());
    }

    [Fact]
    public void ContentHasher_RandomFile_AgreesWithOpenSslDgst()
    {
        string path = Path.GetTempFileName();
        try
        {
            byte[] content = new byte[1_048_579];
            new Random(11).NextBytes(content);
            File.WriteAllBytes(path, content);

            DigestPair ours = ContentHasher.HashData(content);

            Assert.Equal(ours.Sm3.ToHex(), OpenSslDigest("sm3", path));
            Assert.Equal(ours.Sha256.ToHex(), OpenSslDigest("sha256", path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string OpenSslDigest(string algorithm, string path)
    {
        var start = new ProcessStartInfo("openssl", ["dgst", "-" + algorithm, "-r", path]) { RedirectStandardOutput = true };
        using Process process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return output.Split(' ')[0];
    }

    internal static byte[] Message(string id)
    {
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(RepoPaths.Vector("sm3-vectors.json")));
        JsonElement v = doc.RootElement.GetProperty("vectors").EnumerateArray().Single(e => e.GetProperty("id").GetString() == id);
        if (v.TryGetProperty("message_hex", out JsonElement hex))
        {
            return Convert.FromHexString(hex.GetString()!);
        }

        JsonElement repeat = v.GetProperty("message_repeat");
        string unit = repeat.GetProperty("unit_ascii").GetString()!;
        int count = repeat.GetProperty("count").GetInt32();
        return Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat(unit, count)));
    }
}
