using EvidenceChain.Ledger.Escrow;

namespace EvidenceChain.Ledger.Tests.Model;

/// <summary>
/// Turns random choices into concrete batches, reading the model's state at the start of each
/// batch so that most events are meaningful: accounts that exist and fit together, pending
/// transfers still open, reversible transfers, amounts that mostly fit the room an account has
/// left. The rest are there to break one rule at a time: invalid fields, unknown ids, amounts just
/// over the room or near <see cref="long.MaxValue"/>, retries with identical and with changed
/// fields, linked chains that fail or stay open.
/// </summary>
internal sealed class ScenarioBuilder
{
    private readonly LedgerModel _model;
    private readonly List<Account> _sentAccounts = [];
    private readonly List<Transfer> _sentTransfers = [];
    private readonly List<ScenarioBatch> _sentTransferBatches = [];
    private readonly List<Transfer> _batch = [];
    private ulong _accountsMinted;
    private ulong _transfersMinted;

    public ScenarioBuilder(LedgerModel model)
    {
        _model = model;
    }

    /// <summary>Every account event built so far, in order, failed ones included.</summary>
    public IReadOnlyList<Account> SentAccounts => _sentAccounts;

    /// <summary>Every transfer event built so far, in order, failed ones included.</summary>
    public IReadOnlyList<Transfer> SentTransfers => _sentTransfers;

    public ScenarioBatch Next(BatchChoice choice)
    {
        _batch.Clear();
        int what = choice.What % 10;
        if (_model.Accounts.Count < 4 || what < 2)
        {
            EventChoice[] events = choice.Events.Take(6).ToArray();
            var accounts = new List<Account>();
            for (int i = 0; i < events.Length; i++)
            {
                Account account = NextAccount(events[i], last: i == events.Length - 1);
                accounts.Add(account);
                _sentAccounts.Add(account);
            }

            return new ScenarioBatch(accounts, null);
        }

        if (what == 9 && _sentTransferBatches.Count > 0)
        {
            // A client resending a whole earlier batch after a timeout.
            ScenarioBatch resent = Pick(_sentTransferBatches, choice.What / 10);
            _sentTransfers.AddRange(resent.Transfers!);
            return resent;
        }

        for (int i = 0; i < choice.Events.Length; i++)
        {
            Transfer transfer = NextTransfer(choice.Events[i], last: i == choice.Events.Length - 1);
            _batch.Add(transfer);
            _sentTransfers.Add(transfer);
        }

        var batch = new ScenarioBatch(null, _batch.ToList());
        _sentTransferBatches.Add(batch);
        return batch;
    }

    private static T Pick<T>(IReadOnlyList<T> items, int choice) => items[choice % items.Count];

    private static bool IsLinked(EventChoice c, bool last) => last ? c.Link % 40 == 39 : c.Link % 8 == 7;

    private AccountId MintAccountId()
    {
        ulong n = ++_accountsMinted;
        return new AccountId(n % 3 == 0 ? new UInt128(1UL << 63, n) : n);
    }

    private TransferId MintTransferId()
    {
        ulong n = ++_transfersMinted;
        return new TransferId((n % 8) switch
        {
            3 => new UInt128(ulong.MaxValue, n),
            7 => new UInt128(ulong.MaxValue, ulong.MaxValue - n),
            _ => n,
        });
    }

    private static AccountId UnknownAccountId(int choice) => new(new UInt128(1UL << 62, (ulong)choice));

    private static TransferId UnknownTransferId(int choice) => new(new UInt128(1UL << 61, (ulong)choice));

    private Account NextAccount(EventChoice c, bool last)
    {
        int what = c.What % 100;
        if (what >= 70 && what < 80 && _sentAccounts.Count > 0)
        {
            return Pick(_sentAccounts, c.A);
        }

        if (what >= 80 && what < 88 && _sentAccounts.Count > 0)
        {
            Account original = Pick(_sentAccounts, c.A);
            return (c.B % 5) switch
            {
                0 => original with { Code = (ushort)(original.Code % 3 + 1) },
                1 => original with { Ledger = original.Ledger == 1 ? 2u : 1u },
                2 => original with { Kind = original.Kind == AccountKind.Liability ? AccountKind.EscrowBank : AccountKind.Liability },
                3 => original with { UserData64 = original.UserData64 + 1 },
                _ => original with { Flags = original.Flags ^ AccountFlags.Linked },
            };
        }

        var account = new Account(
            MintAccountId(),
            (c.A % 10) switch
            {
                < 4 => AccountKind.Liability,
                < 7 => AccountKind.EscrowBank,
                _ => AccountKind.Memo,
            },
            Ledger: c.B % 10 < 9 ? 1u : 2u,
            Code: (ushort)(1 + c.C % 3),
            Flags: IsLinked(c, last) ? AccountFlags.Linked : AccountFlags.None,
            UserData128: c.E % 4 == 0 ? new UInt128(ulong.MaxValue, (ulong)c.E) : 0,
            UserData64: (ulong)c.D,
            UserData32: (uint)c.E);
        if (what < 88)
        {
            return account;
        }

        return (c.D % 8) switch
        {
            0 => account with { Id = new AccountId(0) },
            1 => account with { Id = new AccountId(UInt128.MaxValue) },
            2 => account with { Kind = 0 },
            3 => account with { Kind = (AccountKind)4 },
            4 => account with { Kind = (AccountKind)255 },
            5 => account with { Ledger = 0 },
            6 => account with { Code = 0 },
            // Not invalid: of an account's flags only Linked is read (docs/ledger.md), but the rest are fields.
            _ => account with { Flags = account.Flags | (AccountFlags)(c.E % 2 == 0 ? 2 : 0x8000) },
        };
    }

