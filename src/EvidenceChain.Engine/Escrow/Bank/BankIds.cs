using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using EvidenceChain.Ledger.Banking;
using EvidenceChain.Ledger.Escrow;

namespace EvidenceChain.Engine.Escrow.Bank;

/// <summary>
/// Ids and digests the bank desk derives (docs/formats/bank-statement.md, Ids): each is the first
/// 16 bytes, big-endian, of SHA-256 over a domain tag and length-prefixed fields, so the same line
/// always books under the same transfer id and a re-import meets the ledger's fixed outcome.
/// </summary>
public static class BankIds
{
    /// <summary>The transfer id of the line with this serial on this bank account.</summary>
    public static TransferId LineTransferId(string bankAccount, string serial) =>
        new(Derive("evidencechain/bank-line/v1\n", Encoding.ASCII.GetBytes(bankAccount), Encoding.ASCII.GetBytes(serial)));

    /// <summary>The digest of everything a line says, kept in its transfer's <c>UserData128</c>: the same serial with other content is told apart.</summary>
    public static UInt128 LineDigest(StatementLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        byte[] amount = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(amount, line.AmountFen);
        byte[] date = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(date, BankRecord.DateNumber(line.ValueDate));
        return Derive(
            "evidencechain/bank-line-content/v1\n",
            Encoding.ASCII.GetBytes(line.BankAccount),
            Encoding.ASCII.GetBytes(line.Serial),
            date,
            [(byte)line.Type, (byte)line.Direction],
            amount,
            Encoding.ASCII.GetBytes(line.CounterpartyAccount),
            Encoding.UTF8.GetBytes(line.Reference));
    }

    /// <summary>The incident a reconciliation difference opens: one per account, day and reconciliation leaf.</summary>
    public static IncidentId ReconciliationIncidentId(AccountId account, DateOnly date, ulong leafIndex)
    {
        byte[] fields = new byte[16 + 4 + 8];
        BinaryPrimitives.WriteUInt128BigEndian(fields, account.Value);
        BinaryPrimitives.WriteUInt32BigEndian(fields.AsSpan(16), BankRecord.DateNumber(date));
        BinaryPrimitives.WriteUInt64BigEndian(fields.AsSpan(20), leafIndex);
        return new IncidentId(Derive("evidencechain/bank-reconciliation-incident/v1\n", fields));
    }

    /// <summary>The transfer that moves a recipient's share of one interest credit.</summary>
    public static TransferId InterestShareId(TransferId interestTransfer, AccountId recipient)
    {
        byte[] fields = new byte[32];
        BinaryPrimitives.WriteUInt128BigEndian(fields, interestTransfer.Value);
        BinaryPrimitives.WriteUInt128BigEndian(fields.AsSpan(16), recipient.Value);
        return new TransferId(Derive("evidencechain/bank-interest-share/v1\n", fields));
    }

    private static UInt128 Derive(string tag, params byte[][] fields)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.ASCII.GetBytes(tag));
        Span<byte> length = stackalloc byte[2];
        foreach (byte[] field in fields)
        {
            BinaryPrimitives.WriteUInt16BigEndian(length, checked((ushort)field.Length));
            hash.AppendData(length);
            hash.AppendData(field);
        }

        UInt128 value = BinaryPrimitives.ReadUInt128BigEndian(hash.GetHashAndReset());

        // 0 and all ones are reserved ids; SHA-256 giving either is not a case to handle.
        return value == 0 || value == UInt128.MaxValue ? throw new InvalidOperationException("A derived id is reserved.") : value;
    }
}
