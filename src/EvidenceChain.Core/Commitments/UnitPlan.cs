using System.Text;

namespace EvidenceChain.Core.Commitments;

/// <summary>
/// The rules of commitment.md §Units that need no file system: path normalization, chunking and
/// ordering. The caller lists files; this decides what the units are.
/// </summary>
public static class UnitPlan
{
    public const int PathLengthMaxBytes = 1024;
    public const int UnitCountMax = 1 << 20;
    public const long ChunkSizeMinBytes = 1L << 16;
    public const long ChunkSizeMaxBytes = 1L << 30;

    // Without ICU (the court's single file runs in invariant globalization mode, docs/verifier.md) string.Normalize
    // returns its input unchanged, silently. Found out once, by behaviour, so that a path is then committed only when
    // it is provably in NFC already: a name NFC would change must never be checked in another form than deposited.
    private static readonly bool s_normalizes = "e\u0301".Normalize(NormalizationForm.FormC) == "\u00e9";

    /// <summary>
    /// Normalizes a relative path with '/' separators to the committed form: NFC, no empty, '.' or
    /// '..' segments, no backslash (a separator on Windows, a name character elsewhere, so it would
    /// commit different files on different systems). Callers on Windows convert their separator
    /// first. Returns false with a reason when the path cannot be committed.
    /// </summary>
    public static bool TryNormalizePath(string relativePath, out string normalized, out string reason)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        normalized = string.Empty;
        if (relativePath.Contains('\\', StringComparison.Ordinal))
        {
            reason = $"'{relativePath}' contains a backslash, which is not portable between systems";
            return false;
        }

        if (!s_normalizes && !IsNfcWithoutTables(relativePath))
        {
            reason = $"'{relativePath}' has characters whose Unicode NFC form this build cannot compute (it runs without ICU); verify it with an evidencechain that has ICU";
            return false;
        }

        string candidate = relativePath.Normalize(NormalizationForm.FormC);
        if (candidate.Length == 0 || candidate.StartsWith('/'))
        {
            reason = $"'{relativePath}' is not a relative path";
            return false;
        }

        foreach (string segment in candidate.Split('/'))
        {
            if (segment.Length == 0 || segment == "." || segment == "..")
            {
                reason = $"'{relativePath}' has an empty, '.' or '..' segment";
                return false;
            }

            if (segment.Any(char.IsControl))
            {
                reason = $"'{relativePath}' contains a control character";
                return false;
            }
        }

        if (Encoding.UTF8.GetByteCount(candidate) > PathLengthMaxBytes)
        {
            reason = $"'{relativePath}' is longer than {PathLengthMaxBytes} bytes of UTF-8";
            return false;
        }

        normalized = candidate;
        reason = string.Empty;
        return true;
    }

    /// <summary>
    /// Whether every character is one that NFC leaves alone whatever surrounds it (NFC_Quick_Check Yes and combining
    /// class 0, so UAX #15 §9's quick check answers Yes without data): ASCII and Latin-1, CJK punctuation, kana, CJK
    /// ideographs, Hangul syllables and fullwidth ASCII, the characters of names typed on Chinese, Japanese, Korean and
    /// western keyboards. Combining marks, and anything else, need the normalization data ICU carries.
    /// </summary>
    internal static bool IsNfcWithoutTables(string text) =>
        text.All(c => c is <= '\u00ff' or (>= '\u3000' and <= '\u3029') or (>= '\u3041' and <= '\u3096') or (>= '\u30a1' and <= '\u30fa')
            or '\u30fc' or (>= '\u3400' and <= '\u4dbf') or (>= '\u4e00' and <= '\u9fff') or (>= '\uac00' and <= '\ud7a3') or (>= '\uff01' and <= '\uff5e'));

    /// <summary>True for 0 (no chunking) or a power of two between 64 KiB and 1 GiB.</summary>
    public static bool IsValidChunkSize(long chunkSizeBytes) =>
        chunkSizeBytes == 0 || (chunkSizeBytes is >= ChunkSizeMinBytes and <= ChunkSizeMaxBytes && long.IsPow2(chunkSizeBytes));

    /// <summary>
    /// The units of a deposit, in committed order, from (normalized path, length) pairs. A single
    /// file is passed with path "". Throws on an invalid chunk size, duplicate paths, or a unit count
    /// outside 1 to 2^20.
    /// </summary>
    public static IReadOnlyList<UnitDescriptor> Plan(IEnumerable<(string Path, ulong LengthBytes)> files, long chunkSizeBytes)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (!IsValidChunkSize(chunkSizeBytes))
        {
            throw Error.OutOfRange(nameof(chunkSizeBytes), chunkSizeBytes, "A chunk size is 0 or a power of two from 65,536 to 1,073,741,824 bytes.");
        }

        var sorted = files.ToList();
        sorted.Sort((a, b) => ComparePaths(a.Path, b.Path));
        var units = new List<UnitDescriptor>();
        for (int i = 0; i < sorted.Count; i++)
        {
            if (i > 0 && sorted[i - 1].Path == sorted[i].Path)
            {
                throw new ArgumentException($"The path '{sorted[i].Path}' appears twice.", nameof(files));
            }

            (string path, ulong length) = sorted[i];
            ulong chunk = chunkSizeBytes == 0 ? Math.Max(length, 1) : (ulong)chunkSizeBytes;
            ulong offset = 0;
            do
            {
                ulong unitLength = Math.Min(chunk, length - offset);
                units.Add(new UnitDescriptor(path, offset, unitLength));
                offset += unitLength;
                if (units.Count > UnitCountMax)
                {
                    throw Error.OutOfRange(nameof(files), units.Count, $"A deposit has at most {UnitCountMax} units; use a larger chunk size.");
                }
            }
            while (offset < length);
        }

        if (units.Count == 0)
        {
            throw new ArgumentException("A deposit needs at least one file.", nameof(files));
        }

        return units;
    }

    /// <summary>Ordinal comparison of the paths' UTF-8 bytes (which differs from UTF-16 order above U+FFFF).</summary>
    public static int ComparePaths(string left, string right) =>
        Encoding.UTF8.GetBytes(left).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(right));
}