    private Transfer NextTransfer(EventChoice c, bool last)
    {
        int what = c.What % 100;
        if (what >= 78 && what < 88 && _sentTransfers.Count > 0)
        {
            return Retry(c, changed: what >= 85);
        }

        TransferFlags linked = IsLinked(c, last) ? TransferFlags.Linked : TransferFlags.None;
        Transfer transfer = what switch
        {
            < 28 => Movement(c, TransferFlags.None),
            < 46 => Movement(c, TransferFlags.Pending),
            < 60 => Resolution(c, TransferFlags.PostPending),
            < 68 => Resolution(c, TransferFlags.VoidPending),
            < 78 => Reversal(c),
            _ => Invalid(c),
        };
        return transfer with { Flags = transfer.Flags | linked };
    }

    /// <summary>Two accounts that mostly fit together: the same ledger, both escrow or both memo.</summary>
    private (AccountId Debit, AccountId Credit) PickAccounts(EventChoice c)
    {
        IReadOnlyList<Account> accounts = _model.Accounts;
        if (accounts.Count == 0)
        {
            return (UnknownAccountId(c.A), UnknownAccountId(c.B));
        }

        if (c.A % 5 == 0)
        {
            // Money arriving: an escrow bank account debited, a liability credited (no rule limits either side).
            var banks = accounts.Where(a => a.Kind == AccountKind.EscrowBank).ToList();
            var liabilities = accounts.Where(a => a.Kind == AccountKind.Liability).ToList();
            if (banks.Count > 0 && liabilities.Count > 0)
            {
                Account bank = Pick(banks, c.A / 5);
                var sameLedger = liabilities.Where(a => a.Ledger == bank.Ledger).ToList();
                return (bank.Id, Pick(sameLedger.Count > 0 ? sameLedger : liabilities, c.B).Id);
            }
        }

        Account debit = Pick(accounts, c.A);
        int how = c.B % 20;
        if (how < 18)
        {
            var fitting = accounts
                .Where(a => a.Id != debit.Id && a.Ledger == debit.Ledger && (a.Kind == AccountKind.Memo) == (debit.Kind == AccountKind.Memo))
                .ToList();
            if (fitting.Count > 0)
            {
                return (debit.Id, Pick(fitting, c.B / 10).Id);
            }
        }

        return how == 19 ? (debit.Id, UnknownAccountId(c.B)) : (debit.Id, Pick(accounts, c.B / 10).Id);
    }

    /// <summary>How much more the balance rules let the pair move, at the start of the batch; null if no rule applies.</summary>
    private long? RoomOf(AccountId debitId, AccountId creditId)
    {
        long? room = null;
        Account? debit = _model.FindAccount(debitId);
        if (debit?.Kind == AccountKind.Liability)
        {
            AccountBalance b = _model.BalanceOf(debitId)!.Value;
            room = b.CreditsPosted - b.DebitsPending - b.DebitsPosted;
        }

        Account? credit = _model.FindAccount(creditId);
        if (credit?.Kind == AccountKind.EscrowBank)
        {
            AccountBalance b = _model.BalanceOf(creditId)!.Value;
            long creditRoom = b.DebitsPosted - b.CreditsPending - b.CreditsPosted;
            room = room is null ? creditRoom : Math.Min(room.Value, creditRoom);
        }

        return room;
    }

    /// <summary>
    /// The most the pair can take before a balance field or a side's sum of pending and posted
    /// passes <see cref="long.MaxValue"/> (at the start of the batch); one more overflows.
    /// </summary>
    private long HeadroomOf(AccountId debitId, AccountId creditId)
    {
        AccountBalance debit = _model.BalanceOf(debitId) ?? default;
        AccountBalance credit = _model.BalanceOf(creditId) ?? default;
        long debitSide = long.MaxValue - debit.DebitsPending - debit.DebitsPosted;
        long creditSide = long.MaxValue - credit.CreditsPending - credit.CreditsPosted;
        return Math.Max(1, Math.Min(debitSide, creditSide));
    }

