using System.Buffers.Binary;
using Nethereum.Merkle.Patricia;
using Nethereum.RLP;

namespace EvidenceChain.Chain.Ethereum.Proofs;

/// <summary>
/// A block's receipts trie (yellow paper §4.3.2: key RLP(index), value the encoded receipt), built
/// with Nethereum's Patricia trie, an implementation independent of Core's verifier. A proof is the
/// path of nodes from the root to a key, root first, leaving out the nodes shorter than 32 bytes
/// because their parents embed them, as eth_getProof does.
/// </summary>
internal sealed class ReceiptsTrie
{
    private const int HashReferenceLength = 32;

    private readonly PatriciaTrie _trie = new();

    public ReceiptsTrie(IReadOnlyList<byte[]> receipts)
    {
        var storage = new InMemoryTrieStorage();
        for (int i = 0; i < receipts.Count; i++)
        {
            _trie.Put(Key((ulong)i), receipts[i], storage);
        }
    }

    public byte[] RootHash => _trie.Root.GetHash();

    /// <summary>RLP of the index as an integer: big-endian without leading zeros, so index 0 is the empty string (0x80).</summary>
    public static byte[] Key(ulong index)
    {
        byte[] bigEndian = new byte[sizeof(ulong)];
        BinaryPrimitives.WriteUInt64BigEndian(bigEndian, index);
        return RLP.EncodeElement([.. bigEndian.SkipWhile(b => b == 0)]);
    }

    public List<byte[]> Proof(ulong index)
    {
        byte[] nibbles = Key(index).ConvertToNibbles();
        int position = 0;
        Node node = _trie.Root;
        var proof = new List<byte[]> { node.GetRLPEncodedData() };
        while (true)
        {
            Node? child;
            switch (node)
            {
                case LeafNode leaf when leaf.Nibbles.AsSpan().SequenceEqual(nibbles.AsSpan(position)):
                    return proof;
                case BranchNode branch when position < nibbles.Length:
                    child = branch.Children[nibbles[position]];
                    position++;
                    break;
                case ExtendedNode extension when nibbles.AsSpan(position).StartsWith(extension.Nibbles):
                    child = extension.InnerNode;
                    position += extension.Nibbles.Length;
                    break;
                default:
                    throw new InvalidOperationException($"Receipt {index} is not in the trie where its key leads ({node.GetType().Name} at nibble {position}).");
            }

            node = child ?? throw new InvalidOperationException($"Receipt {index} is not in the trie: no child at nibble {position - 1}.");
            byte[] encoded = node.GetRLPEncodedData();
            if (encoded.Length >= HashReferenceLength)
            {
                proof.Add(encoded);
            }
        }
    }
}
