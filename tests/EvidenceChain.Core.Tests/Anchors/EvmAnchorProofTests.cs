using EvidenceChain.Core.Anchors;
using EvidenceChain.Core.Hashing;

namespace EvidenceChain.Core.Tests.Anchors;

/// <summary>
/// The public anchor proof verifier: on hand-made blocks (every receipt type, every header length
/// since Frontier, one test per failure) and on the block captured from anvil, including every
/// changed byte of its header and proof.
/// </summary>
public class EvmAnchorProofTests
{
    private const string FixtureFile = "anvil-anchor-block.json";

    private static AnchorFixture Fixture() => AnchorFixture.Load(FixtureFile);

    private static void AssertFails(EvmAnchorFailure expected, EvmAnchorEvidence evidence)
    {
        EvmAnchorVerdict verdict = EvmAnchorProof.Verify(evidence);
        Assert.True(verdict.Failure == expected, $"wanted {expected}, got {verdict}");
        Assert.NotEmpty(verdict.Detail);
    }

    private static List<byte[]> Copy(IReadOnlyList<byte[]> nodes) => nodes.Select(n => n.ToArray()).ToList();

    [Fact]
    public void Verify_AnchorInTheMiddleOfABlock_ValidWithHeaderNumberAndTime()
    {
        EvmAnchorEvidence evidence = SyntheticBlock.AnchorBlock(count: 20, anchorIndex: 11);

        EvmAnchorVerdict verdict = EvmAnchorProof.Verify(evidence);

        Assert.True(verdict.IsValid, verdict.ToString());
        Assert.Equal(SyntheticBlock.Number, verdict.BlockNumber);
        Assert.Equal(SyntheticBlock.TimestampSeconds, verdict.BlockTimestampSeconds);
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 0)]
    [InlineData(2, 1)]
    [InlineData(130, 0)]
    [InlineData(130, 127)]
    [InlineData(130, 128)]
    [InlineData(130, 129)]
    public void Verify_AnyPositionInBlocksOfManySizes_Valid(int count, int anchorIndex)
    {
        EvmAnchorVerdict verdict = EvmAnchorProof.Verify(SyntheticBlock.AnchorBlock(count, anchorIndex));

        Assert.True(verdict.IsValid, verdict.ToString());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(0x7e)]
    public void Verify_LegacyOrTypedReceipt_Valid(byte type)
    {
        EvmAnchorEvidence evidence = SyntheticBlock.AnchorBlock(5, 3, SyntheticBlock.Receipt(type, true, SyntheticBlock.AnchoredLog()));

        EvmAnchorVerdict verdict = EvmAnchorProof.Verify(evidence);

        Assert.True(verdict.IsValid, verdict.ToString());
    }

    [Theory]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(20)]
    [InlineData(21)]
    [InlineData(23)]
    public void Verify_HeaderOfAnyForkLength_Valid(int fieldCount)
    {
        var receipts = new[] { SyntheticBlock.Receipt(2, true, SyntheticBlock.AnchoredLog()) };

        EvmAnchorVerdict verdict = EvmAnchorProof.Verify(SyntheticBlock.Evidence(receipts, 0, fieldCount));

        Assert.True(verdict.IsValid, verdict.ToString());
        Assert.Equal(SyntheticBlock.Number, verdict.BlockNumber);
    }

    [Fact]
    public void Verify_HeaderOfFourteenFields_ReturnsMalformedHeader()
    {
        var receipts = new[] { SyntheticBlock.Receipt(2, true, SyntheticBlock.AnchoredLog()) };

        AssertFails(EvmAnchorFailure.MalformedHeader, SyntheticBlock.Evidence(receipts, 0, 14));
    }

    [Fact]
    public void Verify_HeaderWithNonCanonicalNumber_ReturnsMalformedHeader()
    {
        // The header hashes to the block hash, so only its form is wrong: number 0x0012d687.
        EvmAnchorEvidence valid = SyntheticBlock.AnchorBlock(3, 1);
        byte[] number = RlpWriter.UInt(SyntheticBlock.Number);
        byte[] padded = RlpWriter.String([0, .. number.AsSpan(1)]);
        byte[] header = RlpWriter.List(ReplaceField(valid.HeaderRlp, 8, padded));

        AssertFails(EvmAnchorFailure.MalformedHeader, valid with { HeaderRlp = header, BlockHash = Keccak256.HashData(header) });
    }

    [Fact]
    public void Verify_HeaderOverTheLimit_ReturnsMalformedHeader()
    {
        EvmAnchorEvidence valid = SyntheticBlock.AnchorBlock(3, 1);
        byte[] header = RlpWriter.List(ReplaceField(valid.HeaderRlp, 12, RlpWriter.String(new byte[EvmAnchorProof.HeaderLengthMax])));

        AssertFails(EvmAnchorFailure.MalformedHeader, valid with { HeaderRlp = header, BlockHash = Keccak256.HashData(header) });
    }

    [Fact]
    public void Verify_HeaderOfAnotherBlock_ReturnsHeaderHashMismatch()
    {
        EvmAnchorEvidence valid = SyntheticBlock.AnchorBlock(3, 1);

        AssertFails(EvmAnchorFailure.HeaderHashMismatch, valid with { BlockHash = Keccak256.HashData("another block"u8) });
    }

    [Fact]
    public void Verify_FailedTransaction_ReturnsTransactionFailed()
    {
        EvmAnchorVerdict verdict = EvmAnchorProof.Verify(SyntheticBlock.AnchorBlock(4, 2, SyntheticBlock.Receipt(2, false, SyntheticBlock.AnchoredLog())));

        Assert.Equal(EvmAnchorFailure.TransactionFailed, verdict.Failure);
        Assert.Equal(SyntheticBlock.Number, verdict.BlockNumber);
    }

    [Fact]
    public void Verify_PreByzantiumReceipt_ReturnsTransactionFailed()
    {
        AssertFails(EvmAnchorFailure.TransactionFailed, SyntheticBlock.AnchorBlock(4, 2, SyntheticBlock.Receipt(0, null, SyntheticBlock.AnchoredLog())));
    }

    public static TheoryData<string, string> MalformedReceipts()
    {
        byte[] status2 = [0x02, .. RlpWriter.List(RlpWriter.UInt(2), RlpWriter.UInt(1), RlpWriter.String(new byte[256]), RlpWriter.List(SyntheticBlock.AnchoredLog()))];
        byte[] threeFields = [0x02, .. RlpWriter.List(RlpWriter.UInt(1), RlpWriter.UInt(1), RlpWriter.String(new byte[256]))];
        byte[] stringBody = [0x02, .. RlpWriter.String(new byte[300])];
        byte[] logsNotList = [0x02, .. RlpWriter.List(RlpWriter.UInt(1), RlpWriter.UInt(1), RlpWriter.String(new byte[256]), RlpWriter.String([1]))];
        byte[] shortTopic = SyntheticBlock.Receipt(2, true, SyntheticBlock.Log(SyntheticBlock.Contract, [new byte[31]], []));
        byte[] fiveTopics = SyntheticBlock.Receipt(2, true, SyntheticBlock.Log(SyntheticBlock.Contract, [new byte[32], new byte[32], new byte[32], new byte[32], new byte[32]], []));
        byte[] shortAddress = SyntheticBlock.Receipt(2, true, SyntheticBlock.Log(new byte[19], [], []));
        byte[] trailing = [.. SyntheticBlock.Receipt(2, true, SyntheticBlock.AnchoredLog()), 0x00];
        return new TheoryData<string, string>
        {
            { "status 2", Convert.ToHexString(status2) },
            { "three fields", Convert.ToHexString(threeFields) },
            { "a string body", Convert.ToHexString(stringBody) },
            { "logs that are a string", Convert.ToHexString(logsNotList) },
            { "a 31-byte topic", Convert.ToHexString(shortTopic) },
            { "five topics", Convert.ToHexString(fiveTopics) },
            { "a 19-byte address", Convert.ToHexString(shortAddress) },
            { "a trailing byte", Convert.ToHexString(trailing) },
        };
    }

    [Theory]
    [MemberData(nameof(MalformedReceipts))]
    public void Verify_MalformedReceipt_ReturnsMalformedReceipt(string why, string receiptHex)
    {
        EvmAnchorVerdict verdict = EvmAnchorProof.Verify(SyntheticBlock.AnchorBlock(3, 1, Convert.FromHexString(receiptHex)));

        Assert.True(verdict.Failure == EvmAnchorFailure.MalformedReceipt, $"{why}: {verdict}");
    }

    [Fact]
    public void Verify_EventFromAnotherContract_ReturnsNoAnchoredEvent()
    {
        byte[] other = Enumerable.Repeat((byte)0x42, 20).ToArray();

        AssertFails(EvmAnchorFailure.NoAnchoredEvent, SyntheticBlock.AnchorBlock(3, 1, SyntheticBlock.Receipt(2, true, SyntheticBlock.AnchoredLog(contract: other))));
        AssertFails(EvmAnchorFailure.NoAnchoredEvent, SyntheticBlock.AnchorBlock(3, 1) with { ContractAddress = other });
    }

    [Fact]
    public void Verify_OtherEventOrNoLogs_ReturnsNoAnchoredEvent()
    {
        byte[] otherEvent = SyntheticBlock.Log(SyntheticBlock.Contract, [Keccak256.HashData("NotarySet(address,bool)"u8).ToArray(), new byte[32]], Word(1));

        AssertFails(EvmAnchorFailure.NoAnchoredEvent, SyntheticBlock.AnchorBlock(3, 1, SyntheticBlock.Receipt(2, true, otherEvent)));
        AssertFails(EvmAnchorFailure.NoAnchoredEvent, SyntheticBlock.AnchorBlock(3, 1, SyntheticBlock.Receipt(2, true)));
    }

    [Fact]
    public void Verify_WrongValues_ReturnTheFirstValueThatDiffers()
    {
        EvmAnchorEvidence valid = SyntheticBlock.AnchorBlock(6, 4);

        AssertFails(EvmAnchorFailure.LogIdMismatch, valid with { LogId = Sm3.HashData("another log"u8) });
        AssertFails(EvmAnchorFailure.TreeSizeMismatch, valid with { TreeSize = SyntheticBlock.TreeSize + 1 });
        AssertFails(EvmAnchorFailure.RootMismatch, valid with { Root = Sm3.HashData("another root"u8) });
        AssertFails(EvmAnchorFailure.TreeSizeMismatch, valid with { TreeSize = 1, Root = Sm3.HashData("another root"u8) });
    }

    [Fact]
    public void Verify_SeveralAnchoredEventsInOneReceipt_FindsTheMatchingOne()
    {
        byte[] receipt = SyntheticBlock.Receipt(
            2,
            true,
            SyntheticBlock.AnchoredLog(logId: Sm3.HashData("first"u8)),
            SyntheticBlock.AnchoredLog(treeSize: 7),
            SyntheticBlock.AnchoredLog(),
            SyntheticBlock.AnchoredLog(root: Sm3.HashData("last"u8)));

        EvmAnchorVerdict verdict = EvmAnchorProof.Verify(SyntheticBlock.AnchorBlock(3, 2, receipt));

        Assert.True(verdict.IsValid, verdict.ToString());
    }

    [Fact]
    public void Verify_RootMismatch_StillReportsTheBlock()
    {
        EvmAnchorVerdict verdict = EvmAnchorProof.Verify(SyntheticBlock.AnchorBlock(3, 1) with { Root = default });

        Assert.Equal(EvmAnchorFailure.RootMismatch, verdict.Failure);
        Assert.Equal(SyntheticBlock.Number, verdict.BlockNumber);
        Assert.Equal(SyntheticBlock.TimestampSeconds, verdict.BlockTimestampSeconds);
        Assert.Contains(SyntheticBlock.Root.ToHex(), verdict.Detail);
    }

    [Fact]
    public void Verify_TooManyProofNodes_ReturnsProofTooLong()
    {
        EvmAnchorEvidence valid = SyntheticBlock.AnchorBlock(3, 1);
        var nodes = Enumerable.Repeat(valid.ProofNodes[0], EvmAnchorProof.ProofNodeCountMax + 1).ToList();

        AssertFails(EvmAnchorFailure.ProofTooLong, valid with { ProofNodes = nodes });
    }

    [Fact]
    public void Verify_IndexPastTheLastTransaction_ReturnsReceiptNotInTrie()
    {
        var receipts = Enumerable.Range(0, 20).Select(SyntheticBlock.Transfer).ToList();
        var trie = new ReferenceTrie(receipts.Select((r, i) => (RlpWriter.UInt((ulong)i), r)));
        EvmAnchorEvidence evidence = SyntheticBlock.Evidence(receipts, 0) with { TransactionIndex = 25, ProofNodes = trie.Proof(RlpWriter.UInt(25)) };

        AssertFails(EvmAnchorFailure.ReceiptNotInTrie, evidence);
    }

    [Fact]
    public void Verify_MisuseOfTheApi_Throws()
    {
        EvmAnchorEvidence valid = SyntheticBlock.AnchorBlock(3, 1);

        Assert.Throws<ArgumentException>(() => EvmAnchorProof.Verify(valid with { ContractAddress = new byte[19] }));
        Assert.Throws<ArgumentNullException>(() => EvmAnchorProof.Verify(valid with { ProofNodes = [valid.ProofNodes[0], null!] }));
        Assert.Throws<ArgumentNullException>(() => EvmAnchorProof.Verify(null!));
    }

    // The anvil fixture: a real block of several transactions, the anchor not the first of them.

    [Fact]
    public void Verify_AnvilFixture_ValidWithItsBlockNumberAndTime()
    {
        AnchorFixture fixture = Fixture();

        EvmAnchorVerdict verdict = EvmAnchorProof.Verify(fixture.Evidence);

        Assert.True(verdict.IsValid, verdict.ToString());
        Assert.Equal(fixture.BlockNumber, verdict.BlockNumber);
        Assert.Equal(fixture.BlockTimestampSeconds, verdict.BlockTimestampSeconds);
        Assert.True(fixture.ReceiptCount > 1);
        Assert.NotEqual(0UL, fixture.Evidence.TransactionIndex);
    }

    [Fact]
    public void Verify_AnvilFixtureWithAnyHeaderByteChanged_ReturnsHeaderHashMismatch()
    {
        EvmAnchorEvidence valid = Fixture().Evidence;
        for (int i = 0; i < valid.HeaderRlp.Length; i++)
        {
            byte[] header = valid.HeaderRlp.ToArray();
            header[i] ^= 0x01;
            Assert.Equal(EvmAnchorFailure.HeaderHashMismatch, EvmAnchorProof.Verify(valid with { HeaderRlp = header }).Failure);
        }
    }

    [Fact]
    public void Verify_AnvilFixtureWithAnyProofByteChanged_ReturnsRootOrNodeHashMismatch()
    {
        EvmAnchorEvidence valid = Fixture().Evidence;
        for (int node = 0; node < valid.ProofNodes.Count; node++)
        {
            for (int i = 0; i < valid.ProofNodes[node].Length; i++)
            {
                List<byte[]> nodes = Copy(valid.ProofNodes);
                nodes[node][i] ^= 0x80;
                EvmAnchorFailure expected = node == 0 ? EvmAnchorFailure.ProofRootMismatch : EvmAnchorFailure.ProofNodeHashMismatch;
                Assert.Equal(expected, EvmAnchorProof.Verify(valid with { ProofNodes = nodes }).Failure);
            }
        }
    }

    [Fact]
    public void Verify_AnvilFixtureTruncatedOrExtended_ReturnsProofIncompleteOrExtraNodes()
    {
        EvmAnchorEvidence valid = Fixture().Evidence;

        AssertFails(EvmAnchorFailure.ProofIncomplete, valid with { ProofNodes = valid.ProofNodes.Take(valid.ProofNodes.Count - 1).ToList() });
        AssertFails(EvmAnchorFailure.ProofIncomplete, valid with { ProofNodes = [] });
        AssertFails(EvmAnchorFailure.ProofHasExtraNodes, valid with { ProofNodes = [.. valid.ProofNodes, valid.ProofNodes[^1]] });
    }

    [Fact]
    public void Verify_AnvilFixtureOtherIndex_Refused()
    {
        AnchorFixture fixture = Fixture();
        for (ulong index = 0; index < (ulong)fixture.ReceiptCount + 2; index++)
        {
            if (index != fixture.Evidence.TransactionIndex)
            {
                EvmAnchorVerdict verdict = EvmAnchorProof.Verify(fixture.Evidence with { TransactionIndex = index });
                Assert.True(verdict.Failure is EvmAnchorFailure.ProofNodeHashMismatch or EvmAnchorFailure.ReceiptNotInTrie, $"index {index}: {verdict}");
            }
        }
    }

    [Fact]
    public void Verify_AnvilFixtureWrongContractOrValues_ReturnsTheMatchingFailure()
    {
        EvmAnchorEvidence valid = Fixture().Evidence;
        byte[] otherContract = valid.ContractAddress.ToArray();
        otherContract[^1] ^= 1;

        AssertFails(EvmAnchorFailure.NoAnchoredEvent, valid with { ContractAddress = otherContract });
        AssertFails(EvmAnchorFailure.LogIdMismatch, valid with { LogId = Sm3.HashData("another log"u8) });
        AssertFails(EvmAnchorFailure.TreeSizeMismatch, valid with { TreeSize = valid.TreeSize + 1 });
        AssertFails(EvmAnchorFailure.RootMismatch, valid with { Root = Sm3.HashData("another root"u8) });
    }

    private static byte[] Word(ulong value) => SyntheticBlock.Word(value);

    private static List<byte[]> ReplaceField(byte[] headerRlp, int index, byte[] encodedField)
    {
        Assert.True(Rlp.TryDecode(headerRlp, out RlpItem list, out _));
        var fields = new List<byte[]>();
        ReadOnlySpan<byte> rest = list.Payload;
        while (!rest.IsEmpty)
        {
            Assert.True(Rlp.TryReadNext(ref rest, out RlpItem field, out _));
            fields.Add(field.Encoded.ToArray());
        }

        fields[index] = encodedField;
        return fields;
    }
}