    private long AmountFor(EventChoice c, AccountId debit, AccountId credit)
    {
        long small = 1 + c.D % 1000;
        long? room = RoomOf(debit, credit);
        return (c.C % 40) switch
        {
            < 18 => room > 0 && c.C % 2 == 0 ? Math.Min(small, room.Value) : small,
            < 26 => room > 0 ? room.Value : small,
            < 29 => room >= 0 && room < long.MaxValue ? room.Value + 1 : small,
            < 31 => room > 1 ? room.Value / 2 : small,
            < 33 => long.MaxValue - c.D % 3,
            < 35 => HeadroomOf(debit, credit) is long headroom && headroom < long.MaxValue ? headroom + c.C % 2 : long.MaxValue,
            35 => long.MaxValue / 2 + c.D % 3,
            < 38 => small * 1000,
            38 => 0,
            _ => c.D % 2 == 0 ? -(1 + c.D % 5) : long.MinValue,
        };
    }

    private uint LedgerOf(AccountId id) => _model.FindAccount(id)?.Ledger ?? 1;

    /// <summary>A single-phase or pending transfer.</summary>
    private Transfer Movement(EventChoice c, TransferFlags flags)
    {
        (AccountId debit, AccountId credit) = PickAccounts(c);
        uint ledger = LedgerOf(debit);
        return new Transfer(
            MintTransferId(),
            debit,
            credit,
            AmountFor(c, debit, credit),
            c.E % 23 == 22 ? 3 - ledger : ledger,
            (ushort)(1 + c.E % 3),
            flags,
            UserData128: c.E % 5 == 0 ? new UInt128((ulong)c.E, 1) : 0,
            UserData64: (ulong)c.E,
            UserData32: (uint)c.D);
    }

    /// <summary>A post or void: of an open pending transfer mostly, else of a resolved or failed one, a non-pending one, or an unknown id.</summary>
    private Transfer Resolution(EventChoice c, TransferFlags flags)
    {
        var open = _model.Transfers
            .Where(t => ModelState.IsPending(t) && _model.StateOf(t.Id) == TransferState.Pending)
            .ToList();
        var openInBatch = _batch.Where(ModelState.IsPending).ToList();
        var resolved = _model.Transfers
            .Where(t => ModelState.IsPending(t) && _model.StateOf(t.Id) != TransferState.Pending)
            .ToList();
        var anyPending = _sentTransfers.Where(ModelState.IsPending).ToList();
        var notPending = _sentTransfers.Where(t => !ModelState.IsPending(t)).ToList();
        Transfer? pending = (c.A % 10) switch
        {
            7 when resolved.Count > 0 => Pick(resolved, c.A / 10),
            8 when anyPending.Count > 0 => Pick(anyPending, c.A / 10),
            9 when notPending.Count > 0 => Pick(notPending, c.A / 10),
            6 when openInBatch.Count > 0 => Pick(openInBatch, c.A / 10),
            _ when open.Count > 0 => Pick(open, c.A / 10),
            _ when openInBatch.Count > 0 => Pick(openInBatch, c.A / 10),
            _ => null,
        };

        if (pending is null && c.A % 10 < 9)
        {
            // Nothing to resolve yet: make something to resolve later.
            return Movement(c, TransferFlags.Pending);
        }

        if (pending is null)
        {
            Transfer draft = Movement(c, flags);
            return draft with { PendingId = UnknownTransferId(c.A) };
        }

        long amountPending = pending.AmountFen;
        long amount = flags == TransferFlags.PostPending
            ? (c.C % 20) switch
            {
                < 10 => amountPending,
                < 16 when amountPending > 1 => 1 + c.D % (amountPending - 1),
                < 18 when amountPending < long.MaxValue => amountPending + 1,
                19 => 0,
                _ => amountPending,
            }
            : (c.C % 20) switch
            {
                < 9 => 0,
                < 16 => amountPending,
                < 19 when amountPending > long.MinValue => amountPending - 1,
                19 => -1,
                _ => 0,
            };

        var resolution = new Transfer(
            MintTransferId(),
            pending.DebitAccountId,
            pending.CreditAccountId,
            amount,
            pending.Ledger,
            pending.Code,
            flags,
            PendingId: pending.Id,
            UserData64: (ulong)c.E);
        return (c.B % 24) switch
        {
            0 => resolution with { DebitAccountId = PickAccounts(c).Debit },
            1 => resolution with { CreditAccountId = PickAccounts(c).Credit },
            2 => resolution with { Code = (ushort)(resolution.Code % 3 + 1) },
            3 => resolution with { Ledger = resolution.Ledger == 1 ? 2u : 1u },
            _ => resolution,
        };
    }

