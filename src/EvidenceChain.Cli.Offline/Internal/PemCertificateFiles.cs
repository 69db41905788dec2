using Org.BouncyCastle.Utilities.IO.Pem;
using Org.BouncyCastle.X509;

namespace EvidenceChain.Cli.Offline.Internal;

/// <summary>
/// Reads the PEM certificate files a verifier names as trusted (<c>--tsa-root</c>, <c>--operator-tsa</c>,
/// <c>--signing-root</c>). Each must hold certificates and nothing else, so a private key given by mistake
/// is refused rather than skipped.
/// </summary>
internal static class PemCertificateFiles
{
    /// <summary>A PEM file of a few certificates is a few KiB; anything this large is the wrong file.</summary>
    public const int FileLengthMaxBytes = 64 * 1024;

    private const string CertificateBlock = "CERTIFICATE";

    /// <summary>The certificates of every file, in the order given.</summary>
    public static List<X509Certificate> ReadAll(IEnumerable<string> paths) => [.. paths.SelectMany(Read)];

    /// <summary>Every PEM "CERTIFICATE" block of the file, at least one; any other block is unusable input.</summary>
    public static List<X509Certificate> Read(string path)
    {
        string text = InputFile.ReadText(path, FileLengthMaxBytes);
        var certificates = new List<X509Certificate>();
        try
        {
            using var reader = new PemReader(new StringReader(text));
            while (reader.ReadPemObject() is PemObject block)
            {
                if (block.Type != CertificateBlock)
                {
                    throw new InputException(InputProblem.CertificateFileMalformed, path, $"it holds a PEM {block.Type} block; give certificates only");
                }

                certificates.Add(new X509CertificateParser().ReadCertificate(block.Content)
                    ?? throw new InputException(InputProblem.CertificateFileMalformed, path, "a CERTIFICATE block holds no certificate"));
            }
        }
#pragma warning disable CA1031 // BouncyCastle's PEM and certificate parsers throw many exception types on bad input; every one means "not a certificate file".
        catch (Exception e) when (e is not InputException)
#pragma warning restore CA1031
        {
            throw new InputException(InputProblem.CertificateFileMalformed, path, e.Message);
        }

        return certificates.Count > 0 ? certificates : throw new InputException(InputProblem.CertificateFileMalformed, path, "it holds no PEM CERTIFICATE block");
    }
}
