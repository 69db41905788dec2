using System.Security.Cryptography;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Storage.LiteDb.Internal;
using LiteDB;

namespace EvidenceChain.Storage.LiteDb;

public sealed partial class LiteDbLogStore
{
    /// <summary>SHA-256 over every stored subtree, checkpoint (size, root, note) and batch promise, in key order.</summary>
    internal Digest RootsDigest()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> number = stackalloc byte[8];
        foreach (BsonDocument subtree in _subtrees.Query().OrderBy(Documents.Id).ToEnumerable())
        {
            System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(number, subtree[Documents.Id].AsInt64);
            hash.AppendData(number);
            hash.AppendData(subtree[Documents.Hash].AsBinary);
        }

        foreach (BsonDocument checkpoint in _checkpoints.Query().OrderBy(Documents.Id).ToEnumerable())
        {
            var stored = Documents.ToCheckpoint(checkpoint);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(number, stored.TreeSize);
            hash.AppendData(number);
            hash.AppendData(Digest.AsBytes(stored.Root));
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(stored.Note));
        }

        foreach (BsonDocument batch in _batches.Query().OrderBy(Documents.Id).ToEnumerable())
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(batch[Documents.PromiseNote].AsString));
        }

        return Digest.Read(hash.GetHashAndReset());
    }
}
