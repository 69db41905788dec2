using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using EvidenceChain.Core.Hashing;

namespace EvidenceChain.Benchmarks;

/// <summary>
/// Content hashing: SHA-256 (.NET over OpenSSL) and SM3 (BouncyCastle, managed) over a small and a
/// large buffer, and the one-pass dual hash deposits use. Compare with `openssl speed -evp`.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class HashingBenchmarks
{
    private readonly byte[] _destination = new byte[32];
    private byte[] _input = [];

    [Params(64, 1024 * 1024)]
    public int InputLengthBytes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _input = new byte[InputLengthBytes];
        new Random(1).NextBytes(_input);
    }

    [Benchmark(Baseline = true)]
    public int Sha256() => SHA256.HashData(_input, _destination);

    [Benchmark]
    public byte Sm3OneShot()
    {
        Sm3.HashData(_input, _destination);
        return _destination[0];
    }

    [Benchmark]
    public DigestPair Sha256AndSm3OnePass() => ContentHasher.HashData(_input);
}
