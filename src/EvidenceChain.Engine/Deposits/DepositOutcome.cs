namespace EvidenceChain.Engine.Deposits;

/// <summary>
/// The answer to a deposit request: rejected with a reason (nothing was stored), or every entry
/// accepted durably with its promise. <see cref="Deposits"/> follow the request's entry order.
/// </summary>
public sealed record DepositOutcome(
    DepositOutcomeStatus Status,
    string Detail,
    IReadOnlyList<AcceptedDeposit> Deposits,
    IReadOnlyList<string> PromiseNotes)
{
    public static DepositOutcome Rejected(DepositOutcomeStatus status, string detail) => new(status, detail, [], []);
}
