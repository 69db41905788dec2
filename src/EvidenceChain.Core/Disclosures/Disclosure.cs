using System.Text;
using System.Text.Json;
using EvidenceChain.Core.Commitments;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Merkle;

namespace EvidenceChain.Core.Disclosures;

/// <summary>
/// A disclosure package (disclosure.md): the deposit's receipt, embedded as the receipt file is, the
/// deposit's unit count, and for each disclosed unit its index, descriptor, unit salt, inclusion proofs
/// in both units trees and the name of its content file. It never holds the master salt, another
/// unit's salt, or any content: the content travels beside it, so the package can go into the court's
/// file while the content stays under the court's confidentiality order.
/// </summary>
public sealed record Disclosure(string ReceiptJson, uint UnitCount, IReadOnlyList<DisclosedUnit> Units)
{
    public const string FormatV1 = "evidencechain-disclosure/v1";

    /// <summary>At most this many units per package: with the 1 MiB receipt, a package stays within <see cref="FileLengthMaxBytes"/>.</summary>
    public const int UnitsMax = 4096;

    /// <summary>A receipt (1 MiB) and 4,096 units of at most about 5.5 KB each.</summary>
    public const int FileLengthMaxBytes = 32 * 1024 * 1024;

    private static readonly char[] s_lowerHex = "0123456789abcdef".ToCharArray();

    /// <summary>A package for <paramref name="receiptJson"/> (a receipt file's text) and the units the builder made.</summary>
    public static Disclosure Create(string receiptJson, DisclosedUnits units)
    {
        ArgumentNullException.ThrowIfNull(receiptJson);
        ArgumentNullException.ThrowIfNull(units);
        if (!Json.TryParse(receiptJson, out JsonDocument? document))
        {
            throw new ArgumentException("The receipt is not a JSON object.", nameof(receiptJson));
        }

        document!.Dispose();
        return new Disclosure(receiptJson, units.UnitCount, units.Units);
    }

    public string ToJson() => Json.Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("format", FormatV1);
        writer.WritePropertyName("receipt");
        using (JsonDocument receipt = JsonDocument.Parse(ReceiptJson, Json.Strict))
        {
            // Rewritten member by member, not pasted: the same JSON object, indented like the rest.
            receipt.RootElement.WriteTo(writer);
        }

        writer.WriteNumber("unit_count", UnitCount);
        writer.WriteStartArray("units");
        foreach (DisclosedUnit unit in Units)
        {
            writer.WriteStartObject();
            writer.WriteNumber("index", unit.Index);
            writer.WriteString("path", unit.Unit.Path);
            writer.WriteNumber("offset_bytes", unit.Unit.OffsetBytes);
            writer.WriteNumber("length_bytes", unit.Unit.LengthBytes);
            writer.WriteString("unit_salt", unit.UnitSalt.ToHex());
            WriteProof(writer, "proof_sha256", unit.ProofSha256);
            WriteProof(writer, "proof_sm3", unit.ProofSm3);
            writer.WriteString("content_file", unit.ContentFile);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    /// <summary>
    /// Reads a package's layout (disclosure.md §Package). It checks form only; what the package claims
    /// is checked by <see cref="DisclosureVerifier"/>. Members this version does not know are ignored.
    /// </summary>
    public static DisclosureVerdict TryParse(string json, out Disclosure? disclosure)
    {
        ArgumentNullException.ThrowIfNull(json);
        disclosure = null;
        if (Encoding.UTF8.GetByteCount(json) > FileLengthMaxBytes)
        {
            return Malformed($"the package is larger than {FileLengthMaxBytes} bytes");
        }

        if (!Json.TryParse(json, out JsonDocument? document))
        {
            return Malformed("the package is not a JSON object (or repeats a member)");
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
                return DisclosureVerdict.Fail(DisclosureFailure.UnsupportedVersion, $"package format '{format}' is not known to this verifier (it knows {FormatV1})");
            }

            if (!root.TryGetProperty("receipt", out JsonElement receipt) || receipt.ValueKind != JsonValueKind.Object)
            {
                return Malformed("the 'receipt' member must be the receipt, a JSON object");
            }

            if (!Json.TryGetUInt64(root, "unit_count", out ulong unitCount) || unitCount is 0 or > UnitPlan.UnitCountMax)
            {
                return Malformed($"'unit_count' must be 1 to {UnitPlan.UnitCountMax}");
            }

            if (!root.TryGetProperty("units", out JsonElement unitsElement) || unitsElement.ValueKind != JsonValueKind.Array
                || unitsElement.GetArrayLength() is 0 or > UnitsMax)
            {
                return Malformed($"'units' must be an array of 1 to {UnitsMax} units");
            }

            var units = new List<DisclosedUnit>();
            int position = 0;
            foreach (JsonElement element in unitsElement.EnumerateArray())
            {
                if (!TryReadUnit(element, out DisclosedUnit? unit, out string reason))
                {
                    return Malformed($"units[{position}]: {reason}");
                }

                units.Add(unit!);
                position++;
            }

            disclosure = new Disclosure(receipt.GetRawText(), (uint)unitCount, units);
            return DisclosureVerdict.Valid;
        }
    }

