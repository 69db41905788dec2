using EvidenceChain.Cli.Offline.Internal;
using EvidenceChain.Core.Proofs;
using EvidenceChain.Core.Receipts;

namespace EvidenceChain.Cli.Internal;

/// <summary>A receipt file being updated by <c>receipt FILE</c>: where it is, and what it holds.</summary>
internal sealed record ExistingReceipt(string Path, Receipt Receipt, TlogProof Proof)
{
    /// <summary>Reads and parses the file; a file that is not a receipt is unusable input.</summary>
    public static ExistingReceipt Read(string path)
    {
        string json = InputFile.ReadText(path, Receipt.FileLengthMaxBytes);
        Verdict verdict = Receipt.TryParse(json, out Receipt? receipt);
        if (!verdict.IsValid)
        {
            throw new OnlineInputException(OnlineProblem.ReceiptFileMalformed, path, verdict.Detail);
        }

        verdict = TlogProof.TryParse(receipt!.TlogProof, out TlogProof? proof);
        return verdict.IsValid
            ? new ExistingReceipt(System.IO.Path.GetFullPath(path), receipt, proof!)
            : throw new OnlineInputException(OnlineProblem.ReceiptFileMalformed, path, verdict.Detail);
    }
}
