using EvidenceChain.Core.Hashing;

namespace EvidenceChain.Core.Anchors;

/// <summary>
/// Verifies a Merkle-Patricia trie proof (Ethereum yellow paper, appendix D; the node lists of
/// eth_getProof and of receipt proofs): the nodes on the path from the root to a key, root first.
/// A node is a branch (17 items: 16 children and a value), an extension or a leaf (2 items: a
/// hex-prefix path and a child or a value). A child whose encoding is shorter than 32 bytes is
/// embedded in its parent; every other child is referenced by its Keccak-256 hash and must be the
/// next proof node. The walk is strict: each node must hash to its reference, be canonical RLP of
/// a known shape, and the proof must end exactly at the value.
/// </summary>
internal static class MerklePatriciaProof
{
    private const int BranchItemCount = 17;
    private const int ShortNodeItemCount = 2;
    private const int HashReferenceLength = 32;

    /// <summary>
    /// Walks <paramref name="proofNodes"/> from <paramref name="root"/> along <paramref name="key"/>;
    /// on success <paramref name="value"/> is the value stored under the key (a slice of a node).
    /// </summary>
    public static EvmAnchorVerdict Verify(in Digest root, ReadOnlySpan<byte> key, IReadOnlyList<byte[]> proofNodes, out ReadOnlySpan<byte> value)
    {
        value = default;
        int keyNibbleCount = key.Length * 2;
        int position = 0;
        int nodeIndex = 0;
        Digest reference = root;
        RlpItem embedded = default;
        bool isEmbedded = false;
        while (true)
        {
            RlpItem node;
            string error;
            if (isEmbedded)
            {
                node = embedded;
            }
            else
            {
                if (nodeIndex == proofNodes.Count)
                {
                    return EvmAnchorVerdict.Fail(EvmAnchorFailure.ProofIncomplete, $"the proof ends after {nodeIndex} nodes, at nibble {position} of {keyNibbleCount}, where a node with hash {reference.ToHex()} is needed");
                }

                byte[] bytes = proofNodes[nodeIndex];
                Digest hash = Keccak256.HashData(bytes);
                if (hash != reference)
                {
                    return nodeIndex == 0
                        ? EvmAnchorVerdict.Fail(EvmAnchorFailure.ProofRootMismatch, $"the first proof node hashes to {hash.ToHex()} but the trie root is {reference.ToHex()}")
                        : EvmAnchorVerdict.Fail(EvmAnchorFailure.ProofNodeHashMismatch, $"proof node {nodeIndex} hashes to {hash.ToHex()} but its parent references {reference.ToHex()}");
                }

                if (nodeIndex > 0 && bytes.Length < HashReferenceLength)
                {
                    return Malformed(nodeIndex, $"it is {bytes.Length} bytes long; a node shorter than 32 bytes is embedded in its parent, never referenced by hash");
                }

                if (!Rlp.TryDecode(bytes, out node, out error))
                {
                    return Malformed(nodeIndex, error);
                }

                nodeIndex++;
            }

            // An embedded node is reported as part of the proof node that holds it.
            int at = nodeIndex - 1;
            if (!node.IsList)
            {
                // The empty trie's root is the hash of the empty string (yellow paper appendix D).
                return at == 0 && !isEmbedded && node.Payload.IsEmpty
                    ? NotInTrie(0, "the trie is empty")
                    : Malformed(at, "a node must be a list, not a string");
            }

            if (!Rlp.TryCountItems(node, out int itemCount, out error))
            {
                return Malformed(at, error);
            }

            RlpItem child;
            if (itemCount == BranchItemCount)
            {
                if (position == keyNibbleCount)
                {
                    RlpItem branchValue = Rlp.ItemAt(node, BranchItemCount - 1);
                    if (branchValue.IsList)
                    {
                        return Malformed(at, "a branch value is a list");
                    }

                    if (branchValue.Payload.IsEmpty)
                    {
                        return NotInTrie(keyNibbleCount, "the branch at the key's end holds no value");
                    }

                    value = branchValue.Payload;
                    return Finish(nodeIndex, proofNodes.Count);
                }

                int nibble = NibbleAt(key, position);
                child = Rlp.ItemAt(node, nibble);
                position++;
                if (!child.IsList && child.Payload.IsEmpty)
                {
                    return NotInTrie(position - 1, $"the branch has no child at nibble {nibble:x}");
                }
            }
            else if (itemCount == ShortNodeItemCount)
            {
                RlpItem path = Rlp.ItemAt(node, 0);
                if (!TryDecodeHexPrefix(path, out bool isLeaf, out int pathStart, out int pathNibbleCount, out error))
                {
                    return Malformed(at, error);
                }

                int remaining = keyNibbleCount - position;
                int shared = 0;
                while (shared < pathNibbleCount && shared < remaining && NibbleAt(path.Payload, pathStart + shared) == NibbleAt(key, position + shared))
                {
                    shared++;
                }

                RlpItem second = Rlp.ItemAt(node, 1);
                if (isLeaf)
                {
                    if (shared != pathNibbleCount || shared != remaining)
                    {
                        return NotInTrie(position + shared, $"the leaf's path ({pathNibbleCount} nibbles) is not the rest of the key ({remaining} nibbles)");
                    }

                    if (second.IsList)
                    {
                        return Malformed(at, "a leaf value is a list");
                    }

                    value = second.Payload;
                    return Finish(nodeIndex, proofNodes.Count);
                }

                if (pathNibbleCount == 0)
                {
                    return Malformed(at, "an extension has an empty path");
                }

                if (shared != pathNibbleCount)
                {
                    return NotInTrie(position + shared, $"the key leaves the extension's {pathNibbleCount}-nibble path after {shared} nibbles");
                }

                position += pathNibbleCount;
                child = second;
                if (!child.IsList && child.Payload.IsEmpty)
                {
                    return Malformed(at, "an extension has no child");
                }
            }
            else
            {
                return Malformed(at, $"a node has {itemCount} items; a branch has 17, an extension or leaf 2");
            }

            if (!child.IsList && child.Payload.Length == HashReferenceLength)
            {
                reference = Digest.Read(child.Payload);
                isEmbedded = false;
            }
            else if (child.IsList && child.Encoded.Length < HashReferenceLength)
            {
                embedded = child;
                isEmbedded = true;
            }
            else
            {
                return Malformed(at, $"a child reference of {child.Encoded.Length} bytes is neither a 32-byte hash nor a node shorter than 32 bytes");
            }
        }
    }

