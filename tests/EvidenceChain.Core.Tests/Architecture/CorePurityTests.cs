using System.Reflection;
using EvidenceChain.Core.Hashing;

namespace EvidenceChain.Core.Tests.Architecture;

/// <summary>
/// Keeps the core pure (STYLE.md: no files, sockets, clock, randomness, logging or async) and the
/// dependency direction intact, by reading what the compiled assembly actually references. Of our own
/// projects it may reference Timestamping alone, which is as pure (TimestampingArchitectureTests).
/// </summary>
public class CorePurityTests
{
    private static readonly Assembly s_core = typeof(Digest).Assembly;

    private static readonly string[] s_allowedAssemblies =
    [
        "System.Runtime", "System.Collections", "System.Linq", "System.Memory", "System.Text.Json",
        "System.Security.Cryptography", "System.Runtime.InteropServices", "System.Text.Encoding.Extensions",
        "System.Runtime.Intrinsics", "System.Numerics.Vectors", "System.Text.Encodings.Web", "NSec.Cryptography", "BouncyCastle.Cryptography",
        "EvidenceChain.Timestamping",
    ];

    private const string TimestampingNamespace = "EvidenceChain.Timestamping.";

    // Namespaces or types whose use means I/O, time, randomness, logging or concurrency (also used by LedgerPurityTests).
    internal static readonly string[] s_forbiddenTypePrefixes =
    [
        "System.IO.File", "System.IO.Directory", "System.IO.FileStream", "System.IO.Path", "System.IO.Stream",
        "System.Net.", "System.Console", "System.Diagnostics.Process", "System.Threading.Tasks.",
        "System.Threading.Thread", "System.Threading.Timer", "System.Random", "System.Environment",
        "System.TimeProvider", "System.Diagnostics.Stopwatch", "Microsoft.Extensions.",
        "System.Security.Cryptography.RandomNumberGenerator", "EvidenceChain.",
    ];

    internal static readonly string[] s_forbiddenMembers = ["get_Now", "get_UtcNow", "get_Today", "GetSecureRandom"];

    [Fact]
    public void CoreAssembly_ReferencesOnlyAllowedAssemblies()
    {
        string[] referenced = s_core.GetReferencedAssemblies().Select(a => a.Name!).ToArray();

        Assert.Empty(referenced.Except(s_allowedAssemblies));
        Assert.Contains("NSec.Cryptography", referenced);
        Assert.Contains("BouncyCastle.Cryptography", referenced);
    }

    [Fact]
    public void CoreAssembly_UsesNoIoClockRandomnessOrLogging()
    {
        CompiledReferences references = CompiledReferences.Of(s_core);

        Assert.Contains("System.Security.Cryptography.IncrementalHash", references.TypeNames);
        Assert.DoesNotContain(references.TypeNames, name => !name.StartsWith(TimestampingNamespace, StringComparison.Ordinal)
            && s_forbiddenTypePrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal)));
        Assert.Empty(references.MemberNames.Intersect(s_forbiddenMembers));
    }

    [Fact]
    public void CoreAssembly_HasNoAsyncMethods()
    {
        CompiledReferences references = CompiledReferences.Of(s_core);

        Assert.NotEqual(0, references.MethodCount);
        Assert.Empty(references.AsyncMethods);
    }
}
