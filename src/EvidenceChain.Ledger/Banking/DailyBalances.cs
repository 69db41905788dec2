using EvidenceChain.Ledger.Escrow;
using EvidenceChain.Ledger.Records;

namespace EvidenceChain.Ledger.Banking;

/// <summary>
/// A party sub-account's end-of-day balances over an interest period, derived from its notarized
/// ledger history (DOMAIN.md §6.4): the weights of <see cref="InterestAllocation"/>. The balance is
/// the posted one (credits posted less debits posted): a pending payout has not left the bank, so it
/// still earns. Each posted change counts from its day: a statement line's booking (a transfer on an
/// escrow bank account whose <c>user_data_64</c> is a date, as the bank desk books them) from the
/// bank's value date, since the bank pays interest by value date and its statement is a trusted time
/// source (DOMAIN.md §6.5); any other change from the day its batch was committed. Days are China
/// Standard Time (UTC+8, no daylight saving). Pure.
/// </summary>
public static class DailyBalances
{
    /// <summary>China Standard Time, the offset of Asia/Shanghai since 1991.</summary>
    public static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    /// <summary>The China Standard Time day of a Unix millisecond instant.</summary>
    public static DateOnly DayOf(long unixMs) => DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeMilliseconds(unixMs).ToOffset(ChinaStandardTime).DateTime);

    /// <summary>The posted changes of an account in its history, each with the day it counts from.</summary>
    /// <param name="account">The account.</param>
    /// <param name="records">The ledger batches that created or moved it, in batch order.</param>
    /// <param name="bankAccounts">The escrow bank accounts, whose statement bookings carry a value date.</param>
    public static IReadOnlyList<(DateOnly Day, long ChangeFen)> PostedChanges(AccountId account, IEnumerable<LedgerBatchRecord> records, IReadOnlySet<AccountId> bankAccounts)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(bankAccounts);
        var changes = new List<(DateOnly, long)>();
        foreach (LedgerBatchRecord record in records)
        {
            DateOnly committed = DayOf(record.RecordedAtMs);
            for (int i = 0; i < record.Transfers.Count; i++)
            {
                Transfer transfer = record.Transfers[i];
                bool debit = transfer.DebitAccountId == account;
                bool credit = transfer.CreditAccountId == account;

                // Pending and void move only pending balances; single-phase, post and reversal post.
                if (record.TransferResults[i] != CreateTransferResult.Ok || !(debit || credit) || (transfer.Flags & (TransferFlags.Pending | TransferFlags.VoidPending)) != 0)
                {
                    continue;
                }

                bool booksStatementLine = bankAccounts.Contains(transfer.DebitAccountId) || bankAccounts.Contains(transfer.CreditAccountId);
                DateOnly day = booksStatementLine && transfer.UserData64 <= uint.MaxValue && BankRecord.TryDate((uint)transfer.UserData64, out DateOnly valueDate) ? valueDate : committed;
                changes.Add((day, credit ? transfer.AmountFen : -transfer.AmountFen));
            }
        }

        return changes;
    }

    /// <summary>The balance at the end of each day from <paramref name="first"/> to <paramref name="last"/>: every change counted from its day on.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The period is empty or longer than <see cref="InterestAllocation.PeriodDaysMax"/> days.</exception>
    /// <exception cref="OverflowException">The changes overflow a long (only a forged history can).</exception>
    public static long[] EndOfDay(IReadOnlyList<(DateOnly Day, long ChangeFen)> changes, DateOnly first, DateOnly last)
    {
        ArgumentNullException.ThrowIfNull(changes);
        int days = last.DayNumber - first.DayNumber + 1;
        if (days is < 1 or > InterestAllocation.PeriodDaysMax)
        {
            throw new ArgumentOutOfRangeException(nameof(last), $"An interest period is 1 to {InterestAllocation.PeriodDaysMax} days, not {days}.");
        }

        // Changes before the period make its opening balance; each later one counts from its day on.
        long opening = 0;
        long[] onDay = new long[days];
        foreach ((DateOnly day, long change) in changes)
        {
            if (day < first)
            {
                opening = checked(opening + change);
            }
            else if (day <= last)
            {
                onDay[day.DayNumber - first.DayNumber] = checked(onDay[day.DayNumber - first.DayNumber] + change);
            }
        }

        long balance = opening;
        for (int d = 0; d < days; d++)
        {
            balance = checked(balance + onDay[d]);
            onDay[d] = balance;
        }

        return onDay;
    }
}
