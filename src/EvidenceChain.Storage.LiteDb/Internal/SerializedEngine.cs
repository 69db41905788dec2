using LiteDB;
using LiteDB.Engine;

namespace EvidenceChain.Storage.LiteDb.Internal;

/// <summary>
/// LiteDB's engine with one operation at a time: every call, every open query reader (until it is disposed) and every
/// explicit transaction (from <see cref="BeginTrans"/> to its commit or rollback) holds one reentrant lock. LiteDB
/// 5.0.21 is meant to take readers beside a writer, but under load a reader beside the writer and the sequencer failed
/// with "page type must be index page" (16 concurrent GetReceipt calls during ingest; upstream issues 2120, 2803), so the
/// store no longer relies on it. The lock is thread-affine: the store's callers are synchronous and dispose every reader
/// on the thread that opened it.
/// </summary>
internal sealed class SerializedEngine(LiteEngine inner) : ILiteEngine
{
    private readonly Lock _gate = new();

    [ThreadStatic]
    private static int t_transactionDepth;

    public IBsonDataReader Query(string collection, Query query)
    {
        _gate.Enter();
        try
        {
            return new HeldReader(inner.Query(collection, query), _gate);
        }
        catch
        {
            _gate.Exit();
            throw;
        }
    }

    public bool BeginTrans()
    {
        _gate.Enter();
        bool began;
        try
        {
            began = inner.BeginTrans();
        }
        catch
        {
            _gate.Exit();
            throw;
        }

        if (began)
        {
            // Held until the transaction ends.
            t_transactionDepth++;
        }
        else
        {
            _gate.Exit();
        }

        return began;
    }

    public bool Commit() => EndTransaction(inner.Commit);

    public bool Rollback() => EndTransaction(inner.Rollback);

    public int Checkpoint() => Run(inner.Checkpoint);

    /// <summary>
    /// Runs <paramref name="operation"/> with the engine to itself, after folding LiteDB's log into the data file:
    /// no query, transaction or checkpoint can touch the files until it returns (an online backup copies them then).
    /// </summary>
    public void RunCheckpointed(Action operation)
    {
        lock (_gate)
        {
            inner.Checkpoint();
            operation();
        }
    }

    public long Rebuild(RebuildOptions options) => Run(() => inner.Rebuild(options));

    public int Insert(string collection, IEnumerable<BsonDocument> docs, BsonAutoId autoId) => Run(() => inner.Insert(collection, docs, autoId));

    public int Update(string collection, IEnumerable<BsonDocument> docs) => Run(() => inner.Update(collection, docs));

    public int UpdateMany(string collection, BsonExpression transform, BsonExpression predicate) => Run(() => inner.UpdateMany(collection, transform, predicate));

    public int Upsert(string collection, IEnumerable<BsonDocument> docs, BsonAutoId autoId) => Run(() => inner.Upsert(collection, docs, autoId));

    public int Delete(string collection, IEnumerable<BsonValue> ids) => Run(() => inner.Delete(collection, ids));

    public int DeleteMany(string collection, BsonExpression predicate) => Run(() => inner.DeleteMany(collection, predicate));

    public bool DropCollection(string name) => Run(() => inner.DropCollection(name));

    public bool RenameCollection(string name, string newName) => Run(() => inner.RenameCollection(name, newName));

    public bool EnsureIndex(string collection, string name, BsonExpression expression, bool unique) => Run(() => inner.EnsureIndex(collection, name, expression, unique));

    public bool DropIndex(string collection, string name) => Run(() => inner.DropIndex(collection, name));

    public BsonValue Pragma(string name) => Run(() => inner.Pragma(name));

    public bool Pragma(string name, BsonValue value) => Run(() => inner.Pragma(name, value));

    public void Dispose()
    {
        lock (_gate)
        {
            inner.Dispose();
        }
    }

    private T Run<T>(Func<T> operation)
    {
        lock (_gate)
        {
            return operation();
        }
    }

    private bool EndTransaction(Func<bool> end)
    {
        lock (_gate)
        {
            bool ended = end();
            if (t_transactionDepth > 0)
            {
                // Release the hold BeginTrans took (the lock statement releases its own entry).
                t_transactionDepth--;
                _gate.Exit();
            }

            return ended;
        }
    }

    /// <summary>A query's reader that keeps the engine to itself until disposed.</summary>
    private sealed class HeldReader(IBsonDataReader inner, Lock gate) : IBsonDataReader
    {
        private bool _released;

        public BsonValue this[string field] => inner[field];

        public string Collection => inner.Collection;

        public BsonValue Current => inner.Current;

        public bool HasValues => inner.HasValues;

        public bool Read() => inner.Read();

        public void Dispose()
        {
            try
            {
                inner.Dispose();
            }
            finally
            {
                if (!_released)
                {
                    _released = true;
                    gate.Exit();
                }
            }
        }
    }
}