    // Hex-prefix encoding (yellow paper appendix C): the high nibble of the first byte holds the
    // flags (bit 1: leaf, bit 0: odd length); an odd path starts in the low nibble, an even one in
    // the next byte, and then the low nibble must be zero.
    private static bool TryDecodeHexPrefix(RlpItem path, out bool isLeaf, out int start, out int nibbleCount, out string error)
    {
        isLeaf = false;
        start = 0;
        nibbleCount = 0;
        if (path.IsList || path.Payload.IsEmpty)
        {
            error = "a node's path is not a non-empty string";
            return false;
        }

        int flags = path.Payload[0] >> 4;
        if (flags > 3)
        {
            error = $"the hex-prefix flags {flags} are not 0 to 3";
            return false;
        }

        bool isOdd = (flags & 1) == 1;
        if (!isOdd && (path.Payload[0] & 0x0f) != 0)
        {
            error = "an even-length path has a non-zero padding nibble";
            return false;
        }

        isLeaf = (flags & 2) == 2;
        start = isOdd ? 1 : 2;
        nibbleCount = (path.Payload.Length * 2) - start;
        error = string.Empty;
        return true;
    }

    private static int NibbleAt(ReadOnlySpan<byte> bytes, int index) =>
        (index & 1) == 0 ? bytes[index / 2] >> 4 : bytes[index / 2] & 0x0f;

    private static EvmAnchorVerdict Finish(int nodesUsed, int nodesGiven) =>
        nodesUsed == nodesGiven
            ? EvmAnchorVerdict.Valid
            : EvmAnchorVerdict.Fail(EvmAnchorFailure.ProofHasExtraNodes, $"the value is reached after {nodesUsed} proof nodes but the proof has {nodesGiven}");

    private static EvmAnchorVerdict Malformed(int nodeIndex, string why) =>
        EvmAnchorVerdict.Fail(EvmAnchorFailure.MalformedProofNode, $"proof node {nodeIndex}: {why}");

    private static EvmAnchorVerdict NotInTrie(int nibble, string why) =>
        EvmAnchorVerdict.Fail(EvmAnchorFailure.ReceiptNotInTrie, $"the proof shows the key is not in the trie (at nibble {nibble}): {why}");
}
