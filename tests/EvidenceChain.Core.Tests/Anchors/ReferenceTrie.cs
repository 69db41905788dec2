using EvidenceChain.Core.Anchors;
using EvidenceChain.Core.Hashing;

namespace EvidenceChain.Core.Tests.Anchors;

/// <summary>
/// A naive Merkle-Patricia trie written straight from the yellow paper (appendix D): the node of a
/// set of keys at nibble i is a leaf for one key, an extension over the longest prefix all keys
/// share, or else a branch; a child whose encoding is shorter than 32 bytes is embedded, any other
/// is referenced by its Keccak-256. It rebuilds the whole trie for every question, which is slow
/// and obviously right. A proof lists the hashed nodes on the key's path, root first, as
/// eth_getProof does.
/// </summary>
internal sealed class ReferenceTrie
{
    private readonly (byte[] Nibbles, byte[] Value)[] _items;

    public ReferenceTrie(IEnumerable<(byte[] Key, byte[] Value)> pairs)
    {
        _items = pairs.Select(p => (Nibbles(p.Key), p.Value)).ToArray();
        Assert.Equal(_items.Length, _items.Select(i => Convert.ToHexString(i.Nibbles)).Distinct().Count());
        Assert.DoesNotContain(_items, i => i.Value.Length == 0);
    }

    public Digest Root => Keccak256.HashData(Compose(_items, 0, null, []));

    public byte[] RootNode => Compose(_items, 0, null, []);

    /// <summary>The proof for <paramref name="key"/> (of its value, or of its absence).</summary>
    public List<byte[]> Proof(byte[] key)
    {
        var deepestFirst = new List<byte[]>();
        byte[] root = Compose(_items, 0, Nibbles(key), deepestFirst);
        deepestFirst.Add(root);
        deepestFirst.Reverse();
        return deepestFirst;
    }

    public static byte[] Nibbles(byte[] key) => key.SelectMany(b => new[] { (byte)(b >> 4), (byte)(b & 0x0f) }).ToArray();

    /// <summary>Hex-prefix encoding (appendix C).</summary>
    public static byte[] HexPrefix(ReadOnlySpan<byte> nibbles, bool isLeaf)
    {
        int flags = (isLeaf ? 2 : 0) + (nibbles.Length % 2);
        var bytes = new List<byte>();
        int start = 0;
        if (nibbles.Length % 2 == 1)
        {
            bytes.Add((byte)((flags << 4) | nibbles[0]));
            start = 1;
        }
        else
        {
            bytes.Add((byte)(flags << 4));
        }

        for (int i = start; i < nibbles.Length; i += 2)
        {
            bytes.Add((byte)((nibbles[i] << 4) | nibbles[i + 1]));
        }

        return [.. bytes];
    }

    // c(J, i). Nodes on the target's path that are hashed are added to proof, deepest first; the
    // caller adds the root.
    private static byte[] Compose((byte[] Nibbles, byte[] Value)[] items, int i, byte[]? target, List<byte[]> proof)
    {
        if (items.Length == 0)
        {
            return RlpWriter.String([]);
        }

        if (items.Length == 1)
        {
            return RlpWriter.List(RlpWriter.String(HexPrefix(items[0].Nibbles.AsSpan(i), true)), RlpWriter.String(items[0].Value));
        }

        int shared = SharedPrefixLength(items, i);
        if (shared > 0)
        {
            byte[]? next = target is not null && target.Length >= i + shared && target.AsSpan(i, shared).SequenceEqual(items[0].Nibbles.AsSpan(i, shared)) ? target : null;
            byte[] inner = Reference(items, i + shared, next, proof);
            return RlpWriter.List(RlpWriter.String(HexPrefix(items[0].Nibbles.AsSpan(i, shared), false)), inner);
        }

        var children = new List<byte[]>();
        for (int k = 0; k < 16; k++)
        {
            var subset = items.Where(x => x.Nibbles.Length > i && x.Nibbles[i] == k).ToArray();
            byte[]? next = target is not null && target.Length > i && target[i] == k ? target : null;
            children.Add(Reference(subset, i + 1, next, proof));
        }

        byte[] value = items.FirstOrDefault(x => x.Nibbles.Length == i).Value ?? [];
        children.Add(RlpWriter.String(value));
        return RlpWriter.List(children);
    }

    // n(J, i): the empty string for no keys, the node itself when shorter than 32 bytes, else its hash.
    private static byte[] Reference((byte[] Nibbles, byte[] Value)[] items, int i, byte[]? target, List<byte[]> proof)
    {
        if (items.Length == 0)
        {
            return RlpWriter.String([]);
        }

        byte[] node = Compose(items, i, target, proof);
        if (node.Length < 32)
        {
            return node;
        }

        if (target is not null)
        {
            proof.Add(node);
        }

        return RlpWriter.String(Keccak256.HashData(node).ToArray());
    }

    private static int SharedPrefixLength((byte[] Nibbles, byte[] Value)[] items, int i)
    {
        int length = 0;
        while (items.All(x => x.Nibbles.Length > i + length && x.Nibbles[i + length] == items[0].Nibbles[i + length]))
        {
            length++;
        }

        return length;
    }
}
