using CsCheck;
using EvidenceChain.Ledger.Banking;
using EvidenceChain.Ledger.Escrow;
using EvidenceChain.Ledger.Records;
using EvidenceChain.Ledger.Tests.Support;

namespace EvidenceChain.Ledger.Tests.Banking;

/// <summary>End-of-day balances for interest, from the notarized history: value dates for statement bookings, commit days (China Standard Time) otherwise.</summary>
public class DailyBalancesTests
{
    private const uint Cny = 1;
    private static readonly AccountId s_bank = new(1);
    private static readonly AccountId s_buyer = new(2);
    private static readonly AccountId s_seller = new(3);
    private static readonly HashSet<AccountId> s_bankAccounts = [s_bank];

    [Fact]
    public void DayOf_ChinaStandardTime_DayTurnsAt16Utc()
    {
        Assert.Equal(new DateOnly(2025, 12, 1), DailyBalances.DayOf(new DateTimeOffset(2025, 12, 1, 15, 59, 59, 999, TimeSpan.Zero).ToUnixTimeMilliseconds()));
        Assert.Equal(new DateOnly(2025, 12, 2), DailyBalances.DayOf(new DateTimeOffset(2025, 12, 1, 16, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds()));
    }

    [Fact]
    public void PostedChanges_StatementBookingsByValueDate_OthersByCommitDay_PendingAndRefusedLeftOut()
    {
        long committedDec6 = new DateTimeOffset(2025, 12, 6, 1, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        Transfer[] transfers =
        [
            new(new TransferId(1), s_bank, s_buyer, 500, Cny, 1, TransferFlags.Pending),
            new(new TransferId(2), s_bank, s_buyer, 500, Cny, 1, TransferFlags.PostPending, new TransferId(1), UserData64: 20251205),
            new(new TransferId(3), s_buyer, s_seller, 200, Cny, 2),
            new(new TransferId(4), s_bank, s_buyer, 900, Cny, 1, UserData64: 20251299),
            new(new TransferId(5), s_bank, s_buyer, 70, Cny, 1, UserData64: 20251201),
        ];
        LedgerBatchRecord record = Record(committedDec6, transfers, [CreateTransferResult.Ok, CreateTransferResult.Ok, CreateTransferResult.Ok, CreateTransferResult.Ok, CreateTransferResult.ExceedsCredits]);

        IReadOnlyList<(DateOnly Day, long ChangeFen)> changes = DailyBalances.PostedChanges(s_buyer, [record], s_bankAccounts);

        // The post by its value date; the transfer between liabilities and the one whose user data is no date by the commit day.
        Assert.Equal([(new DateOnly(2025, 12, 5), 500L), (new DateOnly(2025, 12, 6), -200L), (new DateOnly(2025, 12, 6), 900L)], changes);
    }

    [Fact]
    public void EndOfDay_OpeningBalanceAndChangesInThePeriod_LaterChangesIgnored()
    {
        (DateOnly, long)[] changes = [(new(2025, 11, 20), 1_000), (new(2025, 12, 2), 500), (new(2025, 12, 3), -1_500), (new(2025, 12, 9), 7)];

        Assert.Equal([1_000L, 1_500L, 0L, 0L], DailyBalances.EndOfDay(changes, new(2025, 12, 1), new(2025, 12, 4)));
        Assert.Throws<ArgumentOutOfRangeException>(() => DailyBalances.EndOfDay(changes, new(2025, 12, 2), new(2025, 12, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => DailyBalances.EndOfDay(changes, new(2025, 1, 1), new(2026, 1, 2)));
    }

    [Fact]
    public void EndOfDay_EachDayIsEveryChangeUpToIt() =>
        Gen.Select(Gen.Select(Gen.Int[0, 60], Gen.Long[-1_000_000, 1_000_000]).Array[0, 40], Gen.Int[0, 30], Gen.Int[1, 30])
            .Sample(
                (changes, start, length) =>
                {
                    var origin = new DateOnly(2025, 1, 1);
                    (DateOnly Day, long ChangeFen)[] dated = [.. changes.Select(c => (origin.AddDays(c.Item1), c.Item2))];
                    DateOnly first = origin.AddDays(start), last = first.AddDays(length - 1);

                    long[] balances = DailyBalances.EndOfDay(dated, first, last);

                    Assert.Equal(length, balances.Length);
                    for (int d = 0; d < length; d++)
                    {
                        DateOnly day = first.AddDays(d);
                        Assert.Equal(dated.Where(c => c.Day <= day).Sum(c => c.ChangeFen), balances[d]);
                    }
                },
                iter: Soak.PropertyIterations);

    [Fact]
    public void PostedChanges_SumToTheLedgersPostedBalance() =>
        Gen.Select(Gen.Int[0, 6], Gen.Int[0, 2], Gen.Int[0, 2], Gen.Long[1, 1_000]).Array[1, 60]
            .Sample(
                commands =>
                {
                    AccountId[] liabilities = [s_buyer, s_seller, new(4)];
                    var ledger = new EscrowLedger();
                    Assert.All(ledger.CreateAccounts([new(s_bank, AccountKind.EscrowBank, Cny, 1), .. liabilities.Select(l => new Account(l, AccountKind.Liability, Cny, 2))]), r => Assert.Equal(CreateAccountResult.Ok, r));
                    var records = new List<LedgerBatchRecord>();
                    var pendings = new List<Transfer>();
                    var posted = new List<Transfer>();
                    for (int i = 0; i < commands.Length; i++)
                    {
                        (int kind, int from, int to, long amount) = commands[i];
                        var id = new TransferId((UInt128)(i + 1));
                        AccountId a = liabilities[from], b = liabilities[to];
                        Transfer? pending = pendings.Count == 0 ? null : pendings[(int)(amount % pendings.Count)];
                        Transfer? done = posted.Count == 0 ? null : posted[(int)(amount % posted.Count)];
                        Transfer transfer = kind switch
                        {
                            0 => new(id, s_bank, a, amount, Cny, 1, UserData64: 20250101 + (ulong)from),
                            1 => new(id, a, b, amount, Cny, 2),
                            2 => new(id, a, s_bank, amount, Cny, 3, TransferFlags.Pending),
                            3 when pending is not null => pending with { Id = id, Flags = TransferFlags.PostPending, PendingId = pending.Id, AmountFen = amount % pending.AmountFen + 1, UserData64 = 20250110 },
                            4 when pending is not null => pending with { Id = id, Flags = TransferFlags.VoidPending, PendingId = pending.Id, AmountFen = 0 },
                            5 when done is not null => new(id, done.CreditAccountId, done.DebitAccountId, amount, Cny, 9, TransferFlags.Reversal, ReversedId: done.Id),
                            _ => new(id, s_bank, a, amount, Cny, 1, TransferFlags.Pending),
                        };
                        IReadOnlyList<CreateTransferResult> results = ledger.CreateTransfers([transfer]);
                        if (results[0] == CreateTransferResult.Ok)
                        {
                            (transfer.Flags == TransferFlags.Pending ? pendings : transfer.Flags is TransferFlags.None or TransferFlags.PostPending ? posted : []).Add(transfer);
                        }

                        records.Add(Record(i * 3_600_000L, [transfer], results));
                    }

                    foreach (AccountId account in liabilities)
                    {
                        AccountBalance balance = ledger.BalanceOf(account)!.Value;
                        Assert.Equal(balance.CreditsPosted - balance.DebitsPosted, DailyBalances.PostedChanges(account, records, s_bankAccounts).Sum(c => c.ChangeFen));
                    }
                },
                iter: Soak.PropertyIterations);

    private static LedgerBatchRecord Record(long recordedAtMs, IReadOnlyList<Transfer> transfers, IReadOnlyList<CreateTransferResult> results) =>
        new(new byte[32], recordedAtMs, 1, LedgerOperation.CreateTransfers, 0, [], [], [], [], transfers, results, []);
}
