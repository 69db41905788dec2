using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Leaves;
using EvidenceChain.Core.Proofs;

namespace EvidenceChain.Core.Tests.Leaves;

public class LeafEncodingTests
{
    private static readonly DepositLeaf s_deposit = new(
        ContentKind.Copyright,
        1_764_400_000_000,
        3,
        new DigestPair(Filled(1), Filled(2)),
        new DigestPair(Filled(3), Filled(4)));

    private static Digest Filled(byte value) => Digest.Read(Enumerable.Repeat(value, 32).ToArray());

    [Fact]
    public void DepositLeaf_RoundTrip_Equal()
    {
        byte[] leaf = s_deposit.Encode();

        Verdict verdict = LeafEnvelope.TryDecodeDeposit(leaf, out DepositLeaf? decoded);

        Assert.True(verdict.IsValid, verdict.ToString());
        Assert.Equal(s_deposit, decoded);
        Assert.Equal(146, leaf.Length);
        Assert.Equal([0x01, 0x01, 0x00, 142], leaf[..4]);
    }

    [Fact]
    public void RecordLeaf_RoundTripWithParties_Equal()
    {
        var record = new RecordLeaf(LeafType.LedgerBatch, 7, 42, new DigestPair(Filled(5), Filled(6)), [new DigestPair(Filled(7), Filled(8)), new DigestPair(Filled(9), Filled(10))]);
        byte[] leaf = record.Encode();

        Verdict verdict = LeafEnvelope.TryDecodeRecord(leaf, LeafType.LedgerBatch, out RecordLeaf? decoded);

        Assert.True(verdict.IsValid, verdict.ToString());
        Assert.Equal(record.Parties, decoded!.Parties);
        Assert.Equal(record with { Parties = decoded.Parties }, decoded);
        Assert.Equal(4 + 75 + 128, leaf.Length);
    }

    [Fact]
    public void TryDecodeDeposit_RecordLeaf_ReturnsUnexpectedLeafType()
    {
        byte[] leaf = new RecordLeaf(LeafType.CustodyEvent, 1, 0, new DigestPair(Filled(1), Filled(1)), []).Encode();

        Assert.Equal(VerificationFailure.UnexpectedLeafType, LeafEnvelope.TryDecodeDeposit(leaf, out _).Failure);
        Assert.Equal(VerificationFailure.UnexpectedLeafType, LeafEnvelope.TryDecodeRecord(leaf, LeafType.PledgeEvent, out _).Failure);
    }

    [Theory]
    [InlineData(0, 0x02, VerificationFailure.UnsupportedVersion)]
    [InlineData(1, 0x00, VerificationFailure.UnexpectedLeafType)]
    [InlineData(1, 0x08, VerificationFailure.UnexpectedLeafType)]
    [InlineData(3, 0x00, VerificationFailure.MalformedLeaf)]
    [InlineData(4, 0x00, VerificationFailure.MalformedLeaf)]
    [InlineData(4, 0x05, VerificationFailure.MalformedLeaf)]
    [InlineData(5, 0x02, VerificationFailure.MalformedLeaf)]
    [InlineData(14, 0x00, VerificationFailure.MalformedLeaf)]
    public void TryDecodeDeposit_CorruptedByte_Rejected(int offset, byte value, VerificationFailure expected)
    {
        byte[] leaf = s_deposit.Encode();
        leaf[offset] = value;
        if (offset == 14)
        {
            // Unit count 0 (bytes 14..17 are the body's unit count).
            leaf[15] = leaf[16] = leaf[17] = 0;
        }

        Assert.Equal(expected, LeafEnvelope.TryDecodeDeposit(leaf, out _).Failure);
    }

    [Fact]
    public void TryDecodeDeposit_TruncatedOrExtended_ReturnsMalformedLeaf()
    {
        byte[] leaf = s_deposit.Encode();

        Assert.Equal(VerificationFailure.MalformedLeaf, LeafEnvelope.TryDecodeDeposit(leaf[..^1], out _).Failure);
        Assert.Equal(VerificationFailure.MalformedLeaf, LeafEnvelope.TryDecodeDeposit([.. leaf, 0], out _).Failure);
        Assert.Equal(VerificationFailure.MalformedLeaf, LeafEnvelope.TryDecodeDeposit(leaf[..3], out _).Failure);
        Assert.Equal(VerificationFailure.MalformedLeaf, LeafEnvelope.TryDecodeDeposit(new byte[1025], out _).Failure);
    }

    [Fact]
    public void TryDecodeRecord_PartyCountDisagreesWithLength_ReturnsMalformedLeaf()
    {
        byte[] leaf = new RecordLeaf(LeafType.Certificate, 1, 0, new DigestPair(Filled(1), Filled(1)), [new DigestPair(Filled(2), Filled(2))]).Encode();
        leaf[4 + 74] = 2;

        Assert.Equal(VerificationFailure.MalformedLeaf, LeafEnvelope.TryDecodeRecord(leaf, LeafType.Certificate, out _).Failure);
    }

    [Fact]
    public void Encode_InvalidValues_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => (s_deposit with { UnitCount = 0 }).Encode());
        Assert.Throws<ArgumentOutOfRangeException>(() => (s_deposit with { Kind = (ContentKind)9 }).Encode());
        Assert.Throws<ArgumentOutOfRangeException>(() => (s_deposit with { ReceivedAtMs = -1 }).Encode());
        Assert.Throws<ArgumentOutOfRangeException>(() => new RecordLeaf(LeafType.Deposit, 1, 0, default, []).Encode());
        Assert.Throws<ArgumentOutOfRangeException>(() => new RecordLeaf(LeafType.CustodyEvent, 1, 0, default, new DigestPair[17]).Encode());
    }
}
