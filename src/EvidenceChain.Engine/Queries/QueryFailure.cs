namespace EvidenceChain.Engine.Queries;

/// <summary>Why a query could not be answered; the service maps each to one gRPC status.</summary>
public enum QueryFailure
{
    None = 0,
    NotFound = 1,
    OutOfRange = 2,
    InvalidArgument = 3,
    NotYetSigned = 4,
}
