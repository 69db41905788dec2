using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace EvidenceChain.Core.Tests.Architecture;

/// <summary>What a compiled assembly actually refers to, read from its metadata (for the purity tests of Core and Ledger).</summary>
internal sealed record CompiledReferences(IReadOnlyList<string> TypeNames, IReadOnlyList<string> MemberNames, IReadOnlyList<MethodInfo> AsyncMethods, int MethodCount)
{
    public static CompiledReferences Of(Assembly assembly)
    {
        using FileStream stream = File.OpenRead(assembly.Location);
        using var pe = new PEReader(stream);
        MetadataReader metadata = pe.GetMetadataReader();
        var methods = assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .ToList();
        return new CompiledReferences(
            [.. metadata.TypeReferences.Select(metadata.GetTypeReference).Select(t => metadata.GetString(t.Namespace) + "." + metadata.GetString(t.Name))],
            [.. metadata.MemberReferences.Select(handle => metadata.GetString(metadata.GetMemberReference(handle).Name))],
            [.. methods.Where(m => m.GetCustomAttribute<System.Runtime.CompilerServices.AsyncStateMachineAttribute>() is not null)],
            methods.Count);
    }
}
