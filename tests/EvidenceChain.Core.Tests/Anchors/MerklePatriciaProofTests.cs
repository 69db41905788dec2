using System.Text;
using CsCheck;
using EvidenceChain.Core.Anchors;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Tests.Support;

namespace EvidenceChain.Core.Tests.Anchors;

/// <summary>
/// Merkle-Patricia proof verification against the naive reference trie: the published roots
/// (go-ethereum trie/trie_test.go, also in ethereum/tests TrieTests) check the reference; hand-made
/// tries with embedded nodes; one test per refusal; and properties over random tries (every key
/// proves its value, an absent key proves nothing, every changed byte is refused).
/// </summary>
public class MerklePatriciaProofTests
{
    private static (byte[] Key, byte[] Value) Pair(string key, string value) => (Encoding.ASCII.GetBytes(key), Encoding.ASCII.GetBytes(value));

    private static readonly (byte[] Key, byte[] Value)[] s_dogs = [Pair("doe", "reindeer"), Pair("dog", "puppy"), Pair("dogglesworth", "cat")];

    private static readonly (byte[] Key, byte[] Value)[] s_puppy = [Pair("do", "verb"), Pair("horse", "stallion"), Pair("doge", "coin"), Pair("dog", "puppy")];

    private static EvmAnchorVerdict Verify(Digest root, byte[] key, IReadOnlyList<byte[]> proof, out byte[] value)
    {
        EvmAnchorVerdict verdict = MerklePatriciaProof.Verify(root, key, proof, out ReadOnlySpan<byte> found);
        value = found.ToArray();
        return verdict;
    }

    private static void AssertProves(ReferenceTrie trie, byte[] key, byte[] expected)
    {
        EvmAnchorVerdict verdict = Verify(trie.Root, key, trie.Proof(key), out byte[] value);
        Assert.True(verdict.IsValid, verdict.ToString());
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("", "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470")]
    [InlineData("abc", "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45")]
    [InlineData(EvmAnchorProof.AnchoredEventSignature, "f5cf47b23e714fc808d81e3712ab1dc2a51bc0a586ddf574992690a6edc02f45")]
    public void Keccak256_KnownInputs_MatchJsSha3(string text, string expected)
    {
        // Expected values from js-sha3's keccak256 (node_modules/js-sha3, installed by npm ci).
        Assert.Equal(expected, Keccak256.HashData(Encoding.ASCII.GetBytes(text)).ToHex());
    }

    public static TheoryData<string, string> PublishedRoots() => new()
    {
        { "empty", "56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421" },
        { "dogs", "8aad789dff2f538bca5d8ea56e8abe10f4c7ba3a5dea95fea4cd6e7c3a1168d3" },
        { "puppy", "5991bb8c6514148a29db676a14ac506cd2cd5775ace63c30a4fe457715e9ac84" },
        { "A", "d23786fb4a010da3ce639d66d5e904a11dbc02746d1ce25029e53290cabf28ab" },
    };

