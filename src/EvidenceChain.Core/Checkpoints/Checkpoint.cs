using System.Globalization;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Proofs;

namespace EvidenceChain.Core.Checkpoints;

/// <summary>
/// A checkpoint's note text (checkpoint.md §Note text; C2SP tlog-checkpoint): origin, tree size,
/// base64 root, each on its own line; v1 has no extension lines.
/// </summary>
public sealed record Checkpoint(LogOrigin Origin, ulong TreeSize, Digest Root)
{
    public string ToNoteText() =>
        $"{Origin}\n{TreeSize.ToString(CultureInfo.InvariantCulture)}\n{Root.ToBase64()}\n";

    /// <summary>Parses a note text already opened with the log's trusted keys.</summary>
    public static Verdict TryParse(string noteText, out Checkpoint? checkpoint)
    {
        ArgumentNullException.ThrowIfNull(noteText);
        checkpoint = null;
        string[] lines = noteText.Split('\n');
        if (lines.Length != 4 || lines[3].Length != 0)
        {
            return Malformed(lines.Length > 4
                ? "the checkpoint has extension lines, which v1 does not allow"
                : "a checkpoint has exactly three lines: origin, tree size, root");
        }

        if (!LogOrigin.TryParse(lines[0], out LogOrigin? origin))
        {
            return Malformed($"'{lines[0]}' is not an EvidenceChain origin (host/evidencechain/log-id/sha256|sm3)");
        }

        if (!TryParseDecimal(lines[1], out ulong treeSize) || treeSize > long.MaxValue)
        {
            return Malformed($"'{lines[1]}' is not a tree size (a decimal number without leading zeroes)");
        }

        if (!Digest.TryFromBase64(lines[2], out Digest root))
        {
            return Malformed("the root is not 32 bytes of standard base64");
        }

        checkpoint = new Checkpoint(origin!, treeSize, root);
        return Verdict.Valid;
    }

    internal static bool TryParseDecimal(string text, out ulong value)
    {
        value = 0;
        return text.Length > 0 && (text == "0" || text[0] != '0') && text.All(char.IsAsciiDigit)
            && ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    private static Verdict Malformed(string reason) => Verdict.Fail(VerificationFailure.MalformedCheckpoint, reason);
}
