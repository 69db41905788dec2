using System.Runtime.Versioning;
using EvidenceChain.Vault.Tests.Support;

namespace EvidenceChain.Vault.Tests;

/// <summary>Key files: written owner-only and never over another file, refused when open to others or malformed, and never shown.</summary>
[SupportedOSPlatform("linux")]
public sealed class VaultKeyTests : IDisposable
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData(VaultAlgorithm.XChaCha20Poly1305, 32)]
    [InlineData(VaultAlgorithm.Sm4Gcm, 16)]
    public void GenerateFile_NewPath_WritesOneLineOfBase64OwnerOnlyThatLoadsToTheSameKey(VaultAlgorithm algorithm, int keyLengthBytes)
    {
        string path = _directory.File("owner.key");

        using VaultKey generated = VaultKey.GenerateFile(path, algorithm);
        using VaultKey loaded = VaultKey.Load(path);

        Assert.Equal(OwnerOnly, File.GetUnixFileMode(path));
        string text = File.ReadAllText(path);
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        Assert.Equal(keyLengthBytes, Convert.FromBase64String(text.TrimEnd('\n')).Length);
        Assert.Equal(algorithm, loaded.Algorithm);
        byte[] content = VaultFiles.Content(5000);
        Assert.Equal(content, VaultFiles.Decrypt(VaultFiles.Encrypt(content, generated), loaded));
    }

    [Fact]
    public void GenerateFile_ExistingFile_RefusesAndKeepsIt()
    {
        string path = _directory.Write("owner.key", "keep me\n");

        VaultKeyException refused = Assert.Throws<VaultKeyException>(() => VaultKey.GenerateFile(path, VaultAlgorithm.XChaCha20Poly1305));

        Assert.Equal(VaultKeyProblem.Exists, refused.Problem);
        Assert.Equal("keep me\n", File.ReadAllText(path));
    }

    [Theory]
    [InlineData(UnixFileMode.GroupRead)]
    [InlineData(UnixFileMode.OtherRead)]
    [InlineData(UnixFileMode.GroupWrite)]
    [InlineData(UnixFileMode.OtherExecute)]
    public void Load_FileOpenToGroupOrOthers_IsRefusedWithTheModeAndTheFix(UnixFileMode extra)
    {
        string path = _directory.File("owner.key");
        VaultKey.GenerateFile(path, VaultAlgorithm.XChaCha20Poly1305).Dispose();
        File.SetUnixFileMode(path, OwnerOnly | extra);

        VaultKeyException refused = Assert.Throws<VaultKeyException>(() => VaultKey.Load(path));

        Assert.Equal(VaultKeyProblem.OpenToOthers, refused.Problem);
        Assert.Equal("0" + Convert.ToString((int)(OwnerOnly | extra), 8), refused.Detail);
        Assert.Contains($"chmod 600 {path}", refused.Message, StringComparison.Ordinal);
        Assert.Contains("may be read or changed by other users", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64\n")]
    [InlineData("AAAA\n")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n")] // 45 bytes
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA==\nAAAAAAAAAAAAAAAAAAAAAA==\n")]
    public void Load_NotAKey_IsMalformed(string text)
    {
        string path = _directory.Write("owner.key", text);
        File.SetUnixFileMode(path, OwnerOnly);

        VaultKeyException refused = Assert.Throws<VaultKeyException>(() => VaultKey.Load(path));

        Assert.Equal(VaultKeyProblem.Malformed, refused.Problem);
    }

    [Fact]
    public void Load_TooLargeFile_IsMalformedWithoutReadingItAll()
    {
        string path = _directory.Write("owner.key", new byte[1 << 20]);
        File.SetUnixFileMode(path, OwnerOnly);

        Assert.Equal(VaultKeyProblem.Malformed, Assert.Throws<VaultKeyException>(() => VaultKey.Load(path)).Problem);
    }

    [Fact]
    public void Load_NoFile_IsNotFound()
    {
        Assert.Equal(VaultKeyProblem.NotFound, Assert.Throws<VaultKeyException>(() => VaultKey.Load(_directory.File("missing.key"))).Problem);
        Assert.Equal(VaultKeyProblem.NotFound, Assert.Throws<VaultKeyException>(() => VaultKey.Load(_directory.File("missing/dir.key"))).Problem);
    }

    [Fact]
    public void Load_SixteenOrThirtyTwoBytes_TellsTheAlgorithm()
    {
        string sm4 = _directory.Write("sm4.key", Convert.ToBase64String(new byte[16]) + "\n");
        string xchacha = _directory.Write("xchacha.key", Convert.ToBase64String(new byte[32]));
        File.SetUnixFileMode(sm4, OwnerOnly);
        File.SetUnixFileMode(xchacha, OwnerOnly);

        using VaultKey sm4Key = VaultKey.Load(sm4);
        using VaultKey xchachaKey = VaultKey.Load(xchacha);

        Assert.Equal(VaultAlgorithm.Sm4Gcm, sm4Key.Algorithm);
        Assert.Equal(VaultAlgorithm.XChaCha20Poly1305, xchachaKey.Algorithm);
    }

    [Theory]
    [InlineData(VaultAlgorithm.XChaCha20Poly1305, 16)]
    [InlineData(VaultAlgorithm.XChaCha20Poly1305, 33)]
    [InlineData(VaultAlgorithm.Sm4Gcm, 32)]
    [InlineData(VaultAlgorithm.Sm4Gcm, 0)]
    public void Import_WrongLength_Throws(VaultAlgorithm algorithm, int lengthBytes)
    {
        Assert.Throws<ArgumentException>(() => VaultKey.Import(algorithm, new byte[lengthBytes]));
    }

    [Fact]
    public void ToString_NamesTheAlgorithmOnly()
    {
        byte[] secret = Enumerable.Range(1, 16).Select(i => (byte)i).ToArray();
        using VaultKey key = VaultKey.Import(VaultAlgorithm.Sm4Gcm, secret);

        Assert.Equal("VaultKey(SM4-GCM)", key.ToString());
    }

    [Fact]
    public void Disposed_CannotEncrypt()
    {
        VaultKey key = VaultKey.Generate(VaultAlgorithm.Sm4Gcm);
        key.Dispose();

        Assert.Throws<ObjectDisposedException>(() => VaultFiles.Encrypt([1, 2, 3], key));
    }
}
