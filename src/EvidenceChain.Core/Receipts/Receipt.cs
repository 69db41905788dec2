using System.Text;
using System.Text.Json;
using EvidenceChain.Core.Commitments;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Proofs;

namespace EvidenceChain.Core.Receipts;

/// <summary>
/// A receipt file (receipt.md §Receipt file): the tlog-proof, an optional depositor opening and
/// promise, and every other member (the later sections <c>anchors</c> and <c>timestamps</c>, and
/// members of newer versions) kept as raw JSON, so that adding an opening to a receipt never drops
/// a section this version cannot read. Versions 1 and 2 are read; <see cref="ToJson"/> writes version 2,
/// which differs only in specifying the <c>rfc3161</c> timestamp entries that version 1 left open.
/// </summary>
public sealed record Receipt(
    string TlogProof,
    DepositorOpening? Depositor,
    PromiseSection? Promise,
    IReadOnlyList<KeyValuePair<string, string>>? OtherMembers = null)
{
    public const string FormatV1 = "evidencechain-receipt/v1";
    public const string FormatV2 = "evidencechain-receipt/v2";
    public const int FileLengthMaxBytes = 1024 * 1024;
    private const string Anchors = "anchors";
    private const string Timestamps = "timestamps";
    private static readonly string[] s_readMembers = ["format", "tlog_proof", "depositor_opening", "promise"];

    /// <summary>
    /// The format the receipt was read in (<see cref="FormatV2"/> for one made here). A verifier checks the
    /// <c>rfc3161</c> entries of a v2 receipt only: in v1 their meaning was not yet specified.
    /// </summary>
    public string Format { get; init; } = FormatV2;

    /// <summary>How many chain anchors the receipt carries, of every kind.</summary>
    public int AnchorCount => SectionLength(Anchors);

    /// <summary>
    /// The <c>evm</c> entries of the anchors section, and how many entries are of kinds this
    /// version does not know (kept, not checked). False with a reason when an <c>evm</c> entry is malformed.
    /// </summary>
    public bool TryReadAnchors(out IReadOnlyList<EvmAnchorSection> evm, out int otherKinds, out string reason)
    {
        var read = new List<EvmAnchorSection>();
        evm = read;
        otherKinds = 0;
        reason = "";
        string? raw = (OtherMembers ?? []).FirstOrDefault(m => m.Key == Anchors).Value;
        if (raw is null)
        {
            return true;
        }

        using JsonDocument section = JsonDocument.Parse(raw);
        foreach (JsonElement entry in section.RootElement.EnumerateArray())
        {
            if (Json.GetString(entry, "type") != EvmAnchorSection.Type)
            {
                otherKinds++;
            }
            else if (EvmAnchorSection.TryRead(entry, out EvmAnchorSection? anchor, out reason))
            {
                read.Add(anchor!);
            }
            else
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>This receipt with its <c>evm</c> anchors replaced by <paramref name="evm"/>; entries of other kinds are kept as they were.</summary>
    public Receipt WithEvmAnchors(IEnumerable<EvmAnchorSection> evm)
    {
        ArgumentNullException.ThrowIfNull(evm);
        string? raw = (OtherMembers ?? []).FirstOrDefault(m => m.Key == Anchors).Value;
        string anchors = Json.Write(writer =>
        {
            writer.WriteStartArray();
            if (raw is not null)
            {
                using JsonDocument section = JsonDocument.Parse(raw);
                foreach (JsonElement entry in section.RootElement.EnumerateArray().Where(e => Json.GetString(e, "type") != EvmAnchorSection.Type))
                {
                    entry.WriteTo(writer);
                }
            }

            foreach (EvmAnchorSection anchor in evm)
            {
                anchor.WriteJson(writer);
            }

            writer.WriteEndArray();
        }).TrimEnd();
        var others = (OtherMembers ?? []).Where(m => m.Key != Anchors).ToList();
        others.Insert(0, new KeyValuePair<string, string>(Anchors, anchors));
        return this with { OtherMembers = others };
    }

    /// <summary>How many timestamp entries the receipt carries, of every kind.</summary>
    public int TimestampCount => SectionLength(Timestamps);

    /// <summary>
    /// The <c>rfc3161</c> entries of the timestamps section, and how many entries are of kinds this
    /// version does not know (kept, not checked). False with a reason when an <c>rfc3161</c> entry is malformed.
    /// </summary>
    public bool TryReadTimestamps(out IReadOnlyList<TimestampSection> rfc3161, out int otherKinds, out string reason)
    {
        var read = new List<TimestampSection>();
        rfc3161 = read;
        otherKinds = 0;
        reason = "";
        string? raw = (OtherMembers ?? []).FirstOrDefault(m => m.Key == Timestamps).Value;
        if (raw is null)
        {
            return true;
        }

        using JsonDocument section = JsonDocument.Parse(raw);
        foreach (JsonElement entry in section.RootElement.EnumerateArray())
        {
            if (Json.GetString(entry, "type") != TimestampSection.Type)
            {
                otherKinds++;
            }
            else if (TimestampSection.TryRead(entry, out TimestampSection? timestamp, out reason))
            {
                read.Add(timestamp!);
            }
            else
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>This receipt with its <c>rfc3161</c> timestamps replaced by <paramref name="rfc3161"/>; entries of other kinds are kept as they were.</summary>
    public Receipt WithTimestamps(IEnumerable<TimestampSection> rfc3161)
    {
        ArgumentNullException.ThrowIfNull(rfc3161);
        string? raw = (OtherMembers ?? []).FirstOrDefault(m => m.Key == Timestamps).Value;
        string timestamps = Json.Write(writer =>
        {
            writer.WriteStartArray();
            if (raw is not null)
            {
                using JsonDocument section = JsonDocument.Parse(raw);
                foreach (JsonElement entry in section.RootElement.EnumerateArray().Where(e => Json.GetString(e, "type") != TimestampSection.Type))
                {
                    entry.WriteTo(writer);
                }
            }

            foreach (TimestampSection timestamp in rfc3161)
            {
                timestamp.WriteJson(writer);
            }

            writer.WriteEndArray();
        }).TrimEnd();
        var others = (OtherMembers ?? []).Where(m => m.Key != Timestamps).ToList();
        int anchorsAt = others.FindIndex(m => m.Key == Anchors);
        others.Insert(anchorsAt + 1, new KeyValuePair<string, string>(Timestamps, timestamps));
        return this with { OtherMembers = others };
    }

    /// <summary>Members this version does not know at all.</summary>
    public IReadOnlyList<string> UnknownMembers =>
        (OtherMembers ?? []).Select(m => m.Key).Where(n => n is not (Anchors or Timestamps)).ToList();

    public string ToJson() => Json.Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("format", FormatV2);
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
            writer.WritePropertyName("promise");
            Promise.WriteJson(writer);
        }

        foreach (string section in (string[])[Anchors, Timestamps])
        {
            if (!(OtherMembers ?? []).Any(m => m.Key == section))
            {
                writer.WriteStartArray(section);
                writer.WriteEndArray();
            }
        }

        foreach ((string name, string raw) in OtherMembers ?? [])
        {
            writer.WritePropertyName(name);
            writer.WriteRawValue(raw, skipInputValidation: false);
        }

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

            if (format is not (FormatV1 or FormatV2))
            {
                return Verdict.Fail(VerificationFailure.UnsupportedVersion, $"receipt format '{format}' is not known to this verifier (it knows {FormatV1} and {FormatV2})");
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

            if (!IsSection(root, Anchors) || !IsSection(root, Timestamps))
            {
                return Malformed("'anchors' and 'timestamps' are arrays of objects");
            }

            var others = root.EnumerateObject()
                .Where(p => !s_readMembers.Contains(p.Name))
                .Select(p => new KeyValuePair<string, string>(p.Name, p.Value.GetRawText()))
                .ToList();
            receipt = new Receipt(tlogProof, opening, promise, others) { Format = format };
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

    private static bool IsSection(JsonElement root, string name) =>
        !root.TryGetProperty(name, out JsonElement section)
        || (section.ValueKind == JsonValueKind.Array && section.EnumerateArray().All(e => e.ValueKind == JsonValueKind.Object));

    private int SectionLength(string name)
    {
        string? raw = (OtherMembers ?? []).FirstOrDefault(m => m.Key == name).Value;
        if (raw is null)
        {
            return 0;
        }

        using JsonDocument section = JsonDocument.Parse(raw);
        return section.RootElement.GetArrayLength();
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