    private static bool TryReadUnit(JsonElement element, out DisclosedUnit? unit, out string reason)
    {
        unit = null;
        if (element.ValueKind != JsonValueKind.Object)
        {
            reason = "a unit is a JSON object";
            return false;
        }

        if (!Json.TryGetUInt64(element, "index", out ulong index))
        {
            reason = "'index' must be an unsigned integer";
            return false;
        }

        string? path = Json.GetString(element, "path");
        if (path is null || (path.Length > 0 && !(UnitPlan.TryNormalizePath(path, out string normalized, out _) && normalized == path)))
        {
            reason = "'path' must be \"\" or a normalized relative path (commitment.md §Units)";
            return false;
        }

        if (!Json.TryGetUInt64(element, "offset_bytes", out ulong offset) || !Json.TryGetUInt64(element, "length_bytes", out ulong length)
            || length > ulong.MaxValue - offset)
        {
            reason = "'offset_bytes' and 'length_bytes' must be unsigned integers whose sum fits in 64 bits";
            return false;
        }

        if (!TryLowerHex(Json.GetString(element, "unit_salt"), out Digest salt))
        {
            reason = "'unit_salt' must be 64 lowercase hex digits";
            return false;
        }

        if (!TryReadProof(element, "proof_sha256", out List<Digest>? sha256) || !TryReadProof(element, "proof_sm3", out List<Digest>? sm3))
        {
            reason = $"'proof_sha256' and 'proof_sm3' must be arrays of at most {ProofPlan.ProofLengthMax} hashes, 64 lowercase hex digits each";
            return false;
        }

        string? contentFile = Json.GetString(element, "content_file");
        if (contentFile is null || !UnitPlan.TryNormalizePath(contentFile, out string file, out _) || file != contentFile)
        {
            reason = "'content_file' must be a normalized relative path, without '..'";
            return false;
        }

        unit = new DisclosedUnit(index, new UnitDescriptor(path, offset, length), new DerivedSalt(salt), sha256!, sm3!, contentFile);
        reason = string.Empty;
        return true;
    }

    private static bool TryReadProof(JsonElement element, string name, out List<Digest>? proof)
    {
        proof = null;
        if (!element.TryGetProperty(name, out JsonElement array) || array.ValueKind != JsonValueKind.Array
            || array.GetArrayLength() > ProofPlan.ProofLengthMax)
        {
            return false;
        }

        var hashes = new List<Digest>();
        foreach (JsonElement item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || !TryLowerHex(item.GetString(), out Digest hash))
            {
                return false;
            }

            hashes.Add(hash);
        }

        proof = hashes;
        return true;
    }

    private static void WriteProof(Utf8JsonWriter writer, string name, IReadOnlyList<Digest> proof)
    {
        writer.WriteStartArray(name);
        foreach (Digest hash in proof)
        {
            writer.WriteStringValue(hash.ToHex());
        }

        writer.WriteEndArray();
    }

    // Hex is lowercase in every format (README §Conventions), so one value has one spelling.
    private static bool TryLowerHex(string? hex, out Digest digest)
    {
        digest = default;
        if (hex is null || hex.Length != Digest.SizeInBytes * 2 || hex.Any(c => Array.IndexOf(s_lowerHex, c) < 0))
        {
            return false;
        }

        digest = Digest.FromHex(hex);
        return true;
    }

    private static DisclosureVerdict Malformed(string reason) => DisclosureVerdict.Fail(DisclosureFailure.MalformedDisclosure, reason);
}
