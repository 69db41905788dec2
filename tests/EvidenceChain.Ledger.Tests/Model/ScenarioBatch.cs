using EvidenceChain.Ledger.Escrow;

namespace EvidenceChain.Ledger.Tests.Model;

/// <summary>One concrete batch: either accounts or transfers.</summary>
internal sealed record ScenarioBatch(IReadOnlyList<Account>? Accounts, IReadOnlyList<Transfer>? Transfers)
{
    public int Count => Accounts?.Count ?? Transfers!.Count;

    /// <summary>Applies the batch to the ledger and returns its results as numbers (the enums' values).</summary>
    public IReadOnlyList<int> ApplyTo(EscrowLedger ledger) =>
        Accounts is not null
            ? ledger.CreateAccounts(Accounts).Select(r => (int)r).ToList()
            : ledger.CreateTransfers(Transfers!).Select(r => (int)r).ToList();

    /// <summary>Applies the batch to the model and returns its predicted results as numbers.</summary>
    public IReadOnlyList<int> ApplyTo(LedgerModel model) =>
        Accounts is not null
            ? model.CreateAccounts(Accounts).Select(r => (int)r).ToList()
            : model.CreateTransfers(Transfers!).Select(r => (int)r).ToList();

    public string ResultName(int result) =>
        Accounts is not null ? ((CreateAccountResult)result).ToString() : ((CreateTransferResult)result).ToString();

    public string Describe()
    {
        IEnumerable<string> events = Accounts is not null ? Accounts.Select(Format) : Transfers!.Select(Format);
        return string.Join(Environment.NewLine, events.Select((e, i) => $"  [{i}] {e}"));
    }

    public static string Format(Account a) =>
        $"account id={Id(a.Id.Value)} kind={a.Kind} ledger={a.Ledger} code={a.Code} flags={a.Flags} user=({Id(a.UserData128)},{a.UserData64},{a.UserData32})";

    public static string Format(Transfer t) =>
        $"transfer id={Id(t.Id.Value)} debit={Id(t.DebitAccountId.Value)} credit={Id(t.CreditAccountId.Value)} amount={t.AmountFen} " +
        $"ledger={t.Ledger} code={t.Code} flags={t.Flags} pending={Id(t.PendingId.Value)} reversed={Id(t.ReversedId.Value)} " +
        $"user=({Id(t.UserData128)},{t.UserData64},{t.UserData32})";

    /// <summary>Small ids in decimal, large ones in hex (the generator sets high bits on some).</summary>
    public static string Id(UInt128 value) => value < 1_000_000 ? value.ToString() : "0x" + value.ToString("x");
}
