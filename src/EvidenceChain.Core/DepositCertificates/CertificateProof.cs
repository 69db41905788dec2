using System.Text;
using System.Text.Json;
using EvidenceChain.Core.Proofs;
using EvidenceChain.Core.Receipts;
using EvidenceChain.Core.Records;

namespace EvidenceChain.Core.DepositCertificates;

/// <summary>
/// What proves a certificate PDF, kept beside it as <c>CERT.pdf.proof.json</c> (docs/formats/certificate-proof.md):
/// the receipt of the deposit it certifies, and the record statement proving the certificate's own record (leaf
/// type 7: this PDF's digests, issued for that deposit) in the log. The PDF cannot carry them: the record names
/// the signed PDF's digest, which exists only once the PDF is complete.
/// </summary>
public sealed record CertificateProof(string ReceiptJson, RecordStatement Statement)
{
    public const string FormatV1 = "evidencechain-certificate-proof/v1";

    /// <summary>The receipt's own limit and a one-entry statement's, with room to spare.</summary>
    public const int FileLengthMaxBytes = Receipt.FileLengthMaxBytes + (64 * 1024);

    /// <summary>The file name the CLI writes and <c>verify</c> looks for beside a certificate PDF.</summary>
    public static string PathBeside(string pdfPath) => pdfPath + ".proof.json";

    public string ToJson()
    {
        using JsonDocument receipt = JsonDocument.Parse(ReceiptJson);
        using JsonDocument statement = JsonDocument.Parse(Statement.ToJson());
        return Json.Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("format", FormatV1);
            writer.WritePropertyName("receipt");
            receipt.RootElement.WriteTo(writer);
            writer.WritePropertyName("statement");
            statement.RootElement.WriteTo(writer);
            writer.WriteEndObject();
        });
    }

    /// <summary>Reads the format; the receipt and the statement inside are parsed here and verified by <see cref="CertificateVerifier"/>.</summary>
    public static Verdict TryParse(string json, out CertificateProof? proof)
    {
        ArgumentNullException.ThrowIfNull(json);
        proof = null;
        if (Encoding.UTF8.GetByteCount(json) > FileLengthMaxBytes)
        {
            return Malformed($"the proof is larger than {FileLengthMaxBytes} bytes");
        }

        if (!Json.TryParse(json, out JsonDocument? document))
        {
            return Malformed("the proof is not a JSON object");
        }

        using (document)
        {
            JsonElement root = document!.RootElement;
            if (Json.GetString(root, "format") != FormatV1
                || !root.TryGetProperty("receipt", out JsonElement receipt) || receipt.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("statement", out JsonElement statementJson) || statementJson.ValueKind != JsonValueKind.Object
                || root.EnumerateObject().Count() != 3)
            {
                return Malformed($"a certificate proof has format {FormatV1}, a 'receipt' object and a 'statement' object, and nothing else");
            }

            Verdict statementVerdict = RecordStatement.TryParse(statementJson.GetRawText(), out RecordStatement? statement);
            if (!statementVerdict.IsValid)
            {
                return Malformed("its statement: " + statementVerdict.Detail);
            }

            proof = new CertificateProof(receipt.GetRawText(), statement!);
            return Verdict.Valid;
        }
    }

    private static Verdict Malformed(string detail) => Verdict.Fail(VerificationFailure.MalformedCertificateProof, detail);
}
