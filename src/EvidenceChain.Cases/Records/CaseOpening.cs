using EvidenceChain.Ledger.Escrow;
using EvidenceChain.Core.Records;

namespace EvidenceChain.Cases.Records;

/// <summary>A case as the office opened it: its id, the office's own case number, and where its money is held.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="CaseNumber">The office's case number (its notarial file number), 1 to 64 characters of UTF-8 without control characters.</param>
/// <param name="EscrowBankAccount">The escrow bank ledger account its money is held in.</param>
/// <param name="Ledger">The ledger of its accounts.</param>
public sealed record CaseOpening(CaseId CaseId, string CaseNumber, AccountId EscrowBankAccount, uint Ledger)
{
    public const int CaseNumberLengthMaxBytes = 64;

    /// <summary>Why this cannot open a case, or null.</summary>
    public string? Problem() =>
        !CaseId.IsValid ? "the case id is 0 or all ones"
        : CaseNumber.Length == 0 || System.Text.Encoding.UTF8.GetByteCount(CaseNumber) > CaseNumberLengthMaxBytes || CaseNumber.Any(char.IsControl) ? $"the case number is 1 to {CaseNumberLengthMaxBytes} bytes of UTF-8 without control characters"
        : Ledger == 0 ? "the ledger is not 0"
        : null;

    internal void WriteTo(RecordWriter writer)
    {
        writer.PutUInt128(CaseId.Value);
        writer.PutText(CaseNumber);
        writer.PutUInt128(EscrowBankAccount.Value);
        writer.PutUInt32(Ledger);
    }

    internal static CaseOpening ReadFrom(ref RecordReader reader) =>
        new(new CaseId(reader.UInt128()), reader.Text(), new AccountId(reader.UInt128()), reader.UInt32());
}
