using EvidenceChain.Core.Checkpoints;
using EvidenceChain.Core.Notes;
using EvidenceChain.Core.Proofs;

namespace EvidenceChain.Core.KeyStatements;

/// <summary>
/// A planned rotation of a log's keys (key-statement.md §Rotation): the old pair hands the log to the
/// new pair. Signed by all four keys, so it shows both that the old keys chose the new ones and that
/// the new keys' holder has them. The log keeps its origin; only key IDs change.
/// </summary>
public sealed record KeyRotation(LogOrigin Origin, IReadOnlyList<NoteVerifier> OldKeys, IReadOnlyList<NoteVerifier> NewKeys)
{
    public const string Header = "evidencechain/key-rotation/v1";

    public string ToNoteText() =>
        $"{Header}\n{Origin}\n"
        + string.Concat(OldKeys.Select(k => $"old {k.ToVerifierKey()}\n"))
        + string.Concat(NewKeys.Select(k => $"new {k.ToVerifierKey()}\n"));

    /// <summary>
    /// Opens a rotation note with the keys the verifier trusts (the old pair at least), then checks
    /// that all four keys it names signed it: the new pair is taken on the old pair's word only.
    /// </summary>
    public static Verdict Verify(string note, IReadOnlyList<NoteVerifier> trusted, out KeyRotation? rotation)
    {
        ArgumentNullException.ThrowIfNull(note);
        ArgumentNullException.ThrowIfNull(trusted);
        rotation = null;
        Verdict verdict = SignedNote.TryOpen(note, trusted, out OpenedNote? opened);
        if (!verdict.IsValid)
        {
            return verdict;
        }

        verdict = TryParse(opened!.Text, out KeyRotation? parsed);
        if (!verdict.IsValid)
        {
            return verdict;
        }

        if (!parsed!.OldKeys.All(opened.SignedBy.Contains))
        {
            return Verdict.Fail(VerificationFailure.NoTrustedSignature, "the rotation is not signed by both old keys, trusted by this verifier");
        }

        verdict = SignedNote.TryOpen(note, [.. parsed.OldKeys, .. parsed.NewKeys], out OpenedNote? byNamed);
        if (!verdict.IsValid)
        {
            return verdict;
        }

        if (!parsed.NewKeys.All(byNamed!.SignedBy.Contains))
        {
            return Verdict.Fail(VerificationFailure.NoTrustedSignature, "the rotation is not signed by both new keys it names");
        }

        rotation = parsed;
        return Verdict.Valid;
    }

    /// <summary>Parses the text of a rotation note already opened with trusted keys.</summary>
    public static Verdict TryParse(string text, out KeyRotation? rotation)
    {
        ArgumentNullException.ThrowIfNull(text);
        rotation = null;
        string[] lines = text.Split('\n');
        if (lines.Length != 7 || lines[^1].Length != 0 || lines[0] != Header)
        {
            return KeyStatementText.Malformed($"a rotation is the line {Header}, the origin, two 'old' and two 'new' keys");
        }

        if (!LogOrigin.TryParse(lines[1], out LogOrigin? origin))
        {
            return KeyStatementText.Malformed($"'{lines[1]}' is not an EvidenceChain origin");
        }

        if (!lines[2..4].All(l => l.StartsWith("old ", StringComparison.Ordinal)) || !lines[4..6].All(l => l.StartsWith("new ", StringComparison.Ordinal)))
        {
            return KeyStatementText.Malformed("the keys are two lines 'old KEY', then two lines 'new KEY'");
        }

        IReadOnlyList<NoteVerifier>? oldKeys = KeyStatementText.KeyPair(lines[2..4].Select(l => l[4..]), origin!, out string reason);
        IReadOnlyList<NoteVerifier>? newKeys = oldKeys is null ? null : KeyStatementText.KeyPair(lines[4..6].Select(l => l[4..]), origin!, out reason);
        if (oldKeys is null || newKeys is null)
        {
            return KeyStatementText.Malformed(reason);
        }

        if (oldKeys.Intersect(newKeys).Any())
        {
            return KeyStatementText.Malformed("a new key is one of the old ones");
        }

        rotation = new KeyRotation(origin!, oldKeys, newKeys);
        return Verdict.Valid;
    }
}
