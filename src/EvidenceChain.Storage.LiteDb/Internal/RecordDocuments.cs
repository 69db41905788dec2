using System.Globalization;
using EvidenceChain.Core.Leaves;
using EvidenceChain.Engine.Ports;
using LiteDB;

namespace EvidenceChain.Storage.LiteDb.Internal;

/// <summary>
/// Records beside the log (custody events, …), keyed by leaf index, and one index entry per party
/// a record names, keyed <c>{party}:{leaf index, 20 digits}</c> so a party's trail is a key range.
/// </summary>
internal static class RecordDocuments
{
    public const string Records = "records";
    public const string RecordKeys = "recordKeys";
    public const string ReplayKeys = "replayKeys";
    public const string RecordTypes = "recordTypes";

    private const string Type = "type";
    private const string Bytes = "bytes";

    public static BsonDocument FromRecord(ulong leafIndex, LeafType type, LeafRecord record) => new()
    {
        [Documents.Id] = Documents.Key(leafIndex),
        [Type] = (int)type,
        [Bytes] = record.Bytes,
    };

    public static StoredRecord ToRecord(BsonDocument document) =>
        new((ulong)document[Documents.Id].AsInt64, (LeafType)document[Type].AsInt32, document[Bytes].AsBinary);

    public static BsonDocument KeyEntry(string key, ulong leafIndex) => new()
    {
        [Documents.Id] = KeyEntryId(key, leafIndex),
    };

    public static BsonDocument TypeEntry(LeafType type, ulong leafIndex) => new()
    {
        [Documents.Id] = TypeKey(type, leafIndex),
    };

    /// <summary><c>{type, 3 digits}:{leaf index, 20 digits}</c>: one type's records are a key range, in log order.</summary>
    public static string TypeKey(LeafType type, ulong leafIndex) =>
        ((int)type).ToString("D3", CultureInfo.InvariantCulture) + ":" + leafIndex.ToString("D20", CultureInfo.InvariantCulture);

    /// <summary><c>{key}|{leaf index, 20 digits}</c>: one key's records are a key range, in log order.</summary>
    public static string KeyEntryId(string key, ulong leafIndex) =>
        key + "|" + leafIndex.ToString("D20", CultureInfo.InvariantCulture);

    /// <summary>The leaf index at the end of a key or type entry's id (its last 20 digits).</summary>
    public static ulong LeafIndexOf(BsonDocument entry) =>
        ulong.Parse(entry[Documents.Id].AsString.AsSpan()[^20..], CultureInfo.InvariantCulture);
}
