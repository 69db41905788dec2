using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using EvidenceChain.Ledger.Escrow;

namespace EvidenceChain.Core.Tests.Architecture;

/// <summary>
/// Keeps the ledger core pure, as Core (STYLE.md: Ledger references no project of ours and no
/// package, and does no I/O, clock, randomness, logging or async), by reading what the compiled
/// assembly actually references. Its allow-list is shorter than Core's: no cryptography, no JSON.
/// </summary>
public class LedgerPurityTests
{
    private static readonly Assembly s_ledger = typeof(EscrowLedger).Assembly;

    private static readonly string[] s_allowedAssemblies = ["System.Runtime", "System.Collections", "System.Linq", "System.Memory"];

    // Beyond Core's list: the ledger has no reason to touch cryptography (randomness lives there).
    private static readonly string[] s_forbiddenTypePrefixes =
        [.. CorePurityTests.s_forbiddenTypePrefixes, "System.Security.Cryptography.", "System.Threading.Interlocked", "System.Threading.Monitor"];

    [Fact]
    public void LedgerAssembly_ReferencesOnlyAllowedAssemblies()
    {
        string[] referenced = s_ledger.GetReferencedAssemblies().Select(a => a.Name!).ToArray();

        Assert.Empty(referenced.Except(s_allowedAssemblies));
        Assert.Contains("System.Runtime", referenced);
    }

    [Fact]
    public void LedgerAssembly_UsesNoIoClockRandomnessOrLogging()
    {
        using var stream = File.OpenRead(s_ledger.Location);
        using var pe = new PEReader(stream);
        MetadataReader metadata = pe.GetMetadataReader();

        var typeNames = metadata.TypeReferences
            .Select(handle => metadata.GetTypeReference(handle))
            .Select(t => metadata.GetString(t.Namespace) + "." + metadata.GetString(t.Name))
            .ToList();
        var memberNames = metadata.MemberReferences
            .Select(handle => metadata.GetString(metadata.GetMemberReference(handle).Name))
            .ToList();

        // The reader sees the ledger's references: it relies on Int128 for overflow-free sums.
        Assert.Contains("System.Int128", typeNames);
        Assert.DoesNotContain(typeNames, name => s_forbiddenTypePrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal)));
        Assert.Empty(memberNames.Intersect(CorePurityTests.s_forbiddenMembers));
    }

    [Fact]
    public void LedgerAssembly_HasNoAsyncMethods()
    {
        var methods = s_ledger.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .ToList();

        Assert.NotEmpty(methods);
        Assert.DoesNotContain(methods, m => m.GetCustomAttribute<System.Runtime.CompilerServices.AsyncStateMachineAttribute>() is not null);
    }
}
