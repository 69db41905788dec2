using System.Text.Json;
using EvidenceChain.Cli.Offline.Internal;
using EvidenceChain.Core.Commitments;
using EvidenceChain.Core.Proofs;
using EvidenceChain.Core.Receipts;

namespace EvidenceChain.Cli.Internal;

/// <summary>A receipt file being updated by <c>receipt FILE</c>: where it is, and what it holds.</summary>
internal sealed record ExistingReceipt(string Path, Receipt Receipt, TlogProof Proof)
{
    /// <summary>Reads and parses the file; a file that is not a receipt is unusable input.</summary>
    public static ExistingReceipt Read(string path)
    {
        string json = InputFile.ReadText(path, Receipt.FileLengthMaxBytes);
        Verdict verdict = Receipt.TryParse(json, out Receipt? receipt);
        if (!verdict.IsValid)
        {
            throw new OnlineInputException(OnlineProblem.ReceiptFileMalformed, path, verdict.Detail);
        }

        verdict = TlogProof.TryParse(receipt!.TlogProof, out TlogProof? proof);
        return verdict.IsValid
            ? new ExistingReceipt(System.IO.Path.GetFullPath(path), receipt, proof!)
            : throw new OnlineInputException(OnlineProblem.ReceiptFileMalformed, path, verdict.Detail);
    }

    /// <summary>
    /// This file upgraded with what the server sent (receipt.md: a tool that rewrites a receipt keeps
    /// every section and member it does not read). From <paramref name="fetched"/>: the tlog-proof, its
    /// promise, its <c>evm</c> anchors and its <c>rfc3161</c> timestamps, which belong with that proof: an
    /// anchor's consistency proof starts at its checkpoint, and a timestamp entry either dates that very
    /// checkpoint (carrying none of its own) or proves its own consistent with it, so an entry kept from the
    /// older proof would date or prove against the wrong checkpoint. From this file: <paramref name="opening"/>
    /// (kept or just added), and every other member and section entry unchanged; entries the server sent
    /// that the file lacks are added.
    /// </summary>
    public Receipt Upgrade(Receipt fetched, IReadOnlyList<EvmAnchorSection> fetchedEvmAnchors, IReadOnlyList<TimestampSection> fetchedTimestamps, DepositorOpening? opening)
    {
        ArgumentNullException.ThrowIfNull(fetched);
        ArgumentNullException.ThrowIfNull(fetchedEvmAnchors);
        ArgumentNullException.ThrowIfNull(fetchedTimestamps);
        IReadOnlyList<KeyValuePair<string, string>> kept = Receipt.OtherMembers ?? [];
        IReadOnlyList<KeyValuePair<string, string>> sent = fetched.OtherMembers ?? [];
        var members = kept
            .Select(member => sent.FirstOrDefault(m => m.Key == member.Key).Value is string newer
                ? new KeyValuePair<string, string>(member.Key, AddMissingEntries(member.Value, newer))
                : member)
            .Concat(sent.Where(member => !kept.Any(m => m.Key == member.Key)))
            .ToList();
        Receipt upgraded = Receipt with
        {
            TlogProof = fetched.TlogProof,
            Depositor = opening,
            Promise = fetched.Promise ?? Receipt.Promise,
            OtherMembers = members,
        };
        return upgraded.WithEvmAnchors(fetchedEvmAnchors).WithTimestamps(fetchedTimestamps);
    }

    /// <summary>A section (an array) with the entries of <paramref name="newer"/> it lacks appended; anything else stays as it was.</summary>
    private static string AddMissingEntries(string raw, string newer)
    {
        using JsonDocument old = JsonDocument.Parse(raw);
        using JsonDocument added = JsonDocument.Parse(newer);
        if (old.RootElement.ValueKind != JsonValueKind.Array || added.RootElement.ValueKind != JsonValueKind.Array)
        {
            return raw;
        }

        var present = old.RootElement.EnumerateArray().Select(Compact).ToHashSet(StringComparer.Ordinal);
        var missing = added.RootElement.EnumerateArray().Where(entry => !present.Contains(Compact(entry))).ToList();
        if (missing.Count == 0)
        {
            return raw;
        }

        // Raw texts, not re-serialized: the kept entries stay byte for byte what they were.
        return "[" + string.Join(",", old.RootElement.EnumerateArray().Concat(missing).Select(entry => entry.GetRawText())) + "]";
    }

    /// <summary>An entry without insignificant whitespace, so the same entry written by two tools compares equal.</summary>
    private static string Compact(JsonElement element)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            element.WriteTo(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
