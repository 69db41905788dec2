using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using EvidenceChain.Storage.LiteDb;

namespace EvidenceChain.Storage.LiteDb.Tests;

/// <summary>
/// LiteDB compiles each distinct query text once and caches it for good, and its <c>Query.EQ</c>, <c>Query.GTE</c>
/// and kin write the value into the text. A store that used them paid a compilation (the JIT, about a millisecond) on
/// every lookup of a new value and grew that cache without bound: receipts did, through the timestamp lookup, until a
/// profile showed a quarter of the service's time in the JIT. Read from the compiled store: of <c>LiteDB.Query</c> it
/// may call only <c>All</c>, whose text is fixed; values go in as parameters (<c>BsonExpression.Create(text, args)</c>).
/// </summary>
public sealed class ParameterizedQueryTests
{
    [Fact]
    public void Store_CallsNoQueryHelperThatWritesValuesIntoTheText()
    {
        using FileStream stream = File.OpenRead(typeof(LiteDbLogStore).Assembly.Location);
        using var pe = new PEReader(stream);
        MetadataReader metadata = pe.GetMetadataReader();
        string[] queryMembers = [.. metadata.MemberReferences
            .Select(metadata.GetMemberReference)
            .Where(member => member.Parent.Kind == HandleKind.TypeReference && IsLiteDbQuery(metadata, (TypeReferenceHandle)member.Parent))
            .Select(member => metadata.GetString(member.Name))
            .Distinct()];

        Assert.Contains("All", queryMembers);
        Assert.Equal(["All"], queryMembers);
    }

    private static bool IsLiteDbQuery(MetadataReader metadata, TypeReferenceHandle handle)
    {
        TypeReference type = metadata.GetTypeReference(handle);
        return metadata.GetString(type.Namespace) == "LiteDB" && metadata.GetString(type.Name) == "Query";
    }
}