    private static (byte[] Key, byte[] Value)[] Named(string name) => name switch
    {
        "empty" => [],
        "dogs" => s_dogs,
        "puppy" => s_puppy,
        "A" => [Pair("A", new string('a', 50))],
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(PublishedRoots))]
    public void ReferenceTrie_PublishedExample_HasPublishedRoot(string name, string root)
    {
        Assert.Equal(root, new ReferenceTrie(Named(name)).Root.ToHex());
    }

    [Theory]
    [InlineData("dogs")]
    [InlineData("puppy")]
    [InlineData("A")]
    public void Verify_EveryKeyOfPublishedExample_ReturnsItsValue(string name)
    {
        var trie = new ReferenceTrie(Named(name));
        foreach ((byte[] key, byte[] value) in Named(name))
        {
            AssertProves(trie, key, value);
        }
    }

    [Fact]
    public void Verify_PuppyTrie_UsesEmbeddedNodes()
    {
        // "verb", "coin" and "puppy" sit in leaves shorter than 32 bytes, embedded in their parents,
        // so the proof of "dog" has fewer nodes than the path has nodes.
        var trie = new ReferenceTrie(s_puppy);
        List<byte[]> proof = trie.Proof(Encoding.ASCII.GetBytes("dog"));

        Assert.All(proof.Skip(1), node => Assert.True(node.Length >= 32));
        Assert.Contains(proof, node => node.AsSpan().IndexOf("puppy"u8) >= 0);
        Assert.DoesNotContain(proof, node => node.AsSpan().StartsWith(RlpWriter.List(RlpWriter.String(ReferenceTrie.HexPrefix([], true)), RlpWriter.String("puppy"u8))));
        AssertProves(trie, Encoding.ASCII.GetBytes("dog"), Encoding.ASCII.GetBytes("puppy"));
    }

    [Fact]
    public void Verify_WholeTrieEmbeddedInRoot_OneNodeProves()
    {
        // Keys 0x01 and 0x02 share nibble 0: an extension over [0] to a branch whose two children
        // are leaves of three bytes. Everything fits in one root node under 32 bytes.
        var trie = new ReferenceTrie([([0x01], [0x11]), ([0x02], [0x22])]);
        List<byte[]> proof = trie.Proof([0x02]);

        Assert.Single(proof);
        Assert.True(proof[0].Length < 32);
        AssertProves(trie, [0x01], [0x11]);
        AssertProves(trie, [0x02], [0x22]);
        Assert.Equal(EvmAnchorFailure.ReceiptNotInTrie, Verify(trie.Root, [0x03], proof, out _).Failure);
        Assert.Equal(EvmAnchorFailure.ReceiptNotInTrie, Verify(trie.Root, [0x12], proof, out _).Failure);
    }

    [Fact]
    public void Verify_KeyThatIsAPrefixOfAnother_ReturnsBranchValue()
    {
        var trie = new ReferenceTrie([Pair("do", "verb"), Pair("dog", "puppy"), Pair("dogglesworth", "cat")]);

        AssertProves(trie, Encoding.ASCII.GetBytes("do"), Encoding.ASCII.GetBytes("verb"));
        AssertProves(trie, Encoding.ASCII.GetBytes("dog"), Encoding.ASCII.GetBytes("puppy"));
        Assert.Equal(EvmAnchorFailure.ReceiptNotInTrie, Verify(trie.Root, Encoding.ASCII.GetBytes("d"), trie.Proof(Encoding.ASCII.GetBytes("d")), out _).Failure);
    }

    [Fact]
    public void Verify_AbsentKeys_ReturnReceiptNotInTrie()
    {
        var trie = new ReferenceTrie(s_dogs);
        foreach (string absent in new[] { "cat", "do", "doge", "dogglesworthy", "dogg", "x" })
        {
            byte[] key = Encoding.ASCII.GetBytes(absent);
            EvmAnchorVerdict verdict = Verify(trie.Root, key, trie.Proof(key), out _);
            Assert.True(verdict.Failure == EvmAnchorFailure.ReceiptNotInTrie, $"{absent}: {verdict}");
        }
    }

    [Fact]
    public void Verify_EmptyProof_ReturnsProofIncomplete()
    {
        var trie = new ReferenceTrie(s_dogs);

        Assert.Equal(EvmAnchorFailure.ProofIncomplete, Verify(trie.Root, "dog"u8.ToArray(), [], out _).Failure);
    }

    [Fact]
    public void Verify_LastNodeDropped_ReturnsProofIncomplete()
    {
        var trie = new ReferenceTrie(ReceiptsLikePairs(40, 100));
        byte[] key = RlpWriter.UInt(17);
        List<byte[]> proof = trie.Proof(key);
        Assert.True(proof.Count >= 2);

        Assert.Equal(EvmAnchorFailure.ProofIncomplete, Verify(trie.Root, key, proof[..^1], out _).Failure);
    }

    [Fact]
    public void Verify_NodeAppended_ReturnsProofHasExtraNodes()
    {
        var trie = new ReferenceTrie(ReceiptsLikePairs(40, 100));
        byte[] key = RlpWriter.UInt(17);
        List<byte[]> proof = [.. trie.Proof(key), trie.Proof(RlpWriter.UInt(3))[^1]];

        Assert.Equal(EvmAnchorFailure.ProofHasExtraNodes, Verify(trie.Root, key, proof, out _).Failure);
    }

    [Fact]
    public void Verify_ChangedRootNodeOrInnerNode_ReturnsRootOrNodeHashMismatch()
    {
        var trie = new ReferenceTrie(ReceiptsLikePairs(40, 100));
        byte[] key = RlpWriter.UInt(17);
        List<byte[]> proof = trie.Proof(key);

        List<byte[]> rootChanged = proof.Select(n => n.ToArray()).ToList();
        rootChanged[0][^1] ^= 1;
        List<byte[]> innerChanged = proof.Select(n => n.ToArray()).ToList();
        innerChanged[1][^1] ^= 1;

        Assert.Equal(EvmAnchorFailure.ProofRootMismatch, Verify(trie.Root, key, rootChanged, out _).Failure);
        Assert.Equal(EvmAnchorFailure.ProofNodeHashMismatch, Verify(trie.Root, key, innerChanged, out _).Failure);
    }

    [Fact]
    public void Verify_ProofOfAnotherKey_Refused()
    {
        var trie = new ReferenceTrie(ReceiptsLikePairs(40, 100));

        for (ulong other = 0; other < 40; other++)
        {
            if (other != 17)
            {
                Assert.False(Verify(trie.Root, RlpWriter.UInt(17), trie.Proof(RlpWriter.UInt(other)), out _).IsValid);
            }
        }
    }

    public static TheoryData<string, string> MalformedRoots() => new()
    {
        // Each root node is committed to by its own hash, so only its form can be wrong.
        { "a string, not a list", Convert.ToHexStringLower(RlpWriter.String(new byte[40])) },
        { "three items", Convert.ToHexStringLower(RlpWriter.List(RlpWriter.String([0x20]), RlpWriter.String([1]), RlpWriter.String([2]))) },
        { "trailing byte", Convert.ToHexStringLower([.. RlpWriter.List(RlpWriter.String([0x20, 0x01]), RlpWriter.String([7])), 0x00]) },
        { "long form for a short list", "f8" + "05" + "8220018107" },
        { "hex-prefix flag 4", Convert.ToHexStringLower(RlpWriter.List(RlpWriter.String([0x40, 0x01]), RlpWriter.String([7]))) },
        { "even path with padding nibble", Convert.ToHexStringLower(RlpWriter.List(RlpWriter.String([0x25, 0x01]), RlpWriter.String([7]))) },
        { "empty path string", Convert.ToHexStringLower(RlpWriter.List(RlpWriter.String([]), RlpWriter.String([7]))) },
        { "extension with an empty path", Convert.ToHexStringLower(RlpWriter.List(RlpWriter.String([0x00]), RlpWriter.String(new byte[32]))) },
        { "extension without a child", Convert.ToHexStringLower(RlpWriter.List(RlpWriter.String([0x00, 0x01]), RlpWriter.String([]))) },
        { "child reference of 5 bytes", Convert.ToHexStringLower(RlpWriter.List(RlpWriter.String([0x00, 0x01]), RlpWriter.String([1, 2, 3, 4, 5]))) },
        { "leaf value that is a list", Convert.ToHexStringLower(RlpWriter.List(RlpWriter.String([0x20, 0x01]), RlpWriter.List(RlpWriter.String([7])))) },
    };

    [Theory]
    [MemberData(nameof(MalformedRoots))]
    public void Verify_MalformedNode_ReturnsMalformedProofNode(string why, string rootNodeHex)
    {
        byte[] node = Hex.Bytes(rootNodeHex);

        EvmAnchorVerdict verdict = Verify(Keccak256.HashData(node), [0x01], [node], out _);

        Assert.True(verdict.Failure == EvmAnchorFailure.MalformedProofNode, $"{why}: {verdict}");
    }

    [Fact]
    public void Verify_ShortNodeReferencedByHash_ReturnsMalformedProofNode()
    {
        // A canonical trie embeds a node under 32 bytes; one referenced by hash is a forgery of form.
        byte[] leaf = RlpWriter.List(RlpWriter.String([0x20]), RlpWriter.String([7]));
        byte[] root = RlpWriter.List(RlpWriter.String([0x00, 0x01]), RlpWriter.String(Keccak256.HashData(leaf).ToArray()));

        EvmAnchorVerdict verdict = Verify(Keccak256.HashData(root), [0x01], [root, leaf], out _);

        Assert.Equal(EvmAnchorFailure.MalformedProofNode, verdict.Failure);
    }

    [Fact]
    public void Verify_EmbeddedChildOfThirtyTwoBytesOrMore_ReturnsMalformedProofNode()
    {
        byte[] bigLeaf = RlpWriter.List(RlpWriter.String([0x20]), RlpWriter.String(new byte[40]));
        byte[] root = RlpWriter.List(RlpWriter.String([0x00, 0x01]), bigLeaf);

        EvmAnchorVerdict verdict = Verify(Keccak256.HashData(root), [0x01], [root], out _);

        Assert.Equal(EvmAnchorFailure.MalformedProofNode, verdict.Failure);
    }

    /// <summary>Keys RLP(0..count-1) as in a receipts trie, values long enough that no leaf is embedded.</summary>
    private static (byte[] Key, byte[] Value)[] ReceiptsLikePairs(int count, int valueLength) =>
        Enumerable.Range(0, count).Select(i => (RlpWriter.UInt((ulong)i), Enumerable.Repeat(unchecked((byte)i), valueLength).ToArray())).ToArray();

    private static readonly Gen<(byte[] Key, byte[] Value)[]> s_pairs =
        Gen.Select(Gen.Byte.Array[0, 6], Gen.Byte.Array[1, 40]).Array[0, 60]
            .Select(pairs => pairs.DistinctBy(p => Convert.ToHexString(p.Item1)).ToArray());

    [Fact]
    public void Verify_RandomTrie_EveryKeyProvesItsValue()
    {
        s_pairs.Sample(pairs =>
        {
            var trie = new ReferenceTrie(pairs);
            foreach ((byte[] key, byte[] value) in pairs)
            {
                AssertProves(trie, key, value);
            }
        }, iter: Soak.PropertyIterations);
    }

    [Fact]
    public void Verify_RandomTrieAndAbsentKey_ReturnsReceiptNotInTrie()
    {
        Gen.Select(s_pairs, Gen.Byte.Array[0, 6]).Sample((pairs, key) =>
        {
            if (pairs.Any(p => p.Key.AsSpan().SequenceEqual(key)))
            {
                return;
            }

            var trie = new ReferenceTrie(pairs);
            EvmAnchorVerdict verdict = Verify(trie.Root, key, trie.Proof(key), out _);
            Assert.True(verdict.Failure == EvmAnchorFailure.ReceiptNotInTrie, verdict.ToString());
        }, iter: Soak.PropertyIterations);
    }

    [Fact]
    public void Verify_RandomReceiptsTrie_EveryIndexProves()
    {
        Gen.Int[1, 300].Sample(count =>
        {
            var trie = new ReferenceTrie(ReceiptsLikePairs(count, 40));
            for (int i = 0; i < count; i++)
            {
                AssertProves(trie, RlpWriter.UInt((ulong)i), Enumerable.Repeat(unchecked((byte)i), 40).ToArray());
            }
        }, iter: Math.Max(1, Soak.PropertyIterations / 10));
    }

    [Fact]
    public void Verify_RandomTrieWithOneByteChanged_Refused()
    {
        Gen.Select(s_pairs, Gen.Int[0, int.MaxValue], Gen.Int[0, int.MaxValue], Gen.Byte[1, 255]).Sample((pairs, which, at, xor) =>
        {
            if (pairs.Length == 0)
            {
                return;
            }

            var trie = new ReferenceTrie(pairs);
            (byte[] key, _) = pairs[which % pairs.Length];
            List<byte[]> proof = trie.Proof(key).Select(n => n.ToArray()).ToList();
            byte[] node = proof[at % proof.Count];
            node[(at / proof.Count) % node.Length] ^= xor;

            Assert.False(Verify(trie.Root, key, proof, out _).IsValid);
        }, iter: Soak.PropertyIterations * 10);
    }
}
