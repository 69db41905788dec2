namespace EvidenceChain.Core.Anchors;

/// <summary>One decoded RLP item: a byte string, or a list whose payload is its items' encodings back to back.</summary>
internal readonly ref struct RlpItem
{
    public RlpItem(bool isList, ReadOnlySpan<byte> payload, ReadOnlySpan<byte> encoded)
    {
        IsList = isList;
        Payload = payload;
        Encoded = encoded;
    }

    public bool IsList { get; }

    /// <summary>The string's bytes, or the list's items still encoded.</summary>
    public ReadOnlySpan<byte> Payload { get; }

    /// <summary>The whole item, prefix included (what a trie node reference hashes or embeds).</summary>
    public ReadOnlySpan<byte> Encoded { get; }
}
