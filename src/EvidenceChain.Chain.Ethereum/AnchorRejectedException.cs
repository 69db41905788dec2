namespace EvidenceChain.Chain.Ethereum;

/// <summary>The contract refused a call, detected at gas estimation before anything was sent.</summary>
public sealed class AnchorRejectedException : Exception
{
    public AnchorRejectedException(AnchorRejection rejection, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Rejection = rejection;
    }

    public AnchorRejectedException()
    {
    }

    public AnchorRejectedException(string message)
        : base(message)
    {
    }

    public AnchorRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public AnchorRejection Rejection { get; }
}
