using EvidenceChain.Core.Hashing;

namespace EvidenceChain.Core.Receipts;

/// <summary>The receipt's copy of the batch promise and this deposit's place in the batch.</summary>
public sealed record PromiseSection(string Note, ulong BatchIndex, IReadOnlyList<Digest> BatchProof)
{
    /// <summary>Writes the section as a JSON object (receipt.md §Receipt file, member <c>promise</c>).</summary>
    public void WriteJson(System.Text.Json.Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("note", Note);
        writer.WriteNumber("batch_index", BatchIndex);
        writer.WriteStartArray("batch_proof");
        foreach (Digest hash in BatchProof)
        {
            writer.WriteStringValue(hash.ToBase64());
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
