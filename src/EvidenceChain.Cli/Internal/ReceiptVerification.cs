using EvidenceChain.Cli.Offline.Internal;
using EvidenceChain.Core.Notes;
using EvidenceChain.Core.Receipts;

namespace EvidenceChain.Cli.Internal;

/// <summary>
/// Verifies a receipt the server issued before it is kept: with the keys the server publishes (so a
/// broken answer is never saved), then, if the user has any, with the user's own trusted keys, which
/// is the check that means something. Both with the deposit's units roots from the salt file when
/// there is one, so a receipt for another deposit is caught here and not in court.
/// </summary>
internal static class ReceiptVerification
{
    public static VerifiedReceipt Verify(string receiptJson, LogInfo log, TrustedKeySet? trusted, DepositEvidence? evidence, OnlineText text, string server)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(text);
        ReceiptReport withLogKeys = ReceiptVerifier.Verify(receiptJson, log.Keys, evidence);
        if (!withLogKeys.IsValid)
        {
            throw new InvalidAnswerException(text.ReceiptFrom(server), withLogKeys.Verdict);
        }

        ReceiptReport? withTrustedKeys = null;
        if (trusted is not null)
        {
            withTrustedKeys = ReceiptVerifier.Verify(receiptJson, trusted.Keys, evidence);
            if (!withTrustedKeys.IsValid)
            {
                throw new InvalidAnswerException(text.ReceiptWithTrustedKeys, withTrustedKeys.Verdict);
            }
        }

        return new VerifiedReceipt(withLogKeys, withTrustedKeys, trusted);
    }

    /// <summary>Which keys the receipt verified with; a warning when they were only the server's own.</summary>
    public static void Write(TextWriter output, OnlineText text, VerifiedReceipt verified)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(verified);
        output.WriteLine(text.VerifiedWithLogKeys);
        WriteKeys(output, verified.WithLogKeys.SignedBy);
        if (verified.WithTrustedKeys is null || verified.Trusted is null)
        {
            output.WriteLine(text.LogKeysNotIndependent);
            return;
        }

        output.WriteLine(text.VerifiedWithTrustedKeys(string.Join(", ", verified.Trusted.Sources)));
        WriteKeys(output, verified.WithTrustedKeys.SignedBy);
    }

    public static void WriteKeys(TextWriter output, IEnumerable<NoteVerifier> keys)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(keys);
        foreach (NoteVerifier key in keys)
        {
            output.WriteLine($"  {key.AlgorithmName,-8} {key.Fingerprint}");
        }
    }
}
