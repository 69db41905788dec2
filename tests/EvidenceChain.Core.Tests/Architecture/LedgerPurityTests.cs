using System.Reflection;
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
        CompiledReferences references = CompiledReferences.Of(s_ledger);

        // The reader sees the ledger's references: it relies on Int128 for overflow-free sums.
        Assert.Contains("System.Int128", references.TypeNames);
        Assert.DoesNotContain(references.TypeNames, name => s_forbiddenTypePrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal)));
        Assert.Empty(references.MemberNames.Intersect(CorePurityTests.s_forbiddenMembers));
    }

    [Fact]
    public void LedgerAssembly_HasNoAsyncMethods()
    {
        CompiledReferences references = CompiledReferences.Of(s_ledger);

        Assert.NotEqual(0, references.MethodCount);
        Assert.Empty(references.AsyncMethods);
    }
}
