using QRCoder;

namespace EvidenceChain.DepositCertificates.Internal;

/// <summary>
/// The QR code's modules for a locator URL, from QRCoder, with its 4-module quiet zone (ISO/IEC 18004
/// §6.3.8) included, so the drawn code scans even when printed next to other marks. Error correction
/// level M (15 % of codewords), the usual choice for a printed URL.
/// </summary>
internal static class QrCodeMatrix
{
    /// <summary><c>[row, column]</c>, true for a dark module.</summary>
    public static bool[,] For(string text)
    {
        using var generator = new QRCodeGenerator();
        using QRCodeData data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        int size = data.ModuleMatrix.Count;
        bool[,] modules = new bool[size, size];
        for (int row = 0; row < size; row++)
        {
            for (int column = 0; column < size; column++)
            {
                modules[row, column] = data.ModuleMatrix[row][column];
            }
        }

        return modules;
    }
}
