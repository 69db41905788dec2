using System.Buffers.Binary;
using System.Text;
using EvidenceChain.Ledger.Escrow;

namespace EvidenceChain.Ledger.Banking;

/// <summary>
/// A record about the escrow ledger's bank side, notarized as a record leaf of type 3 (ledger
/// batch) with <c>record_schema</c> 2 (docs/formats/bank-statement.md, Bank records): a daily
/// reconciliation, an incident, or an incident's resolution. Exactly one of
/// <see cref="Reconciliation"/>, <see cref="Incident"/>, <see cref="Resolution"/> is set, as
/// <see cref="Kind"/> says. Canonical: one value has one encoding, and decoding refuses anything else.
/// </summary>
public sealed record BankRecord(
    byte[] Nonce,
    long RecordedAtMs,
    BankRecordKind Kind,
    byte ActorRole,
    byte[] ActorPartyId,
    byte[] ActorSalt,
    Reconciliation? Reconciliation,
    BankIncident? Incident,
    IncidentResolution? Resolution)
{
    /// <summary>The record_schema of bank records under leaf type 3.</summary>
    public const ushort Schema = 2;

    public const int NonceLengthBytes = 32;
    public const int PartyIdLengthBytes = 16;
    public const int SaltLengthBytes = 32;
    public const int NoteLengthMaxBytes = 1024;

    private const int RowLengthBytes = 16 + 8 + 8 + 8;
    private static readonly byte[] s_magic = Encoding.ASCII.GetBytes("evidencechain/bank-record/v1\n");

    public byte[] Encode()
    {
        if (Check() is string problem)
        {
            throw new InvalidOperationException("Not a valid bank record: " + problem);
        }

        var bytes = new List<byte>(256);
        bytes.AddRange(s_magic);
        bytes.AddRange(Nonce);
        PutInt64(bytes, RecordedAtMs);
        bytes.Add((byte)Kind);
        bytes.Add(ActorRole);
        if (ActorRole != 0)
        {
            bytes.AddRange(ActorPartyId);
            bytes.AddRange(ActorSalt);
        }

        switch (Kind)
        {
            case BankRecordKind.Reconciliation:
                PutUInt32(bytes, DateNumber(Reconciliation!.Date));
                PutUInt16(bytes, (ushort)Reconciliation.Rows.Count);
                foreach (ReconciliationRow row in Reconciliation.Rows)
                {
                    PutUInt128(bytes, row.Account.Value);
                    PutInt64(bytes, row.LedgerBalanceFen);
                    PutInt64(bytes, row.StatementClosingFen);
                    PutInt64(bytes, row.DifferenceFen);
                }

                break;
            case BankRecordKind.Incident:
                BankIncident incident = Incident!;
                PutUInt128(bytes, incident.Id.Value);
                PutUInt128(bytes, incident.BankAccount.Value);
                bytes.Add((byte)incident.Cause);
                bytes.Add((byte)incident.Failure);
                bytes.Add(incident.LedgerResult);
                PutUInt32(bytes, DateNumber(incident.Date));
                PutInt64(bytes, incident.AmountFen);
                PutUInt128(bytes, incident.LineDigest);
                bytes.Add((byte)incident.Serial.Length);
                bytes.AddRange(Encoding.ASCII.GetBytes(incident.Serial));
                break;
            default:
                PutUInt128(bytes, Resolution!.Id.Value);
                bytes.Add(Resolution.EvidenceLeafIndex is null ? (byte)0 : (byte)1);
                if (Resolution.EvidenceLeafIndex is ulong leafIndex)
                {
                    PutUInt64(bytes, leafIndex);
                }

                byte[] note = Encoding.UTF8.GetBytes(Resolution.Note);
                PutUInt16(bytes, (ushort)note.Length);
                bytes.AddRange(note);
                break;
        }

        return [.. bytes];
    }

    /// <summary>Decodes canonical record bytes; anything else is refused with the reason.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> bytes, out BankRecord? record, out string reason)
    {
        record = null;
        reason = "it ends early";
        if (!bytes.StartsWith(s_magic))
        {
            reason = "it does not start with \"evidencechain/bank-record/v1\"";
            return false;
        }

        int at = s_magic.Length;
        if (!Take(bytes, ref at, NonceLengthBytes + 8 + 1 + 1, out ReadOnlySpan<byte> head))
        {
            return false;
        }

        byte[] nonce = head[..NonceLengthBytes].ToArray();
        long recordedAtMs = BinaryPrimitives.ReadInt64BigEndian(head[NonceLengthBytes..]);
        var kind = (BankRecordKind)head[NonceLengthBytes + 8];
        byte actorRole = head[NonceLengthBytes + 9];
        byte[] party = [];
        byte[] salt = [];
        if (actorRole != 0)
        {
            if (!Take(bytes, ref at, PartyIdLengthBytes + SaltLengthBytes, out ReadOnlySpan<byte> actor))
            {
                return false;
            }

            party = actor[..PartyIdLengthBytes].ToArray();
            salt = actor[PartyIdLengthBytes..].ToArray();
        }

        Reconciliation? reconciliation = null;
        BankIncident? incident = null;
        IncidentResolution? resolution = null;
        switch (kind)
        {
            case BankRecordKind.Reconciliation:
                if (!Take(bytes, ref at, 6, out ReadOnlySpan<byte> rh) || !TryDate(BinaryPrimitives.ReadUInt32BigEndian(rh), out DateOnly date))
                {
                    reason = "its date is not a date";
                    return false;
                }

                int count = BinaryPrimitives.ReadUInt16BigEndian(rh[4..]);
                var rows = new List<ReconciliationRow>(count);
                for (int i = 0; i < count; i++)
                {
                    if (!Take(bytes, ref at, RowLengthBytes, out ReadOnlySpan<byte> row))
                    {
                        return false;
                    }

                    var r = new ReconciliationRow(
                        new AccountId(BinaryPrimitives.ReadUInt128BigEndian(row)),
                        BinaryPrimitives.ReadInt64BigEndian(row[16..]),
                        BinaryPrimitives.ReadInt64BigEndian(row[24..]));
                    if (BinaryPrimitives.ReadInt64BigEndian(row[32..]) != (Int128)r.LedgerBalanceFen - r.StatementClosingFen)
                    {
                        reason = $"row {i}'s difference is not its ledger balance less its closing balance";
                        return false;
                    }

                    rows.Add(r);
                }

                reconciliation = new Reconciliation(date, rows);
                break;
            case BankRecordKind.Incident:
                if (!Take(bytes, ref at, 16 + 16 + 3 + 4 + 8 + 16 + 1, out ReadOnlySpan<byte> ib)
                    || !Take(bytes, ref at, ib[^1], out ReadOnlySpan<byte> serial))
                {
                    return false;
                }

                if (!TryDate(BinaryPrimitives.ReadUInt32BigEndian(ib[35..]), out DateOnly incidentDate))
                {
                    reason = "its date is not a date";
                    return false;
                }

                incident = new BankIncident(
                    new IncidentId(BinaryPrimitives.ReadUInt128BigEndian(ib)),
                    new AccountId(BinaryPrimitives.ReadUInt128BigEndian(ib[16..])),
                    (IncidentCause)ib[32],
                    (MatchFailure)ib[33],
                    ib[34],
                    incidentDate,
                    BinaryPrimitives.ReadInt64BigEndian(ib[39..]),
                    BinaryPrimitives.ReadUInt128BigEndian(ib[47..]),
                    Encoding.ASCII.GetString(serial));
                break;
            case BankRecordKind.Resolution:
                if (!Take(bytes, ref at, 17, out ReadOnlySpan<byte> rb))
                {
                    return false;
                }

                ulong? evidence = null;
                if (rb[16] == 1)
                {
                    if (!Take(bytes, ref at, 8, out ReadOnlySpan<byte> e))
                    {
                        return false;
                    }

                    evidence = BinaryPrimitives.ReadUInt64BigEndian(e);
                }
                else if (rb[16] != 0)
                {
                    reason = "its evidence flag is neither 0 nor 1";
                    return false;
                }

                if (!Take(bytes, ref at, 2, out ReadOnlySpan<byte> nl) || !Take(bytes, ref at, BinaryPrimitives.ReadUInt16BigEndian(nl), out ReadOnlySpan<byte> note))
                {
                    return false;
                }

                if (!System.Text.Unicode.Utf8.IsValid(note))
                {
                    reason = "its note is not UTF-8";
                    return false;
                }

                resolution = new IncidentResolution(new IncidentId(BinaryPrimitives.ReadUInt128BigEndian(rb)), evidence, Encoding.UTF8.GetString(note));
                break;
            default:
                reason = $"kind {(byte)kind} is unknown";
                return false;
        }

        if (at != bytes.Length)
        {
            reason = "it has trailing bytes";
            return false;
        }

        var decoded = new BankRecord(nonce, recordedAtMs, kind, actorRole, party, salt, reconciliation, incident, resolution);
        if (decoded.Check() is string problem)
        {
            reason = problem;
            return false;
        }

        record = decoded;
        reason = string.Empty;
        return true;
    }

    /// <summary>A date as the record writes it: the number yyyymmdd.</summary>
    public static uint DateNumber(DateOnly date) => (uint)((date.Year * 10_000) + (date.Month * 100) + date.Day);

    /// <summary>The date a number yyyymmdd names, if it names one.</summary>
    public static bool TryDate(uint number, out DateOnly date)
    {
        date = default;
        int year = (int)(number / 10_000);
        int month = (int)(number / 100 % 100);
        int day = (int)(number % 100);
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    private string? Check()
    {
        if (Nonce is null || Nonce.Length != NonceLengthBytes)
        {
            return $"the nonce has {Nonce?.Length ?? 0} bytes, not {NonceLengthBytes}";
        }

        if ((ActorRole == 0) != (ActorPartyId.Length == 0) || (ActorRole != 0 && (ActorPartyId.Length != PartyIdLengthBytes || ActorSalt.Length != SaltLengthBytes)) || (ActorRole == 0 && ActorSalt.Length != 0))
        {
            return "the actor's presence disagrees with its role";
        }

        if ((Reconciliation is not null ? 1 : 0) + (Incident is not null ? 1 : 0) + (Resolution is not null ? 1 : 0) != 1
            || (Kind == BankRecordKind.Reconciliation) != (Reconciliation is not null)
            || (Kind == BankRecordKind.Incident) != (Incident is not null)
            || (Kind == BankRecordKind.Resolution) != (Resolution is not null))
        {
            return "its body disagrees with its kind";
        }

        if (Reconciliation is { } reconciliation)
        {
            if (reconciliation.Rows.Count is 0 or > Reconciliation.AccountCountMax)
            {
                return $"a reconciliation has 1 to {Reconciliation.AccountCountMax} rows";
            }

            for (int i = 1; i < reconciliation.Rows.Count; i++)
            {
                if (reconciliation.Rows[i - 1].Account.Value >= reconciliation.Rows[i].Account.Value)
                {
                    return "its rows are not in ascending account order";
                }
            }
        }

        if (Incident is { } incident
            && (!Enum.IsDefined(incident.Cause) || !Enum.IsDefined(incident.Failure) || incident.Serial.Length > 64 || incident.Serial.Any(c => c > 0x7F)))
        {
            return "its incident has an unknown cause or failure, or a serial that is not 0 to 64 ASCII characters";
        }

        if (Resolution is { } resolution)
        {
            int noteLength = Encoding.UTF8.GetByteCount(resolution.Note);
            if (noteLength is 0 or > NoteLengthMaxBytes)
            {
                return $"a resolution's note has 1 to {NoteLengthMaxBytes} bytes, not {noteLength}";
            }
        }

        return null;
    }

    private static bool Take(ReadOnlySpan<byte> bytes, ref int at, int count, out ReadOnlySpan<byte> slice)
    {
        if (bytes.Length - at < count)
        {
            slice = default;
            return false;
        }

        slice = bytes.Slice(at, count);
        at += count;
        return true;
    }

    private static void PutUInt16(List<byte> bytes, ushort value) => bytes.AddRange([(byte)(value >> 8), (byte)value]);

    private static void PutUInt32(List<byte> bytes, uint value)
    {
        Span<byte> b = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(b, value);
        bytes.AddRange(b);
    }

    private static void PutUInt64(List<byte> bytes, ulong value)
    {
        Span<byte> b = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(b, value);
        bytes.AddRange(b);
    }

    private static void PutInt64(List<byte> bytes, long value)
    {
        Span<byte> b = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(b, value);
        bytes.AddRange(b);
    }

    private static void PutUInt128(List<byte> bytes, UInt128 value)
    {
        Span<byte> b = stackalloc byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(b, value);
        bytes.AddRange(b);
    }
}
