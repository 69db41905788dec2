using BenchmarkDotNet.Attributes;
using EvidenceChain.Vault;

namespace EvidenceChain.Benchmarks;

/// <summary>
/// The owner's vault: encrypt and decrypt 64 MiB in memory in 1 MiB segments, XChaCha20-Poly1305
/// (NSec over libsodium) and SM4-GCM (BouncyCastle, managed). Streams over fixed buffers, so the
/// allocation column is the vault's own. Compare with `openssl speed -evp chacha20-poly1305`.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class VaultBenchmarks
{
    private const int ContentLengthBytes = 64 << 20;

    private byte[] _content = [];
    private byte[] _vault = [];
    private byte[] _decrypted = [];
    private VaultKey? _key;

    [Params(VaultAlgorithm.XChaCha20Poly1305, VaultAlgorithm.Sm4Gcm)]
    public VaultAlgorithm Algorithm { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _content = new byte[ContentLengthBytes];
        new Random(1).NextBytes(_content);
        _key = VaultKey.Generate(Algorithm);
        _vault = new byte[VaultFormat.CiphertextLengthBytes(ContentLengthBytes, Algorithm, VaultFormat.SegmentSizeDefaultBytes)];
        _decrypted = new byte[ContentLengthBytes];
        Encrypt();
    }

    [GlobalCleanup]
    public void Cleanup() => _key?.Dispose();

    [Benchmark]
    public long Encrypt()
    {
        using var input = new MemoryStream(_content, writable: false);
        using var output = new MemoryStream(_vault);
        return VaultWriter.EncryptAsync(input, output, _key!).GetAwaiter().GetResult().CiphertextLengthBytes;
    }

    [Benchmark]
    public long Decrypt()
    {
        using var input = new MemoryStream(_vault, writable: false);
        using var output = new MemoryStream(_decrypted);
        return VaultReader.DecryptAsync(input, output, _key!).GetAwaiter().GetResult().PlaintextLengthBytes;
    }
}
