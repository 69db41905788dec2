using System.Text.Json;
using EvidenceChain.Core.Commitments;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Proofs;

namespace EvidenceChain.Core.Receipts;

/// <summary>
/// The depositor's salt file (commitment.md §Salt file): the master salt and how the deposit was cut
/// into units. The only place the master salt lives; losing it makes the deposit unprovable.
/// </summary>
public sealed record SaltFile(MasterSalt MasterSalt, long ChunkSizeBytes, uint UnitCount, DigestPair UnitsRoot)
{
    public const string FormatV1 = "evidencechain-salt/v1";

    public string ToJson() => Json.Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("format", FormatV1);
        writer.WriteString("master_salt", Convert.ToHexStringLower(MasterSalt.Bytes));
        writer.WriteNumber("chunk_size_bytes", ChunkSizeBytes);
        writer.WriteNumber("unit_count", UnitCount);
        writer.WriteString("units_root_sha256", UnitsRoot.Sha256.ToHex());
        writer.WriteString("units_root_sm3", UnitsRoot.Sm3.ToHex());
        writer.WriteEndObject();
    });

    public static Verdict TryParse(string json, out SaltFile? saltFile)
    {
        ArgumentNullException.ThrowIfNull(json);
        saltFile = null;
        if (!Json.TryParse(json, out JsonDocument? document))
        {
            return Malformed("the salt file is not a JSON object");
        }

        using (document)
        {
            JsonElement root = document!.RootElement;
            if (Json.GetString(root, "format") != FormatV1)
            {
                return Malformed($"the salt file's format is not {FormatV1}");
            }

            string? saltHex = Json.GetString(root, "master_salt");
            if (saltHex is null || saltHex.Length % 2 != 0 || saltHex.Length / 2 is < MasterSalt.LengthMinBytes or > MasterSalt.LengthMaxBytes
                || !saltHex.All(char.IsAsciiHexDigit))
            {
                return Malformed($"'master_salt' must be {MasterSalt.LengthMinBytes} to {MasterSalt.LengthMaxBytes} bytes of hex");
            }

            if (!Json.TryGetUInt64(root, "chunk_size_bytes", out ulong chunkSize) || chunkSize > long.MaxValue || !UnitPlan.IsValidChunkSize((long)chunkSize))
            {
                return Malformed("'chunk_size_bytes' must be 0 or a power of two from 65,536 to 1,073,741,824");
            }

            if (!Json.TryGetUInt64(root, "unit_count", out ulong unitCount) || unitCount is 0 or > UnitPlan.UnitCountMax)
            {
                return Malformed($"'unit_count' must be 1 to {UnitPlan.UnitCountMax}");
            }

            if (!Receipt.TryHex(Json.GetString(root, "units_root_sha256"), out Digest sha256) || !Receipt.TryHex(Json.GetString(root, "units_root_sm3"), out Digest sm3))
            {
                return Malformed("'units_root_sha256' and 'units_root_sm3' must be 64 lowercase hex digits");
            }

            saltFile = new SaltFile(MasterSalt.FromBytes(Convert.FromHexString(saltHex)), (long)chunkSize, (uint)unitCount, new DigestPair(sha256, sm3));
            return Verdict.Valid;
        }
    }

    private static Verdict Malformed(string reason) => Verdict.Fail(VerificationFailure.MalformedSaltFile, reason);
}
