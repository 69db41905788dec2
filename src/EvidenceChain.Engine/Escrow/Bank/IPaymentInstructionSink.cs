using EvidenceChain.Ledger.Banking;

namespace EvidenceChain.Engine.Escrow.Bank;

/// <summary>Where payment instructions go (a file for the bank's upload, a bank's API).</summary>
public interface IPaymentInstructionSink
{
    /// <summary>Writes the instructions durably, all or none.</summary>
    Task WriteAsync(IReadOnlyList<PaymentInstruction> instructions, CancellationToken cancellationToken);
}
