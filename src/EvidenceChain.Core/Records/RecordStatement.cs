using System.Text.Json;
using EvidenceChain.Core.Checkpoints;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Leaves;
using EvidenceChain.Core.Merkle;
using EvidenceChain.Core.Notes;
using EvidenceChain.Core.Proofs;
using EvidenceChain.Core.Receipts;

namespace EvidenceChain.Core.Records;

/// <summary>
/// Records stored beside the log with the proof that each is in it: for every entry its record
/// leaf, the record's canonical bytes and the leaf's inclusion proof against one signed checkpoint
/// (record-statement.md). What the records say is for their own verifier (a ledger account
/// statement follows its balances); this proves that each record is the one the log committed to.
/// </summary>
/// <param name="Subject">What the records are about (for a ledger statement, <c>account:</c> and its id).</param>
/// <param name="CheckpointNote">The signed checkpoint every proof is against.</param>
/// <param name="Entries">In log order.</param>
public sealed record RecordStatement(string Subject, string CheckpointNote, IReadOnlyList<RecordStatementEntry> Entries)
{
    public const string FormatV1 = "evidencechain-record-statement/v1";

    /// <summary>The most entries one statement holds (a longer history comes in pages).</summary>
    public const int EntriesMax = 1000;

    /// <summary>The longest record an entry may carry (a ledger batch of 8,190 transfers and its snapshots).</summary>
    public const int RecordLengthMaxBytes = 2 * 1024 * 1024;

    /// <summary>The tree size the checkpoint names, read for display without verifying it (0 if it cannot be read); <see cref="Verify(IReadOnlyList{NoteVerifier}, LeafType, out VerifiedCheckpoint?, out IReadOnlyList{RecordLeaf})"/> is what proves it.</summary>
    public ulong StatedTreeSize
    {
        get
        {
            int end = CheckpointNote.IndexOf("\n\n", StringComparison.Ordinal);
            return Checkpoint.TryParse(end < 0 ? CheckpointNote : CheckpointNote[..(end + 1)], out Checkpoint? checkpoint).IsValid ? checkpoint!.TreeSize : 0;
        }
    }

