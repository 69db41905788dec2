using System.Text;
using System.Text.Json;
using EvidenceChain.Core.Commitments;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Proofs;

namespace EvidenceChain.Core.Receipts;

/// <summary>
/// A receipt file (receipt.md §Receipt file): the tlog-proof, an optional depositor opening and
/// promise, and later sections that this version does not check but counts for the report.
/// </summary>
public sealed record Receipt(
    string TlogProof,
    DepositorOpening? Depositor,
    PromiseSection? Promise,
    int AnchorCount = 0,
    int TimestampCount = 0,
    IReadOnlyList<string>? UnknownMembers = null)
{
    public const string FormatV1 = "evidencechain-receipt/v1";
    public const int FileLengthMaxBytes = 1024 * 1024;
    private static readonly string[] s_knownMembers = ["format", "tlog_proof", "depositor_opening", "promise", "anchors", "timestamps"];

    public string ToJson() => Json.Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("format", FormatV1);
        writer.WriteString("tlog_proof", TlogProof);
        if (Depositor is not null)
        {
            writer.WriteStartObject("depositor_opening");
            writer.WriteString("key_fingerprint", Depositor.KeyFingerprint.ToHex());
            writer.WriteString("party_salt", Depositor.PartySalt.ToHex());
            writer.WriteEndObject();
        }

        if (Promise is not null)
        {
            writer.WriteStartObject("promise");
            writer.WriteString("note", Promise.Note);
            writer.WriteNumber("batch_index", Promise.BatchIndex);
            writer.WriteStartArray("batch_proof");
            foreach (Digest hash in Promise.BatchProof)
            {
                writer.WriteStringValue(hash.ToBase64());
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteStartArray("anchors");
        writer.WriteEndArray();
        writer.WriteStartArray("timestamps");
        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    public static Verdict TryParse(string json, out Receipt? receipt)
    {
        ArgumentNullException.ThrowIfNull(json);
        receipt = null;
        if (Encoding.UTF8.GetByteCount(json) > FileLengthMaxBytes)
        {
            return Malformed($"the receipt is larger than {FileLengthMaxBytes} bytes");
        }

        if (!Json.TryParse(json, out JsonDocument? document))
        {
            return Malformed("the receipt is not a JSON object (or repeats a member)");
        }

        using (document)
        {
            JsonElement root = document!.RootElement;
            string? format = Json.GetString(root, "format");
            if (format is null)
            {
                return Malformed("the 'format' member is missing");
            }

            if (format != FormatV1)
            {
                return Verdict.Fail(VerificationFailure.UnsupportedVersion, $"receipt format '{format}' is not known to this verifier (it knows {FormatV1})");
            }

            string? tlogProof = Json.GetString(root, "tlog_proof");
            if (tlogProof is null)
            {
                return Malformed("the 'tlog_proof' member is missing");
            }

            DepositorOpening? opening = null;
            if (root.TryGetProperty("depositor_opening", out JsonElement openingElement)
                && !TryReadOpening(openingElement, out opening))
            {
                return Malformed("'depositor_opening' needs 'key_fingerprint' and 'party_salt', 64 hex digits each");
            }

            PromiseSection? promise = null;
            if (root.TryGetProperty("promise", out JsonElement promiseElement) && !TryReadPromise(promiseElement, out promise))
            {
                return Malformed("'promise' needs 'note', 'batch_index' and 'batch_proof' (base64 hashes)");
            }

            if (!TryCountSection(root, "anchors", out int anchors) || !TryCountSection(root, "timestamps", out int timestamps))
            {
                return Malformed("'anchors' and 'timestamps' are arrays of objects");
            }

            var unknown = root.EnumerateObject().Select(p => p.Name).Where(n => !s_knownMembers.Contains(n)).ToList();
            receipt = new Receipt(tlogProof, opening, promise, anchors, timestamps, unknown);
            return Verdict.Valid;
        }
    }

    private static bool TryReadOpening(JsonElement element, out DepositorOpening? opening)
    {
        opening = null;
        if (element.ValueKind != JsonValueKind.Object
            || !TryHex(Json.GetString(element, "key_fingerprint"), out Digest fingerprint)
            || !TryHex(Json.GetString(element, "party_salt"), out Digest salt))
        {
            return false;
        }

        opening = new DepositorOpening(fingerprint, new DerivedSalt(salt));
        return true;
    }

    private static bool TryReadPromise(JsonElement element, out PromiseSection? promise)
    {
        promise = null;
        if (element.ValueKind != JsonValueKind.Object || Json.GetString(element, "note") is not string note
            || !Json.TryGetUInt64(element, "batch_index", out ulong index)
            || !element.TryGetProperty("batch_proof", out JsonElement proofElement) || proofElement.ValueKind != JsonValueKind.Array
            || proofElement.GetArrayLength() > Merkle.ProofPlan.ProofLengthMax)
        {
            return false;
        }

        var proof = new List<Digest>();
        foreach (JsonElement item in proofElement.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || !Digest.TryFromBase64(item.GetString()!, out Digest hash))
            {
                return false;
            }

            proof.Add(hash);
        }

        promise = new PromiseSection(note, index, proof);
        return true;
    }

    private static bool TryCountSection(JsonElement root, string name, out int count)
    {
        count = 0;
        if (!root.TryGetProperty(name, out JsonElement section))
        {
            return true;
        }

        if (section.ValueKind != JsonValueKind.Array || section.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.Object))
        {
            return false;
        }

        count = section.GetArrayLength();
        return true;
    }

    internal static bool TryHex(string? hex, out Digest digest)
    {
        digest = default;
        if (hex is null || hex.Length != Digest.SizeInBytes * 2 || !hex.All(char.IsAsciiHexDigitLower))
        {
            return false;
        }

        digest = Digest.FromHex(hex);
        return true;
    }

    private static Verdict Malformed(string reason) => Verdict.Fail(VerificationFailure.MalformedReceipt, reason);
}
