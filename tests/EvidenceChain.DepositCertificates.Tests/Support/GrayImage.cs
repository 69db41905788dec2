using System.Globalization;
using System.Text;

namespace EvidenceChain.DepositCertificates.Tests.Support;

/// <summary>A binary PGM (<c>P5</c>, 8-bit), as <c>pdftoppm -gray</c> writes it: enough to hand pixels to a QR decoder.</summary>
internal sealed record GrayImage(int Width, int Height, byte[] Pixels)
{
    public static GrayImage Read(string path)
    {
        byte[] file = File.ReadAllBytes(path);
        var fields = new List<string>();
        int position = 0;
        while (fields.Count < 4)
        {
            while (char.IsWhiteSpace((char)file[position]))
            {
                position++;
            }

            int start = position;
            while (!char.IsWhiteSpace((char)file[position]))
            {
                position++;
            }

            fields.Add(Encoding.ASCII.GetString(file, start, position - start));
        }

        Assert.Equal("P5", fields[0]);
        Assert.Equal("255", fields[3]);
        int width = int.Parse(fields[1], CultureInfo.InvariantCulture);
        int height = int.Parse(fields[2], CultureInfo.InvariantCulture);
        return new GrayImage(width, height, file[(position + 1)..]);
    }

    /// <summary>The rectangle from (<paramref name="left"/>, <paramref name="top"/>) of the given size.</summary>
    public GrayImage Crop(int left, int top, int width, int height)
    {
        byte[] pixels = new byte[width * height];
        for (int row = 0; row < height; row++)
        {
            Array.Copy(Pixels, ((top + row) * Width) + left, pixels, row * width, width);
        }

        return new GrayImage(width, height, pixels);
    }
}
