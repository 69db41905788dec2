using System.Text.Json;
using EvidenceChain.Core.Anchors;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Tests.Support;

namespace EvidenceChain.Core.Tests.Anchors;

/// <summary>
/// An anchor proof captured from a real anvil block (fixtures/README.md says how), so the
/// verifier is checked against a chain's own encoding without a node.
/// </summary>
internal sealed record AnchorFixture(EvmAnchorEvidence Evidence, ulong BlockNumber, ulong BlockTimestampSeconds, int ReceiptCount)
{
    public static string Folder { get; } = Path.Combine(RepoPaths.Root, "tests", "EvidenceChain.Core.Tests", "Anchors", "fixtures");

    public static AnchorFixture Load(string fileName)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, fileName)));
        JsonElement root = document.RootElement;
        byte[] Bytes(string name) => Hex(root.GetProperty(name).GetString()!);
        var evidence = new EvmAnchorEvidence(
            Digest.Read(Bytes("blockHash")),
            Bytes("headerRlp"),
            root.GetProperty("transactionIndex").GetUInt64(),
            root.GetProperty("proofNodes").EnumerateArray().Select(n => Hex(n.GetString()!)).ToList(),
            Bytes("contractAddress"),
            Digest.Read(Bytes("logId")),
            root.GetProperty("treeSize").GetUInt64(),
            Digest.Read(Bytes("root")));
        return new AnchorFixture(evidence, root.GetProperty("blockNumber").GetUInt64(), root.GetProperty("blockTimestampSeconds").GetUInt64(), root.GetProperty("receiptCount").GetInt32());
    }

    private static byte[] Hex(string text)
    {
        Assert.StartsWith("0x", text);
        return Convert.FromHexString(text.AsSpan(2));
    }
}
