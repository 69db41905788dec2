using EvidenceChain.Core.Proofs;

namespace EvidenceChain.Cli.Internal;

/// <summary>
/// Something the server answered, or a checkpoint file the user gave, does not verify. Thrown where
/// the check fails and caught once, in <see cref="OnlineCommand"/>, which prints one line and exits 1.
/// Nothing that failed a check is written to disk.
/// </summary>
internal sealed class InvalidAnswerException : Exception
{
    /// <param name="subject">What did not verify, already in the command's language (from <see cref="OnlineText"/>).</param>
    /// <param name="verdict">Why, as Core reports it.</param>
    /// <param name="sentence">
    /// What it means, when the failure's general sentence would mislead (a consistency proof's root
    /// mismatch is a rewritten history, not a bad inclusion proof); null for the general sentence.
    /// </param>
    public InvalidAnswerException(string subject, Verdict verdict, string? sentence = null)
        : base($"{subject}: {verdict}")
    {
        Subject = subject;
        Verdict = verdict;
        Sentence = sentence;
    }

    public string Subject { get; }

    public Verdict Verdict { get; }

    public string? Sentence { get; }
}
