using System.IO.Pipes;
using System.Security.Cryptography;
using EvidenceChain.Vault.Tests.Support;

namespace EvidenceChain.Vault.Tests;

/// <summary>
/// Large content streams through non-seekable streams with memory that does not grow with its
/// length. The size is 32 MiB by default; set EVIDENCECHAIN_VAULT_STREAM_MIB (e.g. 256) for the
/// long run. Nothing here measures time.
/// </summary>
public sealed class VaultStreamingTests
{
    private const int SegmentSize = 1 << 20;

    private static long StreamLengthBytes =>
        (long.TryParse(Environment.GetEnvironmentVariable("EVIDENCECHAIN_VAULT_STREAM_MIB"), out long mebibytes) && mebibytes > 0 ? mebibytes : 32) << 20;

    [Theory]
    [MemberData(nameof(VaultFiles.Algorithms), MemberType = typeof(VaultFiles))]
    public async Task EncryptThenDecrypt_ThroughAnOsPipe_OutputDigestEqualsInputDigest(VaultAlgorithm algorithm)
    {
        long length = StreamLengthBytes + 12345;
        using var key = VaultKey.Generate(algorithm);
        byte[] expected = DigestOf(new GeneratedStream(length, seed: 7));

        // The ciphertext goes through an OS pipe: neither side can seek, and nothing is kept on disk.
        using var pipeOut = new AnonymousPipeServerStream(PipeDirection.Out);
        using var pipeIn = new AnonymousPipeClientStream(PipeDirection.In, pipeOut.ClientSafePipeHandle);
        using var plaintext = new GeneratedStream(length, seed: 7);
        using var sink = new HashingStream();

        Task<VaultSummary> writing = Task.Run(async () =>
        {
            try
            {
                return await VaultWriter.EncryptAsync(plaintext, pipeOut, key, SegmentSize);
            }
            finally
            {
                pipeOut.Dispose();
            }
        });
        VaultSummary read = await VaultReader.DecryptAsync(pipeIn, sink, key);
        VaultSummary written = await writing;

        Assert.False(pipeIn.CanSeek);
        Assert.Equal(written, read);
        Assert.Equal(length, read.PlaintextLengthBytes);
        Assert.Equal(length, sink.WrittenBytes);
        Assert.Equal(VaultFormat.SegmentCount(length, SegmentSize), read.SegmentCount);
        Assert.Equal(expected, sink.Digest());
    }

    [Theory]
    [MemberData(nameof(VaultFiles.Algorithms), MemberType = typeof(VaultFiles))]
    public async Task EncryptAndDecrypt_SixteenTimesTheContent_AllocateAboutTheSame(VaultAlgorithm algorithm)
    {
        // Every stream here completes synchronously, so all the work runs on this thread and the
        // thread's allocation counter sees it. The files to decrypt are made before counting.
        using var key = VaultKey.Generate(algorithm);
        byte[] smallFile = await EncryptToArrayAsync(key, 4L * SegmentSize);
        byte[] largeFile = await EncryptToArrayAsync(key, 64L * SegmentSize);
        await EncryptedBytesAsync(key, 2L * SegmentSize);
        await DecryptedBytesAsync(key, smallFile);

        long encryptSmall = await EncryptedBytesAsync(key, 4L * SegmentSize);
        long encryptLarge = await EncryptedBytesAsync(key, 64L * SegmentSize);
        long decryptSmall = await DecryptedBytesAsync(key, smallFile);
        long decryptLarge = await DecryptedBytesAsync(key, largeFile);

        // Growing with the content would mean 60 MiB more; a few hundred bytes per segment is the cipher's bookkeeping.
        Assert.True(encryptLarge - encryptSmall < 256 * 1024, $"encrypt: 4 MiB allocated {encryptSmall} bytes, 64 MiB {encryptLarge}");
        Assert.True(decryptLarge - decryptSmall < 256 * 1024, $"decrypt: 4 MiB allocated {decryptSmall} bytes, 64 MiB {decryptLarge}");
    }

    private static async Task<byte[]> EncryptToArrayAsync(VaultKey key, long length)
    {
        using var output = new MemoryStream();
        await VaultWriter.EncryptAsync(new GeneratedStream(length, seed: 3), output, key, SegmentSize);
        return output.ToArray();
    }

    private static async Task<long> EncryptedBytesAsync(VaultKey key, long length)
    {
        using var input = new GeneratedStream(length, seed: 3);
        using var sink = new HashingStream();
        long before = GC.GetAllocatedBytesForCurrentThread();
        await VaultWriter.EncryptAsync(input, sink, key, SegmentSize);
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static async Task<long> DecryptedBytesAsync(VaultKey key, byte[] file)
    {
        using var input = new MemoryStream(file, writable: false);
        using var sink = new HashingStream();
        long before = GC.GetAllocatedBytesForCurrentThread();
        await VaultReader.DecryptAsync(input, sink, key);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(file.Length - VaultFormat.HeaderLengthBytes(key.Algorithm) - (VaultFormat.SegmentCount(sink.WrittenBytes, SegmentSize) * VaultFormat.TagLengthBytes), sink.WrittenBytes);
        return allocated;
    }

    private static byte[] DigestOf(Stream stream)
    {
        using (stream)
        {
            return SHA256.HashData(stream);
        }
    }
}
