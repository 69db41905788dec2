using EvidenceChain.Ledger.Banking;

namespace EvidenceChain.Engine.Escrow.Bank;

/// <summary>Writes payment instructions as a CSV file (docs/formats/bank-statement.md): to a temporary file, flushed to disk, then renamed, so the bank never sees half a file.</summary>
public sealed class PaymentInstructionCsvFile(string path) : IPaymentInstructionSink
{
    public async Task WriteAsync(IReadOnlyList<PaymentInstruction> instructions, CancellationToken cancellationToken)
    {
        byte[] bytes = PaymentInstructionCsv.Write(instructions);
        string temporary = path + ".tmp";
        await using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            await file.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
            file.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: false);
    }
}
