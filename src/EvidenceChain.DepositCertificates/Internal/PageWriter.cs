using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace EvidenceChain.DepositCertificates.Internal;

/// <summary>
/// Lays the certificate out top to bottom on A4 pages: headings, bilingual label/value rows and
/// paragraphs, wrapped to the column and continued on a new page when one is full. Every text is
/// drawn with the one embedded face (<see cref="CertificateFontResolver"/>), Unicode-encoded so
/// that the PDF's text can be extracted and searched.
/// </summary>
internal sealed class PageWriter : IDisposable
{
    public const double MarginPoints = 48;
    public const double LabelWidthPoints = 150;
    private const double RowGapPoints = 4;
    private const double ValueLeft = MarginPoints + LabelWidthPoints;

    private static readonly XPdfFontOptions s_unicode = new(PdfFontEncoding.Unicode);
    private static readonly XBrush s_ink = XBrushes.Black;
    private static readonly XBrush s_muted = new XSolidBrush(XColor.FromArgb(90, 90, 90));
    private static readonly XBrush s_band = new XSolidBrush(XColor.FromArgb(232, 236, 242));

    private readonly PdfDocument _document;
    private XGraphics _graphics;

    public PageWriter(PdfDocument document)
    {
        _document = document;
        _graphics = NewPage();
        Y = MarginPoints;
    }

    public static XFont Title { get; } = Font(20, bold: true);

    public static XFont Subtitle { get; } = Font(12, bold: false);

    public static XFont Heading { get; } = Font(10.5, bold: true);

    public static XFont Label { get; } = Font(8.5, bold: true);

    public static XFont LabelEnglish { get; } = Font(7, bold: false);

    public static XFont Value { get; } = Font(8.5, bold: false);

    public static XFont Small { get; } = Font(7.5, bold: false);

    /// <summary>The distance from the page's top edge to where the next line goes.</summary>
    public double Y { get; set; }

    public double PageWidth => _graphics.PageSize.Width;

    private double Bottom => _graphics.PageSize.Height - MarginPoints;

    private double ValueWidth => PageWidth - MarginPoints - ValueLeft;

    public void Centered(string text, XFont font)
    {
        double height = font.GetHeight();
        Reserve(height);
        _graphics.DrawString(text, font, s_ink, new XRect(0, Y, PageWidth, height), XStringFormats.TopCenter);
        Y += height;
    }

    /// <summary>A section heading on a tinted band: Chinese, then English.</summary>
    public void SectionHeading(string chinese, string english)
    {
        double height = Heading.GetHeight() + 6;
        Reserve(height + (3 * Value.GetHeight()));
        Y += 8;
        _graphics.DrawRectangle(s_band, MarginPoints, Y, PageWidth - (2 * MarginPoints), height);
        _graphics.DrawString($"{chinese}  {english}", Heading, s_ink, MarginPoints + 6, Y + 3, XStringFormats.TopLeft);
        Y += height + RowGapPoints;
    }

    /// <summary>A row: the Chinese label over the English one on the left, the value wrapped on the right; each value line is one line of text.</summary>
    public void Row(string chinese, string english, params string[] values)
    {
        var lines = values.SelectMany(value => Wrap(value, Value, ValueWidth)).ToList();
        double labelHeight = Label.GetHeight() + LabelEnglish.GetHeight();
        double valueHeight = lines.Count * Value.GetHeight();
        Reserve(Math.Max(labelHeight, valueHeight));
        double top = Y;
        _graphics.DrawString(chinese, Label, s_ink, MarginPoints + 6, top, XStringFormats.TopLeft);
        _graphics.DrawString(english, LabelEnglish, s_muted, MarginPoints + 6, top + Label.GetHeight(), XStringFormats.TopLeft);
        double y = top;
        foreach (string line in lines)
        {
            _graphics.DrawString(line, Value, s_ink, ValueLeft, y, XStringFormats.TopLeft);
            y += Value.GetHeight();
        }

        Y = top + Math.Max(labelHeight, valueHeight) + RowGapPoints;
    }

    /// <summary>A paragraph across the page width, wrapped, indented by <paramref name="indentPoints"/>.</summary>
    public void Paragraph(string text, XFont font, double indentPoints = 6, bool muted = false)
    {
        double left = MarginPoints + indentPoints;
        foreach (string line in Wrap(text, font, PageWidth - MarginPoints - left))
        {
            Reserve(font.GetHeight());
            _graphics.DrawString(line, font, muted ? s_muted : s_ink, left, Y, XStringFormats.TopLeft);
            Y += font.GetHeight();
        }

        Y += RowGapPoints / 2;
    }

    /// <summary>Dark modules as filled squares, <paramref name="sizePoints"/> wide, with its top left corner at (<paramref name="left"/>, <paramref name="top"/>).</summary>
    public void QrCode(bool[,] modules, double left, double top, double sizePoints)
    {
        int count = modules.GetLength(0);
        double module = sizePoints / count;
        for (int row = 0; row < count; row++)
        {
            for (int column = 0; column < count; column++)
            {
                if (modules[row, column])
                {
                    // A hair of overlap, so no light seam shows between neighbouring modules when rasterized.
                    _graphics.DrawRectangle(s_ink, left + (column * module), top + (row * module), module + 0.05, module + 0.05);
                }
            }
        }
    }

    public void Line()
    {
        Reserve(6);
        Y += 3;
        _graphics.DrawLine(XPens.Gray, MarginPoints, Y, PageWidth - MarginPoints, Y);
        Y += 3;
    }

    public void Dispose() => _graphics.Dispose();

    private static XFont Font(double sizePoints, bool bold) =>
        new(CertificateFontResolver.FamilyName, sizePoints, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, s_unicode);

    private void Reserve(double height)
    {
        if (Y + height > Bottom)
        {
            _graphics.Dispose();
            _graphics = NewPage();
            Y = MarginPoints;
        }
    }

    private XGraphics NewPage()
    {
        PdfPage page = _document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        return XGraphics.FromPdfPage(page);
    }

    /// <summary>
    /// Greedy wrapping: at spaces where a line allows, inside a word (a hex digest, a URL) where it must. Chinese has no
    /// spaces and may break between any two characters (UAX #14), so a run of it fills the line instead of moving to the next.
    /// </summary>
    private List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        var line = new System.Text.StringBuilder();
        foreach (string word in text.Split(' '))
        {
            string candidate = line.Length == 0 ? word : line + " " + word;
            if (_graphics.MeasureString(candidate, font).Width <= width)
            {
                line.Clear().Append(candidate);
                continue;
            }

            if (line.Length > 0 && word.Length > 0 && IsChinese(word[0]))
            {
                line.Append(' ');
            }
            else if (line.Length > 0)
            {
                lines.Add(line.ToString());
                line.Clear();
            }

            foreach (char character in word)
            {
                if (line.Length > 0 && _graphics.MeasureString(line.ToString() + character, font).Width > width)
                {
                    lines.Add(line.ToString().TrimEnd(' '));
                    line.Clear();
                }

                line.Append(character);
            }
        }

        lines.Add(line.ToString());
        return lines;
    }

    /// <summary>CJK ideographs, CJK punctuation and full-width forms: the characters a line may break before.</summary>
    private static bool IsChinese(char character) =>
        character is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3000' and <= '\u303F') or (>= '\uFF00' and <= '\uFFEF');
}
