using System.Reflection;
using EvidenceChain.Cases;

namespace EvidenceChain.Core.Tests.Architecture;

/// <summary>
/// Keeps the case engines' rules pure, as Core and Ledger (STYLE.md): they reference Core and
/// Ledger and the base library only, and do no I/O, clock, randomness, logging or async, read from
/// what the compiled assembly actually references.
/// </summary>
public class CasesPurityTests
{
    private static readonly Assembly s_cases = typeof(CaseId).Assembly;

    // Unlike Core and Ledger, it references our pure assemblies: their types are its vocabulary.
    private static readonly string[] s_allowedAssemblies =
        ["System.Runtime", "System.Collections", "System.Linq", "System.Memory", "System.Text.Encoding.Extensions", "EvidenceChain.Core", "EvidenceChain.Ledger"];

    [Fact]
    public void CasesAssembly_ReferencesOnlyAllowedAssemblies()
    {
        string[] referenced = s_cases.GetReferencedAssemblies().Select(a => a.Name!).ToArray();

        Assert.Empty(referenced.Except(s_allowedAssemblies));
        Assert.Contains("EvidenceChain.Ledger", referenced);
    }

    [Fact]
    public void CasesAssembly_UsesNoIoClockRandomnessOrLogging()
    {
        CompiledReferences references = CompiledReferences.Of(s_cases);

        Assert.Contains("EvidenceChain.Core.Hashing.Sm3", references.TypeNames);
        string[] forbidden = [.. CorePurityTests.s_forbiddenTypePrefixes.Where(p => p != "EvidenceChain.")];
        Assert.DoesNotContain(references.TypeNames, name => forbidden.Any(p => name.StartsWith(p, StringComparison.Ordinal)));
        Assert.Empty(references.MemberNames.Intersect(CorePurityTests.s_forbiddenMembers));
    }

    [Fact]
    public void CasesAssembly_HasNoAsyncMethods()
    {
        CompiledReferences references = CompiledReferences.Of(s_cases);

        Assert.NotEqual(0, references.MethodCount);
        Assert.Empty(references.AsyncMethods);
    }
}
