using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Merkle;

namespace EvidenceChain.Hashing.OpenSsl;

/// <summary>
/// RFC 9162 SHA-256 tree hashing at the speed of the CPU's SHA-256 block function: the message (prefix, leaf or
/// children) is padded here, on the stack, and its blocks go straight to OpenSSL's <c>SHA256_Transform</c>, so a
/// 65-byte node costs two block calls and no context setup, lookup or allocation. Holds no state between calls, so
/// one instance may serve many threads. The managed <see cref="Sha256MerkleHasher"/> gives the same bytes (the RFC
/// vectors and a property test hold both to it) and stays the verifiers' hasher.
/// </summary>
[SkipLocalsInit]
public sealed unsafe class OpenSslSha256MerkleHasher : MerkleHasher
{
    private const int BlockSizeBytes = 64;

    /// <summary>Leaves up to this padded length are hashed from the stack; log leaves are at most 1,024 bytes.</summary>
    private const int StackMessageMaxBytes = 2048;

    private const int NodeMessageBytes = 1 + (2 * Digest.SizeInBytes);

    private static readonly Digest s_emptyRoot = Digest.Read(SHA256.HashData(ReadOnlySpan<byte>.Empty));

    private OpenSslSha256MerkleHasher()
    {
    }

    /// <summary>Whether OpenSSL 3's libcrypto is there to call (Linux with libssl3).</summary>
    public static bool IsSupported { get; } = LibCrypto.IsAvailable();

    public override TreeHash Algorithm => TreeHash.Sha256;

    public override Digest EmptyRoot => s_emptyRoot;

    /// <summary>This hasher where OpenSSL 3 is available, else Core's managed one: the same bytes either way.</summary>
    public static MerkleHasher CreateOrManaged() => IsSupported ? new OpenSslSha256MerkleHasher() : Create(TreeHash.Sha256);

    /// <summary>The fastest hasher for <paramref name="algorithm"/>: this one for SHA-256 where it is supported, Core's otherwise.</summary>
    public static MerkleHasher FastestFor(TreeHash algorithm) => algorithm == TreeHash.Sha256 ? CreateOrManaged() : Create(algorithm);

    public override void HashLeaf(ReadOnlySpan<byte> leaf, Span<byte> destination)
    {
        CheckDestination(destination);
        int messageLength = 1 + leaf.Length;
        int paddedLength = PaddedLength(messageLength);
        if (paddedLength > StackMessageMaxBytes)
        {
            HashLargeLeaf(leaf, destination);
            return;
        }

        Span<byte> message = stackalloc byte[paddedLength];
        message[0] = LeafPrefix;
        leaf.CopyTo(message[1..]);
        Pad(message, messageLength);
        Compress(message, destination);
    }

    public override void HashChildren(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right, Span<byte> destination)
    {
        CheckChildren(left, right, destination);
        Span<byte> message = stackalloc byte[2 * BlockSizeBytes];
        message[0] = NodePrefix;
        left.CopyTo(message[1..]);
        right.CopyTo(message[(1 + Digest.SizeInBytes)..]);
        Pad(message, NodeMessageBytes);
        Compress(message, destination);
    }

    /// <summary>The length of a message of <paramref name="messageLength"/> bytes once padded: 0x80, zeros, the 64-bit bit length (FIPS 180-4 §5.1.1).</summary>
    private static int PaddedLength(int messageLength) => (messageLength + 1 + sizeof(ulong) + BlockSizeBytes - 1) / BlockSizeBytes * BlockSizeBytes;

    private static void Pad(Span<byte> padded, int messageLength)
    {
        padded[messageLength] = 0x80;
        padded[(messageLength + 1)..^sizeof(ulong)].Clear();
        BinaryPrimitives.WriteUInt64BigEndian(padded[^sizeof(ulong)..], (ulong)messageLength * 8);
    }

    /// <summary>Runs the block function over the padded blocks from the initial hash value and writes the state big-endian.</summary>
    private static void Compress(ReadOnlySpan<byte> blocks, Span<byte> destination)
    {
        byte* context = stackalloc byte[LibCrypto.ContextSizeBytes];
        uint* state = (uint*)context;
        state[0] = 0x6a09e667;
        state[1] = 0xbb67ae85;
        state[2] = 0x3c6ef372;
        state[3] = 0xa54ff53a;
        state[4] = 0x510e527f;
        state[5] = 0x9b05688c;
        state[6] = 0x1f83d9ab;
        state[7] = 0x5be0cd19;
        fixed (byte* first = blocks)
        {
            for (int at = 0; at < blocks.Length; at += BlockSizeBytes)
            {
                LibCrypto.Sha256Transform(context, first + at);
            }
        }

        for (int i = 0; i < 8; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(destination[(4 * i)..], state[i]);
        }
    }

    /// <summary>Records longer than any log leaf, hashed through .NET's one-shot API (a copy on the heap, rare by construction).</summary>
    private static void HashLargeLeaf(ReadOnlySpan<byte> leaf, Span<byte> destination)
    {
        byte[] message = new byte[1 + leaf.Length];
        message[0] = LeafPrefix;
        leaf.CopyTo(message.AsSpan(1));
        SHA256.HashData(message, destination);
    }
}
