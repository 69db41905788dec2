using EvidenceChain.Engine.Ports;
using LiteDB;

namespace EvidenceChain.Storage.LiteDb.Internal;

/// <summary>
/// Timestamp tokens over checkpoints, keyed by the tree size in 20 decimal digits and the authority's
/// name, so that the key's order is the tree's order and one authority has one token per checkpoint.
/// </summary>
internal static class TimestampDocuments
{
    public const string Timestamps = "timestamps";
    public const string TreeSize = "treeSize";
    public const string FromTreeSize = "$." + TreeSize + " >= @0";

    private const string Authority = "authority";
    private const string Token = "token";
    private const string ObtainedAtMs = "obtainedAtMs";

    public static BsonValue Key(ulong treeSize, string authority) =>
        new(treeSize.ToString("D20", System.Globalization.CultureInfo.InvariantCulture) + "/" + authority);

    public static BsonDocument FromTimestamp(StoredTimestamp timestamp) => new()
    {
        [Documents.Id] = Key(timestamp.TreeSize, timestamp.Authority),
        [TreeSize] = Documents.Key(timestamp.TreeSize),
        [Authority] = timestamp.Authority,
        [Token] = timestamp.TokenDer,
        [ObtainedAtMs] = timestamp.ObtainedAtMs,
    };

    public static StoredTimestamp ToTimestamp(BsonDocument document) => new(
        (ulong)document[TreeSize].AsInt64,
        document[Authority].AsString,
        document[Token].AsBinary,
        document[ObtainedAtMs].AsInt64);
}
