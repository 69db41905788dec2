using System.Buffers.Binary;
using EvidenceChain.Core.Anchors;
using EvidenceChain.Core.Hashing;

namespace EvidenceChain.Core.Tests.Anchors;

/// <summary>
/// Blocks made by hand for the verifier's tests: receipts (typed or legacy) encoded with the
/// reference writer, their trie built by the reference trie, and a header holding its root. The
/// real-chain counterpart is the anvil fixture.
/// </summary>
internal static class SyntheticBlock
{
    public static readonly byte[] Contract = Enumerable.Range(1, 20).Select(i => (byte)i).ToArray();

    public static readonly byte[] Notary = Enumerable.Repeat((byte)0xee, 20).ToArray();

    public static readonly Digest LogId = Sm3.HashData("synthetic log"u8);

    public static readonly Digest Root = Sm3.HashData("synthetic root"u8);

    public const ulong TreeSize = 42;

    public const ulong Number = 1_234_567;

    public const ulong TimestampSeconds = 1_700_000_000;

    /// <summary>A header of <paramref name="fieldCount"/> fields (15 before London, 21 since Prague).</summary>
    public static byte[] Header(Digest receiptsRoot, int fieldCount = 21)
    {
        var fields = new List<byte[]>();
        for (int i = 0; i < fieldCount; i++)
        {
            fields.Add(i switch
            {
                5 => RlpWriter.String(Digest.AsBytes(receiptsRoot)),
                6 => RlpWriter.String(new byte[256]),
                8 => RlpWriter.UInt(Number),
                9 => RlpWriter.UInt(30_000_000),
                11 => RlpWriter.UInt(TimestampSeconds),
                12 => RlpWriter.String([]),
                14 => RlpWriter.String(new byte[8]),
                2 => RlpWriter.String(new byte[20]),
                7 or 10 or 15 or 17 or 18 => RlpWriter.UInt((ulong)i),
                _ => RlpWriter.String(Sm3.HashData([(byte)i]).ToArray()),
            });
        }

        return RlpWriter.List(fields);
    }

    public static byte[] Word(ulong value)
    {
        byte[] word = new byte[32];
        BinaryPrimitives.WriteUInt64BigEndian(word.AsSpan(24), value);
        return word;
    }

    public static byte[] Log(byte[] address, byte[][] topics, byte[] data) =>
        RlpWriter.List(RlpWriter.String(address), RlpWriter.List(topics.Select(t => RlpWriter.String(t))), RlpWriter.String(data));

    public static byte[] AnchoredLog(byte[]? contract = null, Digest? logId = null, ulong treeSize = TreeSize, Digest? root = null) =>
        Log(
            contract ?? Contract,
            [Keccak256.HashData(System.Text.Encoding.ASCII.GetBytes(EvmAnchorProof.AnchoredEventSignature)).ToArray(), (logId ?? LogId).ToArray(), Word(treeSize), [.. new byte[12], .. Notary]],
            [.. (root ?? Root).ToArray(), .. Word(TimestampSeconds)]);

    /// <summary>A receipt; type 0 is legacy (no prefix), status null writes a pre-Byzantium state root.</summary>
    public static byte[] Receipt(byte type, bool? success, params byte[][] logs)
    {
        byte[] status = success switch
        {
            true => RlpWriter.UInt(1),
            false => RlpWriter.UInt(0),
            null => RlpWriter.String(new byte[32]),
        };
        byte[] body = RlpWriter.List(status, RlpWriter.UInt(21_000), RlpWriter.String(new byte[256]), RlpWriter.List(logs));
        return type == 0 ? body : [type, .. body];
    }

    /// <summary>A transfer's receipt, padding the block with receipts that have no logs.</summary>
    public static byte[] Transfer(int i) => Receipt((byte)(i % 3), true);

    /// <summary>Evidence for receipt <paramref name="index"/> of a block holding <paramref name="receipts"/>.</summary>
    public static EvmAnchorEvidence Evidence(IReadOnlyList<byte[]> receipts, ulong index, int headerFieldCount = 21)
    {
        var trie = new ReferenceTrie(receipts.Select((r, i) => (RlpWriter.UInt((ulong)i), r)));
        byte[] header = Header(trie.Root, headerFieldCount);
        return new EvmAnchorEvidence(Keccak256.HashData(header), header, index, trie.Proof(RlpWriter.UInt(index)), Contract, LogId, TreeSize, Root);
    }

    /// <summary>A block of <paramref name="count"/> transactions with the anchor at <paramref name="anchorIndex"/>.</summary>
    public static EvmAnchorEvidence AnchorBlock(int count, int anchorIndex, byte[]? anchorReceipt = null)
    {
        var receipts = Enumerable.Range(0, count).Select(Transfer).ToList();
        receipts[anchorIndex] = anchorReceipt ?? Receipt(2, true, AnchoredLog());
        return Evidence(receipts, (ulong)anchorIndex);
    }
}
