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
    private readonly IncrementalHash _sha256Stream = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private byte[] _input = [];

    [Params(64, 16 * 1024, 1024 * 1024)]
    public int InputLengthBytes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _input = new byte[InputLengthBytes];
        new Random(1).NextBytes(_input);
    }

    [GlobalCleanup]
    public void Cleanup() => _sha256Stream.Dispose();

    [Benchmark]
    public int Sha256() => SHA256.HashData(_input, _destination);

    /// <summary>
    /// SHA-256 as a file pass runs it: each block appended to one long-lived incremental hash, so no context is set
    /// up or algorithm looked up per call (the one-shot above pays that, about 0.25 µs, on every call).
    /// </summary>
    [Benchmark]
    public int Sha256Streamed()
    {
        _sha256Stream.AppendData(_input);
        return _input.Length;
    }

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
