using EvidenceChain.Core.Receipts;
using Org.BouncyCastle.Utilities.IO.Pem;
using Org.BouncyCastle.X509;

namespace EvidenceChain.Cli.Offline.Internal;

/// <summary>
/// Reads the TSA certificates a verification trusts (receipt.md §Timestamps): <c>--tsa-root</c> files,
/// the roots a court accepts, and <c>--operator-tsa</c> files, the operator's own TSA certificates whose
/// tokens are labelled operator time. Like the log's keys, they come only from the verifier, never from
/// the receipt.
/// </summary>
internal static class TsaCertificateFiles
{
    public const string RootOption = "--tsa-root";
    public const string OperatorOption = "--operator-tsa";

    /// <summary>A PEM file of a few certificates is a few KiB; anything this large is the wrong file.</summary>
    public const int FileLengthMaxBytes = 64 * 1024;

    private const string CertificateBlock = "CERTIFICATE";

    /// <summary>The trust for <see cref="ReceiptVerifier"/>; null when no root was given, so tokens are reported as not checked.</summary>
    public static TimestampTrust? Load(IReadOnlyList<string> rootPaths, IReadOnlyList<string> operatorPaths) =>
        rootPaths.Count == 0 ? null : new TimestampTrust(rootPaths.SelectMany(Read), operatorPaths.SelectMany(Read));

    /// <summary>Every PEM "CERTIFICATE" block of the file, at least one; any other block (a private key, say) is refused rather than skipped.</summary>
    private static List<X509Certificate> Read(string path)
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
