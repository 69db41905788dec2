using CsCheck;
using EvidenceChain.Core.Anchors;
using EvidenceChain.Core.Tests.Support;

namespace EvidenceChain.Core.Tests.Anchors;

/// <summary>
/// The strict RLP decoder: the examples of the yellow paper (appendix B) and the Ethereum wiki's
/// RLP page, one refusal per canonical-form rule, and properties: every encoding of the reference
/// writer decodes back, and every input the decoder accepts is the writer's encoding of what it
/// decoded (so no value has two accepted encodings).
/// </summary>
public class RlpTests
{
    /// <summary>A decoded item as plain data: a byte string or a list of items.</summary>
    private abstract record Node;

    private sealed record Bytes(byte[] Value) : Node;

    private sealed record Items(List<Node> Value) : Node;

    private static byte[] Encode(Node node) => node switch
    {
        Bytes b => RlpWriter.String(b.Value),
        Items l => RlpWriter.List(l.Value.Select(Encode)),
        _ => throw new InvalidOperationException(),
    };

    private static Node ToNode(RlpItem item)
    {
        if (!item.IsList)
        {
            return new Bytes(item.Payload.ToArray());
        }

        var children = new List<Node>();
        ReadOnlySpan<byte> rest = item.Payload;
        while (!rest.IsEmpty)
        {
            Assert.True(Rlp.TryReadNext(ref rest, out RlpItem child, out string error), error);
            children.Add(ToNode(child));
        }

        return new Items(children);
    }

    private static bool TryDecodeAll(byte[] input, out Node? node)
    {
        node = null;
        if (!Rlp.TryDecode(input, out RlpItem item, out _))
        {
            return false;
        }

        // Lists are decoded lazily; walk them all so a bad nested item counts as a refusal.
        if (item.IsList && !AllNestedValid(item))
        {
            return false;
        }

        node = ToNode(item);
        return true;
    }

    private static bool AllNestedValid(RlpItem list)
    {
        ReadOnlySpan<byte> rest = list.Payload;
        while (!rest.IsEmpty)
        {
            if (!Rlp.TryReadNext(ref rest, out RlpItem child, out _) || (child.IsList && !AllNestedValid(child)))
            {
                return false;
            }
        }

        return true;
    }

    public static TheoryData<string, string> WikiExamples() => new()
    {
        // https://ethereum.org/developers/docs/data-structures-and-encoding/rlp/ (examples section).
        { "83646f67", "\"dog\"" },
        { "c88363617483646f67", "[\"cat\",\"dog\"]" },
        { "80", "\"\"" },
        { "c0", "[]" },
        { "00", "\"\\x00\"" },
        { "0f", "\"\\x0f\"" },
        { "820400", "\"\\x04\\x00\"" },
        { "c7c0c1c0c3c0c1c0", "[[],[[]],[[],[[]]]]" },
        { "b8384c6f72656d20697073756d20646f6c6f722073697420616d65742c20636f6e7365637465747572206164697069736963696e6720656c6974", "\"Lorem ipsum dolor sit amet, consectetur adipisicing elit\"" },
    };

    [Theory]
    [MemberData(nameof(WikiExamples))]
    public void TryDecode_WikiExample_DecodesAndReencodesIdentically(string hex, string shown)
    {
        byte[] input = Hex.Bytes(hex);

        Assert.True(TryDecodeAll(input, out Node? node), shown);
        Assert.Equal(input, Encode(node!));
    }

    [Fact]
    public void TryDecode_Dog_GivesTheThreeBytes()
    {
        Assert.True(Rlp.TryDecode(Hex.Bytes("83646f67"), out RlpItem item, out _));

        Assert.False(item.IsList);
        Assert.Equal("dog"u8.ToArray(), item.Payload.ToArray());
        Assert.Equal(4, item.Encoded.Length);
    }

