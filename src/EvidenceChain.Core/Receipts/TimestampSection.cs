using System.Text.Json;
using EvidenceChain.Core.Hashing;

namespace EvidenceChain.Core.Receipts;

/// <summary>
/// One entry of a receipt's <c>timestamps</c> section of type <c>rfc3161</c> (receipt.md §Timestamps):
/// an RFC 3161 token from one TSA over a checkpoint that holds the receipt's leaf (its tree size is more
/// than the leaf's index), smaller or larger than the receipt's own checkpoint. The token's message
/// imprint is the hash (the token names SHA-256 or SM3) of the stamped checkpoint's text, the note body
/// without its signatures (<see cref="Checkpoints.Checkpoint.ToNoteText"/>). When the stamped checkpoint
/// is not the receipt's own, <paramref name="CheckpointNote"/> carries it, signed, and
/// <paramref name="ConsistencyProof"/> is the RFC 9162 consistency proof from the smaller of the two trees
/// to the larger: so the stamped tree is a prefix of the receipt's, or the reverse, and holds the leaf.
/// </summary>
/// <param name="Authority">The TSA's name as the service's configuration calls it: a label, never trusted.</param>
/// <param name="TreeSize">The stamped checkpoint's tree size.</param>
/// <param name="CheckpointNote">The stamped checkpoint's signed note; null when it is the receipt's own.</param>
/// <param name="ConsistencyProof">RFC 9162 consistency proof between the receipt's checkpoint and the stamped one, from the smaller tree to the larger; empty when they are the same.</param>
/// <param name="TokenDer">The token: DER CMS SignedData over a TSTInfo.</param>
public sealed record TimestampSection(string Authority, ulong TreeSize, string? CheckpointNote, IReadOnlyList<Digest> ConsistencyProof, byte[] TokenDer)
{
    public const string Type = "rfc3161";

    /// <summary>The longest token kept (a token with its TSA certificate chain is a few KiB).</summary>
    public const int TokenLengthMaxBytes = 64 * 1024;

    private const int ProofNodesMax = 64;

    public void WriteJson(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("type", Type);
        writer.WriteString("authority", Authority);
        writer.WriteNumber("tree_size", TreeSize);
        if (CheckpointNote is not null)
        {
            writer.WriteString("checkpoint", CheckpointNote);
        }

        writer.WriteStartArray("consistency_proof");
        foreach (Digest hash in ConsistencyProof)
        {
            writer.WriteStringValue(hash.ToBase64());
        }

        writer.WriteEndArray();
        writer.WriteString("token", Convert.ToBase64String(TokenDer));
        writer.WriteEndObject();
    }

    /// <summary>Reads an <c>rfc3161</c> entry; false with what is wrong.</summary>
    public static bool TryRead(JsonElement entry, out TimestampSection? section, out string reason)
    {
        section = null;
        reason = string.Empty;
        if (Json.GetString(entry, "authority") is not string authority || authority.Length is 0 or > 256)
        {
            reason = "a timestamp entry names its 'authority' (1 to 256 characters)";
            return false;
        }

        if (!Json.TryGetUInt64(entry, "tree_size", out ulong treeSize) || treeSize == 0)
        {
            reason = $"the timestamp entry of {authority} has no 'tree_size' of at least 1";
            return false;
        }

        string? note = null;
        if (entry.TryGetProperty("checkpoint", out JsonElement noteElement) && (noteElement.ValueKind != JsonValueKind.String || (note = noteElement.GetString()) is null))
        {
            reason = $"the timestamp entry of {authority}: 'checkpoint' is the stamped checkpoint's signed note, a string";
            return false;
        }

        var proof = new List<Digest>();
        if (!entry.TryGetProperty("consistency_proof", out JsonElement proofElement) || proofElement.ValueKind != JsonValueKind.Array || proofElement.GetArrayLength() > ProofNodesMax)
        {
            reason = $"the timestamp entry of {authority} needs a 'consistency_proof' array of at most {ProofNodesMax} base64 hashes";
            return false;
        }

        foreach (JsonElement item in proofElement.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || !Digest.TryFromBase64(item.GetString()!, out Digest hash))
            {
                reason = $"the timestamp entry of {authority}: a consistency proof node is not a base64 hash";
                return false;
            }

            proof.Add(hash);
        }

        byte[] token;
        try
        {
            token = Json.GetString(entry, "token") is string text && text.Length <= ((TokenLengthMaxBytes + 2) / 3 * 4) ? Convert.FromBase64String(text) : [];
        }
        catch (FormatException)
        {
            token = [];
        }

        if (token.Length == 0)
        {
            reason = $"the timestamp entry of {authority} needs its 'token', base64 of at most {TokenLengthMaxBytes} bytes";
            return false;
        }

        section = new TimestampSection(authority, treeSize, note, proof, token);
        return true;
    }
}
