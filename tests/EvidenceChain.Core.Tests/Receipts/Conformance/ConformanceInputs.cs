using EvidenceChain.Core.Commitments;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Notes;
using EvidenceChain.Core.Receipts;
using Org.BouncyCastle.Utilities.IO.Pem;
using Org.BouncyCastle.X509;

namespace EvidenceChain.Core.Tests.Receipts.Conformance;

/// <summary>
/// Reads a case's inputs from the folder as a verifier outside this repository would: verifier keys one per
/// line, PEM certificates, the content and its salt file turned into units roots (commitment.md §Units). The
/// evidence is computed here, with Core's primitives, rather than taken from the salt file's recorded roots,
/// so a salt file that does not belong to the deposit shows as a commitment mismatch.
/// </summary>
internal static class ConformanceInputs
{
    public static string Read(string fileName) => File.ReadAllText(Path.Combine(ConformanceFolder.Directory, fileName));

    public static IReadOnlyList<NoteVerifier> Keys(string fileName) =>
        [.. Read(fileName).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(NoteVerifierKey.Parse)];

    /// <summary>Null when the case gives no TSA root: the verifier then leaves tokens unchecked.</summary>
    public static TimestampTrust? Trust(IReadOnlyList<string> rootFiles, IReadOnlyList<string> operatorFiles) =>
        rootFiles.Count == 0 ? null : new TimestampTrust(rootFiles.SelectMany(Certificates), operatorFiles.SelectMany(Certificates));

    public static DepositEvidence Evidence(string contentFile, string saltFile)
    {
        Assert.True(SaltFile.TryParse(Read(saltFile), out SaltFile? salt).IsValid, saltFile);
        byte[] content = File.ReadAllBytes(Path.Combine(ConformanceFolder.Directory, contentFile));
        using var units = new UnitsRoot(salt!.MasterSalt);
        foreach (UnitDescriptor unit in UnitPlan.Plan([(string.Empty, (ulong)content.Length)], salt.ChunkSizeBytes))
        {
            units.Add(unit, ContentHasher.HashData(content.AsSpan(checked((int)unit.OffsetBytes), checked((int)unit.LengthBytes))));
        }

        return new DepositEvidence(units.Finish(), checked((uint)units.UnitCount));
    }

    private static List<X509Certificate> Certificates(string fileName)
    {
        using var reader = new PemReader(new StringReader(Read(fileName)));
        var certificates = new List<X509Certificate>();
        while (reader.ReadPemObject() is PemObject block)
        {
            Assert.Equal("CERTIFICATE", block.Type);
            certificates.Add(new X509CertificateParser().ReadCertificate(block.Content));
        }

        return certificates;
    }
}
