using EvidenceChain.Ledger.Banking;
using EvidenceChain.Ledger.Escrow;

namespace EvidenceChain.Ledger.Tests.Banking;

public class BankRecordTests
{
    private static readonly byte[] s_nonce = [.. Enumerable.Range(0, 32).Select(i => (byte)i)];

    public static TheoryData<BankRecord> Records() =>
    [
        new BankRecord(s_nonce, 1_766_300_000_000, BankRecordKind.Reconciliation, 0, [], [], new Reconciliation(new DateOnly(2025, 12, 21), [new(new AccountId(1), 100, 100), new(new AccountId(2), 70, 75)]), null, null),
        new BankRecord(s_nonce, 1, BankRecordKind.Incident, 2, new byte[16], new byte[32], null, new BankIncident(new IncidentId(9), new AccountId(1), IncidentCause.UnmatchedDebit, MatchFailure.NoReference, 0, new DateOnly(2025, 12, 21), 300, 77, "20251221000003"), null),
        new BankRecord(s_nonce, 1, BankRecordKind.Resolution, 0, [], [], null, null, new IncidentResolution(new IncidentId(9), 42, "银行确认：重复扣款已退回")),
        new BankRecord(s_nonce, 1, BankRecordKind.Resolution, 0, [], [], null, null, new IncidentResolution(new IncidentId(9), null, "note")),
    ];

    [Theory]
    [MemberData(nameof(Records))]
    public void EncodeDecode_RoundTrips(BankRecord record)
    {
        byte[] bytes = record.Encode();

        Assert.True(BankRecord.TryDecode(bytes, out BankRecord? decoded, out string reason), reason);
        Assert.Equal(bytes, decoded!.Encode());
        Assert.False(BankRecord.TryDecode([.. bytes, 0], out _, out _));
        Assert.False(BankRecord.TryDecode(bytes.AsSpan(0, bytes.Length - 1), out _, out _));
    }

    [Fact]
    public void Encode_RowsOutOfOrder_Refused()
    {
        var record = new BankRecord(s_nonce, 1, BankRecordKind.Reconciliation, 0, [], [], new Reconciliation(new DateOnly(2025, 12, 21), [new(new AccountId(2), 1, 1), new(new AccountId(1), 1, 1)]), null, null);

        Assert.Throws<InvalidOperationException>(record.Encode);
    }
}
