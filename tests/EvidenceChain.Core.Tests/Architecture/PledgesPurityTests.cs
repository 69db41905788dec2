using System.Reflection;
using EvidenceChain.Pledges;

namespace EvidenceChain.Core.Tests.Architecture;

/// <summary>
/// Keeps the pledge registry's rules pure, as Core, Ledger and the case engines (STYLE.md): they
/// reference Core and the base library only, and do no I/O, clock, randomness, logging or async,
/// read from what the compiled assembly actually references.
/// </summary>
public class PledgesPurityTests
{
    private static readonly Assembly s_pledges = typeof(PledgeRules).Assembly;

    // Core is its vocabulary (digests, party commitments, party keys); nothing else of ours.
    private static readonly string[] s_allowedAssemblies =
        ["System.Runtime", "System.Collections", "System.Collections.Immutable", "System.Linq", "System.Memory", "System.Text.Encoding.Extensions", "EvidenceChain.Core"];

    [Fact]
    public void PledgesAssembly_ReferencesOnlyAllowedAssemblies()
    {
        string[] referenced = s_pledges.GetReferencedAssemblies().Select(a => a.Name!).ToArray();

        Assert.Empty(referenced.Except(s_allowedAssemblies));
        Assert.Contains("EvidenceChain.Core", referenced);
    }

    [Fact]
    public void PledgesAssembly_UsesNoIoClockRandomnessOrLogging()
    {
        CompiledReferences references = CompiledReferences.Of(s_pledges);

        Assert.Contains("EvidenceChain.Core.Access.PartyKey", references.TypeNames);
        string[] forbidden = [.. CorePurityTests.s_forbiddenTypePrefixes.Where(p => p != "EvidenceChain.")];
        Assert.DoesNotContain(references.TypeNames, name => forbidden.Any(p => name.StartsWith(p, StringComparison.Ordinal)));
        Assert.Empty(references.MemberNames.Intersect(CorePurityTests.s_forbiddenMembers));
    }

    [Fact]
    public void PledgesAssembly_HasNoAsyncMethods()
    {
        CompiledReferences references = CompiledReferences.Of(s_pledges);

        Assert.NotEqual(0, references.MethodCount);
        Assert.Empty(references.AsyncMethods);
    }
}
