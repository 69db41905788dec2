using System.Globalization;
using EvidenceChain.Core.Checkpoints;
using EvidenceChain.Core.Hashing;

namespace EvidenceChain.Pledges;

/// <summary>
/// The notary's encumbrance claim (docs/formats/encumbrance-statement.md §Claim): in the log's tree of
/// <see cref="TreeSize"/> leaves and root <see cref="RootHash"/>, asset <see cref="Asset"/> has exactly
/// <see cref="EventCount"/> pledge events. Inclusion proofs show that each record a statement lists is in
/// the tree, never that none was left out; this count, signed, makes an omission the notary's own signed
/// word. Like a promise it is a signed-note body whose first line is a header, not an origin, so it can
/// never be mistaken for a checkpoint or a promise signed by the same key.
/// </summary>
public sealed record EncumbranceClaim(LogOrigin Origin, AssetId Asset, ulong TreeSize, Digest RootHash, ulong EventCount)
{
    public const string Header = "evidencechain/encumbrance/v1";

    public string ToNoteText() =>
        $"{Header}\n{Origin}\n{Asset}\n{Decimal(TreeSize)}\n{RootHash.ToBase64()}\n{Decimal(EventCount)}\n";

    /// <summary>Parses a claim's note text (already opened with the trusted keys) strictly: six lines, each as <see cref="ToNoteText"/> writes it.</summary>
    public static bool TryParse(string noteText, out EncumbranceClaim? claim, out string reason)
    {
        ArgumentNullException.ThrowIfNull(noteText);
        claim = null;
        string[] lines = noteText.Split('\n');
        if (lines.Length != 7 || lines[6].Length != 0 || lines[0] != Header)
        {
            reason = $"a claim has exactly six lines and starts with {Header}";
            return false;
        }

        if (!LogOrigin.TryParse(lines[1], out LogOrigin? origin))
        {
            reason = $"'{lines[1]}' is not an EvidenceChain origin";
            return false;
        }

        if (lines[2].Length != 32 || !lines[2].All(char.IsAsciiHexDigitLower)
            || new AssetId(UInt128.Parse(lines[2], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture)) is not { IsValid: true } asset)
        {
            reason = $"'{lines[2]}' is not an asset id (32 lowercase hex digits, not 0, not all ones)";
            return false;
        }

        if (!TryParseDecimal(lines[3], out ulong treeSize) || treeSize > long.MaxValue)
        {
            reason = $"'{lines[3]}' is not a tree size (a decimal number without leading zeroes)";
            return false;
        }

        if (!Digest.TryFromBase64(lines[4], out Digest root))
        {
            reason = "the root is not 32 bytes of standard base64";
            return false;
        }

        // Each event is a leaf of the tree, so a count above the tree's size cannot be true of it.
        if (!TryParseDecimal(lines[5], out ulong eventCount) || eventCount > treeSize)
        {
            reason = $"'{lines[5]}' is not an event count (a decimal number without leading zeroes, at most the tree size {treeSize})";
            return false;
        }

        claim = new EncumbranceClaim(origin!, asset, treeSize, root, eventCount);
        reason = string.Empty;
        return true;
    }

    private static string Decimal(ulong value) => value.ToString(CultureInfo.InvariantCulture);

    // The checkpoint's rule for its tree size (checkpoint.md §Note text): ASCII digits, no leading zeroes.
    private static bool TryParseDecimal(string text, out ulong value)
    {
        value = 0;
        return text.Length > 0 && (text == "0" || text[0] != '0') && text.All(char.IsAsciiDigit)
            && ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
