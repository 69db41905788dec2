using EvidenceChain.Core.Hashing;
using EvidenceChain.Engine.Ports;
using LiteDB;

namespace EvidenceChain.Storage.LiteDb.Internal;

/// <summary>
/// Receipt locators, keyed by the 64 hex digits of the locator's SHA-256 (never the locator: a copy
/// of the file must not open anyone's receipts), with an index on the owner.
/// </summary>
internal static class LocatorDocuments
{
    public const string Locators = "locators";
    public const string Owner = "owner";
    public const string OwnerEquals = "$." + Owner + " = @0";
    public const string OwnerAndLeafEqual = "$." + Owner + " = @0 AND $." + LeafIndex + " = @1";

    private const string LeafIndex = "leafIndex";
    private const string MintedAtMs = "mintedAtMs";
    private const string RevokedAtMs = "revokedAtMs";

    public static BsonValue Key(Digest locatorHash) => new(locatorHash.ToHex());

    public static BsonDocument FromLocator(StoredLocator locator) => new()
    {
        [Documents.Id] = Key(locator.LocatorHash),
        [LeafIndex] = Documents.Key(locator.LeafIndex),
        [Owner] = locator.OwnerPartyId,
        [MintedAtMs] = locator.MintedAtMs,
        [RevokedAtMs] = locator.RevokedAtMs is long revoked ? new BsonValue(revoked) : BsonValue.Null,
    };

    public static StoredLocator ToLocator(BsonDocument document) => new(
        Digest.FromHex(document[Documents.Id].AsString),
        (ulong)document[LeafIndex].AsInt64,
        document[Owner].AsString,
        document[MintedAtMs].AsInt64,
        document[RevokedAtMs].IsNull ? null : document[RevokedAtMs].AsInt64);

    public static long MintedAtMsOf(BsonDocument document) => document[MintedAtMs].AsInt64;
}
