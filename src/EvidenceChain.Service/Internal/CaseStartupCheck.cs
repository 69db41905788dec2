using EvidenceChain.Engine.Cases;
using Microsoft.Extensions.Logging;

namespace EvidenceChain.Service.Internal;

/// <summary>
/// Says at start which cases have transfers the ledger booked but no recorded transition names: a
/// crash came between booking an event's postings and recording it, and the office applies the same
/// event again (its transfers meet their fixed outcomes; nothing is paid twice).
/// </summary>
internal static partial class CaseStartupCheck
{
    public static void Report(CaseDesk cases, ILogger logger)
    {
        IEnumerable<(EvidenceChain.Cases.Records.CaseOpening Opening, EvidenceChain.Cases.CaseId Id, string State)> all =
            cases.List().Select(c => (c.Opening, c.Case.Id, c.Case.State.ToString()))
                .Concat(cases.ListSales().Select(c => (c.Opening, c.Case.Id, c.Case.State.ToString())));
        foreach ((EvidenceChain.Cases.Records.CaseOpening opening, EvidenceChain.Cases.CaseId id, string state) in all)
        {
            int unrecorded = cases.UnrecordedTransfers(id).Count;
            if (unrecorded > 0)
            {
                LedgerAhead(logger, id.ToString(), opening.CaseNumber, unrecorded, state);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Case {CaseId} ({CaseNumber}) has {Count} booked transfers that no recorded transition names (a crash between booking and recording); in {State}, apply its next event again to record it.")]
    private static partial void LedgerAhead(ILogger logger, string caseId, string caseNumber, int count, string state);
}