    /// <summary>A reversal: of a single-phase transfer or a post mostly, else of one that cannot be reversed, or an unknown id.</summary>
    private Transfer Reversal(EventChoice c)
    {
        static bool IsReversible(Transfer t) => !ModelState.IsPending(t) && !ModelState.IsVoid(t) && !ModelState.IsReversal(t);
        var reversible = _model.Transfers.Where(IsReversible).Concat(_batch.Where(IsReversible)).ToList();
        var irreversible = _model.Transfers.Where(t => !IsReversible(t)).ToList();
        Transfer? reversed = (c.A % 20) switch
        {
            < 16 when reversible.Count > 0 => Pick(reversible, c.A / 20),
            < 18 when irreversible.Count > 0 => Pick(irreversible, c.A / 20),
            18 when _sentTransfers.Count > 0 => Pick(_sentTransfers, c.A / 20),
            19 => null,
            _ when reversible.Count > 0 => Pick(reversible, c.A / 20),
            _ => null,
        };

        if (reversed is null && c.A % 20 != 19)
        {
            // Nothing to reverse yet: make something to reverse later.
            return Movement(c, TransferFlags.None);
        }

        if (reversed is null)
        {
            Transfer draft = Movement(c, TransferFlags.Reversal);
            return draft with { ReversedId = UnknownTransferId(c.A) };
        }

        long posted = reversed.AmountFen;
        long remaining = posted - _model.ReversedAmountOf(reversed.Id);
        long amount = (c.C % 20) switch
        {
            < 8 => remaining > 0 ? remaining : posted,
            < 14 when posted > 1 => 1 + c.D % posted,
            < 17 when remaining < long.MaxValue => remaining + 1,
            19 => 0,
            _ => posted,
        };

        (AccountId debit, AccountId credit) = (c.B % 20) switch
        {
            0 => (reversed.DebitAccountId, reversed.CreditAccountId),
            1 => (reversed.CreditAccountId, PickAccounts(c).Credit),
            _ => (reversed.CreditAccountId, reversed.DebitAccountId),
        };

        return new Transfer(
            MintTransferId(),
            debit,
            credit,
            amount,
            reversed.Ledger,
            (ushort)(1 + c.E % 3),
            TransferFlags.Reversal,
            ReversedId: reversed.Id,
            UserData64: (ulong)c.E);
    }

    /// <summary>An earlier event sent again, identical or with one field changed.</summary>
    private Transfer Retry(EventChoice c, bool changed)
    {
        Transfer original = Pick(_sentTransfers, c.A);
        if (!changed)
        {
            return original;
        }

        return (c.B % 6) switch
        {
            0 => original with { AmountFen = original.AmountFen < long.MaxValue ? original.AmountFen + 1 : 1 },
            1 => original with { Code = (ushort)(original.Code == 1 ? 2 : 1) },
            2 => original with { Flags = original.Flags ^ TransferFlags.Linked },
            3 => original with { UserData32 = original.UserData32 + 1 },
            4 => original with { DebitAccountId = original.CreditAccountId, CreditAccountId = original.DebitAccountId },
            _ => original with { UserData128 = original.UserData128 ^ 1 },
        };
    }

    /// <summary>A transfer that breaks one of the rules checked before the state is read.</summary>
    private Transfer Invalid(EventChoice c)
    {
        Transfer draft = Movement(c, TransferFlags.None);
        TransferId someId = _sentTransfers.Count > 0 ? Pick(_sentTransfers, c.D).Id : UnknownTransferId(c.D);
        return (c.A % 17) switch
        {
            0 => draft with { Id = new TransferId(0) },
            1 => draft with { Id = new TransferId(UInt128.MaxValue) },
            2 => draft with { Flags = TransferFlags.Pending | TransferFlags.PostPending, PendingId = someId },
            3 => draft with { Flags = TransferFlags.VoidPending | TransferFlags.Reversal },
            4 => draft with { Flags = (TransferFlags)(c.B % 2 == 0 ? 32 : 0x8000) },
            5 => draft with { DebitAccountId = new AccountId(0) },
            6 => draft with { CreditAccountId = new AccountId(0) },
            7 => draft with { CreditAccountId = draft.DebitAccountId },
            8 => draft with { PendingId = someId },
            9 => draft with { ReversedId = someId },
            10 => draft with { Flags = TransferFlags.PostPending },
            11 => draft with { Flags = TransferFlags.Reversal },
            12 => draft with { Flags = TransferFlags.VoidPending, PendingId = draft.Id },
            13 => draft with { Ledger = 0 },
            14 => draft with { Code = 0 },
            15 => draft with { DebitAccountId = UnknownAccountId(c.B) },
            _ => draft with { DebitAccountId = new AccountId(UInt128.MaxValue) },
        };
    }
}
