using System.Text.Json;
using EvidenceChain.Core.Access;
using EvidenceChain.Core.Checkpoints;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Leaves;
using EvidenceChain.Core.Merkle;
using EvidenceChain.Core.Notes;
using EvidenceChain.Core.Proofs;
using EvidenceChain.Core.Receipts;

namespace EvidenceChain.Core.Custody;

/// <summary>
/// A party's custody trail (custody-event.md §Trail): its custody records, each with an inclusion
/// proof against one signed checkpoint. Anyone holding the log's public keys verifies it offline.
/// </summary>
/// <param name="PartyId">Whose trail it is.</param>
/// <param name="CheckpointNote">The signed checkpoint every proof is against.</param>
/// <param name="Events">In log order.</param>
public sealed record CustodyTrail(string PartyId, string CheckpointNote, IReadOnlyList<CustodyTrailEvent> Events)
{
    public const string FormatV1 = "evidencechain-custody-trail/v1";

    /// <summary>The most events one trail file holds (a longer trail is fetched in pages).</summary>
    public const int EventsMax = 1000;

    public string ToJson() => Json.Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("format", FormatV1);
        writer.WriteString("party_id", PartyId);
        writer.WriteString("checkpoint", CheckpointNote);
        writer.WriteStartArray("events");
        foreach (CustodyTrailEvent e in Events)
        {
            writer.WriteStartObject();
            writer.WriteNumber("leaf_index", e.LeafIndex);
            writer.WriteString("record", Convert.ToBase64String(e.Record));
            writer.WriteStartArray("inclusion");
            foreach (Digest node in e.Inclusion)
            {
                writer.WriteStringValue(node.ToHex());
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    public static Verdict TryParse(string json, out CustodyTrail? trail)
    {
        ArgumentNullException.ThrowIfNull(json);
        trail = null;
        if (!Json.TryParse(json, out JsonDocument? document))
        {
            return Malformed("the trail is not a JSON object");
        }

        using (document)
        {
            JsonElement root = document!.RootElement;
            if (Json.GetString(root, "format") != FormatV1)
            {
                return Malformed($"the trail's format is not {FormatV1}");
            }

            string? partyId = Json.GetString(root, "party_id");
            string? checkpoint = Json.GetString(root, "checkpoint");
            if (!PartyIds.IsValid(partyId) || checkpoint is null)
            {
                return Malformed("'party_id' must be 32 lowercase hex digits and 'checkpoint' a signed checkpoint");
            }

            if (!root.TryGetProperty("events", out JsonElement events) || events.ValueKind != JsonValueKind.Array || events.GetArrayLength() > EventsMax)
            {
                return Malformed($"'events' must be an array of at most {EventsMax} events");
            }

            var parsed = new List<CustodyTrailEvent>();
            foreach (JsonElement e in events.EnumerateArray())
            {
                if (e.ValueKind != JsonValueKind.Object
                    || !Json.TryGetUInt64(e, "leaf_index", out ulong leafIndex)
                    || !TryBase64(Json.GetString(e, "record"), out byte[] record)
                    || !e.TryGetProperty("inclusion", out JsonElement inclusion) || inclusion.ValueKind != JsonValueKind.Array)
                {
                    return Malformed("each event needs 'leaf_index', 'record' (base64) and 'inclusion' (an array of hex hashes)");
                }

                var nodes = new List<Digest>();
                foreach (JsonElement node in inclusion.EnumerateArray())
                {
                    if (!Receipt.TryHex(node.ValueKind == JsonValueKind.String ? node.GetString() : null, out Digest digest))
                    {
                        return Malformed("an inclusion hash is not 64 lowercase hex digits");
                    }

                    nodes.Add(digest);
                }

                parsed.Add(new CustodyTrailEvent(leafIndex, record, nodes));
            }

            trail = new CustodyTrail(partyId!, checkpoint, parsed);
            return Verdict.Valid;
        }
    }

    /// <summary>
    /// Verifies the trail with the log's trusted keys: the checkpoint's signatures, then for every
    /// event that its record is canonical, names the trail's party, and that the leaf built from it
    /// is in the checkpoint's tree. The first failure is the answer.
    /// </summary>
    public Verdict Verify(IReadOnlyList<NoteVerifier> trustedKeys, out VerifiedCheckpoint? checkpoint, out IReadOnlyList<CustodyRecord> records)
    {
        ArgumentNullException.ThrowIfNull(trustedKeys);
        records = [];
        Verdict verdict = CheckpointVerifier.Verify(CheckpointNote, trustedKeys, out checkpoint);
        if (!verdict.IsValid)
        {
            return verdict;
        }

        Checkpoint signed = checkpoint!.Checkpoint;
        using MerkleHasher hasher = MerkleHasher.Create(signed.Origin.TreeHash);
        var decoded = new List<CustodyRecord>(Events.Count);
        foreach (CustodyTrailEvent e in Events)
        {
            if (!CustodyRecord.TryDecode(e.Record, out CustodyRecord? record, out string reason))
            {
                return Verdict.Fail(VerificationFailure.MalformedRecord, $"the record of leaf {e.LeafIndex} is not a canonical custody record: {reason}");
            }

            if (!record!.Parties.Any(p => p.PartyId == PartyId))
            {
                return Verdict.Fail(VerificationFailure.RecordNotOfParty, $"the record of leaf {e.LeafIndex} does not name party {PartyId}");
            }

            Digest leafHash = hasher.HashLeaf(record.ToLeaf(e.Record).Encode());
            verdict = InclusionProof.Verify(hasher, e.LeafIndex, signed.TreeSize, leafHash, [.. e.Inclusion], signed.Root);
            if (!verdict.IsValid)
            {
                return Verdict.Fail(verdict.Failure, $"leaf {e.LeafIndex}: {verdict.Detail}");
            }

            decoded.Add(record);
        }

        records = decoded;
        return Verdict.Valid;
    }

    private static bool TryBase64(string? text, out byte[] bytes)
    {
        bytes = [];
        if (text is null || text.Length > 4 * 1024)
        {
            return false;
        }

        try
        {
            bytes = Convert.FromBase64String(text);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static Verdict Malformed(string reason) => Verdict.Fail(VerificationFailure.MalformedTrail, reason);
}

/// <summary>One custody event of a trail: its leaf index, canonical record bytes and inclusion proof.</summary>
public sealed record CustodyTrailEvent(ulong LeafIndex, byte[] Record, IReadOnlyList<Digest> Inclusion);