    [Theory]
    [InlineData("", "empty input")]
    [InlineData("8100", "a byte below 0x80 as a one-byte string")]
    [InlineData("817f", "a byte below 0x80 as a one-byte string")]
    [InlineData("b80100", "long string form for a length of 1")]
    [InlineData("b837" + "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000", "long string form for a length of 55")]
    [InlineData("f800", "long list form for an empty list")]
    [InlineData("b9003800", "a length with a leading zero byte")]
    [InlineData("83646f", "a string shorter than its prefix says")]
    [InlineData("c3646f", "a list shorter than its prefix says")]
    [InlineData("b8", "a long form without its length byte")]
    [InlineData("bb7fffffff", "a length far beyond the input")]
    [InlineData("bf0100000000000000", "a length of more than four bytes")]
    [InlineData("8000", "a trailing byte")]
    [InlineData("c08080", "two items where one is wanted")]
    public void TryDecode_NonCanonicalOrTruncated_Refused(string hex, string why)
    {
        Assert.False(TryDecodeAll(Hex.Bytes(hex), out _), why);
    }

    [Theory]
    [InlineData("c28100", "a list holding a non-canonical byte")]
    [InlineData("c383646f", "a list whose item runs past the list's end")]
    public void TryCountItems_BadNestedItem_Refused(string hex, string why)
    {
        Assert.True(Rlp.TryDecode(Hex.Bytes(hex), out RlpItem list, out _));

        Assert.False(Rlp.TryCountItems(list, out _, out _), why);
    }

    [Theory]
    [InlineData("80", 0UL)]
    [InlineData("01", 1UL)]
    [InlineData("7f", 127UL)]
    [InlineData("8180", 128UL)]
    [InlineData("820400", 1024UL)]
    [InlineData("88ffffffffffffffff", ulong.MaxValue)]
    public void UInt64_EncodeAndDecode_MatchWiki(string hex, ulong value)
    {
        Span<byte> buffer = stackalloc byte[Rlp.UInt64EncodingLengthMax];
        int length = Rlp.WriteUInt64(value, buffer);
        Assert.True(Rlp.TryDecode(Hex.Bytes(hex), out RlpItem item, out _));
        Assert.True(Rlp.TryReadUInt64(item, out ulong decoded, out string error), error);

        Assert.Equal(hex, Convert.ToHexStringLower(buffer[..length]));
        Assert.Equal(value, decoded);
        Assert.Equal(RlpWriter.UInt(value), buffer[..length].ToArray());
    }

    [Theory]
    [InlineData("00", "zero written as a byte instead of the empty string")]
    [InlineData("820001", "a leading zero byte")]
    [InlineData("89010000000000000000", "more than 64 bits")]
    [InlineData("c0", "a list")]
    public void TryReadUInt64_NonCanonical_Refused(string hex, string why)
    {
        Assert.True(Rlp.TryDecode(Hex.Bytes(hex), out RlpItem item, out _));

        Assert.False(Rlp.TryReadUInt64(item, out _, out _), why);
    }

    private static readonly Gen<Node> s_node = Gen.Recursive<Node>((depth, gen) =>
        depth >= 4
            ? Gen.Byte.Array[0, 70].Select(b => (Node)new Bytes(b))
            : Gen.Frequency(
                (3, Gen.Byte.Array[0, 70].Select(b => (Node)new Bytes(b))),
                (1, Gen.Byte[0, 0x7f].Select(b => (Node)new Bytes([b]))),
                (2, gen.List[0, 6].Select(l => (Node)new Items(l)))));

    [Fact]
    public void TryDecode_RandomStructures_RoundTrip()
    {
        s_node.Sample(node =>
        {
            byte[] encoded = Encode(node);
            Assert.True(TryDecodeAll(encoded, out Node? decoded));
            Assert.Equal(encoded, Encode(decoded!));
        }, iter: Soak.PropertyIterations * 10);
    }

    [Fact]
    public void TryDecode_RandomBytes_AcceptedOnlyWhenCanonical()
    {
        Gen.Byte.Array[0, 80].Sample(input =>
        {
            if (TryDecodeAll(input, out Node? node))
            {
                Assert.Equal(input, Encode(node!));
            }
        }, iter: Soak.PropertyIterations * 100);
    }

    [Fact]
    public void TryDecode_RandomEncodingWithOneByteChanged_AcceptedOnlyWhenCanonical()
    {
        Gen.Select(s_node, Gen.Int[0, int.MaxValue], Gen.Byte).Sample((node, at, with) =>
        {
            byte[] encoded = Encode(node);
            encoded[at % encoded.Length] = with;
            if (TryDecodeAll(encoded, out Node? decoded))
            {
                Assert.Equal(encoded, Encode(decoded!));
            }
        }, iter: Soak.PropertyIterations * 10);
    }
}
