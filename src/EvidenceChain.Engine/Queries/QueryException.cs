namespace EvidenceChain.Engine.Queries;

/// <summary>A query that cannot be answered as asked, with a sentence for the caller.</summary>
public sealed class QueryException : Exception
{
    public QueryException(QueryFailure failure, string message)
        : base(message)
    {
        Failure = failure;
    }

    public QueryException()
    {
    }

    public QueryException(string message)
        : base(message)
    {
    }

    public QueryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public QueryFailure Failure { get; }
}
