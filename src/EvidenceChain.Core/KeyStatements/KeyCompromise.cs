using System.Globalization;
using EvidenceChain.Core.Checkpoints;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Notes;
using EvidenceChain.Core.Proofs;

namespace EvidenceChain.Core.KeyStatements;

/// <summary>
/// The announcement that a log's keys are compromised (key-statement.md §Compromise): the log is frozen
/// at its last anchored checkpoint, and a successor log with a new origin and new keys carries on. It is
/// signed by the successor's keys (the compromised ones prove nothing any more) and recorded as the
/// successor log's first leaf, so it is logged and anchored with that log.
/// </summary>
/// <param name="Origin">The compromised log.</param>
/// <param name="CompromisedAtMs">From when the keys must be taken as in other hands (Unix ms, UTC): the notary's statement.</param>
/// <param name="FrozenTreeSize">The compromised log's last anchored checkpoint: nothing beyond it is the notary's.</param>
/// <param name="FrozenRoot">That checkpoint's root.</param>
/// <param name="CompromisedKeys">The compromised log's keys, one Ed25519 and one SM2.</param>
/// <param name="Successor">The log that carries on.</param>
public sealed record KeyCompromise(
    LogOrigin Origin,
    long CompromisedAtMs,
    ulong FrozenTreeSize,
    Digest FrozenRoot,
    IReadOnlyList<NoteVerifier> CompromisedKeys,
    LogOrigin Successor)
{
    public const string Header = "evidencechain/key-compromise/v1";

    public string ToNoteText() =>
        $"{Header}\n{Origin}\n"
        + $"compromised-at {KeyStatementText.FormatTime(CompromisedAtMs)}\n"
        + $"frozen {FrozenTreeSize.ToString(CultureInfo.InvariantCulture)} {FrozenRoot.ToBase64()}\n"
        + string.Concat(CompromisedKeys.Select(k => $"key {k.ToVerifierKey()}\n"))
        + $"successor {Successor}\n";

    /// <summary>
    /// Opens a compromise note with the verifier's trusted keys, which must include the successor log's:
    /// for each algorithm among the successor's trusted keys, one must have signed (as for a checkpoint).
    /// </summary>
    public static Verdict Verify(string note, IReadOnlyList<NoteVerifier> trusted, out KeyCompromise? compromise)
    {
        ArgumentNullException.ThrowIfNull(note);
        ArgumentNullException.ThrowIfNull(trusted);
        compromise = null;
        Verdict verdict = SignedNote.TryOpen(note, trusted, out OpenedNote? opened);
        if (!verdict.IsValid)
        {
            return verdict;
        }

        verdict = TryParse(opened!.Text, out KeyCompromise? parsed);
        if (!verdict.IsValid)
        {
            return verdict;
        }

        if (!opened.SignedBy.Any(k => k.Name == parsed!.Successor.ToString()))
        {
            return Verdict.Fail(VerificationFailure.NoTrustedSignature, $"no trusted key of the successor log {parsed!.Successor} signed the statement");
        }

        verdict = CheckpointVerifier.VerifyEveryAlgorithmSigned(parsed!.Successor, trusted, opened.SignedBy, "the compromise statement");
        if (!verdict.IsValid)
        {
            return verdict;
        }

        compromise = parsed;
        return Verdict.Valid;
    }

    /// <summary>Parses the text of a compromise note already opened with trusted keys.</summary>
    public static Verdict TryParse(string text, out KeyCompromise? compromise)
    {
        ArgumentNullException.ThrowIfNull(text);
        compromise = null;
        string[] lines = text.Split('\n');
        if (lines.Length != 8 || lines[^1].Length != 0 || lines[0] != Header)
        {
            return KeyStatementText.Malformed($"a compromise is the line {Header}, the origin, compromised-at, frozen, two keys and the successor");
        }

        if (!LogOrigin.TryParse(lines[1], out LogOrigin? origin))
        {
            return KeyStatementText.Malformed($"'{lines[1]}' is not an EvidenceChain origin");
        }

        if (!lines[2].StartsWith("compromised-at ", StringComparison.Ordinal) || !KeyStatementText.TryParseTime(lines[2]["compromised-at ".Length..], out long atMs))
        {
            return KeyStatementText.Malformed($"'{lines[2]}' is not 'compromised-at {KeyStatementText.TimeFormat}'");
        }

        string[] frozen = lines[3].Split(' ');
        if (frozen.Length != 3 || frozen[0] != "frozen" || !Checkpoint.TryParseDecimal(frozen[1], out ulong size) || size > long.MaxValue
            || !Digest.TryFromBase64(frozen[2], out Digest root))
        {
            return KeyStatementText.Malformed($"'{lines[3]}' is not 'frozen TREE_SIZE BASE64_ROOT'");
        }

        if (!lines[4..6].All(l => l.StartsWith("key ", StringComparison.Ordinal)))
        {
            return KeyStatementText.Malformed("the compromised keys are two lines 'key KEY'");
        }

        IReadOnlyList<NoteVerifier>? keys = KeyStatementText.KeyPair(lines[4..6].Select(l => l[4..]), origin!, out string reason);
        if (keys is null)
        {
            return KeyStatementText.Malformed(reason);
        }

        if (!lines[6].StartsWith("successor ", StringComparison.Ordinal) || !LogOrigin.TryParse(lines[6]["successor ".Length..], out LogOrigin? successor))
        {
            return KeyStatementText.Malformed($"'{lines[6]}' is not 'successor ORIGIN'");
        }

        if (successor!.LogId == origin!.LogId)
        {
            return KeyStatementText.Malformed("the successor must be a new log, with a new log id");
        }

        compromise = new KeyCompromise(origin!, atMs, size, root, keys, successor);
        return Verdict.Valid;
    }
}
