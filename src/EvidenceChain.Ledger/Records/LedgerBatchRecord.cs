using System.Buffers.Binary;
using System.Text;
using EvidenceChain.Ledger.Escrow;

namespace EvidenceChain.Ledger.Records;

/// <summary>
/// One committed ledger batch as notarized (ledger-batch.md): the events exactly as received, each
/// event's result, and every account it created or moved with its balances after. Its canonical
/// bytes are kept beside the evidence log, whose ledger-batch leaf commits to them; replaying the
/// records in order rebuilds every balance.
/// </summary>
/// <param name="Nonce">32 random bytes: the record's digest cannot be confirmed by guessing its contents.</param>
/// <param name="RecordedAtMs">When the writer committed it, Unix milliseconds, UTC.</param>
/// <param name="BatchNumber">1 for the first batch, then each one more: a gap or a repeat shows at once.</param>
/// <param name="Operation">Accounts or transfers.</param>
/// <param name="ActorRole">The acting party's role number (docs/roles.md); 0 for the service itself.</param>
/// <param name="ActorPartyId">The acting party's 16-byte id; empty exactly when the role is 0.</param>
/// <param name="ActorSalt">The 32-byte salt of the actor's commitment in the leaf; empty exactly when the role is 0.</param>
/// <param name="Accounts">The accounts of a CreateAccounts batch; empty otherwise.</param>
/// <param name="AccountResults">Their results, one per account.</param>
/// <param name="Transfers">The transfers of a CreateTransfers batch; empty otherwise.</param>
/// <param name="TransferResults">Their results, one per transfer.</param>
/// <param name="Touched">Every account created or moved, in ascending id order.</param>
public sealed record LedgerBatchRecord(
    byte[] Nonce,
    long RecordedAtMs,
    ulong BatchNumber,
    LedgerOperation Operation,
    byte ActorRole,
    byte[] ActorPartyId,
    byte[] ActorSalt,
    IReadOnlyList<Account> Accounts,
    IReadOnlyList<CreateAccountResult> AccountResults,
    IReadOnlyList<Transfer> Transfers,
    IReadOnlyList<CreateTransferResult> TransferResults,
    IReadOnlyList<AccountSnapshot> Touched)
{
    /// <summary>The record_schema of ledger-batch leaves.</summary>
    public const ushort Schema = 1;

    public const int NonceLengthBytes = 32;
    public const int PartyIdLengthBytes = 16;
    public const int SaltLengthBytes = 32;
    public const int AccountLengthBytes = 16 + 1 + 4 + 2 + 2 + 16 + 8 + 4;
    public const int TransferLengthBytes = 16 + 16 + 16 + 8 + 4 + 2 + 2 + 16 + 16 + 16 + 8 + 4;
    public const int SnapshotLengthBytes = 16 + 8 + (4 * 8);

    private static readonly byte[] s_magic = Encoding.ASCII.GetBytes("evidencechain/ledger-batch/v1\n");

    /// <summary>How many events the batch holds.</summary>
    public int EventCount => Operation == LedgerOperation.CreateAccounts ? Accounts.Count : Transfers.Count;

    public byte[] Encode()
    {
        if (Check() is string problem)
        {
            throw new InvalidOperationException("Not a valid ledger batch record: " + problem);
        }

        int eventLength = Operation == LedgerOperation.CreateAccounts ? AccountLengthBytes : TransferLengthBytes;
        int length = s_magic.Length + NonceLengthBytes + 8 + 8 + 1 + 1 + (ActorRole == 0 ? 0 : PartyIdLengthBytes + SaltLengthBytes)
            + 2 + (EventCount * (eventLength + 1)) + 2 + (Touched.Count * SnapshotLengthBytes);
        byte[] bytes = new byte[length];
        var writer = new Writer(bytes);
        writer.Put(s_magic);
        writer.Put(Nonce);
        writer.PutUInt64((ulong)RecordedAtMs);
        writer.PutUInt64(BatchNumber);
        writer.Put((byte)Operation);
        writer.Put(ActorRole);
        if (ActorRole != 0)
        {
            writer.Put(ActorPartyId);
            writer.Put(ActorSalt);
        }

        writer.PutUInt16((ushort)EventCount);
        if (Operation == LedgerOperation.CreateAccounts)
        {
            foreach (Account account in Accounts)
            {
                writer.Put(account);
            }

            foreach (CreateAccountResult result in AccountResults)
            {
                writer.Put((byte)result);
            }
        }
        else
        {
            foreach (Transfer transfer in Transfers)
            {
                writer.Put(transfer);
            }

            foreach (CreateTransferResult result in TransferResults)
            {
                writer.Put((byte)result);
            }
        }

        writer.PutUInt16((ushort)Touched.Count);
        foreach (AccountSnapshot snapshot in Touched)
        {
            writer.PutUInt128(snapshot.Id.Value);
            writer.PutUInt64(snapshot.PreviousBatchNumber);
            writer.PutInt64(snapshot.Balance.DebitsPending);
            writer.PutInt64(snapshot.Balance.DebitsPosted);
            writer.PutInt64(snapshot.Balance.CreditsPending);
            writer.PutInt64(snapshot.Balance.CreditsPosted);
        }

        return bytes;
    }

    /// <summary>Decodes canonical record bytes; anything else (trailing bytes, unknown values, another encoding) is refused with the reason.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> bytes, out LedgerBatchRecord? record, out string reason)
    {
        record = null;
        var reader = new Reader(bytes);
        if (!reader.TryTake(s_magic.Length, out ReadOnlySpan<byte> magic) || !magic.SequenceEqual(s_magic))
        {
            reason = "it does not start with \"evidencechain/ledger-batch/v1\"";
            return false;
        }

        if (!reader.TryTake(NonceLengthBytes, out ReadOnlySpan<byte> nonce)
            || !reader.TryUInt64(out ulong recordedAt)
            || !reader.TryUInt64(out ulong batchNumber)
            || !reader.TryByte(out byte operation)
            || !reader.TryByte(out byte actorRole))
        {
            reason = "it ends early";
            return false;
        }

        ReadOnlySpan<byte> actor = default;
        ReadOnlySpan<byte> salt = default;
        if (actorRole != 0 && (!reader.TryTake(PartyIdLengthBytes, out actor) || !reader.TryTake(SaltLengthBytes, out salt)))
        {
            reason = "it ends early";
            return false;
        }

        if (!reader.TryUInt16(out ushort eventCount))
        {
            reason = "it ends early";
            return false;
        }

        var accounts = new List<Account>();
        var accountResults = new List<CreateAccountResult>();
        var transfers = new List<Transfer>();
        var transferResults = new List<CreateTransferResult>();
        for (int i = 0; i < eventCount; i++)
        {
            bool read = (LedgerOperation)operation == LedgerOperation.CreateAccounts
                ? reader.TryAccount(accounts)
                : reader.TryTransfer(transfers);
            if (!read)
            {
                reason = "it ends inside its events";
                return false;
            }
        }

        for (int i = 0; i < eventCount; i++)
        {
            if (!reader.TryByte(out byte result))
            {
                reason = "it ends inside its results";
                return false;
            }

            if ((LedgerOperation)operation == LedgerOperation.CreateAccounts)
            {
                accountResults.Add((CreateAccountResult)result);
            }
            else
            {
                transferResults.Add((CreateTransferResult)result);
            }
        }

        if (!reader.TryUInt16(out ushort touchedCount))
        {
            reason = "it ends before its account snapshots";
            return false;
        }

        var touched = new List<AccountSnapshot>(touchedCount);
        for (int i = 0; i < touchedCount; i++)
        {
            if (!reader.TryUInt128(out UInt128 id) || !reader.TryUInt64(out ulong previous)
                || !reader.TryInt64(out long debitsPending) || !reader.TryInt64(out long debitsPosted)
                || !reader.TryInt64(out long creditsPending) || !reader.TryInt64(out long creditsPosted))
            {
                reason = "it ends inside its account snapshots";
                return false;
            }

            touched.Add(new AccountSnapshot(new AccountId(id), previous, new AccountBalance(debitsPending, debitsPosted, creditsPending, creditsPosted)));
        }

        if (!reader.AtEnd)
        {
            reason = "bytes follow the account snapshots";
            return false;
        }

        var decoded = new LedgerBatchRecord(
            nonce.ToArray(),
            recordedAt > long.MaxValue ? -1 : (long)recordedAt,
            batchNumber,
            (LedgerOperation)operation,
            actorRole,
            actor.ToArray(),
            salt.ToArray(),
            accounts,
            accountResults,
            transfers,
            transferResults,
            touched);
        if (decoded.Check() is string problem)
        {
            reason = problem;
            return false;
        }

        record = decoded;
        reason = string.Empty;
        return true;
    }

    private string? Check()
    {
        if (Nonce is not { Length: NonceLengthBytes })
        {
            return $"the nonce must be {NonceLengthBytes} bytes";
        }

        if (RecordedAtMs < 0 || BatchNumber == 0)
        {
            return "the time is before 1970 or out of range, or the batch number is 0";
        }

        if (!Enum.IsDefined(Operation))
        {
            return $"unknown operation {(byte)Operation}";
        }

        if (ActorRole == 0 ? ActorPartyId.Length != 0 || ActorSalt.Length != 0 : ActorPartyId.Length != PartyIdLengthBytes || ActorSalt.Length != SaltLengthBytes)
        {
            return "an actor is a 16-byte id and a 32-byte salt, given exactly when its role is not 0";
        }

        bool accounts = Operation == LedgerOperation.CreateAccounts;
        if ((accounts ? Transfers.Count + TransferResults.Count : Accounts.Count + AccountResults.Count) != 0
            || (accounts ? Accounts.Count != AccountResults.Count : Transfers.Count != TransferResults.Count)
            || EventCount is 0 or > EscrowLedger.BatchEventsMax)
        {
            return $"a batch holds 1 to {EscrowLedger.BatchEventsMax} events of its operation, each with one result";
        }

        if (accounts ? AccountResults.Any(r => !Enum.IsDefined(r)) : TransferResults.Any(r => !Enum.IsDefined(r)))
        {
            return "a result is not a known result";
        }

        if (Touched.Count > 2 * EscrowLedger.BatchEventsMax)
        {
            return "more account snapshots than a batch can touch";
        }

        for (int i = 1; i < Touched.Count; i++)
        {
            if (Touched[i - 1].Id.Value >= Touched[i].Id.Value)
            {
                return "the account snapshots are not in ascending id order";
            }
        }

        return null;
    }

    private sealed class Writer(byte[] destination)
    {
        private int _at;

        public void Put(ReadOnlySpan<byte> bytes)
        {
            bytes.CopyTo(destination.AsSpan(_at));
            _at += bytes.Length;
        }

        public void Put(byte value) => destination[_at++] = value;

        public void PutUInt16(ushort value)
        {
            BinaryPrimitives.WriteUInt16BigEndian(destination.AsSpan(_at), value);
            _at += 2;
        }

        public void PutUInt32(uint value)
        {
            BinaryPrimitives.WriteUInt32BigEndian(destination.AsSpan(_at), value);
            _at += 4;
        }

        public void PutUInt64(ulong value)
        {
            BinaryPrimitives.WriteUInt64BigEndian(destination.AsSpan(_at), value);
            _at += 8;
        }

        public void PutInt64(long value)
        {
            BinaryPrimitives.WriteInt64BigEndian(destination.AsSpan(_at), value);
            _at += 8;
        }

        public void PutUInt128(UInt128 value)
        {
            BinaryPrimitives.WriteUInt128BigEndian(destination.AsSpan(_at), value);
            _at += 16;
        }

        public void Put(Account account)
        {
            PutUInt128(account.Id.Value);
            Put((byte)account.Kind);
            PutUInt32(account.Ledger);
            PutUInt16(account.Code);
            PutUInt16((ushort)account.Flags);
            PutUInt128(account.UserData128);
            PutUInt64(account.UserData64);
            PutUInt32(account.UserData32);
        }

        public void Put(Transfer transfer)
        {
            PutUInt128(transfer.Id.Value);
            PutUInt128(transfer.DebitAccountId.Value);
            PutUInt128(transfer.CreditAccountId.Value);
            PutInt64(transfer.AmountFen);
            PutUInt32(transfer.Ledger);
            PutUInt16(transfer.Code);
            PutUInt16((ushort)transfer.Flags);
            PutUInt128(transfer.PendingId.Value);
            PutUInt128(transfer.ReversedId.Value);
            PutUInt128(transfer.UserData128);
            PutUInt64(transfer.UserData64);
            PutUInt32(transfer.UserData32);
        }
    }

    private ref struct Reader(ReadOnlySpan<byte> source)
    {
        private readonly ReadOnlySpan<byte> _source = source;
        private int _at;

        public readonly bool AtEnd => _at == _source.Length;

        public bool TryTake(int count, out ReadOnlySpan<byte> slice)
        {
            if (_source.Length - _at < count)
            {
                slice = default;
                return false;
            }

            slice = _source.Slice(_at, count);
            _at += count;
            return true;
        }

        public bool TryByte(out byte value)
        {
            bool ok = TryTake(1, out ReadOnlySpan<byte> one);
            value = ok ? one[0] : (byte)0;
            return ok;
        }

        public bool TryUInt16(out ushort value)
        {
            bool ok = TryTake(2, out ReadOnlySpan<byte> bytes);
            value = ok ? BinaryPrimitives.ReadUInt16BigEndian(bytes) : (ushort)0;
            return ok;
        }

        public bool TryUInt32(out uint value)
        {
            bool ok = TryTake(4, out ReadOnlySpan<byte> bytes);
            value = ok ? BinaryPrimitives.ReadUInt32BigEndian(bytes) : 0;
            return ok;
        }

        public bool TryUInt64(out ulong value)
        {
            bool ok = TryTake(8, out ReadOnlySpan<byte> bytes);
            value = ok ? BinaryPrimitives.ReadUInt64BigEndian(bytes) : 0;
            return ok;
        }

        public bool TryInt64(out long value)
        {
            bool ok = TryTake(8, out ReadOnlySpan<byte> bytes);
            value = ok ? BinaryPrimitives.ReadInt64BigEndian(bytes) : 0;
            return ok;
        }

        public bool TryUInt128(out UInt128 value)
        {
            bool ok = TryTake(16, out ReadOnlySpan<byte> bytes);
            value = ok ? BinaryPrimitives.ReadUInt128BigEndian(bytes) : 0;
            return ok;
        }

        public bool TryAccount(List<Account> accounts)
        {
            if (!TryUInt128(out UInt128 id) || !TryByte(out byte kind) || !TryUInt32(out uint ledger) || !TryUInt16(out ushort code)
                || !TryUInt16(out ushort flags) || !TryUInt128(out UInt128 user128) || !TryUInt64(out ulong user64) || !TryUInt32(out uint user32))
            {
                return false;
            }

            accounts.Add(new Account(new AccountId(id), (AccountKind)kind, ledger, code, (AccountFlags)flags, user128, user64, user32));
            return true;
        }

        public bool TryTransfer(List<Transfer> transfers)
        {
            if (!TryUInt128(out UInt128 id) || !TryUInt128(out UInt128 debit) || !TryUInt128(out UInt128 credit) || !TryInt64(out long amount)
                || !TryUInt32(out uint ledger) || !TryUInt16(out ushort code) || !TryUInt16(out ushort flags)
                || !TryUInt128(out UInt128 pending) || !TryUInt128(out UInt128 reversed)
                || !TryUInt128(out UInt128 user128) || !TryUInt64(out ulong user64) || !TryUInt32(out uint user32))
            {
                return false;
            }

            transfers.Add(new Transfer(
                new TransferId(id), new AccountId(debit), new AccountId(credit), amount, ledger, code, (TransferFlags)flags,
                new TransferId(pending), new TransferId(reversed), user128, user64, user32));
            return true;
        }
    }
}
