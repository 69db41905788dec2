using EvidenceChain.Core.Checkpoints;
using EvidenceChain.Core.Notes;
using EvidenceChain.Core.Proofs;
using EvidenceChain.Protocol.V1;

namespace EvidenceChain.Cli.Internal;

/// <summary>
/// The log's origin and the verifier keys the server publishes for it (GetLogInfo). These keys
/// check that the server's answers are self-consistent; they are not independent trust, because
/// they come from the server being checked (checkpoint.md §Verifier keys).
/// </summary>
internal sealed record LogInfo(LogOrigin Origin, IReadOnlyList<NoteVerifier> Keys)
{
    /// <summary>Reads the answer; the keys must parse and be named by the origin, as the format requires.</summary>
    public static LogInfo From(GetLogInfoResponse response, string subject)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (!LogOrigin.TryParse(response.Origin, out LogOrigin? origin))
        {
            throw new InvalidAnswerException(subject, Verdict.Fail(VerificationFailure.MalformedCheckpoint, $"'{response.Origin}' is not a log origin"));
        }

        var keys = new List<NoteVerifier>();
        foreach (string text in response.VerifierKeys)
        {
            if (!NoteVerifierKey.TryParse(text, out NoteVerifier? key, out string reason))
            {
                throw new InvalidAnswerException(subject, Verdict.Fail(VerificationFailure.MalformedNote, $"'{text}' is not a verifier key: {reason}"));
            }

            if (key!.Name != response.Origin)
            {
                throw new InvalidAnswerException(subject, Verdict.Fail(VerificationFailure.OriginMismatch, $"the key {text} is not named by the log's origin {response.Origin}"));
            }

            keys.Add(key);
        }

        return keys.Count > 0
            ? new LogInfo(origin!, keys)
            : throw new InvalidAnswerException(subject, Verdict.Fail(VerificationFailure.NoTrustedSignature, "the server publishes no verifier key"));
    }
}
