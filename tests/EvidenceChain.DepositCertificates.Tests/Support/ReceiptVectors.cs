using EvidenceChain.Core.Notes;
using EvidenceChain.Core.Receipts;
using EvidenceChain.Core.Tests.Support;
using Org.BouncyCastle.Utilities.IO.Pem;
using Org.BouncyCastle.X509;

namespace EvidenceChain.DepositCertificates.Tests.Support;

/// <summary>
/// The receipt conformance folder (tests/vectors/receipts, manifest.json): real receipts with the keys, TSA
/// certificates and salt file they verify with. <c>v2-every-proof</c> has an anchor, two independent tokens and
/// an operator token, so one certificate shows every section.
/// </summary>
internal static class ReceiptVectors
{
    public const string EveryProof = "v2-every-proof.receipt.json";
    public const string SaltFileName = "hello-court.salt.json";

    public static string Directory { get; } = Path.Combine(RepoPaths.Root, "tests", "vectors", "receipts");

    public static string PathOf(string fileName) => Path.Combine(Directory, fileName);

    public static string Read(string fileName) => File.ReadAllText(PathOf(fileName));

    public static IReadOnlyList<NoteVerifier> LogKeys() =>
        [.. Read("log.vkeys").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(NoteVerifierKey.Parse)];

    public static TimestampTrust Trust() => new(
        new[] { "tsa-root.pem", "tsa-root-sm2.pem", "operator-tsa-root.pem" }.SelectMany(Certificates),
        Certificates("operator-tsa.pem"));

    /// <summary>The units roots the salt file records, as the certificate command takes them.</summary>
    public static DepositEvidence Evidence()
    {
        Assert.True(SaltFile.TryParse(Read(SaltFileName), out SaltFile? salt).IsValid);
        return new DepositEvidence(salt!.UnitsRoot, salt.UnitCount);
    }

    private static List<X509Certificate> Certificates(string fileName)
    {
        using var reader = new PemReader(new StringReader(Read(fileName)));
        var certificates = new List<X509Certificate>();
        while (reader.ReadPemObject() is PemObject block)
        {
            certificates.Add(new X509CertificateParser().ReadCertificate(block.Content));
        }

        return certificates;
    }
}
