using PdfSharp.Fonts;

namespace EvidenceChain.DepositCertificates.Internal;

/// <summary>
/// Serves PDFsharp one face for every request: WenQuanYi Zen Hei (face 0 of Debian's
/// <c>fonts-wqy-zenhei</c> collection), which has TrueType outlines for CJK and Latin alike, so
/// PDFsharp embeds a small subset with a ToUnicode map and <c>pdftotext</c> reads the Chinese back.
/// Bold is simulated. The face is extracted from the collection on first use and kept for the process.
/// PDFsharp's resolver is process-wide and may be set only once, hence <see cref="Install"/>.
/// </summary>
internal sealed class CertificateFontResolver : IFontResolver
{
    /// <summary>Where Debian's <c>fonts-wqy-zenhei</c> puts the collection.</summary>
    public const string CollectionPath = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc";

    public const string FamilyName = "WenQuanYi Zen Hei";

    /// <summary>Face 0 is the proportional Zen Hei; 1 and 2 are its monospaced and bitmap-hinted twins.</summary>
    private const int FaceIndex = 0;

    private const string FaceName = "wqy-zenhei-0";

    /// <summary>The collection is 16 MiB; anything much larger is the wrong file.</summary>
    private const int CollectionLengthMaxBytes = 64 * 1024 * 1024;

    private static readonly Lock s_installLock = new();
    private static readonly Lazy<byte[]> s_face = new(LoadFace, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Makes this the process's font resolver (once) and loads the face, so a missing font fails here, before any drawing.</summary>
    /// <exception cref="CertificateFontException">The collection is missing or malformed.</exception>
    public static void Install()
    {
        lock (s_installLock)
        {
            if (GlobalFontSettings.FontResolver is not CertificateFontResolver)
            {
                GlobalFontSettings.FontResolver = new CertificateFontResolver();
            }
        }

        _ = s_face.Value;
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(FaceName, mustSimulateBold: bold, mustSimulateItalic: italic);

    public byte[]? GetFont(string faceName) => faceName == FaceName ? s_face.Value : null;

    private static byte[] LoadFace()
    {
        try
        {
            var info = new FileInfo(CollectionPath);
            if (!info.Exists)
            {
                throw new CertificateFontException(CollectionPath, "not found; install the Debian package fonts-wqy-zenhei");
            }

            if (info.Length > CollectionLengthMaxBytes)
            {
                throw new CertificateFontException(CollectionPath, $"{info.Length} bytes is larger than the font collection can be");
            }

            return TrueTypeCollection.ExtractFace(File.ReadAllBytes(CollectionPath), FaceIndex);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            throw new CertificateFontException(CollectionPath, e.Message, e);
        }
    }
}
