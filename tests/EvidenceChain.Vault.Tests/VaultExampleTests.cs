using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace EvidenceChain.Vault.Tests;

/// <summary>
/// The vault against an independent writer and against its own spec: Vectors/vault-examples.json is
/// made by Vectors/vault_reference.py (Python, from docs/formats/vault.md alone, over another
/// OpenSSL); each example decrypts here and re-encrypts to the same bytes with its nonce prefix.
/// The worked examples in docs/formats/vault.md (blocks fenced <c>example:NAME</c>) are recomputed;
/// set EVIDENCECHAIN_WRITE_DOC_EXAMPLES=1 to rewrite them after a deliberate change.
/// </summary>
public sealed partial class VaultExampleTests
{
    private static readonly byte[] s_exampleContent = "hello, vault\n"u8.ToArray();

    public static TheoryData<int> ExampleIndexes() => new(Enumerable.Range(0, Examples().GetArrayLength()));

    [Theory]
    [MemberData(nameof(ExampleIndexes))]
    public async Task ReferenceExample_DecryptsAndReEncryptsToTheSameBytes(int index)
    {
        JsonElement example = Examples()[index];
        VaultAlgorithm algorithm = example.GetProperty("algorithm").GetString() == "sm4-gcm" ? VaultAlgorithm.Sm4Gcm : VaultAlgorithm.XChaCha20Poly1305;
        using var key = VaultKey.Import(algorithm, Hex(example, "key"));
        byte[] plaintext = Hex(example, "plaintext");
        byte[] file = Hex(example, "vault");

        using var decrypted = new MemoryStream();
        await VaultReader.DecryptAsync(new MemoryStream(file), decrypted, key);
        using var encrypted = new MemoryStream();
        await VaultWriter.EncryptAsync(new MemoryStream(plaintext), encrypted, key, example.GetProperty("segment_size").GetInt32(), Hex(example, "nonce_prefix"), default);

        Assert.Equal(plaintext, decrypted.ToArray());
        Assert.Equal(Convert.ToHexStringLower(file), Convert.ToHexStringLower(encrypted.ToArray()));
    }

    [Fact]
    public void FormatDocument_Examples_MatchTheCode()
    {
        string path = Path.Combine(RepositoryRoot(), "docs", "formats", "vault.md");
        string text = File.ReadAllText(path);
        MatchCollection blocks = ExampleBlock().Matches(text);
        Assert.Equal(2, blocks.Count);

        if (Environment.GetEnvironmentVariable("EVIDENCECHAIN_WRITE_DOC_EXAMPLES") == "1")
        {
            File.WriteAllText(path, ExampleBlock().Replace(text, m => $"```example:{m.Groups["name"].Value}\n{Render(m.Groups["name"].Value)}```"));
            return;
        }

        foreach (Match block in blocks)
        {
            Assert.Equal(Render(block.Groups["name"].Value), block.Groups["body"].Value);
        }
    }

    /// <summary>The example of <paramref name="name"/>: key 00 01 …, nonce prefix a0 a1 …, segment size 4096, content "hello, vault\n".</summary>
    private static string Render(string name)
    {
        VaultAlgorithm algorithm = name switch
        {
            "vault-xchacha20-poly1305" => VaultAlgorithm.XChaCha20Poly1305,
            "vault-sm4-gcm" => VaultAlgorithm.Sm4Gcm,
            _ => throw new ArgumentException("unknown example " + name, nameof(name)),
        };
        byte[] keyBytes = Enumerable.Range(0, VaultFormat.KeyLengthBytes(algorithm)).Select(i => (byte)i).ToArray();
        byte[] prefix = Enumerable.Range(0xa0, VaultFormat.NoncePrefixLengthBytes(algorithm)).Select(i => (byte)i).ToArray();
        using var key = VaultKey.Import(algorithm, keyBytes);
        using var output = new MemoryStream();
        VaultWriter.EncryptAsync(new MemoryStream(s_exampleContent), output, key, 4096, prefix, default).GetAwaiter().GetResult();
        byte[] file = output.ToArray();
        int header = VaultFormat.HeaderLengthBytes(algorithm);
        byte[] nonce = [.. prefix, 0, 0, 0, 0, 1];

        var text = new StringBuilder();
        text.Append("key           ").Append(Convert.ToHexStringLower(keyBytes)).Append('\n');
        text.Append("content       \"hello, vault\\n\" (13 bytes), segment size 4096\n");
        text.Append("magic         ").Append(Convert.ToHexStringLower(file[..23])).Append('\n');
        text.Append("algorithm     ").Append(Convert.ToHexStringLower(file[23..24])).Append('\n');
        text.Append("segment_size  ").Append(Convert.ToHexStringLower(file[24..28])).Append('\n');
        text.Append("nonce_prefix  ").Append(Convert.ToHexStringLower(file[28..header])).Append('\n');
        text.Append("nonce 0       ").Append(Convert.ToHexStringLower(nonce)).Append("  (counter 0, last)\n");
        text.Append("segment 0     ").Append(Convert.ToHexStringLower(file[header..^VaultFormat.TagLengthBytes])).Append('\n');
        text.Append("tag 0         ").Append(Convert.ToHexStringLower(file[^VaultFormat.TagLengthBytes..])).Append('\n');
        text.Append("file          ").Append(file.Length).Append(" bytes = ").Append(header).Append(" + 13 + 16\n");
        return text.ToString();
    }

    [GeneratedRegex("```example:(?<name>[a-z0-9-]+)\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex ExampleBlock();

    private static JsonElement Examples()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Vectors", "vault-examples.json");
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("examples").Clone();
    }

    private static byte[] Hex(JsonElement example, string property) => Convert.FromHexString(example.GetProperty(property).GetString()!);

    private static string RepositoryRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "EvidenceChain.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("EvidenceChain.sln not found above " + AppContext.BaseDirectory);
    }
}
