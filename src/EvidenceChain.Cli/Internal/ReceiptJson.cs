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

    /// <summary>The receipt's <c>evm</c> anchors; a malformed entry is an answer that does not verify.</summary>
    public static IReadOnlyList<EvmAnchorSection> EvmAnchors(Receipt receipt, string subject)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        return receipt.TryReadAnchors(out IReadOnlyList<EvmAnchorSection> anchors, out _, out string reason)
            ? anchors
            : throw new InvalidAnswerException(subject, Verdict.Fail(VerificationFailure.MalformedReceipt, reason));
    }

    /// <summary>The receipt's <c>rfc3161</c> timestamp entries; a malformed entry is an answer that does not verify.</summary>
    public static IReadOnlyList<TimestampSection> Timestamps(Receipt receipt, string subject)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        return receipt.TryReadTimestamps(out IReadOnlyList<TimestampSection> timestamps, out _, out string reason)
            ? timestamps
            : throw new InvalidAnswerException(subject, Verdict.Fail(VerificationFailure.MalformedReceipt, reason));
    }
}
