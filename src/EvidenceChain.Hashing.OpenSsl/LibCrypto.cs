using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace EvidenceChain.Hashing.OpenSsl;

/// <summary>
/// OpenSSL 3's low-level SHA-256 entry points in libcrypto.so.3, the library .NET itself uses on Linux. They are
/// deprecated for applications but exported and stable across 3.x, and <c>SHA256_Transform</c> is the one call that
/// runs the block function (SHA-NI where present) without EVP's per-call dispatch. The calls are short, never block
/// and never call back, so they skip the GC transition.
/// </summary>
internal static unsafe partial class LibCrypto
{
    private const string Library = "libcrypto.so.3";

    /// <summary>Sizeof(SHA256_CTX) in OpenSSL 3: h[8], Nl, Nh, data[16], num, md_len, all 32-bit.</summary>
    public const int ContextSizeBytes = 112;

    /// <summary>One 64-byte block into the state <c>h</c> at the start of the context; no padding, no length.</summary>
    [LibraryImport(Library, EntryPoint = "SHA256_Transform")]
    [SuppressGCTransition]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial void Sha256Transform(byte* context, byte* block);

    /// <summary>One block into <paramref name="context"/> (at least <see cref="ContextSizeBytes"/>): the bare cost of a compression, for the benchmarks' bound.</summary>
    public static void Transform(Span<byte> context, ReadOnlySpan<byte> block)
    {
        if (context.Length < ContextSizeBytes || block.Length < 64)
        {
            throw new ArgumentException("A SHA-256 context and a 64-byte block are needed.");
        }

        fixed (byte* state = context)
        fixed (byte* data = block)
        {
            Sha256Transform(state, data);
        }
    }

    /// <summary>Whether libcrypto.so.3 can be loaded here (Linux with OpenSSL 3).</summary>
    public static bool IsAvailable()
    {
        if (!NativeLibrary.TryLoad(Library, typeof(LibCrypto).Assembly, null, out nint handle))
        {
            return false;
        }

        return NativeLibrary.TryGetExport(handle, "SHA256_Transform", out _);
    }
}