    public string ToJson() => Json.Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("format", FormatV1);
        writer.WriteString("subject", Subject);
        writer.WriteString("checkpoint", CheckpointNote);
        writer.WriteStartArray("entries");
        foreach (RecordStatementEntry entry in Entries)
        {
            writer.WriteStartObject();
            writer.WriteNumber("leaf_index", entry.LeafIndex);
            writer.WriteString("leaf", Convert.ToBase64String(entry.Leaf));
            writer.WriteString("record", Convert.ToBase64String(entry.Record));
            writer.WriteStartArray("inclusion");
            foreach (Digest node in entry.Inclusion)
            {
                writer.WriteStringValue(node.ToHex());
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    public static Verdict TryParse(string json, out RecordStatement? statement)
    {
        ArgumentNullException.ThrowIfNull(json);
        statement = null;
        if (!Json.TryParse(json, out JsonDocument? document))
        {
            return Malformed("the statement is not a JSON object");
        }

        using (document)
        {
            JsonElement root = document!.RootElement;
            string? subject = Json.GetString(root, "subject");
            string? checkpoint = Json.GetString(root, "checkpoint");
            if (Json.GetString(root, "format") != FormatV1 || subject is null || checkpoint is null)
            {
                return Malformed($"a statement has format {FormatV1}, a subject and a checkpoint");
            }

            if (!root.TryGetProperty("entries", out JsonElement entries) || entries.ValueKind != JsonValueKind.Array || entries.GetArrayLength() > EntriesMax)
            {
                return Malformed($"'entries' must be an array of at most {EntriesMax}");
            }

            var parsed = new List<RecordStatementEntry>();
            foreach (JsonElement e in entries.EnumerateArray())
            {
                if (e.ValueKind != JsonValueKind.Object
                    || !Json.TryGetUInt64(e, "leaf_index", out ulong leafIndex)
                    || !TryBase64(Json.GetString(e, "leaf"), LeafEnvelope.LeafLengthMaxBytes, out byte[] leaf)
                    || !TryBase64(Json.GetString(e, "record"), RecordLengthMaxBytes, out byte[] record)
                    || !e.TryGetProperty("inclusion", out JsonElement inclusion) || inclusion.ValueKind != JsonValueKind.Array)
                {
                    return Malformed("each entry needs 'leaf_index', 'leaf' and 'record' (base64) and 'inclusion' (hex hashes)");
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

                parsed.Add(new RecordStatementEntry(leafIndex, leaf, record, nodes));
            }

            statement = new RecordStatement(subject, checkpoint, parsed);
            return Verdict.Valid;
        }
    }

    /// <summary>
    /// Verifies the checkpoint with the log's trusted keys, then every entry: its leaf is a record
    /// leaf of <paramref name="leafType"/>, commits to the record's SHA-256 and SM3, and is in the
    /// checkpoint's tree at its index. Entries must be in ascending leaf order.
    /// </summary>
    public Verdict Verify(IReadOnlyList<NoteVerifier> trustedKeys, LeafType leafType, out VerifiedCheckpoint? checkpoint, out IReadOnlyList<RecordLeaf> leaves) =>
        Verify(trustedKeys, [leafType], out checkpoint, out leaves);

    /// <summary>
    /// As <see cref="Verify(IReadOnlyList{NoteVerifier}, LeafType, out VerifiedCheckpoint?, out IReadOnlyList{RecordLeaf})"/>,
    /// for a statement whose records are of several leaf types (a case's transitions and artefacts,
    /// and the ledger batches that booked its postings): each leaf must be a record leaf of one of <paramref name="leafTypes"/>.
    /// </summary>
    public Verdict Verify(IReadOnlyList<NoteVerifier> trustedKeys, IReadOnlyList<LeafType> leafTypes, out VerifiedCheckpoint? checkpoint, out IReadOnlyList<RecordLeaf> leaves)
    {
        ArgumentNullException.ThrowIfNull(leafTypes);
        ArgumentOutOfRangeException.ThrowIfZero(leafTypes.Count, nameof(leafTypes));
        ArgumentNullException.ThrowIfNull(trustedKeys);
        leaves = [];
        Verdict verdict = CheckpointVerifier.Verify(CheckpointNote, trustedKeys, out checkpoint);
        if (!verdict.IsValid)
        {
            return verdict;
        }

        Checkpoint signed = checkpoint!.Checkpoint;
        using MerkleHasher hasher = MerkleHasher.Create(signed.Origin.TreeHash);
        var decoded = new List<RecordLeaf>(Entries.Count);
        for (int i = 0; i < Entries.Count; i++)
        {
            RecordStatementEntry entry = Entries[i];
            if (i > 0 && entry.LeafIndex <= Entries[i - 1].LeafIndex)
            {
                return Malformed($"entries are not in ascending leaf order at leaf {entry.LeafIndex}");
            }

            // The leaf names its type (leaf.md: version, then type); one not allowed is decoded as the first allowed, to name the failure.
            LeafType leafType = entry.Leaf.Length > 1 && leafTypes.Contains((LeafType)entry.Leaf[1]) ? (LeafType)entry.Leaf[1] : leafTypes[0];
            verdict = LeafEnvelope.TryDecodeRecord(entry.Leaf, leafType, out RecordLeaf? leaf);
            if (!verdict.IsValid)
            {
                return Verdict.Fail(verdict.Failure, $"leaf {entry.LeafIndex}: {verdict.Detail}");
            }

            var digests = new DigestPair(Sha256.HashData(entry.Record), Sm3.HashData(entry.Record));
            if (leaf!.Record != digests)
            {
                return Verdict.Fail(VerificationFailure.CommitmentMismatch, $"the record of leaf {entry.LeafIndex} is not the one its leaf commits to");
            }

            verdict = InclusionProof.Verify(hasher, entry.LeafIndex, signed.TreeSize, hasher.HashLeaf(entry.Leaf), [.. entry.Inclusion], signed.Root);
            if (!verdict.IsValid)
            {
                return Verdict.Fail(verdict.Failure, $"leaf {entry.LeafIndex}: {verdict.Detail}");
            }

            decoded.Add(leaf);
        }

        leaves = decoded;
        return Verdict.Valid;
    }

    /// <summary>
    /// One statement of consecutive pages of one history (record-statement.md §Pages): every page of the
    /// same subject against the byte-identical checkpoint, each after the one before in leaf order. The
    /// joined statement may hold more than <see cref="EntriesMax"/> entries; <see cref="Verify(IReadOnlyList{NoteVerifier}, LeafType, out VerifiedCheckpoint?, out IReadOnlyList{RecordLeaf})"/> proves them all.
    /// </summary>
    public static Verdict TryJoin(IReadOnlyList<RecordStatement> pages, out RecordStatement? joined)
    {
        ArgumentNullException.ThrowIfNull(pages);
        joined = null;
        if (pages.Count == 0)
        {
            return Malformed("there is no page to join");
        }

        var entries = new List<RecordStatementEntry>(pages.Sum(p => p.Entries.Count));
        for (int i = 0; i < pages.Count; i++)
        {
            RecordStatement page = pages[i];
            if (page.Subject != pages[0].Subject || !string.Equals(page.CheckpointNote, pages[0].CheckpointNote, StringComparison.Ordinal))
            {
                return Malformed($"page {i + 1} is of another subject or against another checkpoint than page 1: every page of one statement is against the same checkpoint");
            }

            if (i > 0 && (page.Entries.Count == 0 || (entries.Count > 0 && page.Entries[0].LeafIndex <= entries[^1].LeafIndex)))
            {
                return Malformed($"page {i + 1} does not continue page {i} in leaf order");
            }

            entries.AddRange(page.Entries);
        }

        joined = pages[0] with { Entries = entries };
        return Verdict.Valid;
    }

    private static bool TryBase64(string? text, int lengthMaxBytes, out byte[] bytes)
    {
        bytes = [];
        if (text is null || text.Length > ((lengthMaxBytes + 2) / 3 * 4))
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

    private static Verdict Malformed(string reason) => Verdict.Fail(VerificationFailure.MalformedStatement, reason);
}

/// <summary>One entry of a record statement: where the leaf is, the leaf, its record and the leaf's inclusion proof.</summary>
public sealed record RecordStatementEntry(ulong LeafIndex, byte[] Leaf, byte[] Record, IReadOnlyList<Digest> Inclusion);
