using EvidenceChain.Core.Proofs;
using EvidenceChain.Core.Receipts;

namespace EvidenceChain.Cli.Internal;

/// <summary>Reads the receipt text the server sends, which must parse before anything is added to it.</summary>
internal static class ReceiptJson
{
    public static (Receipt Receipt, TlogProof Proof) Parse(string json, string subject)
    {
        Verdict verdict = Receipt.TryParse(json, out Receipt? receipt);
        if (!verdict.IsValid)
        {
            throw new InvalidAnswerException(subject, verdict);
        }

        verdict = TlogProof.TryParse(receipt!.TlogProof, out TlogProof? proof);
        return verdict.IsValid ? (receipt, proof!) : throw new InvalidAnswerException(subject, verdict);
    }
}
