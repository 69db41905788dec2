using CsCheck;
using EvidenceChain.Ledger.Escrow;
using EvidenceChain.Ledger.Records;
using EvidenceChain.Ledger.Tests.Support;

namespace EvidenceChain.Ledger.Tests.Records;

/// <summary>Ledger batch records: one canonical encoding, decoded strictly (ledger-batch.md).</summary>
public class LedgerBatchRecordTests
{
    private static readonly Gen<UInt128> s_id = Gen.Select(Gen.ULong, Gen.ULong).Select((high, low) => new UInt128(high, low));

    private static readonly Gen<Transfer> s_transfer =
        Gen.Select(s_id, s_id, s_id, Gen.Long, Gen.UInt, Gen.UShort, Gen.UShort, s_id)
        .Select((id, debit, credit, amount, ledger, code, flags, user) =>
            new Transfer(new TransferId(id), new AccountId(debit), new AccountId(credit), amount, ledger, code, (TransferFlags)flags, new TransferId(user), new TransferId(~user), user, unchecked((ulong)amount), ledger));

    private static readonly Gen<Account> s_account =
        Gen.Select(s_id, Gen.Byte, Gen.UInt, Gen.UShort, Gen.UShort, s_id, Gen.ULong, Gen.UInt)
        .Select((id, kind, ledger, code, flags, u128, u64, u32) => new Account(new AccountId(id), (AccountKind)kind, ledger, code, (AccountFlags)flags, u128, u64, u32));

    private static readonly Gen<AccountSnapshot> s_snapshot =
        Gen.Select(s_id, Gen.ULong, Gen.Long, Gen.Long, Gen.Long, Gen.Long)
        .Select((id, previous, a, b, c, d) => new AccountSnapshot(new AccountId(id), previous, new AccountBalance(a, b, c, d)));

    private static readonly Gen<LedgerBatchRecord> s_records =
        Gen.Select(Gen.Byte.Array[32], Gen.Long[0, long.MaxValue], Gen.ULong[1, ulong.MaxValue], Gen.Bool, Gen.Byte[0, 8])
        .SelectMany((nonce, time, number, transfers, role) =>
            Gen.Select(
                transfers ? s_transfer.List[1, 20] : Gen.Const(new List<Transfer>()),
                transfers ? Gen.Const(new List<Account>()) : s_account.List[1, 20],
                s_snapshot.List[0, 10])
            .Select((t, a, touched) => new LedgerBatchRecord(
                nonce,
                time,
                number,
                transfers ? LedgerOperation.CreateTransfers : LedgerOperation.CreateAccounts,
                role,
                role == 0 ? [] : new byte[16],
                role == 0 ? [] : new byte[32],
                a,
                [.. a.Select((_, i) => (CreateAccountResult)(i % 10))],
                t,
                [.. t.Select((_, i) => (CreateTransferResult)(i % 41))],
                [.. touched.DistinctBy(s => s.Id).OrderBy(s => s.Id.Value)])));

    [Fact]
    public void Encode_Decode_RoundTripsEveryRecord() =>
        s_records.Sample(
            record =>
            {
                byte[] bytes = record.Encode();
                Assert.True(LedgerBatchRecord.TryDecode(bytes, out LedgerBatchRecord? decoded, out string reason), reason);
                Assert.Equal(bytes, decoded!.Encode());
                Assert.Equal(record.Transfers, decoded.Transfers);
                Assert.Equal(record.Accounts, decoded.Accounts);
                Assert.Equal(record.Touched, decoded.Touched);
            },
            iter: Soak.PropertyIterations);

    [Fact]
    public void TryDecode_TrailingOrMissingBytes_Refused()
    {
        byte[] bytes = s_records.Single().Encode();

        Assert.False(LedgerBatchRecord.TryDecode([.. bytes, 0], out _, out string trailing));
        Assert.Contains("follow", trailing, StringComparison.Ordinal);
        Assert.False(LedgerBatchRecord.TryDecode(bytes[..^1], out _, out _));
        Assert.False(LedgerBatchRecord.TryDecode([(byte)(bytes[0] ^ 1), .. bytes[1..]], out _, out _));
    }

    [Fact]
    public void Encode_InconsistentRecord_Refused()
    {
        LedgerBatchRecord record = s_records.Single();

        Assert.Throws<InvalidOperationException>(() => (record with { BatchNumber = 0 }).Encode());
        Assert.Throws<InvalidOperationException>(() => (record with { ActorRole = 3, ActorPartyId = [], ActorSalt = [] }).Encode());
        var snapshot = new AccountSnapshot(new AccountId(7), 0, default);
        Assert.Throws<InvalidOperationException>(() => (record with { Touched = [snapshot, snapshot] }).Encode());
        Assert.Throws<InvalidOperationException>(() => (record with { AccountResults = [], TransferResults = [] }).Encode());
    }
}
