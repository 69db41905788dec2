using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using EvidenceChain.Core.Hashing;
using Org.BouncyCastle.Crypto.Digests;

namespace EvidenceChain.Benchmarks;

/// <summary>
/// Content hashing: SHA-256 (.NET over OpenSSL), SM3 ours (managed, unrolled) beside BouncyCastle's
/// managed <see cref="SM3Digest"/> as the reference, and the one-pass dual hash deposits use, over a
/// small, a medium and a large buffer. Compare with `openssl speed -evp sha256` and `-evp sm3`.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class HashingBenchmarks
{
    private readonly byte[] _destination = new byte[32];
    private byte[] _input = [];

    [Params(64, 16 * 1024, 1024 * 1024)]
    public int InputLengthBytes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _input = new byte[InputLengthBytes];
        new Random(1).NextBytes(_input);
    }

    [Benchmark]
    public int Sha256() => SHA256.HashData(_input, _destination);

    [Benchmark(Baseline = true)]
    public byte Sm3BouncyCastle()
    {
        var digest = new SM3Digest();
        digest.BlockUpdate(_input);
        digest.DoFinal(_destination);
        return _destination[0];
    }

    [Benchmark]
    public byte Sm3OneShot()
    {
        Sm3.HashData(_input, _destination);
        return _destination[0];
    }

    [Benchmark]
    public DigestPair Sha256AndSm3OnePass() => ContentHasher.HashData(_input);
}
