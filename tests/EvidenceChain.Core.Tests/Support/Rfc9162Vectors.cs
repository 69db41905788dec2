using System.Text.Json;

namespace EvidenceChain.Core.Tests.Support;

/// <summary>Reads tests/vectors/rfc9162-vectors.json (provenance in tests/vectors/README.md).</summary>
internal static class Rfc9162Vectors
{
    private static readonly Lazy<JsonDocument> s_document = new(() => JsonDocument.Parse(File.ReadAllText(RepoPaths.Vector("rfc9162-vectors.json"))));

    public static JsonElement Root => s_document.Value.RootElement;

    public static JsonElement Tree => Root.GetProperty("rfc6962_8leaf");

    public static IEnumerable<JsonElement> Items(string section, string kind) =>
        Root.GetProperty(section).GetProperty(kind).EnumerateArray();

    public static JsonElement Item(string section, string kind, string id) =>
        Items(section, kind).Single(e => e.GetProperty("id").GetString() == id);

    public static TheoryData<string> Ids(string section, string kind)
    {
        var data = new TheoryData<string>();
        foreach (JsonElement e in Items(section, kind))
        {
            data.Add(e.GetProperty("id").GetString()!);
        }

        return data;
    }

    public static byte[][] LeafInputs() =>
        Tree.GetProperty("leaf_inputs_hex").EnumerateArray().Select(e => Convert.FromHexString(e.GetString()!)).ToArray();

    public static string[] Strings(JsonElement e, string name) =>
        e.GetProperty(name).EnumerateArray().Select(x => x.GetString()!).ToArray();
}
